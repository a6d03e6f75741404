package org.ratefloat.thresholds;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The values of one quantity in a {@link Box}: from {@code lower} to {@code upper}, both included
 * (an absent bound: unbounded on that side; a measure's values start at 0, so its lower bound is
 * always there). Bounds are exact and lie on the quantity's unit (0.01 of money, whole cases), so
 * {@code upper} plus one unit is the first value outside. Immutable.
 *
 * @param lower the least value, included; empty when there is none (a custom value unbounded below)
 * @param upper the greatest value, included; empty when there is none
 * @since 0.1.0
 */
public record Interval(Optional<BigDecimal> lower, Optional<BigDecimal> upper) {
  /** Checks that no component is null and that {@code lower} does not exceed {@code upper}. */
  public Interval {
    requireNonNull(lower, "lower");
    requireNonNull(upper, "upper");
    if (lower.isPresent() && upper.isPresent() && upper.get().compareTo(lower.get()) < 0) {
      throw new IllegalArgumentException("empty interval: " + lower.get().toPlainString() + ".."
          + upper.get().toPlainString());
    }
  }

  /**
   * The values from {@code lower} to {@code upper}, both included.
   *
   * @param lower the least value
   * @param upper the greatest value
   * @return the interval
   */
  public static Interval of(BigDecimal lower, BigDecimal upper) {
    return new Interval(Optional.of(java.util.Objects.requireNonNull(lower, "lower")),
        Optional.of(java.util.Objects.requireNonNull(upper, "upper")));
  }

  /**
   * The values from {@code lower} up, unbounded above.
   *
   * @param lower the least value
   * @return the interval
   */
  public static Interval atLeast(BigDecimal lower) {
    return new Interval(Optional.of(java.util.Objects.requireNonNull(lower, "lower")), Optional.empty());
  }

  /**
   * Whether a value lies in the interval (compared by value, not scale).
   *
   * @param x the value
   * @return whether {@code lower ≤ x ≤ upper}
   */
  public boolean contains(BigDecimal x) {
    java.util.Objects.requireNonNull(x, "x");
    return (lower.isEmpty() || x.compareTo(lower.get()) >= 0) && (upper.isEmpty() || x.compareTo(upper.get()) <= 0);
  }

  /** Equal when both bounds are equal by value (0 and 0.00 are the same bound) or both absent. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Interval i && same(lower, i.lower) && same(upper, i.upper);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(lower.map(BigDecimal::stripTrailingZeros), upper.map(BigDecimal::stripTrailingZeros));
  }

  private static boolean same(Optional<BigDecimal> a, Optional<BigDecimal> b) {
    return a.isPresent() == b.isPresent() && (a.isEmpty() || a.get().compareTo(b.get()) == 0);
  }

  /** E.g. {@code [0, 1677000.00]} or {@code [31, +∞)}. */
  @Override
  public String toString() {
    return lower.map(l -> "[" + l.toPlainString()).orElse("(-∞") + ", "
        + upper.map(u -> u.toPlainString() + "]").orElse("+∞)");
  }
}
