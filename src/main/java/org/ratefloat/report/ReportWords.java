package org.ratefloat.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * The words of a report in one language, by key: headings, column heads, sentences with their
 * placeholders ({@code %s}, in order). Chinese uses the terms of the floating measures (支缴率,
 * 基准费率, 浮动档次 …); amounts are in 万元, incidence per 1,000 workers (‰) throughout. The words
 * the charts need go to the page's script as JSON ({@link #forCharts()}).
 */
final class ReportWords {
  private final Map<String, String> words;
  final boolean zh;

  private ReportWords(boolean zh, Map<String, String> words) {
    this.zh = zh;
    this.words = words;
  }

  static ReportWords of(Report.Language lang) {
    return lang == Report.Language.zh ? ZH : EN;
  }

  /** The word of a key; a missing key is our bug. */
  String get(String key) {
    String w = words.get(key);
    if (w == null) {
      throw new IllegalStateException("no report word " + key + (zh ? " in Chinese" : " in English"));
    }
    return w;
  }

  /** The sentence of a key with its placeholders filled, whatever the default locale. */
  String format(String key, Object... args) {
    return String.format(Locale.ROOT, get(key), args);
  }

  /** The words the page's script needs to label the charts. */
  ObjectNode forCharts() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (String key : new String[] {"lang", "locale", "employersShare", "atBenchmark", "atCurrent", "afterFloating",
        "tenThousandYuan", "classLabel", "target", "incidenceAxis", "income", "payouts", "balance", "cumulativeBalance"}) {
      o.put(key, get(key));
    }
    return o;
  }

  private static final ReportWords EN = new ReportWords(false, Map.ofEntries(
      Map.entry("defaultTitle", "Work-injury insurance rate floating report"),
      Map.entry("ruleTables", "Rule tables: "),
      Map.entry("tableIdentity", "%s (%s, version %s, %s, file SHA-256 %s…)"),
      Map.entry("verified", "verified"),
      Map.entry("provisional", "provisional parameters"),
      Map.entry("bandsTitle", "Employers by band"),
      Map.entry("incomeTitle", "Premium income by risk class (10,000 yuan)"),
      Map.entry("table", "rule table"),
      Map.entry("employers", "employers"),
      Map.entry("incomeAtBenchmark", "income at the benchmark (10,000 yuan)"),
      Map.entry("incomeAtCurrent", "income at today's rates (10,000 yuan)"),
      Map.entry("incomeAfter", "income after floating (10,000 yuan)"),
      Map.entry("changeFromBenchmark", "against the benchmark"),
      Map.entry("changeFromCurrent", "against today"),
      Map.entry("payoutRatioAtBenchmark", "payout ratio at the benchmark"),
      Map.entry("payoutRatioAfter", "payout ratio after floating"),
      Map.entry("replayTitle", "Year by year: the fund's income, payouts and balance under %s (10,000 yuan)"),
      Map.entry("year", "year"),
      Map.entry("refused", "not decided"),
      Map.entry("payouts", "payouts"),
      Map.entry("balance", "balance"),
      Map.entry("cumulativeBalance", "cumulative balance"),
      Map.entry("payoutRatio", "payout ratio"),
      Map.entry("assumptions", "Assumed: "),
      Map.entry("incidenceTitle", "Incidence against the path down by %s %% from %s (per 1,000 workers, ‰)"),
      Map.entry("incidenceWhat", "%s: accidents per 1,000 average insured workers in the year where every employer of "
          + "the line records them in every year, otherwise workers injured (the column \u201ctracked by\u201d); the "
          + "target falls in equal steps over %s years to the final target."),
      Map.entry("trackedBy", "tracked by"),
      Map.entry("rateIn", "%s ‰"),
      Map.entry("finalTarget", "final target ‰"),
      Map.entry("finalTargetValue", "%s: %s"),
      Map.entry("portfolioLine", "Portfolio as of %s: %s records (%s of them unreadable)."),
      Map.entry("dateRange", "%s to %s"),
      Map.entry("keyIndustriesOf", "Key industries as %s counts them"),
      Map.entry("line", "line"),
      Map.entry("injuryRate", "workers injured per 1,000"),
      Map.entry("injuryTarget", "target ‰"),
      Map.entry("accidentRate", "accidents per 1,000"),
      Map.entry("accidentTarget", "target ‰"),
      Map.entry("diseaseRate", "occupational disease ‰"),
      Map.entry("onPath", "on the path"),
      Map.entry("targetIn", "target %s"),
      Map.entry("injuryRateIn", "workers injured ‰ %s"),
      Map.entry("diseaseRateIn", "occupational disease ‰ %s"),
      Map.entry("yes", "yes"),
      Map.entry("no", "no"),
      Map.entry("citiesTitle", "Key industries by city"),
      Map.entry("rankingMethod", "Lists: %s. Order: %s; %s. %s. At the cut: %s. At most %s a list."),
      Map.entry("listing", "Only employers with at least %2$s %1$s in the month are ranked"),
      Map.entry("rankingCounts", "Key-industry employers with the month recorded: %s; with an event: %s; listed: %s; "
          + "without the month: %s. Definition: %s."),
      Map.entry("noneListed", "No employer listed (%s key-industry employers with the month recorded)."),
      Map.entry("position", "position"),
      Map.entry("employer", "employer"),
      Map.entry("creditCode", "unified social credit code"),
      Map.entry("industry", "industry"),
      Map.entry("keyIndustry", "key industry"),
      Map.entry("city", "city"),
      Map.entry("rank", "rank"),
      Map.entry("score", "score"),
      Map.entry("monthsOnList", "months on the list"),
      Map.entry("changeAgainst", "against %s"),
      Map.entry("entered", "new"),
      Map.entry("stayed", "again"),
      Map.entry("leftOutAtCut", "%s employers tied at position %s across the cut are left out."),
      Map.entry("chosenAtCut", "* chosen at the cut from a tie, by employer id."),
      Map.entry("left", "Off the list since %s: %s."),
      Map.entry("nobody", "nobody"),
      Map.entry("lang", "en"),
      Map.entry("byClass", "Risk classes"),
      Map.entry("locale", "en-US"),
      Map.entry("employersShare", "% of employers"),
      Map.entry("atBenchmark", "at the benchmark"),
      Map.entry("atCurrent", "at today's rates"),
      Map.entry("afterFloating", "after floating: "),
      Map.entry("tenThousandYuan", "10,000 yuan"),
      Map.entry("classLabel", "class %s"),
      Map.entry("target", "target"),
      Map.entry("incidenceAxis", "per 1,000 workers (‰)"),
      Map.entry("income", "income after floating")));

  private static final ReportWords ZH = new ReportWords(true, Map.ofEntries(
      Map.entry("defaultTitle", "工伤保险费率浮动报告"),
      Map.entry("ruleTables", "费率表："),
      Map.entry("tableIdentity", "%s（编号 %s，版本 %s，%s，文件校验值 %s…）"),
      Map.entry("verified", "参数已核实"),
      Map.entry("provisional", "暂定参数"),
      Map.entry("bandsTitle", "各浮动档次的用人单位"),
      Map.entry("incomeTitle", "各风险类别的工伤保险费收入（万元）"),
      Map.entry("table", "费率表"),
      Map.entry("employers", "用人单位数"),
      Map.entry("incomeAtBenchmark", "按基准费率（万元）"),
      Map.entry("incomeAtCurrent", "按现行费率（万元）"),
      Map.entry("incomeAfter", "浮动后（万元）"),
      Map.entry("changeFromBenchmark", "较基准费率"),
      Map.entry("changeFromCurrent", "较现行费率"),
      Map.entry("payoutRatioAtBenchmark", "按基准费率的支缴率"),
      Map.entry("payoutRatioAfter", "浮动后的支缴率"),
      Map.entry("replayTitle", "逐年回算：%s下工伤保险基金的收入、支出与结余（万元）"),
      Map.entry("year", "年度"),
      Map.entry("refused", "未能核定"),
      Map.entry("payouts", "基金支出"),
      Map.entry("balance", "当年结余"),
      Map.entry("cumulativeBalance", "累计结余"),
      Map.entry("payoutRatio", "支缴率"),
      Map.entry("assumptions", "回算假设："),
      Map.entry("incidenceTitle", "工伤发生率与下降 %s%% 目标路径（%s年起，每千名职工，‰）"),
      Map.entry("incidenceWhat", "%s：该范围内各单位各年均记录事故起数的，按年度工伤事故起数与年平均参保职工人数之比计；"
          + "否则按受伤职工人数计（见\u201c指标\u201d列）；以千分数计。目标在 %s 年内等幅下降至最终目标。"),
      Map.entry("trackedBy", "指标"),
      Map.entry("rateIn", "%s（‰）"),
      Map.entry("finalTarget", "最终目标（‰）"),
      Map.entry("finalTargetValue", "%s：%s"),
      Map.entry("portfolioLine", "数据截至%s：共 %s 条单位记录（其中 %s 条无法读取）。"),
      Map.entry("dateRange", "%s至%s"),
      Map.entry("keyIndustriesOf", "重点行业（按《%s》认定）"),
      Map.entry("line", "统计范围"),
      Map.entry("injuryRate", "工伤发生率（‰）"),
      Map.entry("injuryTarget", "目标（‰）"),
      Map.entry("accidentRate", "事故发生率（‰）"),
      Map.entry("accidentTarget", "目标（‰）"),
      Map.entry("diseaseRate", "职业病发病率（‰）"),
      Map.entry("onPath", "是否达标"),
      Map.entry("targetIn", "%s目标（‰）"),
      Map.entry("injuryRateIn", "%s工伤发生率（‰）"),
      Map.entry("diseaseRateIn", "%s职业病发病率（‰）"),
      Map.entry("yes", "是"),
      Map.entry("no", "否"),
      Map.entry("citiesTitle", "各市州重点行业情况"),
      Map.entry("rankingMethod", "排名范围：%s。排名方法：%s；%s。%s。名单末位：%s。每份名单至多 %s 家。"),
      Map.entry("listing", "当月%s不少于 %s 的单位方列入排名"),
      Map.entry("rankingCounts", "当月有数据的重点行业单位 %s 家，达到列入条件的 %s 家，列入名单 %s 家，当月无数据 %s 家。"
          + "排名规则状态：%s。"),
      Map.entry("noneListed", "无单位列入（当月有数据的重点行业单位 %s 家）。"),
      Map.entry("position", "排名"),
      Map.entry("employer", "单位名称"),
      Map.entry("creditCode", "统一社会信用代码"),
      Map.entry("industry", "行业"),
      Map.entry("keyIndustry", "重点行业"),
      Map.entry("city", "市州"),
      Map.entry("rank", "名次"),
      Map.entry("score", "综合得分"),
      Map.entry("monthsOnList", "连续上榜月数"),
      Map.entry("changeAgainst", "较%s"),
      Map.entry("entered", "新上榜"),
      Map.entry("stayed", "连续上榜"),
      Map.entry("leftOutAtCut", "第 %2$s 名有 %1$s 家单位并列，超出名额，均不列入。"),
      Map.entry("chosenAtCut", "* 并列跨越名单末位，按单位编号顺序补足名额。"),
      Map.entry("left", "较%s退出名单的单位：%s。"),
      Map.entry("nobody", "无"),
      Map.entry("lang", "zh"),
      Map.entry("byClass", "各风险类别"),
      Map.entry("locale", "zh-CN"),
      Map.entry("employersShare", "用人单位占比（%）"),
      Map.entry("atBenchmark", "按基准费率"),
      Map.entry("atCurrent", "按现行费率"),
      Map.entry("afterFloating", "浮动后："),
      Map.entry("tenThousandYuan", "万元"),
      Map.entry("classLabel", "%s"),
      Map.entry("target", "目标"),
      Map.entry("incidenceAxis", "每千名职工（‰）"),
      Map.entry("income", "浮动后收入")));
}
