package org.ratefloat.notice;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.decision.StepTrace;
import org.ratefloat.decision.Value;
import org.ratefloat.decision.Warning;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.notice.ThresholdWords.Language;
import org.ratefloat.text.Printable;
import org.ratefloat.thresholds.Thresholds;

/**
 * The notice an employer gets (工伤保险费率浮动告知书): a self-contained, print-ready HTML page (A4, no
 * script, no network) with this year's decision, its reasons in words with the figures they rest on,
 * and the thresholds of next year's decision. A portfolio's notices go one after the other into one
 * document, each on pages of its own ({@code break-after: page}), or one document each. Text from
 * cases and tables is escaped for HTML and its control characters made visible, so a name cannot
 * change the page. Stateless.
 */
public final class Notice {
  private Notice() {}

  /**
   * One employer's notice: its decision and the thresholds of its next one, or why these could not
   * be found.
   *
   * @param decision this year's decision
   * @param thresholds the thresholds of the next decision, if found
   * @param thresholdsRefused why they could not be found, if not
   */
  public record Entry(Decision decision, Optional<Thresholds> thresholds, Optional<RateFloatException> thresholdsRefused) {
    /** Checks that no component is null. */
    public Entry {
      requireNonNull(decision, "decision");
      requireNonNull(thresholds, "thresholds");
      requireNonNull(thresholdsRefused, "thresholdsRefused");
    }

    /** An employer whose thresholds were found. */
    public static Entry of(Thresholds t) {
      return new Entry(t.decision(), Optional.of(t), Optional.empty());
    }

    /** An employer whose thresholds could not be found. */
    public static Entry without(Decision d, RateFloatException why) {
      return new Entry(d, Optional.empty(), Optional.of(why));
    }
  }

  /** A whole document of one or more notices. */
  public static String html(List<Entry> entries, RuleTable table, Language lang) {
    StringBuilder out = new StringBuilder(head(lang, entries.size() == 1 ? name(entries.get(0).decision()) : ""));
    for (Entry e : entries) {
      out.append(section(e, table, lang));
    }
    return out.append(tail()).toString();
  }

