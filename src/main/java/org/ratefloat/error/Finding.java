package org.ratefloat.error;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.ratefloat.text.Catalogue;
import org.ratefloat.text.Language;

/**
 * One result of checking a rule table ({@code RateFloat.lint}): a stable code, a severity, the file,
 * the JSON pointer of the fault and a one-line message that shows the values.
 *
 * @param code the finding's stable code (the same as a load error's)
 * @param severity error, warning or info
 * @param source the file (or bundled table) the finding is in
 * @param pointer the JSON pointer (RFC 6901) of the fault in that file, {@code ""} for the whole
 * @param message one line, with the values involved
 */
public record Finding(ErrorCode code, Severity severity, String source, String pointer, String message) {

  /** How serious a finding is. Errors stop a table from loading; warnings do not. */
  public enum Severity {
    /** A fault: the table does not load (and {@code lint} exits 4). */
    ERROR,
    /** Probably a fault; acknowledged with {@code allow} on the step or row. */
    WARNING,
    /** Worth knowing, never a fault. */
    INFO;

    /** The severity as written in JSON and text output: {@code error}, {@code warning}, {@code info}. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Checks that no component is null. */
  public Finding {
    requireNonNull(code, "code");
    requireNonNull(severity, "severity");
    requireNonNull(source, "source");
    requireNonNull(pointer, "pointer");
    requireNonNull(message, "message");
  }

  /**
   * The message in the language of a locale: English for any but {@code zh} (then {@link #message()}
   * as it is), Chinese for {@code zh}: the code's meaning and the values of the message.
   *
   * @since 0.1.0
   */
  public String message(Locale locale) {
    Language lang = Language.of(locale);
    return lang == Language.EN ? message : RateFloatException.told(code, message, lang);
  }

  /**
   * The finding's line in the language of a locale, as {@link #text()} is in English: code,
   * severity, pointer and message.
   *
   * @since 0.1.0
   */
  public String text(Locale locale) {
    Language lang = Language.of(locale);
    if (lang == Language.EN) {
      return text();
    }
    return code.name() + " " + Catalogue.text(lang, "severity." + severity.jsonName()) + " "
        + (pointer.isEmpty() ? "/" : pointer) + "：" + message(locale);
  }

  /** E.g. {@code RT021 error /steps/2/rows/3: overlaps /steps/2/rows/4 on payoutRatio (0.5, 0.6]}. */
  public String text() {
    return code.name() + " " + severity.jsonName() + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
