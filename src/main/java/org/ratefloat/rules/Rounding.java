package org.ratefloat.rules;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A rounding named in a rule table: a number of decimal places and a rounding mode. */
public record Rounding(int scale, RoundingMode mode) {
  public Rounding {
    requireNonNull(mode, "mode");
  }

  public BigDecimal apply(BigDecimal value) {
    return value.setScale(scale, mode);
  }

  /** E.g. {@code scale 2 HALF_UP}. */
  public String describe() {
    return "scale " + scale + " " + mode.name();
  }
}
