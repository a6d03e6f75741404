package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratefloat.FileFault;
import org.ratefloat.RateFloat;

/**
 * For every command that writes, and every file it reads, directly or through another file (a rule
 * table's base, classification and reference data, a ranking definition's classification): naming
 * that file as the output, by its name, through {@code ..}, a symbolic link or a hard link, is
 * refused with {@code IN030} and leaves every file byte for byte as it was.
 *
 * <p>The list of files each command reads is this test's own; it is checked two ways besides: the
 * command runs with those files alone in the folder (so it reads no other), and breaking any one of
 * them makes the command fail (so it reads each).
 */
class OutputNeverReadTest {
  private static final String HUNAN = "cn-hn-provisional.json";
  private static final String NATIONAL = "cn-national-2015.json";
  private static final String ANNEX = "cn-annex-2015.json";
  private static final String BLEND = "cn-credibility-blend.json";
  private static final String REFERENCE = "cn-credibility-example.reference.json";
  private static final String DEFINITION = "cn-hn-key-industries.ranking.json";

  @TempDir
  static Path shared;
  private static Path fixture;

  @TempDir
  Path tmp;

  /**
   * A command that writes, with {@code {D}} for the folder of its inputs and {@code {O}} for its
   * output, the extensions its output may have, and every file of the folder it reads.
   */
  record Command(String name, String template, List<String> extensions, List<String> reads) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Command> commands() {
    return List.of(
        new Command("batch of the Hunan table", "batch --rules {D}/" + HUNAN + " --in {D}/portfolio.ndjson --out {O}",
            List.of(".ndjson", ".csv"), List.of(HUNAN, NATIONAL, ANNEX, "portfolio.ndjson")),
        new Command("batch of a table with reference data", "batch --rules {D}/" + BLEND
            + " --in {D}/credibility.ndjson --out {O}", List.of(".ndjson", ".csv"),
            List.of(BLEND, REFERENCE, "credibility.ndjson")),
        new Command("simulate of two tables", "simulate --rules {D}/" + HUNAN + " --compare {D}/" + BLEND
            + " --roundings {D}/roundings.json --in {D}/portfolio.ndjson --out {O}", List.of(".json"),
            List.of(HUNAN, NATIONAL, ANNEX, BLEND, REFERENCE, "roundings.json", "portfolio.ndjson")),
        new Command("rank", "rank --definition {D}/" + DEFINITION + " --in {D}/monthly.ndjson --month 2025-03 --out {O}",
            List.of(".json", ".csv"), List.of(DEFINITION, ANNEX, "monthly.ndjson")),
        new Command("credibility", "credibility --rules {D}/" + BLEND + " --in {D}/credibility.ndjson --out {O}",
            List.of(".json"), List.of(BLEND, REFERENCE, "credibility.ndjson")),
        new Command("credibility's reference data", "credibility --rules {D}/" + BLEND
            + " --in {D}/credibility.ndjson --reference-out {O} --effective-from 2025-01-01",
            List.of(".reference.json"), List.of(BLEND, REFERENCE, "credibility.ndjson")),
        new Command("report", "report --simulation {D}/simulation.json --ranking {D}/ranking.json --out {O}",
            List.of(".html"), List.of("simulation.json", "ranking.json")));
  }

  @BeforeAll
  static void fixture() throws Exception {
    fixture = shared.resolve("inputs");
    Files.createDirectory(fixture);
    for (String name : List.of(HUNAN, NATIONAL, ANNEX, BLEND, REFERENCE, DEFINITION)) {
      Files.copy(Path.of("rules", name), fixture.resolve(name));
    }
    Files.copy(Path.of("src/main/resources/org/ratefloat/simulation/roundings.json"), fixture.resolve("roundings.json"));
    // employers both tables decide: the Hunan ones and the credibility example's
    Files.writeString(fixture.resolve("portfolio.ndjson"), org.ratefloat.Cases.hunanPortfolio()
        + Files.readString(Path.of("examples/cn-credibility-blend/portfolio.ndjson")));
    Files.copy(Path.of("examples/cn-credibility-blend/portfolio.ndjson"), fixture.resolve("credibility.ndjson"));
    Files.copy(Path.of("examples/hunan-monthly-portfolio.ndjson"), fixture.resolve("monthly.ndjson"));
    assertEquals(0, CliRun.of("rank", "--definition", "cn-hn-key-industries", "--in", fixture.resolve("monthly.ndjson")
        .toString(), "--month", "2025-03", "--out", fixture.resolve("ranking.json").toString()).code());
    assertEquals(0, CliRun.of("simulate", "--rules", "cn-hn-provisional", "--in", fixture.resolve("portfolio.ndjson")
        .toString(), "--out", fixture.resolve("simulation.json").toString(), "--allow-errors").code());
  }

