package org.ratefloat.tables;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ratefloat.Assertions2.assertDecision;
import static org.ratefloat.Assertions2.assertFails;
import static org.ratefloat.Assertions2.hasWarning;

import org.junit.jupiter.api.Test;
import org.ratefloat.Cases;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.RuleTable;

/**
 * Boundaries of rules/cn-nm-ordos-2015.json. Source: cn-floating-rules.md §5.7 (shebaodata; the
 * older wording at jwbk and shbk). Class 4 benchmark 0.9 %, class 1 0.2 % (71号). Payout ratio
 * = B / 1,000 % of premiums 100,000.00.
 */
class OrdosTableTest {
  private static final RuleTable TABLE = Cases.table("cn-nm-ordos-2015");

  private static Cases clean(int years) {
    Cases c = Cases.employer();
    for (int y = 2019; y <= 2024; y++) {
      c.period(Cases.year(y).injuries(y > 2024 - years ? 0 : 1));
    }
    return c;
  }

  @Test
  void severeEventsWithFundUseOverPremiumsGoToTheTopBand() {
    // >= 6 cases at grades 7-10 and fund use 100.01 % > 100 % -> +2 -> 0.9 x 1.5 = 1.35
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("100010.00").injuries(6).grade(9, 6))
        .decide(TABLE), 2, "1.35");
    // >= 3 cases at grades 1-6
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("100010.00").injuries(3).grade(5, 3))
        .decide(TABLE), 2, "1.35");
    // >= 2 deaths
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("100010.00").injuries(2).deaths(2))
        .decide(TABLE), 2, "1.35");
  }

  @Test
  void eventsBelowItemTwoAreUndetermined() {
    // fund use exactly 100 % is not over 100 %: item (2) does not apply; item (1) is cut off
    assertFails(ErrorCode.DC001, "/steps/1/rows/1", () -> Cases.employer()
        .period(Cases.year(2024).benefits("100000.00").injuries(6).grade(9, 6)).decide(TABLE));
    // 5 cases at grades 7-10 with high fund use: below the item (2) count
    assertFails(ErrorCode.DC001, "/steps/1/rows/1", () -> Cases.employer()
        .period(Cases.year(2024).benefits("300000.00").injuries(5).grade(9, 5)).decide(TABLE));
    // one death
    assertFails(ErrorCode.DC001, "/steps/1/rows/1", () -> Cases.employer()
        .period(Cases.year(2024).benefits("300000.00").injuries(1).deaths(1)).decide(TABLE));
  }

  @Test
  void cleanYears() {
    // three clean years at the benchmark -> -1 -> 0.72
    assertDecision(clean(3).decide(TABLE), -1, "0.72");
    // two clean years: nothing fires, the current band (benchmark) is kept
    var two = clean(2).decide(TABLE);
    assertDecision(two, 0, "0.9");
    assertTrue(hasWarning(two, "c28-keep"));
    // an up-floated employer with three clean years returns to the benchmark
    assertDecision(clean(3).band("1.5").decide(TABLE), 0, "0.9");
    // five clean years and an award -> -2 -> 0.45; four with an award -> -1
    assertDecision(clean(5).flag("municipalSafetyAward", true).decide(TABLE), -2, "0.45");
    assertDecision(clean(4).flag("municipalSafetyAward", true).decide(TABLE), -1, "0.72");
    // five clean years without an award -> -1
    assertDecision(clean(5).decide(TABLE), -1, "0.72");
    // already at 80 % with three clean years: kept at 80 %
    assertDecision(clean(3).band("0.8").decide(TABLE), -1, "0.72");
  }

  @Test
  void classOne() {
    // 4 cases at grades 7-10 -> +1 -> 0.2 x 1.2 = 0.24; 3 cases -> kept at 0.2
    assertDecision(Cases.employer().code("66").period(Cases.year(2024).injuries(4).grade(10, 4))
        .decide(TABLE), 1, "0.24");
    assertDecision(Cases.employer().code("66").period(Cases.year(2024).injuries(3).grade(10, 3))
        .decide(TABLE), 0, "0.2");
    // 2 cases at grades 1-6, or 1 death -> +1
    assertDecision(Cases.employer().code("66").period(Cases.year(2024).injuries(2).grade(6, 2))
        .decide(TABLE), 1, "0.24");
    assertDecision(Cases.employer().code("66").period(Cases.year(2024).injuries(1).deaths(1))
        .decide(TABLE), 1, "0.24");
    // already up (120 %) and again 2 cases at grades 7-10 -> +2 -> 0.3 (derived row)
    var again = Cases.employer().code("66").band("1.2").period(Cases.year(2024).injuries(2).grade(8, 2))
        .decide(TABLE);
    assertDecision(again, 2, "0.3");
    assertTrue(hasWarning(again, "c1-repeat"));
    // already up, one case only: kept at 120 %
    assertDecision(Cases.employer().code("66").band("1.2").period(Cases.year(2024).injuries(1).grade(8, 1))
        .decide(TABLE), 1, "0.24");
    // already up, three clean years -> benchmark
    assertDecision(clean(3).code("66").band("1.2").decide(TABLE), 0, "0.2");
  }

  @Test
  void fundUseAHairAboveOneHundredPercentIsOver() {
    // §5.7 item (2): "基金支出超过缴费" -- 100,004 / 100,000 = 100.004 % is over 100 % (2 decimals
    // half up made it 100.00 %, not over, and the case undetermined)
    assertDecision(Cases.employer().period(Cases.year(2024).benefits("100004.00").injuries(2).deaths(2))
        .decide(TABLE), 2, "1.35");
  }
}
