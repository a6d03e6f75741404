package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What one step of the rule table did in a decision.
 *
 * @param step the step's id
 * @param kind the step's kind ({@code gate}, {@code table}, {@code veto}, ...)
 * @param outcome {@code fired}, {@code no-match}, {@code not-applicable} (class filter) or
 *     {@code skipped} (after a gate)
 * @param row the id of the row that fired, if the step has rows
 * @param effect what it changed, e.g. {@code band 0 -> +1}
 * @since 0.1.0
 */
public record StepTrace(String step, String kind, String outcome, Optional<String> row, String effect) {
  /** Checks that no component is null. */
  public StepTrace {
    requireNonNull(step, "step");
    requireNonNull(kind, "kind");
    requireNonNull(outcome, "outcome");
    requireNonNull(row, "row");
    requireNonNull(effect, "effect");
  }
}
