package org.ratefloat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.cli.CliRun;
import org.ratefloat.decision.TableRef;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.model.RatingCase;
import org.ratefloat.ranking.Ranking;

/**
 * The rule tables inside the jar: each is the same bytes as its file in {@code rules/}, found by id
 * from any working directory, by the library and by every table option of the command line.
 */
class BundledTablesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  /** The ids of the files in {@code rules/} whose format is a rule table. */
  private static List<String> tablesInTheSourceTree() throws IOException {
    List<String> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = JSON.readTree(f.toFile());
        if (root.path("format").asText().startsWith("ratefloat/rule-table@")) {
          String name = f.getFileName().toString();
          ids.add(name.substring(0, name.length() - ".json".length()));
        }
      }
    }
    return ids;
  }

  @Test
  void everyTableOfTheSourceTreeIsBundled() throws IOException {
    List<String> expected = tablesInTheSourceTree();
    assertTrue(expected.size() >= 9, "the shipped tables were found: " + expected);
    assertEquals(expected, RateFloat.bundledTables());
    assertThrows(UnsupportedOperationException.class, () -> RateFloat.bundledTables().add("x"));
  }

  @Test
  void aBundledTableIsTheFileByteForByte() throws IOException {
    for (String id : RateFloat.bundledTables()) {
      RuleTable bundled = RateFloat.bundledTable(id);
      RuleTable file = RateFloat.loadTable(Path.of("rules", id + ".json"));
      assertEquals(id, bundled.id());
      assertEquals(file.sha256(), bundled.sha256(), id);
      assertEquals(file.tables(), bundled.tables(), id + ": the tables it refers to, with their hashes");
      assertEquals(file.sha256(), RateFloat.loadTable(id).sha256(), id + " by id, as --rules takes it");
      Path examples = Path.of("examples", id);
      assertTrue(Files.isDirectory(examples), "every shipped table has examples: " + examples);
      int decided = 0;
      try (Stream<Path> cases = Files.list(examples)) {
        for (Path c : cases.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".decision.json"))
            .sorted().toList()) {
          RatingCase input = RateFloat.readCase(c);
          byte[] expected = RateFloat.toJson(file.decide(input));
          assertArrayEquals(expected, RateFloat.toJson(bundled.decide(input)), c.toString());
          decided++;
        }
      }
      assertTrue(decided > 0, "decided an example of " + id);
    }
  }

  @Test
  void anUnknownIdSaysWhereItLooked() {
    RuleTableException e = assertThrows(RuleTableException.class, () -> RateFloat.loadTable("cn-nowhere"));
    assertEquals(ErrorCode.RT030, e.code());
    assertEquals("", e.pointer());
    assertTrue(e.getMessage().contains(Path.of("cn-nowhere").toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("org/ratefloat/rules/cn-nowhere.json"), e.getMessage());
    assertTrue(e.getMessage().contains("cn-zj-hangzhou"), "lists the bundled ids: " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    RuleTableException bundled = assertThrows(RuleTableException.class, () -> RateFloat.bundledTable("cn-nowhere"));
    assertEquals(ErrorCode.RT030, bundled.code());
    // an id is a plain name: nothing outside the bundled folder is reached through it
    for (String bad : List.of("../schema/case-1.schema", "/org/ratefloat/rules/cn-zj-hangzhou", "")) {
      assertEquals(ErrorCode.RT030, assertThrows(RuleTableException.class, () -> RateFloat.bundledTable(bad)).code(),
          bad);
    }
  }

  @Test
  void aFileWinsOverTheBundledTableOfTheSameName() throws IOException {
    // a file named like a bundled id, holding another table
    Path file = tmp.resolve("cn-zj-hangzhou");
    Files.copy(Path.of("rules/cn-city-a.json"), file);
    assertEquals("cn-city-a", RateFloat.loadTable(file.toString()).id());
  }

  @Test
  void aBaseResolvesNextToTheTableThenAmongTheBundledTables() throws IOException {
    Files.copy(Path.of("rules/cn-zj-hangzhou.json"), tmp.resolve("cn-zj-hangzhou.json"));
    RuleTable alone = RateFloat.loadTable(tmp.resolve("cn-zj-hangzhou.json"));
    assertEquals(RateFloat.bundledTable("cn-zj-hangzhou").tables(), alone.tables(),
        "base and classification from the bundled tables");
    // a base next to the table wins: the same content, other bytes, so another hash
    String nationalText = Files.readString(Path.of("rules/cn-national-2015.json"));
    Files.writeString(tmp.resolve("cn-national-2015.json"), nationalText + "\n");
    RuleTable beside = RateFloat.loadTable(tmp.resolve("cn-zj-hangzhou.json"));
    TableRef base = beside.tables().stream().filter(t -> t.role().equals("base")).findFirst().orElseThrow();
    assertFalse(base.sha256().equals(RateFloat.bundledTable("cn-national-2015").sha256()), "the local base was used");
  }

  @Test
  void aMissingBaseSaysWhereItLooked() throws IOException {
    String text = Files.readString(Path.of("rules/cn-zj-hangzhou.json"))
        .replace("\"base\": \"cn-national-2015\"", "\"base\": \"cn-nowhere-base\"");
    assertTrue(text.contains("cn-nowhere-base"));
    Files.writeString(tmp.resolve("t.json"), text);
    RuleTableException e = assertThrows(RuleTableException.class, () -> RateFloat.loadTable(tmp.resolve("t.json")));
    assertEquals(ErrorCode.RT008, e.code());
    assertEquals("/base", e.pointer());
    assertTrue(e.getMessage().contains(tmp.resolve("cn-nowhere-base.json").toAbsolutePath().toString()),
        e.getMessage());
    assertTrue(e.getMessage().contains("bundled org/ratefloat/rules/cn-nowhere-base.json"), e.getMessage());
  }

  @Test
  void theBundledRankingDefinitionLoadsById() {
    assertEquals(List.of("cn-hn-key-industries"), Ranking.bundledDefinitions());
    var byId = Ranking.load("cn-hn-key-industries");
    var byFile = Ranking.load(Path.of("rules/cn-hn-key-industries.ranking.json"));
    assertEquals(byFile.sha256(), byId.sha256());
    assertEquals(byFile.classification().sha256(), byId.classification().sha256());
    assertEquals(byFile.regions().orElseThrow().sha256(), byId.regions().orElseThrow().sha256());
    RuleTableException e = assertThrows(RuleTableException.class, () -> Ranking.load("cn-nowhere"));
    assertEquals(ErrorCode.RT030, e.code());
    assertTrue(e.getMessage().contains("cn-nowhere.ranking.json"), e.getMessage());
  }

  @Test
  void everyTableOptionTakesAnId() throws IOException {
    String example = "examples/cn-zj-hangzhou/standardised-workshop.json";
    CliRun byFile = CliRun.of("decide", "--rules", "rules/cn-zj-hangzhou.json", example);
    assertEquals(0, byFile.code(), byFile.err());
    CliRun byId = CliRun.of("decide", "--rules", "cn-zj-hangzhou", example);
    assertEquals(0, byId.code(), byId.err());
    assertEquals(byFile.out(), byId.out());
    CliRun explain = CliRun.of("explain", "--rules", "cn-zj-hangzhou", "examples/cn-zj-hangzhou/standardised-workshop"
        + ".decision.json");
    assertEquals(0, explain.code(), explain.err());
    CliRun verify = CliRun.of("verify", "--rules", "cn-zj-hangzhou",
        "examples/cn-zj-hangzhou/standardised-workshop.decision.json");
    assertEquals(0, verify.code(), verify.err() + verify.out());
    Path portfolio = tmp.resolve("p.ndjson");
    Files.write(portfolio, List.of(new String(Files.readAllBytes(Path.of(example)), StandardCharsets.UTF_8)
        .replaceAll("\\s*\\n\\s*", " ")));
    CliRun batch = CliRun.of("batch", "--rules", "cn-zj-hangzhou", "--in", portfolio.toString(), "--out",
        tmp.resolve("d.ndjson").toString());
    assertEquals(0, batch.code(), batch.err());
    CliRun simulate = CliRun.of("simulate", "--rules", "cn-zj-hangzhou", "--compare", "cn-national-2015", "--in",
        portfolio.toString());
    assertEquals(0, simulate.code(), simulate.err());
    CliRun rank = CliRun.of("rank", "--definition", "cn-hn-key-industries", "--in",
        "examples/hunan-monthly-portfolio.ndjson", "--month", "2025-03");
    assertEquals(0, rank.code(), rank.err());
    CliRun.of("decide", "--rules", "cn-nowhere", example).assertRefused(4, "RT030", "");
    CliRun.of("simulate", "--rules", "cn-zj-hangzhou", "--compare", "cn-nowhere", "--in", portfolio.toString())
        .assertRefused(4, "RT030", "");
    CliRun.of("rank", "--definition", "cn-nowhere", "--in", "examples/hunan-monthly-portfolio.ndjson", "--month",
        "2025-03").assertRefused(4, "RT030", "");
  }

  // ------------------------------------------------------------------ another working directory

  /** Runs the command line in a new JVM whose working directory is {@code dir}. */
  private static CliRun runIn(Path dir, String... args) throws Exception {
    String classPath = String.join(File.pathSeparator, Arrays.stream(System.getProperty("java.class.path")
        .split(File.pathSeparator)).map(p -> Path.of(p).toAbsolutePath().toString()).toList());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, "org.ratefloat.cli.Main"));
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out");
    }
    return new CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void fromAnotherDirectory() throws Exception {
    Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
    String example = Path.of("examples/cn-zj-hangzhou/standardised-workshop.json").toAbsolutePath().toString();
    CliRun decide = runIn(elsewhere, "decide", "--rules", "cn-zj-hangzhou", example);
    assertEquals(0, decide.code(), decide.err());
    assertEquals(CliRun.of("decide", "--rules", "rules/cn-zj-hangzhou.json", example).out(), decide.out(),
        "the same record, table hashes included, as with the file");
    CliRun classify = runIn(elsewhere, "classify", "6513", "--edition", "2017");
    assertEquals(0, classify.code(), classify.err());
    assertEquals(CliRun.of("classify", "6513", "--edition", "2017", "--rules", "rules/cn-national-2015.json").out(),
        classify.out());
    assertTrue(classify.out().contains("cn-national-2015"), classify.out());
    CliRun missing = runIn(elsewhere, "decide", "--rules", "cn-nowhere", example);
    missing.assertRefused(4, "RT030", "");
    assertTrue(missing.err().contains(elsewhere.resolve("cn-nowhere").toString()), missing.err());
  }
}
