package org.ratefloat.rules;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The stretch of history an indicator is computed over: either the {@code years} years that end
 * {@code skip} years before the year of the as-of date (skip 0 = the years just before it), years
 * starting on the first day of {@code startMonth} (1: calendar years; 4: Japan's April–March
 * insurance years, @2), or a fixed date range.
 */
public record Window(int years, int skip, int startMonth, Optional<LocalDate> from, Optional<LocalDate> to) {

  public static Window calendarYears(int years, int skip) {
    return new Window(years, skip, 1, Optional.empty(), Optional.empty());
  }

  /** Years that start on the first of {@code startMonth}. */
  public static Window yearsFrom(int startMonth, int years, int skip) {
    return new Window(years, skip, startMonth, Optional.empty(), Optional.empty());
  }

  public static Window range(LocalDate from, LocalDate to) {
    return new Window(0, 0, 1, Optional.of(from), Optional.of(to));
  }

  /** The first year (as a number) of the year that holds the as-of date. */
  private int current(LocalDate asOf) {
    return asOf.getMonthValue() >= startMonth ? asOf.getYear() : asOf.getYear() - 1;
  }

  /** First day of the window for a decision as of {@code asOf}. */
  public LocalDate start(LocalDate asOf) {
    return from.orElseGet(() -> LocalDate.of(current(asOf) - skip - years, startMonth, 1));
  }

  /** Last day of the window, inclusive. */
  public LocalDate end(LocalDate asOf) {
    return to.orElseGet(() -> LocalDate.of(current(asOf) - skip, startMonth, 1).minusDays(1));
  }
}
