package org.ratefloat.rules;

import org.ratefloat.error.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ratefloat.Assertions2.assertFails;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.json.CaseJson;
import org.ratefloat.model.PriorFacts;
import org.ratefloat.model.RatingCase;

/** Facts of earlier ratings (status.prior) read by {@code prior} indicators, computed by hand. */
class PriorFactsTest {
  private static final RuleTable T = RateFloat.loadTable(Path.of("src/test/resources/format2/prior.json"));
  private static final String CASE = """
      {"asOf": "2025-03-31",
       "employer": {"id": "S", "industry": {"edition": "GB/T 4754-2017", "code": "48"}, "riskClassOverride": 1,
                    "status": {"prior": {"surchargeAmount": "1200.50", "surchargePercent": "15",
                                         "lastSurcharge": "2022-04-01", "memberSince": "2010-06-15"}}},
       "history": [{"year": 2024}]}
      """;

  private static RatingCase read(String text) {
    return RateFloat.readCase(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String value(Decision d, String id) {
    return d.indicators().stream().filter(v -> v.id().equals(id)).findFirst().map(IndicatorValue::value)
        .orElseThrow().render();
  }

  @Test
  void readsTheFactsOfEarlierRatings() {
    RatingCase c = read(CASE);
    assertEquals(c, CaseJson.read(CaseJson.bytes(c)));
    Decision d = T.decide(c);
    assertEquals("15", value(d, "previous"));
    // 2022-04-01 to 2025-03-31: two whole years (the third is complete on 2025-04-01)
    assertEquals("2", value(d, "since"));
    // 2010-06-15 to 2025-03-31: 14 whole years
    assertEquals("14", value(d, "member"));
    // 1 + max(0, 15 - 5 x 2) / 100 - min(14, 10) / 1000 = 1 + 0.05 - 0.01 = 1.04
    assertEquals("1.0400", value(d, "factor"));
    assertEquals(0, new BigDecimal("1.04").compareTo(d.rate()));
  }

  @Test
  void anAbsentFactTakesTheTablesValueOrIsNamed() {
    // no surcharge known: previous 0, since 99 -> 1 + 0 - 0.01 = 0.99
    Decision d = T.decide(read(CASE.replace("\"surchargePercent\": \"15\",", "").replace(
        "\"lastSurcharge\": \"2022-04-01\", ", "")));
    assertEquals("0.9900", value(d, "factor"));
    assertFails(ErrorCode.IN025, "/employer/status/prior/memberSince",
        () -> T.decide(read(CASE.replace(", \"memberSince\": \"2010-06-15\"", ""))));
  }

  @Test
  void theTableLintsClean() {
    List<Finding> findings = Linter.lint(List.of(Path.of("src/test/resources/format2/prior.json"))).get(0).findings();
    assertEquals(List.of(), findings.stream().filter(f -> f.severity() != Finding.Severity.INFO).toList());
  }

  @ParameterizedTest(name = "{2} at {3}")
  @CsvSource(delimiter = '|', value = {
      "\"1200.50\"|\"-1\"|IN007|/employer/status/prior/surchargeAmount",
      "\"surchargePercent\": \"15\"|\"surchargePercent\": \"-15\"|IN007|/employer/status/prior/surchargePercent",
      "\"2022-04-01\"|\"2025-04-01\"|IN008|/employer/status/prior/lastSurcharge",
      "\"2010-06-15\"|\"2025-04-01\"|IN008|/employer/status/prior/memberSince",
      "\"2010-06-15\"|\"2010-06-31\"|IN023|/employer/status/prior/memberSince",
      "\"memberSince\"|\"memberFrom\"|IN003|/employer/status/prior/memberFrom",
  })
  void refuses(String from, String to, ErrorCode code, String pointer) {
    String text = CASE.replace(from, to);
    assertEquals(false, text.equals(CASE));
    assertFails(code, pointer, () -> read(text));
  }

  @Test
  void javaBuiltFactsMeetTheSameRules() {
    assertFails(ErrorCode.IN007, "/surchargeAmount", () -> new PriorFacts(Optional.of(new BigDecimal("-1")),
        Optional.empty(), Optional.empty(), Optional.empty()));
    RatingCase c = read(CASE);
    assertEquals(c, c.toBuilder().build());
    assertEquals(c.employer().status(), c.employer().status().toBuilder().build());
  }
}
