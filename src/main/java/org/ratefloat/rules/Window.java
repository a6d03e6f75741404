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
 * {@code policyYears(3, 1)} by this reading, which takes a policy that ended months ago when policies
 * do not start on the rating date's anniversary; or (@2, {@code policies}) the policy periods that
 * took effect between two numbers of months before the as-of date, the latest {@code count} of them
 * (every period of a case has ended by its as-of date, so they are completed): NCCI's experience
 * period is {@code policies(21, 57, 3)}.
 * Policy periods are taken whole, whatever their dates, so none straddles.
 *
 * @param effective of a window of policies by their effective dates, its months and count
 */
public record Window(int years, int skip, int startMonth, Optional<LocalDate> from, Optional<LocalDate> to,
    boolean byStart, Optional<Effective> effective) {

  /**
   * Policies that took effect at least {@code minMonths} and at most {@code maxMonths} months before
   * the as-of date (both included), the latest {@code count} of them.
   */
  public record Effective(int minMonths, int maxMonths, int count) {}

  public static Window calendarYears(int years, int skip) {
    return new Window(years, skip, 1, Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  /** Years that start on the first of {@code startMonth}. */
  public static Window yearsFrom(int startMonth, int years, int skip) {
    return new Window(years, skip, startMonth, Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  public static Window range(LocalDate from, LocalDate to) {
    return new Window(0, 0, 1, Optional.of(from), Optional.of(to), false, Optional.empty());
  }

  /**
   * The policy periods that took effect from {@code maxMonths} to {@code minMonths} months before the
   * as-of date, both included, the latest {@code count} of them, e.g. as of 2025-07-01 with 21 and 57:
   * periods taking effect 2020-10-01 to 2023-10-01 (so the calendar-year policies 2021 to 2023).
   */
  public static Window policies(int minMonths, int maxMonths, int count) {
    return new Window(0, 0, 1, Optional.empty(), Optional.empty(), true,
        Optional.of(new Effective(minMonths, maxMonths, count)));
  }

  /**
   * The policy periods that start in [as-of − (years + skip) years, as-of − skip years), e.g. as of
   * 2026-07-01 with 3 and 1: periods starting 2022-07-01 to 2025-06-30.
   */
  public static Window policyYears(int years, int skip) {
    return new Window(years, skip, 1, Optional.empty(), Optional.empty(), true, Optional.empty());
  }

  /** The first year (as a number) of the year that holds the as-of date. */
  private int current(LocalDate asOf) {
    return asOf.getMonthValue() >= startMonth ? asOf.getYear() : asOf.getYear() - 1;
  }

  /** First day of the window for a decision as of {@code asOf} (of a policy window: the first start it admits). */
  public LocalDate start(LocalDate asOf) {
    if (effective.isPresent()) {
      return asOf.minusMonths(effective.get().maxMonths());
    }
    if (byStart) {
      return asOf.minusYears(years + skip);
    }
    return from.orElseGet(() -> LocalDate.of(current(asOf) - skip - years, startMonth, 1));
  }

  /** Last day of the window, inclusive (of a policy window: the last start it admits). */
  public LocalDate end(LocalDate asOf) {
    if (effective.isPresent()) {
      return asOf.minusMonths(effective.get().minMonths());
    }
    if (byStart) {
      return asOf.minusYears(skip).minusDays(1);
    }
    return to.orElseGet(() -> LocalDate.of(current(asOf) - skip, startMonth, 1).minusDays(1));
  }
}
