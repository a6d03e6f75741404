package org.ratefloat.notice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ratefloat.RuleTable;
import org.ratefloat.model.Measure;
import org.ratefloat.thresholds.Assumption;
import org.ratefloat.thresholds.Box;
import org.ratefloat.thresholds.Interval;
import org.ratefloat.thresholds.NotInvertible;
import org.ratefloat.thresholds.Outcome;
import org.ratefloat.thresholds.Quantity;
import org.ratefloat.thresholds.Reach;
import org.ratefloat.thresholds.Thresholds;
import org.ratefloat.thresholds.Variable;

/**
 * The thresholds in plain words, Chinese or English: the sentence an employer acts on ("明年工伤保险
 * 基金支付不超过 X 元且工伤人数不超过 N 人，费率可降至 …"), each outcome with its conditions, what is
 * assumed, and what does not count. Amounts to the fen with thousands separators whatever the
 * machine's locale, counts whole. Stateless.
 */
public final class ThresholdWords {
  private ThresholdWords() {}

  /** The languages of an account. */
  public enum Language {
    /** Chinese. */
    zh,
    /** English. */
    en
  }

  /** The whole account, one line after the other (for a terminal; escape it before printing). */
  public static String account(Thresholds t, RuleTable table, Language lang) {
    boolean zh = lang == Language.zh;
    StringBuilder out = new StringBuilder();
    String name = t.decision().input().employer().name();
    out.append(zh ? "明年费率浮动的门槛：" : "Thresholds of next year's floating: ").append(t.decision().input().employer().id())
        .append(name.isEmpty() ? "" : " " + name).append('\n');
    out.append(zh ? "费率表：" : "Rule table: ").append(table.title(lang.name())).append(zh ? "（" : " (")
        .append(table.id()).append(' ').append(table.version()).append(zh ? "，" : ", ")
        .append(zh ? status(table.status()) : table.status().jsonName()).append(zh ? "）\n" : ")\n");
    out.append(thisYear(t, lang)).append('\n');
    out.append(nextDecision(t, lang)).append('\n');
    out.append('\n').append(headline(t, table, lang)).append('\n');
    out.append('\n').append(zh ? "各档次的条件：" : "What gives each outcome:").append('\n');
    for (Map.Entry<String, List<String>> e : outcomes(t, table, lang).entrySet()) {
      out.append("  ").append(e.getKey()).append(zh ? "：" : ":").append('\n');
      for (String box : e.getValue()) {
        out.append("    - ").append(box).append('\n');
      }
    }
    out.append('\n').append(zh ? "假设（明年）：" : "Assumed for the coming period:").append('\n');
    for (String a : assumptions(t, lang)) {
      out.append("  ").append(a).append('\n');
    }
    for (String q : notCounted(t, lang)) {
      out.append(q).append('\n');
    }
    lastYear(t, lang).ifPresent(s -> out.append(s).append('\n'));
    for (String n : notInvertible(t, lang)) {
      out.append(n).append('\n');
    }
    if (table.status() == org.ratefloat.decision.TableStatus.PROVISIONAL) {
      out.append(zh ? "提示：本费率表为暂定参数，门槛随之为暂定。" : "Note: the rule table is provisional, and so are these thresholds.")
          .append('\n');
    }
    return out.toString();
  }

  /** This year's decision in one sentence. */
  public static String thisYear(Thresholds t, Language lang) {
    var d = t.decision();
    return lang == Language.zh
        ? "本次决定（" + d.asOf() + "）：风险类别 " + d.riskClass() + "，基准费率 " + percent(d.benchmark())
            + "，浮动至基准费率的 " + band(d.newBand().multiplier()) + "，费率 " + percent(d.rate()) + "。"
        : "This decision (" + d.asOf() + "): risk class " + d.riskClass() + ", benchmark " + percent(d.benchmark())
            + ", band " + band(d.newBand().multiplier()) + " of the benchmark, rate " + percent(d.rate()) + ".";
  }

  /** The next decision's date and period. */
  public static String nextDecision(Thresholds t, Language lang) {
    return lang == Language.zh
        ? "下次决定：" + t.asOf() + "，依据 " + t.periodFrom() + " 至 " + t.periodTo() + " 的情况，当前档次为基准费率的 "
            + band(t.currentBand().multiplier()) + "。"
        : "Next decision: " + t.asOf() + ", on the period " + t.periodFrom() + " to " + t.periodTo()
            + ", from the current band " + band(t.currentBand().multiplier()) + ".";
  }

