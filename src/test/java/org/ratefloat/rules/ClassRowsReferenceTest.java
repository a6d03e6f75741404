package org.ratefloat.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.Assertions2;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.TableRef;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;

/**
 * Class rows in reference files: kept, read by {@code classData}, named with their SHA-256 in every
 * decision, joined column by column across files, and checked against a closed classification. The
 * ELR and D-ratios are the emod package's 2015 values (experience-rating-abroad.md, Appendix A):
 * 8810 ELR 0.09, D 0.29; 5403 ELR 3.09, D 0.21.
 */
class ClassRowsReferenceTest {
  @TempDir
  Path tmp;

  private static final String ELR_D = """
      {"format": "ratefloat/reference@1", "id": "test-elr-d", "version": "1",
       "title": {"zh": "ELR", "en": "ELR"}, "effectiveFrom": "2015-01-01", "status": "verified",
       "sources": [{"url": "https://github.com/merlinoa/emod", "took": "ELR and D"}],
       "data": {"classes": {"system": "NCCI", "columns": ["elr", "dRatio"],
                            "rows": {"5403": ["3.09", "0.21"], "8810": ["0.09", "0.29"]}}}}
      """;

  /** A table reading E and Ep per exposure from class rows, with {@code classes} as its own class data. */
  private static String table(String references, String classes) {
    return """
        {"format": "ratefloat/rule-table@2", "kind": "measure", "id": "test-class-rows", "version": "1",
         "jurisdiction": "TEST", "title": {"zh": "t", "en": "t"}, "effectiveFrom": "2020-01-01", "status": "verified",
         "sources": [{"url": "http://example.org/plan", "took": "everything"}],
         "benchmarks": {"1": "1.0"}, "ladders": {"default": ["1.0"]},
         "rounding": {"rate": {"scale": 4, "mode": "HALF_UP"}, "premium": {"scale": 2, "mode": "HALF_UP"}},
         %s
         "references": [%s],
         "indicators": [
           {"id": "E", "kind": "exposures", "label": {"zh": "E", "en": "E"}, "window": {"calendarYears": 1},
            "each": {"mul": [{"div": [{"exposure": "payroll"}, {"const": "100"}]}, {"classData": "elr"}]}},
           {"id": "Ep", "kind": "exposures", "label": {"zh": "Ep", "en": "Ep"}, "window": {"calendarYears": 1},
            "each": {"mul": [{"div": [{"exposure": "payroll"}, {"const": "100"}]}, {"classData": "elr"},
                             {"classData": "dRatio"}]}}],
         "steps": [{"id": "s", "kind": "table", "label": {"zh": "s", "en": "s"}, "hitPolicy": "UNIQUE",
                    "rows": [{"id": "s.all", "when": {"E": {"ge": "0"}}, "then": {"band": 0}}]}],
         "worksheet": [{"line": "D", "indicator": "E"}, {"line": "E", "indicator": "Ep"}]}
        """.formatted(classes.isEmpty() ? "" : "\"data\": {\"classes\": " + classes + "},", references);
  }

  /** Writes the table and reference files into the temporary folder; the table's path. */
  private Path files(String table, String... references) throws Exception {
    for (String r : references) {
      String id = r.replaceFirst("(?s).*\"id\": \"([^\"]+)\".*", "$1");
      Files.writeString(tmp.resolve(id + ".reference.json"), r, StandardCharsets.UTF_8);
    }
    Path p = tmp.resolve("test-class-rows.json");
    Files.writeString(p, table, StandardCharsets.UTF_8);
    return p;
  }

  /**
   * One calendar year 2024 with payroll $1,000,000 in 8810 and $500,000 in the other class (5403 unless
   * said otherwise), as of 2025-01-01.
   */
  private static Decision decide(RuleTable table, String codes) {
    String other = codes.replace("\"8810\"", "").replaceAll("[\", ]", "");
    String json = """
        {"asOf": "2025-01-01", "employer": {"id": "T", "industry": {"edition": "GB/T 4754-2011", "code": "72"},
         "riskClassOverride": 1, "classCodes": {"system": "NCCI", "codes": [%s]}},
         "history": [{"from": "2024-01-01", "to": "2024-12-31", "payroll": "1500000.00",
                      "exposures": {"8810": "1000000.00", "%s": "500000.00"}}]}
        """.formatted(codes, other);
    return table.decide(RateFloat.readCase(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String value(Decision d, String id) {
    return d.indicators().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow().value().render();
  }

  private static void assertNumber(String expected, String actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)), expected + " vs " + actual);
  }

  @Test
  void classRowsOfAReferenceFileDriveElrAndD() throws Exception {
    Path p = files(table("\"test-elr-d\"", ""), ELR_D);
    Decision d = decide(RateFloat.loadTable(p), "\"5403\", \"8810\"");
    // E  = 1,000,000 / 100 x 0.09 + 500,000 / 100 x 3.09 = 900 + 15,450 = 16,350
    assertNumber("16350", value(d, "E"));
    // Ep = 900 x 0.29 + 15,450 x 0.21 = 261 + 3,244.5 = 3,505.5
    assertNumber("3505.5", value(d, "Ep"));
    // the reference is part of what the decision names, by the SHA-256 of its bytes
    TableRef ref = d.tables().get(1);
    assertEquals(List.of("reference", "test-elr-d"), List.of(ref.role(), ref.id()));
    assertEquals(RuleTableParser.sha256(ELR_D.getBytes(StandardCharsets.UTF_8)), ref.sha256());
  }

