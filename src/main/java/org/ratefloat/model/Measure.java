package org.ratefloat.model;

import java.util.Optional;

/**
 * A figure recorded for each history period, with how it adds up over several periods.
 *
 * @since 0.1.0
 */
public enum Measure {
  /** Total payroll (工资总额), the premium base. */
  PAYROLL("payroll", Kind.AMOUNT, "工资总额", "payroll"),
  /** Premiums the employer actually paid. */
  PREMIUMS_PAID("premiumsPaid", Kind.AMOUNT, "实缴工伤保险费", "premiums paid"),
  /** Premiums the employer would have paid at the benchmark rate. */
  PREMIUMS_AT_BENCHMARK("premiumsAtBenchmark", Kind.AMOUNT, "按基准费率应缴工伤保险费",
      "premiums at the benchmark rate"),
  /** Benefits the fund paid for this employer's injured workers. */
  BENEFITS_PAID("benefitsPaid", Kind.AMOUNT, "工伤保险基金支出", "benefits paid by the fund"),
  /** Average insured headcount over the period (time-weighted over several periods). */
  AVERAGE_HEADCOUNT("averageHeadcount", Kind.HEADCOUNT, "平均参保职工人数", "average insured headcount"),
  /** Workers certified as work-injured (工伤人数; those who died included). */
  INJURIES("injuries", Kind.COUNT, "工伤人数", "workers injured"),
  /**
   * Work-injury accidents (工伤事故起数): events in which at least one worker was injured or died; one
   * accident with five injured is one accident and five injuries.
   */
  ACCIDENTS("accidents", Kind.COUNT, "工伤事故起数", "work-injury accidents"),
  /** Work-related deaths. */
  DEATHS("deaths", Kind.COUNT, "工亡人数", "deaths"),
  /** Occupational-disease cases. */
  OCCUPATIONAL_DISEASE_CASES("occupationalDiseaseCases", Kind.COUNT, "职业病人数", "occupational-disease cases"),
  /** Largest number of deaths in a single accident (maximum over several periods). */
  MAX_DEATHS_SINGLE_ACCIDENT("maxDeathsSingleAccident", Kind.PEAK, "单起事故最多死亡人数",
      "most deaths in one accident"),
  /** Largest number of serious injuries in a single accident (maximum over several periods). */
  MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT("maxSeriousInjuriesSingleAccident", Kind.PEAK, "单起事故最多重伤人数",
      "most serious injuries in one accident");

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
  private final String zh;
  private final String en;

  Measure(String jsonName, Kind kind, String zh, String en) {
    this.jsonName = jsonName;
    this.kind = kind;
    this.zh = zh;
    this.en = en;
  }

  /** The measure's name in Chinese, in the terms of the floating measures (工伤人数, 工伤事故起数 ...). */
  public String zh() {
    return zh;
  }

  /** The measure's name in English words, for a reader (not the JSON key). */
  public String en() {
    return en;
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
