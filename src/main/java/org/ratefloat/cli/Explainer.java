package org.ratefloat.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ratefloat.text.Catalogue;
import org.ratefloat.text.Glossary;
import org.ratefloat.text.Language;
import org.ratefloat.text.Message;
import org.ratefloat.text.Printable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.ratefloat.RuleTable;
import org.ratefloat.Verification;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.decision.StepTrace;
import org.ratefloat.decision.Warning;
import org.ratefloat.error.ErrorCode;

/** A readable account of a decision in Chinese or English, with the table's own labels. */
final class Explainer {
  private Explainer() {}

  /**
   * The account of a decision, every line fit for a terminal: text from the case and the tables (a
   * name, a label, a version) is escaped as error lines are, so an account cannot drive the terminal.
   */
  static String explain(Decision d, RuleTable table, Language language) {
    return Printable.escapeLines(account(d, table, language));
  }

  private static String account(Decision d, RuleTable table, Language language) {
    Words w = new Words(language, table);
    StringBuilder out = new StringBuilder();
    String name = d.input().employer().name().isEmpty() ? "" : " " + d.input().employer().name();
    w.line(out, "account.decision", "employer", d.input().employer().id() + name);
    w.line(out, "account.table", "title", table.title(language.tag()), "id", table.id(), "version", table.version(),
        "status", w.status(table.status().jsonName()), "sha", d.table().sha256().substring(0, 16));
    for (org.ratefloat.decision.TableRef r : d.tables()) {
      if (r.role().equals("reference")) {
        w.line(out, "account.reference", "id", r.id(), "version", r.version(), "status", w.status(r.status().jsonName()),
            "sha", r.sha256().substring(0, 16));
      }
    }
    w.line(out, "account.asOf", "date", d.asOf());
    w.line(out, "account.industry", "edition", d.industry().edition().label(), "code", d.industry().code(),
        "class", d.riskClass(), "source", w.term("classSource." + d.classSource().jsonName(), d.classSource().jsonName()));
    w.line(out, "account.benchmark", "benchmark", d.benchmark());
    w.line(out, "account.bands", "previous", band(d.previousBand().multiplier()), "new", band(d.newBand().multiplier()),
        "offset", w.offset(d.newBand().offset()));
    w.line(out, "account.rate", "rate", d.rate(), "rounding", d.rateRounding());
    d.premium().ifPresent(p -> w.line(out, "account.premium", "amount", p.amount(), "payroll", p.payroll()));
    for (org.ratefloat.decision.Amount a : d.amounts()) {
      w.line(out, "account.amount", "amount", a.amount(), "currency", a.currency(), "step", a.step(), "row", a.row(),
          "indicator", a.indicator().map(i -> w.say("account.amount.indicator", "indicator", w.zh ? w.label(i) : i))
              .orElse(""));
    }
    if (!table.worksheet().isEmpty()) {
      Map<String, IndicatorValue> values = new HashMap<>();
      d.indicators().forEach(v -> values.put(v.id(), v));
      out.append('\n');
      w.line(out, "account.worksheet");
      for (RuleTable.WorksheetLine line : table.worksheet()) {
        IndicatorValue v = values.get(line.indicator());
        out.append(String.format(java.util.Locale.ROOT, "  (%s) ", line.line()))
            .append(w.label(line.indicator())).append(" = ")
            .append(v == null ? w.say("account.notComputed") : shown(v.value())).append('\n');
      }
    }
    out.append('\n');
    w.line(out, "account.indicators");
    for (IndicatorValue v : d.indicators()) {
      out.append("  ").append(w.label(v.id())).append(" [").append(v.id()).append("] = ").append(w.exact(v.value()));
      if (v.from().isPresent()) {
        out.append(w.say("account.over", "from", v.from().get(), "to", v.to().get()));
      }
      if (!v.operands().isEmpty()) {
        out.append(w.say("account.operands", "operands", w.operands(v.operands())));
      }
      if (!v.rounding().isEmpty()) {
        out.append(w.say("account.unrounded", "value", w.exact(v.unrounded()), "rounding", v.rounding()));
      }
      out.append('\n');
    }
    out.append('\n');
    w.line(out, "account.steps");
    int n = 1;
    for (StepTrace s : d.steps()) {
      out.append(String.format(java.util.Locale.ROOT, "  %d. %s [%s] %s", n++, w.label(s.step()), s.step(),
          w.term("outcome." + s.outcome().jsonName(), s.outcome().jsonName())));
      s.row().ifPresent(r -> out.append(w.say("account.row", "row", r)));
      if (!s.effect().equals("none")) {
        out.append(w.say("account.effect", "effect", w.effect(s.effect())));
      }
      out.append('\n');
    }
    if (!d.warnings().isEmpty()) {
      out.append('\n');
      w.line(out, "account.warnings");
      for (Warning warning : d.warnings()) {
        out.append("  - ").append(w.zh ? warning.zh() : warning.en()).append('\n');
      }
    }
    return out.toString();
  }

