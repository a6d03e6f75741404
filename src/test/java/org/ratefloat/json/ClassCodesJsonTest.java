package org.ratefloat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ratefloat.Assertions2.assertFails;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.model.ClassCodes;
import org.ratefloat.model.Employer;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.Status;

/**
 * Classes outside GB/T 4754, exposures by class code and numeric custom values: read, written back
 * equal, and every fault with its code and the pointer of the value at fault, the same for a case
 * built in Java.
 */
class ClassCodesJsonTest {
  private static final String VALID = """
      {
        "asOf": "2026-01-01",
        "employer": {
          "id": "P1",
          "industry": {"edition": "GB/T 4754-2017", "code": "23"},
          "status": {"customValues": {"auditScore": "87.5", "priorSurchargePercent": "-5"}},
          "classCodes": {"system": "NCCI", "codes": ["8810", "4299", "0042"]}
        },
        "history": [
          {"year": 2023, "payroll": "300000.00", "exposures": {"4299": "200000.00", "8810": "100000"}},
          {"from": "2024-01-01", "to": "2024-12-31", "exposures": {"4299": "210000", "0042": "0"}}
        ]
      }
      """;

  private static RatingCase read(String text) {
    return CaseJson.read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAndWritesBackClassesExposuresAndValues() {
    RatingCase c = read(VALID);
    ClassCodes cc = c.employer().classCodes().orElseThrow();
    assertEquals("NCCI", cc.system());
    // in code order, leading zeros kept
    assertEquals(List.of("0042", "4299", "8810"), List.copyOf(cc.codes()));
    assertEquals(new BigDecimal("200000.00"), c.history().get(0).exposures().get("4299"));
    assertEquals(List.of("4299", "8810"), List.copyOf(c.history().get(0).exposures().keySet()));
    assertEquals(new BigDecimal("87.5"), c.employer().status().customValues().get("auditScore"));
    assertEquals(c, CaseJson.read(CaseJson.bytes(c)));
    String written = new String(CaseJson.bytes(c), StandardCharsets.UTF_8);
    // codes in code order, as strings (a leading zero kept)
    int a = written.indexOf("\"0042\"");
    int b = written.indexOf("\"4299\"");
    int d = written.indexOf("\"8810\"");
    assertEquals(true, a > 0 && a < b && b < d, written);
  }

  @Test
  void aCaseWithoutTheNewPartsIsWrittenAsBefore() {
    String old = """
        {"asOf": "2025-01-01", "employer": {"id": "E1", "industry": {"edition": "GB/T 4754-2011", "code": "36"}},
         "history": [{"year": 2024, "payroll": "10"}]}
        """;
    String written = new String(CaseJson.bytes(read(old)), StandardCharsets.UTF_8);
    assertEquals(false, written.contains("classCodes") || written.contains("exposures")
        || written.contains("customValues"), written);
  }

  @ParameterizedTest(name = "{2} at {3}")
  @CsvSource(delimiter = '|', value = {
      // the system: a name, not GB/T (which is the industry's)
      "\"system\": \"NCCI\"|\"system\": \"GB/T 4754-2017\"|IN013|/employer/classCodes/system",
      "\"system\": \"NCCI\"|\"system\": \"\"|IN013|/employer/classCodes/system",
      // codes: shape, repeats, at least one
      "[\"8810\", \"4299\", \"0042\"]|[\"8810\", \"42 99\", \"0042\"]|IN012|/employer/classCodes/codes/1",
      "[\"8810\", \"4299\", \"0042\"]|[\"8810\", \"4299\", \"8810\"]|IN023|/employer/classCodes/codes/2",
      "[\"8810\", \"4299\", \"0042\"]|[]|IN023|/employer/classCodes/codes",
      "[\"8810\", \"4299\", \"0042\"]|[8810]|IN005|/employer/classCodes/codes/0",
      // exposures: codes of the employer only, money not negative, adding up to the payroll
      "\"4299\": \"210000\", \"0042\"|\"4299\": \"210000\", \"42\"|IN050|/history/1/exposures/42",
      "\"4299\": \"210000\", \"0042\": \"0\"|\"4299\": \"210000\", \"0042\": \"-1\"|IN007|/history/1/exposures/0042",
      "\"8810\": \"100000\"|\"8810\": \"100000.01\"|IN051|/history/0/exposures",
      "\"8810\": \"100000\"|\"8810\": 1e5|IN006|/history/0/exposures/8810",
      "{\"4299\": \"210000\", \"0042\": \"0\"}|{}|IN023|/history/1/exposures",
      // custom values: decimals, named as flags are
      "\"auditScore\": \"87.5\"|\"auditScore\": true|IN005|/employer/status/customValues/auditScore",
      "\"auditScore\": \"87.5\"|\"audit score\": \"87.5\"|IN023|/employer/status/customValues/audit score",
      "\"auditScore\": \"87.5\"|\"auditScore\": \"1.000000000000000000001\"|IN006|/employer/status/customValues/auditScore",
  })
  void refuses(String from, String to, ErrorCode code, String pointer) {
    String text = VALID.replace(from, to);
    assertEquals(false, text.equals(VALID), "the replacement must change the case");
    assertFails(code, pointer, () -> read(text));
  }

  @Test
  void anotherClassificationInTheIndustryCodeSaysWhereItGoes() {
    String text = VALID.replace("\"edition\": \"GB/T 4754-2017\", \"code\": \"23\"", "\"edition\": \"NCCI\", \"code\": \"8810\"");
    var e = assertFails(ErrorCode.IN013, "/employer/industry/edition", () -> read(text));
    assertEquals(true, e.getMessage().contains("employer.classCodes"), e.getMessage());
  }

  @Test
  void exposuresWithoutClassCodesNameTheCode() {
    String text = VALID.replace(",\n    \"classCodes\": {\"system\": \"NCCI\", \"codes\": [\"8810\", \"4299\", \"0042\"]}", "");
    assertEquals(false, text.equals(VALID));
    assertFails(ErrorCode.IN050, "/history/0/exposures/4299", () -> read(text));
  }

  @Test
  void aNameIsAFlagOrAValueNotBoth() {
    String text = VALID.replace("\"status\": {", "\"status\": {\"customFlags\": {\"auditScore\": true}, ");
    assertFails(ErrorCode.IN023, "/employer/status/customValues/auditScore", () -> read(text));
  }

  @Test
  void javaBuiltCasesMeetTheSameRules() {
    // the same faults, from the builders, at pointers relative to the record built
    assertFails(ErrorCode.IN012, "/codes/1", () -> ClassCodes.of("NCCI", "8810", "42 99"));
    assertFails(ErrorCode.IN023, "/codes/1", () -> ClassCodes.of("NCCI", "8810", "8810"));
    assertFails(ErrorCode.IN013, "/system", () -> ClassCodes.of("GB/T 4754-2017", "8810"));
    assertFails(ErrorCode.IN023, "/codes", () -> ClassCodes.of("NCCI"));
    assertFails(ErrorCode.IN007, "/exposures/8810", () -> Period.year(2024).exposure("8810", "-1").build());
    assertFails(ErrorCode.IN051, "/exposures", () -> Period.year(2024).value(org.ratefloat.model.Measure.PAYROLL, "10")
        .exposure("8810", "4").exposure("4299", "5").build());
    assertFails(ErrorCode.IN023, "/customValues/x y",
        () -> Status.builder().customValue("x y", BigDecimal.ONE).build());
    Employer e = Employer.builder().id("P1").industry(org.ratefloat.model.Edition.GBT_4754_2017, "23")
        .classCodes("NCCI", "8810").build();
    Period p = Period.year(2024).exposure("4299", "1").build();
    assertFails(ErrorCode.IN050, "/history/0/exposures/4299", () -> RatingCase.builder().employer(e)
        .asOf(java.time.LocalDate.of(2025, 1, 1)).period(p).build());
    // and a valid one built in Java reads back from its JSON equal
    RatingCase ok = RatingCase.builder().employer(e.toBuilder().classCodes("NCCI", "8810", "4299").build())
        .asOf(java.time.LocalDate.of(2025, 1, 1))
        .period(Period.year(2024).value(org.ratefloat.model.Measure.PAYROLL, "5").exposure("4299", "2")
            .exposure("8810", "3.00").build()).build();
    assertEquals(ok, CaseJson.read(CaseJson.bytes(ok)));
    assertEquals(ok, ok.toBuilder().build());
    assertEquals(ok.employer().classCodes(), ok.withId("P2").employer().classCodes());
  }
}
