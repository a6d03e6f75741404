package org.ratefloat.thresholds;

import static java.util.Objects.requireNonNull;

/**
 * An indicator whose bounds cannot be inverted exactly into bounds on the quantities, and why. The
 * boxes of {@link Thresholds} do not account for it where it changes. Immutable.
 *
 * @param indicator the indicator's id in the rule table
 * @param reason why
 * @param detail the reason with the figures and names of this table, in English
 * @since 0.1.0
 */
public record NotInvertible(String indicator, Reason reason, String detail) {
  /** Checks that no component is null. */
  public NotInvertible {
    requireNonNull(indicator, "indicator");
    requireNonNull(reason, "reason");
    requireNonNull(detail, "detail");
  }

  /**
   * An indicator not invertible.
   *
   * @param indicator its id
   * @param reason why
   * @param detail the reason in full
   * @return the record
   */
  public static NotInvertible of(String indicator, Reason reason, String detail) {
    return new NotInvertible(indicator, reason, detail);
  }

  /**
   * Why an indicator cannot be inverted exactly.
   *
   * @since 0.1.0
   */
  public enum Reason {
    /** A varied quantity is in the denominator of a ratio. */
    QUANTITY_IN_DENOMINATOR,
    /** Two factors of a product both vary with the quantity. */
    PRODUCT_OF_VARYING,
    /** A formula divides by something that varies with the quantity. */
    VARYING_DIVISOR,
    /** The indicator takes more distinct values than the thresholds follow (a rounding of a long range). */
    TOO_MANY_STEPS,
    /** The indicator reads two or more varied quantities at once: where it crosses a bound is not a box. */
    SEVERAL_QUANTITIES,
    /** The indicator's kind reads the quantity in a way that is not inverted (claims, exposures). */
    UNSUPPORTED_KIND
  }
}
