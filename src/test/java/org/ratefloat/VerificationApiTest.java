package org.ratefloat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.Finding;
import org.ratefloat.error.InputException;

/** Verifying records and linting tables through the API, as an embedder does it. */
class VerificationApiTest {
  private static final Path CASE = Path.of("examples/cn-zj-hangzhou/standardised-workshop.json");
  private static final RuleTable TABLE = RateFloat.bundledTable("cn-zj-hangzhou");

  private static String record() throws Exception {
    return new String(Files.readAllBytes(Path.of("examples/cn-zj-hangzhou/standardised-workshop.decision.json")),
        StandardCharsets.UTF_8);
  }

  @Test
  void aShippedRecordVerifiesInAnyLayout() throws Exception {
    String pretty = record();
    Verification.Verified v = assertInstanceOf(Verification.Verified.class,
        TABLE.verify(pretty.getBytes(StandardCharsets.UTF_8)));
    // the record is of the case as submitted: the file's own bytes
    assertEquals(TABLE.decide(Files.readAllBytes(CASE)), v.decision());
    String oneLine = new com.fasterxml.jackson.databind.ObjectMapper().readTree(pretty).toString();
    Verification.Verified again = assertInstanceOf(Verification.Verified.class,
        TABLE.verify(oneLine.getBytes(StandardCharsets.UTF_8)));
    assertEquals(v.sha256(), again.sha256(), "the canonical form's hash does not depend on the layout");
    assertTrue(v.sha256().matches("[0-9a-f]{64}"), v.sha256());
  }

  @Test
  void anEditedRateIsAMismatchAtItsPointer() throws Exception {
    String edited = record().replace("\"value\": \"0.4500\"", "\"value\": \"0.4600\"");
    Verification.Mismatched m = assertInstanceOf(Verification.Mismatched.class,
        TABLE.verify(edited.getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of(new Verification.Difference("/rate/value", "0.4600", "0.4500")), m.differences());
    assertEquals(1, m.total());
    assertTrue(m.namesTable());
    assertEquals("", m.why());
    assertEquals("/rate/value: 0.4600 \u2192 0.4500", m.differences().get(0).toString());
  }

  @Test
  void aBatchLineIsCheckedAtItsDecisionWithItsEmployer() throws Exception {
    String decision = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        record().replace("\"value\": \"0.4500\"", "\"value\": \"0.4600\"")).toString();
    String line = "{\"status\":\"ok\",\"employerId\":\"ZJ-1\",\"decision\":" + decision + "}";
    Verification.Mismatched m = assertInstanceOf(Verification.Mismatched.class,
        TABLE.verify(line.getBytes(StandardCharsets.UTF_8), 0));
    assertEquals(java.util.Optional.of("ZJ-1"), m.employerId());
    assertEquals(List.of(), m.differences(), "none listed when none are asked for");
    assertEquals(1, m.total());
    assertInstanceOf(Verification.ErrorRecord.class, TABLE.verify(
        "{\"status\":\"error\",\"line\":3,\"code\":\"IN007\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aRecordOfAnotherTableSaysSo() throws Exception {
    Verification.Mismatched m = assertInstanceOf(Verification.Mismatched.class,
        RateFloat.bundledTable("cn-hn-provisional").verify(record().getBytes(StandardCharsets.UTF_8)));
    assertFalse(m.namesTable());
    assertTrue(m.tablesNamed().startsWith("cn-zj-hangzhou "), m.tablesNamed());
    assertTrue(m.why().startsWith("the record names other tables than cn-hn-provisional"), m.why());
  }

  @Test
  void aCaseIsNotARecord() throws Exception {
    byte[] input = Files.readAllBytes(CASE);
    assertFalse(RateFloat.isDecisionRecord(input));
    assertTrue(RateFloat.isDecisionRecord(record().getBytes(StandardCharsets.UTF_8)));
    InputException e = assertThrows(InputException.class, () -> TABLE.verify(input));
    assertEquals(ErrorCode.IN040, e.code());
    assertThrows(IllegalArgumentException.class, () -> TABLE.verify(input, -1));
  }

  @Test
  void lintReportsFindingsByFileAndCountsAFileOnce() {
    Path broken = Path.of("src/test/resources/broken-tables/01-overlap-unique.json");
    List<RateFloat.LintReport> reports = RateFloat.lint(List.of(broken, Path.of("rules/cn-zj-hangzhou.json"),
        broken.toAbsolutePath()));
    assertEquals(2, reports.size());
    assertTrue(reports.get(0).findings().stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR
        && f.code() == ErrorCode.RT021), reports.get(0).findings().toString());
    assertTrue(reports.get(1).findings().stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR),
        reports.get(1).findings().toString());
  }

