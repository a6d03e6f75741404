package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;

/**
 * An industry code of GB/T 4754 with its edition: a two-digit division (大类), or a three- or
 * four-digit group/class inside it.
 *
 * @since 0.1.0
 */
public record IndustryCode(Edition edition, String code) {
  public IndustryCode {
    requireNonNull(edition, "edition");
    requireNonNull(code, "code");
    Preconditions.checkArgument(code.matches("[0-9]{2,4}"),
        "industry code must have 2 to 4 digits: %s", code);
  }

  /** The two-digit division. */
  public String division() {
    return code.substring(0, 2);
  }
}
