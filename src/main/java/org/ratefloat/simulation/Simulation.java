package org.ratefloat.simulation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.json.JsonOut;
import org.ratefloat.model.Measure;
import org.ratefloat.model.RatingCase;
import org.ratefloat.document.Rounding;

/**
 * Applies rule tables to a portfolio, one employer at a time, and adds up premium income at the
 * benchmark and after floating, by risk class and by band, with the fund's payouts. Sums are exact
 * decimals (no rounding anywhere), so the classes add up to the total to the last digit and income
 * after floating is exactly the sum of each employer's rate × payroll ÷ 100.
 *
 * <p>An employer's payroll is the premium base its decision priced (the case's {@code premiumBase},
 * or its last period's payroll); its payouts are the benefits paid in the last calendar year its periods
 * cover whole (months added up), or else in its last period. An employer whose payouts are not
 * recorded there ({@code benefitsPaid}) is counted in {@code withoutPayouts}, not as
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
  /** The format of a simulation's JSON (the output of {@code ratefloat simulate}). */
  public static final String FORMAT = "ratefloat/simulation@2";

  private Simulation() {}

  /**
   * Figures of a group of employers.
   *
   * @param incomeAtBenchmark Σ payroll × benchmark ÷ 100
   * @param incomeAtCurrent Σ payroll × benchmark × the band the employer pays now ÷ 100: what the
   *     employers pay today
   * @param incomeAfter Σ payroll × decided rate ÷ 100
   * @param payouts Σ benefits paid in the last calendar year (or period), of the employers that give it
   * @param withoutPayouts employers whose last year (or period) does not give the benefits paid
   */
  public record Totals(long employers, BigDecimal payroll, BigDecimal incomeAtBenchmark, BigDecimal incomeAtCurrent,
      BigDecimal incomeAfter, BigDecimal payouts, long withoutPayouts) {
    public static final Totals ZERO = new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, 0);

    public Totals {
      requireNonNull(payroll, "payroll");
      requireNonNull(incomeAtBenchmark, "incomeAtBenchmark");
      requireNonNull(incomeAtCurrent, "incomeAtCurrent");
      requireNonNull(incomeAfter, "incomeAfter");
      requireNonNull(payouts, "payouts");
    }

    Totals plus(Totals o) {
      return new Totals(employers + o.employers, payroll.add(o.payroll), incomeAtBenchmark.add(o.incomeAtBenchmark),
          incomeAtCurrent.add(o.incomeAtCurrent), incomeAfter.add(o.incomeAfter), payouts.add(o.payouts),
          withoutPayouts + o.withoutPayouts);
    }

    /**
     * Income after ÷ income at the current bands × 100 − 100: the change against what the employers pay
     * today, in percent, rounded as {@code r.percent()}; empty for no income.
     */
    public Optional<BigDecimal> incomeChangeFromCurrent(Roundings r) {
      return percent(incomeAfter, incomeAtCurrent, r).map(p -> p.subtract(HUNDRED));
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

  /**
   * The benefits the fund paid for an employer in the last calendar year its periods cover whole, or,
   * without such a year, in its last period; empty if not recorded there.
   */
  static Optional<BigDecimal> lastYearsPayouts(RatingCase c) {
    if (c.history().isEmpty()) {
      return Optional.empty();
    }
    java.util.SortedMap<Integer, YearFigures> years = YearFigures.of(c.history());
    int lastYear = c.history().get(c.history().size() - 1).to().getYear();
    if (years.containsKey(lastYear)) {
      return years.get(lastYear).value(Measure.BENEFITS_PAID);
    }
    return c.history().get(c.history().size() - 1).value(Measure.BENEFITS_PAID);
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
    /** The first message of each error code, pointer first: what a summary shows as the example. */
    private final SortedMap<String, String> examples = new TreeMap<>();
    /** Money the tables' rows added (a German surcharge, say), by currency: not premium income. */
    private final SortedMap<String, BigDecimal> amounts = new TreeMap<>();

    private final Roundings roundings;
    private final Optional<Replay> replay;

    /** A column with the {@linkplain Roundings#standard() shipped roundings}. */
    public Column(RuleTable table) {
      this(table, Roundings.standard());
    }

    public Column(RuleTable table, Roundings roundings) {
      this(table, roundings, false);
    }

    /** A column that also replays the table year after year over each employer's history ({@link Replay}). */
    public Column(RuleTable table, Roundings roundings, boolean replay) {
      this.table = requireNonNull(table, "table");
      this.roundings = requireNonNull(roundings, "roundings");
      this.replay = replay ? Optional.of(new Replay(table)) : Optional.empty();
    }

    /** The year-by-year replay, if this column makes one. */
    public Optional<Replay> replay() {
      return replay;
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
        refused(e.code().name(), (e.pointer().isEmpty() ? "/" : e.pointer()) + ": " + e.detail());
        return;
      }
      if (d.premium().isEmpty()) {
        refused("no payroll", "employer " + c.employer().id() + ": decided, but no payroll is known, so there is no premium");
        return;
      }
      BigDecimal payroll = d.premium().get().payroll();
      Optional<BigDecimal> payouts = lastYearsPayouts(c);
      BigDecimal atBenchmark = payroll.multiply(d.benchmark()).movePointLeft(2);
      Totals t = new Totals(1, payroll, atBenchmark, atBenchmark.multiply(d.previousBand().multiplier()),
          payroll.multiply(d.rate()).movePointLeft(2), payouts.orElse(BigDecimal.ZERO), payouts.isPresent() ? 0 : 1);
      replay.ifPresent(r -> r.add(c));
      total = total.plus(t);
      d.amounts().forEach(a -> amounts.merge(a.currency(), a.amount(), BigDecimal::add));
      byClass.merge(d.riskClass(), t, Totals::plus);
      byBand.merge(d.newBand().multiplier().stripTrailingZeros().toPlainString(), t, Totals::plus);
    }

    private void refused(String code, String example) {
      errors.merge(code, 1L, Long::sum);
      examples.putIfAbsent(code, example);
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

    /** The first refusal of each error code, its pointer and message, so far (an immutable copy). */
    public SortedMap<String, String> examples() {
      return ImmutableSortedMap.copyOfSorted(examples);
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
        // only where a table adds money
        out.name("amounts").beginObject();
        amounts.forEach((currency, sum) -> out.field(currency, sum.toPlainString()));
        out.endObject();
      }
      replay.ifPresent(r -> r.write(out.name("replay"), roundings));
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
        .field("incomeAtBenchmark", t.incomeAtBenchmark()).field("incomeAtCurrentBand", t.incomeAtCurrent())
        .field("incomeAfterFloating", t.incomeAfter())
        .field("incomeChangePercent", orEmpty(t.incomeChange(r)))
        .field("incomeChangeFromCurrentPercent", orEmpty(t.incomeChangeFromCurrent(r))).field("payouts", t.payouts());
    if (t.withoutPayouts() > 0) {
      // written only when there are such employers: a simulation whose employers all give their
      // payouts keeps the layout it always had
      out.field("employersWithoutPayouts", t.withoutPayouts());
    }
    out.field("payoutRatioAtBenchmark", orEmpty(t.payoutRatioBefore(r)))
        .field("payoutRatioAfterFloating", orEmpty(t.payoutRatioAfter(r)));
  }

  /**
   * What a simulation was run on: how many records the portfolio held, how many of them could not be
   * read, and the as-of dates of those read (the report is dated by them). Not thread-safe.
   */
  public static final class Portfolio {
    private long read;
    private long unreadable;
    private java.time.LocalDate firstAsOf;
    private java.time.LocalDate lastAsOf;

    /** Counts a record read. */
    public void add(RatingCase c) {
      read++;
      java.time.LocalDate asOf = c.asOf();
      firstAsOf = firstAsOf == null || asOf.isBefore(firstAsOf) ? asOf : firstAsOf;
      lastAsOf = lastAsOf == null || asOf.isAfter(lastAsOf) ? asOf : lastAsOf;
    }

    /** Counts a record that could not be read. */
    public void unreadable() {
      unreadable++;
    }

    void write(JsonOut out) {
      out.beginObject().field("records", read + unreadable).field("unreadable", unreadable);
      if (firstAsOf != null) {
        out.field("asOfFrom", firstAsOf.toString()).field("asOfTo", lastAsOf.toString());
      }
      out.endObject();
    }
  }

  /** The canonical JSON of one or more columns (current first). */
  public static byte[] json(java.util.List<Column> columns) {
    return json(columns, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The canonical JSON of one or more columns (current first) and the incidence tracking. */
  public static byte[] json(java.util.List<Column> columns, Incidence incidence) {
    return json(columns, Optional.of(incidence), Optional.empty(), Optional.empty());
  }

  /**
   * The canonical JSON of one or more columns (current first), the incidence tracking if any, and who
   * an incentive reaches ({@code incentives}) if counted.
   */
  public static byte[] json(java.util.List<Column> columns, Optional<Incidence> incidence,
      Optional<Incentives> incentives) {
    return json(columns, incidence, incentives, Optional.empty());
  }

  /**
   * The canonical JSON of one or more columns (current first), the incidence tracking if made, and
   * what the portfolio held.
   */
  public static byte[] json(java.util.List<Column> columns, Optional<Incidence> incidence, Portfolio portfolio) {
    return json(columns, incidence, Optional.empty(), Optional.of(portfolio));
  }

  /**
   * The canonical JSON of one or more columns (current first), the incidence tracking if made, who an
   * incentive reaches if counted, and what the portfolio held.
   */
  public static byte[] json(java.util.List<Column> columns, Optional<Incidence> incidence,
      Optional<Incentives> incentives, Portfolio portfolio) {
    return json(columns, incidence, incentives, Optional.of(portfolio));
  }

  private static byte[] json(java.util.List<Column> columns, Optional<Incidence> incidence,
      Optional<Incentives> incentives, Optional<Portfolio> portfolio) {
    JsonOut out = new JsonOut(true);
    out.beginObject().field("format", FORMAT);
    portfolio.ifPresent(p -> p.write(out.name("portfolio")));
    out.name("tables").beginArray();
    columns.forEach(c -> c.write(out));
    out.endArray();
    incidence.ifPresent(i -> i.write(out.name("incidence")));
    incentives.ifPresent(i -> i.write(out.name("incentives")));
    out.endObject();
    return out.bytes();
  }
}
