package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.error.ErrorCode;

/**
 * The corpus of faulty command lines in src/test/resources/cli-faults: each is refused with the exit
 * code and error code listed in EXPECTED.tsv, on exactly one stderr line that carries no stack trace,
 * no Java type or exception name and no control character.
 */
class CliFaultsTest {
  private static final Path DIR = Path.of("src/test/resources/cli-faults");
  private static final String HUNAN = "rules/cn-hn-provisional.json";
  private static final String KEY = "rules/cn-hn-key-industries.ranking.json";
  private static final String MONTHLY = "examples/hunan-monthly-portfolio.ndjson";

  @TempDir
  static Path tmp;

  /** A stack frame, an exception or a qualified Java type name. */
  private static final Pattern JAVA =
      Pattern.compile("\\tat |Exception|Error:|\\b(java|javax|com|picocli|org)\\.[a-z]");

  private static Map<String, String> places;

  @BeforeAll
  static void fixtures() throws Exception {
    Path portfolio = tmp.resolve("portfolio.ndjson");
    StringBuilder cases = new StringBuilder();
    for (String name : List.of("machinery", "clean-retailer-in-arrears", "new-logistics-firm")) {
      cases.append(Files.readString(Path.of("examples/cn-hn-provisional/" + name + ".json")).replace("\n", ""))
          .append('\n');
    }
    Files.writeString(portfolio, cases);
    Path ranking = tmp.resolve("ranking.json");
    CliTest.Run rank = CliTest.run("rank", "--definition", KEY, "--in", MONTHLY, "--month", "2025-03", "--out",
        ranking.toString());
    assertEquals(0, rank.code(), rank.err());
    Path simulation = tmp.resolve("simulation.json");
    CliTest.Run sim = CliTest.run("simulate", "--rules", HUNAN, "--in", portfolio.toString(), "--out",
        simulation.toString());
    assertEquals(0, sim.code(), sim.err());
    Files.createFile(tmp.resolve("empty.ndjson"));
    Files.writeString(tmp.resolve("bad\n\u001b[31m.json"), "{");
    places = Map.of("{tmp}", tmp.toString(), "{ranking}", ranking.toString(), "{simulation}", simulation.toString(),
        "{decision}", "examples/cn-hn-provisional/machinery.decision.json",
        "{case}", "examples/cn-hn-provisional/machinery.json", "{monthly}", MONTHLY, "{faults}", DIR.toString(),
        "{hunan}", HUNAN, "{key}", KEY, "{portfolio}", portfolio.toString());
  }

  private static List<String[]> cases() throws Exception {
    List<String[]> cases = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        cases.add(line.split("\t", -1));
      }
    }
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> eachFaultyCommandLineIsOneCodedLine() throws Exception {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c[0], () -> {
      String[] args = Arrays.stream(c, 3, c.length).map(CliFaultsTest::expand).toArray(String[]::new);
      CliTest.Run r = CliTest.run(args);
      assertOneCodedLine(r, Integer.parseInt(c[1]), c[2]);
    }));
  }

  /**
   * Every usage error of the corpus, asked for in Chinese: the same code, and no English word but the
   * commands, options and values typed (picocli's own help text, which a usage error points to,
   * stays English).
   */
  @TestFactory
  Stream<DynamicTest> eachUsageErrorIsSaidInChinese() throws Exception {
    // what the reader types: the program, its commands, option values a refusal names (--format text),
    // and the values it chooses from (--premiums new-rate) and the labels of arguments
    Set<String> typed = new HashSet<>(List.of("ratefloat", "help", "text", "new-rate", "last-year", "COMMAND",
        "ARGUMENT", "FILE", "INPUT"));
    typed.addAll(Main.commandLine(new String[0]).getSubcommands().keySet());
    return cases().stream().filter(c -> c[2].startsWith("CL")).map(c -> DynamicTest.dynamicTest(c[0], () -> {
      List<String> args = Arrays.stream(c, 3, c.length).map(CliFaultsTest::expand).toList();
      // the language chosen by the environment, so that the command line is the corpus's own
      java.io.StringWriter err = new java.io.StringWriter();
      int code = Main.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
          Map.of("RATEFLOAT_LANG", "zh"), args.toArray(String[]::new));
      CliTest.Run r = new CliTest.Run(code, "", err.toString());
      assertOneCodedLine(r, Integer.parseInt(c[1]), c[2]);
      Set<String> data = new HashSet<>(typed);
      for (String a : args) {
        Matcher m = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*").matcher(a);
        while (m.find()) {
          data.add(m.group());
        }
      }
      assertEquals(List.of(), ChineseWordsTest.englishWords(r.err(), data), r.err());
    }));
  }

  /**
   * A code a user may see: one of the library's, or one of the command line's own (usage errors);
   * both sets are listed in the README.
   */
  static String knownCode(String code) {
    boolean library = Arrays.stream(ErrorCode.values()).anyMatch(c -> c.name().equals(code));
    boolean usage = Arrays.stream(UsageCode.values()).anyMatch(c -> c.name().equals(code));
    assertTrue(library != usage, "not a code of the library or of the command line: " + code);
    return code;
  }

  /** What every refusal looks like: the code, one line, nothing a terminal would act on, no Java. */
  static void assertOneCodedLine(CliTest.Run r, int exit, String code) {
    assertEquals(exit, r.code(), r.err());
    assertTrue(r.err().startsWith("ratefloat: " + knownCode(code) + " "), r.err());
    assertTrue(r.err().endsWith("\n"), r.err());
    String line = r.err().substring(0, r.err().length() - 1);
    assertFalse(line.chars().anyMatch(ch -> ch < 0x20 || (ch >= 0x7f && ch <= 0x9f)
        || (ch >= 0x202a && ch <= 0x202e)), "control character in: " + line);
    assertFalse(JAVA.matcher(line).find(), "Java leaks into: " + line);
  }

  private static String expand(String arg) {
    String s = arg;
    for (Map.Entry<String, String> p : places.entrySet()) {
      s = s.replace(p.getKey(), p.getValue());
    }
    Matcher m = Pattern.compile("\\\\u([0-9a-f]{4})|\\\\n").matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) == null ? "\n"
          : String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    return m.appendTail(out).toString();
  }

  @Test
  void theCorpusCoversEveryCommandLineCode() throws Exception {
    List<String[]> cases = cases();
    assertTrue(cases.size() >= 50, "at least 50 faulty command lines");
    for (String code : List.of("CL001", "CL002", "CL003", "IN040", "IN041")) {
      assertTrue(cases.stream().anyMatch(c -> c[2].equals(code)), code);
    }
  }
}
