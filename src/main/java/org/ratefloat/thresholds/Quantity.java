package org.ratefloat.thresholds;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A controllable quantity of the coming period and what the thresholds did with it. Immutable.
 *
 * @param variable the quantity
 * @param unit its smallest step: 0.01 of money, 1 case, a custom value's declared step
 * @param role whether it is varied, held, or does not enter the next decision
 * @param heldAt its value in the coming period when it is not varied (0 unless the caller holds it
 *     at another)
 * @param lastYear its value in the year before the coming period, if the history gives it
 * @param least the least value it can take: 0 for a measure, the least a custom value's declared
 *     domain admits (empty if unbounded below)
 * @since 0.1.0
 */
public record Quantity(Variable variable, BigDecimal unit, Role role, BigDecimal heldAt,
    Optional<BigDecimal> lastYear, Optional<BigDecimal> least) {
  /** Checks that no component is null and that the unit is positive. */
  public Quantity {
    requireNonNull(variable, "variable");
    requireNonNull(role, "role");
    requireNonNull(heldAt, "heldAt");
    requireNonNull(lastYear, "lastYear");
    requireNonNull(least, "least");
    if (requireNonNull(unit, "unit").signum() <= 0) {
      throw new IllegalArgumentException("unit must be positive: " + unit.toPlainString());
    }
  }

  /**
   * A quantity and its role.
   *
   * @param variable the quantity
   * @param unit its smallest step
   * @param role its role
   * @param heldAt its value when not varied
   * @param lastYear its value last year, if known
   * @param least the least value it can take, if bounded below
   * @return the quantity
   */
  public static Quantity of(Variable variable, BigDecimal unit, Role role, BigDecimal heldAt,
      Optional<BigDecimal> lastYear, Optional<BigDecimal> least) {
    return new Quantity(variable, unit, role, heldAt, lastYear, least);
  }

  /**
   * What the thresholds did with a quantity.
   *
   * @since 0.1.0
   */
  public enum Role {
    /** Varied: an axis of the boxes. */
    VARIED,
    /** Held at a value the caller chose (not varied, though the next decision reads it). */
    HELD,
    /**
     * Does not enter the next decision: the table reads it only over periods before the coming one
     * (a window that skips years, such as Japan's merit system or NCCI's experience period).
     */
    OUTSIDE_WINDOW,
    /** Does not enter the next decision: no indicator the next decision uses reads it. */
    NOT_READ
  }
}
