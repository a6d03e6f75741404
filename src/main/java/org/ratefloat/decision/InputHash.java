package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;

/**
 * The SHA-256 of a decision's canonical input, computed on first use and then kept: deciding does
 * not pay for hashing until the record is written or the hash is asked for. Thread-safe; equal by
 * value.
 *
 * @since 0.1.0
 */
public final class InputHash {
  private final Supplier<String> compute;
  private volatile String value;

  private InputHash(String value, Supplier<String> compute) {
    this.value = value;
    this.compute = compute;
  }

  /** A hash already known. */
  public static InputHash of(String sha256) {
    return new InputHash(requireNonNull(sha256, "sha256"), null);
  }

  /** A hash computed by {@code compute} when first needed. */
  public static InputHash lazy(Supplier<String> compute) {
    return new InputHash(null, requireNonNull(compute, "compute"));
  }

  /** The hash, in lower-case hex. */
  public String value() {
    String v = value;
    if (v == null) {
      v = requireNonNull(compute.get(), "hash");
      value = v;
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputHash other && value().equals(other.value());
  }

  @Override
  public int hashCode() {
    return value().hashCode();
  }

  @Override
  public String toString() {
    return value();
  }
}
