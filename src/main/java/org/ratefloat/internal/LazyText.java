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
  private final @Nullable Supplier<String> sha256;
  private volatile @Nullable String text;
  private volatile @Nullable String hash;

  private LazyText(Supplier<String> make, @Nullable Supplier<String> sha256) {
    this.make = requireNonNull(make, "make");
    this.sha256 = sha256;
  }

  /** A text made by {@code make} on first read; {@code make} must give the same text every time. */
  public static LazyText of(Supplier<String> make) {
    return new LazyText(make, null);
  }

  /**
   * A text made by {@code make} on first read, whose SHA-256 {@code sha256} computes without making
   * it (straight from what the text is made of): both must give the same every time, and
   * {@code sha256} the hash of the UTF-8 bytes of {@code make}'s text.
   */
  public static LazyText of(Supplier<String> make, Supplier<String> sha256) {
    return new LazyText(make, requireNonNull(sha256, "sha256"));
  }

  /**
   * SHA-256 (lower-case hex) of the text's UTF-8 bytes: of the text if it is made, else as the
   * text's maker computes it without the text, else of the text made now.
   */
  public String sha256() {
    String h = hash;
    if (h == null) {
      String t = text;
      h = t == null && sha256 != null ? requireNonNull(sha256.get(), "sha256")
          : com.google.common.hash.Hashing.sha256().hashString(toString(), java.nio.charset.StandardCharsets.UTF_8)
              .toString();
      hash = h;
    }
    return h;
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
