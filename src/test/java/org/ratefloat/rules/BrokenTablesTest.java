package org.ratefloat.rules;

import org.ratefloat.document.DocumentFiles;
import org.ratefloat.error.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.FileFault;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.cli.CliRun;
import org.ratefloat.cli.Main;

/**
 * The corpus of broken rule tables in src/test/resources/broken-tables: each case has one fault,
 * listed in EXPECTED.tsv with its code, severity and JSON pointer; a table with an error is refused
 * by {@code ratefloat lint} and {@code ratefloat decide} with exit code 4, the latter with one line on
 * stderr. The files listed in FILES.tsv (a directory, /dev/zero ...) are made when the test runs.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard (a FIFO), not a speed test
class BrokenTablesTest {
  private static final Path DIR = Path.of("src/test/resources/broken-tables");
  private static final String CASE = "examples/cn-hn-provisional/machinery.json";

  @TempDir
  Path tmp;

  private record Case(List<Path> files, String code, String severity, String pointer, String notShown) {}

  private static List<Case> cases() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (String[] f : tsv("EXPECTED.tsv")) {
      cases.add(new Case(Arrays.stream(f[0].split(" ")).map(DIR::resolve).toList(), f[1], f[2], f[3],
          f.length > 4 ? f[4] : ""));
    }
    return cases;
  }

  private static List<String[]> tsv(String name) throws Exception {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve(name))) {
      if (!line.startsWith("#") && !line.isBlank()) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  @TestFactory
  Stream<DynamicTest> eachBrokenTableReportsItsFault() throws Exception {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.files().get(c.files().size() - 1)
        .getFileName().toString(), () -> {
      List<Finding> findings = new ArrayList<>();
      Linter.lint(c.files()).forEach(r -> findings.addAll(r.findings()));
      List<Finding> relevant = findings.stream()
          .filter(f -> f.severity() != Finding.Severity.INFO || c.severity().equals("info")).toList();
      assertFalse(relevant.isEmpty(), "nothing found");
      for (Finding f : relevant) {
        // one fault per case: every finding is of the expected kind
        assertEquals(c.code(), f.code().name(), f.text());
        assertEquals(c.severity(), f.severity().jsonName(), f.text());
      }
      assertTrue(relevant.stream().anyMatch(f -> f.pointer().equals(c.pointer())),
          () -> "no finding at " + c.pointer() + ": " + relevant);
      relevant.forEach(f -> assertNotShown(c.notShown(), f.text()));
      if (c.severity().equals("error")) {
        Path table = c.files().get(c.files().size() - 1);
        CliRun lint = lint(c.files().stream().map(Path::toString).toList());
        assertEquals(Main.BAD_RULES, lint.code(), lint.out() + lint.err());
        assertEquals("", lint.err());
        assertTrue(lint.out().contains(table + ": " + c.code() + " error "), lint.out());
        if (c.files().size() == 1) {
          assertRefusedByDecide(table, c.code(), c.pointer(), c.notShown());
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> eachTableFileThatCannotBeReadIsRefusedWithItsCode() throws Exception {
    return tsv("FILES.tsv").stream().map(f -> DynamicTest.dynamicTest(f[0] + " " + f[1], () -> {
      Path dir = Files.createTempDirectory(tmp, f[0] + "-" + f[1]);
      Path table = dir.resolve("cn-hn-provisional.json");
      for (String name : List.of("cn-hn-provisional.json", "cn-national-2015.json", "cn-annex-2015.json")) {
        Files.copy(Path.of("rules", name), dir.resolve(name));
      }
      Path faulty = f[0].equals("rules") ? table : dir.resolve("cn-national-2015.json");
      Files.delete(faulty);
      FileFault.valueOf(f[1]).make(faulty);
      String code = f[2];
      String pointer = f[3];
      String notShown = f.length > 4 ? f[4] : "";
      if (code.equals("bundled")) {
        assertEquals(RateFloat.bundledTable("cn-hn-provisional").tables(), RateFloat.loadTable(table).tables());
        assertTrue(Linter.lint(List.of(table)).get(0).findings().stream()
            .noneMatch(x -> x.severity() == Finding.Severity.ERROR));
        return;
      }
      List<Finding> findings = Linter.lint(List.of(table)).get(0).findings();
      assertEquals(1, findings.size(), findings.toString());
      assertEquals(code, findings.get(0).code().name(), findings.toString());
      assertEquals(pointer, findings.get(0).pointer(), findings.toString());
      assertNotShown(notShown, findings.get(0).text());
      RuleTableException e = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(table));
      assertEquals(code, e.code().name(), e.getMessage());
      assertRefusedByDecide(table, code, pointer, notShown);
      CliRun lint = lint(List.of(table.toString()));
      assertEquals(Main.BAD_RULES, lint.code(), lint.out() + lint.err());
      assertTrue(lint.out().startsWith(table + ": " + code + " error "), lint.out());
      assertNotShown(notShown, lint.out());
    }));
  }

  private static CliRun lint(List<String> files) {
    List<String> args = new ArrayList<>(List.of("lint"));
    args.addAll(files);
    return CliRun.of(args.toArray(String[]::new));
  }

  /** {@code ratefloat decide}: exit 4 and one coded line on stderr, no stack trace. */
  private static void assertRefusedByDecide(Path table, String code, String pointer, String notShown) {
    CliRun r = CliRun.of("decide", "--rules", table.toString(), CASE).assertRefused(Main.BAD_RULES, code, pointer);
    assertNotShown(notShown, r.err());
  }

  private static void assertNotShown(String text, String message) {
    if (!text.isEmpty()) {
      assertFalse(message.contains(text), "the message shows the file's content: " + message);
    }
  }

  @Test
  void theCorpusIsLargeAndComplete() throws Exception {
    List<Case> cases = cases();
    assertTrue(cases.size() >= 30, "at least 30 broken tables");
    Set<Path> listed = new HashSet<>();
    cases.forEach(c -> listed.addAll(c.files()));
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        if (f.getFileName().toString().startsWith("helper-")) {
          var report = Linter.lint(List.of(f)).get(0);
          assertTrue(report.findings().isEmpty(), f + " must lint clean: " + report.findings());
        } else {
          assertTrue(listed.contains(f), f + " has no line in EXPECTED.tsv");
        }
      }
    }
  }

  @Test
  void aFileNamedTwiceIsOneFileNotTwoVersions() {
    Path a = DIR.resolve("41-overlapping-versions-a.json");
    // the same file through three names: linted once, no overlap with itself (RT027)
    List<Linter.FileReport> once = Linter.lint(List.of(a, a, DIR.resolve("./41-overlapping-versions-a.json"),
        DIR.resolve("../broken-tables/41-overlapping-versions-a.json")));
    assertEquals(1, once.size(), once.toString());
    assertEquals(List.of(), once.get(0).findings().stream().filter(f -> f.code().name().equals("RT027")).toList());
    // its other version still overlaps it
    List<Linter.FileReport> both = Linter.lint(List.of(a, DIR.resolve("41-overlapping-versions-b.json"), a));
    assertEquals(2, both.size());
    assertTrue(both.get(1).findings().stream().anyMatch(f -> f.code().name().equals("RT027")), both.toString());
  }

  @Test
  void everyShippedTableLintsClean() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      List<Path> all = files.filter(p -> p.toString().endsWith(".json")
          && !org.ratefloat.ShippedFiles.isPortfolioDocument(p))
          .sorted().toList();
      for (Linter.FileReport r : Linter.lint(all)) {
        assertEquals(List.of(), r.findings().stream().filter(f -> f.severity() != Finding.Severity.INFO).toList(),
            r.file().toString());
      }
    }
  }

  @Test
  void aRowBetweenTwoNeighbouringLatticeValuesNeverFires() throws Exception {
    // payout ratios are rounded to 0.01: (50, 50.01) holds no value
    String text = Files.readString(DIR.resolve("helper-valid.json"))
        .replace("\"le\": \"50\"", "\"le\": \"50\"}}, \"then\": {\"band\": -1}},\n"
            + "        {\"id\": \"between\", \"when\": {\"ratio\": {\"gt\": \"50\", \"lt\": \"50.01\"")
        .replace("\"gt\": \"50\",\n", "\"ge\": \"50.01\",\n");
    LoadedTable t = RuleTables.resolve(new DocumentFiles.Named("lattice.json", text.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)), DocumentFiles.directory(DIR));
    assertEquals(List.of("RT023 warning /steps/0/rows/1: row between can never fire: no value in the domain "
        + "meets its conditions"), t.findings().stream().map(Finding::text).toList());
  }

  @Test
  void messagesShowTheValues() throws Exception {
    var r = Linter.lint(List.of(DIR.resolve("01-overlap-unique.json"))).get(0);
    assertEquals("RT021 error /steps/0/rows/0: overlaps /steps/0/rows/1 on ratio (50, 60]",
        r.findings().get(0).text());
    var gap = Linter.lint(List.of(DIR.resolve("04-gap.json"))).get(0);
    assertEquals("RT020 error /steps/0: no row covers ratio (50, 60] (add a row, or noMatch \"skip\" if "
        + "that is intended)", gap.findings().get(0).text());
  }

  @Test
  void anExactRatioHasValuesInTheNarrowestStretch() throws Exception {
    // without a rounding the ratio takes every rational value: (50, 50.0001] is a gap, however narrow
    var gap = Linter.lint(List.of(DIR.resolve("60-hairline-gap-of-an-exact-ratio.json"))).get(0);
    assertEquals("RT020 error /steps/0: no row covers ratio (50, 50.0001] (add a row, or noMatch \"skip\" "
        + "if that is intended)", gap.findings().get(0).text());
    // and the single value 50 shared by "le 50" and "ge 50" is an overlap
    var point = Linter.lint(List.of(DIR.resolve("61-overlap-at-one-point-of-an-exact-ratio.json"))).get(0);
    assertEquals("RT021 error /steps/0/rows/0: overlaps /steps/0/rows/1 on ratio = 50",
        point.findings().get(0).text());
  }
}
