package org.ratefloat.error;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.ratefloat.text.Catalogue;
import org.ratefloat.text.Language;

/**
 * A rule table (or a table it refers to) is malformed or inconsistent; the pointer refers to the
 * rule-table document and {@link #source()} names the file.
 *
 * @since 0.1.0
 */
public final class RuleTableException extends RateFloatException {
  private static final long serialVersionUID = 1L;

  private final String source;

  /** A fault of the rule table {@code source} (a file name, or empty) at {@code pointer}. */
  public RuleTableException(ErrorCode code, String source, String pointer, String detail) {
    super(code, pointer, (requireNonNull(source, "source").isEmpty() ? "" : source + ": ")
        + requireNonNull(detail, "detail"));
    this.source = source;
  }

  /**
   * A fault of the rule table {@code source} (a file name, or empty) at {@code pointer}, told by a
   * sentence of the message catalogue.
   *
   * @since 0.1.0
   */
  public RuleTableException(ErrorCode code, String source, String pointer, String key, Map<String, String> values) {
    super(code, pointer, requireNonNull(source, "source").isEmpty() ? "" : source + ": ", key, values);
    this.source = source;
  }

  @Override
  String said(Language lang) {
    String said = messageKey().isPresent() ? super.said(lang)
        : told(code(), detail().substring(source.isEmpty() ? 0 : source.length() + 2), lang);
    return source.isEmpty() ? said : Catalogue.text(lang, "error.source", Map.of("source", source, "detail", said));
  }

  /** The name of the rule-table file, or empty when it was given as bytes without a name. */
  public String source() {
    return source;
  }
}