  /** The start of a document, up to its first notice. */
  public static String head(Language lang, String employer) {
    boolean zh = lang == Language.zh;
    String title = (zh ? "工伤保险费率浮动告知书" : "Notice of the work-injury insurance rate")
        + (employer.isEmpty() ? "" : " — " + employer);
    return "<!DOCTYPE html>\n<html lang=\"" + (zh ? "zh-CN" : "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + esc(title)
        + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n";
  }

  /** The end of a document. */
  public static String tail() {
    return "</body>\n</html>\n";
  }

  private static String name(Decision d) {
    return d.input().employer().name().isEmpty() ? d.input().employer().id() : d.input().employer().name();
  }

  /** One employer's notice, a section of its own pages. */
  public static String section(Entry e, RuleTable table, Language lang) {
    boolean zh = lang == Language.zh;
    Decision d = e.decision();
    var employer = d.input().employer();
    StringBuilder s = new StringBuilder("<section class=\"notice\" data-employer=\"").append(esc(employer.id()))
        .append("\">\n");
    s.append("<h1>").append(zh ? "工伤保险费率浮动告知书" : "Notice of the work-injury insurance rate").append("</h1>\n");
    s.append("<p class=\"to\">").append(zh ? "致：" : "To: ").append("<strong>").append(esc(name(d)))
        .append("</strong>");
    StringBuilder ids = new StringBuilder(zh ? "单位编号 " : "employer ").append(esc(employer.id()));
    employer.creditCode().ifPresent(c -> ids.append(zh ? "，统一社会信用代码 " : ", unified social credit code ")
        .append(esc(c)));
    employer.region().ifPresent(r -> ids.append(zh ? "，行政区划 " : ", region ").append(esc(r)));
    s.append(zh ? "（" + ids + "）" : " (" + ids + ")").append("</p>\n");
    s.append("<p>").append(esc(zh ? "根据" + table.title("zh") + "（" + table.id() + " " + table.version() + "），现将贵单位 "
        + d.asOf() + " 的工伤保险费率浮动结果及下一次浮动的条件告知如下。"
        : "Under " + table.title("en") + " (" + table.id() + " " + table.version() + "), this notice gives your rate as of "
            + d.asOf() + ", why, and what next year's figures would give.")).append("</p>\n");

    s.append("<h2>").append(zh ? "一、本次浮动结果" : "1. This year's decision").append("</h2>\n<table class=\"facts\">\n");
    row(s, zh ? "行业" : "Industry", d.industry().edition().label() + " " + d.industry().code());
    row(s, zh ? "风险类别" : "Risk class", String.valueOf(d.riskClass()));
    row(s, zh ? "基准费率" : "Benchmark rate", ThresholdWords.percent(d.benchmark()));
    row(s, zh ? "原档次" : "Previous band", (zh ? "基准费率的 " : "") + ThresholdWords.band(d.previousBand().multiplier())
        + (zh ? "" : " of the benchmark"));
    row(s, zh ? "浮动后档次" : "New band", (zh ? "基准费率的 " : "") + ThresholdWords.band(d.newBand().multiplier())
        + (zh ? "" : " of the benchmark") + " (" + offset(d.newBand().offset(), lang) + ")");
    rowStrong(s, zh ? "浮动后费率" : "New rate", ThresholdWords.percent(d.rate()));
    d.premium().ifPresent(p -> row(s, zh ? "应缴工伤保险费" : "Premium", ThresholdWords.number(p.amount(), true)
        + (zh ? " 元（工资总额 " : " (payroll ") + ThresholdWords.number(p.payroll(), true) + (zh ? " 元）" : ")")));
    for (org.ratefloat.decision.Amount a : d.amounts()) {
      row(s, zh ? "附加金额" : "Amount added", ThresholdWords.number(a.amount(), true) + " " + a.currency());
    }
    s.append("</table>\n");

    s.append("<h2>").append(zh ? "二、浮动理由" : "2. Why").append("</h2>\n");
    Map<String, String> labels = new HashMap<>();
    table.indicators().forEach(p -> labels.put(p.id(), p.label(lang.name())));
    table.steps().forEach(p -> labels.put("step:" + p.id(), p.label(lang.name())));
    s.append("<ol class=\"reasons\">\n");
    int fired = 0;
    for (StepTrace st : d.steps()) {
      if (st.outcome() != org.ratefloat.decision.StepTrace.Outcome.FIRED) {
        continue;
      }
      fired++;
      s.append("<li>").append(esc(labels.getOrDefault("step:" + st.step(), st.step()))).append(zh ? "：" : ": ")
          .append(esc(effect(st.effect(), lang))).append("</li>\n");
    }
    if (fired == 0) {
      s.append("<li>").append(zh ? "没有规则改变档次，执行基准费率档。" : "No rule moved the band: the benchmark band applies.")
          .append("</li>\n");
    }
    s.append("</ol>\n");
    if (!d.indicators().isEmpty()) {
      s.append("<p class=\"small\">").append(zh ? "依据的数据：" : "The figures these rest on:").append("</p>\n")
          .append("<table class=\"figures\">\n");
      for (IndicatorValue v : d.indicators()) {
        String period = v.from().map(f -> f + (zh ? " 至 " : " to ") + v.to().orElseThrow()).orElse("");
        s.append("<tr><td>").append(esc(labels.getOrDefault(v.id(), v.id()))).append("</td><td class=\"num\">")
            .append(esc(shown(v.value(), zh))).append("</td><td class=\"small\">").append(esc(period))
            .append("</td></tr>\n");
      }
      s.append("</table>\n");
    }

    s.append("<h2>").append(zh ? "三、下一次浮动的条件" : "3. What next year's figures would give").append("</h2>\n");
    if (e.thresholds().isPresent()) {
      Thresholds t = e.thresholds().get();
      s.append("<p>").append(esc(ThresholdWords.nextDecision(t, lang))).append("</p>\n");
      s.append("<p class=\"headline\">").append(esc(ThresholdWords.headline(t, table, lang))).append("</p>\n");
      s.append("<table class=\"reaches\">\n<tr><th>").append(zh ? "下次浮动结果" : "Outcome").append("</th><th>")
          .append(zh ? "明年情况（满足其中一项即可）" : "Next year's figures (any one line)").append("</th></tr>\n");
      for (Map.Entry<String, List<String>> r : ThresholdWords.outcomes(t, table, lang).entrySet()) {
        s.append("<tr><td>").append(esc(r.getKey())).append("</td><td><ul>");
        for (String c : r.getValue()) {
          s.append("<li>").append(esc(c)).append("</li>");
        }
        s.append("</ul></td></tr>\n");
      }
      s.append("</table>\n");
      ThresholdWords.lastYear(t, lang).ifPresent(x -> s.append("<p class=\"small\">").append(esc(x)).append("</p>\n"));
      s.append("<p class=\"small\">").append(zh ? "以上按下列假设计算：" : "Assumed for the coming period:")
          .append("</p>\n<ul class=\"small\">");
      for (String a : ThresholdWords.assumptions(t, lang)) {
        s.append("<li>").append(esc(a)).append("</li>");
      }
      s.append("</ul>\n");
      for (String x : ThresholdWords.notCounted(t, lang)) {
        s.append("<p class=\"small\">").append(esc(x)).append("</p>\n");
      }
      for (String x : ThresholdWords.notInvertible(t, lang)) {
        s.append("<p class=\"warn\">").append(esc(x)).append("</p>\n");
      }
    } else {
      RateFloatException why = e.thresholdsRefused().orElseThrow();
      s.append("<p class=\"warn\">").append(esc((zh ? "下一次浮动的条件无法计算：" : "The thresholds could not be found: ")
          + why.code() + " " + why.detail())).append("</p>\n");
    }

    s.append("<h2>").append(zh ? "四、说明" : "4. Notes").append("</h2>\n<ul class=\"small\">\n");
    for (Warning w : d.warnings()) {
      s.append("<li>").append(esc(zh ? w.zh() : w.en())).append("</li>\n");
    }
    s.append("<li>").append(esc(zh ? "本告知书依据费率表 " + table.id() + " " + table.version() + "（"
        + ThresholdWords.status(table.status()) + "，SHA-256 " + d.table().sha256().substring(0, 16) + "…）由 "
        + d.library() + " 计算；决定记录可用 ratefloat verify 复核。"
        : "Computed by " + d.library() + " with rule table " + table.id() + " " + table.version() + " ("
            + table.status().jsonName() + ", SHA-256 " + d.table().sha256().substring(0, 16) + "…); the decision record can be "
            + "checked with ratefloat verify.")).append("</li>\n</ul>\n");
    s.append("</section>\n");
    return s.toString();
  }

  private static void row(StringBuilder s, String label, String value) {
    s.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
  }

  private static void rowStrong(StringBuilder s, String label, String value) {
    s.append("<tr><th>").append(esc(label)).append("</th><td><strong>").append(esc(value)).append("</strong></td></tr>\n");
  }

  /** A band as an offset in words: the benchmark band, one band up, two bands down. */
  static String offset(int o, Language lang) {
    boolean zh = lang == Language.zh;
    if (o == 0) {
      return zh ? "基准档" : "the benchmark band";
    }
    String n = Math.abs(o) == 1 ? (zh ? "一" : "one") : Math.abs(o) == 2 ? (zh ? "两" : "two")
        : String.valueOf(Math.abs(o));
    return zh ? (o > 0 ? "上浮" : "下浮") + n + "档" : n + " band" + (Math.abs(o) == 1 ? "" : "s") + (o > 0 ? " up" : " down");
  }

  private static final Pattern BAND = Pattern.compile("band ([+-]?\\d+) -> ([+-]?\\d+)( \\(clamped.*\\))?");
  private static final Pattern RATE = Pattern.compile("rate ([0-9.]+) -> ([0-9.]+)(.*)");

  /** A step's effect as the record writes it, in words. */
  static String effect(String effect, Language lang) {
    boolean zh = lang == Language.zh;
    Matcher b = BAND.matcher(effect);
    if (b.matches()) {
      String from = offset(Integer.parseInt(b.group(1)), lang);
      String to = offset(Integer.parseInt(b.group(2)), lang);
      return zh ? "由" + from + "调整为" + to : "from " + from + " to " + to;
    }
    Matcher r = RATE.matcher(effect);
    if (r.matches()) {
      return zh ? "费率由 " + r.group(1) + "% 调整为 " + r.group(2) + "%" : "the rate from " + r.group(1) + " % to "
          + r.group(2) + " %";
    }
    if (effect.equals("none")) {
      return zh ? "维持不变" : "no change";
    }
    if (effect.startsWith("rate x ")) {
      return (zh ? "费率乘以 " : "the rate times ") + effect.substring("rate x ".length());
    }
    if (effect.startsWith("rate points ")) {
      return (zh ? "费率加 " : "the rate plus ") + effect.substring("rate points ".length())
          + (zh ? " 个百分点" : " percentage points");
    }
    if (effect.startsWith("amount ")) {
      return (zh ? "加收 " : "an amount of ") + effect.substring("amount ".length());
    }
    return effect;
  }

  /** A value as a notice shows it: decimals as they are, an exact fraction to two places (≈). */
  private static String shown(Value v, boolean zh) {
    if (v instanceof Value.Fraction f) {
      return "≈ " + new BigDecimal(f.numerator()).divide(new BigDecimal(f.denominator()), 2, RoundingMode.HALF_UP)
          .toPlainString();
    }
    if (v instanceof Value.Bool b) {
      return zh ? (b.value() ? "是" : "否") : (b.value() ? "yes" : "no");
    }
    return v.render();
  }

  /** Text for HTML: control characters made visible (as an error line shows them), then escaped. */
  static String esc(String s) {
    return Printable.escape(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static final String STYLE = """
      @page { size: A4; margin: 18mm 16mm; }
      body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Noto Sans",
        sans-serif; color: #111; font-size: 10.5pt; line-height: 1.55; margin: 0; background: #e9ecef; }
      .notice { background: #fff; width: 178mm; margin: 10mm auto; padding: 16mm 16mm; box-sizing: content-box;
        break-after: page; page-break-after: always; }
      .notice:last-of-type { break-after: auto; page-break-after: auto; }
      h1 { text-align: center; font-size: 17pt; letter-spacing: 0.1em; margin: 0 0 8mm; }
      h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
      table { border-collapse: collapse; width: 100%; margin: 2mm 0; break-inside: avoid; }
      th, td { border: 1px solid #aaa; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
      table.facts th { width: 32%; background: #f3f4f6; font-weight: normal; }
      table.reaches th { background: #f3f4f6; } table.reaches td:first-child { width: 34%; }
      table.reaches ul { margin: 0; padding-left: 4mm; }
      td.num { text-align: right; white-space: nowrap; }
      p.headline { font-weight: bold; border-left: 3px solid #1f4e79; padding: 1mm 3mm; background: #f5f8fb; }
      .small { font-size: 9pt; color: #333; }
      p.warn { color: #8a1c1c; }
      @media print {
        body { background: none; }
        .notice { width: auto; margin: 0; padding: 0; box-shadow: none; }
      }
      @media screen { .notice { box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); } }
      """;
}
