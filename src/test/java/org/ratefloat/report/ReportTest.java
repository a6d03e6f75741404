package org.ratefloat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ratefloat.Cases;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.model.RatingCase;
import org.ratefloat.ranking.Grouping;
import org.ratefloat.ranking.Ranking;
import org.ratefloat.ranking.RankingJson;
import org.ratefloat.ranking.RankingRun;
import org.ratefloat.registry.Regions;
import org.ratefloat.simulation.Incidence;
import org.ratefloat.simulation.Roundings;
import org.ratefloat.simulation.Simulation;
import org.ratefloat.synthetic.PortfolioGenerator;

/**
 * The report, made from a synthetic portfolio (Hunan's cities, the last twelve months monthly): its
 * simulation under two tables with the key industries' incidence and the year-by-year replay, and
 * the ranking of its last month by city.
 */
class ReportTest {
  private static byte[][] inputs;

  /** The simulation and the ranking (made once, copied for each caller). */
  static synchronized byte[][] inputs() throws Exception {
    if (inputs == null) {
      inputs = makeInputs();
    }
    return new byte[][] {inputs[0].clone(), inputs[1].clone()};
  }

  private static byte[][] makeInputs() throws Exception {
    Simulation.Column current = new Simulation.Column(Cases.table("cn-zj-hangzhou"), Roundings.standard(), true);
    Simulation.Column proposed = new Simulation.Column(Cases.table("cn-hn-provisional"), Roundings.standard(), false);
    var definition = Ranking.load("cn-hn-key-industries");
    Incidence incidence = new Incidence(2021, new BigDecimal("20"), 5, Set.of(5, 6, 7, 8), Optional.of(definition),
        Roundings.standard());
    RuleTable national = Cases.table("cn-national-2015");
    RankingRun december = new RankingRun(definition, YearMonth.of(2024, 12), Optional.empty(), Grouping.CITY, 10);
    PortfolioGenerator gen = new PortfolioGenerator(4, 1500, LocalDate.of(2025, 1, 1), 4, 12,
        Regions.load("cn-hn"));
    Simulation.Portfolio portfolio = new Simulation.Portfolio();
    while (gen.hasNext()) {
      RatingCase c = RateFloat.readCase(CanonicalJson.compact(gen.next()).getBytes(StandardCharsets.UTF_8));
      portfolio.add(c);
      current.add(c);
      proposed.add(c);
      incidence.add(c, national.classify(c.employer().industry()).riskClass());
      december.add(c);
    }
    return new byte[][] {Simulation.json(List.of(current, proposed), Optional.of(incidence), portfolio),
        RankingJson.json(december.build())};
  }

  private static String section(String html, String start) {
    String s = html.substring(html.indexOf(start));
    return s.substring(0, s.indexOf("</table>"));
  }

  @Test
  void aSelfContainedReportWithEveryChartAndTheTables() throws Exception {
    byte[][] in = inputs();
    ObjectMapper json = new ObjectMapper();
    JsonNode rank = json.readTree(in[1]);
    String html = Report.html("Hunan <test>", Report.readSimulation(in[0]), Report.readRanking(in[1]),
        Report.Language.en);
    for (String chart : List.of("income", "bands", "replay", "incidence")) {
      assertTrue(html.contains("<canvas id=\"" + chart + "\"></canvas>"), chart);
    }
    // every listed employer of every city is a row of that city's table
    int listed = 0;
    for (JsonNode g : rank.path("groups")) {
      if (g.path("entries").size() > 0) {
        String table = section(html, "<table class=\"top\" id=\"top-" + g.path("code").asText() + "\">");
        assertEquals(g.path("entries").size(), table.split("<tr><td>", -1).length - 1, g.path("code").asText());
        listed += g.path("entries").size();
      }
    }
    assertTrue(listed > 0, "some employer is listed");
    assertEquals(14, rank.path("groups").size(), "a list for each of Hunan's cities");
    assertTrue(html.contains("Chart.js v4.4.1"), "the charting library is inlined");
    assertFalse(html.matches("(?s).*<script[^>]*src=.*"), "no external script");
    assertFalse(html.contains("<link"), "no external style sheet");
    assertTrue(html.contains("<h1>Hunan &lt;test&gt;</h1>"), "titles are escaped");
    String data = html.substring(html.indexOf("id=\"data\">") + 10);
    data = data.substring(0, data.indexOf("</script>"));
    assertFalse(data.contains("</"), "the inlined data cannot close its script element");
    assertTrue(data.startsWith("{\"simulation\":"), data.substring(0, 40));
  }

