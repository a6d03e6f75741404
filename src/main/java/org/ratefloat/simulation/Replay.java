package org.ratefloat.simulation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.json.JsonOut;
import org.ratefloat.model.Employer;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.document.Text;

/**
 * A rule table applied year after year to a portfolio's history: for each employer and each calendar
 * year its history covers after its first, the table decides as of 1 January of that year on the
 * periods before it, with the band it decided for the year before as the current band and the
 * premiums its replayed rates charged in the years before as their premiums paid, and prices that
 * year's payroll at the rate decided; the fund's income, payouts and balance are added up by year.
 * Sums are exact. Not thread-safe; feed it from one thread.
 */
public final class Replay {
  /** What the replay assumes, in words: the output lists it. */
  static final List<Text> ASSUMPTIONS = List.of(
      new Text("每年1月1日按此前各期数据核定当年费率，以当年工资总额为缴费基数",
          "each year's rate is decided as of 1 January on the periods before it and priced on that year's payroll"),
      new Text("各单位历史首年之后方开始核定；首个核定年度及上年度未能核定的年度，上年度执行档次取基准档次（100%），"
          + "其余取上一年度核定的档次",
          "an employer is decided from the year after its first; its first decided year, and a year after one the "
              + "table refused, start from the benchmark band (100 %), every other from the band decided the year "
              + "before"),
      new Text("基金支出取当年记录的工伤保险基金支付额；未记录支付额的单位不计支出并单列",
          "the fund's payouts are the benefits paid recorded for the year; employers without them are counted apart"),
      new Text("未能核定的年度（费率表拒绝）不计收入和支出，按错误代码计数",
          "a year the table refuses adds no income or payouts and is counted by its error code"),
      new Text("仅计整年覆盖的日历年度（按月或按段记录的合并为年）",
          "only calendar years the periods cover whole count (months and other periods are added up)"),
      new Text("已回算年度的实缴保费改按回算费率计（各期工资总额 × 回算费率，不舍入），此后年度的支缴率据此计算；"
          + "未能核定的年度保留记录的实缴保费",
          "a replayed year's premiums paid are those its replayed rate charges (each period's payroll x the rate, "
              + "unrounded), and later years' payout ratios are computed on them; a year the table refused keeps "
              + "the premiums recorded"),
      new Text("各单位现有的状态记录（欠费、安全生产标准化、联合惩戒等）视为各回算年度的状态",
          "an employer's status as recorded today (arrears, safety standardisation, joint punishment ...) is "
              + "taken as its status in every replayed year"));

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private final RuleTable table;
  private final SortedMap<Integer, Year> years = new TreeMap<>();

  /** One year's sums. */
  public static final class Year {
    long decided;
    final SortedMap<String, Long> refused = new TreeMap<>();
    BigDecimal payroll = BigDecimal.ZERO;
    BigDecimal incomeAtBenchmark = BigDecimal.ZERO;
    BigDecimal income = BigDecimal.ZERO;
    BigDecimal payouts = BigDecimal.ZERO;
    long withoutPayouts;

    public long decided() {
      return decided;
    }

    public BigDecimal income() {
      return income;
    }

    public BigDecimal incomeAtBenchmark() {
      return incomeAtBenchmark;
    }

    public BigDecimal payouts() {
      return payouts;
    }

    public long withoutPayouts() {
      return withoutPayouts;
    }

    /** Income after floating less payouts. */
    public BigDecimal balance() {
      return income.subtract(payouts);
    }
  }

  public Replay(RuleTable table) {
    this.table = requireNonNull(table, "table");
  }

