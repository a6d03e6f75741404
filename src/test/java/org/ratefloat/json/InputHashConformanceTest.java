package org.ratefloat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.model.RatingCase;
import org.ratefloat.synthetic.PortfolioGenerator;

/**
 * The input hash of a record is SHA-256 of the RFC 8785 form of the case exactly as submitted, as
 * any RFC 8785 tool computes it: checked against an independent implementation (erdtman's
 * java-json-canonicalization, by a co-author of the RFC) over every example, a generated portfolio
 * and a case written to be awkward (keys only the UTF-16 order sorts right, escapes, astral text,
 * defaults left out); the echo in the record is that same document.
 */
class InputHashConformanceTest {
  private static String independent(byte[] json) throws IOException {
    return Hashing.sha256().hashBytes(new JsonCanonicalizer(json).getEncodedUTF8()).toString();
  }

  /** Checks the hash of a case document, and the record's echo of it, against the independent one. */
  private static void check(RuleTable table, byte[] document, String name) throws IOException {
    String expected = independent(document);
    assertEquals(expected, RateFloat.inputSha256(document), name);
    if (table == null) {
      return;
    }
    Decision d = table.decide(document);
    assertEquals(expected, d.inputSha256(), name);
    byte[] record = RateFloat.toJson(d);
    com.fasterxml.jackson.databind.JsonNode echo = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(record).get("input");
    assertEquals(expected, independent(echo.toString().getBytes(StandardCharsets.UTF_8)), name + ": the echo");
    assertEquals(expected, new com.fasterxml.jackson.databind.ObjectMapper().readTree(record).get("inputSha256")
        .textValue(), name);
  }

