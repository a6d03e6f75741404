package org.ratefloat.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ratefloat.Assertions2.assertDecision;
import static org.ratefloat.Assertions2.hasWarning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratefloat.Cases;
import org.ratefloat.RuleTable;

/**
 * Boundaries of rules/cn-hn-provisional.json. Every threshold is borrowed (see the table's
 * unverified list): payout bands from Hangzhou (§5.2), incidence add-ons from Taizhou (§5.9), deaths
 * from Ordos (§5.7), vetoes from Henan 省直 (§5.8) and Yantai (a death bars a down-float), a year with
 * injuries but no payouts at the benchmark (an unidentified city, with Jiangsu §5.1), at most two bands (71号 §III). Class 4 benchmark
 * 0.9 % (71号). Payout ratio = B / 1,000 %; incidence = injuries / headcount x 100 %.
 */
class HunanTableTest {
  private static final RuleTable TABLE = Cases.table("cn-hn-provisional");

  @Test
  void isProvisionalAndListsWhatIsUnverified() {
    assertEquals(org.ratefloat.decision.TableStatus.PROVISIONAL, TABLE.status());
    assertTrue(TABLE.unverified().size() >= 8);
    assertFalse(TABLE.gaps().isEmpty());
  }

  @ParameterizedTest(name = "benefits {0} -> band {1}")
  @CsvSource({
      "0.00, -2, 0.45",
      "50000.00, -1, 0.72",
      "50010.00, 0, 0.9",
      "100000.00, 0, 0.9",
      "100010.00, 1, 1.08",
      "150000.00, 1, 1.08",
      "150010.00, 2, 1.35",
  })
  void payoutBands(String benefits, int band, String rate) {
    var d = Cases.employer().year(2024, benefits).decide(TABLE);
    assertDecision(d, band, rate);
    assertTrue(hasWarning(d, "provisional-table"));
  }

  @ParameterizedTest(name = "injuries {0} of {1} -> band {2}")
  @CsvSource({
      // r = 50.01 % -> band 0, then incidence
      "20, 1000, 0, 0.9",      // 2.00 % -> no add-on
      "20, 995, 1, 1.08",      // 20 / 995 = 2.0100.. -> 2.01 % -> +1
      "40, 1000, 1, 1.08",     // 4.00 % -> +1
      "41, 1000, 2, 1.35",     // 4.10 % -> +2
      "60, 1000, 2, 1.35",     // 6.00 % -> +2
      "61, 1000, 2, 1.35",     // 6.10 % -> top band
  })
  void incidenceAddOn(long injuries, String headcount, int band, String rate) {
    var c = Cases.employer().period(Cases.year(2024).benefits("50010.00").injuries(injuries).headcount(headcount));
    assertDecision(c.decide(TABLE), band, rate);
  }