  /** The account of a record that verified as identical, headed by the verdict. */
  static String verified(Verification.Verified v, RuleTable table, Language language) {
    return Printable.escapeLines(say(language, "account.verified", "table", table.id()) + "\n\n"
        + account(v.decision(), table, language));
  }

  private static String say(Language language, String key, Object... namesAndValues) {
    return Message.of(key, namesAndValues).in(language);
  }

  /**
   * The account of a record made by another version: every decided value equal, headed by the
   * verdict and the two versions; with {@code sameVersion}, a refusal of it.
   */
  static String anotherVersion(Verification.VerifiedByAnotherVersion v, RuleTable table, Language language,
      boolean sameVersion) {
    String versions = say(language, "account.versions", "recorded", v.recordedLibrary(), "library", v.library());
    if (sameVersion) {
      return Printable.escapeLines(say(language, "account.anotherVersion.refused", "versions", versions) + "\n");
    }
    return Printable.escapeLines(say(language, "account.anotherVersion", "versions", versions) + "\n\n"
        + account(v.decision(), table, language));
  }

  /**
   * The account of a record that does not match: what the record says against what the table gives,
   * then the table's own decision, labelled as such. A record whose echoed input was altered is said
   * so first, the differences that follow from it grouped under that, and the account that follows
   * says at its head and its end that it is not the record's decision.
   */
  static String mismatch(Verification.Mismatched m, RuleTable table, Language language) {
    StringBuilder out = new StringBuilder();
    String indent = "  ";
    if (m.altered().isPresent()) {
      Verification.Altered a = m.altered().get();
      out.append(say(language, "account.altered", "code", ErrorCode.VR002, "echoed", a.echoedSha256(),
          "recorded", a.recordedSha256())).append('\n');
      out.append("  ").append(say(language, "account.altered.differences", "table", table.id())).append('\n');
      indent = "    ";
    } else {
      out.append(say(language, "account.mismatch", "table", table.id())).append('\n');
    }
    if (!m.why(language.locale()).isEmpty()) {
      out.append(indent).append(Printable.escape(m.why(language.locale()))).append('\n');
    }
    if (m.total() > 0) {
      if (m.altered().isEmpty()) {
        out.append(say(language, "account.mismatch.differences")).append('\n');
      }
      for (Verification.Difference d : m.differences()) {
        out.append(indent).append(d).append('\n');
      }
      more(out, indent, m, language);
    }
    if (m.altered().isPresent()) {
      // every line of this account says whose it is, so that no screen of it shows a decision alone
      String banner = say(language, "account.altered.banner");
      String mark = say(language, "account.altered.mark") + " ";
      m.recomputed().ifPresent(d -> {
        out.append('\n').append(say(language, "account.altered.recomputed")).append('\n').append(banner)
            .append('\n');
        account(d, table, language).lines().forEach(line -> out.append(line.isEmpty() ? mark.strip() : mark + line)
            .append('\n'));
        out.append(banner).append('\n');
      });
    } else {
      m.recomputed().ifPresent(d -> out.append('\n').append(say(language, "account.mismatch.recomputed")).append('\n')
          .append(account(d, table, language)));
    }
    return Printable.escapeLines(out.toString());
  }

  /** {@code … and 3 more differences}, when the record differs in more places than are shown. */
  private static void more(StringBuilder out, String indent, Verification.Mismatched m, Language language) {
    int more = m.total() - m.differences().size();
    if (more > 0) {
      out.append(indent).append(say(language, "account.moreDifferences", "n", more, "s", more == 1 ? "" : "s"))
          .append('\n');
    }
  }

  /** A mismatched line of a whole batch output, as a list of them shows it (no account). */
  static String listed(Verification.Mismatched m, long line, Language language) {
    StringBuilder out = new StringBuilder();
    String employer = m.employerId().map(id -> say(language, "account.listed.employer", "id", id)).orElse("");
    String indent = "  ";
    if (m.altered().isPresent()) {
      out.append(say(language, "account.listed.altered", "line", line, "employer", employer, "why",
          VerifyCommand.alteredText(m.altered().get(), language))).append('\n');
      indent = "    ";
    } else {
      out.append(say(language, "account.listed.mismatch", "line", line, "employer", employer)).append('\n');
    }
    if (!m.why(language.locale()).isEmpty()) {
      out.append(indent).append(m.why(language.locale())).append('\n');
    }
    for (Verification.Difference d : m.differences()) {
      out.append(indent).append(d).append('\n');
    }
    more(out, indent, m, language);
    return Printable.escapeLines(out.toString());
  }

