package org.ratefloat.thresholds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Employer;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.Status;

/**
 * The Hunan construction firm of issue 18: code 4700 (class 6, benchmark 1.3 %), decided at 150 %
 * this year, payroll 86,000,000.00 and 1,500 workers carried into next year, so that its premiums at
 * the new rate are 86,000,000.00 × 1.95 % = 1,677,000.00. The expected regions are worked out by hand
 * from rules/cn-hn-provisional.json as it stands (see the comments), and checked against deciding
 * edited cases one by one, built here without the thresholds' own code.
 */
class ConstructionFirmTest {
  static final RuleTable HUNAN = RateFloat.bundledTable("cn-hn-provisional");
  static final Variable B = Variable.of(Measure.BENEFITS_PAID);
  static final Variable I = Variable.of(Measure.INJURIES);
  static final Variable D = Variable.of(Measure.DEATHS);
  static final Variable MAX_D = Variable.of(Measure.MAX_DEATHS_SINGLE_ACCIDENT);
  static final Variable MAX_S = Variable.of(Measure.MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT);

  /** This year: payout 2,100,000.00 / 1,677,000.00 = 125.2 % (+1), incidence 45 / 1,500 = 3 % (+1): 150 %. */
  static RatingCase firm() {
    return RatingCase.builder()
        .employer(Employer.builder().id("HN-430100-CONSTR").name("湖南示例建筑工程有限公司")
            .industry(Edition.GBT_4754_2011, "4700").currentBand("1.5")
            .status(Status.builder().firstInsured(LocalDate.of(2008, 5, 1)).build()).build())
        .period(Period.year(2024).value(Measure.PAYROLL, "86000000.00").value(Measure.PREMIUMS_PAID, "1677000.00")
            .value(Measure.BENEFITS_PAID, "2100000.00").value(Measure.AVERAGE_HEADCOUNT, "1500")
            .value(Measure.INJURIES, 45).value(Measure.DEATHS, 0).value(Measure.MAX_DEATHS_SINGLE_ACCIDENT, 0)
            .value(Measure.MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT, 2).build())
        .asOf(LocalDate.of(2025, 1, 1))
        .build();
  }

  /** The next case built by hand: 2025 with the assumed figures and the quantities given. */
  static RatingCase edited(long fen, long injuries, long deaths, long maxDeaths, long maxSerious) {
    RatingCase c = firm();
    Period next = Period.year(2025).value(Measure.PAYROLL, "86000000.00").value(Measure.PREMIUMS_PAID, "1677000.00")
        .value(Measure.PREMIUMS_AT_BENCHMARK, "1118000.00").value(Measure.AVERAGE_HEADCOUNT, "1500")
        .value(Measure.BENEFITS_PAID, BigDecimal.valueOf(fen, 2)).value(Measure.INJURIES, injuries)
        .value(Measure.DEATHS, deaths).value(Measure.MAX_DEATHS_SINGLE_ACCIDENT, maxDeaths)
        .value(Measure.MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT, maxSerious).build();
    return c.toBuilder().employer(c.employer().toBuilder().currentBand("1.5").build()).period(next)
        .asOf(LocalDate.of(2026, 1, 1)).build();
  }

  @Test
  void thisYearIsDecidedAt150() {
    Decision d = HUNAN.decide(firm());
    assertEquals(6, d.riskClass());
    assertEquals(0, new BigDecimal("1.5").compareTo(d.newBand().multiplier()));
    assertEquals(0, new BigDecimal("1.95").compareTo(d.rate()));
  }

  /** An interval [lo, hi] (hi null: unbounded). */
  static Interval in(String lo, String hi) {
    return hi == null ? Interval.atLeast(new BigDecimal(lo)) : Interval.of(new BigDecimal(lo), new BigDecimal(hi));
  }

  static Box box(Interval b, Interval i, Interval d) {
    Map<Variable, Interval> m = new LinkedHashMap<>();
    m.put(B, b);
    m.put(I, i);
    m.put(D, d);
    m.put(MAX_D, in("0", null));
    m.put(MAX_S, in("0", null));
    return Box.of(m);
  }

