package org.ratefloat.error;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ratefloat.text.Catalogue;
import org.ratefloat.text.Language;
import org.ratefloat.text.Message;
import org.ratefloat.text.Values;

/**
 * Base of every error ratefloat reports about its caller's data: it carries a stable
 * {@link ErrorCode}, the JSON pointer of the fault (empty for the whole document) and a short
 * message that shows the bad value.
 *
 * <p>The message can be said in Chinese or English ({@link #message(Locale)}): an error made from a
 * sentence of the library's message catalogue carries its key ({@link #messageKey()}) and its values
 * ({@link #values()}), each written with {@link Locale#ROOT}, and is said in the reader's language
 * from them; an error whose sentence the catalogue does not hold yet is said in Chinese as its code's
 * meaning followed by the values of its English message. {@link #getMessage()} is the English line,
 * whatever the default locale.
 *
 * <p>Our own bugs are never reported through this type; they surface as
 * {@link IllegalStateException}.
 *
 * @since 0.1.0
 */
public abstract class RateFloatException extends RuntimeException {
  private static final long serialVersionUID = 2L;

  private final ErrorCode code;
  private final String pointer;
  private final String detail;
  private final String key;
  private final Map<String, String> values;

  /** A fault told by an English detail the message catalogue does not hold. */
  protected RateFloatException(ErrorCode code, String pointer, String detail) {
    super(line(code, pointer, detail));
    this.code = code;
    this.pointer = pointer;
    this.detail = detail;
    this.key = "";
    this.values = Map.of();
  }

  /**
   * A fault told by a sentence of the message catalogue: its key and
   * its values by name, each written with {@link java.util.Locale#ROOT}; {@code prefix} is put before its English
   * detail as it is (a file name and a colon), or is empty.
   *
   * @since 0.1.0
   */
  protected RateFloatException(ErrorCode code, String pointer, String prefix, String key, Map<String, String> values) {
    this(code, pointer, new Message(key, values), prefix);
  }

  private RateFloatException(ErrorCode code, String pointer, Message message, String prefix) {
    super(line(requireNonNull(code, "code"), requireNonNull(pointer, "pointer"), prefix + message.in(Language.EN)));
    this.code = code;
    this.pointer = pointer;
    this.detail = prefix + message.in(Language.EN);
    this.key = message.key();
    this.values = message.values();
  }

  /**
   * The same fault and message as {@code other}, at another pointer (a fault seen from a containing
   * document).
   *
   * @since 0.1.0
   */
  protected RateFloatException(RateFloatException other, String pointer) {
    super(line(other.code, pointer, other.detail));
    this.code = other.code;
    this.pointer = pointer;
    this.detail = other.detail;
    this.key = other.key;
    this.values = other.values;
  }

  /** The one line of the error; none of its parts may be null. */
  private static String line(ErrorCode code, String pointer, String detail) {
    requireNonNull(code, "code");
    requireNonNull(pointer, "pointer");
    requireNonNull(detail, "detail");
    return code.name() + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + detail;
  }

  /** The stable error code. */
  public ErrorCode code() {
    return code;
  }

  /** The JSON pointer (RFC 6901) of the fault in the document it came from; empty for the root. */
  public String pointer() {
    return pointer;
  }

  /** The message without code and pointer, in English. */
  public String detail() {
    return detail;
  }

  /**
   * The key of the message in the library's message catalogue; empty for a message the catalogue
   * does not hold a sentence of its own for (it is then told by its code's meaning and its values).
   *
   * @since 0.1.0
   */
  public Optional<String> messageKey() {
    return key.isEmpty() ? Optional.empty() : Optional.of(key);
  }

  /**
   * The values the message shows, by name, as the message catalogue's sentence names them (each
   * written with {@link Locale#ROOT}); empty when {@link #messageKey()} is.
   *
   * @since 0.1.0
   */
  public Map<String, String> values() {
    return values;
  }

  /**
   * The one line of the error in the language of a locale ({@code zh}: Chinese, any other:
   * English, the same as {@link #getMessage()}): code, pointer and message.
   *
   * @since 0.1.0
   */
  public String message(Locale locale) {
    Language lang = Language.of(locale);
    if (lang == Language.EN) {
      return getMessage();
    }
    return Catalogue.text(lang, "error.line", Map.of("code", code.name(),
        "pointer", pointer.isEmpty() ? "/" : pointer, "detail", detail(locale)));
  }

  /**
   * The message without code and pointer in the language of a locale ({@code zh}: Chinese, any
   * other: English, the same as {@link #detail()}).
   *
   * @since 0.1.0
   */
  public String detail(Locale locale) {
    Language lang = Language.of(locale);
    return lang == Language.EN ? detail : said(lang);
  }

  /** The message in a language other than English, without code and pointer. */
  String said(Language lang) {
    return key.isEmpty() ? told(code, detail, lang) : Catalogue.text(lang, key, values);
  }

  /**
   * An English detail the catalogue does not hold, for a reader of {@code lang}: the code's meaning
   * and the values the English shows.
   */
  static String told(ErrorCode code, String detail, Language lang) {
    List<String> shown = Values.of(detail, lang);
    String summary = code.summary(lang.locale());
    return shown.isEmpty() ? summary
        : Catalogue.text(lang, "error.values", Map.of("summary", summary, "values", String.join(Catalogue.text(lang,
            "effect.list"), shown)));
  }
}
