package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ratefloat.internal.LazyList;
import org.ratefloat.internal.LazyText;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.RatingCase;

/**
 * A rate-floating decision and its full justification.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()} (the engine builds it; so does the
 * reader of a record). Two decisions made from the same case as submitted, with the same rule-table
 * bytes and library version, are equal and serialise to the same bytes ({@code RateFloat.toJson}).
 *
 * <p>Who made a decision ({@link #library()}) is its provenance; everything else is what was
 * decided. A record made by another version of the library verifies as long as every decided value
 * is equal (see the README's compatibility section).
 *
 * @since 0.1.0
 */
public final class Decision {
  /**
   * Where the risk class comes from.
   *
   * @since 0.1.0
   */
  public enum ClassSource implements JsonNamed {
    /** The table's industry classification of the employer's code. */
    CLASSIFICATION("classification"),
    /** The case's {@code riskClassOverride}. */
    OVERRIDE("override");

    private final String jsonName;

    ClassSource(String jsonName) {
      this.jsonName = jsonName;
    }

    /** The name a record writes. */
    @Override
    public String jsonName() {
      return jsonName;
    }

    /** The source a record names, if it is one. */
    public static Optional<ClassSource> byJsonName(String name) {
      return JsonNamed.find(values(), name);
    }
  }

  /**
   * Where the benchmark rate comes from.
   *
   * @since 0.1.0
   */
  public enum BenchmarkSource implements JsonNamed {
    /** The rule table (or the table it is based on). */
    TABLE("table"),
    /** The case's {@code benchmarkRate}, where the table's sources lack the class's benchmark. */
    INPUT("input");

    private final String jsonName;

    BenchmarkSource(String jsonName) {
      this.jsonName = jsonName;
    }

    /** The name a record writes. */
    @Override
    public String jsonName() {
      return jsonName;
    }

    /** The source a record names, if it is one. */
    public static Optional<BenchmarkSource> byJsonName(String name) {
      return JsonNamed.find(values(), name);
    }
  }

  private final String library;
  private final List<TableRef> tables;
  private final CharSequence submitted;
  private volatile @Nullable String inputSha256;
  private final int riskClass;
  private final ClassSource classSource;
  private final BigDecimal benchmark;
  private final BenchmarkSource benchmarkSource;
  private final Band previousBand;
  private final Band newBand;
  private final BigDecimal rateUnrounded;
  private final BigDecimal rate;
  private final String rateRounding;
  private final Optional<Premium> premium;
  private final List<IndicatorValue> indicators;
  private final List<StepTrace> steps;
  private final List<Warning> warnings;
  private final RatingCase input;
  private final List<Amount> amounts;
  private final List<Assumption> assumed;

  private Decision(Builder b) {
    this.library = TableRef.required(b.library, "library");
    this.tables = ImmutableList.copyOf(b.tables);
    if (tables.isEmpty()) {
      throw new IllegalStateException("tables is required: the table that decided first");
    }
    this.input = TableRef.required(b.input, "input");
    this.submitted = TableRef.required(b.submitted, "submittedInput");
    this.inputSha256 = b.inputSha256;
    this.riskClass = b.riskClass;
    if (riskClass < 1 || riskClass > 99) {
      throw new IllegalStateException("risk class must be from 1 to 99: " + riskClass);
    }
    this.classSource = TableRef.required(b.classSource, "classSource");
    this.benchmark = TableRef.required(b.benchmark, "benchmark");
    this.benchmarkSource = TableRef.required(b.benchmarkSource, "benchmarkSource");
    this.previousBand = TableRef.required(b.previousBand, "previousBand");
    this.newBand = TableRef.required(b.newBand, "newBand");
    this.rateUnrounded = TableRef.required(b.rateUnrounded, "rateUnrounded");
    this.rate = TableRef.required(b.rate, "rate");
    this.rateRounding = TableRef.required(b.rateRounding, "rateRounding");
    this.premium = Optional.ofNullable(b.premium);
    this.indicators = b.indicators;
    this.steps = b.steps;
    this.warnings = ImmutableList.copyOf(b.warnings);
    this.amounts = ImmutableList.copyOf(b.amounts);
    this.assumed = b.assumed;
  }

  /** A builder of a decision. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this decision's parts. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.library = library;
    b.tables = tables;
    b.input = input;
    b.submitted = submitted;
    b.inputSha256 = inputSha256;
    b.riskClass = riskClass;
    b.classSource = classSource;
    b.benchmark = benchmark;
    b.benchmarkSource = benchmarkSource;
    b.previousBand = previousBand;
    b.newBand = newBand;
    b.rateUnrounded = rateUnrounded;
    b.rate = rate;
    b.rateRounding = rateRounding;
    b.premium = premium.orElse(null);
    b.indicators = indicators;
    b.steps = steps;
    b.warnings = warnings;
    b.amounts = amounts;
    b.assumed = assumed;
    return b;
  }

  /** Library name and version, e.g. {@code ratefloat 0.1.0}: who made the decision. */
  public String library() {
    return library;
  }

