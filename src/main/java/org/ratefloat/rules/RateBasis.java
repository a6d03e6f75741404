package org.ratefloat.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Benchmark rates (percent of payroll) and band ladders (multipliers of the benchmark, ascending,
 * containing 1) by risk class. A benchmark may be absent where the sources do not give it.
 */
public record RateBasis(
    ImmutableSortedMap<Integer, Optional<BigDecimal>> benchmarks,
    ImmutableSortedMap<Integer, ImmutableList<BigDecimal>> ladders) {

  /** Index of the benchmark band (multiplier 1) on a class's ladder. */
  public int benchmarkIndex(int riskClass) {
    ImmutableList<BigDecimal> ladder = ladders.get(riskClass);
    for (int i = 0; i < ladder.size(); i++) {
      if (ladder.get(i).compareTo(BigDecimal.ONE) == 0) {
        return i;
      }
    }
    throw new IllegalStateException("ladder without benchmark band for class " + riskClass);
  }
}
