package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one step of the rule table did in a decision. Immutable; built with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class StepTrace {
  /**
   * What became of a step.
   *
   * @since 0.1.0
   */
  public enum Outcome implements JsonNamed {
    /** A row (or the step's own condition) matched and its effect applied. */
    FIRED("fired"),
    /** No row matched; nothing changed. */
    NO_MATCH("no-match"),
    /** The step does not apply to the employer's class. */
    NOT_APPLICABLE("not-applicable"),
    /** Not run, because a gate fired before it. */
    SKIPPED("skipped");

    private final String jsonName;

    Outcome(String jsonName) {
      this.jsonName = jsonName;
    }

    /** The name a record writes, e.g. {@code no-match}. */
    @Override
    public String jsonName() {
      return jsonName;
    }

    /** The outcome a record names, if it is one. */
    public static Optional<Outcome> byJsonName(String name) {
      return JsonNamed.find(values(), name);
    }
  }

  private final String step;
  private final String kind;
  private final Outcome outcome;
  private final Optional<String> row;
  private final String effect;

  private StepTrace(Builder b) {
    this.step = TableRef.required(b.step, "step");
    this.kind = TableRef.required(b.kind, "kind");
    this.outcome = TableRef.required(b.outcome, "outcome");
    this.row = Optional.ofNullable(b.row);
    this.effect = TableRef.required(b.effect, "effect");
  }

  /** A builder; every part but the row is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The step's id. */
  public String step() {
    return step;
  }

  /** The step's kind ({@code gate}, {@code table}, {@code veto}, ...). */
  public String kind() {
    return kind;
  }

  /** What became of the step. */
  public Outcome outcome() {
    return outcome;
  }

  /** The id of the row that fired, if the step has rows. */
  public Optional<String> row() {
    return row;
  }

  /** What it changed, e.g. {@code band 0 -> +1}, or {@code none}. */
  public String effect() {
    return effect;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StepTrace t && step.equals(t.step) && kind.equals(t.kind) && outcome == t.outcome
        && row.equals(t.row) && effect.equals(t.effect);
  }

  @Override
  public int hashCode() {
    return Objects.hash(step, kind, outcome, row, effect);
  }

  @Override
  public String toString() {
    return "StepTrace[step=" + step + ", kind=" + kind + ", outcome=" + outcome.jsonName() + ", row="
        + row.orElse("") + ", effect=" + effect + "]";
  }

  /**
   * Builds a {@link StepTrace}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String step;
    private @Nullable String kind;
    private @Nullable Outcome outcome;
    private @Nullable String row;
    private @Nullable String effect;

    private Builder() {}

    /** The step's id. */
    public Builder step(String step) {
      this.step = requireNonNull(step, "step");
      return this;
    }

    /** The step's kind. */
    public Builder kind(String kind) {
      this.kind = requireNonNull(kind, "kind");
      return this;
    }

    /** What became of the step. */
    public Builder outcome(Outcome outcome) {
      this.outcome = requireNonNull(outcome, "outcome");
      return this;
    }

    /** The row that fired. */
    public Builder row(String row) {
      this.row = requireNonNull(row, "row");
      return this;
    }

    /** What the step changed. */
    public Builder effect(String effect) {
      this.effect = requireNonNull(effect, "effect");
      return this;
    }

    /**
     * The trace.
     *
     * @throws IllegalStateException if a required part is missing
     */
    public StepTrace build() {
      return new StepTrace(this);
    }
  }
}
