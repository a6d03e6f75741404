package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.decision.StepTrace;
import org.ratefloat.error.ErrorCode;

/**
 * What a Chinese reader is shown is Chinese: with {@code --lang zh}, the accounts of every example,
 * lint's findings on the broken-table corpus, the refusals of the hostile-input corpus, classify,
 * the summaries of the portfolio commands and every error code's meaning hold no English word
 * outside the data they show (ids, names and labels of the case and the tables), codes, pointers,
 * file names, and the small allow-list below, each entry of which a reader types or reads as it is.
 */
class ChineseWordsTest {
  /**
   * Latin words Chinese output may hold: units and currencies, formats and standards, the hit
   * policies and option values of a rule table and the input fields an error asks the reader to fill
   * in, which are written in the file as they are here; the program's name, which heads an error
   * line, and the name of classify's argument, which stands where a pointer would; {@code inf}, the
   * unbounded end of an interval ({@code (3, +inf)}); the values a rule table's step kind and a
   * claim's kind take, which an error lists for the reader to choose from.
   */
  static final Set<String> ALLOWED = Set.of("sha256", "JSON", "CSV", "UTF-8", "EUR", "USD", "CNY", "UNIQUE",
      "FIRST", "ID", "N", "noMatch", "skip", "riskClassOverride", "benchmarkRate", "premiumBase", "inputSha256",
      "GB", "T", "ratefloat", "CODE", "inf", "gate", "table", "veto", "limitMove", "rateFloor", "rateCap", "accident",
      "occupationalDisease");