  /**
   * The sentence an employer acts on: the conditions of the best outcome and what it gives, and the
   * step that stops it going further (the limit on moves), if one does.
   */
  public static String headline(Thresholds t, RuleTable table, Language lang) {
    boolean zh = lang == Language.zh;
    Optional<Reach> best = t.best();
    if (best.isEmpty()) {
      Outcome.Refused r = (Outcome.Refused) t.reaches().get(0).outcome();
      return zh ? "费率表不能决定明年的费率（" + r.code() + "：" + r.message() + "）。"
          : "The rule table cannot decide next year's rate (" + r.code() + ": " + r.message() + ").";
    }
    Reach b = best.get();
    Outcome.Decided o = (Outcome.Decided) b.outcome();
    int cmp = o.rate().compareTo(t.decision().rate());
    String verb = zh ? (cmp < 0 ? "费率可降至 " : cmp == 0 ? "费率可维持在 " : "费率最低为 ")
        : cmp < 0 ? "the rate can fall to " : cmp == 0 ? "the rate can stay at " : "the rate is at least ";
    String what = verb + rateWords(o, lang);
    List<String> alternatives = new ArrayList<>();
    for (Box box : b.boxes()) {
      alternatives.add(conditions(box, t, lang));
    }
    String limit = b.limitedBy().isEmpty() ? "" : (zh ? "；受“" + stepLabels(b.limitedBy(), table, lang) + "”所限，不能更低"
        : "; it cannot go lower because of: " + stepLabels(b.limitedBy(), table, lang));
    if (!b.limitedBy().isEmpty() || t.reaches().size() > 1) {
      boolean others = t.reaches().stream().anyMatch(r -> r.outcome() instanceof Outcome.Decided x
          && !x.amountRows().isEmpty());
      if (others && o.amountRows().isEmpty()) {
        what += zh ? "，且不加收附加金额" : ", with no amount added";
      }
    }
    if (alternatives.size() == 1 && alternatives.get(0).isEmpty()) {
      String only = (zh ? "费率均为 " : "the rate will be ") + rateWords(o, lang);
      return zh ? "无论明年情况如何，" + only + limit + "。" : "Whatever next year's figures, " + only + limit + ".";
    }
    String conds = String.join(zh ? "，或" : "; or with ", alternatives);
    return zh ? "明年" + conds + "，" + what + limit + "。"
        : "Next year, with " + conds + ", " + what + limit + ".";
  }

  /**
   * Each outcome (by its words) and the conditions of each of its boxes; the last, with others before
   * it, is "any other figures".
   */
  public static Map<String, List<String>> outcomes(Thresholds t, RuleTable table, Language lang) {
    boolean zh = lang == Language.zh;
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<Reach> reaches = t.reaches();
    for (int i = 0; i < reaches.size(); i++) {
      Reach r = reaches.get(i);
      List<String> boxes = new ArrayList<>();
      boolean last = i == reaches.size() - 1 && i > 0 && r.outcome() instanceof Outcome.Decided && r.boxes().size() > 2;
      if (last) {
        boxes.add(zh ? "其余情况" : "any other figures");
      } else {
        for (Box box : r.boxes()) {
          String c = conditions(box, t, lang);
          boxes.add(c.isEmpty() ? (zh ? "任何情况" : "whatever the figures") : c);
        }
      }
      out.put(outcomeWords(r.outcome(), table, lang), boxes);
    }
    return out;
  }

  /** An outcome in words: the rate and band, money added, or the refusal. */
  public static String outcomeWords(Outcome o, RuleTable table, Language lang) {
    boolean zh = lang == Language.zh;
    if (o instanceof Outcome.Decided d) {
      String s = (zh ? "费率 " : "rate ") + rateWords(d, lang);
      if (!d.amountRows().isEmpty()) {
        s += zh ? "，另加收附加金额（" + String.join("、", d.amountRows()) + "）"
            : ", with an amount added (" + String.join(", ", d.amountRows()) + ")";
      }
      return s;
    }
    Outcome.Refused r = (Outcome.Refused) o;
    return zh ? "费率表不能决定（" + r.code() + "）" : "the rule table cannot decide (" + r.code() + ")";
  }

  private static String rateWords(Outcome.Decided d, Language lang) {
    return percent(d.rate()) + (lang == Language.zh ? "（基准费率的 " + band(d.band().multiplier()) + "）"
        : " (" + band(d.band().multiplier()) + " of the benchmark)");
  }

