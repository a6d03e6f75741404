package org.ratefloat.rules;

import org.ratefloat.error.Finding;
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
import org.ratefloat.Cases;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.TableRef;
import org.ratefloat.error.InputException;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;

/**
 * Reference data in files of their own ({@code ratefloat/reference@1}): found next to the table,
 * then among the bundled ones; their names join the table's data; effective-dated; listed with
 * their SHA-256 in every decision; and refused with a code and a pointer where they are wrong.
 */
class ReferenceFilesTest {
  private static final Path DIR = Path.of("src/test/resources/reference");
  private static final String TABLE = "mod-by-reference.json";
  private static final String REFERENCE = "test-mod-data.reference.json";

  @TempDir
  Path tmp;

  /** The table and its reference data copied into the temporary folder, each with one replacement. */
  private Path copy(String tableFrom, String tableTo, String refFrom, String refTo) throws Exception {
    String table = Files.readString(DIR.resolve(TABLE), StandardCharsets.UTF_8);
    String ref = Files.readString(DIR.resolve(REFERENCE), StandardCharsets.UTF_8);
    assertTrue(table.contains(tableFrom), tableFrom);
    assertTrue(ref.contains(refFrom), refFrom);
    Files.writeString(tmp.resolve(REFERENCE), ref.replace(refFrom, refTo), StandardCharsets.UTF_8);
    Path p = tmp.resolve(TABLE);
    Files.writeString(p, table.replace(tableFrom, tableTo), StandardCharsets.UTF_8);
    return p;
  }

  private static Decision decide(RuleTable table) {
    // as in Format2Test: E = 200,000.00 (premiums), A = 300,000.00 (benefits)
    return Cases.employer().riskClass(1).year(2023, "250000.00").year(2024, "50000.00").decide(table);
  }

  @Test
  void theDataOfAReferenceFileDecidesAsTheSameDataWrittenInTheTable() throws Exception {
    Decision inline = decide(RateFloat.loadTable(Path.of("src/test/resources/format2/computed-mod.json")));
    Decision byFile = decide(RateFloat.loadTable(DIR.resolve(TABLE)));
    // W 0.20, B 40,000 by interpolation, M = 260,000 / 240,000 -> 1.08 (Format2Test): the same values
    assertEquals("1.08", byFile.indicators().stream().filter(i -> i.id().equals("mod")).findFirst()
        .orElseThrow().value().render());
    assertEquals(inline.indicators(), byFile.indicators());
    assertEquals(0, new BigDecimal("0.54").compareTo(byFile.rate()));
    TableRef ref = byFile.tables().get(1);
    assertEquals(List.of("reference", "test-mod-data", "1", "verified"),
        List.of(ref.role(), ref.id(), ref.version(), ref.status().jsonName()));
    assertEquals(RuleTableParser.sha256(Files.readAllBytes(DIR.resolve(REFERENCE))), ref.sha256());
    assertEquals(2, byFile.tables().size());
  }

