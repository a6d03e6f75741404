package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/**
 * An industry code of GB/T 4754 with its edition: a two-digit division (大类), or a three- or
 * four-digit group/class inside it. A code that is not 2 to 4 digits is refused with
 * {@link InputException} {@code IN012} at {@code /code}.
 *
 * @since 0.1.0
 */
public record IndustryCode(Edition edition, String code) {
  /** Checks every component by the input rules ({@link InputRules}), with the pointer a JSON document gets; copies collections. */
  public IndustryCode {
    requireNonNull(edition, "edition");
    requireNonNull(code, "code");
    if (!isCode(code)) {
      throw new InputException(ErrorCode.IN012, "/code", "model.industryCode", org.ratefloat.text.Message.values("code",
          InputRules.abbreviate(code)));
    }
  }

  /** Whether {@code text} has the shape of a code: 2 to 4 ASCII digits. */
  public static boolean isCode(String text) {
    requireNonNull(text, "text");
    int n = text.length();
    if (n < 2 || n > 4) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The two-digit division. */
  public String division() {
    return code.substring(0, 2);
  }
}