  /** Longest exact fraction an account writes out; a longer one is in the record, the account shows its display value. */
  private static final int FRACTION_SHOWN = 24;

  /** A value as a worksheet prints it: a decimal as it is, a fraction as its display value. */
  private static String shown(org.ratefloat.decision.Value value) {
    return value instanceof org.ratefloat.decision.Value.Fraction f ? "≈ " + f.display().toPlainString()
        : value.render();
  }

  private static String band(BigDecimal multiplier) {
    return multiplier.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
  }

  private static final Pattern BAND = Pattern.compile("band (\\S+) -> (\\S+)(?: \\(clamped from (\\S+) to the ladder\\))?");
  private static final Pattern POINTS = Pattern.compile("rate points ([+-]?)([0-9.]+)");
  private static final Pattern TIMES = Pattern.compile("rate x (?:(\\S+) = )?(-?[0-9.]+)");
  private static final Pattern AMOUNT = Pattern.compile("amount (?:(\\S+) = )?([+-]?[0-9.]+) (\\S+)");
  private static final Pattern BOUND = Pattern.compile(
      "rate (-?[0-9.]+) (->|>=|<=) (-?[0-9.]+)(?: \\((?:benchmark (-?[0-9.]+) x )?(\\S+) = (-?[0-9.]+)\\))?");
  private static final Pattern NOT_IN = Pattern.compile("class ([0-9]+) not in \\[([0-9, ]*)]");
  private static final Pattern OFFSET = Pattern.compile("([+-]?)([0-9]+)");

  /**
   * The words of one account: the catalogue's sentences in its language, the table's labels for its
   * ids, and, in Chinese, what a record writes in its own English grammar (a step's effect, an
   * operand's name) said in words.
   */
  private static final class Words {
    final Language lang;
    final boolean zh;
    final Map<String, String> labels = new HashMap<>();

    Words(Language lang, RuleTable table) {
      this.lang = lang;
      this.zh = lang == Language.ZH;
      for (RuleTable.Part part : table.indicators()) {
        labels.put(part.id(), part.label(lang.tag()));
      }
      for (RuleTable.Part part : table.steps()) {
        labels.put(part.id(), part.label(lang.tag()));
      }
    }

    String say(String key, Object... namesAndValues) {
      return Message.of(key, namesAndValues).in(lang);
    }

    void line(StringBuilder out, String key, Object... namesAndValues) {
      out.append(say(key, namesAndValues)).append('\n');
    }

    /** The table's label of an indicator or step, or its id. */
    String label(String id) {
      return labels.getOrDefault(id, id);
    }

    /** A glossary term in Chinese; in English the record's own word. */
    String term(String id, String english) {
      return zh ? Glossary.bundled().term(id).map(t -> t.zh()).orElse(english) : english;
    }

    String status(String status) {
      return term("status." + status, status);
    }

    /** A band's place on the ladder: {@code +2}, or 上浮两档. */
    String offset(int offset) {
      return zh ? offsetWords(offset) : signed(offset);
    }

    private String offsetWords(int offset) {
      return offset == 0 ? say("band.benchmark")
          : say(offset > 0 ? "band.up" : "band.down", "n", count(Math.abs(offset)));
    }

    /** An offset as a record writes it ({@code +1}, {@code 0}, {@code -2}) in words. */
    private String offsetWords(String written) {
      Matcher m = OFFSET.matcher(written);
      return m.matches() && m.group(2).length() < 3
          ? offsetWords((m.group(1).equals("-") ? -1 : 1) * Integer.parseInt(m.group(2))) : written;
    }

    /**
     * A value as an account shows it: a decimal as it is; a fraction as {@code p/q (≈ display)}, or,
     * when {@code p/q} is longer than {@link #FRACTION_SHOWN} characters, its display value and where
     * the exact one is.
     */
    String exact(org.ratefloat.decision.Value value) {
      if (zh && value instanceof org.ratefloat.decision.Value.Bool b) {
        return Glossary.zh(Boolean.toString(b.value()));
      }
      if (!(value instanceof org.ratefloat.decision.Value.Fraction f)) {
        return value.render();
      }
      String display = f.display().toPlainString();
      String fraction = value.render();
      return fraction.length() <= FRACTION_SHOWN ? fraction + " (≈ " + display + ")"
          : say("account.exactInRecord", "display", display);
    }

