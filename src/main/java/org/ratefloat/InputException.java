package org.ratefloat;

/**
 * The employer data given to ratefloat is malformed or inconsistent; the pointer refers to the
 * input document ({@code /employer/industry/code}, {@code /history/2/payroll}, ...).
 *
 * @since 0.1.0
 */
public final class InputException extends RateFloatException {
  private static final long serialVersionUID = 1L;

  public InputException(ErrorCode code, String pointer, String detail) {
    super(code, pointer, detail);
  }
}
