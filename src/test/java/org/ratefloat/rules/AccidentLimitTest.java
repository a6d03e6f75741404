package org.ratefloat.rules;

import org.ratefloat.error.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ratefloat.Assertions2.assertFails;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ratefloat.RateFloat;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.model.Claim;

/** A multiple-claim accident limit: claims grouped by accident id, the group's sum capped (@2 perAccident). */
class AccidentLimitTest {
  private static final Path TABLE = Path.of("src/test/resources/format2/accident-limit.json");
  private static final String CASE = """
      {"asOf": "2025-01-01",
       "employer": {"id": "A", "industry": {"edition": "GB/T 4754-2017", "code": "48"}, "riskClassOverride": 1},
       "history": [{"year": 2024}],
       "claims": [
         {"id": "a", "date": "2024-03-01", "kind": "injury", "paid": "0", "incurred": "8000", "accident": "X"},
         {"id": "b", "date": "2024-03-01", "kind": "death", "paid": "0", "incurred": "12000", "accident": "X"},
         {"id": "c", "date": "2024-05-01", "kind": "injury", "paid": "0", "incurred": "20000"},
         {"id": "d", "date": "2024-06-01", "kind": "injury", "paid": "0", "incurred": "5000", "accident": "Y"}]}
      """;

  private static IndicatorValue indicator(Decision d, String id) {
    return d.indicators().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void capsTheSumOfEachAccidentsClaims() {
    Decision d = RateFloat.loadTable(TABLE).decide(RateFloat.readCase(CASE.getBytes(StandardCharsets.UTF_8)));
    IndicatorValue v = indicator(d, "limited");
    // per claim min(incurred, 10,000): a 8,000, b 10,000, c 10,000, d 5,000 = 33,000 before the accident limit;
    // accident X: 8,000 + 10,000 = 18,000 -> 15,000; c alone: 10,000; Y: 5,000; total 30,000
    assertEquals(0, new BigDecimal("30000").compareTo(new BigDecimal(v.value().render())), v.value().render());
    assertEquals("3", v.operands().get("accidents"));
    assertEquals(0, new BigDecimal("33000").compareTo(new BigDecimal(v.operands().get("beforeAccidentLimit"))));
    // rate 1.0 x (1 + 30,000 / 100,000) = 1.3
    assertEquals(0, new BigDecimal("1.3").compareTo(d.rate()), d.rate().toPlainString());
  }

  @Test
  void theTableLintsClean() {
    List<Finding> findings = Linter.lint(List.of(TABLE)).get(0).findings();
    assertEquals(List.of(), findings.stream().filter(f -> f.severity() != Finding.Severity.INFO).toList());
  }

  @Test
  void anAccidentIdIsAText() {
    assertFails(ErrorCode.IN023, "/claims/0/accident", () -> RateFloat.readCase(CASE.replace("\"X\"}", "\" \"}")
        .getBytes(StandardCharsets.UTF_8)));
    assertFails(ErrorCode.IN023, "/accident", () -> Claim.builder().id("a").date(java.time.LocalDate.of(2024, 1, 1))
        .kind(Claim.ClaimKind.INJURY).paid(BigDecimal.ONE).accident("").build());
  }

  @Test
  void theAccidentSumIsKnownOnlyInPerAccidentOverItemsProvenNotNegative() throws Exception {
    String text = Files.readString(TABLE, StandardCharsets.UTF_8);
    RuleTableException e = refused(text.replace("{ \"div\": [ \"limited\", 100000 ] }",
        "{ \"div\": [ { \"accident\": \"sum\" }, 100000 ] }"));
    assertEquals("RT009 /indicators/1/expr/add/1/div/0/accident", e.code() + " " + e.pointer());
    e = refused(text.replace("\"each\": { \"min\": [ { \"claim\": \"incurred\" }, { \"data\": \"perClaim\" } ] }",
        "\"each\": { \"sub\": [ { \"claim\": \"incurred\" }, { \"data\": \"perClaim\" } ] }"));
    assertEquals("RT009 /indicators/0/perAccident", e.code() + " " + e.pointer());
    assertTrue(e.getMessage().contains("proven not negative"), e.getMessage());
  }

  private static RuleTableException refused(String text) {
    return assertThrows(RuleTableException.class, () -> RateFloat.loadTable("variant.json",
        text.getBytes(StandardCharsets.UTF_8), name -> Optional.empty()));
  }
}