  @Test
  void incidenceAddsToThePayoutBand() {
    // r = 60 % -> 0; incidence 3 / 100 = 3 % adds 1 -> 0.9 x 1.2 = 1.08; 5 % adds 2 -> 1.35; 7 % the top band,
    // 1.35 (a year with injuries is never below the benchmark, so +2 and the top band coincide here)
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("60000.00").injuries(3)).decide(TABLE), 1,
        "1.08");
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("60000.00").injuries(5)).decide(TABLE), 2,
        "1.35");
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("60000.00").injuries(7)).decide(TABLE), 2,
        "1.35");
  }

  @Test
  void injuriesWithoutPayoutsPayTheBenchmarkNotTheLowestBand() {
    // r = 0 and no injury: -2 -> 0.45 (Hangzhou's row, with its guard)
    assertDecision(Cases.employer().period(Cases.year(2024).injuries(0)).decide(TABLE), -2, "0.45");
    // r = 0 with one certified injury, benefits not yet paid: the benchmark (borrowed row), incidence
    // 1 / 100 = 1 % adds nothing -> 0.9
    assertDecision(Cases.employer().period(Cases.year(2024).injuries(1)).decide(TABLE), 0, "0.9");
    // r = 0 with 5 injuries: the benchmark, then 5 % incidence adds 2 -> +2 -> 1.35
    assertDecision(Cases.employer().period(Cases.year(2024).injuries(5)).decide(TABLE), 2, "1.35");
  }

  @Test
  void aCoalMineWithADeathAndNothingPaidYetDoesNotFloatDown() {
    // 0610 (class 8, benchmark 1.9 %), at 100 %: 7 injuries and 1 death in 2024, benefits 0 at year end.
    // r = 0 with injuries -> 0; incidence 7 / 400 = 1.75 % adds nothing; the death bars a down-float:
    // 1.9 x 1.0 = 1.9
    var mine = Cases.employer().code("0610").period(Cases.year(2024).premiums("570000.00").injuries(7).deaths(1)
        .headcount("400"));
    assertDecision(mine.decide(TABLE), 0, "1.9");
    // the same mine with 70 workers: 7 / 70 = 10 % incidence -> the top band, 1.9 x 1.5 = 2.85
    var small = Cases.employer().code("0610").period(Cases.year(2024).premiums("570000.00").injuries(7).deaths(1)
        .headcount("70"));
    assertDecision(small.decide(TABLE), 2, "2.85");
  }

  @Test
  void aYearWithInjuriesDoesNotFloatDownWhateverItPaid() {
    // r = 10 % without a certified injury -> -1 (0.72); with one -> the benchmark (0.9), as with r = 0:
    // paying 38 yuan more than nothing never lowers the band
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("10000.00")).decide(TABLE), -1, "0.72");
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("10000.00").injuries(1)).decide(TABLE), 0,
        "0.9");
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("38.00").injuries(1)).decide(TABLE), 0, "0.9");
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("50000.00").injuries(1)).decide(TABLE), 0,
        "0.9");
    // r = 50.01 % with or without injuries: Hangzhou's (50, 100] row -> 0
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("50010.00")).decide(TABLE), 0, "0.9");
  }

  @Test
  void aWorkRelatedDeathBarsADownFloat() {
    // r = 10 % and no certified injury (the death recorded apart) -> -1 asked; the death holds the band at
    // the benchmark (0.9)
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("10000.00").deaths(1)).decide(TABLE), 0, "0.9");
    // a death does not stop an up-float: r = 120 % -> +1
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("120000.00").injuries(1).deaths(1))
        .decide(TABLE), 1, "1.08");
  }

  @Test
  void deaths() {
    // 2 deaths and r = 100.01 % -> +2; r = 100.00 % -> the band stays 0
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("100010.00").deaths(2).injuries(2)
        .headcount("1000")).decide(TABLE), 2, "1.35");
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("100000.00").deaths(2).injuries(2)
        .headcount("1000")).decide(TABLE), 0, "0.9");
    // 1 death, r = 120 % -> +1 only
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("120000.00").deaths(1).injuries(1)
        .headcount("1000")).decide(TABLE), 1, "1.08");
  }

  @Test
  void vetoes() {
    // arrears: r = 0 would give -2, held at the benchmark
    assertDecision(Cases.employer().arrears().year(2024, "0.00").decide(TABLE), 0, "0.9");
    // arrears do not stop an up-float
    assertDecision(Cases.employer().arrears().year(2024, "120000.00").decide(TABLE), 1, "1.08");
    // 10 deaths in one accident: no down-float; 9: the down-float stands
    assertDecision(Cases.employer().period(Cases.year(2024).maxDeathsOneAccident(10)).decide(TABLE), 0, "0.9");
    assertDecision(Cases.employer().period(Cases.year(2024).maxDeathsOneAccident(9)).decide(TABLE), -2, "0.45");
    // 50 serious injuries in one accident: no down-float; 49: stands
    assertDecision(Cases.employer().period(Cases.year(2024).maxSeriousOneAccident(50)).decide(TABLE), 0, "0.9");
    assertDecision(Cases.employer().period(Cases.year(2024).maxSeriousOneAccident(49)).decide(TABLE), -2, "0.45");
  }

  @Test
  void atMostTwoBandsFromTheCurrentBand() {
    // from 150 % (+2), r = 0 asks -2: limited to 0 -> 0.9
    assertDecision(Cases.employer().band("1.5").year(2024, "0.00").decide(TABLE), 0, "0.9");
    // from 50 % (-2), r = 200 % asks +2: limited to 0 -> 0.9
    assertDecision(Cases.employer().band("0.5").year(2024, "200000.00").decide(TABLE), 0, "0.9");
    // from 120 % (+1), r = 0 asks -2: limited to -1 -> 0.72
    assertDecision(Cases.employer().band("1.2").year(2024, "0.00").decide(TABLE), -1, "0.72");
  }

  @Test
  void newEmployerPaysTheBenchmark() {
    assertDecision(Cases.employer().firstInsured("2024-02-01").year(2024, "200000.00").decide(TABLE), 0, "0.9");
    assertDecision(Cases.employer().firstInsured("2024-01-01").year(2024, "200000.00").decide(TABLE), 2, "1.35");
  }

  @Test
  void classOneNeverBelowItsBenchmark() {
    assertDecision(Cases.employer().code("66").year(2024, "0.00").decide(TABLE), 0, "0.2");
  }
}