  @Test
  void inChineseInTheMeasuresTermsWithoutEnglishWords() throws Exception {
    byte[][] in = inputs();
    JsonNode sim = new ObjectMapper().readTree(in[0]);
    String html = Report.html(Report.defaultTitle(Report.Language.zh), Report.readSimulation(in[0]),
        Report.readRanking(in[1]), Report.Language.zh);
    assertTrue(html.contains("<html lang=\"zh-CN\">"));
    assertTrue(html.contains("<h1>工伤保险费率浮动报告</h1>"));
    for (String heading : List.of("各风险类别的工伤保险费收入（万元）", "各浮动档次的用人单位", "各市州重点行业情况")) {
      assertTrue(html.contains("<h2>" + heading + "</h2>"), heading);
    }
    assertTrue(html.contains("<h2>逐年回算：" + Cases.table("cn-zj-hangzhou").title("zh")), "the replay's heading");
    assertTrue(html.contains("<h2>工伤发生率与下降 20% 目标路径（2021年起，每千名职工，‰）</h2>"), "the path's heading");
    assertTrue(html.contains("<h2>2024年12月 湖南省重点行业工伤事故月度排名（暂定参数）</h2>"), "a Chinese month");
    // the method in words, from the ranking itself
    assertTrue(html.contains("排名方法：先按第一项指标排序（数值大者在前），相同者再按下一项指标排序"), "the method");
    assertTrue(html.contains("当月事故起数不少于 1 的单位方列入排名"), "who may be listed");
    assertTrue(html.contains("<h3>长沙市</h3>") && html.contains("<h3>湘西土家族苗族自治州</h3>"), "a section per city");
    assertTrue(html.contains("<th>排名</th><th>单位名称</th><th>统一社会信用代码</th><th>行业</th><th>重点行业</th>"
        + "<th>事故起数</th><th>事故率（‰）</th><th>受伤人数</th><th>死亡人数</th><th>连续上榜月数</th><th>较2024年11月</th>"),
        "the notice's columns");
    // the tables' status and file hash in Chinese
    assertTrue(html.contains("暂定参数，文件校验值 "), "status and hash in words");
    // dated by the portfolio
    assertTrue(html.contains("<p class=\"portfolio\">数据截至2025年1月1日：共 1,500 条单位记录（其中 0 条无法读取）。</p>"),
        "the portfolio's date and size");
    // Hangzhou refuses employers insured under a year (IN016): the refused column holds the simulation's count
    long hangzhouRefused = 0;
    for (JsonNode n : sim.at("/tables/0/refused")) {
      hangzhouRefused += n.asLong();
    }
    assertTrue(hangzhouRefused > 0, "the portfolio has new employers");
    assertTrue(section(html, "<table id=\"totals\">").contains("</td><td>" + Report.grouped(new BigDecimal(
        sim.at("/tables/0/total/employers").asText())) + "</td><td>" + hangzhouRefused + "</td>"), "refused shown");
    // each incidence line says what it is tracked by, and its path's final target: 2026 for a 2021 base
    String lines = section(html, "<table id=\"incidence-lines\">");
    JsonNode all = sim.at("/incidence/lines/0");
    assertEquals("keyIndustries", all.path("kind").asText());
    String measure = all.path("tracked").asText().equals("accidents") ? "事故发生率（‰）" : "工伤发生率（‰）";
    assertTrue(lines.contains("<td class=\"name\">重点行业合计</td><td>" + Report.grouped(new BigDecimal(
        all.at("/years").get(all.at("/years").size() - 1).path("employers").asText())) + "</td><td>" + measure + "</td>"),
        lines);
    assertEquals(2026, all.at("/finalTarget/year").intValue());
    assertTrue(lines.contains("<td>2026年：" + Report.grouped(new BigDecimal(all.at("/finalTarget/value").asText()))
        + "</td>"), lines);
    // amounts in 万元: the first table's income at the benchmark, yuan / 10,000, two places, grouped
    String atBenchmark = sim.at("/tables/0/total/incomeAtBenchmark").asText();
    String wan = Report.grouped(new BigDecimal(atBenchmark).movePointLeft(4).setScale(2, java.math.RoundingMode.HALF_UP));
    assertTrue(section(html, "<table id=\"totals\">").contains("<td>" + wan + "</td>"), wan);
    // no English word in the page's text outside what the inputs name (ids, codes, versions, hashes)
    String text = html.substring(html.indexOf("<body>"), html.indexOf("<script>\n/*!"))
        .replaceAll("<[^>]+>", " ");
    Matcher english = Pattern.compile("\\b[A-Za-z]{3,}\\b").matcher(text);
    Set<String> allowed = Set.of();
    while (english.find()) {
      String word = english.group();
      boolean partOfAnId = text.substring(Math.max(0, english.start() - 1), english.start()).matches("[-.0-9a-f]")
          || allowed.contains(word) || word.matches("[0-9a-f]+");
      assertTrue(partOfAnId, "an English word in the Chinese report: " + word + " in ..."
          + text.substring(Math.max(0, english.start() - 40), Math.min(text.length(), english.end() + 40)) + "...");
    }
  }

