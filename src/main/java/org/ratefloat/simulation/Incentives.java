package org.ratefloat.simulation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ratefloat.RuleTable;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.json.JsonOut;
import org.ratefloat.model.RatingCase;
import org.ratefloat.ranking.RankingDefinition;
import org.ratefloat.thresholds.Box;
import org.ratefloat.thresholds.Interval;
import org.ratefloat.thresholds.Outcome;
import org.ratefloat.thresholds.Quantity;
import org.ratefloat.thresholds.Reach;
import org.ratefloat.thresholds.Thresholds;
import org.ratefloat.thresholds.Variable;

/**
 * Who an incentive reaches: for each employer, the thresholds of its next decision, where next year's
 * figures are as last year's ("status quo"), and whether figures within a margin (10 %) of last
 * year's (each controllable quantity no more than the margin below or above it) reach the next lower
 * band: a box of the best outcome below the status quo's. Counted in total, by risk class and, with a
 * ranking definition, by key industry. Not thread-safe; feed it from one thread.
 *
 * <p>An employer is not assessed when its thresholds cannot be found (the table cannot decide the
 * next year, the history lacks a figure) or last year's figures of a varied quantity are not
 * recorded; it is at the best when no lower outcome is reachable at all.
 */
public final class Incentives {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private final RuleTable table;
  private final BigDecimal margin;
  private final Optional<RankingDefinition> keyIndustries;
  private final Counts total = new Counts();
  private final SortedMap<Integer, Counts> byClass = new TreeMap<>();
  private final Map<String, Counts> byKeyIndustry = new LinkedHashMap<>();
  private final SortedMap<String, Long> notAssessed = new TreeMap<>();

  /** What a group counts. */
  private static final class Counts {
    long employers;
    long assessed;
    long withinMargin;
    long lowerBeyondMargin;
    long atBest;
  }

  /**
   * @param margin the margin in percent of last year's figures, 0 to 100
   * @param keyIndustries the definition whose key industries group employers too
   */
  public Incentives(RuleTable table, BigDecimal margin, Optional<RankingDefinition> keyIndustries) {
    this.table = requireNonNull(table, "table");
    this.margin = requireNonNull(margin, "margin");
    this.keyIndustries = requireNonNull(keyIndustries, "keyIndustries");
    keyIndustries.ifPresent(d -> d.keyIndustries().forEach(k -> byKeyIndustry.put(k.id(), new Counts())));
  }

  /** Adds one employer (a case the table cannot decide is counted as not assessed, by code). */
  public void add(RatingCase c) {
    Thresholds t;
    try {
      t = table.thresholds(c);
    } catch (RateFloatException e) {
      notAssessed.merge(e.code().name(), 1L, Long::sum);
      return;
    }
    int riskClass = t.decision().riskClass();
    Optional<String> key = Optional.empty();
    if (keyIndustries.isPresent()) {
      try {
        key = keyIndustries.get().keyIndustryOf(c.employer().industry(), riskClass).map(RankingDefinition.KeyIndustry::id);
      } catch (RateFloatException unclassified) {
        key = Optional.empty();
      }
    }
    Verdict v = verdict(t, margin);
    for (Counts counts : groups(riskClass, key)) {
      counts.employers++;
      switch (v) {
        case WITHIN_MARGIN -> {
          counts.assessed++;
          counts.withinMargin++;
        }
        case BEYOND_MARGIN -> {
          counts.assessed++;
          counts.lowerBeyondMargin++;
        }
        case AT_BEST -> {
          counts.assessed++;
          counts.atBest++;
        }
        case NOT_ASSESSED -> { }
      }
    }
    if (v == Verdict.NOT_ASSESSED) {
      notAssessed.merge("no last-year figures", 1L, Long::sum);
    }
  }

  private List<Counts> groups(int riskClass, Optional<String> key) {
    List<Counts> out = new java.util.ArrayList<>();
    out.add(total);
    out.add(byClass.computeIfAbsent(riskClass, k -> new Counts()));
    key.ifPresent(k -> out.add(byKeyIndustry.computeIfAbsent(k, x -> new Counts())));
    return out;
  }

