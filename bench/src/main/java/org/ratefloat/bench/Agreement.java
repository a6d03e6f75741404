package org.ratefloat.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.model.RatingCase;

/**
 * Compares the deciders of the Hangzhou measure employer by employer: ratefloat with the rule table
 * (the reference), the Drools DMN model and the hand-coded decision. Every employer is accounted
 * for: decided alike (band and rate), refused alike, or, for the DMN model only, not comparable
 * because the case has no previous calendar year to give it (ratefloat must then refuse the case).
 */
final class Agreement {
  private static final int SHOWN = 10;

  /** What a comparison found. */
  static final class Counts {
    int employers;
    /** Outcomes of the reference, e.g. {@code band -1} or {@code refused DC001}, with how many. */
    final SortedMap<String, Integer> outcomes = new TreeMap<>();
    /** Employers the other decider could not be given (no previous year), by the reference's code. */
    final SortedMap<String, Integer> skipped = new TreeMap<>();
    /** Employers by edge, among those compared. */
    final Map<Inputs.Edge, Integer> edges = new EnumMap<>(Inputs.Edge.class);
    int compared;
    int decidedAlike;
    int refusedAlike;
    int disagreements;
    final List<String> shown = new ArrayList<>();

    int refused(String code) {
      return outcomes.getOrDefault("refused " + code, 0);
    }

    @Override
    public String toString() {
      return employers + " employers: " + compared + " compared (" + decidedAlike + " decided alike, "
          + refusedAlike + " refused alike), " + disagreements + " disagreements, "
          + skipped.values().stream().mapToInt(Integer::intValue).sum() + " not comparable " + skipped
          + "; reference outcomes " + outcomes + "; edges " + edges
          + (shown.isEmpty() ? "" : "; first disagreements: " + String.join("; ", shown));
    }
  }

  private Agreement() {}

  /** The reference outcome: ratefloat's decision with the rule table, or its error code. */
  static Outcome ratefloat(RuleTable table, RatingCase c) {
    try {
      var d = table.decide(c);
      return Outcome.decided(d.newBand().offset(), d.rate());
    } catch (RateFloatException e) {
      return Outcome.refused(e.code().name());
    }
  }

  /** A hand-coded decision that classifies industries with the rule table's classification. */
  static HandCodedHangzhou handCoded(RuleTable table) {
    return new HandCodedHangzhou(code -> {
      try {
        return table.classify(code).riskClass();
      } catch (RateFloatException e) {
        throw new HandCodedHangzhou.Refused(e.code().name());
      }
    });
  }

  /** A hand-coded Hunan decision that classifies industries with the rule table's classification. */
  static HandCodedHunan handCodedHunan(RuleTable table) {
    return new HandCodedHunan(code -> {
      try {
        return table.classify(code).riskClass();
      } catch (RateFloatException e) {
        throw new HandCodedHangzhou.Refused(e.code().name());
      }
    });
  }

  /**
   * ratefloat with the Hunan table against the hand-coded Hunan decision, on every case: the
   * reference's outcomes counted, disagreements shown.
   */
  static Counts hunan(List<RatingCase> cases, RuleTable table, HandCodedHunan hand) {
    Counts counts = new Counts();
    for (RatingCase c : cases) {
      Outcome reference = ratefloat(table, c);
      count(counts, reference);
      counts.compared++;
      Outcome other = hand.outcome(c);
      if (!reference.agrees(other)) {
        counts.disagreements++;
        if (counts.shown.size() < SHOWN) {
          counts.shown.add(c.employer().id() + ": ratefloat " + reference + ", hand-coded " + other);
        }
      } else if (reference.isDecided()) {
        counts.decidedAlike++;
      } else {
        counts.refusedAlike++;
      }
    }
    return counts;
  }

  /** ratefloat against the DMN model; employers without a previous year are not comparable. */
  static Counts dmn(Inputs inputs, HangzhouDmn dmn) {
    Counts counts = new Counts();
    for (Inputs.Employer e : inputs.employers) {
      Outcome reference = ratefloat(inputs.hangzhou, e.input());
      count(counts, reference);
      if (e.dmn().isEmpty()) {
        counts.skipped.merge(reference.toString(), 1, Integer::sum);
        if (!reference.refused().equals(java.util.Optional.of("IN016"))) {
          disagree(counts, e, reference, "no previous year to give the DMN model");
        }
        continue;
      }
      compare(counts, e, reference, "DMN", dmn.decide(e.dmn().get()));
    }
    return counts;
  }

  /** ratefloat against the hand-coded decision, on every employer. */
  static Counts handCoded(Inputs inputs, HandCodedHangzhou hand) {
    Counts counts = new Counts();
    for (Inputs.Employer e : inputs.employers) {
      Outcome reference = ratefloat(inputs.hangzhou, e.input());
      count(counts, reference);
      compare(counts, e, reference, "hand-coded", hand.outcome(e.input()));
    }
    return counts;
  }

  /**
   * Checks that the DMN model and the hand-coded decision agree with ratefloat on every decidable
   * employer (what the benchmarks time); throws on the first disagreement.
   */
  static void requireOnDecidable(Inputs inputs, HangzhouDmn dmn, HandCodedHangzhou hand) {
    for (Inputs.Employer e : inputs.decidable) {
      Outcome reference = ratefloat(inputs.hangzhou, e.input());
      Outcome fromDmn = dmn.decide(e.dmn().orElseThrow());
      Outcome fromHand = hand.outcome(e.input());
      if (!reference.agrees(fromDmn) || !reference.agrees(fromHand)) {
        throw new IllegalStateException("the deciders disagree on " + e.input().employer().id() + ": ratefloat "
            + reference + ", DMN " + fromDmn + ", hand-coded " + fromHand);
      }
    }
  }

  private static void count(Counts counts, Outcome reference) {
    counts.employers++;
    counts.outcomes.merge(reference.isDecided() ? "band " + (reference.band() > 0 ? "+" : "") + reference.band()
        : reference.toString(), 1, Integer::sum);
  }

  private static void compare(Counts counts, Inputs.Employer e, Outcome reference, String name,
      Outcome other) {
    counts.compared++;
    counts.edges.merge(e.edge(), 1, Integer::sum);
    if (!reference.agrees(other)) {
      disagree(counts, e, reference, name + " " + other);
    } else if (reference.isDecided()) {
      counts.decidedAlike++;
    } else {
      counts.refusedAlike++;
    }
  }

  private static void disagree(Counts counts, Inputs.Employer e, Outcome reference, String other) {
    counts.disagreements++;
    if (counts.shown.size() < SHOWN) {
      counts.shown.add(e.input().employer().id() + " (" + e.edge() + "): ratefloat " + reference + ", " + other);
    }
  }
}
