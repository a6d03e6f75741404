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
 * Boundaries of rules/cn-city-a.json. Source: cn-floating-rules.md §5.5 (articles 7(2)-9 of an
 * unidentified city's measure): previous-year expenditure ratio e = B / 1,000 %.
 * Class 4 benchmark 0.9 %, class 1 0.2 %, class 2 0.4 % (71号).
 */
class CityATableTest {
  private static final RuleTable TABLE = Cases.table("cn-city-a");

  @ParameterizedTest(name = "class 4, benefits {0} -> band {1}")
  @CsvSource({
      "10000.00, -2, 0.45",    // e = 10.00 <= 10 -> 50 %
      "10010.00, -1, 0.72",    // e = 10.01 -> 80 %
      "50000.00, -1, 0.72",
      "50010.00, 0, 0.9",      // (50, 100] -> 100 %
      "100000.00, 0, 0.9",
      "100010.00, 1, 1.08",    // (100, 120] -> 120 %
      "120000.00, 1, 1.08",
      "120010.00, 2, 1.35",    // > 120 -> 150 %
  })
  void classesTwoToEight(String benefits, int band, String rate) {
    assertDecision(Cases.employer().year(2024, benefits).decide(TABLE), band, rate);
  }

  @ParameterizedTest(name = "class 1, benefits {0} -> band {1}")
  @CsvSource({
      "100000.00, 0, 0.2",     // <= 100 -> 100 % (reconstructed item 1)
      "100010.00, 1, 0.24",    // (100, 120] -> 120 % (reconstructed item 2)
      "120000.00, 1, 0.24",
      "120010.00, 2, 0.3",     // > 120 -> 150 % (item 3, published)
  })
  void classOne(String benefits, int band, String rate) {
    assertDecision(Cases.employer().code("66").year(2024, benefits).decide(TABLE), band, rate);
  }

  @Test
  void reconstructedClassOneRowsWarn() {
    assertTrue(hasWarning(Cases.employer().code("66").year(2024, "0.00").decide(TABLE), "c1-to-100"));
  }

  @Test
  void standardisationCreditIsThreeHundredthsOfAPoint() {
    // grade 2, e = 50 % -> 0.72 - 0.03 = 0.69
    assertDecision(Cases.employer().standard(2, "2025-06-30").year(2024, "50000.00").decide(TABLE), -1, "0.69");
    // grade 3 earns nothing
    assertDecision(Cases.employer().standard(3, "2025-06-30").year(2024, "50000.00").decide(TABLE), -1, "0.72");
  }

  @Test
  void creditStopsAtTheClassOneBenchmark() {
    // class 2 at 50 %: 0.2 - 0.03 = 0.17 < 0.2 -> 0.2
    var d = Cases.employer().code("51").standard(1, "2025-06-30").year(2024, "0.00").decide(TABLE);
    assertDecision(d, -2, "0.2");
    assertTrue(d.steps().stream().anyMatch(s -> s.step().equals("floor-class1-benchmark")
        && s.outcome().jsonName().equals("fired")));
  }

  @Test
  void newEmployerPaysTheBenchmark() {
    // first insured 2024-02-01: 11 months on 2025-01-01 -> benchmark, whatever the ratio
    assertDecision(Cases.employer().firstInsured("2024-02-01").year(2024, "200000.00").decide(TABLE), 0, "0.9");
    // first insured 2024-01-01: 12 months -> floats (e = 200 % -> 150 %)
    assertDecision(Cases.employer().firstInsured("2024-01-01").year(2024, "200000.00").decide(TABLE), 2, "1.35");
  }

  @Test
  void aHairAboveTenPercentIsNotTenPercent() {
    // §5.5 art. 7(2): "支出率在10%以下（含10%）" -> 50 %, above 10 % -> 80 %. 10,004 / 100,000 = 10.004 %
    // (2 decimals half up made it 10.00 % -> 50 %); the measure states no rounding.
    assertDecision(Cases.employer().year(2024, "10004.00").decide(TABLE), -1, "0.72");
    assertDecision(Cases.employer().year(2024, "10000.01").decide(TABLE), -1, "0.72");
  }
}