  /** Replays one employer's history. */
  public void add(RatingCase c) {
    SortedMap<Integer, YearFigures> figures = YearFigures.of(c.history());
    Optional<BigDecimal> band = Optional.empty();
    // the rate each replayed year was decided at: what the employer would have paid in it
    java.util.Map<Integer, BigDecimal> rates = new java.util.HashMap<>();
    boolean first = true;
    for (YearFigures y : figures.values()) {
      if (first) {
        first = false;
        continue;
      }
      LocalDate start = LocalDate.of(y.year(), 1, 1);
      List<Period> before = c.history().stream().filter(p -> p.to().isBefore(start)).map(p -> charged(p, rates))
          .toList();
      Optional<BigDecimal> payroll = y.value(Measure.PAYROLL);
      Year sums = years.computeIfAbsent(y.year(), k -> new Year());
      if (payroll.isEmpty()) {
        sums.refused.merge("IN025", 1L, Long::sum);
        band = Optional.empty();
        continue;
      }
      Employer.Builder e = c.employer().toBuilder();
      band.ifPresentOrElse(e::currentBand, () -> e.currentBand(BigDecimal.ONE));
      Decision d;
      try {
        RatingCase asThen = c.toBuilder().employer(e.build()).history(before).claims(c.claims().stream()
            .filter(x -> x.date().isBefore(start)).toList()).asOf(start).premiumBase(payroll.get()).build();
        d = table.decide(asThen);
      } catch (RateFloatException refused) {
        sums.refused.merge(refused.code().name(), 1L, Long::sum);
        band = Optional.empty();
        continue;
      }
      band = Optional.of(d.newBand().multiplier());
      rates.put(y.year(), d.rate());
      sums.decided++;
      sums.payroll = sums.payroll.add(payroll.get());
      sums.incomeAtBenchmark = sums.incomeAtBenchmark.add(payroll.get().multiply(d.benchmark()).movePointLeft(2));
      sums.income = sums.income.add(payroll.get().multiply(d.rate()).movePointLeft(2));
      Optional<BigDecimal> paid = y.value(Measure.BENEFITS_PAID);
      if (paid.isPresent()) {
        sums.payouts = sums.payouts.add(paid.get());
      } else {
        sums.withoutPayouts++;
      }
    }
  }

  /**
   * A period as the replay sees it: within a replayed year and with a payroll, its premiums paid are
   * what the year's replayed rate charges on that payroll (exact); any other period as recorded.
   */
  private static Period charged(Period p, java.util.Map<Integer, BigDecimal> rates) {
    BigDecimal rate = rates.get(p.from().getYear());
    Optional<BigDecimal> payroll = p.value(Measure.PAYROLL);
    if (rate == null || p.to().getYear() != p.from().getYear() || payroll.isEmpty()) {
      return p;
    }
    return p.toBuilder().value(Measure.PREMIUMS_PAID, payroll.get().multiply(rate).movePointLeft(2)).build();
  }

  /** The sums by year, so far (an unmodifiable view). */
  public SortedMap<Integer, Year> years() {
    return java.util.Collections.unmodifiableSortedMap(years);
  }

  void write(JsonOut out, Roundings r) {
    out.beginObject();
    out.name("assumptions").beginArray();
    for (Text t : ASSUMPTIONS) {
      out.beginObject().field("zh", t.zh()).field("en", t.en()).endObject();
    }
    out.endArray();
    out.name("years").beginArray();
    BigDecimal cumulative = BigDecimal.ZERO;
    for (var e : years.entrySet()) {
      Year y = e.getValue();
      cumulative = cumulative.add(y.balance());
      out.beginObject().field("year", e.getKey()).field("employers", y.decided);
      out.name("refused").beginObject();
      y.refused.forEach(out::field);
      out.endObject();
      out.field("payroll", y.payroll).field("incomeAtBenchmark", y.incomeAtBenchmark)
          .field("incomeAfterFloating", y.income).field("payouts", y.payouts);
      if (y.withoutPayouts > 0) {
        out.field("employersWithoutPayouts", y.withoutPayouts);
      }
      out.field("balance", y.balance()).field("cumulativeBalance", cumulative);
      out.field("payoutRatio", y.withoutPayouts > 0 || y.income.signum() == 0 ? ""
          : y.payouts.multiply(HUNDRED).divide(y.income, r.percent().scale(), r.percent().mode()).toPlainString());
      out.endObject();
    }
    out.endArray().endObject();
  }
}
