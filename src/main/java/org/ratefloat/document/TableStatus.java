package org.ratefloat.document;

/** How well a table's content is supported by its sources. */
public enum TableStatus {
  /** Every number rests on at least one published source that was read. */
  VERIFIED,
  /** Some numbers rest on a single weak source, were reconstructed, or are missing. */
  PROVISIONAL;

  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
