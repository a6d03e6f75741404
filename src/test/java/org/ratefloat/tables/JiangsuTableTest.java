package org.ratefloat.tables;

import static org.ratefloat.Assertions2.assertDecision;
import static org.ratefloat.Assertions2.assertFails;

import org.junit.jupiter.api.Test;
import org.ratefloat.Cases;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.RuleTable;

/**
 * Boundaries of rules/cn-js-2023.json. Source: cn-floating-rules.md §5.1 (苏人社函〔2024〕450号 as
 * restated by neauxyourrole): window 2022-10-01..2024-09-30; payout ratio and incidence both zero
 * -> 80 %; zero in two consecutive periods -> 50 %; class 1 never down; up-float thresholds missing.
 * Class 4 benchmark 0.9 % (71号).
 */
class JiangsuTableTest {
  private static final RuleTable TABLE = Cases.table("cn-js-2023");

  private static Cases fourYears(String b1, long i1, String b2, long i2, String b3, long i3, String b4, long i4) {
    return Cases.employer()
        .period(Cases.range("2020-10-01", "2021-09-30").benefits(b1).injuries(i1))
        .period(Cases.range("2021-10-01", "2022-09-30").benefits(b2).injuries(i2))
        .period(Cases.range("2022-10-01", "2023-09-30").benefits(b3).injuries(i3))
        .period(Cases.range("2023-10-01", "2024-09-30").benefits(b4).injuries(i4));
  }

  @Test
  void zeroInTwoConsecutivePeriodsGivesFiftyPercent() {
    // 0.9 x 0.5 = 0.45
    assertDecision(fourYears("0", 0, "0", 0, "0", 0, "0", 0).decide(TABLE), -2, "0.45");
  }

  @Test
  void zeroOnlyInThisPeriodGivesEightyPercent() {
    // previous period benefits 0.01 > 0: one period only -> 0.9 x 0.8 = 0.72
    assertDecision(fourYears("0", 0, "0.01", 0, "0", 0, "0", 0).decide(TABLE), -1, "0.72");
    // previous period with an injury but no payout: not zero -> 0.72
    assertDecision(fourYears("0", 1, "0", 0, "0", 0, "0", 0).decide(TABLE), -1, "0.72");
  }

  @Test
  void previousPeriodNotInTheHistoryCountsAsNotZero() {
    var c = Cases.employer()
        .period(Cases.range("2022-10-01", "2023-09-30"))
        .period(Cases.range("2023-10-01", "2024-09-30"));
    assertDecision(c.decide(TABLE), -1, "0.72");
  }

  @Test
  void anyPayoutOrInjuryInThePeriodIsUndetermined() {
    // the up-float part of the measure is missing from the source
    assertFails(ErrorCode.DC001, "/steps/0/rows/2",
        () -> fourYears("0", 0, "0", 0, "0", 0, "0.01", 0).decide(TABLE));
    assertFails(ErrorCode.DC001, "/steps/0/rows/2",
        () -> fourYears("0", 0, "0", 0, "0", 1, "0", 0).decide(TABLE));
  }

  @Test
  void classOneNeverFloatsDown() {
    // division 66, class 1: 0.2 % whatever the zero periods say
    assertDecision(fourYears("0", 0, "0", 0, "0", 0, "0", 0).code("66").decide(TABLE), 0, "0.2");
  }

  @Test
  void effectivePeriodIsEnforced() {
    assertFails(ErrorCode.IN021, "/asOf", () -> Cases.employer()
        .period(Cases.range("2022-10-01", "2023-09-30")).asOf("2024-09-30").decide(TABLE));
    assertFails(ErrorCode.IN021, "/asOf",
        () -> fourYears("0", 0, "0", 0, "0", 0, "0", 0).asOf("2026-10-01").decide(TABLE));
    assertDecision(fourYears("0", 0, "0", 0, "0", 0, "0", 0).asOf("2026-09-30").decide(TABLE), -2, "0.45");
  }

  @Test
  void incompleteWindowIsRefused() {
    var c = Cases.employer().period(Cases.range("2023-10-01", "2024-09-30"));
    assertFails(ErrorCode.IN016, "/history", () -> c.decide(TABLE));
  }
}
