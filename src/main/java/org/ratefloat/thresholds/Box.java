package org.ratefloat.thresholds;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A box of the coming period's quantities: one {@link Interval} for each quantity varied, every
 * combination of values inside giving the same outcome. A {@link Reach} is a union of boxes.
 * Immutable.
 *
 * @param bounds the interval of each quantity varied, in the order {@link Thresholds#quantities()}
 *     lists them
 * @since 0.1.0
 */
public record Box(Map<Variable, Interval> bounds) {
  /** Copies the bounds (keeping their order); checks that no key or value is null. */
  public Box {
    bounds = ImmutableMap.copyOf(requireNonNull(bounds, "bounds"));
  }

  /**
   * The box with these intervals.
   *
   * @param bounds the interval of each quantity
   * @return the box
   */
  public static Box of(Map<Variable, Interval> bounds) {
    return new Box(bounds);
  }

  /**
   * Whether a point lies in the box: every quantity of the box within its interval. A quantity the
   * point does not give is taken as {@code absent}'s value for it.
   *
   * @param point values of quantities
   * @param absent the value of a quantity the point does not give
   * @return whether the point lies inside
   */
  public boolean contains(Map<Variable, BigDecimal> point, java.util.function.Function<Variable, BigDecimal> absent) {
    java.util.Objects.requireNonNull(point, "point");
    java.util.Objects.requireNonNull(absent, "absent");
    for (Map.Entry<Variable, Interval> e : bounds.entrySet()) {
      BigDecimal x = point.containsKey(e.getKey()) ? point.get(e.getKey()) : absent.apply(e.getKey());
      if (!e.getValue().contains(x)) {
        return false;
      }
    }
    return true;
  }
}