  @Test
  void aFileOfClassRowsOnlyIsReferenceData() throws Exception {
    Path p = tmp.resolve("test-elr-d.reference.json");
    Files.writeString(p, ELR_D, StandardCharsets.UTF_8);
    ReferenceSpec spec = RuleTables.loadReference(p);
    ReferenceData.ClassRows rows = spec.data().classes().orElseThrow();
    assertEquals(List.of("elr", "dRatio"), rows.columns());
    assertEquals(0, new BigDecimal("3.09").compareTo(rows.rows().get("5403").get(0)));
  }

  @Test
  void columnsOfSeveralFilesJoin() throws Exception {
    String elr = ELR_D.replace("\"test-elr-d\"", "\"test-elr\"").replace("[\"elr\", \"dRatio\"]", "[\"elr\"]")
        .replace("[\"3.09\", \"0.21\"]", "[\"3.09\"]").replace("[\"0.09\", \"0.29\"]", "[\"0.09\"]");
    String dRatio = ELR_D.replace("\"test-elr-d\"", "\"test-d\"").replace("[\"elr\", \"dRatio\"]", "[\"dRatio\"]")
        .replace("[\"3.09\", \"0.21\"]", "[\"0.21\"]").replace("[\"0.09\", \"0.29\"]", "[\"0.29\"]");
    Decision d = decide(RateFloat.loadTable(files(table("\"test-elr\", \"test-d\"", ""), elr, dRatio)),
        "\"5403\", \"8810\"");
    // the same figures as from one file: E 16,350, Ep 3,505.5
    assertNumber("16350", value(d, "E"));
    assertNumber("3505.5", value(d, "Ep"));
    assertEquals(3, d.tables().size());
  }

  @Test
  void rowsThatCannotJoinAreRefused() throws Exception {
    String other = ELR_D.replace("\"test-elr-d\"", "\"test-other\"");
    // a column both files name
    RuleTableException twice = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(
        files(table("\"test-elr-d\", \"test-other\"", ""), ELR_D, other)));
    assertEquals("RT007", twice.code().name(), twice.getMessage());
    assertEquals("/references/1", twice.pointer());
    // another system
    String japan = ELR_D.replace("\"test-elr-d\"", "\"test-jp\"").replace("\"NCCI\"", "\"JP\"")
        .replace("[\"elr\", \"dRatio\"]", "[\"a\", \"b\"]");
    RuleTableException system = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(
        files(table("\"test-elr-d\", \"test-jp\"", ""), ELR_D, japan)));
    assertEquals("RT009", system.code().name(), system.getMessage());
    // other codes
    String fewer = ELR_D.replace("\"test-elr-d\"", "\"test-fewer\"").replace("[\"elr\", \"dRatio\"]", "[\"x\", \"y\"]")
        .replace(", \"8810\": [\"0.09\", \"0.29\"]", "");
    RuleTableException codes = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(
        files(table("\"test-elr-d\", \"test-fewer\"", ""), ELR_D, fewer)));
    assertEquals("RT009", codes.code().name(), codes.getMessage());
    assertTrue(codes.getMessage().contains("lacks class 8810"), codes.getMessage());
  }

  @Test
  void aClosedClassificationIsCheckedByLintAndWhenDeciding() throws Exception {
    // closed over 5403, 8810 and 9101: 9101 has no row in the reference, which lint reports
    RuleTableException lint = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(files(
        table("\"test-elr-d\"", "{\"system\": \"NCCI\", \"closed\": [\"5403\", \"8810\", \"9101\"]}"), ELR_D)));
    assertEquals("RT040", lint.code().name(), lint.getMessage());
    assertEquals("/data/classes/closed/2", lint.pointer());
    assertTrue(lint.getMessage().contains("NCCI class 9101"), lint.getMessage());
    // closed over the two classes with rows: a case of class 5183 is refused, naming it
    RuleTable closed = RateFloat.loadTable(files(
        table("\"test-elr-d\"", "{\"system\": \"NCCI\", \"closed\": [\"5403\", \"8810\"]}"), ELR_D));
    assertNumber("16350", value(decide(closed, "\"5403\", \"8810\""), "E"));
    var e = Assertions2.assertFails(ErrorCode.IN053, "/employer/classCodes/codes/0",
        () -> decide(closed, "\"5183\", \"8810\""));
    assertTrue(e.getMessage().contains("NCCI class 5183 is not among the 2 classes the rule table rates"),
        e.getMessage());
  }

  @Test
  void anOpenClassificationRefusesAClassWithoutARowWhenDeciding() throws Exception {
    RuleTable open = RateFloat.loadTable(files(table("\"test-elr-d\"", ""), ELR_D));
    var e = Assertions2.assertFails(ErrorCode.IN053, "/employer/classCodes/codes/0",
        () -> decide(open, "\"5183\", \"8810\""));
    assertTrue(e.getMessage().contains("NCCI class 5183 has no row"), e.getMessage());
  }
}
