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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.json.Faults;
import org.ratefloat.json.Formats;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;
import org.ratefloat.json.StrictJson;

/**
 * Writes the report of a simulation (the JSON of {@code ratefloat simulate}) and a ranking (the JSON
 * of {@code ratefloat rank}) as one HTML file, in Chinese or English: premium income at the benchmark,
 * at today's rates and after floating by class, the band distribution, the fund year by year where
 * the simulation replayed it, incidence against its reduction path (key industries, each key
 * industry, each city and each class), and the ranking's lists with how they were made, in words.
 * Amounts are shown in 万元 (the data keep them exact), incidence per 1,000 workers throughout, months
 * as 2025年3月 in Chinese. The charting library (Chart.js, from its WebJar) and the data are
 * inlined, so the file opens without a network.
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
  public static final String SIMULATION = "ratefloat/simulation@2";
  /** Format of the JSON of {@code ratefloat rank}. */
  public static final String RANKING = "ratefloat/ranking-result@2";
  private static final StrictJson JSON = StrictJson.forInput();
  private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");
  private static final BigDecimal TEN = BigDecimal.TEN;
  private static final String[] CLASS_ZH = {"", "一类", "二类", "三类", "四类", "五类", "六类", "七类", "八类"};

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
    root.optObject("portfolio").ifPresent(p -> {
      p.req("records").asLong(0, Long.MAX_VALUE);
      p.req("unreadable").asLong(0, Long.MAX_VALUE);
      p.opt("asOfFrom").ifPresent(Report::date);
      p.opt("asOfTo").ifPresent(Report::date);
    });
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
      t.optObject("replay").ifPresent(replay -> {
        replay.array("assumptions").forEach(a -> checkText(a.asObject()));
        for (JsonValue y : replay.array("years")) {
          JsonObject year = y.asObject();
          year.req("year").asInt(1900, 2999);
          year.req("employers").asLong(0, Long.MAX_VALUE);
          for (String key : new String[] {"incomeAtBenchmark", "incomeAfterFloating", "payouts", "balance",
              "cumulativeBalance"}) {
            year.req(key).asDecimal();
          }
          optionalDecimal(year, "payoutRatio");
        }
      });
    }
    root.optObject("incidence").ifPresent(incidence -> {
      incidence.req("baseYear").asInt(1900, 2999);
      incidence.req("reductionPercent").asDecimal();
      incidence.req("years").asInt(1, 50);
      incidence.optObject("keyIndustries").ifPresent(k -> checkText(k.object("title")));
      for (JsonValue c : incidence.array("lines")) {
        JsonObject line = c.asObject();
        line.text("kind");
        line.text("code");
        checkText(line.object("name"));
        String tracked = line.text("tracked");
        if (!tracked.equals("accidents") && !tracked.equals("injuries")) {
          throw line.fail("tracked", org.ratefloat.json.Fault.BAD_VALUE, "a line is tracked by accidents or "
              + "injuries: \"" + org.ratefloat.model.InputRules.abbreviate(tracked) + "\"");
        }
        line.optObject("finalTarget").ifPresent(t -> {
          t.req("year").asInt(1900, 3100);
          t.req("value").asDecimal();
        });
        for (JsonValue y : line.array("years")) {
          JsonObject year = y.asObject();
          year.req("year").asInt(1900, 2999);
          for (String key : new String[] {"injuryRate", "injuryTarget", "accidentRate", "accidentTarget",
              "diseaseRate"}) {
            optionalDecimal(year, key);
          }
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
    definition.text("status");
    definition.optObject("title").ifPresent(Report::checkText);
    month(root.req("month"));
    root.text("by");
    root.text("method");
    for (String words : new String[] {"byWords", "methodWords", "tiesWords", "tiesAtCutWords"}) {
      checkText(root.object(words));
    }
    root.req("top").asInt(1, 1_000_000);
    for (String count : new String[] {"eligible", "skipped", "candidates"}) {
      root.req(count).asLong(0, Long.MAX_VALUE);
    }
    JsonObject listing = root.object("listing");
    listing.text("indicator");
    listing.req("atLeast").asDecimal();
    root.opt("comparedWith").ifPresent(Report::month);
    for (JsonValue v : root.array("indicators")) {
      JsonObject i = v.asObject();
      i.text("id");
      checkText(i.object("label"));
      i.req("ranked").asBoolean();
    }
    for (JsonValue g : root.array("groups")) {
      JsonObject group = g.asObject();
      group.text("kind");
      group.text("code");
      checkText(group.object("name"));
      group.req("eligible").asLong(0, Long.MAX_VALUE);
      for (JsonValue v : group.array("entries")) {
        JsonObject e = v.asObject();
        e.req("position").asDecimal();
        e.text("employerId");
        e.optText("name");
        e.optText("creditCode");
        JsonObject industry = e.object("industry");
        industry.text("code");
        industry.optText("name");
        JsonObject key = e.object("keyIndustry");
        key.text("id");
        checkText(key.object("name"));
        e.optObject("city").ifPresent(c -> checkText(c.object("name")));
        for (String list : new String[] {"indicators", "shown"}) {
          for (JsonValue i : e.array(list)) {
            JsonObject indicator = i.asObject();
            indicator.text("id");
            indicator.opt("value").filter(x -> !x.isNull()).ifPresent(JsonValue::asDecimal);
            indicator.opt("rank").ifPresent(JsonValue::asDecimal);
          }
        }
        e.opt("score").ifPresent(JsonValue::asDecimal);
        e.req("monthsOnList").asInt(1, 10_000);
      }
      for (String list : new String[] {"entered", "left"}) {
        group.optArray(list).forEach(x -> x.asObject().text("employerId"));
      }
    }
    return tree;
  }

  private static void date(JsonValue v) {
    try {
      java.time.LocalDate.parse(v.asString());
    } catch (java.time.format.DateTimeParseException e) {
      throw v.fail(org.ratefloat.json.Fault.BAD_VALUE, "a date is yyyy-mm-dd: \""
          + org.ratefloat.model.InputRules.abbreviate(v.asString()) + "\"");
    }
  }

  private static void month(JsonValue v) {
    try {
      java.time.YearMonth.parse(v.asString());
    } catch (java.time.format.DateTimeParseException e) {
      throw v.fail(org.ratefloat.json.Fault.BAD_VALUE, "a month is yyyy-mm: \"" + org.ratefloat.model.InputRules.abbreviate(v.asString())
          + "\"");
    }
  }

  private static JsonObject totals(JsonObject o) {
    o.req("incomeAtBenchmark").asDecimal();
    o.req("incomeAtCurrentBand").asDecimal();
    o.req("incomeAfterFloating").asDecimal();
    for (String key : new String[] {"incomeChangePercent", "incomeChangeFromCurrentPercent", "payoutRatioAtBenchmark",
        "payoutRatioAfterFloating"}) {
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
    return ReportWords.of(lang).get("defaultTitle");
  }

  /**
   * The report; either input may be null (its sections are then left out). The inputs are what
   * {@link #readSimulation} and {@link #readRanking} accept.
   */
  public static String html(String title, JsonNode simulation, JsonNode ranking, Language lang) {
    ReportWords w = ReportWords.of(lang);
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
    ObjectNode text = w.forCharts();
    ObjectNode classNames = text.putObject("classNames");
    for (int c = 1; c <= 99; c++) {
      classNames.put(String.valueOf(c), className(c, w));
    }
    if (simulation != null && simulation.has("portfolio")) {
      JsonNode p = simulation.path("portfolio");
      String from = p.path("asOfFrom").asText();
      String to = p.path("asOfTo").asText();
      String dated = from.isEmpty() ? "" : from.equals(to) ? date(from, w) : w.format("dateRange", date(from, w),
          date(to, w));
      h.append("<p class=\"portfolio\">").append(escape(w.format("portfolioLine", dated,
          grouped(new BigDecimal(p.path("records").asText())), grouped(new BigDecimal(p.path("unreadable")
              .asText()))))).append("</p>\n");
    }
    if (simulation != null) {
      h.append("<p class=\"tables\">").append(w.get("ruleTables"));
      var names = text.putArray("tableNames");
      for (JsonNode t : simulation.path("tables")) {
        JsonNode id = t.path("table");
        String name = label(id.path("title"), language, id.path("id").asText());
        names.add(name);
        h.append("<span>").append(escape(w.format("tableIdentity", name, id.path("id").asText(),
            id.path("version").asText(), status(id.path("status").asText(), w),
            abbreviate(id.path("sha256").asText(), 12)))).append("</span> ");
      }
      h.append("</p>\n");
      h.append("<section><h2>").append(escape(w.get("incomeTitle")))
          .append("</h2><div class=\"chart\"><canvas id=\"income\"></canvas></div>\n");
      totalsTable(h, simulation, w, language);
      h.append("</section>\n");
      h.append("<section><h2>").append(escape(w.get("bandsTitle")))
          .append("</h2><div class=\"chart\"><canvas id=\"bands\"></canvas></div></section>\n");
      int columnIndex = 0;
      for (JsonNode t : simulation.path("tables")) {
        if (t.has("replay")) {
          replayTable(h, t, w, language, columnIndex);
        }
        columnIndex++;
      }
      if (simulation.has("incidence")) {
        incidence(h, simulation.path("incidence"), w, language);
      }
    }
    if (ranking != null) {
      rankingSection(h, ranking, w, language);
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

  private static String className(int riskClass, ReportWords w) {
    return w.zh ? (riskClass < CLASS_ZH.length ? CLASS_ZH[riskClass] : riskClass + "类") : "class " + riskClass;
  }

  private static void totalsTable(StringBuilder h, JsonNode simulation, ReportWords w, String language) {
    h.append("<table id=\"totals\">\n<thead><tr>");
    for (String header : List.of("table", "employers", "refused", "incomeAtBenchmark", "incomeAtCurrent",
        "incomeAfter", "changeFromBenchmark", "changeFromCurrent", "payoutRatioAtBenchmark", "payoutRatioAfter")) {
      h.append("<th>").append(escape(w.get(header))).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (JsonNode t : simulation.path("tables")) {
      JsonNode id = t.path("table");
      JsonNode total = t.path("total");
      long refused = 0;
      for (JsonNode n : t.path("refused")) {
        refused += n.asLong();
      }
      h.append("<tr><td>").append(escape(label(id.path("title"), language, id.path("id").asText())))
          .append("</td><td>").append(grouped(new BigDecimal(total.path("employers").asText())))
          .append("</td><td>").append(grouped(BigDecimal.valueOf(refused)))
          .append("</td><td>").append(wan(total.path("incomeAtBenchmark").asText()))
          .append("</td><td>").append(wan(total.path("incomeAtCurrentBand").asText()))
          .append("</td><td>").append(wan(total.path("incomeAfterFloating").asText()))
          .append("</td><td>").append(percent(total.path("incomeChangePercent").asText()))
          .append("</td><td>").append(percent(total.path("incomeChangeFromCurrentPercent").asText()))
          .append("</td><td>").append(percent(total.path("payoutRatioAtBenchmark").asText()))
          .append("</td><td>").append(percent(total.path("payoutRatioAfterFloating").asText()))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void replayTable(StringBuilder h, JsonNode table, ReportWords w, String language, int index) {
    JsonNode id = table.path("table");
    h.append("<section><h2>").append(escape(w.format("replayTitle", label(id.path("title"), language,
        id.path("id").asText())))).append("</h2>\n");
    if (index == 0) {
      h.append("<div class=\"chart\"><canvas id=\"replay\"></canvas></div>\n");
    }
    h.append("<table class=\"replay\">\n<thead><tr>");
    for (String header : List.of("year", "employers", "refused", "incomeAtBenchmark", "incomeAfter", "payouts",
        "balance", "cumulativeBalance", "payoutRatio")) {
      String head = w.get(header);
      // the replay's table is in 万元 throughout: its heading says so, the column heads do not repeat it
      h.append("<th>").append(escape(head.replace("（万元）", "").replace(" (10,000 yuan)", ""))).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (JsonNode y : table.path("replay").path("years")) {
      long refused = 0;
      for (JsonNode n : y.path("refused")) {
        refused += n.asLong();
      }
      h.append("<tr><td>").append(year(y.path("year").asInt(), w)).append("</td><td>")
          .append(grouped(new BigDecimal(y.path("employers").asText()))).append("</td><td>")
          .append(grouped(BigDecimal.valueOf(refused))).append("</td><td>")
          .append(wan(y.path("incomeAtBenchmark").asText())).append("</td><td>")
          .append(wan(y.path("incomeAfterFloating").asText())).append("</td><td>")
          .append(wan(y.path("payouts").asText())).append("</td><td>")
          .append(wan(y.path("balance").asText())).append("</td><td>")
          .append(wan(y.path("cumulativeBalance").asText())).append("</td><td>")
          .append(percent(y.path("payoutRatio").asText())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n<ul class=\"assumptions\">");
    for (JsonNode a : table.path("replay").path("assumptions")) {
      h.append("<li>").append(escape(label(a, language, ""))).append("</li>");
    }
    h.append("</ul>\n</section>\n");
  }

  private static void incidence(StringBuilder h, JsonNode incidence, ReportWords w, String language) {
    String base = year(incidence.path("baseYear").asInt(), w);
    h.append("<section><h2>").append(escape(w.format("incidenceTitle", incidence.path("reductionPercent").asText(),
        w.zh ? String.valueOf(incidence.path("baseYear").asInt()) : base))).append("</h2>\n");
    String scope = incidence.has("keyIndustries") ? w.format("keyIndustriesOf", label(incidence.path("keyIndustries")
        .path("title"), language, incidence.path("keyIndustries").path("id").asText())) : "";
    h.append("<p>").append(escape(w.format("incidenceWhat", scope.isEmpty() ? w.get("byClass") : scope,
        incidence.path("years").asText()))).append("</p>\n");
    h.append("<div class=\"chart\"><canvas id=\"incidence\"></canvas></div>\n");
    List<JsonNode> notCities = new ArrayList<>();
    List<JsonNode> cities = new ArrayList<>();
    incidence.path("lines").forEach(l -> (l.path("kind").asText().equals("city") ? cities : notCities).add(l));
    incidenceTable(h, notCities, w, language, "incidence-lines");
    h.append("</section>\n");
    if (!cities.isEmpty()) {
      h.append("<section><h2>").append(escape(w.get("citiesTitle"))).append("</h2>\n");
      incidenceTable(h, cities, w, language, "incidence-cities");
      h.append("</section>\n");
    }
  }

  /**
   * One row per line: its employers, what it is tracked by (accidents, or workers injured where not
   * every employer records accidents, as the simulation says), that rate of each year, the last year's
   * target and whether the line is on the path, the path's final target, and the last year's injury
   * and occupational-disease rates.
   */
  private static void incidenceTable(StringBuilder h, List<JsonNode> lines, ReportWords w, String language,
      String id) {
    java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
    lines.forEach(l -> l.path("years").forEach(y -> years.add(y.path("year").asInt())));
    if (years.isEmpty()) {
      return;
    }
    int last = years.last();
    h.append("<table id=\"").append(id).append("\">\n<thead><tr><th>").append(escape(w.get("line")))
        .append("</th><th>").append(escape(w.get("employers"))).append("</th><th>").append(escape(w.get("trackedBy")))
        .append("</th>");
    for (int y : years) {
      h.append("<th>").append(escape(w.format("rateIn", year(y, w)))).append("</th>");
    }
    h.append("<th>").append(escape(w.format("targetIn", year(last, w)))).append("</th><th>")
        .append(escape(w.get("onPath"))).append("</th><th>").append(escape(w.get("finalTarget")))
        .append("</th><th>").append(escape(w.format("injuryRateIn", year(last, w))))
        .append("</th><th>").append(escape(w.format("diseaseRateIn", year(last, w)))).append("</th></tr></thead>\n");
    h.append("<tbody>\n");
    for (JsonNode line : lines) {
      String name = line.path("kind").asText().equals("class")
          ? className(line.path("code").asInt(), w) : label(line.path("name"), language, line.path("code").asText());
      Map<Integer, JsonNode> byYear = new HashMap<>();
      line.path("years").forEach(y -> byYear.put(y.path("year").asInt(), y));
      JsonNode lastYear = byYear.getOrDefault(last, JsonNodeFactory.instance.objectNode());
      boolean accidents = line.path("tracked").asText().equals("accidents");
      h.append("<tr><td class=\"name\">").append(escape(name)).append("</td><td>")
          .append(lastYear.has("employers") ? grouped(new BigDecimal(lastYear.path("employers").asText())) : "–")
          .append("</td><td>").append(escape(w.get(accidents ? "accidentRate" : "injuryRate"))).append("</td>");
      for (int y : years) {
        JsonNode v = byYear.getOrDefault(y, JsonNodeFactory.instance.objectNode());
        h.append("<td>").append(rate(v.path(accidents ? "accidentRate" : "injuryRate").asText())).append("</td>");
      }
      String target = lastYear.path(accidents ? "accidentTarget" : "injuryTarget").asText();
      boolean onPath = lastYear.path(accidents ? "accidentOnPath" : "injuryOnPath").asBoolean();
      JsonNode last2 = line.path("finalTarget");
      String finalTarget = last2.has("value") ? w.format("finalTargetValue", year(last2.path("year").asInt(), w),
          rate(last2.path("value").asText())) : "–";
      h.append("<td>").append(rate(target)).append("</td><td>")
          .append(target.isEmpty() ? "–" : escape(w.get(onPath ? "yes" : "no"))).append("</td><td>")
          .append(escape(finalTarget)).append("</td><td>")
          .append(rate(lastYear.path("injuryRate").asText())).append("</td><td>")
          .append(rate(lastYear.path("diseaseRate").asText())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void rankingSection(StringBuilder h, JsonNode ranking, ReportWords w, String language) {
    JsonNode definition = ranking.path("definition");
    h.append("<section id=\"ranking\"><h2>").append(escape(month(ranking.path("month").asText(), w))).append(' ')
        .append(escape(label(definition.path("title"), language, definition.path("id").asText()))).append("</h2>\n");
    Map<String, JsonNode> indicators = new LinkedHashMap<>();
    ranking.path("indicators").forEach(i -> indicators.put(i.path("id").asText(), i));
    String listingId = ranking.path("listing").path("indicator").asText();
    String listing = w.format("listing", label(indicators.getOrDefault(listingId, JsonNodeFactory.instance
        .objectNode()).path("label"), language, listingId), ranking.path("listing").path("atLeast").asText());
    h.append("<p class=\"method\">").append(escape(w.format("rankingMethod", label(ranking.path("byWords"), language, ""),
        label(ranking.path("methodWords"), language, ""), label(ranking.path("tiesWords"), language, ""), listing,
        label(ranking.path("tiesAtCutWords"), language, ""), ranking.path("top").asText()))).append("</p>\n");
    long listedTotal = 0;
    for (JsonNode g : ranking.path("groups")) {
      listedTotal += g.path("entries").size();
    }
    h.append("<p class=\"counts\">").append(escape(w.format("rankingCounts", grouped(new BigDecimal(ranking.path(
        "eligible").asText())), grouped(new BigDecimal(ranking.path("candidates").asText())),
        grouped(BigDecimal.valueOf(listedTotal)), grouped(new BigDecimal(ranking.path("skipped").asText())),
        status(definition.path("status").asText(), w)))).append("</p>\n");
    String by = ranking.path("by").asText();
    boolean scored = !ranking.path("method").asText().equals("lexicographic");
    boolean compared = ranking.has("comparedWith");
    String comparedMonth = compared ? month(ranking.path("comparedWith").asText(), w) : "";
    for (JsonNode g : ranking.path("groups")) {
      if (!by.equals("province")) {
        h.append("<h3>").append(escape(label(g.path("name"), language, g.path("code").asText()))).append("</h3>\n");
      }
      if (g.path("entries").isEmpty()) {
        h.append("<p>").append(escape(w.format("noneListed", grouped(new BigDecimal(g.path("eligible").asText())))))
            .append("</p>\n");
        continue;
      }
      h.append("<table class=\"top\" id=\"top-").append(escape(g.path("code").asText())).append("\">\n<thead><tr>");
      List<String> headers = new ArrayList<>(List.of(w.get("position"), w.get("employer"), w.get("creditCode"),
          w.get("industry")));
      if (!by.equals("industry")) {
        headers.add(w.get("keyIndustry"));
      }
      if (!by.equals("city")) {
        headers.add(w.get("city"));
      }
      for (JsonNode i : indicators.values()) {
        headers.add(label(i.path("label"), language, i.path("id").asText()));
        if (scored && i.path("ranked").asBoolean()) {
          headers.add(w.get("rank"));
        }
      }
      if (scored) {
        headers.add(w.get("score"));
      }
      headers.add(w.get("monthsOnList"));
      if (compared) {
        headers.add(w.format("changeAgainst", comparedMonth));
      }
      for (String header : headers) {
        h.append("<th>").append(escape(header)).append("</th>");
      }
      h.append("</tr></thead>\n<tbody>\n");
      Set<String> entered = new HashSet<>();
      g.path("entered").forEach(x -> entered.add(x.path("employerId").asText()));
      boolean chosen = false;
      for (JsonNode e : g.path("entries")) {
        chosen |= e.path("chosenAtCut").asBoolean();
        h.append("<tr><td>").append(escape(e.path("position").asText()))
            .append(e.path("chosenAtCut").asBoolean() ? "*" : "").append("</td><td class=\"name\">")
            .append(escape(e.has("name") ? e.path("name").asText() : e.path("employerId").asText()))
            .append("</td><td>").append(escape(e.path("creditCode").asText())).append("</td><td class=\"name\">")
            .append(escape(e.path("industry").path("code").asText()))
            .append(e.path("industry").has("name") ? " " + escape(e.path("industry").path("name").asText()) : "")
            .append("</td>");
        if (!by.equals("industry")) {
          h.append("<td>").append(escape(label(e.path("keyIndustry").path("name"), language,
              e.path("keyIndustry").path("id").asText()))).append("</td>");
        }
        if (!by.equals("city")) {
          h.append("<td>").append(escape(label(e.path("city").path("name"), language, ""))).append("</td>");
        }
        Map<String, JsonNode> values = new HashMap<>();
        e.path("indicators").forEach(i -> values.put(i.path("id").asText(), i));
        e.path("shown").forEach(i -> values.put(i.path("id").asText(), i));
        for (JsonNode i : indicators.values()) {
          JsonNode v = values.getOrDefault(i.path("id").asText(), JsonNodeFactory.instance.objectNode());
          JsonNode value = v.path("value");
          h.append("<td>").append(value.isMissingNode() || value.isNull() ? "–" : grouped(decimal(value)))
              .append("</td>");
          if (scored && i.path("ranked").asBoolean()) {
            h.append("<td>").append(escape(v.path("rank").asText())).append("</td>");
          }
        }
        if (scored) {
          h.append("<td>").append(escape(e.path("score").asText())).append("</td>");
        }
        h.append("<td>").append(e.path("monthsOnList").asInt()).append("</td>");
        if (compared) {
          h.append("<td>").append(escape(w.get(entered.contains(e.path("employerId").asText()) ? "entered"
              : "stayed"))).append("</td>");
        }
        h.append("</tr>\n");
      }
      h.append("</tbody>\n</table>\n");
      if (g.has("leftOutAtCut")) {
        h.append("<p>").append(escape(w.format("leftOutAtCut", g.path("leftOutAtCut").path("employers").asText(),
            g.path("leftOutAtCut").path("position").asText()))).append("</p>\n");
      }
      if (chosen) {
        h.append("<p>").append(escape(w.get("chosenAtCut"))).append("</p>\n");
      }
      if (compared) {
        h.append("<p>").append(escape(w.format("left", comparedMonth, names(g.path("left"), w)))).append("</p>\n");
      }
    }
    h.append("</section>\n");
  }

  /** Employers by name (id where there is none), separated as the language separates a list. */
  private static String names(JsonNode array, ReportWords w) {
    StringBuilder s = new StringBuilder();
    array.forEach(x -> s.append(s.length() == 0 ? "" : w.zh ? "、" : ", ").append(x.has("name")
        ? x.path("name").asText() : x.path("employerId").asText()));
    return s.length() == 0 ? w.get("nobody") : s.toString();
  }

  /** A month in the report's language: 2025年3月, or 2025-03. */
  static String month(String yearMonth, ReportWords w) {
    java.time.YearMonth m = java.time.YearMonth.parse(yearMonth);
    return w.zh ? m.getYear() + "年" + m.getMonthValue() + "月" : yearMonth;
  }

  /** A date in the report's language: 2025年1月1日, or 2025-01-01. */
  static String date(String isoDate, ReportWords w) {
    java.time.LocalDate d = java.time.LocalDate.parse(isoDate);
    return w.zh ? d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日" : isoDate;
  }

  /** A year in the report's language: 2024年, or 2024. */
  private static String year(int year, ReportWords w) {
    return w.zh ? year + "年" : String.valueOf(year);
  }

  private static String status(String status, ReportWords w) {
    return status.equals("verified") ? w.get("verified") : status.equals("provisional") ? w.get("provisional")
        : status;
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

  /** An amount in yuan shown in 万元 (ten thousand yuan): two decimals (half up), grouped. */
  static String wan(String yuan) {
    return grouped(new BigDecimal(yuan).divide(TEN_THOUSAND).setScale(2, RoundingMode.HALF_UP));
  }

  /** A percentage with its unit; an empty figure (no denominator) as a dash. */
  static String percent(String value) {
    return value.isEmpty() ? "–" : grouped(new BigDecimal(value)) + " %";
  }

  /** A rate per 1,000 workers as given; an empty figure as a dash. */
  private static String rate(String value) {
    return value.isEmpty() ? "–" : grouped(new BigDecimal(value));
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

  private static final String STYLE = """
      body { font-family: "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "PingFang SC",
        "Microsoft YaHei", sans-serif; margin: 24px; color: #222; max-width: 1100px; }
      h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; } h3 { font-size: 15px; margin-top: 18px; }
      .tables span { display: inline-block; background: #f1f3f5; padding: 2px 6px; margin: 2px 6px 2px 0;
        font-size: 13px; }
      .chart { position: relative; height: 320px; }
      table { border-collapse: collapse; font-size: 13px; margin-top: 8px; }
      th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
      th { background: #f1f3f5; } td { white-space: nowrap; }
      td.name, #totals td:nth-child(1) { text-align: left; }
      #totals td:nth-child(1) { white-space: normal; }
      p.method, p.counts, p.note, ul.assumptions { font-size: 13px; color: #444; }
      """;

  /** Collects every script error from the start, for the check at the end. */
  private static final String ERRORS = """
      window.renderErrors = [];
      addEventListener('error', e => renderErrors.push(String(e.message || e)));
      addEventListener('unhandledrejection', e => renderErrors.push(String(e.reason)));
      """;

  /**
   * Draws the charts from the inlined data; no animation, so that a screenshot shows them whole.
   * Amounts are drawn in 万元 (yuan ÷ 10,000); incidence per 1,000 workers as the data give it.
   */
  private static final String SCRIPT = """
      const data = JSON.parse(document.getElementById('data').textContent);
      const text = JSON.parse(document.getElementById('text').textContent);
      Chart.defaults.animation = false;
      Chart.defaults.maintainAspectRatio = false;
      Chart.defaults.locale = text.locale;
      Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
      const colours = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
      const wan = x => Number(x || 0) / 10000;
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
        const at = (t, c) => t.byClass.find(x => x.riskClass === c) || {};
        const income = [
          {label: text.atBenchmark, backgroundColor: '#999', data: classes.map(c => wan(at(sim.tables[0], c).incomeAtBenchmark))},
          {label: text.atCurrent, backgroundColor: '#ccc', data: classes.map(c => wan(at(sim.tables[0], c).incomeAtCurrentBand))}];
        sim.tables.forEach((t, i) => income.push({label: text.afterFloating + text.tableNames[i],
          backgroundColor: colours[i % 8], data: classes.map(c => wan(at(t, c).incomeAfterFloating))}));
        new Chart(document.getElementById('income'), {type: 'bar',
          data: {labels: classes.map(c => text.classNames[c]), datasets: income},
          options: {scales: {y: {title: {display: true, text: text.tenThousandYuan}}}}});
        const replayed = sim.tables.find(t => t.replay);
        if (replayed && document.getElementById('replay')) {
          const ys = replayed.replay.years;
          new Chart(document.getElementById('replay'), {type: 'bar', data: {labels: ys.map(y => y.year), datasets: [
            {label: text.income, backgroundColor: colours[0], data: ys.map(y => wan(y.incomeAfterFloating))},
            {label: text.payouts, backgroundColor: colours[3], data: ys.map(y => wan(y.payouts))},
            {label: text.cumulativeBalance, type: 'line', borderColor: colours[2], backgroundColor: colours[2],
              data: ys.map(y => wan(y.cumulativeBalance))}]},
            options: {scales: {y: {title: {display: true, text: text.tenThousandYuan}}}}});
        }
        if (sim.incidence) {
          const keyLines = sim.incidence.lines.filter(l => l.kind === 'keyIndustries' || l.kind === 'keyIndustry');
          const shown = keyLines.length ? keyLines : sim.incidence.lines.filter(l => l.kind === 'class');
          const years = [...new Set(shown.flatMap(l => l.years.map(y => y.year)))].sort();
          const lines = [];
          shown.forEach((l, i) => {
            const at = y => l.years.find(x => x.year === y) || {};
            const useAccidents = l.tracked === 'accidents';
            const rate = useAccidents ? 'accidentRate' : 'injuryRate';
            const target = useAccidents ? 'accidentTarget' : 'injuryTarget';
            const name = l.kind === 'class' ? text.classNames[l.code] : l.name[text.lang];
            lines.push({label: name, borderColor: colours[i % 8], backgroundColor: colours[i % 8],
              borderWidth: l.kind === 'keyIndustries' ? 4 : 2,
              data: years.map(y => at(y)[rate] ? Number(at(y)[rate]) : null)});
            lines.push({label: name + ' ' + text.target, borderColor: colours[i % 8], borderDash: [6, 4],
              pointRadius: 0, data: years.map(y => at(y)[target] ? Number(at(y)[target]) : null)});
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
