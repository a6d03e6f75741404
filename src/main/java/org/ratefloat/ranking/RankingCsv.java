package org.ratefloat.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ratefloat.batch.CsvOut;
import org.ratefloat.registry.IndustryNames;

/**
 * Writes a {@link RankingResult} as CSV, one row per listed employer (group by group, best first),
 * then, when a month is compared, one row per employer that left a list (with that month's figures,
 * and the month in its own column): in English with the
 * JSON's names for machines, or in Chinese for a notice (UTF-8 with a byte-order mark, so that
 * spreadsheet programs open it as UTF-8), headed with the definition's own Chinese labels.
 */
public final class RankingCsv {
  /** The byte-order mark that opens the Chinese CSV. */
  static final String BOM = "\uFEFF";

  private RankingCsv() {}

  public static String csv(RankingResult r, boolean chinese) {
    RankingDefinition d = r.definition();
    boolean lexicographic = d.method() == RankingDefinition.Method.LEXICOGRAPHIC;
    boolean grouped = r.by() != Grouping.PROVINCE;
    boolean compared = r.comparedWith().isPresent();
    List<String> header = new ArrayList<>();
    if (grouped) {
      header.add(chinese ? (r.by() == Grouping.CITY ? "分组（市州）" : "分组（重点行业）") : "group");
    }
    header.addAll(chinese ? List.of("排名", "单位名称", "统一社会信用代码", "行业", "重点行业", "市州", "数据月份")
        : List.of("position", "employerId", "name", "creditCode", "industryCode", "industryName", "keyIndustry",
            "region", "city", "month"));
    for (RankingDefinition.Indicator i : d.indicators()) {
      header.add(chinese ? i.label().zh() : i.id());
      if (!lexicographic) {
        header.add(chinese ? i.label().zh() + "名次" : i.id() + "Rank");
      }
    }
    for (RankingDefinition.Indicator i : d.shown()) {
      header.add(chinese ? i.label().zh() : i.id());
    }
    if (!lexicographic) {
      header.add(chinese ? "综合得分" : "score");
    }
    header.add(chinese ? "连续上榜月数" : "monthsOnList");
    if (compared) {
      header.add(chinese ? "较" + monthZh(r.comparedWith().get()) : "change");
    }
    StringBuilder out = new StringBuilder(chinese ? BOM : "").append(CsvOut.row(header));
    IndustryNames names = d.industryNames().orElse(null);
    for (RankingResult.Group g : r.groups()) {
      for (Entry e : g.listed()) {
        List<String> row = employerCells(r, g, e.observation(), e.position().toPlainString(), names, chinese);
        row.add(chinese ? monthZh(r.month()) : r.month().toString());
        for (int j = 0; j < d.indicators().size(); j++) {
          row.add(plain(e.observation().value(j)));
          if (!lexicographic) {
            row.add(e.ranks().get(j).toPlainString());
          }
        }
        for (int j = 0; j < d.shown().size(); j++) {
          row.add(plain(e.observation().value(d.indicators().size() + j)));
        }
        if (!lexicographic) {
          row.add(e.score().orElseThrow().toPlainString());
        }
        row.add(String.valueOf(e.monthsOnList()));
        if (compared) {
          boolean entered = g.entered().contains(e.observation());
          row.add(chinese ? (entered ? "新上榜" : "连续上榜") : (entered ? "entered" : "stayed"));
        }
        out.append(CsvOut.row(row));
      }
    }
    if (compared) {
      for (RankingResult.Group g : r.groups()) {
        for (Observation o : g.left()) {
          List<String> row = employerCells(r, g, o, "", names, chinese);
          // a row of one who left carries the figures of the month compared with, and says so
          row.add(chinese ? monthZh(r.comparedWith().get()) : r.comparedWith().get().toString());
          for (int j = 0; j < d.indicators().size(); j++) {
            row.add(plain(o.value(j)));
            if (!lexicographic) {
              row.add("");
            }
          }
          for (int j = 0; j < d.shown().size(); j++) {
            row.add(plain(o.value(d.indicators().size() + j)));
          }
          if (!lexicographic) {
            row.add("");
          }
          row.add("");
          row.add(chinese ? "退出（" + monthZh(r.comparedWith().get()) + "数据）"
              : "left (figures of " + r.comparedWith().get() + ")");
          out.append(CsvOut.row(row));
        }
      }
    }
    return out.toString();
  }

  private static List<String> employerCells(RankingResult r, RankingResult.Group g, Observation o, String position,
      IndustryNames names, boolean chinese) {
    List<String> row = new ArrayList<>();
    if (r.by() != Grouping.PROVINCE) {
      row.add(chinese ? g.key().name().zh() : g.key().code());
    }
    Optional<String> industryName = names == null ? Optional.empty() : names.name(o.industry());
    String city = o.city().map(c -> chinese ? c.name().zh() : c.code()).orElse("");
    if (chinese) {
      row.addAll(List.of(position, o.name().isEmpty() ? o.employerId() : o.name(), o.creditCode().orElse(""),
          o.industry().code() + industryName.map(n -> " " + n).orElse(""), o.keyIndustry().name().zh(), city));
    } else {
      row.addAll(List.of(position, o.employerId(), o.name(), o.creditCode().orElse(""), o.industry().code(),
          industryName.orElse(""), o.keyIndustry().id(), o.region().orElse(""), city));
    }
    return row;
  }

  private static String plain(Optional<BigDecimal> v) {
    return v.map(BigDecimal::toPlainString).orElse("");
  }

  /** 2025-11 as 2025年11月. */
  static String monthZh(java.time.YearMonth m) {
    return m.getYear() + "年" + m.getMonthValue() + "月";
  }
}
