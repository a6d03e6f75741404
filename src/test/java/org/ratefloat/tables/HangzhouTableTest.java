package org.ratefloat.tables;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ratefloat.Assertions2.assertDecision;
import static org.ratefloat.Assertions2.hasWarning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratefloat.Cases;
import org.ratefloat.RuleTable;

/**
 * Boundaries of rules/cn-zj-hangzhou.json. Source: cn-floating-rules.md §5.2 (kuyiso 2023 and
 * ydliyang 2024 restatements). Premiums paid are 100,000.00, so benefits B give a payout ratio of
 * exactly B / 1,000 % (the sources state no rounding, so none is made). Class 4 benchmark 0.9 % (71号); bands 50/80/100/120/150 %.
 */
class HangzhouTableTest {
  private static final RuleTable TABLE = Cases.table("cn-zj-hangzhou");

  @ParameterizedTest(name = "benefits {0} -> band {1}, rate {2}")
  @CsvSource({
      // r = 0 with no injury -> -2: 0.9 x 0.5 = 0.45
      "0.00, -2, 0.45",
      // r = 0.004 % is above 0: "0 < r <= 50 %" -> -1 (no rounding is stated, so none is made): 0.72
      "4.00, -1, 0.72",
      "0.01, -1, 0.72",
      "50000.00, -1, 0.72",
      // r = 50.00001 % is "50 % < r <= 100 %" -> 0: 0.9
      "50000.01, 0, 0.9",
      "100000.00, 0, 0.9",
      // r = 100.00001 % -> (100, 150] -> +1: 0.9 x 1.2 = 1.08
      "100000.01, 1, 1.08",
      "150000.00, 1, 1.08",
      // r = 150.00001 % -> > 150 -> +2: 0.9 x 1.5 = 1.35
      "150000.01, 2, 1.35",
  })
  void payoutBands(String benefits, int band, String rate) {
    assertDecision(Cases.employer().year(2024, benefits).decide(TABLE), band, rate);
  }

  /**
   * The cases of the fidelity review, on 90,000.00 of premiums: each lies a hair beyond a bound and
   * must fall on the side the measure's "大于 a、小于等于 b" wording gives it.
   */
  @ParameterizedTest(name = "benefits {0} on premiums 90000 -> band {1}")
  @CsvSource({
      // 45,001 / 90,000 = 50.0011 %: 50 % < r <= 100 % -> benchmark (2 decimals half up gave 50.00 -> -1)
      "45001.00, 0, 0.9",
      // 45,000 / 90,000 = 50 % exactly: 0 < r <= 50 % -> -1
      "45000.00, -1, 0.72",
      // 135,001 / 90,000 = 150.0011 %: r > 150 % -> +2 (rounded to 150.00 it gave +1)
      "135001.00, 2, 1.35",
      "135000.00, 1, 1.08",
      // 3 / 90,000 = 0.0033 %: 0 < r <= 50 % -> -1 (rounded to 0.00 it was taken as r = 0, -2)
      "3.00, -1, 0.72",
  })
  void hairBeyondABound(String benefits, int band, String rate) {
    var c = Cases.employer().period(Cases.year(2024).premiums("90000.00").benefits(benefits));
    assertDecision(c.decide(TABLE), band, rate);
  }

  @Test
  void zeroPayoutWithInjuriesIsNotCoveredBySources() {
    // "r = 0 (no injury)": a year with a certified injury but no benefits paid is not what the
    // sources describe, so the table does not guess a band (DC001)
    var c = Cases.employer().period(Cases.year(2024).benefits("0.00").injuries(1));
    org.ratefloat.Assertions2.assertFails(org.ratefloat.error.ErrorCode.DC001, "/steps/0/rows/1",
        () -> c.decide(TABLE));
  }

  @Test
  void exactRatioIsRecordedWithItsDisplay() {
    // 45,001 / 90,000 x 100 = 4500100/90000 = 45001/900, which does not end: kept as a fraction
    var d = Cases.employer().period(Cases.year(2024).premiums("90000.00").benefits("45001.00")).decide(TABLE);
    var v = d.indicators().stream().filter(i -> i.id().equals("payoutRatio")).findFirst().orElseThrow();
    org.junit.jupiter.api.Assertions.assertEquals("45001/900", v.value().render());
    org.junit.jupiter.api.Assertions.assertEquals("", v.rounding());
    org.junit.jupiter.api.Assertions.assertEquals("50.001111",
        ((org.ratefloat.decision.Value.Fraction) v.value()).display().toPlainString());
  }

