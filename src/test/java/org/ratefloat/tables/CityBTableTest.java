package org.ratefloat.tables;

import static org.ratefloat.Assertions2.assertDecision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratefloat.Cases;
import org.ratefloat.RuleTable;

/**
 * Boundaries of rules/cn-city-b.json. Source: cn-floating-rules.md §5.6 (gerendangan): classes 1-2
 * not floated; classes 3-8 by new injury in the previous year and payout ratio s = B / 1,000 %.
 * Class 4 benchmark 0.9 % (71号).
 */
class CityBTableTest {
  private static final RuleTable TABLE = Cases.table("cn-city-b");

  @ParameterizedTest(name = "injuries {0}, benefits {1} -> band {2}")
  @CsvSource({
      "0, 120000.00, -1, 0.72",   // no injury, s <= 120 -> 80 %
      "0, 120010.00, 0, 0.9",     // no injury, s > 120 -> 100 %
      "1, 120000.00, 0, 0.9",     // injury, s <= 120 -> 100 %
      "1, 120010.00, 1, 1.08",    // injury, (120, 300] -> 120 %
      "1, 300000.00, 1, 1.08",
      "1, 300010.00, 2, 1.35",    // injury, > 300 -> 150 %
  })
  void classesThreeToEight(long injuries, String benefits, int band, String rate) {
    var c = Cases.employer().period(Cases.year(2024).benefits(benefits).injuries(injuries));
    assertDecision(c.decide(TABLE), band, rate);
  }

  @Test
  void classesOneAndTwoAreNotFloated() {
    assertDecision(Cases.employer().code("51").period(Cases.year(2024).benefits("900000.00").injuries(5))
        .decide(TABLE), 0, "0.4");
    assertDecision(Cases.employer().code("66").year(2024, "900000.00").decide(TABLE), 0, "0.2");
  }

  @Test
  void newEmployerPaysTheBenchmark() {
    assertDecision(Cases.employer().firstInsured("2024-06-01").year(2024, "900000.00").decide(TABLE), 0, "0.9");
  }

  @Test
  void aHairAboveOneHundredTwentyPercentWithoutInjury() {
    // §5.6: no new injury and payout ratio <= 120 % -> 80 %, > 120 % -> 100 %. 120,004 / 100,000 =
    // 120.004 % (2 decimals half up made it 120.00 % -> 80 %)
    var c = Cases.employer().period(Cases.year(2024).benefits("120004.00").injuries(0));
    assertDecision(c.decide(TABLE), 0, "0.9");
  }
}
