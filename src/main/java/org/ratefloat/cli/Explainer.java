package org.ratefloat.cli;

import org.ratefloat.text.Language;
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
    boolean zh = language == Language.ZH;
    String lang = language.tag();
    Map<String, String> labels = new HashMap<>();
    for (RuleTable.Part part : table.indicators()) {
      labels.put(part.id(), part.label(lang));
    }
    for (RuleTable.Part part : table.steps()) {
      labels.put(part.id(), part.label(lang));
    }
    StringBuilder out = new StringBuilder();
    String name = d.input().employer().name().isEmpty() ? "" : " " + d.input().employer().name();
    out.append(zh ? "费率浮动决定" : "Rate-floating decision").append(": ")
        .append(d.input().employer().id()).append(name).append('\n');
    out.append(zh ? "费率表: " : "Rule table: ").append(table.title(lang)).append(" (")
        .append(table.id()).append(' ').append(table.version()).append(", ").append(zh ? status(table.status().jsonName()) : table.status().jsonName())
        .append(", sha256 ").append(d.table().sha256(), 0, 16).append("…)\n");
    for (org.ratefloat.decision.TableRef r : d.tables()) {
      if (r.role().equals("reference")) {
        out.append(zh ? "参考数据: " : "Reference data: ").append(r.id()).append(' ').append(r.version())
            .append(" (").append(r.status().jsonName()).append(", sha256 ").append(r.sha256(), 0, 16).append("…)\n");
      }
    }
    out.append(zh ? "决定日期: " : "As of: ").append(d.asOf()).append('\n');
    out.append(zh ? "行业: " : "Industry: ").append(d.industry().edition().label()).append(' ')
        .append(d.industry().code()).append(zh ? "，风险类别 " : ", risk class ").append(d.riskClass())
        .append(" (").append(zh ? classSource(d.classSource().jsonName()) : d.classSource().jsonName()).append(")\n");
    out.append(zh ? "基准费率: " : "Benchmark: ").append(d.benchmark().toPlainString()).append(" %\n");
    out.append(zh ? "原档次: " : "Previous band: ").append(band(d.previousBand().multiplier()))
        .append(zh ? "  新档次: " : "  new band: ").append(band(d.newBand().multiplier()))
        .append(" (").append(signed(d.newBand().offset())).append(")\n");
    out.append(zh ? "新费率: " : "New rate: ").append(d.rate().toPlainString()).append(" %")
        .append(zh ? "（工资总额）" : " of payroll").append(" [").append(d.rateRounding()).append("]\n");
    d.premium().ifPresent(p -> out.append(zh ? "应缴保费: " : "Premium: ").append(p.amount().toPlainString())
        .append(zh ? "（工资总额 " : " (payroll ").append(p.payroll().toPlainString()).append(zh ? "）\n" : ")\n"));
    for (org.ratefloat.decision.Amount a : d.amounts()) {
      out.append(zh ? "附加金额: " : "Amount: ").append(a.amount().toPlainString()).append(' ').append(a.currency())
          .append(zh ? "（步骤 " : " (step ").append(a.step()).append(zh ? "，行 " : ", row ").append(a.row())
          .append(a.indicator().map(i -> " = " + i).orElse("")).append(zh ? "）\n" : ")\n");
    }
    if (!table.worksheet().isEmpty()) {
      Map<String, IndicatorValue> values = new HashMap<>();
      d.indicators().forEach(v -> values.put(v.id(), v));
      out.append('\n').append(zh ? "计算表" : "Worksheet").append(":\n");
      for (RuleTable.WorksheetLine line : table.worksheet()) {
        IndicatorValue v = values.get(line.indicator());
        out.append(String.format(java.util.Locale.ROOT, "  (%s) ", line.line()))
            .append(labels.getOrDefault(line.indicator(), line.indicator())).append(" = ")
            .append(v == null ? (zh ? "（未计算）" : "(not computed)") : shown(v.value())).append('\n');
      }
    }
    out.append('\n').append(zh ? "指标" : "Indicators").append(":\n");
    for (IndicatorValue v : d.indicators()) {
      out.append("  ").append(labels.getOrDefault(v.id(), v.id())).append(" [").append(v.id()).append("] = ")
          .append(exact(v.value(), zh));
      if (v.from().isPresent()) {
        out.append(zh ? "，期间 " : ", over ").append(v.from().get()).append("..").append(v.to().get());
      }
      if (!v.operands().isEmpty()) {
        out.append(zh ? "；依据 " : "; from ").append(v.operands());
      }
      if (!v.rounding().isEmpty()) {
        out.append(zh ? "；未舍入 " : "; unrounded ").append(exact(v.unrounded(), zh));
        out.append(", ").append(v.rounding());
      }
      out.append('\n');
    }
    out.append('\n').append(zh ? "步骤" : "Steps").append(":\n");
    int n = 1;
    for (StepTrace s : d.steps()) {
      out.append(String.format(java.util.Locale.ROOT, "  %d. %s [%s] %s", n++, labels.getOrDefault(s.step(), s.step()), s.step(),
          outcome(s.outcome().jsonName(), zh)));
      s.row().ifPresent(r -> out.append(zh ? "，命中行 " : ", row ").append(r));
      if (!s.effect().equals("none")) {
        out.append(": ").append(s.effect());
      }
      out.append('\n');
    }
    if (!d.warnings().isEmpty()) {
      out.append('\n').append(zh ? "提示" : "Warnings").append(":\n");
      for (Warning w : d.warnings()) {
        out.append("  - ").append(zh ? w.zh() : w.en()).append('\n');
      }
    }
    return out.toString();
  }

  /** The account of a record that verified as identical, headed by the verdict. */
  static String verified(Verification.Verified v, RuleTable table, Language language) {
    boolean zh = language == Language.ZH;
    String lang = language.tag();
    return Printable.escapeLines((zh ? "核验一致：记录即费率表 " + table.id() + " 按其所附输入给出的决定（完全相同）。\n\n"
        : "VERIFIED: the record is the decision rule table " + table.id() + " gives for the input it carries "
            + "(identical).\n\n") + account(v.decision(), table, language));
  }

  /**
   * The account of a record made by another version: every decided value equal, headed by the
   * verdict and the two versions; with {@code sameVersion}, a refusal of it.
   */
  static String anotherVersion(Verification.VerifiedByAnotherVersion v, RuleTable table, Language language,
      boolean sameVersion) {
    boolean zh = language == Language.ZH;
    String lang = language.tag();
    String versions = zh ? "记录由 " + v.recordedLibrary() + " 生成，本程序为 " + v.library()
        : "the record names " + v.recordedLibrary() + ", this is " + v.library();
    if (sameVersion) {
      return Printable.escapeLines((zh ? "记录不符（--same-version）：" + versions + "；各项决定值均相同。\n"
          : "THE RECORD DOES NOT MATCH (--same-version): " + versions + "; every decided value is equal.\n"));
    }
    return Printable.escapeLines((zh ? "核验一致，由另一版本生成：" + versions + "；各项决定值均相同。\n\n"
        : "VERIFIED, MADE BY ANOTHER VERSION: " + versions + "; every decided value is equal.\n\n")
        + account(v.decision(), table, language));
  }

  /**
   * The account of a record that does not match: what the record says against what the table gives,
   * then the table's own decision, labelled as such. A record whose echoed input was altered is said
   * so first, the differences that follow from it grouped under that, and the account that follows
   * says at its head and its end that it is not the record's decision.
   */
  static String mismatch(Verification.Mismatched m, RuleTable table, Language language) {
    boolean zh = language == Language.ZH;
    String lang = language.tag();
    StringBuilder out = new StringBuilder();
    String indent = "  ";
    if (m.altered().isPresent()) {
      Verification.Altered a = m.altered().get();
      out.append(zh ? "记录已被改动：所附输入并非作出决定时的输入（" + ErrorCode.VR002 + "：输入规范形式的 sha256 为 "
              + a.echoedSha256() + "，记录的 inputSha256 为 " + a.recordedSha256() + "）。以下均非记录所载的决定。\n"
          : "THE RECORD WAS ALTERED: the input it carries is not the one that was decided (" + ErrorCode.VR002
              + ": the input's canonical form has sha256 " + a.echoedSha256() + ", the record's inputSha256 is "
              + a.recordedSha256() + "). Nothing below is the record's decision.\n");
      out.append(zh ? "  由改动后的输入而来的不同之处（记录所载 → 费率表 " + table.id() + " 所得）:\n"
          : "  What follows from the altered input (what the record says → what rule table " + table.id()
              + " gives):\n");
      indent = "    ";
    } else {
      out.append(zh ? "记录不符：按记录所附的输入，费率表 " : "THE RECORD DOES NOT MATCH: for the input it carries, rule table ")
          .append(table.id()).append(zh ? " 给出的决定与记录不同。\n" : " gives another decision than the record says.\n");
    }
    if (!m.why().isEmpty()) {
      out.append(indent).append(Printable.escape(m.why())).append('\n');
    }
    if (m.total() > 0) {
      if (m.altered().isEmpty()) {
        out.append(zh ? "记录所载 → 费率表所得:\n" : "What the record says → what the rule table gives:\n");
      }
      for (Verification.Difference d : m.differences()) {
        out.append(indent).append(d).append('\n');
      }
      int more = m.total() - m.differences().size();
      if (more > 0) {
        out.append(indent).append(zh ? "… 另有 " + more + " 处不同\n"
            : "… and " + more + " more difference" + (more == 1 ? "" : "s") + "\n");
      }
    }
    if (m.altered().isPresent()) {
      // every line of this account says whose it is, so that no screen of it shows a decision alone
      String banner = zh ? "【并非记录所载的决定：记录已被改动】" : "[NOT THE RECORD'S DECISION: THE RECORD WAS ALTERED]";
      String mark = zh ? "[改动后的输入] " : "[altered input] ";
      m.recomputed().ifPresent(d -> {
        out.append('\n').append(zh ? "费率表对改动后的输入所得的决定（并非记录所载）:\n"
            : "What the rule table gives for the altered input (not the record's decision):\n").append(banner)
            .append('\n');
        account(d, table, language).lines().forEach(line -> out.append(line.isEmpty() ? mark.strip() : mark + line)
            .append('\n'));
        out.append(banner).append('\n');
      });
    } else {
      m.recomputed().ifPresent(d -> out.append('\n')
          .append(zh ? "费率表所得的决定（并非记录所载）:\n" : "What the rule table gives (not what the record says):\n")
          .append(account(d, table, language)));
    }
    return Printable.escapeLines(out.toString());
  }

  /** A mismatched line of a whole batch output, as a list of them shows it (no account). */
  static String listed(Verification.Mismatched m, long line, Language language) {
    boolean zh = language == Language.ZH;
    String lang = language.tag();
    StringBuilder out = new StringBuilder();
    String employer = m.employerId().map(id -> zh ? "（雇主 " + id + "）" : " (employer " + id + ")").orElse("");
    String indent = "  ";
    if (m.altered().isPresent()) {
      out.append(zh ? "已被改动 第 " + line + " 行" : "ALTERED line " + line).append(employer).append(": ")
          .append(VerifyCommand.alteredText(m.altered().get())).append('\n');
      indent = "    ";
    } else {
      out.append(zh ? "不符 第 " + line + " 行" : "MISMATCH line " + line).append(employer).append(":\n");
    }
    if (!m.why().isEmpty()) {
      out.append(indent).append(m.why()).append('\n');
    }
    for (Verification.Difference d : m.differences()) {
      out.append(indent).append(d).append('\n');
    }
    int more = m.total() - m.differences().size();
    if (more > 0) {
      out.append(indent).append("… and ").append(more).append(" more difference").append(more == 1 ? "" : "s")
          .append('\n');
    }
    return Printable.escapeLines(out.toString());
  }

  private static String outcome(String outcome, boolean zh) {
    if (!zh) {
      return outcome;
    }
    return switch (outcome) {
      case "fired" -> "生效";
      case "no-match" -> "未命中";
      case "not-applicable" -> "不适用";
      case "skipped" -> "跳过";
      default -> outcome;
    };
  }

  /** Longest exact fraction an account writes out; a longer one is in the record, the account shows its display value. */
  private static final int FRACTION_SHOWN = 24;

  /**
   * A value as an account shows it: a decimal as it is; a fraction as {@code p/q (≈ display)}, or,
   * when {@code p/q} is longer than {@link #FRACTION_SHOWN} characters, its display value and where
   * the exact one is.
   */
  private static String exact(org.ratefloat.decision.Value value, boolean zh) {
    if (!(value instanceof org.ratefloat.decision.Value.Fraction f)) {
      return value.render();
    }
    String display = f.display().toPlainString();
    String fraction = value.render();
    return fraction.length() <= FRACTION_SHOWN ? fraction + " (≈ " + display + ")"
        : "≈ " + display + (zh ? "（精确分数见决定记录）" : " (the exact fraction is in the record)");
  }

  /** A value as a worksheet prints it: a decimal as it is, a fraction as its display value. */
  private static String shown(org.ratefloat.decision.Value value) {
    return value instanceof org.ratefloat.decision.Value.Fraction f ? "≈ " + f.display().toPlainString()
        : value.render();
  }

  private static String status(String status) {
    return switch (status) {
      case "verified" -> "已核实";
      case "provisional" -> "暂定";
      default -> status;
    };
  }

  private static String classSource(String source) {
    return switch (source) {
      case "override" -> "经办机构指定";
      case "classification" -> "按行业分类";
      default -> source;
    };
  }

  private static String band(BigDecimal multiplier) {
    return multiplier.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
  }

  private static String signed(int offset) {
    return offset > 0 ? "+" + offset : String.valueOf(offset);
  }
}
