package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The premium at the new rate for a payroll.
 *
 * @param payroll the payroll priced
 * @param payrollSource {@code input} (the case's premium base) or {@code history} (the payroll of
 *     the latest history period)
 * @param amount payroll × rate ÷ 100, rounded as the rule table says
 * @param rounding the rounding the table names for premiums
 * @since 0.1.0
 */
public record Premium(BigDecimal payroll, String payrollSource, BigDecimal amount, String rounding) {
  /** Checks that no component is null. */
  public Premium {
    requireNonNull(payroll, "payroll");
    requireNonNull(payrollSource, "payrollSource");
    requireNonNull(amount, "amount");
    requireNonNull(rounding, "rounding");
  }
}
