package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A value a decision used that the case as submitted does not give: a default filled in for an
 * absent value (by the reader, or by the rule table for one of its indicators), or a value derived
 * from others. A record lists them apart from the input it echoes, which is the case exactly as
 * submitted. Immutable; built with {@link #of}, {@link #forIndicator} or {@link #derived}.
 *
 * @since 0.1.0
 */
public final class Assumption {
  /**
   * How the value came about.
   *
   * @since 0.1.0
   */
  public enum Kind implements JsonNamed {
    /** The case leaves the value out; the documented default stands for it. */
    DEFAULT("default"),
    /** The case leaves the value out; it is taken from another value of the case. */
    DERIVED("derived");

    private final String jsonName;

    Kind(String jsonName) {
      this.jsonName = jsonName;
    }

    /** The name a record writes. */
    @Override
    public String jsonName() {
      return jsonName;
    }

    /** The kind a record names, if it is one. */
    public static Optional<Kind> byJsonName(String name) {
      return JsonNamed.find(values(), name);
    }
  }

  private final String pointer;
  private final Optional<String> indicator;
  private final Value value;
  private final Kind kind;
  private final Optional<String> from;

  private Assumption(String pointer, Optional<String> indicator, Value value, Kind kind, Optional<String> from) {
    this.pointer = requireNonNull(pointer, "pointer");
    this.indicator = requireNonNull(indicator, "indicator");
    this.value = requireNonNull(value, "value");
    this.kind = requireNonNull(kind, "kind");
    this.from = requireNonNull(from, "from");
  }

  /** A default: the value that stands for {@code pointer}, absent from the case. */
  public static Assumption of(String pointer, Value value) {
    return new Assumption(pointer, Optional.empty(), value, Kind.DEFAULT, Optional.empty());
  }

  /**
   * A default of an indicator: {@code pointer} is absent from the case, and the indicator took
   * {@code value}, the default its rule table (or, for a safety-standardisation grade, the engine)
   * gives for that.
   */
  public static Assumption forIndicator(String pointer, String indicator, Value value) {
    return new Assumption(pointer, Optional.of(requireNonNull(indicator, "indicator")), value, Kind.DEFAULT,
        Optional.empty());
  }

  /** A derived value: {@code pointer}, absent from the case, taken from {@code from}. */
  public static Assumption derived(String pointer, Value value, String from) {
    return new Assumption(pointer, Optional.empty(), value, Kind.DERIVED, Optional.of(requireNonNull(from, "from")));
  }

  /** Where the value would be in the case (a JSON pointer, RFC 6901). */
  public String pointer() {
    return pointer;
  }

  /** The indicator whose value this is, where the default is an indicator's (not the input's own). */
  public Optional<String> indicator() {
    return indicator;
  }

  /** The value the decision used. */
  public Value value() {
    return value;
  }

  /** A default or a derived value. */
  public Kind kind() {
    return kind;
  }

  /** The pointer of the value a derived one is taken from. */
  public Optional<String> from() {
    return from;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Assumption a && pointer.equals(a.pointer) && indicator.equals(a.indicator)
        && value.equals(a.value) && kind == a.kind && from.equals(a.from);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pointer, indicator, value, kind, from);
  }

  @Override
  public String toString() {
    return pointer + indicator.map(i -> " (indicator " + i + ")").orElse("") + " = " + value.render() + " ("
        + kind.jsonName() + from.map(f -> " from " + f).orElse("") + ")";
  }
}
