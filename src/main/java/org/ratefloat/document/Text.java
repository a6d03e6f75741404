package org.ratefloat.document;

import static java.util.Objects.requireNonNull;

/** A label or note in Chinese and English. */
public record Text(String zh, String en) {
  public Text {
    requireNonNull(zh, "zh");
    requireNonNull(en, "en");
  }

  public String in(String language) {
    return "zh".equals(language) ? zh : en;
  }
}
