package org.ratefloat.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.synthetic.PortfolioGenerator;

/**
 * Synthetic employers for the Hangzhou comparisons, as ratefloat cases and, for those with a
 * previous calendar year on record, as the flat inputs of the DMN model.
 *
 * <p>{@link #portfolio} is the generator's mix as it comes (what the benchmarks time).
 * {@link #withEdges} alters the previous year of every other employer in a fixed pattern so that the
 * places where deciders part ways are all visited: a ratio of exactly 50, 100 and 150 %, one fen
 * above and below each, no benefits paid with and without certified injuries, and no history at all
 * (the generator alone pays benefits for every injury, almost never lands on a threshold and gives
 * every employer of this as-of date a previous year).
 */
final class Inputs {
  static final Path HANGZHOU = Path.of("rules/cn-zj-hangzhou.json");
  static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigDecimal FEN = new BigDecimal("0.01");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** How an employer's previous year was altered. */
  enum Edge {
    NONE(null, null),
    ZERO_PAYOUT_NO_INJURIES(null, null),
    ZERO_PAYOUT_WITH_INJURIES(null, null),
    AT_50(50, 0), ABOVE_50(50, 1), BELOW_50(50, -1),
    AT_100(100, 0), ABOVE_100(100, 1), BELOW_100(100, -1),
    AT_150(150, 0), ABOVE_150(150, 1), BELOW_150(150, -1),
    NO_HISTORY(null, null);

    /** The payout ratio aimed at, in percent, and how many fen of benefits above it. */
    final Integer percent;
    final Integer fen;

    Edge(Integer percent, Integer fen) {
      this.percent = percent;
      this.fen = fen;
    }
  }

  /** The flat inputs of hangzhou.dmn: the previous calendar year, the risk class and the grade. */
  record DmnInput(BigDecimal benefits, BigDecimal premiums, BigDecimal injuries, BigDecimal riskClass,
      BigDecimal standardGrade) {}

  /** One employer; {@code dmn} is empty when the case has no previous calendar year on record. */
  record Employer(RatingCase input, Optional<DmnInput> dmn, Edge edge) {}

  final RuleTable hangzhou = RateFloat.loadTable(HANGZHOU);
  /** Every employer generated, in order. */
  final List<Employer> employers;
  /** Those that the Hangzhou table decides, in order (what the benchmarks time). */
  final List<Employer> decidable;

  private Inputs(int count, long seed, boolean edges) {
    PortfolioGenerator gen = new PortfolioGenerator(seed, count, AS_OF, 1);
    List<Employer> all = new ArrayList<>(count);
    List<Employer> ok = new ArrayList<>(count);
    for (int i = 0; gen.hasNext(); i++) {
      ObjectNode doc = gen.next();
      Edge edge = edges && i % 2 == 1 ? Edge.values()[1 + (i / 2) % (Edge.values().length - 1)] : Edge.NONE;
      alter(doc, edge);
      RatingCase c;
      try {
        c = RateFloat.readCase(JSON.writeValueAsBytes(doc));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      Employer e = new Employer(c, dmnInput(c), edge);
      all.add(e);
      try {
        hangzhou.decide(c);
        ok.add(e);
      } catch (RateFloatException refused) {
        // counted by the agreement check; the benchmarks time decisions only
      }
    }
    this.employers = Collections.unmodifiableList(all);
    this.decidable = Collections.unmodifiableList(ok);
  }

  /** {@code count} employers of the generator's mix. */
  static Inputs portfolio(int count, long seed) {
    return new Inputs(count, seed, false);
  }

  /** {@code count} employers, every other one moved onto an edge (see the class comment). */
  static Inputs withEdges(int count, long seed) {
    return new Inputs(count, seed, true);
  }

  /** The decidable employers' cases. */
  List<RatingCase> cases() {
    return decidable.stream().map(Employer::input).toList();
  }

  /** The decidable employers' DMN inputs. */
  List<DmnInput> dmnInputs() {
    return decidable.stream().map(e -> e.dmn().orElseThrow()).toList();
  }

  private static void alter(ObjectNode doc, Edge edge) {
    if (edge == Edge.NONE) {
      return;
    }
    if (edge == Edge.NO_HISTORY) {
      doc.putArray("history");
      return;
    }
    ObjectNode year = null;
    for (var period : doc.withArray("history")) {
      if (period.path("year").asInt() == AS_OF.getYear() - 1) {
        year = (ObjectNode) period;
      }
    }
    if (year == null) {
      return; // a new employer: nothing to alter
    }
    switch (edge) {
      case ZERO_PAYOUT_NO_INJURIES -> {
        year.put("benefitsPaid", "0.00");
        year.put("injuries", 0);
        year.put("accidents", 0);
        year.put("deaths", 0);
        year.put("maxDeathsSingleAccident", 0);
        year.put("maxSeriousInjuriesSingleAccident", 0);
        year.putObject("disabilityCases");
      }
      case ZERO_PAYOUT_WITH_INJURIES -> {
        year.put("benefitsPaid", "0.00");
        year.put("injuries", Math.max(1, year.path("injuries").asInt()));
      }
      default -> {
        // premiums made a whole, even number of yuan, so that 50 % and 150 % of them are whole too
        BigDecimal premiums = new BigDecimal(year.path("premiumsPaid").asText())
            .divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN).multiply(BigDecimal.valueOf(2)).max(BigDecimal.TEN);
        BigDecimal benefits = premiums.multiply(BigDecimal.valueOf(edge.percent)).divide(HUNDRED)
            .add(FEN.multiply(BigDecimal.valueOf(edge.fen))).setScale(2);
        year.put("premiumsPaid", premiums.setScale(2).toPlainString());
        year.put("benefitsPaid", benefits.toPlainString());
      }
    }
  }

  /** The DMN model's inputs, read from the case without deciding it; empty without a previous year. */
  private Optional<DmnInput> dmnInput(RatingCase c) {
    LocalDate start = LocalDate.of(c.asOf().getYear() - 1, 1, 1);
    LocalDate end = LocalDate.of(c.asOf().getYear() - 1, 12, 31);
    for (Period p : c.history()) {
      if (p.from().equals(start) && p.to().equals(end)) {
        int riskClass = hangzhou.classify(c.employer().industry()).riskClass();
        int grade = c.employer().status().safetyStandardisation().map(s -> s.gradeOn(c.asOf())).orElse(0);
        return Optional.of(new DmnInput(p.value(Measure.BENEFITS_PAID).orElseThrow(),
            p.value(Measure.PREMIUMS_PAID).orElseThrow(), p.value(Measure.INJURIES).orElseThrow(),
            BigDecimal.valueOf(riskClass), BigDecimal.valueOf(grade)));
      }
    }
    return Optional.empty();
  }
}
