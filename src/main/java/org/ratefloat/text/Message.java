package org.ratefloat.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message not yet said: the key of its text in the {@link Catalogue} and its values by name, each
 * already written as text with {@link java.util.Locale#ROOT} (a number by {@code toPlainString}, a
 * date by ISO 8601), so that no language or locale changes a value. Said in a language by
 * {@link #in(Language)}. Immutable.
 *
 * @param key the catalogue key, e.g. {@code error.IN025.missing}
 * @param values the values by placeholder name, in the order given
 */
public record Message(String key, Map<String, String> values) {
  /** Checks the parts; the values are copied, their order kept. */
  public Message {
    Objects.requireNonNull(key, "key");
    Map<String, String> copy = new LinkedHashMap<>();
    Objects.requireNonNull(values, "values").forEach((k, v) -> copy.put(Objects.requireNonNull(k, "name"),
        Objects.requireNonNull(v, () -> "value of " + k)));
    values = Collections.unmodifiableMap(copy);
  }

  /**
   * A message with its values given as name, value, name, value …; a value that is not a
   * {@code String} is written with {@link String#valueOf}, a {@link java.math.BigDecimal} plainly.
   */
  public static Message of(String key, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs: " + namesAndValues.length);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object v = namesAndValues[i + 1];
      values.put((String) namesAndValues[i], v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v));
    }
    return new Message(key, values);
  }

  /**
   * The values of a message, given as name, value, name, value … and written as {@link #of} writes
   * them, in the order given.
   */
  public static Map<String, String> values(Object... namesAndValues) {
    return of("", namesAndValues).values();
  }

  /** The message said in a language. */
  public String in(Language lang) {
    return Catalogue.text(lang, key, values);
  }
}
