package org.ratefloat.model;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A period's values by measure, in measure order: an array by the measure's ordinal, so that a
 * value is found without a search (a decision reads several of every period). Immutable; its views
 * ({@link #headMap} and the like) are unmodifiable copies.
 */
final class MeasureValues extends AbstractMap<Measure, BigDecimal> implements SortedMap<Measure, BigDecimal> {
  private static final Measure[] MEASURES = Measure.values();

  private final @Nullable BigDecimal[] values;
  private final int size;

  private MeasureValues(@Nullable BigDecimal[] byOrdinal, int size) {
    this.values = byOrdinal;
    this.size = size;
  }

  /**
   * The values of a map without null keys or values, each as {@code check} gives it, checked in
   * measure order (the first fault in that order is the one reported).
   */
  static MeasureValues of(Map<Measure, BigDecimal> values,
      java.util.function.BiFunction<Measure, BigDecimal, BigDecimal> check) {
    BigDecimal[] byOrdinal = new BigDecimal[MEASURES.length];
    values.forEach((m, v) -> byOrdinal[java.util.Objects.requireNonNull(m, "measure").ordinal()] =
        java.util.Objects.requireNonNull(v, "value"));
    int size = 0;
    for (int i = 0; i < byOrdinal.length; i++) {
      if (byOrdinal[i] != null) {
        byOrdinal[i] = check.apply(MEASURES[i], byOrdinal[i]);
        size++;
      }
    }
    return new MeasureValues(byOrdinal, size);
  }

  @Override
  public @Nullable BigDecimal get(@Nullable Object key) {
    return key instanceof Measure m ? values[m.ordinal()] : null;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void forEach(BiConsumer<? super Measure, ? super BigDecimal> action) {
    for (int i = 0; i < values.length; i++) {
      BigDecimal v = values[i];
      if (v != null) {
        action.accept(MEASURES[i], v);
      }
    }
  }

  @Override
  public Set<Map.Entry<Measure, BigDecimal>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<Measure, BigDecimal>> iterator() {
        return new Iterator<>() {
          private int next = advance(0);

          private int advance(int from) {
            int i = from;
            while (i < values.length && values[i] == null) {
              i++;
            }
            return i;
          }

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Map.Entry<Measure, BigDecimal> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Map.Entry<Measure, BigDecimal> e = Map.entry(MEASURES[next], values[next]);
            next = advance(next + 1);
            return e;
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Null: measures are in their natural order. */
  @Override
  public @Nullable Comparator<? super Measure> comparator() {
    return null;
  }

  @Override
  public Measure firstKey() {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        return MEASURES[i];
      }
    }
    throw new NoSuchElementException();
  }

  @Override
  public Measure lastKey() {
    for (int i = values.length - 1; i >= 0; i--) {
      if (values[i] != null) {
        return MEASURES[i];
      }
    }
    throw new NoSuchElementException();
  }

  @Override
  public SortedMap<Measure, BigDecimal> subMap(Measure fromKey, Measure toKey) {
    return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
  }

  @Override
  public SortedMap<Measure, BigDecimal> headMap(Measure toKey) {
    return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
  }

  @Override
  public SortedMap<Measure, BigDecimal> tailMap(Measure fromKey) {
    return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
  }
}
