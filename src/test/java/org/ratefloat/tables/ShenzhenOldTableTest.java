package org.ratefloat.tables;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ratefloat.Assertions2.assertDecision;
import static org.ratefloat.Assertions2.assertFails;
import static org.ratefloat.Assertions2.hasWarning;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.ratefloat.Cases;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.RuleTable;

/**
 * Boundaries of rules/cn-gd-shenzhen-old.json. Source: cn-floating-rules.md §5.3(b) (zjtcn art. 6,
 * chachaba definitions). Payout ratio c = B / 1,000 % (premiums 100,000.00); accident rate
 * a = injuries x 1000 / (headcount x 12) per mille, 3 decimals half up. The benchmark is not in the
 * sources, so the cases give 1.0 %; bands 50/80/100/120/150 %.
 */
class ShenzhenOldTableTest {
  private static final RuleTable TABLE = Cases.table("cn-gd-shenzhen-old");

  @ParameterizedTest(name = "benefits {0}, injuries {1}, headcount {2} -> band {3}")
  @CsvSource({
      // c = 10.00 % <= 10 -> -2 -> 0.5
      "10000.00, 0, 100, -2, 0.5",
      // c = 10.01 % -> (10, 30] -> -1 -> 0.8
      "10010.00, 0, 100, -1, 0.8",
      "30000.00, 0, 100, -1, 0.8",
      // c = 30.01 %, a = 3000 / 1500 = 2.000 per mille <= 2.0 -> 0 -> 1.0
      "30010.00, 3, 125, 0, 1.0",
      // a = 3000 / 1488 = 2.016 per mille > 2.0 -> +1 -> 1.2
      "30010.00, 3, 124, 1, 1.2",
      "100000.00, 3, 125, 0, 1.0",
      "100000.00, 3, 124, 1, 1.2",
      // c = 100.01 %, a <= 2.0 -> +1 -> 1.2
      "100010.00, 3, 125, 1, 1.2",
      "150000.00, 3, 125, 1, 1.2",
      // c = 150.01 % -> +2 (reconstructed) -> 1.5
      "150010.00, 0, 100, 2, 1.5",
  })
  void bands(String benefits, long injuries, String headcount, int band, String rate) {
    var d = Cases.employer().riskClass(2).benchmark("1.0").asOf("2012-01-01")
        .period(Cases.year(2011).benefits(benefits).injuries(injuries).headcount(headcount))
        .decide(TABLE);
    assertDecision(d, band, rate);
  }

  @Test
  void reconstructedRowsWarn() {
    // c = 150.00 %, a = 2.016 per mille > 2.0: the cut-off row, presumed +2
    var d = Cases.employer().riskClass(3).benchmark("2.0").asOf("2012-01-01")
        .period(Cases.year(2011).benefits("150000.00").injuries(3).headcount("124")).decide(TABLE);
    assertDecision(d, 2, "3.0");
    assertTrue(hasWarning(d, "payout-100-150-high"));
  }

  @Test
  void classOneFloatsDownInThisMeasure() {
    // class 1 had all five bands here: c <= 10 % -> 50 % of a 0.5 % benchmark = 0.25
    assertDecision(Cases.employer().riskClass(1).benchmark("0.5").asOf("2012-01-01").year(2011, "0.00").decide(TABLE), -2, "0.25");
  }

  @Test
  void benchmarkAndClassMustComeFromTheInput() {
    assertFails(ErrorCode.IN022, "/employer/benchmarkRate",
        () -> Cases.employer().riskClass(2).asOf("2012-01-01").year(2011, "0.00").decide(TABLE));
    assertFails(ErrorCode.IN020, "/employer/riskClassOverride",
        () -> Cases.employer().benchmark("1.0").asOf("2012-01-01").year(2011, "0.00").decide(TABLE));
    assertFails(ErrorCode.IN020, "/employer/riskClassOverride",
        () -> Cases.employer().riskClass(4).benchmark("1.0").asOf("2012-01-01").year(2011, "0.00").decide(TABLE));
  }

  @Test
  void aHairAboveABoundMovesTheRow() {
    // §5.3(b): 支缴率 <= 10 % -> -2, (10, 30] -> -1. 10,004 / 100,000 = 10.004 % (2 decimals half up
    // made it 10.00 % -> -2)
    var low = Cases.employer().riskClass(2).benchmark("1.0").asOf("2012-01-01")
        .period(Cases.year(2011).benefits("10004.00")).decide(TABLE);
    assertDecision(low, -1, "0.8");
    // accident rate a = 3 x 1000 / (124.999 x 12) = 2.0000160001... per mille > 2.0 (3 decimals half
    // up made it 2.000 <= 2.0 -> 0): with c = 30.01 % the row is +1
    var rate = Cases.employer().riskClass(2).benchmark("1.0").asOf("2012-01-01")
        .period(Cases.year(2011).benefits("30010.00").injuries(3).headcount("124.999")).decide(TABLE);
    assertDecision(rate, 1, "1.2");
  }
}
