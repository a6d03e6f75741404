package org.ratefloat.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.Optional;
import org.ratefloat.model.Claim;
import org.ratefloat.model.Measure;

/** An indicator a rule table computes from the case. */
public sealed interface IndicatorSpec {
  String id();

  String pointer();

  Text label();

  ValueType type();

  Kind kind();

  /**
   * The kinds of indicator, as written in a table. A switch over them is exhaustive: a new kind
   * must be computed by the engine and given a domain by the analysis before the code compiles.
   */
  enum Kind implements JsonNamed {
    RATIO("ratio"),
    TOTAL("total"),
    STREAK("streak"),
    CLAIMS("claims"),
    FLAG("flag"),
    CUSTOM_FLAG("customFlag"),
    SAFETY_STANDARD_GRADE("safetyStandardGrade"),
    SAFETY_CREDIT_RATING("safetyCreditRating"),
    INSURED_MONTHS("insuredMonths"),
    COVERED("covered"),
    FORMULA("formula"),
    CURRENT_BAND("currentBand"),
    EXPOSURES("exposures"),
    CUSTOM_VALUE("customValue"),
    PRIOR("prior");

    private final String jsonName;

    Kind(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    public static Optional<Kind> byJsonName(String name) {
      return JsonNamed.find(values(), name);
    }
  }

  /** The status flags of an employer a {@code flag} indicator reads. */
  enum StatusFlag implements JsonNamed {
    LABOUR_DISPATCH("labourDispatch"),
    PREMIUM_ARREARS("premiumArrears"),
    JOINT_PUNISHMENT("jointPunishment");

    private final String jsonName;

    StatusFlag(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    public static Optional<StatusFlag> byJsonName(String name) {
      return JsonNamed.find(values(), name);
    }
  }

  /** The facts of earlier ratings a {@code prior} indicator reads (@2). */
  enum PriorFact implements JsonNamed {
    /** The previous period's surcharge in money. */
    SURCHARGE_AMOUNT("surchargeAmount"),
    /** The previous period's surcharge in percent of the rate. */
    SURCHARGE_PERCENT("surchargePercent"),
    /** Whole years from the first day of the last surcharged period to the as-of date. */
    YEARS_SINCE_SURCHARGE("yearsSinceSurcharge"),
    /** Whole years of continuous membership up to the as-of date. */
    MEMBERSHIP_YEARS("membershipYears");

    private final String jsonName;

    PriorFact(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    /** Whether its values are whole numbers. */
    public boolean whole() {
      return this == YEARS_SINCE_SURCHARGE || this == MEMBERSHIP_YEARS;
    }

    public static Optional<PriorFact> byJsonName(String name) {
      return JsonNamed.find(values(), name);
    }
  }

  /** What a {@code claims} indicator adds up over the claims it selects. */
  enum ClaimMeasure implements JsonNamed {
    /** The number of claims. */
    COUNT,
    /** The sum of their paid amounts. */
    PAID,
    /** The sum of their incurred amounts. */
    INCURRED,
    /** The sum of an expression evaluated for each claim (@2, {@code each}). */
    EACH;

    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * numerator ÷ denominator over a window, times multiplier ÷ divisor: an exact value, rounded only
   * where the measure itself rounds ({@code round}).
   */
  record Ratio(String id, String pointer, Text label, Window window, Measure numerator,
      Measure denominator, BigDecimal multiplier, BigDecimal divisor, Optional<Rounding> round,
      Optional<BigDecimal> zeroDenominator) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public Kind kind() {
      return Kind.RATIO;
    }
  }

  /** A measure added up over a window (or cases of disability grades gradeFrom..gradeTo). */
  record Total(String id, String pointer, Text label, Window window, Optional<Measure> measure,
      int gradeFrom, int gradeTo) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public Kind kind() {
      return Kind.TOTAL;
    }
  }

  /** Consecutive calendar years, counting back from the year before the as-of year, with all listed measures zero. */
  record Streak(String id, String pointer, Text label, int maxYears, ImmutableList<Measure> zero)
      implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public Kind kind() {
      return Kind.STREAK;
    }
  }