  @Test
  void aLongExactValueReadsBackFromItsRecord() {
    // 1.00 x 100 / 8,388,608.00 = 1 / 2^23 % has 23 places: the record holds it exactly and reads back
    var d = Cases.employer().period(Cases.year(2024).premiums("8388608.00").benefits("1.00")).decide(TABLE);
    var v = d.indicators().stream().filter(i -> i.id().equals("payoutRatio")).findFirst().orElseThrow();
    org.junit.jupiter.api.Assertions.assertEquals("0.00001192092895507812500".replaceAll("0+$", ""), v.value().render());
    byte[] record = org.ratefloat.RateFloat.toJson(d);
    org.junit.jupiter.api.Assertions.assertEquals(d, org.ratefloat.RateFloat.readDecision(record));
  }

  @Test
  void aPremiumLongerThanAnInputDecimalReadsBack() {
    // the longest payroll an input takes (40 characters) gives a premium of 41: derived, and read back
    String payroll = "9".repeat(40);
    var c = Cases.employer().period(Cases.year(2024).payroll(payroll).benefits("0.00"));
    var d = c.decide(TABLE);
    org.junit.jupiter.api.Assertions.assertTrue(d.premium().orElseThrow().amount().toPlainString().length() > 40);
    org.junit.jupiter.api.Assertions.assertEquals(d, org.ratefloat.RateFloat.readDecision(org.ratefloat.RateFloat.toJson(d)));
  }

  @ParameterizedTest(name = "grade {0}, benefits {1} -> band {2}")
  @CsvSource({
      // grade 1 and r <= 100 %: 0 - 2 = -2 -> 0.45
      "1, 100000.00, -2, 0.45",
      // r = 100.01 %: the credit needs r <= 100 %, so +1 stays -> 1.08
      "1, 100010.00, 1, 1.08",
      // grade 2 and r = 50 %: -1 - 1 = -2 -> 0.45
      "2, 50000.00, -2, 0.45",
      // grade 2 and r = 100 %: 0 - 1 = -1 -> 0.72
      "2, 100000.00, -1, 0.72",
      // grade 1 and r = 0: -2 - 2 = -4, not below the lowest band -> -2
      "1, 0.00, -2, 0.45",
      // grade 3 earns no credit
      "3, 100000.00, 0, 0.9",
  })
  void standardisationCredit(int grade, String benefits, int band, String rate) {
    assertDecision(Cases.employer().standard(grade, "2025-12-31").year(2024, benefits).decide(TABLE), band, rate);
  }

  @Test
  void expiredCertificateEarnsNoCredit() {
    // valid until 2024-12-31, decision as of 2025-01-01: no credit, r = 100 % -> 0
    assertDecision(Cases.employer().standard(1, "2024-12-31").year(2024, "100000.00").decide(TABLE), 0, "0.9");
  }

  @Test
  void classOneNeverFloatsDown() {
    // division 66 is class 1 (0.2 %), ladder 100/120/150 %: r = 0 asks -2, clamped to the benchmark
    var d = Cases.employer().code("66").standard(1, "2030-12-31").year(2024, "0.00").decide(TABLE);
    assertDecision(d, 0, "0.2");
    assertTrue(d.steps().stream().anyMatch(s -> s.effect().contains("clamped")));
    assertTrue(d.steps().stream().anyMatch(s -> s.step().equals("standardisation-credit")
        && s.outcome().jsonName().equals("not-applicable")));
    assertTrue(hasWarning(d, "provisional-table"));
  }

  @Test
  void classTwoDownFloatStaysAboveTheClassOneBenchmark() {
    // class 2 (0.4 %) at 50 %: 0.2, exactly the class-1 benchmark: the floor does not bind
    var d = Cases.employer().code("51").year(2024, "0.00").decide(TABLE);
    assertDecision(d, -2, "0.2");
  }
}
