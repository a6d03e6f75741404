package org.ratefloat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.ratefloat.decision.Decision;
import org.ratefloat.model.Claim;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Employer;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.SafetyStandardisation;
import org.ratefloat.model.Status;

/**
 * Builds cases for tests: an employer with sensible defaults and calendar years with premiums
 * 100,000.00 paid (so that benefits B give a payout ratio of B / 1,000 percent), an average
 * headcount of 100 and no injuries unless said otherwise.
 */
public final class Cases {
  private String code = "36";
  private Edition edition = Edition.GBT_4754_2011;
  private OptionalInt override = OptionalInt.empty();
  private Optional<BigDecimal> band = Optional.empty();
  private Optional<BigDecimal> benchmark = Optional.empty();
  private Optional<SafetyStandardisation> standard = Optional.empty();
  private boolean arrears;
  private Optional<LocalDate> firstInsured = Optional.of(LocalDate.of(2010, 1, 1));
  private final Map<String, Boolean> custom = new TreeMap<>();
  private final List<Period> history = new ArrayList<>();
  private final List<Claim> claims = new ArrayList<>();
  private LocalDate asOf = LocalDate.of(2025, 1, 1);
  private Optional<String> region = Optional.empty();
  private Optional<String> creditCode = Optional.empty();

  private Cases() {}

  /** The employer's administrative division (GB/T 2260). */
  public Cases region(String code) {
    this.region = Optional.of(code);
    return this;
  }

  /** The employer's unified social credit code. */
  public Cases creditCode(String code) {
    this.creditCode = Optional.of(code);
    return this;
  }

  /** An employer of GB/T 4754-2011 division 36 (motor vehicles, class 4, benchmark 0.9 %). */
  public static Cases employer() {
    return new Cases();
  }

  public static RuleTable table(String id) {
    return RateFloat.loadTable(Path.of("rules", id + ".json"));
  }

