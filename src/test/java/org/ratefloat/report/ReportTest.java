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
import org.ratefloat.RateFloat;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.model.RatingCase;
import org.ratefloat.ranking.Ranking;
import org.ratefloat.simulation.Simulation;
import org.ratefloat.synthetic.PortfolioGenerator;

/** The report, made from a synthetic portfolio's simulation and the example ranking. */
class ReportTest {
  @Test
  void aSelfContainedReportWithEveryChartAndTheTable() throws Exception {
    Simulation.Column current = new Simulation.Column(Cases.table("cn-zj-hangzhou"));
    Simulation.Column proposed = new Simulation.Column(Cases.table("cn-hn-provisional"));
    Simulation.Incidence incidence = new Simulation.Incidence(2020, new BigDecimal("20"), 5, Set.of(5, 6, 7, 8));
    PortfolioGenerator gen = new PortfolioGenerator(4, 800, LocalDate.of(2025, 1, 1), 5);
    while (gen.hasNext()) {
      RatingCase c = RateFloat.readCase(CanonicalJson.compact(gen.next()).getBytes(StandardCharsets.UTF_8));
      current.add(c);
      proposed.add(c);
      incidence.add(c, Cases.table("cn-national-2015").classify(c.employer().industry()).riskClass());
    }
    ObjectMapper json = new ObjectMapper();
    var sim = json.readTree(Simulation.json(List.of(current, proposed), incidence));
    Ranking.Loaded def = Ranking.load(Path.of("rules/cn-hn-key-industries.ranking.json"));
    Ranking.Builder march = new Ranking.Builder(def, YearMonth.of(2025, 3));
    for (String line : Files.readAllLines(Path.of("examples/hunan-monthly-portfolio.ndjson"))) {
      march.add(RateFloat.readCase(line.getBytes(StandardCharsets.UTF_8)));
    }
    var rank = json.readTree(Ranking.json(march.build(), 10, Optional.empty()));
    String html = Report.html("Hunan <test>", sim, rank);
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
}
