package org.ratefloat.rules;

import org.ratefloat.document.Text;
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

  /** The step's kind, as written in a table: each type of step has one. */
  Kind kind();

  /**
   * Calls the visitor's method for this type of step. Every type implements it, and every visitor
   * implements a method for each type, so a new kind of step does not compile until each place that
   * runs or analyses steps handles it: code dispatches on the type, never on {@link #kind()}.
   */
  <R> R accept(Visitor<R> visitor);

  /** One method per type of step (see {@link #accept}). */
  interface Visitor<R> {
    R gate(Gate gate);

    R table(Table table);

    R veto(Veto veto);

    R limitMove(LimitMove limit);

    R rateFloor(RateFloor floor);

    R rateCap(RateCap cap);
  }

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
   * A step of rows: a {@link Gate} (the first matching row sets the band and ends the band steps) or
   * a {@link Table} (rows by hit policy).
   */
  sealed interface Rows extends StepSpec {
    HitPolicy hitPolicy();

    /** Whether a case no row matches is an error (else the step does nothing). */
    boolean noMatchIsError();

    /** Whether integer band targets count from the current band rather than the benchmark. */
    boolean relativeToCurrent();

    ImmutableList<RowSpec> rows();
  }

  /**
   * A gate: the first matching row sets the band and ends the band steps (hit policy FIRST).
   *
   * @param noMatchIsError whether a case no row matches is an error (else the step does nothing)
   * @param relativeToCurrent whether integer band targets count from the current band rather than
   *     the benchmark
   */
  record Gate(String id, String pointer, Text label, ImmutableSet<Integer> classes, boolean noMatchIsError,
      boolean relativeToCurrent, ImmutableList<RowSpec> rows) implements Rows {
    public HitPolicy hitPolicy() {
      return HitPolicy.FIRST;
    }

    public Kind kind() {
      return Kind.GATE;
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.gate(this);
    }
  }

  /**
   * A table: rows by hit policy.
   *
   * @param noMatchIsError whether a case no row matches is an error (else the step does nothing)
   * @param relativeToCurrent whether integer band targets count from the current band rather than
   *     the benchmark
   */
  record Table(String id, String pointer, Text label, ImmutableSet<Integer> classes, HitPolicy hitPolicy,
      boolean noMatchIsError, boolean relativeToCurrent, ImmutableList<RowSpec> rows) implements Rows {
    public Kind kind() {
      return Kind.TABLE;
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.table(this);
    }
  }

  /** While the guard holds, the band may not be below the benchmark (or the current band). */
  record Veto(String id, String pointer, Text label, ImmutableSet<Integer> classes, Guard when,
      boolean belowCurrent) implements StepSpec {
    public Kind kind() {
      return Kind.VETO;
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.veto(this);
    }
  }

  /** The band may move at most {@code maxBands} from the current band. */
  record LimitMove(String id, String pointer, Text label, ImmutableSet<Integer> classes, int maxBands)
      implements StepSpec {
    public Kind kind() {
      return Kind.LIMIT_MOVE;
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.limitMove(this);
    }
  }

  /**
   * A floor ({@link RateFloor}) or cap ({@link RateCap}) on the rate: a fixed percentage, the
   * benchmark of a given class, or (@2) the value of a rounded formula: the bound in percent
   * ({@code indicator}), or the case's benchmark times it ({@code benchmarkTimes}, a cap or floor on
   * the factor, such as NCCI's maximum mod).
   */
  sealed interface RateLimit extends StepSpec {
    Optional<BigDecimal> percent();

    OptionalInt classBenchmark();

    /** The formula whose value gives the bound (@2). */
    Optional<String> indicator();

    /** Whether the bound is the benchmark times the formula's value. */
    boolean timesBenchmark();

    /** Whether the rate may not fall below the bound (a floor), rather than rise above it (a cap). */
    boolean floor();

    /** The JSON pointer of the indicator reference of a computed bound. */
    default String indicatorPointer() {
      return pointer() + "/rate/" + (timesBenchmark() ? "benchmarkTimes" : "indicator");
    }
  }

  /** The rate may not fall below the bound. */
  record RateFloor(String id, String pointer, Text label, ImmutableSet<Integer> classes,
      Optional<BigDecimal> percent, OptionalInt classBenchmark, Optional<String> indicator,
      boolean timesBenchmark) implements RateLimit {
    public boolean floor() {
      return true;
    }

    public Kind kind() {
      return Kind.RATE_FLOOR;
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.rateFloor(this);
    }
  }

  /** The rate may not rise above the bound. */
  record RateCap(String id, String pointer, Text label, ImmutableSet<Integer> classes,
      Optional<BigDecimal> percent, OptionalInt classBenchmark, Optional<String> indicator,
      boolean timesBenchmark) implements RateLimit {
    public boolean floor() {
      return false;
    }

    public Kind kind() {
      return Kind.RATE_CAP;
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.rateCap(this);
    }
  }
}