  private static final Pattern POINTER = Pattern.compile("(?<![A-Za-z0-9_])/[A-Za-z0-9~_.-][^\\s，。；：（）、,;:()\\[\\]\"“”]*");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"\\n]*\"");
  private static final Pattern FILE = Pattern.compile("[^\\s，。；：（）、,;:()\\[\\]\"]*\\.(?:json|ndjson|csv|html)\\b");
  private static final Pattern HASH = Pattern.compile("\\b[0-9a-f]{12,}\\b");
  private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");
  private static final Pattern CODE = Pattern.compile("\\b(?:IN|RT|DC|VR|CL)[0-9]{3}\\b");
  /**
   * A Latin word; not the exponent of a number ({@code 1e999}), a hexadecimal byte ({@code 0xc0}) or
   * an escape ({@code \\ud800}), which are values.
   */
  private static final Pattern WORD = Pattern.compile("(?<![0-9A-Za-z.\\\\])[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  /**
   * The English words of a text: what is left of its Latin words once the data it shows, pointers,
   * file names, hashes, options and codes are taken out and the allow-list is let through.
   */
  static List<String> englishWords(String text, Set<String> data) {
    String rest = text;
    // quoted values, files, pointers, hashes, codes and options, then the data, each only where it
    // stands as a whole (not inside a word)
    for (Pattern p : List.of(QUOTED, FILE, POINTER, HASH, CODE, OPTION)) {
      rest = p.matcher(rest).replaceAll(" ");
    }
    List<String> longestFirst = new ArrayList<>(data);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    for (String d : longestFirst) {
      if (!d.isBlank()) {
        rest = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(d) + "(?![A-Za-z0-9])").matcher(rest).replaceAll(" ");
      }
    }
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(rest);
    while (m.find()) {
      if (!ALLOWED.contains(m.group())) {
        words.add(m.group());
      }
    }
    return words;
  }

  @Test
  void theCheckFindsEnglishWhereItIs() {
    // the check itself: these lines of an account as it was before are caught word by word
    assertEquals(List.of("band", "clamped", "from", "to", "the", "ladder"),
        englishWords("band 0 -> -2 (clamped from -3 to the ladder)", Set.of()));
    assertEquals(List.of("rate"), englishWords("rate 1.52 >= 0.2", Set.of()));
    assertEquals(List.of("scale", "HALF_UP"), englishWords("[scale 4 HALF_UP]", Set.of()));
    assertEquals(List.of("is", "not", "recorded"), englishWords("IN025 /history/1/benefitsPaid: is not recorded",
        Set.of()));
    // and lets through what is data, a pointer, a file, a code or a hash
    assertEquals(List.of(), englishWords("RT020 错误 /steps/0：没有任何一行覆盖 ratio (50, 60]，见 rules/x.json，"
        + "sha256 eb800bcd5aaa43b7…", Set.of("ratio")));
  }

  @Test
  void everyErrorCodeIsSaidInChinese() {
    for (ErrorCode code : ErrorCode.values()) {
      assertEquals(List.of(), englishWords(code.summary(Locale.CHINA), Set.of()), code.name());
    }
  }

  @Test
  void everyChineseSentenceOfTheCatalogueIsChinese() throws IOException {
    java.util.Properties zh = new java.util.Properties();
    try (var in = org.ratefloat.text.Catalogue.class.getResourceAsStream("messages_zh.properties")) {
      zh.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    for (String key : zh.stringPropertyNames()) {
      String sentence = zh.getProperty(key).replaceAll("\\{\\{?[A-Za-z0-9.|/-]+}}?", " ");
      assertEquals(List.of(), englishWords(sentence, Set.of()), key + "=" + zh.getProperty(key));
    }
  }

  @Test
  void theAccountOfEveryExampleIsChinese() throws IOException {
    int accounts = 0;
    try (Stream<Path> dirs = Files.list(Path.of("examples"))) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        if (!Files.exists(Path.of("rules", dir.getFileName() + ".json"))) {
          continue;
        }
        try (Stream<Path> files = Files.list(dir)) {
          for (Path input : files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".decision.json"))
              .sorted().toList()) {
            String id = dir.getFileName().toString();
            CliRun r = CliRun.of("decide", "--rules", id, "--explain", "--lang", "zh", input.toString());
            assertEquals(0, r.code(), input + ": " + r.err());
            RuleTable table = RateFloat.loadTable(id);
            Decision d = table.decide(Files.readAllBytes(input));
            assertEquals(List.of(), englishWords(r.out(), data(d, table)), input + ":\n" + r.out());
            accounts++;
          }
        }
      }
    }
    assertTrue(accounts >= 25, "the examples were found: " + accounts);
  }

  @Test
  void lintOfEveryBrokenTableIsChinese() throws IOException {
    int files = 0;
    List<String> found = new ArrayList<>();
    try (Stream<Path> tables = Files.list(Path.of("src/test/resources/broken-tables"))) {
      for (Path file : tables.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        CliRun r = CliRun.of("lint", "--lang", "zh", file.toString());
        Set<String> data = documentWords(file);
        data.addAll(shippedIds());
        List<String> english = englishWords(r.out() + r.err(), data);
        if (!english.isEmpty()) {
          found.add(english + " in " + r.out() + r.err());
        }
        files++;
      }
    }
    assertTrue(files > 60, "the corpus was found: " + files);
    assertEquals(List.of(), found, String.join("\n", found));
  }

  @Test
  void everyRefusalOfTheHostileCorpusIsChinese() throws IOException {
    Path dir = Path.of("src/test/resources/hostile-inputs");
    int refused = 0;
    List<String> found = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("EXPECTED.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] c = line.split("\t", -1);
      String table = c[1].startsWith("decide:") ? c[1].substring("decide:".length()) : "cn-hn-provisional";
      Path input = dir.resolve(c[0]);
      if (!Files.isRegularFile(input)) {
        continue;
      }
      CliRun r = CliRun.of("decide", "--rules", table, "--lang", "zh", input.toString());
      assertTrue(r.err().startsWith("ratefloat: " + c[2] + " "), input + ": " + r.err());
      Set<String> data = new HashSet<>(fileWords(input));
      data.addAll(tableWords(table));
      data.addAll(shippedIds());
      List<String> english = englishWords(r.err(), data);
      if (!english.isEmpty()) {
        found.add(english + " in " + input + ": " + r.err());
      }
      refused++;
    }
    assertTrue(refused > 60, "the corpus was found: " + refused);
    assertEquals(List.of(), found, String.join("\n", found));
  }

  @Test
  void classifyAndThePortfolioSummariesAreChinese() throws IOException {
    Set<String> none = Set.of("cn-national-2015", "cn-annex-2015", "cn-hn-key-industries", "coal-mines",
        "hazardous-chemicals", "non-coal-mines", "construction");
    for (String code : List.of("0610", "3511", "25", "9999", "59")) {
      CliRun r = CliRun.of("classify", code, "--edition", "2011", "--lang", "zh");
      assertEquals(List.of(), englishWords(r.out() + r.err(), none), code + ": " + r.out() + r.err());
    }
    Path portfolio = Path.of("examples/cn-credibility-blend/portfolio.ndjson");
    Set<String> data = new HashSet<>(fileWords(portfolio));
    data.addAll(tableWords("cn-credibility-blend"));
    data.addAll(List.of("cn-credibility-blend", "cn-credibility-example", "provisional-table", "provisional-reference"));
    Path csv = tmp.resolve("out.csv");
    CliRun batch = CliRun.of("batch", "--rules", "cn-credibility-blend", "--in", portfolio.toString(), "--out",
        csv.toString(), "--lang", "zh");
    assertEquals(0, batch.code(), batch.err());
    assertEquals(List.of(), englishWords(batch.err(), data), batch.err());
    String written = Files.readString(csv, StandardCharsets.UTF_8);
    assertTrue(written.startsWith("\uFEFF行号,用人单位编号,核定状态,行业风险类别,基准费率（%）,上年度执行档次（倍数）,本次核定档次（倍数）,"
        + "新费率（%）,应缴工伤保险费,错误代码,错误位置,错误说明,输入 sha256,费率表 sha256,提示代码,附加金额,所用文件\n"), written);
    assertEquals(List.of(), englishWords(written, data), written);
    CliRun credibility = CliRun.of("credibility", "--rules", "cn-credibility-blend", "--in", portfolio.toString(),
        "--out", tmp.resolve("c.json").toString(), "--lang", "zh");
    assertEquals(List.of(), englishWords(credibility.err(), data), credibility.err());
    CliRun simulate = CliRun.of("simulate", "--rules", "cn-credibility-blend", "--in", portfolio.toString(),
        "--out", tmp.resolve("s.json").toString(), "--lang", "zh");
    assertEquals(List.of(), englishWords(simulate.err(), data), simulate.err());
    Path monthly = Path.of("examples/hunan-monthly-portfolio.ndjson");
    CliRun rank = CliRun.of("rank", "--definition", "cn-hn-key-industries", "--in", monthly.toString(), "--month",
        "2025-03", "--out", tmp.resolve("r.csv").toString(), "--lang", "zh");
    Set<String> monthlyData = new HashSet<>(fileWords(monthly));
    assertEquals(List.of(), englishWords(rank.err(), monthlyData), rank.err());
    // a portfolio the table cannot decide at all: the refusals and the error line in Chinese
    CliRun refused = CliRun.of("batch", "--rules", "cn-hn-provisional", "--in", monthly.toString(), "--out",
        tmp.resolve("refused.csv").toString(), "--lang", "zh");
    assertEquals(3, refused.code(), refused.err());
    monthlyData.add("insuredMonths");
    assertEquals(List.of(), englishWords(refused.err(), monthlyData), refused.err());
  }

  @Test
  void aMissingFigureIsNamedInTheMeasuresTerms() throws IOException {
    // the Hunan machinery maker without its 2024 benefits: the payout ratio cannot be computed
    Path input = tmp.resolve("machinery.json");
    String machinery = Files.readString(Path.of("examples/cn-hn-provisional/machinery.json"), StandardCharsets.UTF_8);
    Files.writeString(input, machinery.replace("\"benefitsPaid\": \"231650.00\",", ""), StandardCharsets.UTF_8);
    CliRun en = CliRun.of("decide", "--rules", "cn-hn-provisional", input.toString());
    assertEquals("ratefloat: IN025 /history/1/benefitsPaid: benefitsPaid is not recorded for period "
        + "2024-01-01..2024-12-31; indicator payoutRatio needs it\n", en.err());
    CliRun zh = CliRun.of("decide", "--rules", "cn-hn-provisional", "--lang", "zh", input.toString());
    assertEquals("ratefloat: IN025 /history/1/benefitsPaid：历史期间 2024-01-01 至 2024-12-31 未填写工伤保险基金支付，"
        + "指标 payoutRatio 需要该数值\n", zh.err());
    assertEquals(3, zh.code());
  }

  @Test
  void theEnvironmentChoosesTheLanguageAndTheOptionWins() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of("RATEFLOAT_LANG", "zh"), "classify", "0610",
        "--edition", "2011");
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().endsWith("是否重点行业（cn-hn-key-industries）：是，属煤矿（coal-mines）\n"), out.toString());
    StringWriter enOut = new StringWriter();
    Main.run(new PrintWriter(enOut), new PrintWriter(new StringWriter()), Map.of("RATEFLOAT_LANG", "zh"), "classify",
        "0610", "--edition", "2011", "--lang", "en");
    assertTrue(enOut.toString().endsWith("key industry of cn-hn-key-industries: yes, coal mines [coal-mines]\n"),
        enOut.toString());
    // an error line follows the environment too, its code and pointer unchanged
    StringWriter missing = new StringWriter();
    int refused = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(missing), Map.of("RATEFLOAT_LANG", "zh"),
        "decide", "--rules", "cn-hn-provisional", "examples/cn-hn-provisional/no-such-case.json");
    assertEquals(3, refused);
    assertEquals("ratefloat: IN026 /：文件不存在：examples/cn-hn-provisional/no-such-case.json\n", missing.toString());
    // a language that is neither is a usage error, from the environment as from the option
    assertEquals(2, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        Map.of("RATEFLOAT_LANG", "fr"), "classify", "0610", "--edition", "2011"));
  }

  /** The words of a decision's data: the case's employer, the tables' ids and labels, the ids of rows and steps. */
  private static Set<String> data(Decision d, RuleTable table) throws IOException {
    Set<String> data = new HashSet<>();
    data.add(d.input().employer().id());
    data.add(d.input().employer().name());
    data.add(table.id());
    data.add(table.version());
    data.add(table.title("zh"));
    d.tables().forEach(t -> {
      data.add(t.id());
      data.add(t.version());
    });
    for (RuleTable.Part p : table.indicators()) {
      data.add(p.id());
      data.add(p.label("zh"));
    }
    for (RuleTable.Part p : table.steps()) {
      data.add(p.id());
      data.add(p.label("zh"));
    }
    table.worksheet().forEach(w -> data.add(w.line()));
    for (StepTrace s : d.steps()) {
      s.row().ifPresent(data::add);
    }
    for (IndicatorValue v : d.indicators()) {
      for (String name : v.operands().keySet()) {
        // a value of the table's reference data, a look-up table or a class code is named by its id
        for (String kind : List.of("data.", "lookup.", "class.")) {
          if (name.startsWith(kind)) {
            String id = name.substring(kind.length());
            data.add(id.contains("(") ? id.substring(0, id.indexOf('(')) : id);
          }
        }
      }
    }
    d.amounts().forEach(a -> data.add(a.currency()));
    return data;
  }

  /** The ids of the documents ratefloat ships (a table names its base and classification by them). */
  private static Set<String> shippedIds() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
          .map(f -> f.substring(0, f.indexOf('.'))).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  /** Every Latin word of a file a user gave: its own data. */
  private static Set<String> fileWords(Path file) throws IOException {
    Set<String> words = new TreeSet<>();
    Matcher m = WORD.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /**
   * The words of a rule-table document that are its own: every text value (ids, labels, names) but
   * its English ones and its prose, and its keys in camel case; not its other keys, which are English
   * words of the format ({@code when}, {@code then}).
   */
  private static Set<String> documentWords(Path file) {
    Set<String> words = new TreeSet<>();
    try {
      collect(JSON.readTree(Files.readAllBytes(file)), "", words);
    } catch (IOException notJson) {
      // a document that is not JSON shows no words of its own
    }
    return words;
  }

  private static Set<String> tableWords(String id) throws IOException {
    return documentWords(Path.of("rules", id + ".json"));
  }

  private static final Set<String> PROSE = Set.of("en", "note", "took", "url", "quote", "notes", "why", "description",
      "method", "title");

  private static void collect(JsonNode node, String key, Set<String> words) {
    if (PROSE.contains(key)) {
      return;
    }
    if (node.isTextual()) {
      Matcher m = WORD.matcher(node.textValue());
      while (m.find()) {
        words.add(m.group());
      }
      words.add(node.textValue());
    }
    node.properties().forEach(e -> {
      // a key in camel case is an identifier of the format the drafter typed (addRatePoints), not a word
      if (!e.getKey().equals(e.getKey().toLowerCase(Locale.ROOT)) && !PROSE.contains(e.getKey())) {
        words.add(e.getKey());
      }
      collect(e.getValue(), e.getKey(), words);
    });
    node.elements().forEachRemaining(e -> collect(e, key, words));
  }
}
