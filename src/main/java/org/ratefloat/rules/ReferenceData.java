package org.ratefloat.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reference data written in a {@code ratefloat/rule-table@2} table ({@code data}): named scalars
 * and step tables that formulas read with {@code data} and {@code lookup}, and rows keyed by the
 * class codes of a classification other than GB/T 4754 that line items per exposure read with
 * {@code classData}. Part of the table's bytes, so its hash covers them.
 */
public record ReferenceData(ImmutableMap<String, BigDecimal> scalars, ImmutableMap<String, StepTable> steps,
    Optional<ClassRows> classes) {
  /** No reference data (every @1 table). */
  public static final ReferenceData NONE = new ReferenceData(ImmutableMap.of(), ImmutableMap.of());

  /** Scalars and step tables without class rows. */
  public ReferenceData(ImmutableMap<String, BigDecimal> scalars, ImmutableMap<String, StepTable> steps) {
    this(scalars, steps, Optional.empty());
  }

  /**
   * Rows of values keyed by the class codes of one classification ({@code system}, e.g. NCCI): row
   * {@code code} holds one value per column. A table with class rows reads only cases whose
   * {@code classCodes} are of this system, each code with a row (checked when a case is decided).
   */
  public record ClassRows(String system, String pointer, ImmutableList<String> columns,
      ImmutableSortedMap<String, ImmutableList<BigDecimal>> rows) {
    /** The index of a column, or -1. */
    public int column(String name) {
      return columns.indexOf(name);
    }

    /** The least and greatest value of a column. */
    public BigDecimal min(int column) {
      return rows.values().stream().map(r -> r.get(column)).min(BigDecimal::compareTo).orElseThrow();
    }

    public BigDecimal max(int column) {
      return rows.values().stream().map(r -> r.get(column)).max(BigDecimal::compareTo).orElseThrow();
    }
  }

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
