package org.ratefloat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.ratefloat.Cases;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.model.RatingCase;
import org.ratefloat.ranking.Ranking;
import org.ratefloat.simulation.Simulation;
import org.ratefloat.synthetic.PortfolioGenerator;

/** The report, made from a synthetic portfolio's simulation and the example ranking. */
class ReportTest {
  @Test
  void aSelfContainedReportWithEveryChartAndTheTable() throws Exception {
    byte[][] in = inputs();
    ObjectMapper json = new ObjectMapper();
    var sim = json.readTree(in[0]);
    var rank = json.readTree(in[1]);
    String html = Report.html("Hunan <test>", sim, rank, Report.Language.en);
    for (String chart : List.of("bands", "income", "incidence")) {
      assertTrue(html.contains("<canvas id=\"" + chart + "\"></canvas>"), chart);
    }
    assertTrue(html.contains("<table id=\"top\">"));
    // the top 10 (ties at the boundary included) are all in the table
    assertTrue(rank.path("entries").size() >= 10);
    String top = html.substring(html.indexOf("<table id=\"top\">"));
    top = top.substring(0, top.indexOf("</table>"));
    assertEquals(rank.path("entries").size(), top.split("<tr><td>", -1).length - 1, "every ranked row");
    assertTrue(html.contains("Chart.js v4.4.1"), "the charting library is inlined");
    assertFalse(html.matches("(?s).*<script[^>]*src=.*"), "no external script");
    assertFalse(html.contains("<link"), "no external style sheet");
    assertTrue(html.contains("<h1>Hunan &lt;test&gt;</h1>"), "titles are escaped");
    String data = html.substring(html.indexOf("id=\"data\">") + 10);
    data = data.substring(0, data.indexOf("</script>"));
    assertFalse(data.contains("</"), "the inlined data cannot close its script element");
    assertTrue(data.startsWith("{\"simulation\":"), data.substring(0, 40));
  }

  private static byte[][] inputs;

  /**
   * A simulation of 800 synthetic employers under two tables, and the example ranking of March 2025
   * against February (made once, copied for each caller).
   */
  static synchronized byte[][] inputs() throws Exception {
    if (inputs == null) {
      inputs = makeInputs();
    }
    return new byte[][] {inputs[0].clone(), inputs[1].clone()};
  }

  private static byte[][] makeInputs() throws Exception {
    Simulation.Column current = new Simulation.Column(Cases.table("cn-zj-hangzhou"));
    Simulation.Column proposed = new Simulation.Column(Cases.table("cn-hn-provisional"));
    Simulation.Incidence incidence = new Simulation.Incidence(2020, new BigDecimal("20"), 5, Set.of(5, 6, 7, 8));
    RuleTable national = Cases.table("cn-national-2015");
    PortfolioGenerator gen = new PortfolioGenerator(4, 800, LocalDate.of(2025, 1, 1), 5);
    while (gen.hasNext()) {
      RatingCase c = RateFloat.readCase(CanonicalJson.compact(gen.next()).getBytes(StandardCharsets.UTF_8));
      current.add(c);
      proposed.add(c);
      incidence.add(c, national.classify(c.employer().industry()).riskClass());
    }
    Ranking.Loaded def = Ranking.load(Path.of("rules/cn-hn-key-industries.ranking.json"));
    Ranking.Builder march = new Ranking.Builder(def, YearMonth.of(2025, 3));
    Ranking.Builder february = new Ranking.Builder(def, YearMonth.of(2025, 2));
    for (String line : Files.readAllLines(Path.of("examples/hunan-monthly-portfolio.ndjson"))) {
      march.add(RateFloat.readCase(line.getBytes(StandardCharsets.UTF_8)));
      february.add(RateFloat.readCase(line.getBytes(StandardCharsets.UTF_8)));
    }
    return new byte[][] {Simulation.json(List.of(current, proposed), incidence),
        Ranking.json(march.build(), 10, Optional.of(february.build()))};
  }

