package org.ratefloat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratefloat.Cases;
import org.ratefloat.Chromium;

/**
 * The report as a reader sees it: rendered by headless Chromium, the page's scripts run, and the DOM
 * they leave is checked: every chart drew (canvas sized, data points laid out), no script error was
 * raised, and the Chinese text is in the page. Needs Debian's {@code chromium} at /usr/bin/chromium
 * ({@code .ci/run} installs it); without it the test is skipped and says so.
 */
class ReportBrowserTest {
  @Test
  void everyChartDrawsInARealBrowser() throws Exception {
    Chromium.requireOrSkip("the report is");
    byte[][] in = ReportTest.inputs();
    // a name that would end the inlined data and swallow the page if it were not escaped
    String ranking = new String(in[1], StandardCharsets.UTF_8).replaceFirst("\"name\": \"湖南[^\"]*\"",
        "\"name\": \"</script><!--<script>\"");
    String html = Report.html(Report.defaultTitle(Report.Language.zh), Report.readSimulation(in[0]),
        Report.readRanking(ranking.getBytes(StandardCharsets.UTF_8)), Report.Language.zh);
    Path dir = Files.createTempDirectory("ratefloat-browser");
    try {
      Path page = dir.resolve("report.html");
      Files.writeString(page, html, StandardCharsets.UTF_8);
      String dom = Chromium.dom(dir, page);
      JsonNode check = renderCheck(dom);
      List<String> drawn = new ArrayList<>();
      for (JsonNode chart : check.path("charts")) {
        String id = chart.path("id").asText();
        drawn.add(id);
        assertTrue(chart.path("drawn").asBoolean(), id + " has no chart: " + chart);
        assertTrue(chart.path("width").asInt() > 0 && chart.path("height").asInt() > 0, id + " not sized: " + chart);
        assertTrue(chart.path("datasets").asInt() > 0, id + " has no data set: " + chart);
        assertTrue(chart.path("points").asInt() > 0, id + " has no data point: " + chart);
      }
      assertEquals(List.of("income", "bands", "replay", "incidence"), drawn, check.toString());
      // income: at the benchmark, at today's rates and after floating under 2 tables, for 8 classes;
      // bands: 2 tables x 5 bands; replay: income, payouts and the balance of 3 years (2022-2024)
      assertEquals(32, check.path("charts").path(0).path("points").asInt(), check.toString());
      assertEquals(10, check.path("charts").path(1).path("points").asInt(), check.toString());
      assertEquals(9, check.path("charts").path(2).path("points").asInt(), check.toString());
      assertEquals(0, check.path("errors").size(), "script errors: " + check.path("errors"));
      for (String zh : List.of("工伤保险费率浮动报告", "各风险类别的工伤保险费收入（万元）", "目标路径", "事故率（‰）",
          "湖南省重点行业工伤事故月度排名", "长沙市", "2024年12月", Cases.table("cn-zj-hangzhou").title("zh"))) {
        assertTrue(dom.contains(zh), "missing from the page: " + zh);
      }
      assertTrue(dom.contains("&lt;/script&gt;&lt;!--&lt;script&gt;"), "the hostile name is shown as text");
    } finally {
      Chromium.deleteQuietly(dir);
    }
  }

  /** What the page wrote into #render-check (text content, so with HTML entities). */
  private static JsonNode renderCheck(String dom) throws IOException {
    String open = "<pre id=\"render-check\" hidden=\"\">";
    int start = dom.indexOf(open);
    assertTrue(start >= 0, "the page's check never ran: the scripts did not reach the end of the page");
    String text = dom.substring(start + open.length(), dom.indexOf("</pre>", start));
    return new ObjectMapper().readTree(text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&nbsp;", "\u00a0").replace("&amp;", "&"));
  }
}
