package org.ratefloat.simulation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.json.JsonOut;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.rules.Rounding;

/**
 * Applies rule tables to a portfolio, one employer at a time, and adds up premium income at the
 * benchmark and after floating, by risk class and by band, with the fund's payouts. Sums are exact
 * decimals (no rounding anywhere), so the classes add up to the total to the last digit and income
 * after floating is exactly the sum of each employer's rate × payroll ÷ 100.
 *
 * <p>An employer's payroll is the premium base its decision priced (the case's {@code premiumBase},
 * or its last period's payroll); its payouts are the benefits paid in its last period. An employer
 * whose last period does not give {@code benefitsPaid} is counted in {@code withoutPayouts}, not as
 * paying nothing: the payout ratios of a group with such employers are not given.
 *
 * <p>Results are values: the totals are records, the maps and sets returned are immutable copies,
 * and a figure that cannot be computed is an empty {@link Optional}, never {@code null} or an empty
 * string (the JSON writes such a figure as {@code ""}, which the report reads as "not given").
 *
 * @since 0.1.0
 */
public final class Simulation {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private Simulation() {}

  /**
   * Figures of a group of employers.
   *
   * @param incomeAtBenchmark Σ payroll × benchmark ÷ 100
   * @param incomeAfter Σ payroll × decided rate ÷ 100
   * @param payouts Σ benefits paid in the last period, of the employers that give it
   * @param withoutPayouts employers whose last period does not give the benefits paid
   */
  public record Totals(long employers, BigDecimal payroll, BigDecimal incomeAtBenchmark, BigDecimal incomeAfter,
      BigDecimal payouts, long withoutPayouts) {
    public static final Totals ZERO = new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, 0);

    public Totals {
      requireNonNull(payroll, "payroll");
      requireNonNull(incomeAtBenchmark, "incomeAtBenchmark");
      requireNonNull(incomeAfter, "incomeAfter");
      requireNonNull(payouts, "payouts");
    }

    Totals plus(Totals o) {
      return new Totals(employers + o.employers, payroll.add(o.payroll), incomeAtBenchmark.add(o.incomeAtBenchmark),
          incomeAfter.add(o.incomeAfter), payouts.add(o.payouts), withoutPayouts + o.withoutPayouts);
    }

    /**
     * Payouts ÷ income at the benchmark × 100, rounded as {@code r.percent()}; empty for no income,
     * or when some employer's payouts are not known.
     */
    public Optional<BigDecimal> payoutRatioBefore(Roundings r) {
      return withoutPayouts > 0 ? Optional.empty() : percent(payouts, incomeAtBenchmark, r);
    }

    /** Payouts ÷ income after floating × 100; empty as {@link #payoutRatioBefore}. */
    public Optional<BigDecimal> payoutRatioAfter(Roundings r) {
      return withoutPayouts > 0 ? Optional.empty() : percent(payouts, incomeAfter, r);
    }

