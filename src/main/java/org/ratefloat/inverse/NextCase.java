package org.ratefloat.inverse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ratefloat.decision.Decision;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.model.Employer;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.Status;
import org.ratefloat.thresholds.Assumption;
import org.ratefloat.thresholds.NextPeriod;
import org.ratefloat.thresholds.Variable;

/**
 * The case of the next decision: this one's as of one year later (or the date given), the band this
 * decision gives as the current band, and the history extended by the coming period, from this
 * decision's as-of date to the day before the next one, whose assumed figures are fixed here and
 * whose controllable quantities each point of the thresholds sets. Immutable.
 */
final class NextCase {
  /** Places of an average headcount whose exact value does not end (twelve months of thirds). */
  private static final int HEADCOUNT_SCALE = 6;
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  final RatingCase current;
  final LocalDate asOf;
  final LocalDate from;
  final LocalDate to;
  final List<Assumption> assumptions;
  /** The assumed figures the coming period records. */
  private final Map<Measure, BigDecimal> assumed = new EnumMap<>(Measure.class);
  /** The year before the coming period: each measure added up (a peak: the largest). */
  private final Map<Measure, BigDecimal> lastYear;
  private final Optional<SortedMap<Integer, Long>> lastYearGrades;
  private final SortedMap<String, BigDecimal> exposures;
  private final Employer employer;

