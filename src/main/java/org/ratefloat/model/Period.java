package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/**
 * One period of an employer's history (usually a calendar year) and what was recorded for it.
 * A measure that was not recorded is absent, which is not the same as zero.
 *
 * <p>The rules of {@link InputRules} apply, with pointers relative to the period: amounts and the
 * headcount are decimals that are not negative ({@code /payroll}), counts are whole numbers
 * ({@code /injuries}, {@code /disabilityCases/3}), the period does not end before it starts
 * ({@code IN008} at {@code /to}), injuries are not recorded for a headcount of zero
 * ({@code IN011} at {@code /averageHeadcount}), and accidents do not outnumber the workers injured or
 * killed ({@code IN023} at {@code /accidents}: each accident counted injured or killed at least one).
 * Counts are held with scale 0, whatever scale they were given with.
 *
 * <p>Exposures are the period's payroll by class code of the employer's {@link ClassCodes}: each
 * code by {@link InputRules#classCode} ({@code IN012} at {@code /exposures/8810}), each amount not
 * negative ({@code IN007}), at most {@link InputRules#MAX_CLASS_CODES} ({@code IN024}); when the
 * period also records its payroll, the exposures add up to it exactly ({@code IN051} at
 * {@code /exposures}): both are the same money counted twice, so a difference is an error in one of
 * them, not a rounding. That each code is one of the employer's is checked by {@link RatingCase}
 * ({@code IN050}).
 *
 * @param from first day, inclusive
 * @param to last day, inclusive
 * @param values the recorded measures, by measure
 * @param disabilityCases cases assessed at each disability grade 1 (most severe) to 10, if recorded;
 *     a grade missing from a recorded map has no cases
 * @param exposures payroll by class code, in code order; empty if not given
 * @since 0.1.0
 */
