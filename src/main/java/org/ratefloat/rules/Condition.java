package org.ratefloat.rules;

import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A test of one indicator: an interval with explicit open or closed ends (numbers), a required
 * yes/no (flags) or a set of accepted texts.
 */
public record Condition(
    String indicator,
    String pointer,
    Optional<Bound> lower,
    Optional<Bound> upper,
    Optional<Boolean> is,
    ImmutableSet<String> in) {

  /** One end of an interval. */
  public record Bound(BigDecimal value, boolean inclusive) {}

  /** Whether {@code x} lies in the interval. */
  public boolean admits(BigDecimal x) {
    if (lower.isPresent()) {
      int c = x.compareTo(lower.get().value());
      if (c < 0 || (c == 0 && !lower.get().inclusive())) {
        return false;
      }
    }
    if (upper.isPresent()) {
      int c = x.compareTo(upper.get().value());
      return c < 0 || (c == 0 && upper.get().inclusive());
    }
    return true;
  }

  /** E.g. {@code payoutRatio in (50, 100]}, {@code premiumArrears = true}. */
  public String describe() {
    if (is.isPresent()) {
      return indicator + " = " + is.get();
    }
    if (!in.isEmpty()) {
      return indicator + " in " + in;
    }
    return indicator + " in " + (lower.map(b -> (b.inclusive() ? "[" : "(") + b.value().toPlainString())
        .orElse("(-inf")) + ", " + (upper.map(b -> b.value().toPlainString() + (b.inclusive() ? "]" : ")"))
        .orElse("+inf)"));
  }
}
