package org.ratefloat.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ratefloat.Assertions2.assertFails;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.model.RatingCase;

/**
 * Policy periods selected by their start relative to the as-of date, skipping the latest (@2
 * {@code policyYears}): which periods and claims an indicator takes, computed by hand.
 */
class PolicyYearsTest {
  private static final Path TABLE = Path.of("src/test/resources/format2/policy-years.json");
  private static final RuleTable T = RateFloat.loadTable(TABLE);

  /** July–June policies 2021/22 to 2024/25 with payroll 100,000 to 400,000; a claim at each edge. */
  private static String history(String... periods) {
    return """
        {"asOf": "2025-07-01",
         "employer": {"id": "P", "industry": {"edition": "GB/T 4754-2017", "code": "48"}, "riskClassOverride": 1,
                      "classCodes": {"system": "NCCI", "codes": ["8810"]}},
         "history": [%s],
         "claims": [
           {"id": "c1", "date": "2022-06-30", "kind": "injury", "paid": "0", "incurred": "1000"},
           {"id": "c2", "date": "2022-07-01", "kind": "injury", "paid": "0", "incurred": "2000"},
           {"id": "c3", "date": "2024-06-30", "kind": "injury", "paid": "0", "incurred": "3000"},
           {"id": "c4", "date": "2024-07-01", "kind": "injury", "paid": "0", "incurred": "4000"}]}
        """.formatted(String.join(", ", periods));
  }

  private static final String P0 = period(2021, "100000");
  private static final String P1 = period(2022, "200000");
  private static final String P2 = period(2023, "300000");
  private static final String P3 = period(2024, "400000");

  private static String period(int year, String payroll) {
    return "{\"from\": \"" + year + "-07-01\", \"to\": \"" + (year + 1) + "-06-30\", \"payroll\": \"" + payroll
        + "\", \"exposures\": {\"8810\": \"" + payroll + "\"}}";
  }

  private static RatingCase read(String text) {
    return RateFloat.readCase(text.getBytes(StandardCharsets.UTF_8));
  }

  private static IndicatorValue indicator(Decision d, String id) {
    return d.indicators().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
  }

  private static void assertNumber(String expected, IndicatorValue v) {
    assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(v.value().render())), v.id() + " = "
        + v.value().render());
  }

  @Test
  void takesThePoliciesStartingInTheYearsBeforeTheLatest() {
    Decision d = T.decide(read(history(P0, P1, P2, P3)));
    // as of 2025-07-01, 2 years skipping 1: starts in [2022-07-01, 2024-06-30] -> 2022/23 and 2023/24;
    // 2021/22 is too old, 2024/25 (the latest completed) is skipped
    IndicatorValue e = indicator(d, "expected");
    assertNumber("5000", e); // 200,000 / 100 x 1.00 + 300,000 / 100 x 1.00
    assertEquals(LocalDate.of(2022, 7, 1), e.from().orElseThrow());
    assertEquals(LocalDate.of(2024, 6, 30), e.to().orElseThrow());
    assertNumber("500000", indicator(d, "payroll"));
    // claims of those policies only: c2 (2022-07-01) and c3 (2024-06-30); c1 and c4 lie in others
    assertNumber("5000", indicator(d, "actual"));
    // 1 + 5,000 / 5,001 = 1.99980003... -> 1.9998
    assertEquals("1.9998", indicator(d, "ratio").value().render());
    assertEquals(0, new BigDecimal("1.9998").compareTo(d.rate()));
  }

  @Test
  void aGapBetweenPoliciesIsNoStraddleAndItsClaimsCountNowhere() {
    // without 2023/24 only 2022/23 is taken, and c3 (2024-06-30) belongs to no policy
    Decision d = T.decide(read(history(P0, P1, P3)));
    assertNumber("2000", indicator(d, "expected"));
    assertNumber("2000", indicator(d, "actual"));
    assertEquals(LocalDate.of(2023, 6, 30), indicator(d, "expected").to().orElseThrow());
  }

  @Test
  void noPolicyInTheWindowIsNamedOrTested() {
    // covered is false, so the table does not rate; an indicator that needs the policies says so
    Decision d = T.decide(read(history(P0, P3)));
    assertEquals("false", indicator(d, "known").value().render());
    assertEquals(0, BigDecimal.ONE.compareTo(d.rate()));
    String text = new String(readBytes(), StandardCharsets.UTF_8);
    String unguarded = text.replace("\"when\": { \"known\": true }", "\"when\": { \"expected\": { \"ge\": \"0\" } }");
    assertEquals(false, unguarded.equals(text));
    RuleTable direct = RateFloat.loadTable("unguarded.json", unguarded.getBytes(StandardCharsets.UTF_8),
        name -> java.util.Optional.empty());
    assertFails(ErrorCode.IN016, "/history", () -> direct.decide(read(history(P0, P3))));
  }

  private static byte[] readBytes() {
    try {
      return java.nio.file.Files.readAllBytes(TABLE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
