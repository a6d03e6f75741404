package org.ratefloat.rules;

import org.ratefloat.document.Rounding;
import org.ratefloat.document.Text;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.Optional;
import org.ratefloat.model.Claim;
import org.ratefloat.model.Measure;
import org.ratefloat.model.SafetyStandardisation;
import org.ratefloat.model.Status;

/** An indicator a rule table computes from the case. */
public sealed interface IndicatorSpec {
  String id();

  String pointer();

  Text label();

  ValueType type();

  /** The indicator's kind, as written in a table: each type of indicator has one. */
  Kind kind();

  /**
   * The values the indicator can take, declared here once for each kind: the static analysis cuts its
   * cells from it, the engine checks every value it computes against it, and the format reference
   * states it. A table's declared {@code domain} narrows it for the analysis.
   *
   * @param context what the domain of a formula, a sum of line items or the current band depends on
   */
  ValueDomain domain(DomainContext context);

  /**
   * What an indicator's domain depends on beyond its own keys: the table's formulas, data and band
   * ladders.
   */
  interface DomainContext {
    /**
     * Closed bounds that every value of the expression lies in (interval arithmetic over the other
     * indicators' domains and the table's data), or unbounded where nothing is proven.
     */
    ValueDomain.Numbers bounds(Expr e);

    /** The offsets from the benchmark band the current band can have. */
    ValueDomain.Numbers bandOffsets();
  }

  /**
   * Calls the visitor's method for this type of indicator: every visitor implements one per type, so
   * a new kind of indicator does not compile until the engine computes it.
   */
  <R> R accept(Visitor<R> visitor);

  /** One method per type of indicator (see {@link #accept}). */
  interface Visitor<R> {
    R ratio(Ratio spec);

    R total(Total spec);

    R streak(Streak spec);

    R claims(Claims spec);

    R flag(Flag spec);

    R customFlag(CustomFlag spec);

    R safetyStandardGrade(SafetyStandardGrade spec);

    R safetyCreditRating(SafetyCreditRating spec);

    R insuredMonths(InsuredMonths spec);

    R covered(Covered spec);

    R formula(Formula spec);

    R currentBand(CurrentBand spec);

    R exposures(Exposures spec);

    R customValue(CustomValue spec);

    R prior(Prior spec);

    R priorValue(PriorValue spec);
  }

  /** From {@code x} up, inclusive. */
  private static Optional<Condition.Bound> atLeast(BigDecimal x) {
    return Optional.of(new Condition.Bound(x, true));
  }

  /**
   * The spacing of an indicator's values: a measure that rounds to n places takes values 10^-n apart;
   * an exact ratio or formula takes every rational value (0: continuous).
   */
  private static BigDecimal spacing(Optional<Rounding> round) {
    return round.map(r -> BigDecimal.ONE.movePointLeft(r.scale())).orElse(BigDecimal.ZERO);
  }

  /** A sum of line items is from 0 up when every item is (interval arithmetic), else unbounded. */
  private static Optional<Condition.Bound> sumFrom(DomainContext context, Expr item) {
    return context.bounds(item).lo().filter(lo -> lo.value().signum() >= 0).map(lo -> atLeast(BigDecimal.ZERO).get());
  }

  /** Whether a default for an absent value keeps a domain of whole numbers whole. */
  private static boolean whole(Optional<BigDecimal> whenAbsent) {
    return whenAbsent.map(u -> u.stripTrailingZeros().scale() <= 0).orElse(true);
  }

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