  /**
   * By hand, for the next year (current band 1.5, so at most two bands down: 1.0; premiums P =
   * 1,677,000.00, so the payout bands 0 / 50 / 100 / 150 % are B = 0 / 838,500.00 / 1,677,000.00 /
   * 2,515,500.00; incidence I / 1,500: 2 / 4 / 6 % are 30 / 60 / 90 injuries):
   * <ul>
   *   <li>1.0: no add-on (I ≤ 30) and a payout band of at most 0 (B ≤ 1,677,000.00: a year with
   *       injuries and B ≤ 838,500.00 is the benchmark row, 0; without injuries −1 or −2, held at 0 by
   *       the two-band limit). A −1 never offsets an add-on: the payout rows below the benchmark need a
   *       year without injuries, which has no add-on. Deaths do not matter: the death veto keeps the
   *       band at the benchmark at least, which the two-band limit already does.
   *   <li>1.2: I 31..60 (+1) and B ≤ 1,677,000.00 (0); or I ≤ 30 and 1,677,000.00 &lt; B ≤
   *       2,515,500.00 (+1) without two deaths (two deaths with a payout over 100 % set +2).
   *   <li>1.5: the rest (I 61..90 is +2 against a payout band of at least 0).
   * </ul>
   */
  @Test
  void theRegionsAreTheHandComputedOnes() {
    Thresholds t = HUNAN.thresholds(firm());
    assertTrue(t.exact());
    assertEquals(LocalDate.of(2026, 1, 1), t.asOf());
    assertEquals(LocalDate.of(2025, 1, 1), t.periodFrom());
    assertEquals(LocalDate.of(2025, 12, 31), t.periodTo());
    assertEquals(List.of(B, I, D, MAX_D, MAX_S), t.varied());
    assertEquals(List.of(
        Assumption.of(Measure.PAYROLL, java.util.Optional.of(new BigDecimal("86000000.00")), Assumption.Basis.LAST_YEAR),
        Assumption.of(Measure.PREMIUMS_PAID, java.util.Optional.of(new BigDecimal("1677000.00")),
            Assumption.Basis.AT_NEW_RATE),
        // 86,000,000.00 x 1.3 % = 1,118,000.00
        Assumption.of(Measure.PREMIUMS_AT_BENCHMARK, java.util.Optional.of(new BigDecimal("1118000.00")),
            Assumption.Basis.AT_BENCHMARK),
        Assumption.of(Measure.AVERAGE_HEADCOUNT, java.util.Optional.of(new BigDecimal("1500")),
            Assumption.Basis.LAST_YEAR)), t.assumptions());
    assertEquals(3, t.reaches().size());
    Reach best = t.reaches().get(0);
    assertEquals(0, ((Outcome.Decided) best.outcome()).band().offset());
    assertEquals(0, new BigDecimal("1.3").compareTo(((Outcome.Decided) best.outcome()).rate()));
    assertEquals(List.of("move-at-most-2"), best.limitedBy());
    assertEquals(List.of(box(in("0", "1677000.00"), in("0", "30"), in("0", null))), best.boxes());
    Reach middle = t.reaches().get(1);
    assertEquals(1, ((Outcome.Decided) middle.outcome()).band().offset());
    assertEquals(List.of(box(in("0", "1677000.00"), in("31", "60"), in("0", null)),
        box(in("1677000.01", "2515500.00"), in("0", "30"), in("0", "1"))), middle.boxes());
    assertEquals(2, ((Outcome.Decided) t.reaches().get(2).outcome()).band().offset());
    assertEquals(java.util.Set.of(Quantity.Role.NOT_READ), t.quantities().stream()
        .filter(q -> q.variable().equals(Variable.of(Measure.ACCIDENTS))
            || q.variable().equals(Variable.of(Measure.OCCUPATIONAL_DISEASE_CASES)))
        .map(Quantity::role).collect(java.util.stream.Collectors.toSet()));
  }

  /**
   * Deciding edited cases one by one (each built here, not by the thresholds) gives the outcome the
   * thresholds promise, at every combination of values on both sides of every bound.
   */
  @Test
  void editedCasesDecidedOneByOneAgree() {
    Thresholds t = HUNAN.thresholds(firm());
    long[] fens = {0, 1, 83849999, 83850000, 83850001, 167699999, 167700000, 167700001, 251549999, 251550000,
        251550001, 900000000};
    long[] injuries = {0, 1, 29, 30, 31, 59, 60, 61, 89, 90, 91, 400};
    long[] deaths = {0, 1, 2, 3};
    long[][] peaks = {{0, 0}, {9, 49}, {10, 0}, {0, 50}};
    int checked = 0;
    for (long f : fens) {
      for (long i : injuries) {
        for (long d : deaths) {
          for (long[] p : peaks) {
            if (p[0] > d) {
              continue; // the most deaths in one accident cannot exceed the deaths
            }
            Decision direct = HUNAN.decide(edited(f, i, d, p[0], p[1]));
            Map<Variable, BigDecimal> point = Map.of(B, BigDecimal.valueOf(f, 2), I, BigDecimal.valueOf(i),
                D, BigDecimal.valueOf(d), MAX_D, BigDecimal.valueOf(p[0]), MAX_S, BigDecimal.valueOf(p[1]));
            Outcome promised = t.at(point).orElseThrow().outcome();
            assertEquals(new Outcome.Decided(direct.newBand(), direct.rate(), List.of()), promised, point.toString());
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 1000, "checked " + checked);
  }
}