  private static String[] args(Command c, Path dir, Path out) {
    return c.template().replace("{D}", dir.toString()).replace("{O}", out.toString()).split(" ");
  }

  /** A copy of the fixture's files named (or all), in a new folder under {@code tmp}. */
  private Path copy(String name, List<String> only) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve(name));
    try (Stream<Path> files = Files.list(fixture)) {
      for (Path f : files.toList()) {
        if (only == null || only.contains(f.getFileName().toString())) {
          Files.copy(f, dir.resolve(f.getFileName()));
        }
      }
    }
    return dir;
  }

  private static Map<String, byte[]> contents(Path dir) throws Exception {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        if (Files.isRegularFile(f)) {
          contents.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
      }
    }
    return contents;
  }

  /** The test's list of what each command reads is right: it needs those files, and each of them. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void eachCommandReadsTheListedFilesAndNoOther(Command c) throws Exception {
    Path alone = copy("alone", c.reads());
    CliRun ok = CliRun.of(args(c, alone, tmp.resolve("out" + c.extensions().get(0))));
    assertTrue(ok.code() == Main.OK || ok.code() == Main.PARTIAL, "with only the listed files: " + ok.err());
    for (String read : c.reads()) {
      Path broken = copy("without-" + read, c.reads());
      Files.writeString(broken.resolve(read), "{", StandardCharsets.UTF_8);
      CliRun r = CliRun.of(args(c, broken, tmp.resolve("broken" + c.extensions().get(0))));
      assertTrue(r.code() == Main.BAD_INPUT || r.code() == Main.BAD_RULES, read + " is read: " + r.err());
    }
  }

  /** Every name of a read file an output could be given, and the read file behind it. */
  static Stream<Arguments> namesOfReadFiles() {
    List<Arguments> cases = new ArrayList<>();
    for (Command c : commands()) {
      for (String read : c.reads()) {
        for (String way : List.of("name", "dot-dot", "symbolic link", "hard link")) {
          boolean fits = c.extensions().stream().anyMatch(read::endsWith);
          if (way.equals("name") || way.equals("dot-dot")) {
            if (!fits) {
              continue;
            }
          }
          cases.add(Arguments.of(c + ", output " + read + " by its " + way, c, read, way));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namesOfReadFiles")
  void aFileTheCommandReadsIsNeverItsOutput(String title, Command c, String read, String way) throws Exception {
    Path dir = copy("inputs", null);
    Path links = Files.createDirectory(tmp.resolve("links"));
    String extension = c.extensions().get(0);
    Path out = switch (way) {
      case "name" -> dir.resolve(read);
      case "dot-dot" -> links.resolve("..").resolve(dir.getFileName()).resolve(read);
      case "symbolic link" -> Files.createSymbolicLink(links.resolve("cn-link" + extension), dir.resolve(read));
      case "hard link" -> Files.createLink(links.resolve("cn-hard" + extension), dir.resolve(read));
      default -> throw new IllegalArgumentException(way);
    };
    Map<String, byte[]> before = contents(dir);
    CliRun r = CliRun.of(args(c, dir, out));
    r.assertRefused(Main.BAD_INPUT, "IN030", "");
    assertTrue(r.err().startsWith("ratefloat: IN030 /: " + out + ": "), r.err());
    Map<String, byte[]> after = contents(dir);
    assertEquals(before.keySet(), after.keySet(), "no file made or removed");
    before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " is byte for byte as it was"));
    FileFault.assertNoTemporaryFiles(dir);
    FileFault.assertNoTemporaryFiles(links);
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aTableKnowsTheFilesItReadAndABundledTableHasNone() throws Exception {
    Path dir = copy("inputs", null);
    Path viaDots = dir.resolve("..").resolve(dir.getFileName()).resolve(HUNAN);
    assertEquals(List.of(dir.resolve(HUNAN), dir.resolve(NATIONAL), dir.resolve(ANNEX)).stream()
        .map(OutputNeverReadTest::real).toList(), RateFloat.loadTable(viaDots).files());
    assertEquals(List.of(dir.resolve(BLEND), dir.resolve(REFERENCE)).stream()
        .map(OutputNeverReadTest::real).toList(), RateFloat.loadTable(dir.resolve(BLEND)).files());
    assertEquals(List.of(), RateFloat.bundledTable("cn-hn-provisional").files());
    // a table from a folder without its base takes the bundled one, which is no file of the run
    Path lone = Files.createDirectory(tmp.resolve("lone"));
    Files.copy(dir.resolve(HUNAN), lone.resolve(HUNAN));
    assertEquals(List.of(real(lone.resolve(HUNAN))),
        RateFloat.loadTable(lone.resolve(HUNAN)).files());
    assertNotEquals(List.of(), RateFloat.loadTable(lone.resolve(HUNAN)).files());
    assertFalse(Files.exists(lone.resolve(NATIONAL)));
  }
}
