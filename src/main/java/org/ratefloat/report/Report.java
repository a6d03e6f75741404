package org.ratefloat.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.ratefloat.json.CanonicalJson;

/**
 * Writes the report of a simulation (the JSON of {@code ratefloat simulate}) and a ranking (the JSON
 * of {@code ratefloat rank}) as one HTML file: the band distribution, premium income at the benchmark
 * and after floating by class, incidence against its reduction path, and the top-N table. The charting
 * library (Chart.js, from its WebJar) and the data are inlined, so the file opens without a network.
 *
 * @since 0.1.0
 */
public final class Report {
  static final String CHART_JS = "/META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";

  private Report() {}

  /** The report; either input may be null (its sections are then left out). */
  public static String html(String title, JsonNode simulation, JsonNode ranking) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    if (simulation != null) {
      data.set("simulation", simulation);
    }
    if (ranking != null) {
      data.set("ranking", ranking);
    }
    StringBuilder h = new StringBuilder(300_000);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>").append(escape(title)).append("</h1>\n");
    if (simulation != null) {
      h.append("<p class=\"tables\">Rule tables: ");
      for (JsonNode t : simulation.path("tables")) {
        JsonNode id = t.path("table");
        h.append("<span>").append(escape(id.path("id").asText())).append(' ').append(escape(id.path("version").asText()))
            .append(" (").append(escape(id.path("status").asText())).append(", sha256 ")
            .append(escape(id.path("sha256").asText().substring(0, 12))).append("…)</span> ");
      }
      h.append("</p>\n");
      h.append("<section><h2>Employers by band</h2><div class=\"chart\"><canvas id=\"bands\"></canvas></div></section>\n");
      h.append("<section><h2>Premium income by risk class</h2><div class=\"chart\"><canvas id=\"income\"></canvas></div>"
          + "<table id=\"totals\"></table></section>\n");
      if (simulation.has("incidence")) {
        h.append("<section><h2>Injury incidence against the reduction path</h2><div class=\"chart\">"
            + "<canvas id=\"incidence\"></canvas></div></section>\n");
      }
    }
    if (ranking != null) {
      h.append("<section><h2>").append(escape("Top " + ranking.path("top").asText() + " of "
          + ranking.path("month").asText())).append(" (").append(escape(ranking.path("definition").path("id").asText()))
          .append(")</h2>\n<table id=\"top\">\n<thead><tr><th>position</th><th>employer</th><th>class</th>");
      JsonNode first = ranking.path("entries").path(0).path("indicators");
      for (JsonNode i : first) {
        h.append("<th>").append(escape(i.path("id").asText())).append("</th><th>rank</th>");
      }
      h.append("<th>score</th></tr></thead>\n<tbody>\n");
      for (JsonNode e : ranking.path("entries")) {
        h.append("<tr><td>").append(escape(e.path("position").asText())).append("</td><td>")
            .append(escape(e.path("employerId").asText()))
            .append(e.has("name") ? " " + escape(e.path("name").asText()) : "").append("</td><td>")
            .append(e.path("riskClass").asInt()).append("</td>");
        for (JsonNode i : e.path("indicators")) {
          h.append("<td>").append(i.path("value").isNull() ? "–" : escape(i.path("value").asText())).append("</td><td>")
              .append(escape(i.path("rank").asText())).append("</td>");
        }
        h.append("<td>").append(escape(e.path("score").asText())).append("</td></tr>\n");
      }
      h.append("</tbody>\n</table>\n");
      JsonNode cmp = ranking.path("comparedWith");
      if (!cmp.isMissingNode()) {
        h.append("<p>Against ").append(escape(cmp.path("month").asText())).append(": entered ")
            .append(escape(join(cmp.path("entered")))).append("; left ").append(escape(join(cmp.path("left"))))
            .append(".</p>\n");
      }
      h.append("</section>\n");
    }
    h.append("<script>\n").append(chartJs()).append("\n</script>\n")
        .append("<script type=\"application/json\" id=\"data\">")
        .append(CanonicalJson.compact(data).replace("</", "<\\/")).append("</script>\n")
        .append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private static String join(JsonNode array) {
    StringBuilder s = new StringBuilder();
    array.forEach(x -> s.append(s.length() == 0 ? "" : ", ").append(x.asText()));
    return s.length() == 0 ? "nobody" : s.toString();
  }

