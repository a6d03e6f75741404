package org.ratefloat.engine;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;
import org.ratefloat.error.RateFloatException;

/**
 * One indicator of a table as the engine computes it for a case, whether a step of a decision would
 * reach it or not: a number as exact fractions (the value the conditions compare, and the value
 * before the measure's own rounding), a yes/no or a text, or the refusal computing it met. For the
 * library's thresholds, not part of the API. Immutable.
 *
 * @param indicator the indicator's id
 * @param compared the compared value {numerator, denominator} of a number, the denominator positive
 * @param unrounded the exact value before the measure's rounding (the compared value where there is none)
 * @param flag the value of a yes/no indicator
 * @param text the value of a text indicator
 * @param failure why the indicator could not be computed for this case
 */
public record Reading(String indicator, Optional<Fraction> compared, Optional<Fraction> unrounded,
    Optional<Boolean> flag, Optional<String> text, Optional<RateFloatException> failure) {

  /** An exact value n / d with d &gt; 0, as the engine computed it (not reduced). */
  public record Fraction(BigDecimal numerator, BigDecimal denominator) {
    /** Checks that the denominator is positive. */
    public Fraction {
      requireNonNull(numerator, "numerator");
      if (requireNonNull(denominator, "denominator").signum() <= 0) {
        throw new IllegalStateException("denominator must be positive: " + denominator);
      }
    }
  }

  /** Checks that no component is null. */
  public Reading {
    requireNonNull(indicator, "indicator");
    requireNonNull(compared, "compared");
    requireNonNull(unrounded, "unrounded");
    requireNonNull(flag, "flag");
    requireNonNull(text, "text");
    requireNonNull(failure, "failure");
  }

  static Reading of(Computed v) {
    String id = v.spec().id();
    if (v.exact() != null) {
      Exact raw = v.raw() != null ? v.raw() : v.exact();
      return new Reading(id, Optional.of(new Fraction(v.exact().n(), v.exact().d())),
          Optional.of(new Fraction(raw.n(), raw.d())), Optional.empty(), Optional.empty(), Optional.empty());
    }
    if (v.value() instanceof org.ratefloat.decision.Value.Bool b) {
      return new Reading(id, Optional.empty(), Optional.empty(), Optional.of(b.value()), Optional.empty(),
          Optional.empty());
    }
    return new Reading(id, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(((org.ratefloat.decision.Value.Text) v.value()).value()), Optional.empty());
  }

  static Reading failed(String indicator, RateFloatException e) {
    return new Reading(indicator, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(e));
  }
}
