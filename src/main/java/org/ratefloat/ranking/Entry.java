package org.ratefloat.ranking;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A listed employer: its month, its rank on each ranked indicator (none for the lexicographic
 * order), its score (rank sum or weighted; none for the lexicographic order), its position in its
 * group, how many consecutive months up to this one it has been listed, and whether it was chosen
 * at the cut by employer id from a tied group. Immutable.
 */
public record Entry(Observation observation, List<BigDecimal> ranks, Optional<BigDecimal> score,
    BigDecimal position, int monthsOnList, boolean chosenAtCut) {
  public Entry {
    requireNonNull(observation, "observation");
    ranks = List.copyOf(ranks);
    requireNonNull(score, "score");
    requireNonNull(position, "position");
  }

  /** The same entry with its count of consecutive months on the list. */
  Entry withMonthsOnList(int months) {
    return new Entry(observation, ranks, score, position, months, chosenAtCut);
  }

  String employerId() {
    return observation.employerId();
  }
}
