package org.ratefloat.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;

/**
 * An employer's history by calendar year: the periods inside a year (a year, halves, months ...)
 * added up. A year counts only when its periods cover every one of its days; a measure counts for the
 * year only when every period of the year records it. Amounts and counts are summed; the average
 * headcount is kept as headcount-days (the sum over the periods of headcount × days), so that
 * averages over employers stay exact: twelve months give the year's average. Immutable.
 *
 * @param values the year's value of each measure recorded in all its periods; for the average
 *     headcount, the headcount-days
 * @param days the days of the year (365 or 366)
 */
public record YearFigures(int year, Map<Measure, BigDecimal> values, long days) {
  public YearFigures {
    values = Map.copyOf(values);
  }

  /** The year's sum (a peak: maximum) of a measure, if every period of the year records it. */
  public Optional<BigDecimal> value(Measure m) {
    return m == Measure.AVERAGE_HEADCOUNT ? Optional.empty() : Optional.ofNullable(values.get(m));
  }

  /** The year's headcount-days (Σ headcount × days), if every period records the headcount. */
  public Optional<BigDecimal> headcountDays() {
    return Optional.ofNullable(values.get(Measure.AVERAGE_HEADCOUNT));
  }

  /** The calendar years of a history its periods cover whole, in order. */
  public static SortedMap<Integer, YearFigures> of(List<Period> history) {
    Map<Integer, List<Period>> byYear = new TreeMap<>();
    for (Period p : history) {
      if (p.from().getYear() != p.to().getYear()) {
        continue; // a period across a year's end belongs to no calendar year
      }
      byYear.computeIfAbsent(p.from().getYear(), y -> new ArrayList<>()).add(p);
    }
    SortedMap<Integer, YearFigures> years = new TreeMap<>();
    byYear.forEach((year, periods) -> {
      long days = 0;
      LocalDate next = LocalDate.of(year, 1, 1);
      for (Period p : periods) {
        if (!p.from().equals(next)) {
          return; // a gap (or an overlap the case would have refused)
        }
        days += p.days();
        next = p.to().plusDays(1);
      }
      if (!next.equals(LocalDate.of(year + 1, 1, 1))) {
        return;
      }
      Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
      for (Measure m : Measure.values()) {
        BigDecimal sum = BigDecimal.ZERO;
        boolean everywhere = true;
        for (Period p : periods) {
          Optional<BigDecimal> v = p.value(m);
          if (v.isEmpty()) {
            everywhere = false;
            break;
          }
          sum = switch (m.kind()) {
            case HEADCOUNT -> sum.add(v.get().multiply(BigDecimal.valueOf(p.days())));
            case PEAK -> sum.max(v.get());
            default -> sum.add(v.get());
          };
        }
        if (everywhere) {
          values.put(m, sum);
        }
      }
      years.put(year, new YearFigures(year, values, days));
    });
    return years;
  }
}
