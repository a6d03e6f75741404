package org.ratefloat.error;

import java.util.Map;


/**
 * The rule table knows that it cannot decide this case: the row that matched stands for a part of
 * the measure whose text is missing from the table's sources. The pointer refers to that row in the
 * rule table.
 *
 * @since 0.1.0
 */
public final class UndeterminedException extends RateFloatException {
  private static final long serialVersionUID = 1L;

  /** A case at {@code pointer} that falls where the table's sources are missing ({@code DC001}). */
  public UndeterminedException(String pointer, String detail) {
    super(ErrorCode.DC001, pointer, detail);
  }

  /**
   * A case at {@code pointer} that falls where the table's sources are missing, told by a sentence
   * of the message catalogue.
   *
   * @since 0.1.0
   */
  public UndeterminedException(String pointer, String key, Map<String, String> values) {
    super(ErrorCode.DC001, pointer, "", key, values);
  }
}
