package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

/**
 * A caveat attached to a decision, in English and Chinese.
 *
 * @param code a stable short code, e.g. {@code provisional-table} or a row id
 * @since 0.1.0
 */
public record Warning(String code, String en, String zh) {
  /** Checks that no component is null. */
  public Warning {
    requireNonNull(code, "code");
    requireNonNull(en, "en");
    requireNonNull(zh, "zh");
  }
}
