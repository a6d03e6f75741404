package org.ratefloat.error;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import org.ratefloat.text.Catalogue;
import org.ratefloat.text.Language;
import org.ratefloat.text.Message;

/**
 * One result of checking a rule table ({@code RateFloat.lint}): a stable code, a severity, the file,
 * the JSON pointer of the fault and a one-line message that shows the values.
 *
 * @param code the finding's stable code (the same as a load error's)
 * @param severity error, warning or info
 * @param source the file (or bundled table) the finding is in
 * @param pointer the JSON pointer (RFC 6901) of the fault in that file, {@code ""} for the whole
 * @param message one line, with the values involved, in English
 * @param key the key of the message in the library's message catalogue, or {@code ""} for a message
 *     the catalogue holds no sentence of its own for
 * @param values the values of the message by name, as the catalogue's sentence names them (each
 *     written with {@link Locale#ROOT}); empty when {@code key} is
 */
public record Finding(ErrorCode code, Severity severity, String source, String pointer, String message, String key,
    Map<String, String> values) {

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

  /** Checks that no component is null; copies the values. */
  public Finding {
    requireNonNull(code, "code");
    requireNonNull(severity, "severity");
    requireNonNull(source, "source");
    requireNonNull(pointer, "pointer");
    requireNonNull(message, "message");
    requireNonNull(key, "key");
    values = new Message(key, requireNonNull(values, "values")).values();
  }

  /** A finding told by an English message the catalogue does not hold. */
  public Finding(ErrorCode code, Severity severity, String source, String pointer, String message) {
    this(code, severity, source, pointer, message, "", Map.of());
  }

  /**
   * A finding told by a sentence of the message catalogue: its key and its values by name; the
   * English message is made from them.
   *
   * @since 0.1.0
   */
  public static Finding of(ErrorCode code, Severity severity, String source, String pointer, String key,
      Map<String, String> values) {
    requireNonNull(code, "code");
    requireNonNull(severity, "severity");
    requireNonNull(source, "source");
    requireNonNull(pointer, "pointer");
    return new Finding(code, severity, source, pointer, new Message(key, values).in(Language.EN), key, values);
  }

  /**
   * The finding of a fault that stopped a table from loading: its code, pointer and message (with
   * the message's key and values); {@code message} is its English message as the finding says it.
   *
   * @since 0.1.0
   */
  public static Finding of(RateFloatException fault, String source, String message) {
    requireNonNull(fault, "fault");
    return new Finding(fault.code(), Severity.ERROR, source, fault.pointer(), message,
        fault.messageKey().orElse(""), fault.values());
  }

  /**
   * The message in the language of a locale: English for any but {@code zh} (then {@link #message()}
   * as it is), Chinese for {@code zh}: the code's meaning and the values of the message.
   *
   * @since 0.1.0
   */
  public String message(Locale locale) {
    Language lang = Language.of(locale);
    if (lang == Language.EN) {
      return message;
    }
    return key.isEmpty() ? RateFloatException.told(code, message, lang) : Catalogue.text(lang, key, values);
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
