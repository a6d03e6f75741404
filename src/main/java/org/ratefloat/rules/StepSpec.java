package org.ratefloat.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/** One step of a rule table; steps run in order and each may change the working band or rate. */
public sealed interface StepSpec {
  String id();

  String pointer();

  Text label();

  /** The risk classes the step applies to; empty = all. */
  ImmutableSet<Integer> classes();

  Kind kind();

  /** The kinds of step, as written in a table. */
  enum Kind implements JsonNamed {
    GATE("gate"),
    TABLE("table"),
    VETO("veto"),
    LIMIT_MOVE("limitMove"),
    RATE_FLOOR("rateFloor"),
    RATE_CAP("rateCap");

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

  default boolean appliesTo(int riskClass) {
    return classes().isEmpty() || classes().contains(riskClass);
  }

  /** How many rows of a table may match. */
  enum HitPolicy {
    /** At most one row may match; more is an error. */
    UNIQUE,
    /** The first matching row in order fires. */
    FIRST
  }

  /**
   * A gate (first matching row sets the band and ends the band steps) or a table (rows by hit
   * policy).
   *
   * @param relativeToCurrent whether integer band targets count from the current band rather than
   *     the benchmark
   * @param noMatchIsError whether a case no row matches is an error (else the step does nothing)
   */
  record Rows(String id, String pointer, Text label, ImmutableSet<Integer> classes, Kind kind,
      HitPolicy hitPolicy, boolean noMatchIsError, boolean relativeToCurrent,
      ImmutableList<RowSpec> rows) implements StepSpec {}

  /** While the guard holds, the band may not be below the benchmark (or the current band). */
  record Veto(String id, String pointer, Text label, ImmutableSet<Integer> classes, Guard when,
      boolean belowCurrent) implements StepSpec {
    public Kind kind() {
      return Kind.VETO;
    }
  }

  /** The band may move at most {@code maxBands} from the current band. */
  record LimitMove(String id, String pointer, Text label, ImmutableSet<Integer> classes, int maxBands)
      implements StepSpec {
    public Kind kind() {
      return Kind.LIMIT_MOVE;
    }
  }

  /**
   * A floor ({@code rateFloor}) or cap ({@code rateCap}) on the rate: a fixed percentage, the
   * benchmark of a given class, or (@2) the value of a rounded formula: the bound in percent
   * ({@code indicator}), or the case's benchmark times it ({@code benchmarkTimes}, a cap or floor on
   * the factor, such as NCCI's maximum mod).
   *
   * @param indicator the formula whose value gives the bound (@2)
   * @param timesBenchmark whether the bound is the benchmark times the formula's value
   */
  record RateLimit(String id, String pointer, Text label, ImmutableSet<Integer> classes, Kind kind,
      Optional<BigDecimal> percent, OptionalInt classBenchmark, Optional<String> indicator,
      boolean timesBenchmark) implements StepSpec {
    /** The JSON pointer of the indicator reference of a computed bound. */
    public String indicatorPointer() {
      return pointer + "/rate/" + (timesBenchmark ? "benchmarkTimes" : "indicator");
    }
  }
}
