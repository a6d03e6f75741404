package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A position on a class's band ladder.
 *
 * @param offset bands above (+) or below (−) the benchmark band
 * @param multiplier the multiple of the benchmark rate, e.g. {@code 1.2}
 * @since 0.1.0
 */
public record Band(int offset, BigDecimal multiplier) {
  /** Checks that no component is null. */
  public Band {
    requireNonNull(multiplier, "multiplier");
  }
}
