package org.ratefloat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ratefloat.Cases;

/**
 * The report as a reader sees it: rendered by headless Chromium, the page's scripts run, and the DOM
 * they leave is checked: every chart drew (canvas sized, data points laid out), no script error was
 * raised, and the Chinese text is in the page. Needs Debian's {@code chromium} at /usr/bin/chromium
 * ({@code .ci/run} installs it); without it the test is skipped and says so.
 */
class ReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 120;

  @Test
  void everyChartDrawsInARealBrowser() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      String why = "SKIPPED: " + CHROMIUM + " is not installed, so the report is not rendered in a real browser "
          + "(apt-get install chromium fonts-wqy-zenhei, as .ci/run does)";
      System.out.println(why);
      Assumptions.abort(why);
    }
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
      String dom = render(page, dir);
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
      deleteQuietly(dir);
    }
  }

  /** The DOM after the page's scripts ran, from {@code chromium --dump-dom}. */
  private static String render(Path page, Path dir) throws IOException, InterruptedException {
    Path profile = Files.createDirectory(dir.resolve("profile"));
    Path out = dir.resolve("dom.html");
    Path err = dir.resolve("chromium.log");
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + tail(err));
    }
    assertEquals(0, p.exitValue(), "chromium failed: " + tail(err));
    return Files.readString(out, StandardCharsets.UTF_8);
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

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | RuntimeException leftBehind) {
      // a temporary folder; the system cleans it up
    }
  }
}