  /** Where an employer stands. */
  enum Verdict {
    /** Figures within the margin of last year's reach the next lower outcome. */
    WITHIN_MARGIN,
    /** A lower outcome is reachable, but not within the margin. */
    BEYOND_MARGIN,
    /** No outcome below the status quo is reachable. */
    AT_BEST,
    /** Last year's figures are not known, or they give no outcome. */
    NOT_ASSESSED
  }

  /** Where an employer stands, from its thresholds. */
  static Verdict verdict(Thresholds t, BigDecimal margin) {
    Map<Variable, BigDecimal> lastYear = new LinkedHashMap<>();
    for (Quantity q : t.quantities()) {
      if (q.role() == Quantity.Role.VARIED) {
        if (q.lastYear().isEmpty()) {
          return Verdict.NOT_ASSESSED;
        }
        lastYear.put(q.variable(), q.lastYear().get());
      }
    }
    Optional<Reach> now = t.at(lastYear);
    if (now.isEmpty() || !(now.get().outcome() instanceof Outcome.Decided current)) {
      return Verdict.NOT_ASSESSED;
    }
    Reach lower = null;
    for (Reach r : t.reaches()) {
      if (r.outcome() instanceof Outcome.Decided d && d.rate().compareTo(current.rate()) < 0
          && (lower == null || d.rate().compareTo(((Outcome.Decided) lower.outcome()).rate()) > 0)) {
        lower = r;
      }
    }
    if (lower == null) {
      return Verdict.AT_BEST;
    }
    BigDecimal share = margin.divide(HUNDRED);
    for (Box box : lower.boxes()) {
      boolean meets = true;
      for (Map.Entry<Variable, Interval> e : box.bounds().entrySet()) {
        BigDecimal x = lastYear.get(e.getKey());
        BigDecimal lo = x.subtract(x.abs().multiply(share));
        BigDecimal hi = x.add(x.abs().multiply(share));
        Interval in = e.getValue();
        if (in.upper().isPresent() && in.upper().get().compareTo(lo) < 0
            || in.lower().isPresent() && in.lower().get().compareTo(hi) > 0) {
          meets = false;
          break;
        }
      }
      if (meets) {
        return Verdict.WITHIN_MARGIN;
      }
    }
    return Verdict.BEYOND_MARGIN;
  }

  /** Writes the section {@code incentives} of a simulation. */
  void write(JsonOut out) {
    out.beginObject().field("table", table.id()).field("marginPercent", margin)
        .field("assumptions", "the next decision as of one year on, premiums at the new rate, payroll and headcount "
            + "as last year's; figures within the margin of last year's, each quantity the next decision reads");
    counts(out.name("total"), total);
    out.name("byClass").beginArray();
    byClass.forEach((c, n) -> {
      out.beginObject().field("riskClass", c);
      fields(out, n);
      out.endObject();
    });
    out.endArray();
    if (keyIndustries.isPresent()) {
      out.name("byKeyIndustry").beginArray();
      byKeyIndustry.forEach((k, n) -> {
        out.beginObject().field("keyIndustry", k);
        fields(out, n);
        out.endObject();
      });
      out.endArray();
    }
    out.name("notAssessed").beginObject();
    notAssessed.forEach(out::field);
    out.endObject().endObject();
  }

  private static void counts(JsonOut out, Counts n) {
    out.beginObject();
    fields(out, n);
    out.endObject();
  }

  private static void fields(JsonOut out, Counts n) {
    out.field("employers", n.employers).field("assessed", n.assessed).field("withinMargin", n.withinMargin)
        .field("lowerBeyondMargin", n.lowerBeyondMargin).field("atBest", n.atBest);
  }

  /** Employers assessed, in total. */
  public long assessed() {
    return total.assessed;
  }

  /** Employers whose figures within the margin reach the next lower band, in total. */
  public long withinMargin() {
    return total.withinMargin;
  }

  /** Employers not assessed, by reason. */
  public SortedMap<String, Long> notAssessed() {
    return java.util.Collections.unmodifiableSortedMap(notAssessed);
  }
}
