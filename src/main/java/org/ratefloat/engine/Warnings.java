package org.ratefloat.engine;

import java.math.BigDecimal;
import org.ratefloat.decision.Warning;
import org.ratefloat.model.Edition;
import org.ratefloat.rules.Evidence;
import org.ratefloat.rules.RowSpec;
import org.ratefloat.rules.RuleTableSpec;

/** The warnings a decision can carry, in English and Chinese: the texts live here, apart from the logic. */
final class Warnings {
  private Warnings() {}

  static Warning provisionalTable(RuleTableSpec m) {
    return new Warning("provisional-table",
        "rule table " + m.id() + " is provisional: " + m.unverified().size() + " unverified parameter(s), "
            + m.gaps().size() + " gap(s) in its sources",
        "费率表 " + m.id() + " 为暂定：" + m.unverified().size() + " 项参数未经核实，来源缺 " + m.gaps().size() + " 处");
  }

  /** Reference data the table reads that is provisional (estimates, say), whatever the table's own status. */
  static Warning provisionalReference(org.ratefloat.rules.ReferenceSpec r) {
    return new Warning("provisional-reference", "reference data " + r.id() + " (version " + r.version()
        + ") is provisional", "参考数据 " + r.id() + "（版本 " + r.version() + "）为暂定");
  }

  static Warning provisionalClassification(Edition edition, String classification) {
    return new Warning("provisional-classification",
        "the " + edition.label() + " mapping of " + classification + " is provisional",
        classification + " 中 " + edition.label() + " 的行业对应关系为暂定");
  }

  static Warning benchmarkInputIgnored(BigDecimal given, BigDecimal table) {
    return new Warning("benchmark-input-ignored", "the input's benchmarkRate " + given.toPlainString()
        + " is ignored: the table gives " + table.toPlainString(),
        "输入的基准费率 " + given.toPlainString() + " 未采用：费率表规定为 " + table.toPlainString());
  }

  static Warning benchmarkFromInput(BigDecimal benchmark) {
    return new Warning("benchmark-from-input", "the benchmark " + benchmark.toPlainString()
        + " % comes from the input, not from the rule table",
        "基准费率 " + benchmark.toPlainString() + "% 取自输入，而非费率表");
  }

  /**
   * Names of custom flags and values the case gives but the table does not read: a misspelt name
   * reads as absent (a flag as false where the table says so), which no error would show.
   */
  static Warning unreadCustom(java.util.List<String> names) {
    return new Warning("unread-custom-values", "the case gives custom flags or values this table does not read: "
        + String.join(", ", names) + " (a misspelt name counts as absent)",
        "案件中有本费率表不读取的自定义标志或数值：" + String.join("、", names) + "（名称拼写有误时按未提供处理）");
  }

  /** A row whose evidence is not a published text: reconstructed, derived or borrowed. */
  static Warning evidence(RowSpec row) {
    String why = row.evidence().name().toLowerCase(java.util.Locale.ROOT);
    return new Warning(row.id(), "row " + row.id() + " is " + why + row.note().map(n -> ": " + n.en()).orElse(""),
        "行 " + row.id() + " 的依据为" + zh(row.evidence()) + row.note().map(n -> "：" + n.zh()).orElse(""));
  }

  private static String zh(Evidence e) {
    return switch (e) {
      case PUBLISHED -> "已公布";
      case RECONSTRUCTED -> "据残缺来源复原";
      case DERIVED -> "推导";
      case BORROWED -> "借用其他地区规定";
    };
  }
}
