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
    return admits(x, BigDecimal.ONE);
  }

  /**
   * Whether the exact value {@code n / d} (d &gt; 0) lies in the interval: {@code n} is compared with
   * {@code bound × d}, so nothing is rounded. The one place where an interval is tested, for the
   * engine and the static analysis alike.
   */
  public boolean admits(BigDecimal n, BigDecimal d) {
    return within(lower, upper, n, d);
  }

  /**
   * Whether {@code n / d} (d &gt; 0) lies between two ends, either absent (unbounded): the interval
   * test of a condition and of a value domain, without making either.
   */
  static boolean within(Optional<Bound> lower, Optional<Bound> upper, BigDecimal n, BigDecimal d) {
    boolean whole = d.compareTo(BigDecimal.ONE) == 0;
    if (lower.isPresent()) {
      BigDecimal b = lower.get().value();
      int c = n.compareTo(whole ? b : b.multiply(d));
      if (c < 0 || (c == 0 && !lower.get().inclusive())) {
        return false;
      }
    }
    if (upper.isPresent()) {
      BigDecimal b = upper.get().value();
      int c = n.compareTo(whole ? b : b.multiply(d));
      return c < 0 || (c == 0 && upper.get().inclusive());
    }
    return true;
  }

  /** Whether a yes/no value meets the condition's {@code is}. */
  public boolean admits(boolean flag) {
    return is.orElseThrow() == flag;
  }

  /** Whether a text is among the condition's accepted texts. */
  public boolean admits(String text) {
    return in.contains(text);
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
