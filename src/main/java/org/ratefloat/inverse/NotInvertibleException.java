package org.ratefloat.inverse;

import org.ratefloat.thresholds.NotInvertible;

/** An indicator's formula that cannot be inverted exactly; caught where the indicator is inverted. */
final class NotInvertibleException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final transient NotInvertible.Reason reason;

  NotInvertibleException(NotInvertible.Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }
}
