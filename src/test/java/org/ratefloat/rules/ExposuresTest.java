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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.model.RatingCase;

/**
 * Line items per exposure over rows of reference data keyed by class code, and numeric custom
 * values with a declared domain (@2): values computed by hand, the coverage of the class rows, and
 * what the loader refuses.
 */
class ExposuresTest {
  private static final Path TABLE = Path.of("src/test/resources/format2/exposures.json");
  private static final String CASE = """
      {
        "asOf": "2025-03-01",
        "employer": {
          "id": "M1",
          "industry": {"edition": "GB/T 4754-2017", "code": "48"},
          "riskClassOverride": 1,
          "status": {"customValues": {"auditScore": "50"}},
          "classCodes": {"system": "NCCI", "codes": ["5183", "8810"]}
        },
        "history": [
          {"year": 2023, "payroll": "140000", "exposures": {"8810": "100000", "5183": "40000"}},
          {"year": 2024, "exposures": {"8810": "120000", "5183": "0"}}
        ]
      }
      """;

  @TempDir
  Path tmp;

  private static RatingCase read(String text) {
    return RateFloat.readCase(text.getBytes(StandardCharsets.UTF_8));
  }

  private static IndicatorValue indicator(Decision d, String id) {
    return d.indicators().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void sumsALineItemOverEveryExposureOfTheWindow() {
    Decision d = RateFloat.loadTable(TABLE).decide(read(CASE));
    // E = 1,000 x 0.09 (8810, 2023) + 400 x 2.50 (5183, 2023) + 1,200 x 0.09 (8810, 2024)
    //   + 0 x 2.50 (5183, 2024) = 90 + 1,000 + 108 + 0 = 1,198
    IndicatorValue e = indicator(d, "expected");
    assertEquals(0, new BigDecimal("1198").compareTo(new BigDecimal(e.value().render())), e.value().render());
    assertEquals("4", e.operands().get("exposures"));
    // by class: 8810 90 + 108 = 198; 5183 1,000 + 0
    assertEquals(0, new BigDecimal("198").compareTo(new BigDecimal(e.operands().get("class.8810"))));
    assertEquals(0, new BigDecimal("1000").compareTo(new BigDecimal(e.operands().get("class.5183"))));
    // Ep, each line rounded to whole dollars: 90 x 0.29 = 26.1 -> 26; 1,000 x 0.40 = 400;
    // 108 x 0.29 = 31.32 -> 31; 0 -> 0; 26 + 400 + 31 = 457
    assertEquals(0, new BigDecimal("457").compareTo(new BigDecimal(indicator(d, "expectedPrimary").value().render())));
    // factor = 1 + 1,198 / 100,000 + 457 / 1,000,000 - 50 / 1,000 = 1 + 0.01198 + 0.000457 - 0.05
    //        = 0.962437 -> 0.96; rate = 0.5 x 0.96 = 0.48
    assertEquals("0.96", indicator(d, "factor").value().render());
    assertEquals(0, new BigDecimal("0.48").compareTo(d.rate()), d.rate().toPlainString());
  }

  @Test
  void theTableLintsCleanAndProvesItsFactorPositive() {
    List<Finding> findings = Linter.lint(List.of(TABLE)).get(0).findings();
    assertEquals(List.of(), findings.stream().filter(f -> f.severity() != Finding.Severity.INFO).toList());
  }

  @Test
  void everyClassOfTheCaseNeedsARowOfTheTablesSystem() {
    RuleTable table = RateFloat.loadTable(TABLE);
    // a class the case has but the data lacks: named, at its place in the case
    RatingCase extra = read(CASE.replace("[\"5183\", \"8810\"]", "[\"5183\", \"8810\", \"9079\"]"));
    var e = assertFails(ErrorCode.IN053, "/employer/classCodes/codes/2", () -> table.decide(extra));
    assertTrue(e.getMessage().contains("class 9079 has no row"), e.getMessage());
    RatingCase other = read(CASE.replace("\"system\": \"NCCI\"", "\"system\": \"DE-BGBAU\""));
    assertFails(ErrorCode.IN052, "/employer/classCodes/system", () -> table.decide(other));
    RatingCase none = read(CASE.replace(",\n    \"classCodes\": {\"system\": \"NCCI\", \"codes\": [\"5183\", \"8810\"]}", "")
        .replace(", \"exposures\": {\"8810\": \"100000\", \"5183\": \"40000\"}", "")
        .replace(", \"exposures\": {\"8810\": \"120000\", \"5183\": \"0\"}", ""));
    assertFails(ErrorCode.IN052, "/employer/classCodes", () -> table.decide(none));
  }

  @Test
  void aPeriodOfTheWindowWithoutExposuresIsNamed() {
    RatingCase c = read(CASE.replace(", \"exposures\": {\"8810\": \"120000\", \"5183\": \"0\"}", ", \"payroll\": \"1\""));
    assertFails(ErrorCode.IN025, "/history/1/exposures", () -> RateFloat.loadTable(TABLE).decide(c));
  }

  @Test
  void aCustomValueLiesInItsDeclaredDomain() {
    RuleTable table = RateFloat.loadTable(TABLE);
    var e = assertFails(ErrorCode.IN023, "/employer/status/customValues/auditScore",
        () -> table.decide(read(CASE.replace("\"auditScore\": \"50\"", "\"auditScore\": \"100.5\""))));
    assertTrue(e.getMessage().contains("must lie in [0, 100] for indicator score: 100.5"), e.getMessage());
    assertFails(ErrorCode.IN025, "/employer/status/customValues/auditScore",
        () -> table.decide(read(CASE.replace("\"customValues\": {\"auditScore\": \"50\"}", "\"customValues\": {}"))));
    // the bounds themselves are in the domain: 100 -> 1 + 0.01198 + 0.000457 - 0.1 = 0.912437 -> 0.91
    Decision d = table.decide(read(CASE.replace("\"auditScore\": \"50\"", "\"auditScore\": \"100\"")));
    assertEquals("0.91", indicator(d, "factor").value().render());
  }

  @Test
  void aCustomValueMovesInTheStepsOfItsDomain() throws Exception {
    Path stepped = variant("\"domain\": { \"ge\": \"0\", \"le\": \"100\" }",
        "\"domain\": { \"ge\": \"0\", \"le\": \"100\", \"step\": \"0.5\" }");
    RuleTable table = RateFloat.loadTable(stepped);
    var e = assertFails(ErrorCode.IN023, "/employer/status/customValues/auditScore",
        () -> table.decide(read(CASE.replace("\"auditScore\": \"50\"", "\"auditScore\": \"50.25\""))));
    assertTrue(e.getMessage().contains("[0, 100] in steps of 0.5"), e.getMessage());
    // 50.5 is a step: 1 + 0.01198 + 0.000457 - 0.0505 = 0.961937 -> 0.96
    assertEquals("0.96", indicator(table.decide(read(CASE.replace("\"auditScore\": \"50\"",
        "\"auditScore\": \"50.5\""))), "factor").value().render());
    RuleTableException refused = refused("\"domain\": { \"ge\": \"0\", \"le\": \"100\" }",
        "\"domain\": { \"ge\": \"0\", \"le\": \"100\", \"step\": \"0.5\" }, \"whenAbsent\": \"0.25\"");
    assertEquals("RT012 /indicators/2/whenAbsent", refused.code() + " " + refused.pointer());
  }

  private Path variant(String from, String to) throws Exception {
    String text = Files.readString(TABLE, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), from);
    Path p = tmp.resolve("variant.json");
    Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
    return p;
  }

