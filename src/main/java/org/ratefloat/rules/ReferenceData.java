package org.ratefloat.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reference data written in a {@code ratefloat/rule-table@2} table ({@code data}): named scalars
 * and step tables that formulas read with {@code data} and {@code lookup}, values by risk class
 * from reference files, and rows keyed by the class codes of a classification other than GB/T 4754
 * that line items per exposure read with {@code classData}. Part of the table's bytes (or of the
 * reference files the decision names), so a hash covers them.
 */
public record ReferenceData(ImmutableMap<String, BigDecimal> scalars, ImmutableMap<String, StepTable> steps,
    ImmutableMap<String, ByClass> byClass, Optional<ClassRows> classes) {
  /** No reference data (every @1 table). */
  public static final ReferenceData NONE = new ReferenceData(ImmutableMap.of(), ImmutableMap.of());

  /** Scalars and step tables, no rows by class (the data written in a table). */
  public ReferenceData(ImmutableMap<String, BigDecimal> scalars, ImmutableMap<String, StepTable> steps) {
    this(scalars, steps, ImmutableMap.of(), Optional.empty());
  }

  /** Scalars, step tables and values by class (the data of a reference file). */
  public ReferenceData(ImmutableMap<String, BigDecimal> scalars, ImmutableMap<String, StepTable> steps,
      ImmutableMap<String, ByClass> byClass) {
    this(scalars, steps, byClass, Optional.empty());
  }

  /** Scalars, step tables and class rows (the data written in a table). */
  public ReferenceData(ImmutableMap<String, BigDecimal> scalars, ImmutableMap<String, StepTable> steps,
      Optional<ClassRows> classes) {
    this(scalars, steps, ImmutableMap.of(), classes);
  }

  /**
   * Values by class code (from a {@code ratefloat/reference@1} file): {@code {"data": name}} reads
   * the value of the case's risk class, so a table that reads it must find every class it covers
   * (checked when it loads).
   *
   * @param pointer where the rows are written, in the reference file
   * @param source the reference file
   */
  public record ByClass(String name, String source, String pointer, ImmutableMap<String, BigDecimal> rows) {
    /** The least and greatest value of the rows. */
    public BigDecimal minValue() {
      return rows.values().stream().min(BigDecimal::compareTo).orElseThrow();
    }

    public BigDecimal maxValue() {
      return rows.values().stream().max(BigDecimal::compareTo).orElseThrow();
    }
  }

  /** Whether {@code {"data": name}} reads something: a scalar, or values by class. */
  public boolean readable(String name) {
    return scalars.containsKey(name) || byClass.containsKey(name);
  }

  /** Every name, of scalars, step tables and values by class. */
  public java.util.Set<String> names() {
    java.util.Set<String> names = new java.util.LinkedHashSet<>(scalars.keySet());
    names.addAll(steps.keySet());
    names.addAll(byClass.keySet());
    return names;
  }

  /** This data and {@code other}, whose names must differ from this data's (the caller checks). */
  public ReferenceData with(ReferenceData other) {
    return new ReferenceData(
        ImmutableMap.<String, BigDecimal>builder().putAll(scalars).putAll(other.scalars).buildOrThrow(),
        ImmutableMap.<String, StepTable>builder().putAll(steps).putAll(other.steps).buildOrThrow(),
        ImmutableMap.<String, ByClass>builder().putAll(byClass).putAll(other.byClass).buildOrThrow(),
        classes.or(other::classes));
  }

  /**
   * The data as a decision for one class reads it: the values by class of that class become
   * scalars. Every class a table covers has them (checked when the table loads).
   */
  public ReferenceData forClass(String code) {
    if (byClass.isEmpty()) {
      return this;
    }
    ImmutableMap.Builder<String, BigDecimal> all = ImmutableMap.<String, BigDecimal>builder().putAll(scalars);
    byClass.forEach((name, rows) -> {
      BigDecimal v = rows.rows().get(code);
      if (v != null) {
        all.put(name, v);
      }
    });
    return new ReferenceData(all.buildOrThrow(), steps, ImmutableMap.of(), classes);
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
