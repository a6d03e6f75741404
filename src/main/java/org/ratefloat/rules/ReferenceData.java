package org.ratefloat.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;

/**
 * Reference data written in a {@code ratefloat/rule-table@2} table ({@code data}): named scalars
 * and step tables that formulas read with {@code data} and {@code lookup}. Part of the table's
 * bytes, so its hash covers them.
 */
public record ReferenceData(ImmutableMap<String, BigDecimal> scalars, ImmutableMap<String, StepTable> steps) {
  /** No reference data (every @1 table). */
  public static final ReferenceData NONE = new ReferenceData(ImmutableMap.of(), ImmutableMap.of());

  /**
   * A step table keyed by a number: row i covers [keys(i), keys(i+1)), the last row everything from
   * its key up. Keys rise strictly (checked at load), so the rows partition [keys(0), ∞) without gaps
   * or overlaps. With {@code interpolate}, a key between two rows gives the exact linear interpolation
   * of their values (the last row's value from its key up).
   */
  public record StepTable(String name, String pointer, ImmutableList<BigDecimal> keys,
      ImmutableList<BigDecimal> values, boolean interpolate) {
    /** The least key the table covers. */
    public BigDecimal first() {
      return keys.get(0);
    }

    /** The least and greatest value the table can give. */
    public BigDecimal minValue() {
      return values.stream().min(BigDecimal::compareTo).orElseThrow();
    }

    public BigDecimal maxValue() {
      return values.stream().max(BigDecimal::compareTo).orElseThrow();
    }
  }
}