  static String chartJs() {
    try (InputStream in = Report.class.getResourceAsStream(CHART_JS)) {
      if (in == null) {
        throw new IllegalStateException("Chart.js is missing from the classpath: " + CHART_JS);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static final String STYLE = """
      body { font-family: "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "PingFang SC",
        "Microsoft YaHei", sans-serif; margin: 24px; color: #222; max-width: 1100px; }
      h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; }
      .tables span { background: #f1f3f5; padding: 2px 6px; margin-right: 6px; font-size: 13px; }
      .chart { position: relative; height: 320px; }
      table { border-collapse: collapse; font-size: 13px; margin-top: 8px; }
      th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
      th { background: #f1f3f5; } td:nth-child(2) { text-align: left; }
      """;

  /** Draws the charts from the inlined data; no animation, so that a screenshot shows them whole. */
  private static final String SCRIPT = """
      const data = JSON.parse(document.getElementById('data').textContent);
      Chart.defaults.animation = false;
      Chart.defaults.maintainAspectRatio = false;
      const colours = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
      const sim = data.simulation;
      if (sim) {
        const bands = [...new Set(sim.tables.flatMap(t => t.byBand.map(b => b.band)))]
          .sort((a, b) => Number(a) - Number(b));
        new Chart(document.getElementById('bands'), {type: 'bar', data: {
          labels: bands.map(b => (Number(b) * 100) + ' %'),
          datasets: sim.tables.map((t, i) => ({label: t.table.id + ' (% of employers)', backgroundColor: colours[i],
            data: bands.map(b => { const x = t.byBand.find(y => y.band === b); return x ? Number(x.share) : 0; })}))}});
        const classes = [...new Set(sim.tables.flatMap(t => t.byClass.map(c => c.riskClass)))].sort((a, b) => a - b);
        const income = [{label: 'at benchmark', backgroundColor: '#999',
          data: classes.map(c => Number((sim.tables[0].byClass.find(x => x.riskClass === c) || {}).incomeAtBenchmark || 0))}];
        sim.tables.forEach((t, i) => income.push({label: 'after floating: ' + t.table.id, backgroundColor: colours[i],
          data: classes.map(c => Number((t.byClass.find(x => x.riskClass === c) || {}).incomeAfterFloating || 0))}));
        new Chart(document.getElementById('income'), {type: 'bar', data: {labels: classes.map(c => 'class ' + c),
          datasets: income}, options: {scales: {y: {title: {display: true, text: 'yuan'}}}}});
        const totals = document.getElementById('totals');
        totals.innerHTML = '<tr><th>table</th><th>employers</th><th>income at benchmark</th><th>after floating</th>' +
          '<th>change %</th><th>payout ratio at benchmark %</th><th>after floating %</th></tr>' +
          sim.tables.map(t => '<tr><td>' + t.table.id + '</td><td>' + t.total.employers + '</td><td>' +
            Number(t.total.incomeAtBenchmark).toFixed(2) + '</td><td>' + Number(t.total.incomeAfterFloating).toFixed(2) +
            '</td><td>' + t.total.incomeChangePercent + '</td><td>' + t.total.payoutRatioAtBenchmark + '</td><td>' +
            t.total.payoutRatioAfterFloating + '</td></tr>').join('');
        if (sim.incidence) {
          const years = [...new Set(sim.incidence.byClass.flatMap(c => c.years.map(y => y.year)))].sort();
          const lines = [];
          sim.incidence.byClass.forEach((c, i) => {
            const at = y => c.years.find(x => x.year === y) || {};
            lines.push({label: 'class ' + c.riskClass, borderColor: colours[i % 8], backgroundColor: colours[i % 8],
              data: years.map(y => at(y).ratePercent ? Number(at(y).ratePercent) : null)});
            lines.push({label: 'class ' + c.riskClass + ' target', borderColor: colours[i % 8], borderDash: [6, 4],
              pointRadius: 0, data: years.map(y => at(y).targetPercent ? Number(at(y).targetPercent) : null)});
          });
          new Chart(document.getElementById('incidence'), {type: 'line', data: {labels: years, datasets: lines},
            options: {scales: {y: {title: {display: true, text: 'injuries per 100 workers'}}}}});
        }
      }
      """;
}
