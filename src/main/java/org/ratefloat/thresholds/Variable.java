package org.ratefloat.thresholds;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;
import org.ratefloat.model.Measure;

/**
 * A quantity of the coming period that the employer controls and a rule table may read: a measure
 * such as the benefits paid or the workers injured, the cases of a range of disability grades, or a
 * custom value of the case that the caller names as controllable (a German BG's Eigenbelastung).
 * Values are immutable and equal by value.
 *
 * @since 0.1.0
 */
public sealed interface Variable permits Variable.OfMeasure, Variable.DisabilityGrades, Variable.CustomValue {
  /** The name a thresholds document and the command line use, e.g. {@code benefitsPaid}. */
  String name();

  /**
   * The measures an employer controls: benefits paid, workers injured, accidents, deaths,
   * occupational-disease cases and the largest deaths and serious injuries of one accident. Payroll,
   * premiums and headcount are not among them: they are assumed ({@link NextPeriod}).
   *
   * @param measure a measure
   * @return whether an employer controls it
   */
  static boolean controllable(Measure measure) {
    return switch (requireNonNull(measure, "measure")) {
      case BENEFITS_PAID, INJURIES, ACCIDENTS, DEATHS, OCCUPATIONAL_DISEASE_CASES, MAX_DEATHS_SINGLE_ACCIDENT,
          MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT -> true;
      case PAYROLL, PREMIUMS_PAID, PREMIUMS_AT_BENCHMARK, AVERAGE_HEADCOUNT -> false;
    };
  }

  /**
   * A controllable measure.
   *
   * @param measure the measure
   * @return the variable
   * @throws IllegalArgumentException if the measure is not {@linkplain #controllable controllable}
   */
  static Variable of(Measure measure) {
    return new OfMeasure(measure);
  }

  /**
   * The cases of disability grades {@code from} to {@code to}.
   *
   * @param from the first grade, 1 (most severe) to 10
   * @param to the last grade, from {@code from} to 10
   * @return the variable
   * @throws IllegalArgumentException if the grades are not such a range
   */
  static Variable disabilityGrades(int from, int to) {
    return new DisabilityGrades(from, to);
  }

  /**
   * A custom value of the case ({@code status.customValues}) the employer controls.
   *
   * @param name the value's name as the case writes it
   * @return the variable
   */
  static Variable customValue(String name) {
    return new CustomValue(java.util.Objects.requireNonNull(name, "name"));
  }

  /**
   * The variable a name stands for: a controllable measure's JSON name ({@code injuries}), a grade
   * range ({@code disabilityCases.1-6}) or a custom value ({@code customValues.eigenbelastung}).
   *
   * @param name the name
   * @return the variable, or empty if the name is none of these
   */
  static Optional<Variable> parse(String name) {
    requireNonNull(name, "name");
    Optional<Measure> m = Measure.byJsonName(name);
    if (m.isPresent()) {
      return controllable(m.get()) ? Optional.of(of(m.get())) : Optional.empty();
    }
    if (name.startsWith(DisabilityGrades.PREFIX)) {
      java.util.regex.Matcher g = java.util.regex.Pattern.compile("(\\d{1,2})-(\\d{1,2})")
          .matcher(name.substring(DisabilityGrades.PREFIX.length()));
      if (g.matches()) {
        int from = Integer.parseInt(g.group(1));
        int to = Integer.parseInt(g.group(2));
        return from >= 1 && from <= to && to <= 10 ? Optional.of(disabilityGrades(from, to)) : Optional.empty();
      }
      return Optional.empty();
    }
    if (name.startsWith(CustomValue.PREFIX) && name.length() > CustomValue.PREFIX.length()) {
      return Optional.of(customValue(name.substring(CustomValue.PREFIX.length())));
    }
    return Optional.empty();
  }

  /**
   * A controllable measure of the period.
   *
   * @param measure the measure
   * @since 0.1.0
   */
  record OfMeasure(Measure measure) implements Variable {
    /** Checks that the measure is controllable. */
    public OfMeasure {
      if (!controllable(measure)) {
        throw new IllegalArgumentException("not a quantity the employer controls: " + measure.jsonName());
      }
    }

    @Override
    public String name() {
      return measure.jsonName();
    }

    /** Money (benefits paid) is counted in 0.01 of its currency, everything else in whole cases. */
    BigDecimal unit() {
      return measure.kind() == Measure.Kind.AMOUNT ? new BigDecimal("0.01") : BigDecimal.ONE;
    }
  }

  /**
   * The cases assessed at the disability grades {@code from} to {@code to} (1 most severe).
   *
   * @param from the first grade
   * @param to the last grade
   * @since 0.1.0
   */
  record DisabilityGrades(int from, int to) implements Variable {
    static final String PREFIX = "disabilityCases.";

    /** Checks that 1 &le; from &le; to &le; 10. */
    public DisabilityGrades {
      if (from < 1 || to > 10 || from > to) {
        throw new IllegalArgumentException("disability grades must be a range within 1..10: " + from + ".." + to);
      }
    }

    @Override
    public String name() {
      return PREFIX + from + "-" + to;
    }
  }

  /**
   * A named custom value of the case ({@code status.customValues}).
   *
   * @param valueName the value's name as the case writes it
   * @since 0.1.0
   */
  record CustomValue(String valueName) implements Variable {
    static final String PREFIX = "customValues.";

    /** Checks that the name is not null or blank. */
    public CustomValue {
      if (requireNonNull(valueName, "valueName").isBlank()) {
        throw new IllegalArgumentException("a custom value's name must not be blank");
      }
    }

    @Override
    public String name() {
      return PREFIX + valueName;
    }
  }
}