  /** The three Hunan example cases as a portfolio: one case document a line (NDJSON). */
  public static String hunanPortfolio() {
    StringBuilder cases = new StringBuilder();
    for (String name : List.of("machinery", "clean-retailer-in-arrears", "new-logistics-firm")) {
      try {
        cases.append(java.nio.file.Files.readString(Path.of("examples/cn-hn-provisional/" + name + ".json"))
            .replace("\n", "")).append('\n');
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return cases.toString();
  }

  public Cases code(String code) {
    this.code = code;
    return this;
  }

  public Cases edition2017() {
    this.edition = Edition.GBT_4754_2017;
    return this;
  }

  public Cases riskClass(int riskClass) {
    this.override = OptionalInt.of(riskClass);
    return this;
  }

  public Cases band(String multiplier) {
    this.band = Optional.of(new BigDecimal(multiplier));
    return this;
  }

  public Cases benchmark(String percent) {
    this.benchmark = Optional.of(new BigDecimal(percent));
    return this;
  }

  public Cases standard(int grade, String validUntil) {
    this.standard = Optional.of(new SafetyStandardisation(grade, LocalDate.parse(validUntil)));
    return this;
  }

  public Cases arrears() {
    this.arrears = true;
    return this;
  }

  public Cases firstInsured(String date) {
    this.firstInsured = Optional.ofNullable(date).map(LocalDate::parse);
    return this;
  }

  public Cases flag(String name, boolean value) {
    custom.put(name, value);
    return this;
  }

  /** An individual claim, with a disability grade for injuries (grade 1 + its number mod 10). */
  public Cases claim(String date, Claim.ClaimKind kind, String paid, String incurred) {
    int n = claims.size();
    claims.add(new Claim("CL-" + n, LocalDate.parse(date), kind,
        kind == Claim.ClaimKind.INJURY ? OptionalInt.of(1 + n % 10) : OptionalInt.empty(), new BigDecimal(paid),
        Optional.of(new BigDecimal(incurred)), n % 3 == 2));
    return this;
  }

  public Cases asOf(String date) {
    this.asOf = LocalDate.parse(date);
    return this;
  }

  /** A calendar year with the given benefits paid and defaults otherwise. */
  public Cases year(int year, String benefits) {
    return period(new PeriodBuilder(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).benefits(benefits));
  }

  public Cases period(PeriodBuilder p) {
    history.add(p.build());
    return this;
  }

  public static PeriodBuilder year(int year) {
    return new PeriodBuilder(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  public static PeriodBuilder range(String from, String to) {
    return new PeriodBuilder(LocalDate.parse(from), LocalDate.parse(to));
  }

  public RatingCase build() {
    Status status = new Status(false, standard, Optional.empty(), arrears, false, firstInsured,
        ImmutableSortedMap.copyOf(custom));
    Employer e = new Employer("T-1", "test employer", new IndustryCode(edition, code), override, band,
        benchmark, status, Optional.empty(), region, creditCode);
    return new RatingCase(e, ImmutableList.copyOf(history), ImmutableList.copyOf(claims), asOf, Optional.empty());
  }

  public Decision decide(RuleTable table) {
    return table.decide(build());
  }

  /** One history period. */
  public static final class PeriodBuilder {
    private final LocalDate from;
    private final LocalDate to;
    private final Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
    private final Map<Integer, Long> grades = new TreeMap<>();

    PeriodBuilder(LocalDate from, LocalDate to) {
      this.from = from;
      this.to = to;
      values.put(Measure.PAYROLL, new BigDecimal("10000000.00"));
      values.put(Measure.PREMIUMS_PAID, new BigDecimal("100000.00"));
      values.put(Measure.PREMIUMS_AT_BENCHMARK, new BigDecimal("100000.00"));
      values.put(Measure.BENEFITS_PAID, new BigDecimal("0.00"));
      values.put(Measure.AVERAGE_HEADCOUNT, new BigDecimal("100"));
      values.put(Measure.INJURIES, BigDecimal.ZERO);
      values.put(Measure.DEATHS, BigDecimal.ZERO);
      values.put(Measure.OCCUPATIONAL_DISEASE_CASES, BigDecimal.ZERO);
      values.put(Measure.MAX_DEATHS_SINGLE_ACCIDENT, BigDecimal.ZERO);
      values.put(Measure.MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT, BigDecimal.ZERO);
    }

    public PeriodBuilder benefits(String amount) {
      values.put(Measure.BENEFITS_PAID, new BigDecimal(amount));
      return this;
    }

    public PeriodBuilder payroll(String amount) {
      values.put(Measure.PAYROLL, new BigDecimal(amount));
      return this;
    }

    public PeriodBuilder premiums(String amount) {
      values.put(Measure.PREMIUMS_PAID, new BigDecimal(amount));
      return this;
    }

    public PeriodBuilder headcount(String headcount) {
      values.put(Measure.AVERAGE_HEADCOUNT, new BigDecimal(headcount));
      return this;
    }

    public PeriodBuilder injuries(long n) {
      values.put(Measure.INJURIES, BigDecimal.valueOf(n));
      return this;
    }

    public PeriodBuilder accidents(long n) {
      values.put(Measure.ACCIDENTS, BigDecimal.valueOf(n));
      return this;
    }

    public PeriodBuilder deaths(long n) {
      values.put(Measure.DEATHS, BigDecimal.valueOf(n));
      return this;
    }

    public PeriodBuilder maxDeathsOneAccident(long n) {
      values.put(Measure.MAX_DEATHS_SINGLE_ACCIDENT, BigDecimal.valueOf(n));
      return this;
    }

    public PeriodBuilder maxSeriousOneAccident(long n) {
      values.put(Measure.MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT, BigDecimal.valueOf(n));
      return this;
    }

    public PeriodBuilder grade(int grade, long cases) {
      grades.put(grade, cases);
      return this;
    }

    public PeriodBuilder without(Measure m) {
      values.remove(m);
      return this;
    }

    Period build() {
      return new Period(from, to, ImmutableSortedMap.copyOf(values),
          Optional.of(ImmutableSortedMap.copyOf(grades)));
    }
  }
}
