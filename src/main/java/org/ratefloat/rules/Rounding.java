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

  private static final String[][] DESCRIPTIONS = new String[13][RoundingMode.values().length];

  static {
    for (int s = 0; s < DESCRIPTIONS.length; s++) {
      for (RoundingMode m : RoundingMode.values()) {
        DESCRIPTIONS[s][m.ordinal()] = "scale " + s + " " + m.name();
      }
    }
  }

  /** E.g. {@code scale 2 HALF_UP}. */
  public String describe() {
    return scale >= 0 && scale < DESCRIPTIONS.length ? DESCRIPTIONS[scale][mode.ordinal()]
        : "scale " + scale + " " + mode.name();
  }
}
