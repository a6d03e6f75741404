package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * One period of an employer's history (usually a calendar year) and what was recorded for it.
 * A measure that was not recorded is absent, which is not the same as zero.
 *
 * @param from first day, inclusive
 * @param to last day, inclusive
 * @param values the recorded measures, by measure
 * @param disabilityCases cases assessed at each disability grade 1 (most severe) to 10, if recorded;
 *     a grade missing from a recorded map has no cases
 * @since 0.1.0
 */
public record Period(
    LocalDate from,
    LocalDate to,
    ImmutableSortedMap<Measure, BigDecimal> values,
    Optional<ImmutableSortedMap<Integer, Long>> disabilityCases) {

  public Period {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(values, "values");
    requireNonNull(disabilityCases, "disabilityCases");
    Preconditions.checkArgument(!to.isBefore(from), "period ends before it starts: %s..%s", from, to);
    for (Map.Entry<Measure, BigDecimal> e : values.entrySet()) {
      Preconditions.checkArgument(e.getValue().signum() >= 0, "%s must not be negative: %s",
          e.getKey().jsonName(), e.getValue().toPlainString());
    }
    disabilityCases.ifPresent(m -> m.forEach((grade, count) -> {
      Preconditions.checkArgument(grade >= 1 && grade <= 10, "disability grade must be 1..10: %s", grade);
      Preconditions.checkArgument(count >= 0, "disability cases must not be negative: %s", count);
    }));
  }

  public Optional<BigDecimal> value(Measure measure) {
    return Optional.ofNullable(values.get(measure));
  }

  /** Length in days, both ends included. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** Whether this period is exactly one calendar year. */
  public boolean isCalendarYear() {
    return from.getDayOfYear() == 1 && to.getYear() == from.getYear()
        && to.getMonthValue() == 12 && to.getDayOfMonth() == 31;
  }
}