  @Test
  void aMismatchFromAReferenceFileNamesTheFile() throws Exception {
    byte[] table = Files.readAllBytes(Path.of("rules/cn-credibility-blend.json"));
    // the same reference data with one more space: other bytes, another hash
    byte[] reference = Files.readString(Path.of("rules/cn-credibility-example.reference.json"))
        .replace("\"version\": \"1\"", "\"version\":  \"1\"").getBytes(StandardCharsets.UTF_8);
    RuleTable blend = RateFloat.loadTable("cn-credibility-blend.json", table,
        id -> id.equals("cn-credibility-example.reference") ? java.util.Optional.of(reference) : java.util.Optional.empty());
    Verification.Mismatched m = assertInstanceOf(Verification.Mismatched.class, blend.verify(
        Files.readAllBytes(Path.of("examples/cn-credibility-blend/small-workshop.decision.json"))));
    assertTrue(m.namesTable());
    assertTrue(m.why().startsWith("other files than the record's: reference cn-credibility-example: the record names "),
        m.why());
    assertEquals("/tables/1/sha256", m.differences().get(0).pointer());
  }

  @Test
  void anAlteredEchoIsSaidApartAndARecordOfIsNotReadAsADecision() throws Exception {
    // the Hangzhou workshop's payroll of its last year, one figure of the echo changed
    String altered = record().replace("\"payroll\": \"32500000.00\"", "\"payroll\": \"32500000.01\"");
    assertTrue(!altered.equals(record()), "the example has that payroll");
    Verification.Mismatched m = assertInstanceOf(Verification.Mismatched.class,
        TABLE.verify(altered.getBytes(StandardCharsets.UTF_8)));
    Verification.Altered a = m.altered().orElseThrow();
    assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(record()).get("inputSha256").textValue(),
        a.recordedSha256());
    assertFalse(a.recordedSha256().equals(a.echoedSha256()));
    InputException refused = assertThrows(InputException.class,
        () -> RateFloat.readDecision(altered.getBytes(StandardCharsets.UTF_8)));
    assertEquals(ErrorCode.VR002, refused.code());
    assertEquals("/inputSha256", refused.pointer());
    // an untouched record reads back as the decision, and writes back as the same canonical form
    byte[] bytes = record().getBytes(StandardCharsets.UTF_8);
    assertEquals(TABLE.decide(Files.readAllBytes(CASE)), RateFloat.readDecision(bytes));
  }

  @Test
  void aRecordMadeByAnotherVersionNamesBoth() throws Exception {
    String other = record().replace("\"library\": \"ratefloat " + RateFloat.VERSION + "\"", "\"library\": \"ratefloat 0.0.1\"");
    Verification.VerifiedByAnotherVersion v = assertInstanceOf(Verification.VerifiedByAnotherVersion.class,
        TABLE.verify(other.getBytes(StandardCharsets.UTF_8)));
    assertEquals("ratefloat 0.0.1", v.recordedLibrary());
    assertEquals("ratefloat " + RateFloat.VERSION, v.library());
    assertEquals("ratefloat " + RateFloat.VERSION, v.decision().library());
    // with another value changed too, it is a mismatch that names the versions and not the library
    Verification.Mismatched m = assertInstanceOf(Verification.Mismatched.class,
        TABLE.verify(other.replace("\"0.4500\"", "\"0.4600\"").getBytes(StandardCharsets.UTF_8)));
    assertEquals("made by ratefloat 0.0.1, checked with ratefloat " + RateFloat.VERSION, m.why());
    assertEquals(List.of("/rate/value"), m.differences().stream().map(Verification.Difference::pointer).toList());
  }
}
