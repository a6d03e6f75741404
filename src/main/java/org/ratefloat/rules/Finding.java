package org.ratefloat.rules;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.ratefloat.error.ErrorCode;

/**
 * One result of checking a rule table: a stable code, a severity, the file, the JSON pointer of the
 * fault and a one-line message that shows the values.
 */
public record Finding(ErrorCode code, Severity severity, String source, String pointer, String message) {

  /** How serious a finding is. Errors stop a table from loading; warnings do not. */
  public enum Severity {
    ERROR,
    WARNING,
    INFO;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Finding {
    requireNonNull(code, "code");
    requireNonNull(severity, "severity");
    requireNonNull(source, "source");
    requireNonNull(pointer, "pointer");
    requireNonNull(message, "message");
  }

  /** E.g. {@code RT021 error /steps/2/rows/3: overlaps /steps/2/rows/4 on payoutRatio (0.5, 0.6]}. */
  public String text() {
    return code.name() + " " + severity.jsonName() + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