  @Test
  void everyExampleHashesAsAnyRfc8785ToolHashesIt() throws IOException {
    int checked = 0;
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".decision.json")
          && p.getParent().getParent().equals(Path.of("examples"))).sorted().toList()) {
        RuleTable table = RateFloat.bundledTable(f.getParent().getFileName().toString());
        check(table, Files.readAllBytes(f), f.toString());
        checked++;
      }
    }
    assertTrue(checked >= 24, "examples checked: " + checked);
  }

  @Test
  void aGeneratedPortfolioHashesAsAnyRfc8785ToolHashesIt() throws IOException {
    RuleTable table = RateFloat.bundledTable("cn-hn-provisional");
    PortfolioGenerator generator = new PortfolioGenerator(17, 300, LocalDate.of(2025, 1, 1), 3);
    int n = 0;
    while (generator.hasNext()) {
      byte[] line = generator.nextLine().getBytes(StandardCharsets.UTF_8);
      check(n % 10 == 0 ? table : null, line, "line " + (++n));
      // a case built in Java is submitted as RateFloat.toJson(case)
      RatingCase built = RateFloat.readCase(line);
      assertEquals(independent(RateFloat.toJson(built)), RateFloat.inputSha256(built), "line " + n);
      assertEquals(independent(RateFloat.toJson(built)), table.decide(built).inputSha256(), "line " + n);
    }
    assertEquals(300, n);
  }

  @Test
  void anAwkwardCaseHashesAsAnyRfc8785ToolHashesIt() throws IOException {
    // Class codes as keys: "\u00e9" (é) sorts after "z", and "\ud840\udc00" (U+20000, astral) before
    // "\uff5a" (a full-width z) by UTF-16 code unit, as RFC 8785 sorts, though after it by code point.
    // The name holds escapes RFC 8785 writes short (\n, \t), one it writes \u001f, U+2028 and an
    // emoji it writes as they are; the status and a claim leave their defaults out.
    String document = "{\"history\":[{\"year\":2023,\"payroll\":\"1000.00\",\"injuries\":0,"
        + "\"averageHeadcount\":\"10\",\"exposures\":{\"\uff5a\":\"250.00\",\"\ud840\udc00\":\"250.00\","
        + "\"z\":\"250.00\",\"\u00e9\":\"250.00\"}}],\"asOf\":\"2024-01-01\",\"employer\":{\"name\":"
        + "\"A\\nB\\t\\u001f\\u2028 \\ud83d\\ude00 \u00e9\",\"industry\":{\"code\":\"3511\",\"edition\":"
        + "\"GB/T 4754-2011\"},\"id\":\"X-1\",\"classCodes\":{\"system\":\"NCCI\",\"codes\":[\"z\",\"\u00e9\","
        + "\"\uff5a\",\"\ud840\udc00\"]},\"status\":{\"customFlags\":{\"b\":true,\"a\":false}}},"
        + "\"claims\":[{\"id\":\"C\",\"date\":\"2023-05-01\",\"kind\":\"injury\",\"paid\":\"10.00\"}]}";
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    check(null, bytes, "awkward case");
    // what the engine read differs from what was submitted (defaults filled in), and so do the hashes
    RatingCase read = RateFloat.readCase(bytes);
    assertNotEquals(RateFloat.inputSha256(bytes), RateFloat.inputSha256(read));
    String canonical = new String(new JsonCanonicalizer(bytes).getEncodedUTF8(), StandardCharsets.UTF_8);
    assertTrue(canonical.indexOf("\"\ud840\udc00\":") < canonical.indexOf("\"\uff5a\":"), canonical);
    assertTrue(canonical.indexOf("\"z\":\"250") < canonical.indexOf("\"\u00e9\":\"250"), canonical);
  }

  @Test
  void whatWasAssumedIsListedApartFromTheSubmittedCase() {
    // examples/cn-city-a/printing-house.json gives no currentBand, no premiumBase and no status flags
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(Path.of("examples/cn-city-a/printing-house.json"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    Decision d = RateFloat.bundledTable("cn-city-a").decide(bytes);
    assertEquals(List.of("/premiumBase = 4100000.00 (derived from /history/0/payroll)",
        "/employer/currentBand = 1.0 (default)", "/employer/status/labourDispatch = false (default)",
        "/employer/status/premiumArrears = false (default)", "/employer/status/jointPunishment = false (default)"),
        d.assumed().stream().map(Object::toString).toList());
    assertTrue(!d.submittedInput().contains("labourDispatch"), d.submittedInput());
  }

  @Test
  void theDefaultsIndicatorsTookAreListedWithTheirIndicator() throws IOException {
    // examples/de-bg-bau-zuschlag/between-reduced-cap.json: never surcharged, so the table's
    // whenAbsent of 99 years since the last surcharge stands (rules/de-bg-bau-zuschlag.json, "since")
    Decision bau = RateFloat.bundledTable("de-bg-bau-zuschlag").decide(
        Files.readAllBytes(Path.of("examples/de-bg-bau-zuschlag/between-reduced-cap.json")));
    assertTrue(bau.assumed().stream().map(Object::toString).toList()
        .contains("/employer/status/prior/lastSurcharge (indicator since) = 99 (default)"), bau.assumed().toString());
    // the Hangzhou workshop without its safety-standardisation certificate: the grade is taken as 0
    String workshop = Files.readString(Path.of("examples/cn-zj-hangzhou/standardised-workshop.json"));
    String without = new com.fasterxml.jackson.databind.ObjectMapper().readTree(workshop).toString()
        .replaceFirst(",?\"safetyStandardisation\":\\{[^}]*\\}", "");
    assertTrue(!without.contains("safetyStandardisation"), without);
    Decision d = RateFloat.bundledTable("cn-zj-hangzhou").decide(without.getBytes(StandardCharsets.UTF_8));
    assertTrue(d.assumed().stream().map(Object::toString).toList()
        .contains("/employer/status/safetyStandardisation (indicator standardGrade) = 0 (default)"), d.assumed().toString());
    // and the record reads back with them, the same decision
    assertEquals(d, RateFloat.readDecision(RateFloat.toJson(d)));
    assertEquals(bau, RateFloat.readDecision(RateFloat.toJson(bau)));
  }
}