public record Period(
    LocalDate from,
    LocalDate to,
    SortedMap<Measure, BigDecimal> values,
    Optional<SortedMap<Integer, Long>> disabilityCases,
    SortedMap<String, BigDecimal> exposures) {

  /** Checks every component by the input rules ({@link InputRules}), with the pointer a JSON document gets; copies collections. */
  public Period {
    InputRules.date(requireNonNull(from, "from"), "/from", "from");
    InputRules.date(requireNonNull(to, "to"), "/to", "to");
    if (to.isBefore(from)) {
      throw new InputException(ErrorCode.IN008, "/to", "model.period.order", org.ratefloat.text.Message.values("from", from, "to", to));
    }
    values = checked(requireNonNull(values, "values"));
    disabilityCases = requireNonNull(disabilityCases, "disabilityCases").map(Period::checkedGrades);
    BigDecimal headcount = values.get(Measure.AVERAGE_HEADCOUNT);
    BigDecimal injuries = values.get(Measure.INJURIES);
    if (headcount != null && headcount.signum() == 0 && injuries != null && injuries.signum() > 0) {
      throw new InputException(ErrorCode.IN011, "/" + Measure.AVERAGE_HEADCOUNT.jsonName(),
          "model.period.headcount", org.ratefloat.text.Message.values("injuries", injuries));
    }
    BigDecimal accidents = values.get(Measure.ACCIDENTS);
    if (accidents != null && injuries != null) {
      BigDecimal victims = injuries.add(values.getOrDefault(Measure.DEATHS, BigDecimal.ZERO));
      if (accidents.compareTo(victims) > 0) {
        throw new InputException(ErrorCode.IN023, "/" + Measure.ACCIDENTS.jsonName(), "model.period.accidents",
            org.ratefloat.text.Message.values("accidents", accidents, "victims", victims));
      }
    }
    exposures = checkedExposures(requireNonNull(exposures, "exposures"));
    BigDecimal payroll = values.get(Measure.PAYROLL);
    if (payroll != null && !exposures.isEmpty()) {
      BigDecimal sum = exposures.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.compareTo(payroll) != 0) {
        throw new InputException(ErrorCode.IN051, "/exposures", "model.period.exposures", org.ratefloat.text.Message.values("sum", sum,
            "payroll", payroll));
      }
    }
  }

  /** A period without exposures by class code. */
  public Period(LocalDate from, LocalDate to, SortedMap<Measure, BigDecimal> values,
      Optional<SortedMap<Integer, Long>> disabilityCases) {
    this(from, to, values, disabilityCases, ImmutableSortedMap.of());
  }

  private static SortedMap<String, BigDecimal> checkedExposures(Map<String, BigDecimal> exposures) {
    InputRules.size(exposures.size(), InputRules.MAX_CLASS_CODES, "/exposures", "exposures");
    ImmutableSortedMap.Builder<String, BigDecimal> checked = ImmutableSortedMap.naturalOrder();
    for (Map.Entry<String, BigDecimal> e : ImmutableSortedMap.copyOf(exposures).entrySet()) {
      String pointer = "/exposures/" + InputRules.escape(e.getKey());
      InputRules.classCode(e.getKey(), pointer);
      checked.put(e.getKey(), InputRules.amount(requireNonNull(e.getValue(), "exposure"), pointer,
          "payroll of class " + e.getKey()));
    }
    return checked.build();
  }

  /** The values in measure order, each checked; counts with scale 0. */
  private static SortedMap<Measure, BigDecimal> checked(Map<Measure, BigDecimal> values) {
    if (values instanceof MeasureValues checked) {
      return checked; // another period's values, checked when it was made
    }
    return MeasureValues.of(values, Period::normal);
  }

  private static BigDecimal normal(Measure m, BigDecimal v) {
    String pointer = "/" + m.jsonName();
    if (m.integral()) {
      long n = InputRules.count(v, pointer, m.jsonName());
      return v.scale() == 0 ? v : BigDecimal.valueOf(n);
    }
    return InputRules.amount(v, pointer, m.jsonName());
  }

  private static SortedMap<Integer, Long> checkedGrades(Map<Integer, Long> grades) {
    ImmutableSortedMap<Integer, Long> sorted = ImmutableSortedMap.copyOf(grades);
    sorted.forEach((grade, count) -> {
      String pointer = "/disabilityCases/" + grade;
      InputRules.within(grade, 1, 10, pointer, "disability grade");
      InputRules.count(BigDecimal.valueOf(count), pointer, "disability cases of grade " + grade);
    });
    return sorted;
  }

  /** The period's value of a measure, if recorded. */
  public Optional<BigDecimal> value(Measure measure) {
    requireNonNull(measure, "measure");
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

  /** A builder for the period {@code from..to}, both days included, with no measure recorded yet. */
  public static Builder builder(LocalDate from, LocalDate to) {
    return new Builder(requireNonNull(from, "from"), requireNonNull(to, "to"));
  }

  /** A builder for a calendar year. */
  public static Builder year(int year) {
    return builder(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** A builder holding this period's values. */
  public Builder toBuilder() {
    Builder b = new Builder(from, to);
    values.forEach(b::value);
    disabilityCases.ifPresent(grades -> {
      b.disabilityCasesRecorded();
      grades.forEach(b::disabilityCases);
    });
    exposures.forEach(b::exposure);
    return b;
  }

  /**
   * Builds a {@link Period}; {@link #build()} applies the constructor's rules (amounts not negative,
   * counts whole, no injuries on a headcount of 0 ...).
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final LocalDate from;
    private final LocalDate to;
    private final Map<Measure, BigDecimal> values = new java.util.EnumMap<>(Measure.class);
    private Map<Integer, Long> disabilityCases;
    private final Map<String, BigDecimal> exposures = new java.util.TreeMap<>();

    private Builder(LocalDate from, LocalDate to) {
      this.from = from;
      this.to = to;
    }

    /** Records a measure, e.g. {@code value(Measure.BENEFITS_PAID, new BigDecimal("168500.00"))}. */
    public Builder value(Measure measure, BigDecimal value) {
      values.put(requireNonNull(measure, "measure"), requireNonNull(value, "value"));
      return this;
    }

    /** Records a measure from its decimal text, e.g. {@code value(Measure.PAYROLL, "32500000.00")}. */
    public Builder value(Measure measure, String value) {
      return value(measure, InputRules.decimal(requireNonNull(value, "value"),
          "/" + requireNonNull(measure, "measure").jsonName()));
    }

    /** Records a count, e.g. {@code value(Measure.INJURIES, 6)}. */
    public Builder value(Measure measure, long count) {
      return value(measure, BigDecimal.valueOf(count));
    }

    /** Records the cases assessed at a disability grade (1 most severe to 10). */
    public Builder disabilityCases(int grade, long cases) {
      disabilityCasesRecorded();
      disabilityCases.put(grade, cases);
      return this;
    }

    /**
     * States that disability cases were recorded for the period, so that a grade not given has none
     * (without it, they are not recorded and an indicator that needs them refuses the case).
     */
    public Builder disabilityCasesRecorded() {
      if (disabilityCases == null) {
        disabilityCases = new java.util.TreeMap<>();
      }
      return this;
    }

    /** Records the payroll of one class code, e.g. {@code exposure("8810", new BigDecimal("250000"))}. */
    public Builder exposure(String classCode, BigDecimal payroll) {
      exposures.put(requireNonNull(classCode, "classCode"), requireNonNull(payroll, "payroll"));
      return this;
    }

    /** Records the payroll of one class code from its decimal text. */
    public Builder exposure(String classCode, String payroll) {
      return exposure(classCode, InputRules.decimal(requireNonNull(payroll, "payroll"),
          "/exposures/" + InputRules.escape(requireNonNull(classCode, "classCode"))));
    }

    /**
     * The period.
     *
     * @throws InputException if a rule is broken, with the pointer inside the period
     */
    public Period build() {
      return new Period(from, to, ImmutableSortedMap.copyOf(values),
          Optional.ofNullable(disabilityCases).map(ImmutableSortedMap::copyOf), ImmutableSortedMap.copyOf(exposures));
    }
  }
}
