package org.ratefloat.decision;

import java.util.Optional;

/**
 * Whether a rule table, classification or reference-data file is confirmed by its sources.
 *
 * @since 0.1.0
 */
public enum TableStatus implements JsonNamed {
  /** Every value is taken from the cited sources. */
  VERIFIED("verified"),
  /** Some values are borrowed or assumed (the file lists them); decisions say so in a warning. */
  PROVISIONAL("provisional");

  private final String jsonName;

  TableStatus(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name a record writes, e.g. {@code provisional}. */
  @Override
  public String jsonName() {
    return jsonName;
  }

  /** The status a record names, if it is one. */
  public static Optional<TableStatus> byJsonName(String name) {
    return JsonNamed.find(values(), name);
  }
}
