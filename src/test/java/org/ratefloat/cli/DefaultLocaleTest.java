package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything ratefloat writes for a machine (decision records, batch files and summaries, generated
 * portfolios, rankings, simulations, reports, explanations) is the same whatever the default locale:
 * Arabic (Saudi Arabia) writes Arabic-Indic digits and German groups with dots, and neither may
 * reach an output. The key paths run under {@link Locale#ROOT} in-process, then under both locales
 * in-process ({@link Locale#setDefault}) and under Arabic in a child JVM started with
 * {@code -Duser.language}/{@code -Duser.country} (which also catches a locale captured when a class
 * is loaded), and every output is compared with the ROOT run.
 */
class DefaultLocaleTest {
  private static final String HUNAN = "rules/cn-hn-provisional.json";
  /** A generated portfolio of this many employers, so that counts of a thousand or more are grouped. */
  private static final int EMPLOYERS = 1_000;

  @TempDir
  Path tmp;

  @Test
  void theKeyPathsWriteTheSameBytesUnderEveryDefaultLocale() throws Exception {
    List<Process> children = new ArrayList<>();
    List<Path> childOutputs = new ArrayList<>();
    for (String[] languageCountry : List.<String[]>of(new String[] {"ar", "SA"})) {
      Path dir = Files.createDirectory(tmp.resolve("jvm-" + languageCountry[0]));
      Path result = dir.resolve("outputs.json");
      childOutputs.add(result);
      children.add(child(languageCountry[0], languageCountry[1], dir, result));
    }
    Map<String, String> root = inLocale(Locale.ROOT, Files.createDirectory(tmp.resolve("root")));
    // the summary line groups thousands as a machine reads them
    assertTrue(root.get("batch stderr").contains(": 1,001 records in T s (R/s): 1,000 decided, 1 refused\n"),
        root.get("batch stderr"));
    for (String tag : List.of("ar-SA", "de-DE")) {
      Locale locale = Locale.forLanguageTag(tag);
      assertSame(root, inLocale(locale, Files.createDirectory(tmp.resolve(tag))), tag + " (Locale.setDefault)");
    }
    for (int i = 0; i < children.size(); i++) {
      Process p = children.get(i);
      assertTrue(p.waitFor(3, TimeUnit.MINUTES), "child JVM did not finish");
      String log = Files.readString(childOutputs.get(i).resolveSibling("log.txt"));
      assertEquals(0, p.exitValue(), log);
      Map<String, String> outputs = new ObjectMapper().readValue(childOutputs.get(i).toFile(),
          new TypeReference<TreeMap<String, String>>() {});
      assertSame(root, outputs, "child JVM " + childOutputs.get(i).getParent().getFileName());
    }
  }

  private static void assertSame(Map<String, String> expected, Map<String, String> actual, String where) {
    assertEquals(expected.keySet(), actual.keySet(), where);
    for (String key : expected.keySet()) {
      assertEquals(expected.get(key), actual.get(key), where + ": " + key);
    }
  }

  /** The key paths run with the given default locale, which is restored afterwards. */
  private static Map<String, String> inLocale(Locale locale, Path dir) throws IOException {
    Locale before = Locale.getDefault();
    Locale format = Locale.getDefault(Locale.Category.FORMAT);
    Locale display = Locale.getDefault(Locale.Category.DISPLAY);
    try {
      Locale.setDefault(locale);
      return keyPaths(dir);
    } finally {
      Locale.setDefault(before);
      Locale.setDefault(Locale.Category.FORMAT, format);
      Locale.setDefault(Locale.Category.DISPLAY, display);
    }
  }

  private Process child(String language, String country, Path dir, Path result) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Duser.language=" + language, "-Duser.country=" + country,
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), DefaultLocaleTest.class.getName(),
        dir.toString(), result.toString());
    pb.directory(new File(System.getProperty("user.dir")));
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("log.txt").toFile());
    return pb.start();
  }

  /** Runs the key paths in a JVM of its own default locale: {@code DIR OUTPUTS.json}. */
  public static void main(String[] args) throws IOException {
    Map<String, String> outputs = keyPaths(Path.of(args[0]));
    Files.write(Path.of(args[1]), new ObjectMapper().writeValueAsBytes(outputs));
  }

  /**
   * Every output of the key paths by name: each example decided (the record) and explained (in
   * English or Chinese), a generated portfolio, its batch (NDJSON and CSV, with the summary line), simulation,
   * ranking and report. The run's own directory and the batch's time and speed are masked.
   */
  static Map<String, String> keyPaths(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    int examples = 0;
    try (Stream<Path> dirs = Files.list(Path.of("examples"))) {
      for (Path example : dirs.filter(Files::isDirectory).sorted().toList()) {
        String rules = Path.of("rules", example.getFileName() + ".json").toString();
        try (Stream<Path> files = Files.list(example)) {
          for (Path c : files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".decision.json"))
              .sorted().toList()) {
            put(out, "decide " + c, dir, CliRun.of("decide", "--rules", rules, c.toString()));
            // the explanation in one language per example, taking turns (both write the same numbers)
            String record = c.toString().replace(".json", ".decision.json");
            String lang = examples++ % 2 == 0 ? "en" : "zh";
            put(out, "explain " + record, dir, CliRun.of("explain", "--rules", rules, "--lang", lang, record));
          }
        }
      }
    }
    Path portfolio = dir.resolve("portfolio.ndjson");
    put(out, "generate", dir, CliRun.of("generate", "--employers", String.valueOf(EMPLOYERS), "--seed", "11",
        "--out", portfolio.toString()));
    // and one refused record whose message shows a control character as an escape
    Files.writeString(portfolio, Files.readString(portfolio, StandardCharsets.UTF_8)
        + "{\"employer\": {\"id\": \"bad\\u0001id\"}}\n", StandardCharsets.UTF_8);
    out.put("generate file", Files.readString(portfolio, StandardCharsets.UTF_8));
    for (String ext : List.of("ndjson", "csv")) {
      Path decisions = dir.resolve("decisions." + ext);
      CliRun batch = CliRun.of("batch", "--rules", HUNAN, "--in", portfolio.toString(), "--out", decisions.toString());
      put(out, ext.equals("csv") ? "batch csv" : "batch", dir, new CliRun(batch.code(), batch.out(),
          batch.err().replaceAll(" in [0-9]+\\.[0-9] s \\([0-9,]+/s\\)", " in T s (R/s)")));
      out.put("batch file " + ext, Files.readString(decisions, StandardCharsets.UTF_8));
    }
    Path simulation = dir.resolve("simulation.json");
    put(out, "simulate", dir, CliRun.of("simulate", "--rules", HUNAN, "--compare", "rules/cn-zj-hangzhou.json",
        "--in", portfolio.toString(), "--base-year", "2023", "--out", simulation.toString()));
    out.put("simulate file", Files.readString(simulation, StandardCharsets.UTF_8));
    Path ranking = dir.resolve("ranking.json");
    put(out, "rank", dir, CliRun.of("rank", "--definition", "rules/cn-hn-key-industries.ranking.json", "--in",
        "examples/hunan-monthly-portfolio.ndjson", "--month", "2025-03", "--previous-month", "2025-02",
        "--out", ranking.toString()));
    out.put("rank file", Files.readString(ranking, StandardCharsets.UTF_8));
    for (String lang : List.of("en", "zh")) {
      Path report = dir.resolve("report-" + lang + ".html");
      put(out, "report " + lang, dir, CliRun.of("report", "--simulation", simulation.toString(), "--ranking",
          ranking.toString(), "--lang", lang, "--out", report.toString()));
      out.put("report file " + lang, Files.readString(report, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void put(Map<String, String> out, String name, Path dir, CliRun run) {
    String mask = dir.toString();
    out.put(name + " exit", String.valueOf(run.code()));
    out.put(name + " stdout", run.out().replace(mask, "<dir>"));
    out.put(name + " stderr", run.err().replace(mask, "<dir>"));
  }
}
