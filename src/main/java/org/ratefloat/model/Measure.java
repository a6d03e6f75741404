package org.ratefloat.model;

import java.util.Optional;

/**
 * A figure recorded for each history period, with how it adds up over several periods.
 *
 * @since 0.1.0
 */
public enum Measure {
  /** Total payroll (工资总额), the premium base. */
  PAYROLL("payroll", Kind.AMOUNT),
  /** Premiums the employer actually paid. */
  PREMIUMS_PAID("premiumsPaid", Kind.AMOUNT),
  /** Premiums the employer would have paid at the benchmark rate. */
  PREMIUMS_AT_BENCHMARK("premiumsAtBenchmark", Kind.AMOUNT),
  /** Benefits the fund paid for this employer's injured workers. */
  BENEFITS_PAID("benefitsPaid", Kind.AMOUNT),
  /** Average insured headcount over the period (time-weighted over several periods). */
  AVERAGE_HEADCOUNT("averageHeadcount", Kind.HEADCOUNT),
  /** Workers certified as work-injured. */
  INJURIES("injuries", Kind.COUNT),
  /** Work-related deaths. */
  DEATHS("deaths", Kind.COUNT),
  /** Occupational-disease cases. */
  OCCUPATIONAL_DISEASE_CASES("occupationalDiseaseCases", Kind.COUNT),
  /** Largest number of deaths in a single accident (maximum over several periods). */
  MAX_DEATHS_SINGLE_ACCIDENT("maxDeathsSingleAccident", Kind.PEAK),
  /** Largest number of serious injuries in a single accident (maximum over several periods). */
  MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT("maxSeriousInjuriesSingleAccident", Kind.PEAK);

  /** How a measure is typed and combined over periods. */
  public enum Kind {
    /** Money, summed. */
    AMOUNT,
    /** Whole number of cases, summed. */
    COUNT,
    /** Whole number, the maximum is taken. */
    PEAK,
    /** Decimal headcount, averaged weighted by days. */
    HEADCOUNT
  }

  private final String jsonName;
  private final Kind kind;

  Measure(String jsonName, Kind kind) {
    this.jsonName = jsonName;
    this.kind = kind;
  }

  /** The key used in JSON input and rule tables. */
  public String jsonName() {
    return jsonName;
  }

  /** What kind of quantity the measure is (money, count, peak ...). */
  public Kind kind() {
    return kind;
  }

  /** Whether values must be whole numbers. */
  public boolean integral() {
    return kind == Kind.COUNT || kind == Kind.PEAK;
  }

  /** The measure JSON names so, if any. */
  public static Optional<Measure> byJsonName(String name) {
    java.util.Objects.requireNonNull(name, "name");
    for (Measure measure : values()) {
      if (measure.jsonName.equals(name)) {
        return Optional.of(measure);
      }
    }
    return Optional.empty();
  }
}