    /**
     * Income after ÷ income at benchmark × 100 − 100: the change floating causes, in percent,
     * rounded as {@code r.percent()}; empty for no income.
     */
    public Optional<BigDecimal> incomeChange(Roundings r) {
      return percent(incomeAfter, incomeAtBenchmark, r).map(p -> p.subtract(HUNDRED));
    }
  }

  /** a ÷ b × 100, rounded as the percentages; empty if b is zero. */
  private static Optional<BigDecimal> percent(BigDecimal a, BigDecimal b, Roundings r) {
    Rounding p = r.percent();
    return b.signum() == 0 ? Optional.empty() : Optional.of(a.multiply(HUNDRED).divide(b, p.scale(), p.mode()));
  }

  /** One rule table applied to a portfolio. Not thread-safe; feed it from one thread. */
  public static final class Column {
    private final RuleTable table;
    private Totals total = Totals.ZERO;
    private final SortedMap<Integer, Totals> byClass = new TreeMap<>();
    private final SortedMap<String, Totals> byBand = new TreeMap<>();
    private final SortedMap<String, Long> errors = new TreeMap<>();
    /** Money the tables' rows added (a German surcharge, say), by currency: not premium income. */
    private final SortedMap<String, BigDecimal> amounts = new TreeMap<>();

    private final Roundings roundings;

    /** A column with the {@linkplain Roundings#standard() shipped roundings}. */
    public Column(RuleTable table) {
      this(table, Roundings.standard());
    }

    public Column(RuleTable table, Roundings roundings) {
      this.table = requireNonNull(table, "table");
      this.roundings = requireNonNull(roundings, "roundings");
    }

    /** How this column rounds its derived figures. */
    public Roundings roundings() {
      return roundings;
    }

    /** Decides one employer and adds it in (a refused employer is counted by error code). */
    public void add(RatingCase c) {
      Decision d;
      try {
        d = table.decide(c);
      } catch (RateFloatException e) {
        errors.merge(e.code().name(), 1L, Long::sum);
        return;
      }
      if (d.premium().isEmpty()) {
        errors.merge("no payroll", 1L, Long::sum);
        return;
      }
      BigDecimal payroll = d.premium().get().payroll();
      Optional<BigDecimal> payouts = c.history().isEmpty() ? Optional.empty()
          : c.history().get(c.history().size() - 1).value(Measure.BENEFITS_PAID);
      Totals t = new Totals(1, payroll, payroll.multiply(d.benchmark()).movePointLeft(2),
          payroll.multiply(d.rate()).movePointLeft(2), payouts.orElse(BigDecimal.ZERO), payouts.isPresent() ? 0 : 1);
      total = total.plus(t);
      d.amounts().forEach(a -> amounts.merge(a.currency(), a.amount(), BigDecimal::add));
      byClass.merge(d.riskClass(), t, Totals::plus);
      byBand.merge(d.newBand().multiplier().stripTrailingZeros().toPlainString(), t, Totals::plus);
    }

    public Totals total() {
      return total;
    }

    /** The totals by risk class, so far (an immutable copy). */
    public SortedMap<Integer, Totals> byClass() {
      return ImmutableSortedMap.copyOfSorted(byClass);
    }

    /** The totals by new band (the multiplier, plain), so far (an immutable copy). */
    public SortedMap<String, Totals> byBand() {
      return ImmutableSortedMap.copyOfSorted(byBand);
    }

    /**
     * The amounts of money the decisions' rows added, by currency, so far (an immutable copy): they
     * are charged besides the premium, so neither income figure holds them.
     */
    public SortedMap<String, BigDecimal> amounts() {
      return ImmutableSortedMap.copyOfSorted(amounts);
    }

    /** The employers refused, by error code, so far (an immutable copy). */
    public SortedMap<String, Long> errors() {
      return ImmutableSortedMap.copyOfSorted(errors);
    }

    void write(JsonOut out) {
      out.beginObject();
      out.name("table").beginObject().field("id", table.id()).field("version", table.version())
          .field("status", table.status().jsonName()).field("sha256", table.sha256());
      out.name("title").beginObject().field("zh", table.title("zh")).field("en", table.title("en")).endObject();
      out.endObject();
      totals(out.name("total"), total, roundings);
      out.name("byClass").beginArray();
      byClass.forEach((c, t) -> {
        out.beginObject().field("riskClass", c);
        fields(out, t, roundings);
        out.endObject();
      });
      out.endArray();
      out.name("byBand").beginArray();
      byBand.forEach((b, t) -> {
        out.beginObject().field("band", b).field("share", orEmpty(share(t.employers(), total.employers(), roundings)));
        fields(out, t, roundings);
        out.endObject();
      });
      out.endArray();
      out.name("refused").beginObject();
      errors.forEach(out::field);
      out.endObject();
      if (!amounts.isEmpty()) {
        // only where a table adds money, so the output of every other table stays as it was
        out.name("amounts").beginObject();
        amounts.forEach((currency, sum) -> out.field(currency, sum.toPlainString()));
        out.endObject();
      }
      out.endObject();
    }
  }

  private static Optional<BigDecimal> share(long part, long whole, Roundings r) {
    return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole), r);
  }

  /** A figure that may not be given: its plain decimal, or {@code ""} (what the report reads as none). */
  private static String orEmpty(Optional<BigDecimal> figure) {
    return figure.map(BigDecimal::toPlainString).orElse("");
  }

  private static void totals(JsonOut out, Totals t, Roundings r) {
    out.beginObject();
    fields(out, t, r);
    out.endObject();
  }

  private static void fields(JsonOut out, Totals t, Roundings r) {
    out.field("employers", t.employers()).field("payroll", t.payroll())
        .field("incomeAtBenchmark", t.incomeAtBenchmark()).field("incomeAfterFloating", t.incomeAfter())
        .field("incomeChangePercent", orEmpty(t.incomeChange(r))).field("payouts", t.payouts());
    if (t.withoutPayouts() > 0) {
      // written only when there are such employers: a simulation whose employers all give their
      // payouts keeps the layout it always had
      out.field("employersWithoutPayouts", t.withoutPayouts());
    }
    out.field("payoutRatioAtBenchmark", orEmpty(t.payoutRatioBefore(r)))
        .field("payoutRatioAfterFloating", orEmpty(t.payoutRatioAfter(r)));
  }

  /** The canonical JSON of one or more columns (current first). */
  public static byte[] json(java.util.List<Column> columns) {
    return json(columns, Optional.empty());
  }

  /** The canonical JSON of one or more columns (current first) and the incidence tracking. */
  public static byte[] json(java.util.List<Column> columns, Incidence incidence) {
    return json(columns, Optional.of(incidence));
  }

  private static byte[] json(java.util.List<Column> columns, Optional<Incidence> incidence) {
    JsonOut out = new JsonOut(true);
    out.beginObject().field("format", "ratefloat/simulation@1");
    out.name("tables").beginArray();
    columns.forEach(c -> c.write(out));
    out.endArray();
    incidence.ifPresent(i -> i.write(out.name("incidence")));
    out.endObject();
    return out.bytes();
  }

  /**
   * Injury incidence per risk class and calendar year (Σ injuries ÷ Σ average headcount × 100,
   * rounded as {@link Roundings#incidence()} names) against a path from the base year's rate down by
   * {@code reduction} percent over {@code years} years, in equal steps.
   */
  public static final class Incidence {
    private final int baseYear;
    private final BigDecimal reduction;
    private final int years;
    private final Set<Integer> classes;
    private final Roundings roundings;
    private final SortedMap<Integer, SortedMap<Integer, BigDecimal[]>> sums = new TreeMap<>();

    /** @param classes the classes tracked (empty: all) */
    public Incidence(int baseYear, BigDecimal reduction, int years, java.util.Set<Integer> classes) {
      this(baseYear, reduction, years, classes, Roundings.standard());
    }

    /** As above, rounding incidence and the path as {@code roundings} name. */
    public Incidence(int baseYear, BigDecimal reduction, int years, java.util.Set<Integer> classes,
        Roundings roundings) {
      this.roundings = requireNonNull(roundings, "roundings");
      this.baseYear = baseYear;
      this.reduction = requireNonNull(reduction, "reduction");
      this.years = years;
      this.classes = Set.copyOf(classes);
    }

    /** Adds an employer's calendar years (other periods are left out). */
    public void add(RatingCase c, int riskClass) {
      if (!classes.isEmpty() && !classes.contains(riskClass)) {
        return;
      }
      for (Period p : c.history()) {
        if (!p.isCalendarYear()) {
          continue;
        }
        BigDecimal injuries = p.value(Measure.INJURIES).orElse(null);
        BigDecimal headcount = p.value(Measure.AVERAGE_HEADCOUNT).orElse(null);
        if (injuries == null || headcount == null) {
          continue;
        }
        BigDecimal[] s = sums.computeIfAbsent(riskClass, k -> new TreeMap<>())
            .computeIfAbsent(p.from().getYear(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        s[0] = s[0].add(injuries);
        s[1] = s[1].add(headcount);
      }
    }

    /** Whether some tracked class has a rate in the year (a path can start there). */
    public boolean covers(int year) {
      return sums.keySet().stream().anyMatch(c -> rate(c, year).isPresent());
    }

    /** The rate of a class in a year; empty if not recorded (or no headcount). */
    public Optional<BigDecimal> rate(int riskClass, int year) {
      BigDecimal[] s = sums.getOrDefault(riskClass, new TreeMap<>()).get(year);
      return s == null || s[1].signum() == 0 ? Optional.empty()
          : Optional.of(s[0].multiply(HUNDRED).divide(s[1], roundings.incidence().scale(), roundings.incidence().mode()));
    }

    /** The target of a class in a year on the path from the base year; empty outside the path. */
    public Optional<BigDecimal> target(int riskClass, int year) {
      Optional<BigDecimal> start = rate(riskClass, baseYear);
      if (start.isEmpty() || year < baseYear || year > baseYear + years) {
        return Optional.empty();
      }
      BigDecimal base = start.get();
      BigDecimal cut = reduction.multiply(BigDecimal.valueOf(year - baseYear))
          .divide(BigDecimal.valueOf(years).multiply(HUNDRED), roundings.pathStep().scale(), roundings.pathStep().mode());
      return Optional.of(roundings.incidence().apply(base.multiply(BigDecimal.ONE.subtract(cut))));
    }

    void write(JsonOut out) {
      out.beginObject().field("baseYear", baseYear).field("reductionPercent", reduction).field("years", years);
      out.name("byClass").beginArray();
      for (Map.Entry<Integer, SortedMap<Integer, BigDecimal[]>> e : sums.entrySet()) {
        out.beginObject().field("riskClass", e.getKey()).name("years").beginArray();
        for (Map.Entry<Integer, BigDecimal[]> y : e.getValue().entrySet()) {
          out.beginObject().field("year", y.getKey()).field("injuries", y.getValue()[0])
              .field("averageHeadcount", y.getValue()[1]);
          Optional<BigDecimal> rate = rate(e.getKey(), y.getKey());
          Optional<BigDecimal> target = target(e.getKey(), y.getKey());
          out.field("ratePercent", orEmpty(rate));
          out.field("targetPercent", orEmpty(target));
          out.field("onPath", rate.isPresent() && target.isPresent() && rate.get().compareTo(target.get()) <= 0);
          out.endObject();
        }
        out.endArray().endObject();
      }
      out.endArray().endObject();
    }
  }
}
