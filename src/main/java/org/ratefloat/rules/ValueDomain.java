package org.ratefloat.rules;

import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The values an indicator can take, as its kind declares them ({@link IndicatorSpec#domain}): yes or
 * no, a closed set of texts, or numbers in an interval (open or closed ends) on a grid of a step (0:
 * any decimal). The static analysis cuts its cells from it and the engine checks every value it
 * computes against it, so the two cannot disagree. Immutable.
 */
public sealed interface ValueDomain {
  /** Yes or no. */
  record Booleans() implements ValueDomain {
    public String describe() {
      return "true or false";
    }
  }

  /** One of a closed set of texts, in their order. */
  record Texts(ImmutableSet<String> values) implements ValueDomain {
    public String describe() {
      return "one of " + String.join(", ", values);
    }
  }

  /** Numbers between two bounds (either may be absent: unbounded), multiples of {@code step} unless it is 0. */
  record Numbers(Optional<Condition.Bound> lo, Optional<Condition.Bound> hi, BigDecimal step) implements ValueDomain {
    /** Any decimal. */
    public static final Numbers ANY = new Numbers(Optional.empty(), Optional.empty(), BigDecimal.ZERO);

    /** The numbers from {@code lo} to {@code hi}, both included (either may be absent), on a grid of {@code step}. */
    public static Numbers closed(Optional<BigDecimal> lo, Optional<BigDecimal> hi, BigDecimal step) {
      return new Numbers(lo.map(x -> new Condition.Bound(x, true)), hi.map(x -> new Condition.Bound(x, true)), step);
    }

    /** Whole numbers from {@code lo} to {@code hi}, both included. */
    public static Numbers whole(long lo, long hi) {
      return closed(Optional.of(BigDecimal.valueOf(lo)), Optional.of(BigDecimal.valueOf(hi)), BigDecimal.ONE);
    }

    /** Whether the exact value {@code n / d} (d &gt; 0) lies in the interval and on the grid. */
    public boolean contains(BigDecimal n, BigDecimal d) {
      return Condition.within(lo, hi, n, d) && onGrid(n, d, step);
    }

    /** Whether {@code n / d} is a multiple of {@code step} (any value is, for a step of 0). */
    static boolean onGrid(BigDecimal n, BigDecimal d, BigDecimal step) {
      // n / d is a multiple of step when n is a multiple of d x step; a whole n over 1 is a multiple
      // of 1 (the grid of counts, tested for every count a decision computes) without a remainder
      if (n.scale() <= 0 && d.equals(BigDecimal.ONE) && step.equals(BigDecimal.ONE)) {
        return true;
      }
      return step.signum() == 0 || n.remainder(d.multiply(step)).signum() == 0;
    }

    public boolean contains(BigDecimal x) {
      return contains(x, BigDecimal.ONE);
    }

    /** E.g. {@code whole numbers in [0, 3]}, {@code numbers in [0, +∞) in steps of 0.01}. */
    public String describe() {
      String interval = lo.map(b -> (b.inclusive() ? "[" : "(") + b.value().toPlainString()).orElse("(-∞") + ", "
          + hi.map(b -> b.value().toPlainString() + (b.inclusive() ? "]" : ")")).orElse("+∞)");
      if (step.compareTo(BigDecimal.ONE) == 0) {
        return "whole numbers in " + interval;
      }
      return "numbers in " + interval + (step.signum() == 0 ? "" : " in steps of " + step.toPlainString());
    }
  }

  /** Words for a reader: the domain as the format reference states it. */
  String describe();

  /** Yes or no. */
  ValueDomain BOOLEANS = new Booleans();
}
