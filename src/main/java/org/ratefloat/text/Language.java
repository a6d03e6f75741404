package org.ratefloat.text;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The two languages ratefloat speaks to people in: Chinese (simplified, the measures' own terms) and
 * English. A {@link Locale} chooses one by its language alone ({@code zh}, any region or script, is
 * Chinese; every other locale, {@link Locale#ROOT} included, English); nothing reads the process's
 * default locale.
 */
public enum Language {
  /** Chinese: {@code zh}. */
  ZH("zh"),
  /** English: {@code en}. */
  EN("en");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  /** {@code zh} or {@code en}, as the command line and the environment write it. */
  public String tag() {
    return tag;
  }

  /** The language of a locale: Chinese for {@code zh}, English for every other. */
  public static Language of(Locale locale) {
    return Objects.requireNonNull(locale, "locale").getLanguage().equals("zh") ? ZH : EN;
  }

  /** The language written so ({@code zh} or {@code en}, lower case), if it is one. */
  public static Optional<Language> parse(String tag) {
    Objects.requireNonNull(tag, "tag");
    for (Language l : values()) {
      if (l.tag.equals(tag)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /** The locale of this language, for an API that takes one. */
  public Locale locale() {
    return this == ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }
}
