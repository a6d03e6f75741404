package org.ratefloat.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ratefloat.Assertions2.assertDecision;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.ratefloat.Cases;
import org.ratefloat.RuleTable;
import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;

/**
 * rules/cn-national-2015.json. Source: cn-floating-rules.md §2.2 (71号 and its translations):
 * benchmarks 0.2 .. 1.9 %, class 1 bands 100/120/150 %, classes 2-8 50/80/100/120/150 %.
 */
class NationalTableTest {
  private static final RuleTable TABLE = Cases.table("cn-national-2015");

  @ParameterizedTest(name = "division {0} -> class {1}, {2} %")
  @CsvSource({
      "65, 1, 0.2", "51, 2, 0.4", "13, 3, 0.7", "36, 4, 0.9",
      "02, 5, 1.1", "26, 6, 1.3", "07, 7, 1.6", "06, 8, 1.9",
  })
  void benchmarkOfEachClass(String code, int riskClass, String rate) {
    var d = Cases.employer().code(code).band("1.2").year(2024, "999999.00").decide(TABLE);
    assertEquals(riskClass, d.riskClass());
    // the national notice sets no thresholds: every employer gets its class benchmark
    assertDecision(d, 0, rate);
  }

  @Test
  void ladders() {
    var one = TABLE.classify(new IndustryCode(Edition.GBT_4754_2011, "66"));
    assertEquals(List.of(new BigDecimal("1.0"), new BigDecimal("1.2"), new BigDecimal("1.5")), one.ladder());
    var eight = TABLE.classify(new IndustryCode(Edition.GBT_4754_2011, "06"));
    assertEquals(List.of(new BigDecimal("0.5"), new BigDecimal("0.8"), new BigDecimal("1.0"),
        new BigDecimal("1.2"), new BigDecimal("1.5")), eight.ladder());
  }

  @Test
  void notBeforeTheNotice() {
    org.ratefloat.Assertions2.assertFails(org.ratefloat.error.ErrorCode.IN021, "/asOf",
        () -> Cases.employer().asOf("2015-09-30").year(2014, "0").decide(TABLE));
  }
}
