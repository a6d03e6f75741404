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

  /** Whether there is nothing: no name and no class row or list of classes. */
  public boolean isEmpty() {
    return names().isEmpty() && classes.isEmpty();
  }

  /**
   * This data and {@code other}, whose names must differ from this data's, and whose class rows, if
   * both have some, must be of one system with other columns and the same codes (the caller checks,
   * {@link ClassRows#with}).
   */
  public ReferenceData with(ReferenceData other) {
    Optional<ClassRows> both = classes.isPresent() && other.classes.isPresent()
        ? Optional.of(classes.get().with(other.classes.get())) : classes.or(other::classes);
    return new ReferenceData(
        ImmutableMap.<String, BigDecimal>builder().putAll(scalars).putAll(other.scalars).buildOrThrow(),
        ImmutableMap.<String, StepTable>builder().putAll(steps).putAll(other.steps).buildOrThrow(),
        ImmutableMap.<String, ByClass>builder().putAll(byClass).putAll(other.byClass).buildOrThrow(),
        both);
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
   * {@code code} holds one value per column, written in a table's {@code data.classes} or in a
   * reference file's (the rows of several files are joined, column by column). A table with class
   * rows reads only cases whose {@code classCodes} are of this system, each code with a row (checked
   * when a case is decided, {@code IN053}). A table may declare its classification closed
   * ({@code closed}): the codes it rates, no other; the static analysis then reports each of them
   * without a row ({@code RT040}).
   *
   * @param pointer where the rows are written (the first file's, when joined)
   * @param closed the codes of a closed classification, if the table declares one
   * @param closedPointer where the closed list is written (empty if none)
   */
  public record ClassRows(String system, String pointer, ImmutableList<String> columns,
      ImmutableSortedMap<String, ImmutableList<BigDecimal>> rows,
      Optional<com.google.common.collect.ImmutableSortedSet<String>> closed, String closedPointer) {
    /** Rows of an open classification. */
    public ClassRows(String system, String pointer, ImmutableList<String> columns,
        ImmutableSortedMap<String, ImmutableList<BigDecimal>> rows) {
      this(system, pointer, columns, rows, Optional.empty(), "");
    }

    /** The index of a column, or -1. */
    public int column(String name) {
      return columns.indexOf(name);
    }

    /**
     * These rows and another file's, joined column by column: the same system, no column named in
     * both, and the same codes where both have rows (the caller checks all three); the closed list
     * of either.
     */
    public ClassRows with(ClassRows other) {
      if (rows.isEmpty() || other.rows.isEmpty()) {
        ClassRows valued = rows.isEmpty() ? other : this;
        return new ClassRows(system, valued.pointer, valued.columns, valued.rows, closed.or(other::closed),
            closed.isPresent() ? closedPointer : other.closedPointer);
      }
      ImmutableSortedMap.Builder<String, ImmutableList<BigDecimal>> joined = ImmutableSortedMap.naturalOrder();
      rows.forEach((code, values) -> joined.put(code, ImmutableList.<BigDecimal>builder().addAll(values)
          .addAll(other.rows.get(code)).build()));
      return new ClassRows(system, pointer, ImmutableList.<String>builder().addAll(columns).addAll(other.columns)
          .build(), joined.build(), closed.or(other::closed), closed.isPresent() ? closedPointer : other.closedPointer);
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
