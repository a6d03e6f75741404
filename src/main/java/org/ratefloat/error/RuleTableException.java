package org.ratefloat.error;

import static java.util.Objects.requireNonNull;

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

  /** The name of the rule-table file, or empty when it was given as bytes without a name. */
  public String source() {
    return source;
  }
}
