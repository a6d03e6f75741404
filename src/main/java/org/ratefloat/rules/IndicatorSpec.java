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

  /** The kind's name as written in the table. */
  String kind();

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

    public String kind() {
      return "ratio";
    }
  }

  /** A measure added up over a window (or cases of disability grades gradeFrom..gradeTo). */
  record Total(String id, String pointer, Text label, Window window, Optional<Measure> measure,
      int gradeFrom, int gradeTo) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public String kind() {
      return "total";
    }
  }

  /** Consecutive calendar years, counting back from the year before the as-of year, with all listed measures zero. */
  record Streak(String id, String pointer, Text label, int maxYears, ImmutableList<Measure> zero)
      implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public String kind() {
      return "streak";
    }
  }

  /** Count or sum of the individual claims in a window that pass a filter. */
  record Claims(String id, String pointer, Text label, Window window, String measure,
      ImmutableSet<Claim.ClaimKind> kinds, int gradeFrom, int gradeTo, Optional<Boolean> medicalOnly)
      implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public String kind() {
      return "claims";
    }
  }

  /** A status flag of the employer: labourDispatch, premiumArrears or jointPunishment. */
  record Flag(String id, String pointer, Text label, String flag) implements IndicatorSpec {
    public static final ImmutableSet<String> NAMES =
        ImmutableSet.of("labourDispatch", "premiumArrears", "jointPunishment");

    public ValueType type() {
      return ValueType.BOOLEAN;
    }

    public String kind() {
      return "flag";
    }
  }

  /** A named yes/no fact from the case's custom flags, with the value to use when it is absent. */
  record CustomFlag(String id, String pointer, Text label, String name, Optional<Boolean> whenAbsent)
      implements IndicatorSpec {
    public ValueType type() {
      return ValueType.BOOLEAN;
    }

    public String kind() {
      return "customFlag";
    }
  }

  /** The safety-standardisation grade valid on the as-of date (1..3), 0 if none. */
  record SafetyStandardGrade(String id, String pointer, Text label) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public String kind() {
      return "safetyStandardGrade";
    }
  }

  /** The safety credit rating (A..D), or the table's value for an unrated employer. */
  record SafetyCreditRating(String id, String pointer, Text label, Optional<String> whenAbsent)
      implements IndicatorSpec {
    public ValueType type() {
      return ValueType.TEXT;
    }

    public String kind() {
      return "safetyCreditRating";
    }
  }

  /** Whole months from the first insured date to the as-of date. */
  record InsuredMonths(String id, String pointer, Text label, Optional<BigDecimal> whenUnknown)
      implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public String kind() {
      return "insuredMonths";
    }
  }

  /** Whether the history covers a window completely (so that indicators over it can be computed). */
  record Covered(String id, String pointer, Text label, Window window) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.BOOLEAN;
    }

    public String kind() {
      return "covered";
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

    public String kind() {
      return "formula";
    }
  }

  /** The employer's current band as an offset from the benchmark band. */
  record CurrentBand(String id, String pointer, Text label) implements IndicatorSpec {
    public ValueType type() {
      return ValueType.NUMBER;
    }

    public String kind() {
      return "currentBand";
    }
  }
}
