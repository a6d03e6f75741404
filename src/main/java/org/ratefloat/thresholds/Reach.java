package org.ratefloat.thresholds;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One outcome the next decision can reach and where: the union of {@link #boxes()} of the coming
 * period's quantities that gives it. Immutable.
 *
 * @param outcome what the decision gives there
 * @param boxes the boxes, disjoint, together exactly the points that give the outcome (among those
 *     the input rules admit)
 * @param limitedBy the steps that bound the outcome at one point of its first box: a move limit, a
 *     veto, a rate floor or cap that changed the band or rate there (their ids, in table order)
 * @since 0.1.0
 */
public record Reach(Outcome outcome, List<Box> boxes, List<String> limitedBy) {
  /** Checks that no component is null; copies the lists. */
  public Reach {
    requireNonNull(outcome, "outcome");
    boxes = List.copyOf(requireNonNull(boxes, "boxes"));
    limitedBy = List.copyOf(requireNonNull(limitedBy, "limitedBy"));
  }

  /**
   * An outcome and where it is reached.
   *
   * @param outcome the outcome
   * @param boxes its boxes
   * @param limitedBy the steps that bound it
   * @return the reach
   */
  public static Reach of(Outcome outcome, List<Box> boxes, List<String> limitedBy) {
    return new Reach(outcome, boxes, limitedBy);
  }

  /**
   * Whether a point lies in one of the boxes.
   *
   * @param point values of quantities
   * @param absent the value of a quantity the point does not give
   * @return whether the outcome is reached there
   */
  public boolean contains(Map<Variable, BigDecimal> point, java.util.function.Function<Variable, BigDecimal> absent) {
    requireNonNull(point, "point");
    requireNonNull(absent, "absent");
    return boxes.stream().anyMatch(b -> b.contains(point, absent));
  }
}
