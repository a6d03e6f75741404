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
   * Latin words Chinese output may hold: units and currencies, formats and standards (RFC 8785, the canonical form a record is verified by), the hit
   * policies and option values of a rule table and the input fields an error asks the reader to fill
   * in, which are written in the file as they are here; the program's name, which heads an error
   * line, and the name of classify's argument, which stands where a pointer would; {@code inf}, the
   * unbounded end of an interval ({@code (3, +inf)}); the values a rule table's step kind and a
   * claim's kind take, which an error lists for the reader to choose from.
   */
  static final Set<String> ALLOWED = Set.of("sha256", "RFC", "JSON", "CSV", "UTF-8", "EUR", "USD", "CNY", "UNIQUE",
      "FIRST", "ID", "N", "noMatch", "skip", "riskClassOverride", "benchmarkRate", "premiumBase", "inputSha256",
      "GB", "T", "ratefloat", "CODE", "inf", "gate", "table", "veto", "limitMove", "rateFloor", "rateCap", "accident",
      "occupationalDisease", "new-rate", "last-year");

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

  /**
   * verify and explain on every record of the compatibility corpus, with the table of today and with
   * the table version the record was made with: the verdicts, why a record does not match and the
   * summary of a batch output are Chinese; the differences listed (a pointer, the record's value and
   * the table's) are data and are left out.
   */
  @Test
  void theVerdictsOnTheCompatibilityCorpusAreChinese() throws IOException {
    Path corpus = Path.of("src/test/resources/compat");
    List<Path> records;
    try (Stream<Path> all = Files.walk(corpus)) {
      records = all.filter(f -> f.toString().contains("decision@") && (f.toString().endsWith(".json")
          || f.toString().endsWith(".ndjson"))).sorted().toList();
    }
    List<String> found = new ArrayList<>();
    int said = 0;
    for (Path record : records) {
      String id = record.getParent().getFileName().toString();
      List<String> tables = new ArrayList<>();
      if (Files.isRegularFile(Path.of("rules", id + ".json"))) {
        tables.add(id);
      }
      Path kept = corpus.resolve("tables").resolve(id);
      if (Files.isDirectory(kept)) {
        try (Stream<Path> versions = Files.list(kept)) {
          versions.sorted().forEach(v -> tables.add(v.toString()));
        }
      }
      Set<String> data = new HashSet<>(shippedIds());
      data.add(id);
      // the employers' ids and names the verdicts and accounts show are the records' data
      String content = Files.readString(record, StandardCharsets.UTF_8);
      for (String doc : record.toString().endsWith(".ndjson") ? content.split("\n") : new String[] {content}) {
        if (!doc.isBlank()) {
          JsonNode node = JSON.readTree(doc);
          for (String key : List.of("id", "employerId", "name")) {
            node.findValues(key).stream().filter(JsonNode::isTextual).forEach(v -> {
              data.add(v.textValue());
              Matcher m = WORD.matcher(v.textValue());
              while (m.find()) {
                data.add(m.group());
              }
            });
          }
        }
      }
      for (String table : tables) {
        for (String command : List.of("verify", "explain")) {
          CliRun r = CliRun.of(command, "--rules", table, "--lang", "zh", record.toString());
          assertTrue(r.code() == 0 || r.code() == 5, record + " " + table + ": " + r.out() + r.err());
          StringBuilder verdicts = new StringBuilder();
          for (String line : (r.out() + r.err()).split("\n")) {
            if (!line.matches("\\s*/\\S*: .* \u2192 .*")) {
              verdicts.append(line).append('\n');
            }
          }
          String text = command.equals("verify") ? verdicts.toString() : verdicts.toString().lines()
              .limit(3).collect(java.util.stream.Collectors.joining("\n"));
          List<String> english = englishWords(text, data);
          if (!english.isEmpty()) {
            found.add(english + " in " + command + " " + record + " with " + table + ":\n" + text);
          }
          said++;
        }
      }
    }
    assertTrue(said > 80, "the corpus was found: " + said);
    assertEquals(List.of(), found, String.join("\n", found));
  }

  /** The verdicts of verify said in Chinese, each line as an official reads it. */
  @Test
  void verifySaysItsVerdictsInChinese() throws IOException {
    Path batch = Path.of("src/test/resources/compat/decision@2/cn-hn-provisional/batch.ndjson");
    CliRun today = CliRun.of("verify", "--rules", "cn-hn-provisional", "--lang", "zh", batch.toString());
    assertEquals("核验一致 40 条，不符 0 条，未附输入 0 条，错误记录 1 条（无决定可核验）\n", today.out());
    // with the table's earlier version, which the records do not name
    Path earlier = Path.of("src/test/resources/compat/tables/cn-hn-provisional/2021.0-provisional.json");
    CliRun old = CliRun.of("verify", "--rules", earlier.toString(), "--lang", "zh", batch.toString());
    assertEquals(5, old.code(), old.out() + old.err());
    assertTrue(old.out().startsWith("不符 第 1 行（用人单位 SYN-00000001）：\n  记录所列费率表与本次所用的 cn-hn-provisional"
        + "（4d4cec32df14…）不同\n"), old.out());
    assertTrue(old.out().endsWith("\n（仅列出前 10 条不符的记录）\n核验一致 0 条，不符 40 条，未附输入 0 条，错误记录 1 条（无决定可核验）\n"),
        old.out());
    // made by another version: the library named, every decided value equal
    Path machinery = Path.of("src/test/resources/compat/decision@2/cn-hn-provisional/machinery.decision.json");
    Path other = tmp.resolve("other.json");
    String record = Files.readString(machinery, StandardCharsets.UTF_8);
    assertTrue(record.contains("\"ratefloat 0.1.0\"") && record.contains("\"231650.00\""));
    Files.writeString(other, record.replace("\"ratefloat 0.1.0\"", "\"ratefloat 0.0.1\""), StandardCharsets.UTF_8);
    CliRun another = CliRun.of("verify", "--rules", "cn-hn-provisional", "--lang", "zh", other.toString());
    assertEquals(0, another.code(), another.out() + another.err());
    assertTrue(another.out().startsWith("核验一致：" + other + " 即 cn-hn-provisional 按其所附输入作出的决定（由另一版本生成："
        + "记录由 ratefloat 0.0.1 生成，本程序为 ratefloat " + RateFloat.VERSION + "；各项决定值均相同；sha256 "), another.out());
    CliRun same = CliRun.of("verify", "--rules", "cn-hn-provisional", "--lang", "zh", "--same-version",
        other.toString());
    assertEquals("不符：" + other + " 由 ratefloat 0.0.1 生成，而非 ratefloat " + RateFloat.VERSION
        + "（--same-version）；各项决定值均与 cn-hn-provisional 所得相同\n", same.out());
    // an altered figure of the echoed input: said first, why and the differences under it
    Path altered = tmp.resolve("altered.json");
    Files.writeString(altered, Files.readString(other, StandardCharsets.UTF_8).replace("\"231650.00\"",
        "\"231650.09\""), StandardCharsets.UTF_8);
    CliRun a = CliRun.of("verify", "--rules", "cn-hn-provisional", "--lang", "zh", altered.toString());
    assertEquals(5, a.code(), a.out());
    assertTrue(a.out().startsWith("已被改动：" + altered + "：所附输入并非作出决定时的输入，记录已被改动（VR002：输入规范形式的 "
        + "sha256 为 "), a.out());
    assertTrue(a.out().contains("\n  由改动后的输入而来的不同之处，即 cn-hn-provisional 所得（记录所载 \u2192 费率表所得）：\n"
        + "    记录由 ratefloat 0.0.1 生成，用 ratefloat " + RateFloat.VERSION + " 核验\n"), a.out());
    // a recorded input the table refuses: the refusal in Chinese, its code and pointer unchanged
    Path refused = tmp.resolve("refused.json");
    Files.writeString(refused, record.replace("\"benefitsPaid\": \"231650.00\",", ""), StandardCharsets.UTF_8);
    CliRun r = CliRun.of("verify", "--rules", "cn-hn-provisional", "--lang", "zh", refused.toString());
    assertEquals(5, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("\n    费率表不能对记录所载输入作出决定：IN025 /history/1/benefitsPaid：历史期间 "
        + "2024-01-01 至 2024-12-31 未填写工伤保险基金支付，指标 payoutRatio 需要该数值\n"), r.out());
  }

  /** rank's ties left out at the cut and batch's progress line, in Chinese words. */
  @Test
  void theTieAtTheCutAndTheProgressAreSaidInChinese() {
    CliRun rank = CliRun.of("rank", "--definition", "rules/cn-hn-key-industries.ranking.json", "--in",
        "examples/hunan-monthly-portfolio.ndjson", "--month", "2025-03", "--top", "8", "--out",
        tmp.resolve("r.csv").toString(), "--lang", "zh");
    assertEquals(0, rank.code(), rank.err());
    assertTrue(rank.err().contains("\n  430000 湖南省：第 8 名 2 家单位并列，跨越名单末位，未列入（规则：并列跨越名单末位的单位"
        + "全部不列入（名单可少于规定名额））\n"), rank.err());
    assertEquals(List.of(), englishWords(rank.err(), Set.of()), rank.err());
    assertEquals("已处理 12,000 条，每秒 3,100 条，预计还需 1小时1分4秒",
        BatchCommand.progress(12_000, 3_100, 3_664, org.ratefloat.text.Language.ZH));
    assertEquals("12,000 records, 3,100/s, ETA 1h1m4s",
        BatchCommand.progress(12_000, 3_100, 3_664, org.ratefloat.text.Language.EN));
    assertEquals("已处理 0 条，每秒 0 条，预计还需 0秒", BatchCommand.progress(0, 0, 0, org.ratefloat.text.Language.ZH));
  }

  /**
   * Usage errors in Chinese, code and option unchanged, against hand-written lines (the faults
   * corpus checks every one of its usage errors for English words: CliFaultsTest).
   */
  @Test
  void usageErrorsAreSaidInChinese() throws IOException {
    assertEquals("ratefloat: CL001 lang-no：无此命令，是否要用 rank 或 notice 或 explain？（参见 ratefloat --help）\n",
        CliRun.of("lang-no", "--lang", "zh").err());
    assertEquals("ratefloat: CL003 --threads：不得小于 1：0（参见 ratefloat batch --help）\n", CliRun.of("batch",
        "--threads", "0", "--lang", "zh", "--rules", "cn-hn-provisional", "--in", "a.ndjson", "--out", "b.ndjson").err());
    assertEquals("ratefloat: CL003 --month：“2025-13”不是日历上存在的月份（参见 ratefloat rank --help）\n",
        CliRun.of("rank", "--definition", "cn-hn-key-industries", "--month", "2025-13", "--lang", "zh").err());
    assertEquals("ratefloat: CL003 --out：文件名须以 .ndjson 或 .csv 结尾，据此确定文件格式：b.txt（参见 ratefloat batch "
        + "--help）\n", CliRun.of("batch", "--lang", "zh", "--rules", "cn-hn-provisional", "--in", "a.ndjson", "--out",
        "b.txt").err());
    assertEquals("ratefloat: CL002 --rules：须给出取值（参见 ratefloat decide --help）\n",
        CliRun.of("decide", "--rules", "--lang", "zh").err());
    assertEquals("ratefloat: CL003 --rules：重复给出（参见 ratefloat decide --help）\n",
        CliRun.of("decide", "--lang", "zh", "--rules", "a", "--rules", "b", "c.json").err());
    // the English line is what it always was
    assertEquals("ratefloat: CL003 --threads: must be at least 1: 0 (see ratefloat batch --help)\n", CliRun.of("batch",
        "--threads", "0", "--rules", "cn-hn-provisional", "--in", "a.ndjson", "--out", "b.ndjson").err());
  }

  /** The input model's refusals in the measures' terms, code and pointer unchanged, the English as it was. */
  @Test
  void theInputModelsRefusalsAreSaidInChinese() throws IOException {
    String machinery = Files.readString(Path.of("examples/cn-hn-provisional/machinery.json"), StandardCharsets.UTF_8);
    Path negative = tmp.resolve("negative.json");
    Files.writeString(negative, machinery.replace("\"benefitsPaid\": \"231650.00\"", "\"benefitsPaid\": \"-5\""),
        StandardCharsets.UTF_8);
    assertEquals("ratefloat: IN007 /history/1/benefitsPaid：工伤保险基金支付不得为负数：-5\n",
        CliRun.of("decide", "--rules", "cn-hn-provisional", "--lang", "zh", negative.toString()).err());
    assertEquals("ratefloat: IN007 /history/1/benefitsPaid: benefitsPaid must not be negative: -5\n",
        CliRun.of("decide", "--rules", "cn-hn-provisional", negative.toString()).err());
    Path early = tmp.resolve("early.json");
    Files.writeString(early, machinery.replaceFirst("\"asOf\": \"[0-9-]+\"", "\"asOf\": \"2024-06-01\""),
        StandardCharsets.UTF_8);
    assertEquals("ratefloat: IN010 /asOf：核定基准日 2024-06-01 须晚于历史期间的截止日 2024-12-31\n",
        CliRun.of("decide", "--rules", "cn-hn-provisional", "--lang", "zh", early.toString()).err());
    Path hostile = Path.of("src/test/resources/hostile-inputs");
    assertEquals("ratefloat: IN007 /history/1/disabilityCases/10：10级伤残鉴定人数不得为负数：-1\n", CliRun.of("decide",
        "--rules", "cn-hn-provisional", "--lang", "zh", hostile.resolve("22-negative-disability-cases.json").toString())
        .err());
    assertEquals("ratefloat: IN023 /employer/currentBand：档次费率倍数须大于 0：-1.0\n", CliRun.of("decide", "--rules",
        "cn-hn-provisional", "--lang", "zh", hostile.resolve("43-negative-current-band.json").toString()).err());
    // from Java: the key and the values, said in either language
    org.ratefloat.error.RateFloatException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.ratefloat.error.RateFloatException.class, () -> RateFloat.readCase(negative));
    assertEquals(java.util.Optional.of("model.negative"), e.messageKey());
    assertEquals(Map.of("name", "benefitsPaid", "value", "-5"), e.values());
  }

  /** The case reader's commonest refusals, a key missing, unknown or repeated and a value of the wrong type. */
  @Test
  void theCaseReadersRefusalsAreSaidInChinese() throws IOException {
    String machinery = Files.readString(Path.of("examples/cn-hn-provisional/machinery.json"), StandardCharsets.UTF_8);
    String paid = "\"benefitsPaid\": \"231650.00\"";
    assertTrue(machinery.contains(paid) && machinery.contains("\"asOf\""));
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put(machinery.replace(paid, "\"benefitsPaid\": 5, \"benefitsPaid\": \"1\""),
        "ratefloat: IN002 /history/1/benefitsPaid：字段 \"benefitsPaid\" 重复出现\n");
    expected.put(machinery.replace(paid, "\"benefitsPaid\": true"),
        "ratefloat: IN005 /history/1/benefitsPaid：应为小数，实际为逻辑值 true\n");
    expected.put(machinery.replace(paid, "\"benefitsPaidd\": \"1\""),
        "ratefloat: IN003 /history/1/benefitsPaidd：含有未定义的字段 \"benefitsPaidd\"\n");
    expected.put(machinery.replace("\"asOf\"", "\"asof\""), "ratefloat: IN004 /asOf：缺少必填字段：核定基准日（\"asOf\"）\n");
    expected.put(machinery.replaceFirst("\"name\": \"[^\"]*\"", "\"name\": \"\""),
        "ratefloat: IN023 /employer/name：用人单位名称为空：没有名称时请省去该字段\n");
    // a rule table's refusal, as lint shows it to a table drafter
    Path table = tmp.resolve("hit-policy.json");
    String overlap = Files.readString(Path.of("src/test/resources/broken-tables/01-overlap-unique.json"),
        StandardCharsets.UTF_8);
    assertTrue(overlap.contains("\"hitPolicy\": \"UNIQUE\""));
    Files.writeString(table, overlap.replaceFirst("\"hitPolicy\": \"UNIQUE\"", "\"hitPolicy\": \"ANY\""),
        StandardCharsets.UTF_8);
    CliRun lint = CliRun.of("lint", "--lang", "zh", table.toString());
    assertTrue(lint.out().startsWith(table + "：RT009 错误 /steps/0/hitPolicy：命中规则须为 UNIQUE 或 FIRST：\"ANY\"\n"),
        lint.out());
    int i = 0;
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Path input = tmp.resolve("case" + i++ + ".json");
      Files.writeString(input, e.getKey(), StandardCharsets.UTF_8);
      assertEquals(e.getValue(), CliRun.of("decide", "--rules", "cn-hn-provisional", "--lang", "zh", input.toString())
          .err());
    }
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
