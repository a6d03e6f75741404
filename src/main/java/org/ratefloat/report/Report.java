package org.ratefloat.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.json.Faults;
import org.ratefloat.json.Formats;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;
import org.ratefloat.json.StrictJson;

/**
 * Writes the report of a simulation (the JSON of {@code ratefloat simulate}) and a ranking (the JSON
 * of {@code ratefloat rank}) as one HTML file, in Chinese or English: the band distribution, premium
 * income at the benchmark and after floating by class, incidence against its reduction path, and the
 * top-N table. The charting library (Chart.js, from its WebJar) and the data are inlined, so the file
 * opens without a network.
 *
 * <p>Text from the inputs is escaped for HTML where it is written into the page, and the inlined data
 * has {@code <}, {@code >}, {@code &}, U+2028 and U+2029 written as JSON escapes, so that no name can
 * end the script element that holds it. After drawing, the page writes into a hidden element
 * {@code #render-check} whether each chart drew (canvas size, data points) and every script error
 * raised, for a browser test to read.
 *
 * @since 0.1.0
 */
public final class Report {
  static final String CHART_JS = "/META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
  /** Format of the JSON of {@code ratefloat simulate}. */
  public static final String SIMULATION = "ratefloat/simulation@1";
  /** Format of the JSON of {@code ratefloat rank}. */
  public static final String RANKING = "ratefloat/ranking-result@1";
  private static final StrictJson JSON = StrictJson.forInput();

  private Report() {}

  /** The languages of a report. */
  public enum Language {
    zh,
    en
  }

  // ------------------------------------------------------------------ reading

  /**
   * Reads the JSON of {@code ratefloat simulate}, refusing another kind of document ({@code IN040})
   * and a document without the parts the report shows (with their pointers).
   */
  public static JsonNode readSimulation(byte[] bytes) {
    JsonNode tree = JSON.read(bytes, Faults.INPUT);
    JsonObject root = JsonValue.root(tree, Faults.INPUT).asObject();
    Formats.require(root, SIMULATION);
    if (root.array("tables").isEmpty()) {
      throw root.fail("tables", org.ratefloat.json.Fault.MISSING, "a simulation needs at least one table");
    }
    for (JsonValue v : root.array("tables")) {
      JsonObject t = v.asObject();
      JsonObject id = t.object("table");
      for (String key : new String[] {"id", "version", "status", "sha256"}) {
        id.text(key);
      }
      id.optObject("title").ifPresent(Report::checkText);
      totals(t.object("total")).req("employers").asLong(0, Long.MAX_VALUE);
      for (JsonValue c : t.array("byClass")) {
        totals(c.asObject()).req("riskClass").asInt(1, 99);
      }
      for (JsonValue b : t.array("byBand")) {
        JsonObject band = b.asObject();
        band.req("band").asDecimal();
        band.req("share").asDecimal();
      }
    }
    root.optObject("incidence").ifPresent(incidence -> {
      for (JsonValue c : incidence.array("byClass")) {
        JsonObject byClass = c.asObject();
        byClass.req("riskClass").asInt(1, 99);
        for (JsonValue y : byClass.array("years")) {
          JsonObject year = y.asObject();
          year.req("year").asInt(1900, 2999);
          optionalDecimal(year, "ratePercent");
          optionalDecimal(year, "targetPercent");
        }
      }
    });
    return tree;
  }

  /**
   * Reads the JSON of {@code ratefloat rank}, refusing another kind of document ({@code IN040}) and a
   * document without the parts the report shows.
   */
  public static JsonNode readRanking(byte[] bytes) {
    JsonNode tree = JSON.read(bytes, Faults.INPUT);
    JsonObject root = JsonValue.root(tree, Faults.INPUT).asObject();
    Formats.require(root, RANKING);
    JsonObject definition = root.object("definition");
    definition.text("id");
    definition.optObject("title").ifPresent(Report::checkText);
    root.text("month");
    root.req("top").asInt(1, 1_000_000);
    for (JsonValue v : root.optArray("indicators")) {
      JsonObject i = v.asObject();
      i.text("id");
      checkText(i.object("label"));
    }
    for (JsonValue v : root.array("entries")) {
      JsonObject e = v.asObject();
      e.req("position").asDecimal();
      e.text("employerId");
      e.optText("name");
      e.req("riskClass").asInt(1, 99);
      for (JsonValue i : e.array("indicators")) {
        JsonObject indicator = i.asObject();
        indicator.text("id");
        indicator.opt("value").ifPresent(JsonValue::asDecimal);
        indicator.req("rank").asDecimal();
      }
      e.req("score").asDecimal();
    }
    root.optObject("comparedWith").ifPresent(c -> {
      c.text("month");
      c.array("entered").forEach(JsonValue::asText);
      c.array("left").forEach(JsonValue::asText);
    });
    return tree;
  }