  @Test
  void inEnglish() throws Exception {
    byte[][] in = inputs();
    String html = Report.html("Hunan", Report.readSimulation(in[0]), Report.readRanking(in[1]), Report.Language.en);
    assertTrue(html.contains("<html lang=\"en\">"));
    assertTrue(html.contains("<h2>Premium income by risk class (10,000 yuan)</h2>"));
    assertTrue(html.contains(Cases.table("cn-zj-hangzhou").title("en")), "Hangzhou's title");
    assertTrue(html.contains("<h2>2024-12 Hunan monthly work-injury accident ranking"));
    assertTrue(html.contains("<th>income at the benchmark (10,000 yuan)</th>"));
    assertTotalsAreGroupedWithUnits(html);
  }

  /**
   * Amounts in 万元 with thousands separators and two decimals, ratios with their unit; each table's
   * employers decided and refused add up to the 1,500 of the portfolio.
   */
  private static void assertTotalsAreGroupedWithUnits(String html) {
    String totals = section(html, "<table id=\"totals\">");
    Matcher row = Pattern.compile(
        "<tr><td>[^<]+</td><td>(\\d{1,3}(?:,\\d{3})*)</td><td>(\\d{1,3}(?:,\\d{3})*)</td>"
            + "(<td>\\d{1,3}(,\\d{3})*\\.\\d{2}</td>){3}(<td>-?\\d+\\.\\d{2} %</td>){4}</tr>").matcher(totals);
    for (int table = 0; table < 2; table++) {
      assertTrue(row.find(), "a row per table: " + totals);
      assertEquals(1500, Long.parseLong(row.group(1).replace(",", "")) + Long.parseLong(row.group(2).replace(",", "")),
          row.group());
    }
  }

  /**
   * Each table's row of totals holds the sums of its classes, computed here from the simulation's
   * rows by class: employers, refused, the three incomes in 万元 (yuan / 10,000, two places half up)
   * and the changes (income after ÷ income before × 100 − 100, two places half up), formatted here
   * with the JDK's own grouping rather than the report's.
   */
  @Test
  void totalsAreTheSumsOfTheClasses() throws Exception {
    byte[][] in = inputs();
    JsonNode sim = new ObjectMapper().readTree(in[0]);
    String html = Report.html("Hunan", Report.readSimulation(in[0]), Report.readRanking(in[1]), Report.Language.en);
    String totals = section(html, "<table id=\"totals\">");
    java.text.DecimalFormat money = new java.text.DecimalFormat("#,##0.00",
        java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
    java.text.DecimalFormat count = new java.text.DecimalFormat("#,##0",
        java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
    int rows = 0;
    for (JsonNode t : sim.path("tables")) {
      long employers = 0;
      BigDecimal bench = BigDecimal.ZERO;
      BigDecimal current = BigDecimal.ZERO;
      BigDecimal after = BigDecimal.ZERO;
      for (JsonNode c : t.path("byClass")) {
        employers += c.path("employers").asLong();
        bench = bench.add(new BigDecimal(c.path("incomeAtBenchmark").asText()));
        current = current.add(new BigDecimal(c.path("incomeAtCurrentBand").asText()));
        after = after.add(new BigDecimal(c.path("incomeAfterFloating").asText()));
      }
      long refused = 0;
      for (JsonNode n : t.path("refused")) {
        refused += n.asLong();
      }
      // every employer of the portfolio is decided or refused
      assertEquals(1500, employers + refused);
      java.util.function.Function<BigDecimal, String> wan = y -> money.format(
          y.movePointLeft(4).setScale(2, java.math.RoundingMode.HALF_UP));
      java.util.function.BiFunction<BigDecimal, BigDecimal, String> change = (a, b) -> money.format(
          a.multiply(BigDecimal.valueOf(100)).divide(b, 2, java.math.RoundingMode.HALF_UP)
              .subtract(BigDecimal.valueOf(100))) + " %";
      String expected = "</td><td>" + count.format(employers) + "</td><td>" + count.format(refused) + "</td><td>"
          + wan.apply(bench) + "</td><td>" + wan.apply(current) + "</td><td>" + wan.apply(after) + "</td><td>"
          + change.apply(after, bench) + "</td><td>" + change.apply(after, current) + "</td>";
      assertTrue(totals.contains(expected), "expected " + expected + " in " + totals);
      rows++;
    }
    assertEquals(2, rows);
  }

  @Test
  void amountsAreGroupedWhateverTheDefaultLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      // German groups with dots and writes a decimal comma: the report must not follow it
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertEquals("1,234,567.89", Report.amount("1234567.885"));
      assertEquals("-1,234.00", Report.amount("-1234"));
      assertEquals("999.00", Report.amount("999"));
      assertEquals("0.50", Report.amount("0.495"));
      // 万元: 12,345,678.90 yuan is 1,234.57 万元 (1,234.56789 half up)
      assertEquals("1,234.57", Report.wan("12345678.90"));
      assertEquals("-0.01", Report.wan("-50.00"));
      assertEquals("-23.78 %", Report.percent("-23.78"));
      assertEquals("–", Report.percent(""));
      assertEquals("1,000.000", Report.grouped(new BigDecimal("1000.000")));
      assertEquals("100", Report.grouped(new BigDecimal("100")));
    } finally {
      java.util.Locale.setDefault(before);
    }
  }

