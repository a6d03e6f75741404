package org.ratefloat.document;

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

  /**
   * Reads {@code {"scale": n, "mode": "HALF_UP"}} from a table or definition: scale 0..12, any mode
   * but {@code UNNECESSARY} (which would fail on real data).
   */
  public static Rounding read(org.ratefloat.json.JsonValue v) {
    org.ratefloat.json.JsonObject o = v.asObject();
    int scale = o.req("scale").asInt(0, 12);
    org.ratefloat.json.JsonValue modeValue = o.req("mode");
    String name = modeValue.asString();
    RoundingMode mode;
    try {
      mode = RoundingMode.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw modeValue.fail(org.ratefloat.json.Fault.BAD_VALUE, "unknown rounding mode \"" + name
          + "\", expected HALF_UP, HALF_EVEN, HALF_DOWN, UP, DOWN, CEILING or FLOOR");
    }
    if (mode == RoundingMode.UNNECESSARY) {
      throw modeValue.fail(org.ratefloat.json.Fault.BAD_VALUE, "rounding mode UNNECESSARY would fail on real data");
    }
    o.finish();
    return new Rounding(scale, mode);
  }

  /** E.g. {@code scale 2 HALF_UP}. */
  public String describe() {
    return scale >= 0 && scale < DESCRIPTIONS.length ? DESCRIPTIONS[scale][mode.ordinal()]
        : "scale " + scale + " " + mode.name();
  }
}