  /** The conditions of a box on the quantities it bounds, joined by "and"; empty when it bounds none. */
  public static String conditions(Box box, Thresholds t, Language lang) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Variable, Interval> e : box.bounds().entrySet()) {
      Quantity q = quantity(t, e.getKey());
      String c = condition(q, e.getValue(), t.jurisdiction(), lang);
      if (!c.isEmpty()) {
        parts.add(c);
      }
    }
    return String.join(lang == Language.zh ? "且" : " and ", parts);
  }

  private static Quantity quantity(Thresholds t, Variable v) {
    return t.quantities().stream().filter(q -> q.variable().equals(v)).findFirst().orElseThrow();
  }

  /** A quantity's value as the words show it: money to the fen, others to the quantity's unit. */
  static String value(Quantity q, BigDecimal x) {
    boolean money = q.variable() instanceof Variable.OfMeasure m && m.measure().kind() == Measure.Kind.AMOUNT;
    return number(x, money ? 2 : Math.max(0, q.unit().stripTrailingZeros().scale()));
  }

  /** One quantity's interval in words; empty when it is the quantity's whole range. */
  static String condition(Quantity q, Interval in, String jurisdiction, Language lang) {
    boolean zh = lang == Language.zh;
    Variable v = q.variable();
    boolean money = v instanceof Variable.OfMeasure m && m.measure().kind() == Measure.Kind.AMOUNT;
    String label = label(v, lang);
    String unit = unit(v, jurisdiction, lang);
    // a bound at the least value the quantity can take bounds nothing
    Optional<BigDecimal> lo = in.lower().filter(l -> q.least().isEmpty() || l.compareTo(q.least().get()) != 0);
    Optional<BigDecimal> hi = in.upper();
    if (lo.isEmpty() && hi.isEmpty()) {
      return "";
    }
    if (lo.isPresent() && hi.isPresent() && lo.get().compareTo(hi.get()) == 0 || lo.isEmpty() && hi.isPresent()
        && q.least().isPresent() && hi.get().compareTo(q.least().get()) == 0) {
      BigDecimal x = hi.get();
      return zh ? label + "为 " + value(q, x) + unit : label + " exactly " + value(q, x) + unit;
    }
    if (lo.isEmpty()) {
      return zh ? label + "不超过 " + value(q, hi.get()) + unit : label + " at most " + value(q, hi.get()) + unit;
    }
    if (money) {
      // money "more than" the last fen below: more than 0.00 rather than at least 0.01
      String above = number(lo.get().subtract(q.unit()), true);
      if (hi.isEmpty()) {
        return zh ? label + "超过 " + above + unit : label + " more than " + above + unit;
      }
      return zh ? label + "超过 " + above + unit + "但不超过 " + value(q, hi.get()) + unit
          : label + " more than " + above + unit + " and at most " + value(q, hi.get()) + unit;
    }
    if (hi.isEmpty()) {
      return zh ? label + "不少于 " + value(q, lo.get()) + unit : label + " at least " + value(q, lo.get()) + unit;
    }
    return zh ? label + "为 " + value(q, lo.get()) + " 至 " + value(q, hi.get()) + unit
        : label + " from " + value(q, lo.get()) + " to " + value(q, hi.get()) + unit;
  }

  /** A quantity's name in words. */
  public static String label(Variable v, Language lang) {
    boolean zh = lang == Language.zh;
    if (v instanceof Variable.OfMeasure m) {
      return switch (m.measure()) {
        case BENEFITS_PAID -> zh ? "工伤保险基金支付" : "benefits paid by the fund";
        case INJURIES -> zh ? "工伤人数" : "workers injured";
        case ACCIDENTS -> zh ? "工伤事故起数" : "work-injury accidents";
        case DEATHS -> zh ? "工亡人数" : "work-related deaths";
        case OCCUPATIONAL_DISEASE_CASES -> zh ? "职业病人数" : "occupational-disease cases";
        case MAX_DEATHS_SINGLE_ACCIDENT -> zh ? "单次事故最多死亡人数" : "most deaths in one accident";
        case MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT -> zh ? "单次事故最多重伤人数" : "most serious injuries in one accident";
        case PAYROLL, PREMIUMS_PAID, PREMIUMS_AT_BENCHMARK, AVERAGE_HEADCOUNT -> measure(m.measure(), lang);
      };
    }
    if (v instanceof Variable.DisabilityGrades g) {
      String grades = g.from() == g.to() ? String.valueOf(g.from()) : g.from() + (zh ? " 至 " : "–") + g.to();
      return zh ? "伤残 " + grades + " 级人数" : "disability cases of grade " + grades;
    }
    return ((Variable.CustomValue) v).valueName();
  }

  /** An assumed figure's name in words. */
  public static String measure(Measure m, Language lang) {
    boolean zh = lang == Language.zh;
    return switch (m) {
      case PAYROLL -> zh ? "工资总额" : "payroll";
      case PREMIUMS_PAID -> zh ? "实缴工伤保险费" : "premiums paid";
      case PREMIUMS_AT_BENCHMARK -> zh ? "按基准费率应缴保费" : "premiums at the benchmark";
      case AVERAGE_HEADCOUNT -> zh ? "平均职工人数" : "average headcount";
      default -> label(org.ratefloat.thresholds.Variable.of(m), lang);
    };
  }

  /** The unit after a number of a quantity: the currency of money, 人 of people (nothing in English but for money). */
  static String unit(Variable v, String jurisdiction, Language lang) {
    boolean zh = lang == Language.zh;
    if (v instanceof Variable.OfMeasure m) {
      if (m.measure().kind() == Measure.Kind.AMOUNT) {
        return currency(jurisdiction, lang);
      }
      if (m.measure() == Measure.ACCIDENTS) {
        return zh ? " 起" : "";
      }
      return zh ? " 人" : "";
    }
    if (v instanceof Variable.DisabilityGrades) {
      return zh ? " 人" : "";
    }
    return "";
  }

  /** The money of a jurisdiction in words: 元 for China, else the currency's name. */
  static String currency(String jurisdiction, Language lang) {
    boolean zh = lang == Language.zh;
    String country = jurisdiction.length() >= 2 ? jurisdiction.substring(0, 2) : "";
    return switch (country) {
      case "CN" -> zh ? " 元" : " yuan";
      case "JP" -> zh ? " 日元" : " yen";
      case "US" -> zh ? " 美元" : " dollars";
      case "DE" -> zh ? " 欧元" : " euros";
      default -> "";
    };
  }

  /** What is assumed of the coming period, one line each, and that the rest stays as it is. */
  public static List<String> assumptions(Thresholds t, Language lang) {
    boolean zh = lang == Language.zh;
    List<String> out = new ArrayList<>();
    for (Assumption a : t.assumptions()) {
      boolean money = a.measure().kind() == Measure.Kind.AMOUNT;
      String value = a.value().map(v -> number(v, money) + (money ? currency(t.jurisdiction(), lang)
          : zh ? " 人" : "")).orElse(zh ? "未知" : "not known");
      String basis = switch (a.basis()) {
        case LAST_YEAR -> zh ? "按上年" : "as last year";
        case LAST_PERIOD -> zh ? "按最近一期，上一年的数据不完整" : "as the last period; the last year is not covered whole";
        case AT_NEW_RATE -> zh ? "工资总额 × 本次决定的费率 " + percent(t.decision().rate())
            : "payroll × this decision's rate " + percent(t.decision().rate());
        case AT_BENCHMARK -> zh ? "工资总额 × 基准费率 " + percent(t.decision().benchmark())
            : "payroll × the benchmark " + percent(t.decision().benchmark());
        case GIVEN -> zh ? "按给定" : "as given";
        case UNKNOWN -> zh ? "历史数据未提供" : "the history does not give it";
      };
      out.add(measure(a.measure(), lang) + (zh ? " " : " ") + value + (zh ? "（" + basis + "）" : " (" + basis + ")"));
    }
    for (Quantity q : t.quantities()) {
      if (q.role() == Quantity.Role.HELD) {
        out.add(label(q.variable(), lang) + " " + value(q, q.heldAt()) + unit(q.variable(), t.jurisdiction(), lang)
            + (zh ? "（给定，不作变动）" : " (held, not varied)"));
      }
    }
    out.add(zh ? "单位状态（欠费、安全生产标准化等）和以往各期数据不变。"
        : "The employer's status (arrears, certificates …) and the earlier periods stay as they are.");
    return out;
  }

  /** The quantities that do not count next year, and why. */
  public static List<String> notCounted(Thresholds t, Language lang) {
    boolean zh = lang == Language.zh;
    List<String> notRead = new ArrayList<>();
    List<String> later = new ArrayList<>();
    for (Quantity q : t.quantities()) {
      if (q.role() == Quantity.Role.NOT_READ) {
        notRead.add(label(q.variable(), lang));
      } else if (q.role() == Quantity.Role.OUTSIDE_WINDOW) {
        later.add(label(q.variable(), lang));
      }
    }
    List<String> out = new ArrayList<>();
    if (!later.isEmpty()) {
      out.add(zh ? String.join("、", later) + "不影响明年的浮动：费率表只读取更早期间的这些数据，明年的数字要在以后的决定中才起作用。"
          : capital(and(later)) + " do not enter next year's decision: the table reads them only over earlier"
              + " periods, so next year's figures count in a later decision.");
    }
    if (!notRead.isEmpty()) {
      out.add(zh ? String.join("、", notRead) + "不影响明年的浮动（费率表在明年的决定中不读取）。"
          : capital(and(notRead)) + " do not enter next year's decision (the table does not read them).");
    }
    return out;
  }

  /** Last year's figures of the quantities varied, for comparison. */
  public static Optional<String> lastYear(Thresholds t, Language lang) {
    boolean zh = lang == Language.zh;
    List<String> parts = new ArrayList<>();
    for (Quantity q : t.quantities()) {
      if (q.role() == Quantity.Role.VARIED && q.lastYear().isPresent()) {
        parts.add(label(q.variable(), lang) + " " + value(q, q.lastYear().get())
            + unit(q.variable(), t.jurisdiction(), lang));
      }
    }
    return parts.isEmpty() ? Optional.empty()
        : Optional.of((zh ? "上年实际：" : "Last year: ") + String.join(zh ? "，" : ", ", parts) + (zh ? "。" : "."));
  }

  /** The indicators left uninverted, if any. */
  public static List<String> notInvertible(Thresholds t, Language lang) {
    boolean zh = lang == Language.zh;
    List<String> out = new ArrayList<>();
    for (NotInvertible n : t.notInvertible()) {
      out.add(zh ? "注意：指标 " + n.indicator() + " 无法精确反推（" + reason(n.reason(), lang) + "），上述边界未计入它的变化。"
          : "Note: indicator " + n.indicator() + " cannot be inverted exactly (" + n.detail()
              + "); the bounds above do not account for it.");
    }
    return out;
  }

  private static String and(List<String> items) {
    return items.size() == 1 ? items.get(0)
        : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static String reason(NotInvertible.Reason r, Language lang) {
    boolean zh = lang == Language.zh;
    return switch (r) {
      case QUANTITY_IN_DENOMINATOR -> zh ? "变动的数量在比率的分母中" : "a varied quantity is in a ratio's denominator";
      case PRODUCT_OF_VARYING -> zh ? "两个随之变动的数相乘" : "two varying values are multiplied";
      case VARYING_DIVISOR -> zh ? "除数随之变动" : "the divisor varies";
      case TOO_MANY_STEPS -> zh ? "取值过多" : "it takes too many values";
      case SEVERAL_QUANTITIES -> zh ? "同时读取多个变动的数量，区域不是矩形" : "it reads several varied quantities: the region is not a box";
      case UNSUPPORTED_KIND -> zh ? "该类指标不作反推" : "its kind is not inverted";
    };
  }

  private static String stepLabels(List<String> ids, RuleTable table, Language lang) {
    List<String> labels = new ArrayList<>();
    for (String id : ids) {
      labels.add(table.steps().stream().filter(p -> p.id().equals(id)).findFirst().map(p -> p.label(lang.name()))
          .orElse(id));
    }
    return String.join(lang == Language.zh ? "”“" : "; ", labels);
  }

  static String status(org.ratefloat.decision.TableStatus status) {
    return switch (status) {
      case VERIFIED -> "已核实";
      case PROVISIONAL -> "暂定";
    };
  }

  /** A rate in percent, without trailing zeros: {@code 1.95%}. */
  public static String percent(BigDecimal rate) {
    BigDecimal s = rate.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString() + "%";
  }

  /** A band multiplier as a percentage of the benchmark: 1.2 is {@code 120%}. */
  public static String band(BigDecimal multiplier) {
    return percent(multiplier.movePointRight(2));
  }

  /** Money to the fen (or finer where it is), or a count, with thousands separators whatever the machine's locale. */
  public static String number(BigDecimal x, boolean money) {
    return number(x, money ? 2 : 0);
  }

  /** A number with at least {@code places} decimals (more where it has them), thousands separated. */
  static String number(BigDecimal x, int places) {
    BigDecimal s = x.stripTrailingZeros();
    if (s.scale() < places) {
      s = s.setScale(places);
    }
    String plain = s.abs().toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        out.append(',');
      }
      out.append(whole.charAt(i));
    }
    return (s.signum() < 0 ? "-" : "") + out + (dot < 0 ? "" : plain.substring(dot));
  }
}
