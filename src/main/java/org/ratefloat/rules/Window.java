package org.ratefloat.rules;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The stretch of history an indicator is computed over: either the {@code years} years that end
 * {@code skip} years before the year of the as-of date (skip 0 = the years just before it), years
 * starting on the first day of {@code startMonth} (1: calendar years; 4: Japan's April–March
 * insurance years, @2), a fixed date range, or (@2, {@code byStart}) the policy periods of the
 * history that <em>start</em> in the {@code years} years ending {@code skip} years before the as-of
 * date itself: NCCI's three completed policy years ending one year before the rating date are
 * {@code policyYears(3, 1)}. Policy periods are taken whole, whatever their dates, so none straddles.
 */
public record Window(int years, int skip, int startMonth, Optional<LocalDate> from, Optional<LocalDate> to,
    boolean byStart) {

  public static Window calendarYears(int years, int skip) {
    return new Window(years, skip, 1, Optional.empty(), Optional.empty(), false);
  }

  /** Years that start on the first of {@code startMonth}. */
  public static Window yearsFrom(int startMonth, int years, int skip) {
    return new Window(years, skip, startMonth, Optional.empty(), Optional.empty(), false);
  }

  public static Window range(LocalDate from, LocalDate to) {
    return new Window(0, 0, 1, Optional.of(from), Optional.of(to), false);
  }

  /**
   * The policy periods that start in [as-of − (years + skip) years, as-of − skip years), e.g. as of
   * 2026-07-01 with 3 and 1: periods starting 2022-07-01 to 2025-06-30.
   */
  public static Window policyYears(int years, int skip) {
    return new Window(years, skip, 1, Optional.empty(), Optional.empty(), true);
  }

  /** The first year (as a number) of the year that holds the as-of date. */
  private int current(LocalDate asOf) {
    return asOf.getMonthValue() >= startMonth ? asOf.getYear() : asOf.getYear() - 1;
  }

  /** First day of the window for a decision as of {@code asOf} (of a policy window: the first start it admits). */
  public LocalDate start(LocalDate asOf) {
    if (byStart) {
      return asOf.minusYears(years + skip);
    }
    return from.orElseGet(() -> LocalDate.of(current(asOf) - skip - years, startMonth, 1));
  }

  /** Last day of the window, inclusive (of a policy window: the last start it admits). */
  public LocalDate end(LocalDate asOf) {
    if (byStart) {
      return asOf.minusYears(skip).minusDays(1);
    }
    return to.orElseGet(() -> LocalDate.of(current(asOf) - skip, startMonth, 1).minusDays(1));
  }
}