  @Test
  void valuesByClassAreReadForTheCaseClassAndMustCoverEveryClass() throws Exception {
    // class 1 reads offset 0.00: minMod 0.75 + 0 leaves the decision as it was
    String minMod = "{ \"data\": \"minMod\" }";
    String shifted = "{ \"add\": [ { \"data\": \"minMod\" }, { \"data\": \"offset\" } ] }";
    Path p = copy(minMod, shifted, "\"2\": \"0.05\"", "\"2\": \"0.05\"");
    Decision d = decide(RateFloat.loadTable(p));
    assertEquals("0.00", d.indicators().stream().filter(i -> i.id().equals("mod")).findFirst().orElseThrow()
        .operands().get("data.offset"));
    // a table that also covers class 3, which the reference data lacks, does not load
    Path wider = copy(minMod, shifted, "\"2\": \"0.05\"", "\"2\": \"0.05\"");
    Files.writeString(wider, Files.readString(wider).replace("\"benchmarks\": { \"1\": \"0.5\" }",
        "\"benchmarks\": { \"1\": \"0.5\", \"3\": \"0.6\" }"));
    RuleTableException e = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(wider));
    assertEquals("RT040", e.code().name(), e.getMessage());
    assertEquals("/indicators/4/expr/round/value/clamp/1/add/1/data", e.pointer());
    assertTrue(e.getMessage().contains("no value for class [3]"), e.getMessage());
  }

  @Test
  void aReferenceIsFoundBesideTheTableThenAmongTheBundledOnes() throws Exception {
    Path p = copy("\"test-mod-data\"", "\"cn-credibility-example\"", "\"1\"", "\"1\"");
    Files.delete(tmp.resolve(REFERENCE));
    // the bundled reference data has k and mu, not the names this table reads
    RuleTableException bundled = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(p));
    assertEquals("RT008", bundled.code().name(), bundled.getMessage());
    assertTrue(bundled.getMessage().contains("no step table \"weight\""), bundled.getMessage());
    // not beside it and not bundled: says where it looked
    Path missing = copy("\"test-mod-data\"", "\"test-nowhere\"", "\"1\"", "\"1\"");
    RuleTableException e = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(missing));
    assertEquals("RT008", e.code().name(), e.getMessage());
    assertEquals("/references/0", e.pointer());
    assertTrue(e.getMessage().contains("test-nowhere.reference.json"), e.getMessage());
    assertTrue(e.getMessage().contains("org/ratefloat/rules/test-nowhere.reference.json"), e.getMessage());
  }

  @Test
  void aChangedReferenceFileIsAnotherTable() throws Exception {
    Decision before = decide(RateFloat.loadTable(copy("\"1\"", "\"1\"", "\"1\"", "\"1\"")));
    // the same values, written with another white space: other bytes, another hash, same decision otherwise
    Decision after = decide(RateFloat.loadTable(copy("\"1\"", "\"1\"", "\"version\": \"1\",", "\"version\":  \"1\",")));
    assertEquals(before.indicators(), after.indicators());
    assertTrue(!before.tables().get(1).sha256().equals(after.tables().get(1).sha256()));
    assertEquals(before.tables().get(0), after.tables().get(0));
  }

  @Test
  void aDecisionOutsideTheReferencePeriodIsRefused() throws Exception {
    RuleTable table = RateFloat.loadTable(copy("\"1\"", "\"1\"", "\"2024-01-01\"", "\"2025-01-02\""));
    InputException e = assertThrows(InputException.class, () -> decide(table));
    assertEquals("IN021", e.code().name(), e.getMessage());
    assertEquals("/asOf", e.pointer());
    assertTrue(e.getMessage().contains("reference data test-mod-data (2025-01-02..2025-12-31)"), e.getMessage());
  }

  @Test
  void namesMayNotClash() throws Exception {
    // the table's own data and the reference both name maxMod
    Path p = copy("\"references\"", "\"data\": { \"scalars\": { \"maxMod\": \"2\" } },\n  \"references\"", "\"1\"", "\"1\"");
    RuleTableException e = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(p));
    assertEquals("RT007", e.code().name(), e.getMessage());
    assertEquals("/references/0", e.pointer());
    assertTrue(e.getMessage().contains("\"maxMod\""), e.getMessage());
    Path twice = copy("[ \"test-mod-data\" ]", "[ \"test-mod-data\", \"test-mod-data\" ]", "\"1\"", "\"1\"");
    assertEquals("RT007", assertThrows(RuleTableException.class, () -> RateFloat.loadTable(twice)).code().name());
    // within a reference file, a value by class may not have the name of a scalar
    Path inFile = copy("\"1\"", "\"1\"", "\"offset\"", "\"minMod\"");
    RuleTableException own = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(inFile));
    assertEquals("RT007", own.code().name(), own.getMessage());
    assertEquals("/byClass/minMod", own.pointer());
  }

  @Test
  void aBrokenReferenceFileIsRefusedWithItsOwnPointer() throws Exception {
    Path unsorted = copy("\"1\"", "\"1\"", "[ \"300000\", \"0.30\" ]", "[ \"100000\", \"0.30\" ]");
    RuleTableException e = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(unsorted));
    assertEquals("RT034", e.code().name(), e.getMessage());
    assertEquals("/data/steps/weight/rows/2/0", e.pointer());
    assertEquals(REFERENCE, e.source());
    Path notReference = copy("\"1\"", "\"1\"", "ratefloat/reference@1", "ratefloat/rule-table@2");
    RuleTableException format = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(notReference));
    assertEquals("RT008", format.code().name(), format.getMessage());
    assertEquals("/references/0", format.pointer());
    Path otherId = copy("\"1\"", "\"1\"", "\"id\": \"test-mod-data\"", "\"id\": \"test-mod-other\"");
    RuleTableException id = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(otherId));
    assertEquals("RT008", id.code().name(), id.getMessage());
    assertTrue(id.getMessage().contains("holds reference data \"test-mod-other\""), id.getMessage());
    Path badDates = copy("\"1\"", "\"1\"", "\"2025-12-31\"", "\"2023-12-31\"");
    assertEquals("RT012", assertThrows(RuleTableException.class, () -> RateFloat.loadTable(badDates)).code().name());
    Path verifiedButUnverified = copy("\"1\"", "\"1\"", "\"status\": \"verified\",",
        "\"status\": \"verified\", \"unverified\": [ \"/data: assumed\" ],");
    RuleTableException status = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(verifiedButUnverified));
    assertEquals("/status", status.pointer());
  }

  @Test
  void referencesAreUnknownInAtOne() throws Exception {
    String table = Files.readString(Path.of("rules/cn-city-a.json"), StandardCharsets.UTF_8);
    assertTrue(table.contains("ratefloat/rule-table@1"));
    Path p = tmp.resolve("cn-city-a.json");
    Files.writeString(p, table.replaceFirst("\\{", "{\n  \"references\": [ \"test-mod-data\" ],"), StandardCharsets.UTF_8);
    RuleTableException e = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(p));
    assertEquals("RT003", e.code().name(), e.getMessage());
    assertEquals("/references", e.pointer());
  }

  @Test
  void lintChecksReferenceFilesToo() throws Exception {
    List<Linter.FileReport> clean = Linter.lint(List.of(DIR.resolve(REFERENCE),
        Path.of("rules/cn-credibility-example.reference.json")));
    clean.forEach(r -> assertEquals(List.of(), r.findings(), r.file().toString()));
    copy("\"1\"", "\"1\"", "\"0.10\"", "\"0.1x\"");
    List<Finding> broken = Linter.lint(List.of(tmp.resolve(REFERENCE))).get(0).findings();
    assertEquals(1, broken.size(), broken.toString());
    assertEquals("RT006", broken.get(0).code().name());
    assertEquals("/data/steps/weight/rows/0/1", broken.get(0).pointer());
  }

  @Test
  void aValueOutsideTheDomainTheFileDeclaresIsRefusedWhenTheFileIsRead() throws Exception {
    String domains = "\"byClass\": { \"offset\": { \"1\": \"0.00\", \"2\": \"-0.05\" } },\n"
        + "  \"domains\": { \"offset\": { \"ge\": \"0\" }, \"maxMod\": { \"gt\": \"1\" } }";
    RuleTableException below = org.junit.jupiter.api.Assertions.assertThrows(RuleTableException.class,
        () -> RateFloat.loadTable(copy("\"1\"", "\"1\"", "\"byClass\": { \"offset\": { \"1\": \"0.00\", \"2\": \"0.05\" } }",
            domains)));
    assertEquals(ErrorCode.RT012, below.code());
    assertEquals("/byClass/offset/2", below.pointer());
    assertTrue(below.getMessage().contains("offset of class 2 must lie in its domain [0, +inf): -0.05"), below.getMessage());
    // within their domains the values load as before
    RateFloat.loadTable(copy("\"1\"", "\"1\"", "\"byClass\": { \"offset\": { \"1\": \"0.00\", \"2\": \"0.05\" } }",
        domains.replace("-0.05", "0.05")));
    RuleTableException unknown = org.junit.jupiter.api.Assertions.assertThrows(RuleTableException.class,
        () -> RateFloat.loadTable(copy("\"1\"", "\"1\"", "\"byClass\": { \"offset\": { \"1\": \"0.00\", \"2\": \"0.05\" } }",
            "\"byClass\": { \"offset\": { \"1\": \"0.00\" } }, \"domains\": { \"k\": { \"ge\": \"0\" } }")));
    assertEquals(ErrorCode.RT008, unknown.code());
    assertEquals("/domains/k", unknown.pointer());
  }
}
