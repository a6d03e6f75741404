package org.ratefloat.thresholds;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;
import org.ratefloat.model.Measure;

/**
 * A figure of the coming period that the thresholds assume rather than vary: the payroll, the
 * premiums, the headcount. Immutable.
 *
 * @param measure the figure
 * @param value its value in the coming period; empty when it is not known (the history does not
 *     give it and the caller did not)
 * @param basis where the value comes from
 * @since 0.1.0
 */
public record Assumption(Measure measure, Optional<BigDecimal> value, Basis basis) {
  /** Checks that no component is null. */
  public Assumption {
    requireNonNull(measure, "measure");
    requireNonNull(value, "value");
    requireNonNull(basis, "basis");
  }

  /**
   * An assumed figure.
   *
   * @param measure the figure
   * @param value its value, if known
   * @param basis where it comes from
   * @return the assumption
   */
  public static Assumption of(Measure measure, Optional<BigDecimal> value, Basis basis) {
    return new Assumption(measure, value, basis);
  }

  /**
   * Where an assumed figure comes from.
   *
   * @since 0.1.0
   */
  public enum Basis {
    /** The year before the coming period, its periods added up (the average headcount weighted by days). */
    LAST_YEAR,
    /** The last period of the history, which does not cover that year whole. */
    LAST_PERIOD,
    /** The payroll times the rate this decision gives, ÷ 100, to 0.01, half up. */
    AT_NEW_RATE,
    /** The payroll times the benchmark, ÷ 100, to 0.01, half up. */
    AT_BENCHMARK,
    /** Given by the caller ({@link NextPeriod}). */
    GIVEN,
    /** Not known: the history does not give it and the caller did not. */
    UNKNOWN
  }
}
