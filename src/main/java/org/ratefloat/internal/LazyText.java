package org.ratefloat.internal;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A text made when it is first read, once: a decision keeps the case as submitted and makes its
 * canonical JSON (for its input hash and its record) only when a record is written or the hash is
 * asked for. Thread-safe; equal to nothing but itself (compare {@link #toString()}).
 */
public final class LazyText implements CharSequence {
  private final Supplier<String> make;
  private volatile @Nullable String text;

  private LazyText(Supplier<String> make) {
    this.make = requireNonNull(make, "make");
  }

  /** A text made by {@code make} on first read; {@code make} must give the same text every time. */
  public static LazyText of(Supplier<String> make) {
    return new LazyText(make);
  }

  /** {@code text} as it is if it is a {@code LazyText}, else its characters now, as a string. */
  public static CharSequence copyOf(CharSequence text) {
    return text instanceof LazyText ? text : text.toString();
  }

  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      synchronized (this) {
        t = text;
        if (t == null) {
          t = requireNonNull(make.get(), "text");
          text = t;
        }
      }
    }
    return t;
  }

  @Override
  public int length() {
    return toString().length();
  }

  @Override
  public char charAt(int index) {
    return toString().charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().subSequence(start, end);
  }
}