  private static JsonObject totals(JsonObject o) {
    o.req("incomeAtBenchmark").asDecimal();
    o.req("incomeAfterFloating").asDecimal();
    for (String key : new String[] {"incomeChangePercent", "payoutRatioAtBenchmark", "payoutRatioAfterFloating"}) {
      optionalDecimal(o, key);
    }
    return o;
  }

  /** A decimal, or the empty string the simulation writes where a figure has no denominator. */
  private static void optionalDecimal(JsonObject o, String key) {
    JsonValue v = o.req(key);
    if (!(v.isString() && v.asString().isEmpty())) {
      v.asDecimal();
    }
  }

  private static void checkText(JsonObject text) {
    text.text("zh");
    text.text("en");
  }

  // ------------------------------------------------------------------ writing

  /** The title of a report when none is given. */
  public static String defaultTitle(Language lang) {
    return lang == Language.zh ? "工伤保险费率浮动报告" : "Work-injury insurance rate floating report";
  }

  /**
   * The report; either input may be null (its sections are then left out). The inputs are what
   * {@link #readSimulation} and {@link #readRanking} accept.
   */
  public static String html(String title, JsonNode simulation, JsonNode ranking, Language lang) {
    Words w = lang == Language.zh ? Words.ZH : Words.EN;
    String language = lang.name();
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    if (simulation != null) {
      data.set("simulation", simulation);
    }
    if (ranking != null) {
      data.set("ranking", ranking);
    }
    StringBuilder h = new StringBuilder(300_000);
    h.append("<!DOCTYPE html>\n<html lang=\"").append(lang == Language.zh ? "zh-CN" : "en").append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<title>").append(escape(title)).append("</title>\n<style>\n")
        .append(STYLE).append("</style>\n<script>\n").append(ERRORS).append("</script>\n</head>\n<body>\n")
        .append("<h1>").append(escape(title)).append("</h1>\n");
    ObjectNode text = w.json();
    if (simulation != null) {
      h.append("<p class=\"tables\">").append(w.ruleTables);
      var names = text.putArray("tableNames");
      for (JsonNode t : simulation.path("tables")) {
        JsonNode id = t.path("table");
        String name = label(id.path("title"), language, id.path("id").asText());
        names.add(name);
        h.append("<span>").append(escape(name)).append(" (").append(escape(id.path("id").asText())).append(' ')
            .append(escape(id.path("version").asText())).append(", ").append(escape(id.path("status").asText()))
            .append(", sha256 ").append(escape(abbreviate(id.path("sha256").asText(), 12))).append("…)</span> ");
      }
      h.append("</p>\n");
      h.append("<section><h2>").append(w.bandsTitle)
          .append("</h2><div class=\"chart\"><canvas id=\"bands\"></canvas></div></section>\n");
      h.append("<section><h2>").append(w.incomeTitle)
          .append("</h2><div class=\"chart\"><canvas id=\"income\"></canvas></div>\n");
      totalsTable(h, simulation, w, language);
      h.append("</section>\n");
      if (simulation.has("incidence")) {
        h.append("<section><h2>").append(w.incidenceTitle).append("</h2><div class=\"chart\">"
            + "<canvas id=\"incidence\"></canvas></div></section>\n");
      }
    }
    if (ranking != null) {
      rankingTable(h, ranking, w, language);
    }
    h.append("<script>\n").append(chartJs()).append("\n</script>\n")
        .append("<script type=\"application/json\" id=\"data\">").append(inline(CanonicalJson.compact(data)))
        .append("</script>\n")
        .append("<script type=\"application/json\" id=\"text\">").append(inline(CanonicalJson.compact(text)))
        .append("</script>\n")
        .append("<script>\n").append(SCRIPT).append("</script>\n")
        .append("<script>\n").append(CHECK).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void totalsTable(StringBuilder h, JsonNode simulation, Words w, String language) {
    h.append("<table id=\"totals\">\n<thead><tr>");
    for (String header : w.totalsHeaders) {
      h.append("<th>").append(header).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (JsonNode t : simulation.path("tables")) {
      JsonNode id = t.path("table");
      JsonNode total = t.path("total");
      h.append("<tr><td>").append(escape(label(id.path("title"), language, id.path("id").asText())))
          .append("</td><td>").append(grouped(new BigDecimal(total.path("employers").asText())))
          .append("</td><td>").append(amount(total.path("incomeAtBenchmark").asText()))
          .append("</td><td>").append(amount(total.path("incomeAfterFloating").asText()))
          .append("</td><td>").append(percent(total.path("incomeChangePercent").asText()))
          .append("</td><td>").append(percent(total.path("payoutRatioAtBenchmark").asText()))
          .append("</td><td>").append(percent(total.path("payoutRatioAfterFloating").asText()))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void rankingTable(StringBuilder h, JsonNode ranking, Words w, String language) {
    JsonNode definition = ranking.path("definition");
    h.append("<section><h2>").append(escape(String.format(Locale.ROOT, w.topTitle, ranking.path("top").asText(),
        ranking.path("month").asText()))).append(" (")
        .append(escape(label(definition.path("title"), language, definition.path("id").asText())))
        .append(")</h2>\n<table id=\"top\">\n<thead><tr><th>").append(w.position).append("</th><th>")
        .append(w.employer).append("</th><th>").append(w.riskClass).append("</th>");
    Map<String, JsonNode> labels = new java.util.HashMap<>();
    ranking.path("indicators").forEach(i -> labels.put(i.path("id").asText(), i.path("label")));
    JsonNode first = ranking.path("entries").path(0).path("indicators");
    for (JsonNode i : first) {
      String id = i.path("id").asText();
      h.append("<th>").append(escape(label(labels.getOrDefault(id, i), language, id))).append("</th><th>")
          .append(w.rank).append("</th>");
    }
    h.append("<th>").append(w.score).append("</th></tr></thead>\n<tbody>\n");
    for (JsonNode e : ranking.path("entries")) {
      h.append("<tr><td>").append(escape(e.path("position").asText())).append("</td><td>")
          .append(escape(e.path("employerId").asText()))
          .append(e.has("name") ? " " + escape(e.path("name").asText()) : "").append("</td><td>")
          .append(e.path("riskClass").asInt()).append("</td>");
      for (JsonNode i : e.path("indicators")) {
        JsonNode value = i.path("value");
        h.append("<td>").append(value.isMissingNode() || value.isNull() ? "–" : grouped(decimal(value)))
            .append("</td><td>").append(escape(i.path("rank").asText())).append("</td>");
      }
      h.append("<td>").append(escape(e.path("score").asText())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
    JsonNode cmp = ranking.path("comparedWith");
    if (!cmp.isMissingNode()) {
      h.append("<p>").append(escape(String.format(Locale.ROOT, w.compared, cmp.path("month").asText(),
          join(cmp.path("entered"), w.nobody), join(cmp.path("left"), w.nobody)))).append("</p>\n");
    }
    h.append("</section>\n");
  }

  /** A {zh, en} label in the language, or the fallback when the input has none. */
  private static String label(JsonNode text, String language, String fallback) {
    JsonNode l = text.path(language);
    return l.isTextual() && !l.textValue().isBlank() ? l.textValue() : fallback;
  }

  private static BigDecimal decimal(JsonNode value) {
    return value.isTextual() ? new BigDecimal(value.textValue()) : value.decimalValue();
  }

  /** An amount in yuan: two decimals (half up), thousands separated by commas. */
  static String amount(String value) {
    return grouped(new BigDecimal(value).setScale(2, RoundingMode.HALF_UP));
  }

  /** A percentage with its unit; an empty figure (no denominator) as a dash. */
  static String percent(String value) {
    return value.isEmpty() ? "–" : grouped(new BigDecimal(value)) + " %";
  }

  /** A decimal as written, its whole part grouped by thousands with commas, whatever the default locale. */
  static String grouped(BigDecimal value) {
    String plain = value.toPlainString();
    int sign = plain.startsWith("-") ? 1 : 0;
    int point = plain.indexOf('.');
    int end = point < 0 ? plain.length() : point;
    StringBuilder out = new StringBuilder(plain.length() + 8).append(plain, 0, sign);
    for (int i = sign; i < end; i++) {
      if (i > sign && (end - i) % 3 == 0) {
        out.append(',');
      }
      out.append(plain.charAt(i));
    }
    return out.append(plain, end, plain.length()).toString();
  }

  private static String join(JsonNode array, String nobody) {
    StringBuilder s = new StringBuilder();
    array.forEach(x -> s.append(s.length() == 0 ? "" : ", ").append(x.asText()));
    return s.length() == 0 ? nobody : s.toString();
  }

  private static String abbreviate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }

  /**
   * JSON text made safe inside a script element: {@code <}, {@code >} and {@code &} (which can only
   * occur inside strings) become JSON escapes, so that no {@code </script>} or {@code <!--} can appear,
   * and so do U+2028 and U+2029.
   */
  static String inline(String json) {
    StringBuilder out = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
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

  /** The words of the page in one language; those the charts need go to the script as JSON. */
  private record Words(String ruleTables, String bandsTitle, String incomeTitle, String incidenceTitle,
      String[] totalsHeaders, String topTitle, String position, String employer, String riskClass, String rank,
      String score, String compared, String nobody, String locale, String employersShare, String atBenchmark,
      String afterFloating, String yuan, String classLabel, String target, String incidenceAxis) {
    static final Words EN = new Words("Rule tables: ", "Employers by band", "Premium income by risk class",
        "Injury incidence against the reduction path",
        new String[] {"table", "employers", "income at benchmark (yuan)", "income after floating (yuan)",
            "change", "payout ratio at benchmark", "payout ratio after floating"},
        "Top %s of %s", "position", "employer", "class", "rank", "score", "Against %s: entered %s; left %s.",
        "nobody", "en-US", "% of employers", "at benchmark", "after floating: ", "yuan", "class %s", "target",
        "injuries per 100 workers");
    static final Words ZH = new Words("费率表：", "各浮动档次的用人单位", "各风险类别的保费收入",
        "工伤发生率与下降目标路径",
        new String[] {"费率表", "用人单位数", "基准费率保费收入（元）", "浮动后保费收入（元）", "变化",
            "基准费率支缴率", "浮动后支缴率"},
        "%2$s 前 %1$s 名", "名次", "用人单位", "风险类别", "排名", "综合得分", "与 %s 相比：新进入 %s；退出 %s。",
        "无", "zh-CN", "用人单位占比（%）", "基准费率", "浮动后：", "元", "第%s类", "目标",
        "工伤发生率（每百名职工）");

    ObjectNode json() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("locale", locale).put("employersShare", employersShare).put("atBenchmark", atBenchmark)
          .put("afterFloating", afterFloating).put("yuan", yuan).put("classLabel", classLabel)
          .put("target", target).put("incidenceAxis", incidenceAxis);
      return o;
    }
  }

  private static final String STYLE = """
      body { font-family: "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "PingFang SC",
        "Microsoft YaHei", sans-serif; margin: 24px; color: #222; max-width: 1100px; }
      h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; }
      .tables span { background: #f1f3f5; padding: 2px 6px; margin-right: 6px; font-size: 13px; }
      .chart { position: relative; height: 320px; }
      table { border-collapse: collapse; font-size: 13px; margin-top: 8px; }
      th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
      th { background: #f1f3f5; } td { white-space: nowrap; }
      #totals td:nth-child(1), #top td:nth-child(2) { text-align: left; }
      #totals td:nth-child(1) { white-space: normal; }
      """;

  /** Collects every script error from the start, for the check at the end. */
  private static final String ERRORS = """
      window.renderErrors = [];
      addEventListener('error', e => renderErrors.push(String(e.message || e)));
      addEventListener('unhandledrejection', e => renderErrors.push(String(e.reason)));
      """;

  /** Draws the charts from the inlined data; no animation, so that a screenshot shows them whole. */
  private static final String SCRIPT = """
      const data = JSON.parse(document.getElementById('data').textContent);
      const text = JSON.parse(document.getElementById('text').textContent);
      const label = (pattern, x) => pattern.replace('%s', x);
      Chart.defaults.animation = false;
      Chart.defaults.maintainAspectRatio = false;
      Chart.defaults.locale = text.locale;
      Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
      const colours = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
      const sim = data.simulation;
      if (sim) {
        const bands = [...new Set(sim.tables.flatMap(t => t.byBand.map(b => b.band)))]
          .sort((a, b) => Number(a) - Number(b));
        new Chart(document.getElementById('bands'), {type: 'bar', data: {
          labels: bands.map(b => (Number(b) * 100) + ' %'),
          datasets: sim.tables.map((t, i) => ({label: text.tableNames[i], backgroundColor: colours[i % 8],
            data: bands.map(b => { const x = t.byBand.find(y => y.band === b); return x ? Number(x.share) : 0; })}))},
          options: {scales: {y: {title: {display: true, text: text.employersShare}}}}});
        const classes = [...new Set(sim.tables.flatMap(t => t.byClass.map(c => c.riskClass)))].sort((a, b) => a - b);
        const income = [{label: text.atBenchmark, backgroundColor: '#999',
          data: classes.map(c => Number((sim.tables[0].byClass.find(x => x.riskClass === c) || {}).incomeAtBenchmark || 0))}];
        sim.tables.forEach((t, i) => income.push({label: text.afterFloating + text.tableNames[i],
          backgroundColor: colours[i % 8],
          data: classes.map(c => Number((t.byClass.find(x => x.riskClass === c) || {}).incomeAfterFloating || 0))}));
        new Chart(document.getElementById('income'), {type: 'bar',
          data: {labels: classes.map(c => label(text.classLabel, c)), datasets: income}, options: {scales: {y: {title: {display: true, text: text.yuan}}}}});
        if (sim.incidence) {
          const years = [...new Set(sim.incidence.byClass.flatMap(c => c.years.map(y => y.year)))].sort();
          const lines = [];
          sim.incidence.byClass.forEach((c, i) => {
            const at = y => c.years.find(x => x.year === y) || {};
            const name = label(text.classLabel, c.riskClass);
            lines.push({label: name, borderColor: colours[i % 8], backgroundColor: colours[i % 8],
              data: years.map(y => at(y).ratePercent ? Number(at(y).ratePercent) : null)});
            lines.push({label: name + ' ' + text.target, borderColor: colours[i % 8], borderDash: [6, 4],
              pointRadius: 0, data: years.map(y => at(y).targetPercent ? Number(at(y).targetPercent) : null)});
          });
          new Chart(document.getElementById('incidence'), {type: 'line', data: {labels: years, datasets: lines},
            options: {scales: {y: {title: {display: true, text: text.incidenceAxis}}}}});
        }
      }
      """;

  /** Records whether each chart drew and the script errors, in a hidden element #render-check. */
  private static final String CHECK = """
      (() => {
        const charts = [...document.querySelectorAll('canvas')].map(canvas => {
          const chart = window.Chart ? Chart.getChart(canvas) : undefined;
          let points = 0;
          if (chart) {
            chart.data.datasets.forEach((d, i) => {
              points += chart.getDatasetMeta(i).data
                .filter(p => p && !p.skip && Number.isFinite(p.x) && Number.isFinite(p.y)).length;
            });
          }
          return {id: canvas.id, drawn: !!chart, width: canvas.width, height: canvas.height,
            datasets: chart ? chart.data.datasets.length : 0, points: points};
        });
        const check = document.createElement('pre');
        check.id = 'render-check';
        check.hidden = true;
        check.textContent = JSON.stringify({charts: charts, errors: window.renderErrors || ['no error collector']});
        document.body.appendChild(check);
      })();
      """;
}
