package org.ratefloat.rules;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The stretch of history an indicator is computed over: either the {@code years} calendar years
 * that end {@code skip} years before the as-of year (skip 0 = the years just before it), or a fixed
 * date range.
 */
public record Window(int years, int skip, Optional<LocalDate> from, Optional<LocalDate> to) {

  public static Window calendarYears(int years, int skip) {
    return new Window(years, skip, Optional.empty(), Optional.empty());
  }

  public static Window range(LocalDate from, LocalDate to) {
    return new Window(0, 0, Optional.of(from), Optional.of(to));
  }

  /** First day of the window for a decision as of {@code asOf}. */
  public LocalDate start(LocalDate asOf) {
    return from.orElseGet(() -> LocalDate.of(asOf.getYear() - skip - years, 1, 1));
  }

  /** Last day of the window, inclusive. */
  public LocalDate end(LocalDate asOf) {
    return to.orElseGet(() -> LocalDate.of(asOf.getYear() - skip - 1, 12, 31));
  }
}
