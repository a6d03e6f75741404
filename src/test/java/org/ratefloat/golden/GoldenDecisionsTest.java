package org.ratefloat.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;

/**
 * Golden decisions: every case {@code examples/<table-id>/<name>.json} is decided with
 * {@code rules/<table-id>.json} and compared byte for byte with {@code <name>.decision.json}.
 *
 * <p>The expected files change only on purpose: run
 * {@code mvn test -Dtest=GoldenDecisionsTest -Dratefloat.golden.update=true} and review the diff.
 */
class GoldenDecisionsTest {
  private static final Path EXAMPLES = Path.of("examples");
  private static final boolean UPDATE = Boolean.getBoolean("ratefloat.golden.update");

  static List<Path[]> cases() throws IOException {
    List<Path[]> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(EXAMPLES)) {
      for (Path dir : dirs.filter(Files::isDirectory)
          // a Maven project (the embedder) or a walk-through with its own README is an example of use,
          // not a table's cases
          .filter(d -> !Files.exists(d.resolve("pom.xml")) && !Files.exists(d.resolve("README.md"))).sorted()
          .toList()) {
        Path rules = Path.of("rules", dir.getFileName() + ".json");
        assertTrue(Files.exists(rules), "examples/" + dir.getFileName() + " has no rule table " + rules);
        try (Stream<Path> files = Files.list(dir)) {
          for (Path input : files.filter(f -> f.toString().endsWith(".json")
              && !f.toString().endsWith(".decision.json")).sorted().toList()) {
            cases.add(new Path[] {rules, input, Path.of(input.toString().replace(".json", ".decision.json"))});
          }
        }
      }
    }
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> decisionsAreReproducedByteForByte() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c[1].toString(), () -> {
      RuleTable table = RateFloat.loadTable(c[0]);
      // the case as submitted, as `ratefloat decide` reads it: the record echoes the file and hashes it
      byte[] actual = RateFloat.toJson(table.decide(Files.readAllBytes(c[1])));
      if (UPDATE) {
        Files.write(c[2], actual);
        return;
      }
      if (!Files.exists(c[2])) {
        fail("no expected decision " + c[2] + "; generate it with -Dratefloat.golden.update=true and review it");
      }
      byte[] expected = Files.readAllBytes(c[2]);
      assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
          "decision of " + c[1] + " differs from " + c[2]);
    }));
  }

  @Test
  void thereAreGoldenCasesForEveryShippedMeasure() throws IOException {
    List<Path[]> cases = cases();
    assertFalse(cases.isEmpty());
    try (Stream<Path> tables = Files.list(Path.of("rules"))) {
      for (Path t : tables.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString()
          .startsWith("cn-annex") && !org.ratefloat.ShippedFiles.isPortfolioDocument(p)
          && !p.toString().endsWith(".reference.json")).toList()) {
        String id = t.getFileName().toString().replace(".json", "");
        assertTrue(cases.stream().anyMatch(c -> c[0].getFileName().toString().equals(id + ".json")),
            "no golden case for " + id);
      }
    }
  }

  @Test
  void mainExampleByHand() throws IOException {
    // examples/cn-hn-provisional/machinery.json, division 35 (class 4, 0.9 %), 2024:
    // payout ratio 231650.00 / 178200.00 = 129.994.. % -> 129.99 % -> (100, 150] -> +1;
    // incidence 6 / 220 = 2.727.. % -> 2.73 % -> (2, 4] -> +1 more -> +2 -> 0.9 x 1.5 = 1.35 %;
    // premium 19800000.00 x 1.35 % = 267300.00
    var d = RateFloat.loadTable(Path.of("rules/cn-hn-provisional.json"))
        .decide(RateFloat.readCase(Path.of("examples/cn-hn-provisional/machinery.json")));
    assertEquals(2, d.newBand().offset());
    assertEquals("1.3500", d.rate().toPlainString());
    assertEquals("267300.00", d.premium().orElseThrow().amount().toPlainString());
  }
}
