package org.ratefloat.error;

import static java.util.Objects.requireNonNull;

/**
 * Base of every error ratefloat reports about its caller's data: it carries a stable
 * {@link ErrorCode}, the JSON pointer of the fault (empty for the whole document) and a short
 * message that shows the bad value.
 *
 * <p>Our own bugs are never reported through this type; they surface as
 * {@link IllegalStateException}.
 *
 * @since 0.1.0
 */
public abstract class RateFloatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String pointer;
  private final String detail;

  protected RateFloatException(ErrorCode code, String pointer, String detail) {
    super(message(code, pointer, detail));
    this.code = code;
    this.pointer = pointer;
    this.detail = detail;
  }

  /** The one line of the error; none of its parts may be null. */
  private static String message(ErrorCode code, String pointer, String detail) {
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

  /** The message without code and pointer. */
  public String detail() {
    return detail;
  }
}