  @Test
  void aNameCannotEndTheInlinedData() throws Exception {
    byte[][] in = inputs();
    String hostile = "<!--<script></script>\u2028&amp;\u2029>";
    String ranking = new String(in[1], StandardCharsets.UTF_8).replaceFirst("\"name\": \"湖南[^\"]*\"",
        "\"name\": \"" + hostile.replace("\u2028", "\\\\u2028").replace("\u2029", "\\\\u2029") + "\"");
    JsonNode rank = Report.readRanking(ranking.getBytes(StandardCharsets.UTF_8));
    String html = Report.html("t", Report.readSimulation(in[0]), rank, Report.Language.en);
    String data = html.substring(html.indexOf("id=\"data\">") + 10);
    data = data.substring(0, data.indexOf("</script>"));
    for (String unsafe : List.of("<", ">", "&", "\u2028", "\u2029")) {
      assertFalse(data.contains(unsafe), unsafe);
    }
    assertTrue(data.contains("\\u003c!--\\u003cscript\\u003e\\u003c/script\\u003e\\u2028\\u0026amp;"), data);
    // the data still reads back to the same name
    assertTrue(new ObjectMapper().readTree(data).path("ranking").toString().contains(
        new ObjectMapper().writeValueAsString(hostile)));
    // and the table shows it as text
    assertTrue(html.contains("&lt;!--&lt;script&gt;&lt;/script&gt;"), "escaped in the table");
    // the error collector, Chart.js, the drawing and the check; the data and the words
    assertEquals(4, html.split("<script>", -1).length - 1, "no script element but the report's own");
    assertEquals(2, html.split("<script type=\"application/json\"", -1).length - 1);
  }

  @Test
  void eachInputIsRefusedWhenItIsAnotherKind() throws Exception {
    byte[][] in = inputs();
    assertRefused(ErrorCode.IN040, "/format", () -> Report.readSimulation(in[1]));
    assertRefused(ErrorCode.IN040, "/format", () -> Report.readRanking(in[0]));
    assertRefused(ErrorCode.IN040, "/format",
        () -> Report.readRanking(Files.readAllBytes(Path.of("examples/cn-hn-provisional/machinery.json"))));
    assertRefused(ErrorCode.IN040, "/format", () -> Report.readSimulation(
        Files.readAllBytes(Path.of("examples/cn-hn-provisional/machinery.decision.json"))));
    assertRefused(ErrorCode.IN001, "", () -> Report.readRanking(Files.readAllBytes(Path.of("README.md"))));
    // the right format, but without the parts the report shows
    assertRefused(ErrorCode.IN004, "/tables",
        () -> Report.readSimulation("{\"format\": \"ratefloat/simulation@2\"}".getBytes(StandardCharsets.UTF_8)));
    String noGroups = new String(in[1], StandardCharsets.UTF_8).replace("\"groups\"", "\"groupz\"");
    assertRefused(ErrorCode.IN004, "/groups", () -> Report.readRanking(noGroups.getBytes(StandardCharsets.UTF_8)));
    String badIncome = new String(in[0], StandardCharsets.UTF_8).replaceFirst("\"incomeAtBenchmark\": \"",
        "\"incomeAtBenchmark\": \"x");
    assertRefused(ErrorCode.IN006, "/tables/0/total/incomeAtBenchmark",
        () -> Report.readSimulation(badIncome.getBytes(StandardCharsets.UTF_8)));
    String badMonth = new String(in[1], StandardCharsets.UTF_8).replaceFirst("\"month\": \"2024-12\"",
        "\"month\": \"2024-13\"");
    assertRefused(ErrorCode.IN023, "/month", () -> Report.readRanking(badMonth.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertRefused(ErrorCode code, String pointer, org.junit.jupiter.api.function.Executable read) {
    RateFloatException e = org.junit.jupiter.api.Assertions.assertThrows(RateFloatException.class, read);
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(pointer, e.pointer(), e.getMessage());
  }
}