  @Test
  void inChineseWithTheTablesOwnLabels() throws Exception {
    byte[][] in = inputs();
    String html = Report.html(Report.defaultTitle(Report.Language.zh), Report.readSimulation(in[0]),
        Report.readRanking(in[1]), Report.Language.zh);
    assertTrue(html.contains("<html lang=\"zh-CN\">"));
    assertTrue(html.contains("<h1>工伤保险费率浮动报告</h1>"));
    for (String heading : List.of("各浮动档次的用人单位", "各风险类别的保费收入", "工伤发生率与下降目标路径")) {
      assertTrue(html.contains("<h2>" + heading + "</h2>"), heading);
    }
    // the tables' and the definition's own Chinese titles and labels
    assertTrue(html.contains(Cases.table("cn-zj-hangzhou").title("zh")), "Hangzhou's title");
    assertTrue(html.contains("<th>工伤事故率（‰）</th><th>排名</th>"), "indicator label with its unit");
    assertTrue(html.contains("(湖南省重点行业工伤事故月度排名（暂定参数）)</h2>"), "definition title");
    assertTrue(html.contains("<h2>2025-03 前 10 名"), "the top-N heading");
    assertTrue(html.contains("<th>基准费率保费收入（元）</th>"));
    assertTrue(html.contains("与 2025-02 相比：新进入"), "who entered and left");
    // the words the charts need, in Chinese
    assertTrue(html.contains("\"locale\":\"zh-CN\""));
    assertTrue(html.contains("\"incidenceAxis\":\"工伤发生率（每百名职工）\""));
    assertTotalsAreGroupedWithUnits(html);
  }

  @Test
  void inEnglish() throws Exception {
    byte[][] in = inputs();
    String html = Report.html("Hunan", Report.readSimulation(in[0]), Report.readRanking(in[1]), Report.Language.en);
    assertTrue(html.contains("<html lang=\"en\">"));
    assertTrue(html.contains("<h2>Premium income by risk class</h2>"));
    assertTrue(html.contains(Cases.table("cn-zj-hangzhou").title("en")), "Hangzhou's title");
    assertTrue(html.contains("<th>accident rate (per 1,000 workers)</th><th>rank</th>"));
    assertTrue(html.contains("<h2>Top 10 of 2025-03 (Hunan monthly work-injury accident ranking"));
    assertTrue(html.contains("<th>income at benchmark (yuan)</th>"));
    assertTotalsAreGroupedWithUnits(html);
  }

  /** Amounts with thousands separators and two decimals, ratios with their unit. */
  private static void assertTotalsAreGroupedWithUnits(String html) {
    String totals = html.substring(html.indexOf("<table id=\"totals\">"));
    totals = totals.substring(0, totals.indexOf("</table>"));
    java.util.regex.Matcher row = java.util.regex.Pattern.compile(
        "<tr><td>[^<]+</td><td>800</td><td>(\\d{1,3}(,\\d{3})+\\.\\d{2})</td><td>(\\d{1,3}(,\\d{3})+\\.\\d{2})</td>"
            + "<td>-?\\d+\\.\\d{2} %</td><td>\\d+\\.\\d{2} %</td><td>\\d+\\.\\d{2} %</td></tr>").matcher(totals);
    assertTrue(row.find(), totals);
    assertTrue(row.find(), "a row per table: " + totals);
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
    String ranking = new String(in[1], StandardCharsets.UTF_8).replaceFirst("\"name\": \"[^\"]*\"",
        "\"name\": \"" + hostile.replace("\u2028", "\\\\u2028").replace("\u2029", "\\\\u2029") + "\"");
    var rank = Report.readRanking(ranking.getBytes(StandardCharsets.UTF_8));
    String html = Report.html("t", Report.readSimulation(in[0]), rank, Report.Language.en);
    String data = html.substring(html.indexOf("id=\"data\">") + 10);
    data = data.substring(0, data.indexOf("</script>"));
    for (String unsafe : List.of("<", ">", "&", "\u2028", "\u2029")) {
      assertFalse(data.contains(unsafe), unsafe);
    }
    assertTrue(data.contains("\\u003c!--\\u003cscript\\u003e\\u003c/script\\u003e\\u2028\\u0026amp;"), data);
    // the data still reads back to the same name
    assertEquals(hostile, new ObjectMapper().readTree(data).path("ranking").path("entries").path(0).path("name")
        .asText());
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
        () -> Report.readSimulation("{\"format\": \"ratefloat/simulation@1\"}".getBytes(StandardCharsets.UTF_8)));
    String noEntries = new String(in[1], StandardCharsets.UTF_8).replace("\"entries\"", "\"entrees\"");
    assertRefused(ErrorCode.IN004, "/entries", () -> Report.readRanking(noEntries.getBytes(StandardCharsets.UTF_8)));
    String badIncome = new String(in[0], StandardCharsets.UTF_8).replaceFirst("\"incomeAtBenchmark\": \"",
        "\"incomeAtBenchmark\": \"x");
    assertRefused(ErrorCode.IN006, "/tables/0/total/incomeAtBenchmark",
        () -> Report.readSimulation(badIncome.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertRefused(ErrorCode code, String pointer, org.junit.jupiter.api.function.Executable read) {
    RateFloatException e = org.junit.jupiter.api.Assertions.assertThrows(RateFloatException.class, read);
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(pointer, e.pointer(), e.getMessage());
  }
}