  /** The measure table first, then the tables it refers to; unmodifiable. */
  public List<TableRef> tables() {
    return tables;
  }

  /** The table that decided. */
  public TableRef table() {
    return tables.get(0);
  }

  /**
   * SHA-256 (lower-case hex) of the case exactly as submitted, in its canonical form (RFC 8785),
   * as UTF-8: what any RFC 8785 tool computes from the submitted document.
   */
  public String inputSha256() {
    String h = inputSha256;
    if (h == null) {
      h = submitted instanceof LazyText lazy ? lazy.sha256()
          : Hashing.sha256().hashString(submitted, StandardCharsets.UTF_8).toString();
      inputSha256 = h;
    }
    return h;
  }

  /**
   * The case exactly as submitted, in its canonical form (RFC 8785): the document a record echoes
   * and {@link #inputSha256()} is taken over. For a case built in Java it is the canonical form of
   * {@code RateFloat.toJson(input)}.
   */
  public String submittedInput() {
    return submitted.toString();
  }

  /** The as-of date of the decision. */
  public LocalDate asOf() {
    return input.asOf();
  }

  /** The employer's industry code. */
  public IndustryCode industry() {
    return input.employer().industry();
  }

  /** The resolved risk class. */
  public int riskClass() {
    return riskClass;
  }

  /** Where the risk class comes from. */
  public ClassSource classSource() {
    return classSource;
  }

  /** The class's benchmark rate in percent of payroll. */
  public BigDecimal benchmark() {
    return benchmark;
  }

  /** Where the benchmark comes from. */
  public BenchmarkSource benchmarkSource() {
    return benchmarkSource;
  }

  /** The band the employer was on. */
  public Band previousBand() {
    return previousBand;
  }

  /** The band decided. */
  public Band newBand() {
    return newBand;
  }

  /** Benchmark × band × multipliers + points, after floors and caps. */
  public BigDecimal rateUnrounded() {
    return rateUnrounded;
  }

  /** The new rate in percent of payroll, rounded as the table says. */
  public BigDecimal rate() {
    return rate;
  }

  /** The rounding the table names for the rate, e.g. {@code scale 4 HALF_UP}. */
  public String rateRounding() {
    return rateRounding;
  }

  /** The premium at the new rate, if a payroll was known. */
  public Optional<Premium> premium() {
    return premium;
  }

  /** Every indicator computed, in the table's order; unmodifiable. */
  public List<IndicatorValue> indicators() {
    return indicators;
  }

  /** Every step of the table, in order, with what it did; unmodifiable. */
  public List<StepTrace> steps() {
    return steps;
  }

  /** Caveats (provisional table, reconstructed rows, clamps); unmodifiable. */
  public List<Warning> warnings() {
    return warnings;
  }

  /** The case decided, as the engine read it (defaults filled in: see {@link #assumed()}). */
  public RatingCase input() {
    return input;
  }

  /** The amounts of money rows added (surcharges, rebates), in the order they fired; unmodifiable. */
  public List<Amount> amounts() {
    return amounts;
  }

  /**
   * The values the decision used that the case as submitted does not give (defaults, derived
   * values), in the order of the case's JSON form; unmodifiable.
   */
  public List<Assumption> assumed() {
    return assumed;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Decision d && library.equals(d.library) && tables.equals(d.tables)
        && inputSha256().equals(d.inputSha256()) && riskClass == d.riskClass && classSource == d.classSource
        && benchmark.equals(d.benchmark) && benchmarkSource == d.benchmarkSource
        && previousBand.equals(d.previousBand) && newBand.equals(d.newBand)
        && rateUnrounded.equals(d.rateUnrounded) && rate.equals(d.rate) && rateRounding.equals(d.rateRounding)
        && premium.equals(d.premium) && indicators.equals(d.indicators) && steps.equals(d.steps)
        && warnings.equals(d.warnings) && input.equals(d.input) && amounts.equals(d.amounts)
        && assumed.equals(d.assumed) && submittedInput().equals(d.submittedInput());
  }

  @Override
  public int hashCode() {
    return Objects.hash(library, tables, inputSha256(), riskClass, rate, newBand);
  }

  @Override
  public String toString() {
    return "Decision[employer=" + input.employer().id() + ", table=" + table().id() + ", class=" + riskClass
        + ", newBand=" + newBand.multiplier().toPlainString() + ", rate=" + rate.toPlainString() + ", library="
        + library + ", inputSha256=" + inputSha256() + "]";
  }

