package org.ratefloat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ratefloat.Assertions2.assertFails;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Measure;
import org.ratefloat.model.RatingCase;

/** Reading cases: each fault gets its code and the pointer of the value at fault. */
class CaseJsonTest {
  private static final String VALID = """
      {
        "asOf": "2025-01-01",
        "employer": {
          "id": "E1",
          "industry": {"edition": "GB/T 4754-2011", "code": "36"},
          "status": {"firstInsured": "2010-05-01"}
        },
        "history": [
          {"year": 2023, "premiumsPaid": "100.00", "benefitsPaid": "0", "averageHeadcount": "10", "injuries": 0},
          {"year": 2024, "premiumsPaid": "100.00", "benefitsPaid": "50.5", "averageHeadcount": "10", "injuries": 1}
        ]
      }
      """;

  private static RatingCase read(String text) {
    return CaseJson.read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAValidCase() {
    RatingCase c = read(VALID);
    assertEquals(Edition.GBT_4754_2011, c.employer().industry().edition());
    assertEquals(2, c.history().size());
    assertEquals(new BigDecimal("50.5"), c.history().get(1).value(Measure.BENEFITS_PAID).orElseThrow());
    assertEquals(c, CaseJson.read(CaseJson.bytes(c)));
  }

  @ParameterizedTest(name = "{1} at {2}")
  @CsvSource(delimiter = '|', value = {
      "\"premiumsPaid\": \"100.00\", \"benefitsPaid\": \"50.5\"|\"premiumsPaid\": \"-100.00\", \"benefitsPaid\": \"50.5\"|IN007|/history/1/premiumsPaid",
      "\"injuries\": 1}|\"injuries\": -1}|IN007|/history/1/injuries",
      "\"injuries\": 1}|\"injuries\": 1.5}|IN005|/history/1/injuries",
      "\"injuries\": 1}|\"injuries\": \"1\"}|IN005|/history/1/injuries",
      "\"averageHeadcount\": \"10\", \"injuries\": 1|\"averageHeadcount\": \"0\", \"injuries\": 1|IN011|/history/1/averageHeadcount",
      "{\"year\": 2024|{\"year\": 2023|IN009|/history/1",
      "{\"year\": 2023|{\"year\": 2025|IN009|/history/1",
      "\"asOf\": \"2025-01-01\"|\"asOf\": \"2024-06-30\"|IN010|/asOf",
      "\"asOf\": \"2025-01-01\"|\"asOf\": \"2025-02-30\"|IN023|/asOf",
      "\"edition\": \"GB/T 4754-2011\", |''|IN013|/employer/industry/edition",
      "\"edition\": \"GB/T 4754-2011\"|\"edition\": \"GB/T 4754-2002\"|IN013|/employer/industry/edition",
      "\"code\": \"36\"|\"code\": \"C36\"|IN012|/employer/industry/code",
      "\"code\": \"36\"|\"code\": 36|IN005|/employer/industry/code",
      "\"id\": \"E1\",|''|IN004|/employer/id",
      "\"firstInsured\"|\"firstInsure\"|IN003|/employer/status/firstInsure",
      "\"benefitsPaid\": \"50.5\"|\"benefitsPaid\": \"5e1\"|IN006|/history/1/benefitsPaid",
      "\"benefitsPaid\": \"50.5\"|\"benefitsPaid\": 5e1|IN006|/history/1/benefitsPaid",
      "\"benefitsPaid\": \"50.5\"|\"benefitsPaid\": \"50,5\"|IN006|/history/1/benefitsPaid",
      "\"benefitsPaid\": \"50.5\"|\"benefitsPaid\": \"NaN\"|IN006|/history/1/benefitsPaid",
      "\"benefitsPaid\": \"50.5\"|\"benefitsPaid\": null, \"benefitsPaid\": 1|IN002|/history/1/benefitsPaid",
      // the rules of the input records, placed at the record's pointer
      "\"asOf\": \"2025-01-01\"|\"asOf\": \"2025-01-01\", \"premiumBase\": \"-1\"|IN007|/premiumBase",
      "\"id\": \"E1\"|\"id\": \" \"|IN023|/employer/id",
      "\"id\": \"E1\"|\"id\": \"E1\", \"name\": \"\"|IN023|/employer/name",
      "\"id\": \"E1\"|\"id\": \"E\\ud800\"|IN001|/employer/id",
      "\"firstInsured\": \"2010-05-01\"|\"customFlags\": {\"a/b\": true}|IN023|/employer/status/customFlags/a~1b",
      "\"firstInsured\": \"2010-05-01\"|\"safetyStandardisation\": {\"grade\": 4, \"validUntil\": \"2025-12-31\"}|IN023|/employer/status/safetyStandardisation/grade",
      "\"firstInsured\": \"2010-05-01\"|\"safetyStandardisation\": {\"grade\": 9999999999, \"validUntil\": \"2025-12-31\"}|IN023|/employer/status/safetyStandardisation/grade",
      "\"injuries\": 1}|\"injuries\": 1, \"disabilityCases\": {\"07\": 1}}|IN023|/history/1/disabilityCases/07",
      "\"injuries\": 1}|\"injuries\": 1, \"disabilityCases\": {\"7\": 99999999999999999999}}|IN023|/history/1/disabilityCases/7",
      "\"injuries\": 1}|\"injuries\": 1, \"disabilityCases\": {\"7\": -99999999999999999999}}|IN007|/history/1/disabilityCases/7",
      "\"injuries\": 1}|\"injuries\": 99999999999999999999}|IN023|/history/1/injuries",
  })
  void refuses(String from, String to, ErrorCode code, String pointer) {
    String text = VALID.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to));
    if (text.equals(VALID)) {
      throw new AssertionError("the mutation did not apply: " + from);
    }
    assertFails(code, pointer, () -> read(text));
  }

  @Test
  void calendarYearsOutsideTheYearShorthandAreWrittenFromTo() throws Exception {
    String old = VALID.replace("{\"year\": 2023,", "{\"from\": \"1899-01-01\", \"to\": \"1899-12-31\",");
    RatingCase c = read(old);
    assertTrue(c.history().get(0).isCalendarYear());
    String written = new String(CaseJson.bytes(c), StandardCharsets.UTF_8);
    var period = new com.fasterxml.jackson.databind.ObjectMapper().readTree(written).path("history").path(0);
    assertEquals("1899-01-01", period.path("from").textValue(), written);
    assertEquals("1899-12-31", period.path("to").textValue(), written);
    assertFalse(period.has("year"), written);
    assertEquals(c, CaseJson.read(CaseJson.bytes(c)));
  }

  @Test
  void everyExampleIsAValidCase() throws Exception {
    try (var files = Files.walk(Path.of("examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".decision.json")).toList()) {
        RatingCase c = CaseJson.read(Files.readAllBytes(f));
        assertEquals(c, CaseJson.read(CaseJson.bytes(c)), f.toString());
      }
    }
  }
}
