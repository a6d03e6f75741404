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
 * B / 1,000 %, rounded to 2 decimals half up. Class 4 benchmark 0.9 % (71号); bands 50/80/100/120/150 %.
 */
class HangzhouTableTest {
  private static final RuleTable TABLE = Cases.table("cn-zj-hangzhou");

  @ParameterizedTest(name = "benefits {0} -> band {1}, rate {2}")
  @CsvSource({
      // r = 0 -> -2: 0.9 x 0.5 = 0.45
      "0.00, -2, 0.45",
      // 0.004 % rounds to 0.00 % -> still the zero row
      "4.00, -2, 0.45",
      // 0.005 % rounds half up to 0.01 % -> (0, 50] -> -1: 0.9 x 0.8 = 0.72
      "5.00, -1, 0.72",
      "50000.00, -1, 0.72",
      // 50.01 % -> (50, 100] -> 0: 0.9
      "50010.00, 0, 0.9",
      "100000.00, 0, 0.9",
      // 100.01 % -> (100, 150] -> +1: 0.9 x 1.2 = 1.08
      "100010.00, 1, 1.08",
      "150000.00, 1, 1.08",
      // 150.01 % -> > 150 -> +2: 0.9 x 1.5 = 1.35
      "150010.00, 2, 1.35",
  })
  void payoutBands(String benefits, int band, String rate) {
    assertDecision(Cases.employer().year(2024, benefits).decide(TABLE), band, rate);
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
        && s.outcome().equals("not-applicable")));
    assertTrue(hasWarning(d, "provisional-table"));
  }

  @Test
  void classTwoDownFloatStaysAboveTheClassOneBenchmark() {
    // class 2 (0.4 %) at 50 %: 0.2, exactly the class-1 benchmark: the floor does not bind
    var d = Cases.employer().code("51").year(2024, "0.00").decide(TABLE);
    assertDecision(d, -2, "0.2");
  }
}