    /** The operands of an indicator: as the record writes them in English, by their names in Chinese. */
    String operands(Map<String, String> operands) {
      if (!zh) {
        return operands.toString();
      }
      List<String> said = new ArrayList<>();
      operands.forEach((name, value) -> said.add(operandName(name) + " " + operandValue(value)));
      return String.join("，", said);
    }

    private String operandName(String name) {
      Optional<Glossary.Term> term = Glossary.bundled().term(name);
      if (term.isPresent()) {
        return term.get().zh();
      }
      if (labels.containsKey(name)) {
        return labels.get(name);
      }
      int dot = name.indexOf('.');
      if (dot > 0) {
        Optional<Glossary.Term> kind = Glossary.bundled().term(name.substring(0, dot));
        if (kind.isPresent()) {
          String rest = name.substring(dot + 1);
          int open = rest.indexOf('(');
          return kind.get().zh() + " " + (open > 0 && rest.endsWith(")")
              ? rest.substring(0, open) + "（" + rest.substring(open + 1, rest.length() - 1) + "）" : rest);
        }
      }
      return name;
    }

    private String operandValue(String value) {
      return Glossary.bundled().term(value).map(t -> t.zh()).orElseGet(() -> Catalogue.fraction(value));
    }

    /**
     * What a step did: in English as the record writes it; in Chinese said in words, each part of
     * the record's grammar (the engine writes these and nothing else) by its sentence.
     */
    String effect(String effect) {
      if (!zh) {
        return effect;
      }
      List<String> parts = new ArrayList<>();
      for (String part : effect.split("; ", -1)) {
        parts.add(effectPart(part));
      }
      return String.join(say("effect.join"), parts);
    }

    private String effectPart(String part) {
      Matcher m;
      if (part.equals("none")) {
        return say("effect.none");
      }
      if (part.equals("after a gate")) {
        return say("effect.skipped");
      }
      if ((m = BAND.matcher(part)).matches()) {
        String move = say(m.group(1).equals(m.group(2)) ? "effect.band.same" : "effect.band",
            "from", offsetWords(m.group(1)), "to", offsetWords(m.group(2)));
        return m.group(3) == null ? move : say("effect.clamped", "move", move, "target", offsetWords(m.group(3)));
      }
      if ((m = POINTS.matcher(part)).matches()) {
        return say(m.group(1).equals("-") ? "effect.points.down" : "effect.points.up", "points", m.group(2));
      }
      if ((m = TIMES.matcher(part)).matches()) {
        return m.group(1) == null ? say("effect.times", "factor", m.group(2))
            : say("effect.timesIndicator", "indicator", label(m.group(1)), "factor", m.group(2));
      }
      if ((m = AMOUNT.matcher(part)).matches()) {
        return m.group(1) == null ? say("effect.amount", "amount", m.group(2), "currency", m.group(3))
            : say("effect.amountIndicator", "indicator", label(m.group(1)), "amount", m.group(2), "currency", m.group(3));
      }
      if ((m = BOUND.matcher(part)).matches()) {
        String from = m.group(5) == null ? ""
            : m.group(4) == null ? say("effect.from", "indicator", label(m.group(5)), "value", m.group(6))
            : say("effect.fromBenchmark", "benchmark", m.group(4), "indicator", label(m.group(5)), "value", m.group(6));
        String key = switch (m.group(2)) {
          case "->" -> "effect.bound";
          case ">=" -> "effect.atLeast";
          default -> "effect.atMost";
        };
        return say(key, "rate", m.group(1), "bound", m.group(3), "from", from);
      }
      if ((m = NOT_IN.matcher(part)).matches()) {
        List<String> classes = new ArrayList<>();
        for (String c : m.group(2).split(", ")) {
          classes.add(c.isEmpty() ? c : Glossary.riskClass(Integer.parseInt(c), lang));
        }
        return say("effect.notIn", "class", m.group(1), "classes", String.join(say("effect.list"), classes));
      }
      // a grammar this version does not know (a record of a later one): shown as it is written
      return part;
    }
  }

  /** A count as Chinese says it before a measure word: 一, 两, 三 … */
  static String count(int n) {
    return n == 2 ? "两" : Glossary.numeral(n);
  }

  private static String signed(int offset) {
    return offset > 0 ? "+" + offset : String.valueOf(offset);
  }
}
