package org.ratefloat.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;

/**
 * rules/ex-limited-fluctuation.json, computed by hand: Z = min(1, sqrt(n / 1,082)) (the full-credibility
 * standard (1.645 / 0.05)^2 = 1,082 of experience-rating-abroad.md §5), the factor Z X / M + (1 - Z)
 * with M = 0.60, bounded to [0.5, 1.5] and rounded to two decimals, times the benchmark 0.5 of class 1.
 */
class LimitedFluctuationTableTest {
  private static final RuleTable TABLE = RateFloat.loadTable(Path.of("rules/ex-limited-fluctuation.json"));

  private static Map<String, String> decide(int[] injuries, String[] benefits) {
    StringBuilder h = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      h.append(i == 0 ? "" : ",").append("{\"year\": ").append(2022 + i).append(", \"payroll\": \"400000000.00\","
          + " \"premiumsPaid\": \"2000000.00\", \"benefitsPaid\": \"").append(benefits[i]).append("\", \"injuries\": ")
          .append(injuries[i]).append("}");
    }
    Decision d = TABLE.decide(RateFloat.readCase(("{\"asOf\": \"2025-01-01\", \"employer\": {\"id\": \"E\","
        + " \"industry\": {\"edition\": \"GB/T 4754-2017\", \"code\": \"36\"}, \"riskClassOverride\": 1},"
        + " \"history\": [" + h + "]}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Map<String, String> v = d.indicators().stream().collect(Collectors.toMap(IndicatorValue::id,
        i -> i.value().render()));
    v.put("rate", d.rate().toPlainString());
    return v;
  }

  private static void assertNumber(String expected, String actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)), expected + " vs " + actual);
  }

  @Test
  void theExampleManufacturer() {
    // examples/ex-limited-fluctuation/large-manufacturer.json: n = 30 + 40 + 30 = 100
    Map<String, String> v = decide(new int[] {30, 40, 30}, new String[] {"600000.00", "2400000.00", "4200000.00"});
    assertNumber("100", v.get("n"));
    // Z = sqrt(100 / 1,082): 0.30395^2 x 1,082 = 99.961 < 100 < 0.30405^2 x 1,082 = 100.027 -> 0.3040
    assertNumber("0.3040", v.get("z"));
    // X = 7,200,000 / 6,000,000 = 1.2
    assertNumber("1.2", v.get("own"));
    // factor = 0.3040 x 1.2 / 0.60 + (1 - 0.3040) = 0.608 + 0.696 = 1.304 -> 1.30; rate 0.5 x 1.30 = 0.65
    assertNumber("1.30", v.get("factor"));
    assertNumber("0.65", v.get("rate"));
  }

  @Test
  void fullCredibilityFromOneThousandAndEightyTwoClaims() {
    // n = 400 + 400 + 300 = 1,100 >= 1,082: sqrt(1,100 / 1,082) > 1, Z = 1; X = 3,000,000 / 6,000,000 = 0.5;
    // factor = 0.5 / 0.60 = 0.8333... -> 0.83; rate 0.5 x 0.83 = 0.415
    Map<String, String> v = decide(new int[] {400, 400, 300}, new String[] {"1000000.00", "1000000.00", "1000000.00"});
    assertNumber("1", v.get("z"));
    assertNumber("0.83", v.get("factor"));
    assertNumber("0.415", v.get("rate"));
  }

  @Test
  void noClaimsNoCredibility() {
    // n = 0: Z = 0, the factor is 1 whatever the own ratio (here 0): the benchmark 0.5
    Map<String, String> v = decide(new int[] {0, 0, 0}, new String[] {"0.00", "0.00", "0.00"});
    assertNumber("0", v.get("z"));
    assertNumber("1.00", v.get("factor"));
    assertNumber("0.5", v.get("rate"));
  }
}
