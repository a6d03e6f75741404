package org.ratefloat.cli;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/**
 * How a run over a portfolio ends (batch, simulate, rank): a run where nothing could be computed is
 * an error ({@code IN041}, exit 3); a run where some records were refused exits 7, or 0 with
 * {@code --allow-errors} (see {@link Refusals}); its summary says how many.
 */
final class Outcome {
  private Outcome() {}

  static InputException nothingComputed(String detail) {
    return new InputException(ErrorCode.IN041, "", detail);
  }

  /** {@code 40 records, 40 refused (IN025 40)}, or {@code an empty portfolio}. */
  static String counts(long records, String noun, Map<String, ? extends Number> refusedByCode) {
    if (records == 0) {
      return "the portfolio holds no " + noun;
    }
    long refused = refusedByCode.values().stream().mapToLong(Number::longValue).sum();
    return String.format(Locale.ROOT, "%,d %s%s, %,d refused", records, noun, records == 1 ? "" : "s", refused)
        + (refusedByCode.isEmpty() ? "" : " (" + refusedByCode.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")");
  }
}
