package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An amount of money a row of the table added to the decision (a surcharge, or a rebate when
 * negative), apart from the rate.
 *
 * @param step the step whose row fired
 * @param row the row
 * @param indicator the formula whose value is the amount; empty for a constant written in the row
 * @param amount the amount, as the formula rounded it (or as written)
 * @param currency ISO 4217 code, e.g. {@code EUR}
 * @since 0.1.0
 */
public record Amount(String step, String row, Optional<String> indicator, BigDecimal amount, String currency) {
  /** Checks that no component is null. */
  public Amount {
    requireNonNull(step, "step");
    requireNonNull(row, "row");
    requireNonNull(indicator, "indicator");
    requireNonNull(amount, "amount");
    requireNonNull(currency, "currency");
  }
}
