package org.ratefloat.thresholds;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the thresholds assume of the coming period, where the caller wants other than the
 * {@linkplain #standard() standard} assumptions: the next as-of date (one year after this one), the
 * payroll and headcount (the last year's), the premiums (at the rate this decision gives), which
 * quantities vary (every controllable one the table reads) and at what the others are held (0).
 * Immutable; build it with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class NextPeriod {
  private static final NextPeriod STANDARD = builder().build();

  private final Optional<LocalDate> asOf;
  private final Optional<BigDecimal> payroll;
  private final Premiums premiums;
  private final Optional<BigDecimal> premiumsPaid;
  private final Optional<BigDecimal> premiumsAtBenchmark;
  private final Optional<BigDecimal> averageHeadcount;
  private final ImmutableMap<Variable, BigDecimal> held;
  private final Optional<ImmutableSet<Variable>> vary;
  private final ImmutableMap<String, Optional<BigDecimal>> customValues;

  private NextPeriod(Builder b) {
    this.asOf = b.asOf;
    this.payroll = b.payroll;
    this.premiums = b.premiums;
    this.premiumsPaid = b.premiumsPaid;
    this.premiumsAtBenchmark = b.premiumsAtBenchmark;
    this.averageHeadcount = b.averageHeadcount;
    this.held = ImmutableMap.copyOf(b.held);
    this.vary = b.vary.map(ImmutableSet::copyOf);
    this.customValues = ImmutableMap.copyOf(b.customValues);
  }

  /** The standard assumptions: everything as the class comment says. */
  public static NextPeriod standard() {
    return STANDARD;
  }

  /** A builder with the standard assumptions. */
  public static Builder builder() {
    return new Builder();
  }

  /** The next decision's as-of date, if given (else this one's plus one year). */
  public Optional<LocalDate> asOf() {
    return asOf;
  }

  /** The coming period's payroll, if given (else the last year's). */
  public Optional<BigDecimal> payroll() {
    return payroll;
  }

  /** How the premiums paid are assumed when {@link #premiumsPaid()} is not given. */
  public Premiums premiums() {
    return premiums;
  }

  /** The coming period's premiums paid, if given. */
  public Optional<BigDecimal> premiumsPaid() {
    return premiumsPaid;
  }

  /** The premiums at the benchmark, if given (else payroll × benchmark ÷ 100). */
  public Optional<BigDecimal> premiumsAtBenchmark() {
    return premiumsAtBenchmark;
  }

  /** The coming period's average headcount, if given (else the last year's). */
  public Optional<BigDecimal> averageHeadcount() {
    return averageHeadcount;
  }

  /** The quantities held at a value other than 0, not varied. */
  public Map<Variable, BigDecimal> held() {
    return held;
  }

  /** The quantities to vary, if the caller chose them (else every controllable one the table reads). */
  public Optional<Set<Variable>> vary() {
    return vary.map(s -> s);
  }

  /**
   * The custom values the caller names as controllable, by name, each with its unit if given (else
   * the step the table declares for it, or 0.01).
   */
  public Map<String, Optional<BigDecimal>> customValues() {
    return customValues;
  }

  /**
   * How the coming period's premiums paid are assumed.
   *
   * @since 0.1.0
   */
  public enum Premiums {
    /** The payroll times the rate this decision gives, ÷ 100, to 0.01, half up. */
    AT_NEW_RATE,
    /** As the last year's. */
    AS_LAST_YEAR
  }

  /**
   * Builds a {@link NextPeriod}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Optional<LocalDate> asOf = Optional.empty();
    private Optional<BigDecimal> payroll = Optional.empty();
    private Premiums premiums = Premiums.AT_NEW_RATE;
    private Optional<BigDecimal> premiumsPaid = Optional.empty();
    private Optional<BigDecimal> premiumsAtBenchmark = Optional.empty();
    private Optional<BigDecimal> averageHeadcount = Optional.empty();
    private final Map<Variable, BigDecimal> held = new LinkedHashMap<>();
    private Optional<Set<Variable>> vary = Optional.empty();
    private final Map<String, Optional<BigDecimal>> customValues = new LinkedHashMap<>();

    private Builder() {}

    /** The next decision's as-of date (default: this one's plus one year). */
    public Builder asOf(LocalDate date) {
      this.asOf = Optional.of(requireNonNull(date, "date"));
      return this;
    }

    /** The coming period's payroll (default: the last year's). */
    public Builder payroll(BigDecimal amount) {
      this.payroll = Optional.of(notNegative(amount, "payroll"));
      return this;
    }

    /** How the premiums are assumed (default: {@link Premiums#AT_NEW_RATE}). */
    public Builder premiums(Premiums basis) {
      this.premiums = requireNonNull(basis, "basis");
      return this;
    }

    /** The coming period's premiums paid, which then are not assumed. */
    public Builder premiumsPaid(BigDecimal amount) {
      this.premiumsPaid = Optional.of(notNegative(amount, "premiumsPaid"));
      return this;
    }

    /** The premiums at the benchmark (default: payroll × benchmark ÷ 100, to 0.01, half up). */
    public Builder premiumsAtBenchmark(BigDecimal amount) {
      this.premiumsAtBenchmark = Optional.of(notNegative(amount, "premiumsAtBenchmark"));
      return this;
    }

    /** The coming period's average headcount (default: the last year's). */
    public Builder averageHeadcount(BigDecimal headcount) {
      this.averageHeadcount = Optional.of(notNegative(headcount, "averageHeadcount"));
      return this;
    }

    /**
     * Holds a quantity at a value: it is not varied (unless {@link #vary} names it) and the coming
     * period records this value for it.
     */
    public Builder hold(Variable variable, BigDecimal value) {
      held.put(requireNonNull(variable, "variable"), notNegative(value, "value"));
      return this;
    }

    /**
     * Varies exactly these quantities (default: every controllable quantity the table reads for the
     * next decision); the others are held.
     */
    public Builder vary(Set<Variable> variables) {
      Set<Variable> copy = new LinkedHashSet<>();
      requireNonNull(variables, "variables").forEach(v -> copy.add(requireNonNull(v, "variable")));
      this.vary = Optional.of(copy);
      return this;
    }

    /**
     * Names a custom value of the case as a quantity the employer controls, varied in steps of the
     * table's declared step for it (or 0.01).
     */
    public Builder customValue(String name) {
      customValues.put(requireNonNull(name, "name"), Optional.empty());
      return this;
    }

    /** Names a custom value as controllable, varied in steps of {@code unit}. */
    public Builder customValue(String name, BigDecimal unit) {
      if (requireNonNull(unit, "unit").signum() <= 0) {
        throw new IllegalArgumentException("unit must be positive: " + unit.toPlainString());
      }
      customValues.put(requireNonNull(name, "name"), Optional.of(unit));
      return this;
    }

    /** The assumptions as given. */
    public NextPeriod build() {
      return new NextPeriod(this);
    }

    private static BigDecimal notNegative(BigDecimal x, String name) {
      if (requireNonNull(x, name).signum() < 0) {
        throw new IllegalArgumentException(name + " must not be negative: " + x.toPlainString());
      }
      return x;
    }
  }
}
