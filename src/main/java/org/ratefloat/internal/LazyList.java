package org.ratefloat.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * An immutable list whose elements are made when it is first read, once: a decision keeps its trace
 * as the numbers and ids it decided with, and turns them into texts (indicator values, step traces)
 * only when a record is written or the decision explained. The elements depend on nothing but what
 * the decision captured, so they are the same whenever they are made. Thread-safe.
 *
 * @param <T> the element type
 */
public final class LazyList<T> extends AbstractList<T> implements RandomAccess {
  private final java.util.function.Supplier<? extends List<? extends T>> render;
  private volatile @Nullable ImmutableList<T> elements;

  private LazyList(java.util.function.Supplier<? extends List<? extends T>> render) {
    this.render = requireNonNull(render, "render");
  }

  /** A list made by {@code render} on first read; {@code render} must give the same elements every time. */
  public static <T> List<T> of(java.util.function.Supplier<? extends List<? extends T>> render) {
    return new LazyList<>(render);
  }

  private ImmutableList<T> elements() {
    ImmutableList<T> e = elements;
    if (e == null) {
      synchronized (this) {
        e = elements;
        if (e == null) {
          e = ImmutableList.copyOf(render.get());
          elements = e;
        }
      }
    }
    return e;
  }

  /** {@code list} as it is if it is already a {@code LazyList}, else an immutable copy of it. */
  public static <T> List<T> copyOf(List<T> list) {
    return list instanceof LazyList<T> r ? r : ImmutableList.copyOf(list);
  }

  @Override
  public T get(int index) {
    return elements().get(index);
  }

  @Override
  public java.util.Iterator<T> iterator() {
    return elements().iterator();
  }

  @Override
  public int size() {
    return elements().size();
  }
}