  NextCase(RatingCase c, Decision d, NextPeriod next) {
    this.current = c;
    this.asOf = next.asOf().orElse(c.asOf().plusYears(1));
    if (!asOf.isAfter(c.asOf())) {
      throw new InputException(ErrorCode.IN070, "/asOf", "the next decision's as-of date " + asOf
          + " must come after this one's, " + c.asOf());
    }
    this.from = c.asOf();
    this.to = asOf.minusDays(1);
    // the year before the coming period: its periods added up, if they cover it whole
    LocalDate yearFrom = from.minusYears(1);
    List<Period> inYear = new ArrayList<>();
    long covered = 0;
    for (Period p : c.history()) {
      if (!p.from().isBefore(yearFrom) && !p.to().isAfter(from.minusDays(1))) {
        inYear.add(p);
        covered += p.days();
      }
    }
    Assumption.Basis basis;
    List<Period> year;
    if (!inYear.isEmpty() && covered == ChronoUnit.DAYS.between(yearFrom, from)) {
      basis = Assumption.Basis.LAST_YEAR;
      year = inYear;
    } else if (!c.history().isEmpty()) {
      basis = Assumption.Basis.LAST_PERIOD;
      year = List.of(c.history().get(c.history().size() - 1));
    } else {
      basis = Assumption.Basis.UNKNOWN;
      year = List.of();
    }
    this.lastYear = sums(year);
    this.lastYearGrades = grades(year);
    this.exposures = exposures(year);
    List<Assumption> list = new ArrayList<>();
    Optional<BigDecimal> payroll = next.payroll();
    Assumption.Basis payrollBasis = Assumption.Basis.GIVEN;
    if (payroll.isEmpty()) {
      payroll = Optional.ofNullable(lastYear.get(Measure.PAYROLL));
      payrollBasis = payroll.isPresent() ? basis : Assumption.Basis.UNKNOWN;
    }
    list.add(Assumption.of(Measure.PAYROLL, payroll, payrollBasis));
    Optional<BigDecimal> premiums = next.premiumsPaid();
    Assumption.Basis premiumsBasis = Assumption.Basis.GIVEN;
    if (premiums.isEmpty()) {
      if (next.premiums() == NextPeriod.Premiums.AT_NEW_RATE && payroll.isPresent()) {
        premiums = Optional.of(payroll.get().multiply(d.rate()).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP));
        premiumsBasis = Assumption.Basis.AT_NEW_RATE;
      } else {
        premiums = Optional.ofNullable(lastYear.get(Measure.PREMIUMS_PAID));
        premiumsBasis = premiums.isPresent() ? basis : Assumption.Basis.UNKNOWN;
      }
    }
    list.add(Assumption.of(Measure.PREMIUMS_PAID, premiums, premiumsBasis));
    Optional<BigDecimal> atBenchmark = next.premiumsAtBenchmark();
    Assumption.Basis atBenchmarkBasis = Assumption.Basis.GIVEN;
    if (atBenchmark.isEmpty()) {
      atBenchmark = payroll.map(p -> p.multiply(d.benchmark()).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP));
      atBenchmarkBasis = atBenchmark.isPresent() ? Assumption.Basis.AT_BENCHMARK : Assumption.Basis.UNKNOWN;
    }
    list.add(Assumption.of(Measure.PREMIUMS_AT_BENCHMARK, atBenchmark, atBenchmarkBasis));
    Optional<BigDecimal> headcount = next.averageHeadcount();
    Assumption.Basis headcountBasis = Assumption.Basis.GIVEN;
    if (headcount.isEmpty()) {
      headcount = Optional.ofNullable(lastYear.get(Measure.AVERAGE_HEADCOUNT));
      headcountBasis = headcount.isPresent() ? basis : Assumption.Basis.UNKNOWN;
    }
    list.add(Assumption.of(Measure.AVERAGE_HEADCOUNT, headcount, headcountBasis));
    this.assumptions = List.copyOf(list);
    payroll.ifPresent(p -> assumed.put(Measure.PAYROLL, p));
    premiums.ifPresent(p -> assumed.put(Measure.PREMIUMS_PAID, p));
    atBenchmark.ifPresent(p -> assumed.put(Measure.PREMIUMS_AT_BENCHMARK, p));
    headcount.ifPresent(h -> assumed.put(Measure.AVERAGE_HEADCOUNT, h));
    this.employer = c.employer().toBuilder().currentBand(d.newBand().multiplier()).build();
  }

  /** The measures of a year's periods added up (the average headcount weighted by days). */
  private static Map<Measure, BigDecimal> sums(List<Period> year) {
    Map<Measure, BigDecimal> out = new EnumMap<>(Measure.class);
    for (Measure m : Measure.values()) {
      BigDecimal sum = BigDecimal.ZERO;
      long days = 0;
      boolean everywhere = !year.isEmpty();
      for (Period p : year) {
        Optional<BigDecimal> v = p.value(m);
        if (v.isEmpty()) {
          everywhere = false;
          break;
        }
        sum = switch (m.kind()) {
          case HEADCOUNT -> sum.add(v.get().multiply(BigDecimal.valueOf(p.days())));
          case PEAK -> sum.max(v.get());
          case AMOUNT, COUNT -> sum.add(v.get());
        };
        days += p.days();
      }
      if (!everywhere) {
        continue;
      }
      if (m.kind() == Measure.Kind.HEADCOUNT) {
        BigDecimal d = BigDecimal.valueOf(days);
        try {
          sum = sum.divide(d);
        } catch (ArithmeticException endless) {
          sum = sum.divide(d, HEADCOUNT_SCALE, RoundingMode.HALF_UP);
        }
      }
      out.put(m, sum);
    }
    return out;
  }

  private static Optional<SortedMap<Integer, Long>> grades(List<Period> year) {
    if (year.isEmpty() || year.stream().anyMatch(p -> p.disabilityCases().isEmpty())) {
      return Optional.empty();
    }
    SortedMap<Integer, Long> out = new TreeMap<>();
    year.forEach(p -> p.disabilityCases().get().forEach((g, n) -> out.merge(g, n, Long::sum)));
    return Optional.of(out);
  }

  private static SortedMap<String, BigDecimal> exposures(List<Period> year) {
    SortedMap<String, BigDecimal> out = new TreeMap<>();
    if (year.stream().allMatch(p -> !p.exposures().isEmpty())) {
      year.forEach(p -> p.exposures().forEach((k, v) -> out.merge(k, v, BigDecimal::add)));
    }
    return out;
  }

  /** A quantity's value in the year before the coming period, if the history gives it. */
  Optional<BigDecimal> lastYear(Variable v) {
    if (v instanceof Variable.OfMeasure m) {
      return Optional.ofNullable(lastYear.get(m.measure()));
    }
    if (v instanceof Variable.DisabilityGrades g) {
      return lastYearGrades.map(map -> {
        long n = 0;
        for (int grade = g.from(); grade <= g.to(); grade++) {
          n += map.getOrDefault(grade, 0L);
        }
        return BigDecimal.valueOf(n);
      });
    }
    return Optional.ofNullable(current.employer().status().customValues().get(((Variable.CustomValue) v).valueName()));
  }

  /**
   * The next decision's case with the coming period's quantities at {@code point}.
   *
   * @throws InputException if the input rules refuse the combination (more accidents than workers
   *     injured or killed, injuries with no headcount)
   */
  RatingCase at(Map<Variable, BigDecimal> point, boolean recordGrades) {
    Period.Builder p = Period.builder(from, to);
    assumed.forEach(p::value);
    Employer e = employer;
    Status.Builder status = null;
    for (Map.Entry<Variable, BigDecimal> x : point.entrySet()) {
      Variable v = x.getKey();
      if (v instanceof Variable.OfMeasure m) {
        p.value(m.measure(), x.getValue());
      } else if (v instanceof Variable.DisabilityGrades g) {
        // a range's cases at its first grade: the tables read ranges that hold it whole
        p.disabilityCases(g.from(), x.getValue().longValueExact());
      } else {
        if (status == null) {
          status = employer.status().toBuilder();
        }
        status.customValue(((Variable.CustomValue) v).valueName(), x.getValue());
      }
    }
    if (recordGrades) {
      p.disabilityCasesRecorded();
    }
    if (assumed.containsKey(Measure.PAYROLL) && !exposures.isEmpty() && exposures.values().stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(assumed.get(Measure.PAYROLL)) == 0) {
      exposures.forEach(p::exposure);
    }
    if (status != null) {
      e = employer.toBuilder().status(status.build()).build();
    }
    List<Period> history = new ArrayList<>(current.history().size() + 1);
    history.addAll(current.history());
    history.add(p.build());
    return new RatingCase(e, history, current.claims(), asOf, Optional.empty());
  }

  /** Whether the year before the coming period records disability cases by grade. */
  boolean recordsGrades() {
    return lastYearGrades.isPresent();
  }
}