  private RuleTableException refused(String from, String to) throws Exception {
    Path p = variant(from, to);
    return assertThrows(RuleTableException.class, () -> RateFloat.loadTable(p));
  }

  @Test
  void theLoaderRefusesBadClassRowsAndMisplacedFields() throws Exception {
    RuleTableException e = refused("\"8810\": [ \"0.09\", \"0.29\" ]", "\"8810\": [ \"0.09\" ]");
    assertEquals("RT009 /data/classes/rows/8810", e.code() + " " + e.pointer());
    e = refused("\"8810\": [", "\"88 10\": [");
    assertEquals("RT009 /data/classes/rows/88 10", e.code() + " " + e.pointer());
    e = refused("\"system\": \"NCCI\"", "\"system\": \"GB/T 4754\"");
    assertEquals("RT009 /data/classes/system", e.code() + " " + e.pointer());
    e = refused("{ \"classData\": \"elr\" } ] } },", "{ \"classData\": \"ELR\" } ] } },");
    assertEquals("RT008 /indicators/0/each/mul/1/classData", e.code() + " " + e.pointer());
    // exposure fields and class data are known only in the each of an exposures indicator
    e = refused("{ \"div\": [ \"expected\", 100000 ] }", "{ \"div\": [ { \"exposure\": \"payroll\" }, 100000 ] }");
    assertEquals("RT009 /indicators/3/expr/add/1/div/0/exposure", e.code() + " " + e.pointer());
    e = refused("{ \"div\": [ \"expected\", 100000 ] }", "{ \"div\": [ { \"classData\": \"elr\" }, 100000 ] }");
    assertEquals("RT009 /indicators/3/expr/add/1/div/0/classData", e.code() + " " + e.pointer());
    // a line item reads no indicator
    e = refused("{ \"classData\": \"elr\" } ] } },", "\"score\" ] } },");
    assertEquals("RT011", e.code().name());
    // a custom value declares its domain, and its whenAbsent lies in it
    e = refused(", \"domain\": { \"ge\": \"0\", \"le\": \"100\" }", "");
    assertEquals("RT004 /indicators/2/domain", e.code() + " " + e.pointer());
    e = refused("\"domain\": { \"ge\": \"0\", \"le\": \"100\" }", "\"domain\": { \"ge\": \"0\", \"le\": \"100\" }, \"whenAbsent\": \"101\"");
    assertEquals("RT012 /indicators/2/whenAbsent", e.code() + " " + e.pointer());
    // and neither kind exists in @1
    e = refused("rule-table@2", "rule-table@1");
    assertEquals("RT014 /indicators/0/kind", e.code() + " " + e.pointer());
    assertTrue(e.getMessage().contains("needs format ratefloat/rule-table@2"), e.getMessage());
  }
}