    public ValueDomain domain(DomainContext context) {
      return new ValueDomain.Numbers(atLeast(zeroDenominator.map(z -> z.min(BigDecimal.ZERO)).orElse(BigDecimal.ZERO)),
          Optional.empty(), spacing(round));
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.ratio(this);
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

    public ValueDomain domain(DomainContext context) {
      return new ValueDomain.Numbers(atLeast(BigDecimal.ZERO), Optional.empty(),
          measure.map(Measure::integral).orElse(true) ? BigDecimal.ONE : BigDecimal.ZERO);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.total(this);
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

    public ValueDomain domain(DomainContext context) {
      return ValueDomain.Numbers.whole(0, maxYears);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.streak(this);
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

    public ValueDomain domain(DomainContext context) {
      Optional<Condition.Bound> lo = perAccident.or(() -> each).map(e -> sumFrom(context, e))
          .orElse(atLeast(BigDecimal.ZERO));
      return new ValueDomain.Numbers(lo, Optional.empty(),
          measure == ClaimMeasure.COUNT ? BigDecimal.ONE : BigDecimal.ZERO);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.claims(this);
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

    public ValueDomain domain(DomainContext context) {
      return ValueDomain.BOOLEANS;
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.flag(this);
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

    public ValueDomain domain(DomainContext context) {
      return ValueDomain.BOOLEANS;
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.customFlag(this);
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

    public ValueDomain domain(DomainContext context) {
      // no certificate valid on the as-of date is grade 0
      return ValueDomain.Numbers.whole(Math.min(SafetyStandardisation.NO_GRADE, SafetyStandardisation.BEST_GRADE),
          Math.max(SafetyStandardisation.NO_GRADE, SafetyStandardisation.LOWEST_GRADE));
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.safetyStandardGrade(this);
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

    public ValueDomain domain(DomainContext context) {
      return new ValueDomain.Texts(ImmutableSet.<String>builder().addAll(Status.SAFETY_CREDIT_RATINGS)
          .addAll(whenAbsent.stream().iterator()).build());
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.safetyCreditRating(this);
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

    public ValueDomain domain(DomainContext context) {
      return new ValueDomain.Numbers(atLeast(whenUnknown.map(u -> u.min(BigDecimal.ZERO)).orElse(BigDecimal.ZERO)),
          Optional.empty(), whole(whenUnknown) ? BigDecimal.ONE : BigDecimal.ZERO);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.insuredMonths(this);
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

    public ValueDomain domain(DomainContext context) {
      return ValueDomain.BOOLEANS;
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.covered(this);
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

    public ValueDomain domain(DomainContext context) {
      // the expression's bounds, with the value a zero denominator gives, rounded outward to the grid
      ValueDomain.Numbers bounds = context.bounds(expr);
      Optional<BigDecimal> lo = bounds.lo().map(Condition.Bound::value);
      Optional<BigDecimal> hi = bounds.hi().map(Condition.Bound::value);
      if (zeroDenominator.isPresent()) {
        lo = lo.map(zeroDenominator.get()::min);
        hi = hi.map(zeroDenominator.get()::max);
      }
      if (round.isPresent()) {
        int scale = round.get().scale();
        lo = lo.map(x -> x.setScale(scale, java.math.RoundingMode.FLOOR));
        hi = hi.map(x -> x.setScale(scale, java.math.RoundingMode.CEILING));
      }
      return ValueDomain.Numbers.closed(lo, hi, spacing(round));
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.formula(this);
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

    public ValueDomain domain(DomainContext context) {
      return context.bandOffsets();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.currentBand(this);
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

    public ValueDomain domain(DomainContext context) {
      return new ValueDomain.Numbers(sumFrom(context, each), Optional.empty(), BigDecimal.ZERO);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.exposures(this);
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

    public ValueDomain domain(DomainContext context) {
      return domain.numbers();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.customValue(this);
    }
  }

  /**
   * A named value of earlier ratings that the plan declares (@2, {@code "kind": "prior", "value":
   * "mod"}), such as the previous experience modification a cap is relative to, within the domain the
   * table declares; absent, the {@code whenAbsent} value or an error.
   */
  record PriorValue(String id, String pointer, Text label, String name, Optional<BigDecimal> whenAbsent,
      RuleTableSpec.DeclaredDomain domain) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public Kind kind() {
      return Kind.PRIOR;
    }

    public ValueDomain domain(DomainContext context) {
      return domain.numbers();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.priorValue(this);
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

    public ValueDomain domain(DomainContext context) {
      return new ValueDomain.Numbers(atLeast(whenAbsent.map(u -> u.min(BigDecimal.ZERO)).orElse(BigDecimal.ZERO)),
          Optional.empty(), fact.whole() && whole(whenAbsent) ? BigDecimal.ONE : BigDecimal.ZERO);
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.prior(this);
    }
  }
}