  /**
   * Count or sum of the individual claims in a window that pass a filter; with {@code each} (@2),
   * the sum of an expression evaluated for each of them (a line item per claim).
   */
  record Claims(String id, String pointer, Text label, Window window, ClaimMeasure measure,
      ImmutableSet<Claim.ClaimKind> kinds, int gradeFrom, int gradeTo, Optional<Boolean> medicalOnly,
      Optional<Expr> each, Optional<Expr> perAccident) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public Kind kind() {
      return Kind.CLAIMS;
    }
  }

  /** A status flag of the employer: labourDispatch, premiumArrears or jointPunishment. */
  record Flag(String id, String pointer, Text label, StatusFlag flag) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.BOOLEAN;
    }

    public Kind kind() {
      return Kind.FLAG;
    }
  }

  /** A named yes/no fact from the case's custom flags, with the value to use when it is absent. */
  record CustomFlag(String id, String pointer, Text label, String name, Optional<Boolean> whenAbsent)
      implements IndicatorSpec {
    public ValueType type() {
      return ValueType.BOOLEAN;
    }

    public Kind kind() {
      return Kind.CUSTOM_FLAG;
    }
  }

  /** The safety-standardisation grade valid on the as-of date (1..3), 0 if none. */
  record SafetyStandardGrade(String id, String pointer, Text label) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public Kind kind() {
      return Kind.SAFETY_STANDARD_GRADE;
    }
  }

  /** The safety credit rating (A..D), or the table's value for an unrated employer. */
  record SafetyCreditRating(String id, String pointer, Text label, Optional<String> whenAbsent)
      implements IndicatorSpec {
    public ValueType type() {
      return ValueType.TEXT;
    }

    public Kind kind() {
      return Kind.SAFETY_CREDIT_RATING;
    }
  }

  /** Whole months from the first insured date to the as-of date. */
  record InsuredMonths(String id, String pointer, Text label, Optional<BigDecimal> whenUnknown)
      implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public Kind kind() {
      return Kind.INSURED_MONTHS;
    }
  }

  /** Whether the history covers a window completely (so that indicators over it can be computed). */
  record Covered(String id, String pointer, Text label, Window window) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.BOOLEAN;
    }

    public Kind kind() {
      return Kind.COVERED;
    }
  }

  /**
   * An exact arithmetic combination of other indicators, rounded once where the measure itself
   * rounds ({@code round}).
   */
  record Formula(String id, String pointer, Text label, Expr expr, Optional<Rounding> round,
      Optional<BigDecimal> zeroDenominator) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public Kind kind() {
      return Kind.FORMULA;
    }
  }

  /** The employer's current band as an offset from the benchmark band. */
  record CurrentBand(String id, String pointer, Text label) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public Kind kind() {
      return Kind.CURRENT_BAND;
    }
  }

  /**
   * A sum of line items per exposure (@2): for every period in the window (which the history must
   * cover, as for totals) and every class code the period has payroll for, {@code each} evaluated
   * with the exposure's payroll and its class row of the reference data.
   */
  record Exposures(String id, String pointer, Text label, Window window, Expr each) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public Kind kind() {
      return Kind.EXPOSURES;
    }
  }

  /**
   * A named number of the case's status (@2), within the domain the table declares; absent, the
   * {@code whenAbsent} value or an error.
   */
  record CustomValue(String id, String pointer, Text label, String name, Optional<BigDecimal> whenAbsent,
      RuleTableSpec.DeclaredDomain domain) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public Kind kind() {
      return Kind.CUSTOM_VALUE;
    }
  }

  /** A fact of earlier ratings (@2); absent, the {@code whenAbsent} value or an error. */
  record Prior(String id, String pointer, Text label, PriorFact fact, Optional<BigDecimal> whenAbsent)
      implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public Kind kind() {
      return Kind.PRIOR;
    }
  }
}