  /**
   * Builds a {@link Decision}. Required: library, tables, the input with its submitted form, risk
   * class and class source, benchmark and its source, both bands, the rate (unrounded, rounded,
   * rounding). Lists start empty.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String library;
    private List<TableRef> tables = ImmutableList.of();
    private @Nullable RatingCase input;
    private @Nullable CharSequence submitted;
    private @Nullable String inputSha256;
    private int riskClass;
    private @Nullable ClassSource classSource;
    private @Nullable BigDecimal benchmark;
    private @Nullable BenchmarkSource benchmarkSource;
    private @Nullable Band previousBand;
    private @Nullable Band newBand;
    private @Nullable BigDecimal rateUnrounded;
    private @Nullable BigDecimal rate;
    private @Nullable String rateRounding;
    private @Nullable Premium premium;
    private List<IndicatorValue> indicators = ImmutableList.of();
    private List<StepTrace> steps = ImmutableList.of();
    private List<Warning> warnings = ImmutableList.of();
    private List<Amount> amounts = ImmutableList.of();
    private List<Assumption> assumed = ImmutableList.of();

    private Builder() {}

    /** Who made the decision, e.g. {@code ratefloat 0.1.0}. */
    public Builder library(String library) {
      this.library = requireNonNull(library, "library");
      return this;
    }

    /** Replaces the tables: the table that decided first, then the tables it refers to. */
    public Builder tables(List<TableRef> tables) {
      this.tables = elements(tables, "tables", "table");
      return this;
    }

    /**
     * The case decided, as read (defaults filled in), and the case as submitted in its canonical
     * form (RFC 8785), which the input hash is taken over; for a case built in Java, the canonical
     * form of {@code RateFloat.toJson(input)}.
     */
    public Builder input(RatingCase input, CharSequence submittedCanonicalJson) {
      this.input = requireNonNull(input, "input");
      this.submitted = LazyText.copyOf(requireNonNull(submittedCanonicalJson, "submittedCanonicalJson"));
      this.inputSha256 = null;
      return this;
    }

    /** The risk class and where it comes from. */
    public Builder riskClass(int riskClass, ClassSource source) {
      this.riskClass = riskClass;
      this.classSource = requireNonNull(source, "source");
      return this;
    }

    /** The benchmark rate (percent of payroll) and where it comes from. */
    public Builder benchmark(BigDecimal rate, BenchmarkSource source) {
      this.benchmark = requireNonNull(rate, "rate");
      this.benchmarkSource = requireNonNull(source, "source");
      return this;
    }

    /** The band the employer was on and the band decided. */
    public Builder bands(Band previous, Band next) {
      this.previousBand = requireNonNull(previous, "previous");
      this.newBand = requireNonNull(next, "next");
      return this;
    }

    /** The rate before rounding, the rate, and the rounding the table names for it. */
    public Builder rate(BigDecimal unrounded, BigDecimal rate, String rounding) {
      this.rateUnrounded = requireNonNull(unrounded, "unrounded");
      this.rate = requireNonNull(rate, "rate");
      this.rateRounding = requireNonNull(rounding, "rounding");
      return this;
    }

    /** The premium at the new rate. */
    public Builder premium(Premium premium) {
      this.premium = requireNonNull(premium, "premium");
      return this;
    }

    /** The indicators computed, in the table's order. */
    public Builder indicators(List<IndicatorValue> indicators) {
      this.indicators = LazyList.copyOf(requireNonNull(indicators, "indicators"));
      return this;
    }

    /** Every step of the table, in order. */
    public Builder steps(List<StepTrace> steps) {
      this.steps = LazyList.copyOf(requireNonNull(steps, "steps"));
      return this;
    }

    /** Replaces the warnings. */
    public Builder warnings(List<Warning> warnings) {
      this.warnings = elements(warnings, "warnings", "warning");
      return this;
    }

    /** Replaces the amounts of money rows added. */
    public Builder amounts(List<Amount> amounts) {
      this.amounts = elements(amounts, "amounts", "amount");
      return this;
    }

    /**
     * An immutable copy of a list whose elements must not be null, each refused by name; a list
     * already immutable (which holds no null) is kept as it is.
     */
    private static <T> ImmutableList<T> elements(List<T> list, String name, String element) {
      requireNonNull(list, name);
      if (list instanceof ImmutableList<T> kept) {
        return kept;
      }
      list.forEach(e -> requireNonNull(e, element));
      return ImmutableList.copyOf(list);
    }

    /** The values used that the case as submitted does not give. */
    public Builder assumed(List<Assumption> assumed) {
      this.assumed = LazyList.copyOf(requireNonNull(assumed, "assumed"));
      return this;
    }

    /**
     * The decision.
     *
     * @throws IllegalStateException if a required part is missing or the risk class is not 1 to 99
     */
    public Decision build() {
      return new Decision(this);
    }
  }
}
