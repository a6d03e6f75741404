package org.ratefloat.tables;

import static org.ratefloat.Assertions2.assertDecision;
import static org.ratefloat.Assertions2.assertFails;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratefloat.Cases;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.RuleTable;

/**
 * Boundaries of rules/cn-ha-puyang.json. Source: cn-floating-rules.md §5.10 (shebaoonline):
 * previous-year payout ratio p = B / 1,000 %; each step +0.1 pp (class 2) or +0.2 pp (class 3);
 * caps 1.5 / 3 %, floors 0.5 / 1 %; three years at 0 -> -20 %. The benchmark is not in the source,
 * so the cases give it (1.0 % for class 2, 2.0 % for class 3).
 */
class PuyangTableTest {
  private static final RuleTable TABLE = Cases.table("cn-ha-puyang");

  @ParameterizedTest(name = "class {0}, benefits {1} -> {2} %")
  @CsvSource({
      "2, 99990.00, 1.0",      // p = 99.99 < 100 -> unchanged
      "2, 100010.00, 1.1",     // (100, 200] -> +0.1
      "2, 200000.00, 1.1",
      "2, 200010.00, 1.2",     // (200, 300] -> +0.2
      "2, 300010.00, 1.3",
      "2, 400010.00, 1.4",
      "2, 500000.00, 1.4",
      "2, 500010.00, 1.5",     // > 500 -> +0.5 = 1.5, exactly the cap
      "3, 99990.00, 2.0",
      "3, 100010.00, 2.2",     // +0.2
      "3, 300010.00, 2.6",     // +0.6
      "3, 500010.00, 3.0",     // +1.0 = 3.0, exactly the cap
  })
  void steps(int riskClass, String benefits, String rate) {
    var d = Cases.employer().riskClass(riskClass).benchmark(riskClass == 2 ? "1.0" : "2.0")
        .asOf("2012-01-01").year(2010, "1.00").year(2011, benefits).decide(TABLE);
    assertDecision(d, 0, rate);
  }

  @Test
  void exactlyOneHundredPercentIsUndetermined() {
    assertFails(ErrorCode.DC001, "/steps/2/rows/1", () -> Cases.employer().riskClass(2).benchmark("1.0")
        .asOf("2012-01-01").year(2011, "100000.00").decide(TABLE));
  }

  @Test
  void capsAndFloors() {
    // class 2 at 1.2 + 0.5 = 1.7 -> cap 1.5
    assertDecision(Cases.employer().riskClass(2).benchmark("1.2").asOf("2012-01-01").year(2011, "600000.00").decide(TABLE), 0, "1.5");
    // class 3 at 2.5 + 1.0 = 3.5 -> cap 3
    assertDecision(Cases.employer().riskClass(3).benchmark("2.5").asOf("2012-01-01").year(2011, "600000.00").decide(TABLE), 0, "3");
    // three zero years: class 2 at 0.6 x 0.8 = 0.48 -> floor 0.5
    assertDecision(Cases.employer().riskClass(2).benchmark("0.6").asOf("2012-01-01").year(2009, "0").year(2010, "0").year(2011, "0")
        .decide(TABLE), 0, "0.5");
    // class 3 at 1.2 x 0.8 = 0.96 -> floor 1
    assertDecision(Cases.employer().riskClass(3).benchmark("1.2").asOf("2012-01-01").year(2009, "0").year(2010, "0").year(2011, "0")
        .decide(TABLE), 0, "1");
  }

  @Test
  void threeZeroYearsTakeTwentyPercentOff() {
    // 1.0 x 0.8 = 0.8; two zero years only -> 1.0
    assertDecision(Cases.employer().riskClass(2).benchmark("1.0").asOf("2012-01-01").year(2009, "0").year(2010, "0").year(2011, "0")
        .decide(TABLE), 0, "0.8");
    assertDecision(Cases.employer().riskClass(2).benchmark("1.0").asOf("2012-01-01").year(2009, "5").year(2010, "0").year(2011, "0")
        .decide(TABLE), 0, "1.0");
  }

  @Test
  void classOneIsNotCovered() {
    assertFails(ErrorCode.DC001, "/steps/0/rows/0", () -> Cases.employer().riskClass(1).benchmark("0.5")
        .asOf("2012-01-01").year(2011, "0").decide(TABLE));
  }

  @Test
  void threeClassEraOnly() {
    // the eight-class era starts 2015-10-01
    assertFails(ErrorCode.IN021, "/asOf", () -> Cases.employer().riskClass(2).benchmark("1.0")
        .year(2024, "0").decide(TABLE));
  }

  @ParameterizedTest(name = "class 2, benefits {0} -> {1} %")
  @CsvSource({
      // §5.10: "exactly 100 %" is undetermined, but 99.996 % is below 100 % (unchanged) and
      // 100.004 % is in (100, 200] (+0.1); 2 decimals half up sent both to the 100.00 row (DC001)
      "99996.00, 1.0",
      "100004.00, 1.1",
      // 200.004 % is in (200, 300]: +0.2 (rounded to 200.00 it took +0.1)
      "200004.00, 1.2",
  })
  void aHairAroundABound(String benefits, String rate) {
    var d = Cases.employer().riskClass(2).benchmark("1.0")
        .asOf("2012-01-01").year(2010, "1.00").year(2011, benefits).decide(TABLE);
    assertDecision(d, 0, rate);
  }
}
