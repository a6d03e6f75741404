package org.ratefloat.model;

import java.util.Optional;

/**
 * An edition of the Chinese industry classification GB/T 4754. Codes shifted between editions, so
 * a code is meaningless without its edition.
 *
 * @since 0.1.0
 */
public enum Edition {
  /** GB/T 4754-2011, the edition the 2015 national annex uses. */
  GBT_4754_2011("GB/T 4754-2011"),
  /** GB/T 4754-2017, the current edition. */
  GBT_4754_2017("GB/T 4754-2017");

  private final String label;

  Edition(String label) {
    this.label = label;
  }

  /** The canonical name, e.g. {@code GB/T 4754-2011}. */
  public String label() {
    return label;
  }

  /** Parses {@code GB/T 4754-2011} or the bare year {@code 2011}. */
  public static Optional<Edition> parse(String text) {
    java.util.Objects.requireNonNull(text, "text");
    for (Edition edition : values()) {
      if (edition.label.equals(text) || edition.label.endsWith("-" + text)) {
        return Optional.of(edition);
      }
    }
    return Optional.empty();
  }
}
