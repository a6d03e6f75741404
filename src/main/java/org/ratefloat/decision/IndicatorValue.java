package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An indicator as computed for one decision. Immutable; built with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class IndicatorValue {
  private final String id;
  private final String kind;
  private final Optional<LocalDate> from;
  private final Optional<LocalDate> to;
  private final Map<String, String> operands;
  private final Value unrounded;
  private final Value value;
  private final String rounding;

  private IndicatorValue(Builder b) {
    this.id = TableRef.required(b.id, "id");
    this.kind = TableRef.required(b.kind, "kind");
    this.from = Optional.ofNullable(b.from);
    this.to = Optional.ofNullable(b.to);
    this.operands = b.operands.build();
    this.value = TableRef.required(b.value, "value");
    this.unrounded = b.unrounded != null ? b.unrounded : value;
    this.rounding = b.rounding;
  }

  /** A builder: id, kind and value are required; the unrounded value is the value unless given. */
  public static Builder builder() {
    return new Builder();
  }

  /** The indicator's id in the rule table. */
  public String id() {
    return id;
  }

  /** Its kind ({@code ratio}, {@code total}, {@code streak}, ...). */
  public String kind() {
    return kind;
  }

  /** First day of the window it was computed over, if it has one. */
  public Optional<LocalDate> from() {
    return from;
  }

  /** Last day of that window. */
  public Optional<LocalDate> to() {
    return to;
  }

  /** The figures it was computed from, in a fixed order, as plain decimals or text; unmodifiable. */
  public Map<String, String> operands() {
    return operands;
  }

  /** The value before the table's rounding (equal to {@link #value()} where there is none). */
  public Value unrounded() {
    return unrounded;
  }

  /** The value the steps compared. */
  public Value value() {
    return value;
  }

  /** The rounding applied, e.g. {@code scale 2 HALF_UP}, or empty. */
  public String rounding() {
    return rounding;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndicatorValue v && id.equals(v.id) && kind.equals(v.kind) && from.equals(v.from)
        && to.equals(v.to) && operands.equals(v.operands) && unrounded.equals(v.unrounded)
        && value.equals(v.value) && rounding.equals(v.rounding);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, kind, from, to, operands, unrounded, value, rounding);
  }

  @Override
  public String toString() {
    return "IndicatorValue[id=" + id + ", kind=" + kind + ", value=" + value.render() + "]";
  }

  /**
   * Builds an {@link IndicatorValue}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String kind;
    private @Nullable LocalDate from;
    private @Nullable LocalDate to;
    private final ImmutableMap.Builder<String, String> operands = ImmutableMap.builder();
    private @Nullable Value unrounded;
    private @Nullable Value value;
    private String rounding = "";

    private Builder() {}

    /** The indicator's id and kind. */
    public Builder indicator(String id, String kind) {
      this.id = requireNonNull(id, "id");
      this.kind = requireNonNull(kind, "kind");
      return this;
    }

    /** The window it was computed over. */
    public Builder window(LocalDate from, LocalDate to) {
      this.from = requireNonNull(from, "from");
      this.to = requireNonNull(to, "to");
      return this;
    }

    /** Adds an operand, after those added so far (the order a record writes them). */
    public Builder operand(String name, String value) {
      operands.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    /** Adds operands in the map's order. */
    public Builder operands(Map<String, String> values) {
      requireNonNull(values, "values").forEach(this::operand);
      return this;
    }

    /** The value the steps compared. */
    public Builder value(Value value) {
      this.value = requireNonNull(value, "value");
      return this;
    }

    /** The value before the rounding, and the rounding applied (e.g. {@code scale 2 HALF_UP}). */
    public Builder unrounded(Value unrounded, String rounding) {
      this.unrounded = requireNonNull(unrounded, "unrounded");
      this.rounding = requireNonNull(rounding, "rounding");
      return this;
    }

    /**
     * The indicator value.
     *
     * @throws IllegalStateException if a required part is missing
     * @throws IllegalArgumentException if an operand is named twice
     */
    public IndicatorValue build() {
      return new IndicatorValue(this);
    }
  }
}
