package org.ratefloat.rules;

import java.math.BigDecimal;

/** What a row does when it fires. */
public sealed interface Outcome {

  /** Put the working band at a position: an offset (from the benchmark or the current band), or an end. */
  record SetBand(Target target, int offset) implements Outcome {}

  /** Where {@link SetBand} puts the band. */
  enum Target {
    OFFSET,
    TOP,
    BOTTOM,
    CURRENT
  }

  /** Move the working band by a number of bands (clamped to the ladder). */
  record AddBands(int bands) implements Outcome {}

  /** Add percentage points to the rate (negative to lower it). */
  record AddRatePoints(BigDecimal points) implements Outcome {}

  /** Multiply the rate by a factor. */
  record MultiplyRate(BigDecimal factor) implements Outcome {}

  /** The sources do not say what happens here: refuse to decide. */
  record Undetermined(Text reason) implements Outcome {}
}
