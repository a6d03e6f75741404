package org.ratefloat.error;

import java.util.Map;

import static java.util.Objects.requireNonNull;


/**
 * The employer data given to ratefloat is malformed or inconsistent; the pointer refers to the
 * input document ({@code /employer/industry/code}, {@code /history/2/payroll}, ...). An input record
 * built in Java reports the pointer within its own JSON form ({@code /payroll} for a period), a
 * {@code RatingCase} the pointer within the whole case.
 *
 * @since 0.1.0
 */
public final class InputException extends RateFloatException {
  private static final long serialVersionUID = 1L;

  /** A fault of the input at {@code pointer} (RFC 6901, {@code ""} for the whole document). */
  public InputException(ErrorCode code, String pointer, String detail) {
    super(code, pointer, detail);
  }

  /**
   * A fault of the input at {@code pointer}, told by a sentence of the message catalogue: its key and
   * its values by name, each written with {@link java.util.Locale#ROOT}.
   *
   * @since 0.1.0
   */
  public InputException(ErrorCode code, String pointer, String key, Map<String, String> values) {
    super(code, pointer, "", key, values);
  }

  private InputException(InputException other, String pointer) {
    super(other, pointer);
  }

  /**
   * The same fault seen from a containing document: {@code prefix} is the pointer of the value the
   * fault lies in ({@code /history/2} turns {@code /payroll} into {@code /history/2/payroll}).
   */
  public InputException under(String prefix) {
    InputException moved = new InputException(this, requireNonNull(prefix, "prefix") + pointer());
    moved.setStackTrace(getStackTrace());
    return moved;
  }
}
