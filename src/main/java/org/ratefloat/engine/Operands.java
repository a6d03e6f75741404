package org.ratefloat.engine;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;

/**
 * The figures an indicator was computed from, kept as they were computed (decimals, exact values,
 * counts, texts) and written as texts only when the decision's record or explanation is made.
 * Filled once while the indicator is computed, then only read.
 */
final class Operands {
  /** No figures; takes none. */
  static final Operands NONE = new Operands(0, false);
  /** Takes figures and keeps none: for the figures of a claim's line item, which a record does not show. */
  static final Operands DISCARD = new Operands(0, false);

  private final boolean open;
  private Object[] pairs;
  private int size;

  Operands() {
    this(8, true);
  }

  private Operands(int capacity, boolean open) {
    this.pairs = new Object[capacity];
    this.open = open;
  }

  /** One figure: a String, a BigDecimal (written plain), an {@link Exact}, a whole number or a date. */
  Operands put(String name, Object value) {
    if (!open) {
      if (this == DISCARD) {
        return this;
      }
      throw new IllegalStateException("no operands are taken here");
    }
    if (!wants(name)) {
      throw new IllegalArgumentException("operand " + name + " given twice");
    }
    if (size + 2 > pairs.length) {
      pairs = java.util.Arrays.copyOf(pairs, Math.max(8, pairs.length * 2));
    }
    pairs[size++] = name;
    pairs[size++] = java.util.Objects.requireNonNull(value, name);
    return this;
  }

  /**
   * Whether a figure of this name is still to be put: false once one is, and always for operands
   * that take none or keep none ({@link #NONE}, {@link #DISCARD}).
   */
  boolean wants(String name) {
    if (!open) {
      return false;
    }
    for (int i = 0; i < size; i += 2) {
      if (pairs[i].equals(name)) {
        return false;
      }
    }
    return true;
  }

  static Operands of(String name, Object value) {
    return new Operands(2, true).put(name, value);
  }

  static Operands of(String n1, Object v1, String n2, Object v2) {
    return new Operands(4, true).put(n1, v1).put(n2, v2);
  }

  /** The figures as a record writes them, in the order they were given. */
  ImmutableMap<String, String> render() {
    ImmutableMap.Builder<String, String> out = ImmutableMap.builderWithExpectedSize(size / 2);
    for (int i = 0; i < size; i += 2) {
      out.put((String) pairs[i], text(pairs[i + 1]));
    }
    return out.buildOrThrow();
  }

  static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Exact e) {
      return e.toValue().render();
    }
    return value.toString();
  }
}
