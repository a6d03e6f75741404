package org.ratefloat.rules;

import org.ratefloat.document.TableStatus;
import org.ratefloat.document.Text;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A reference-data file ({@code ratefloat/reference@1}): scalars, step tables and values by class
 * code that rule tables name in {@code references}, effective for a stretch of as-of dates and
 * identified in every decision by the SHA-256 of its bytes.
 *
 * @param source the file name, for errors
 * @param sha256 of the file's exact bytes
 * @param effectiveTo the last as-of date; empty = open
 */
public record ReferenceSpec(String source, String sha256, String id, String version, Text title,
    LocalDate effectiveFrom, Optional<LocalDate> effectiveTo, TableStatus status, ReferenceData data) {
  public ReferenceSpec {
    requireNonNull(source, "source");
    requireNonNull(sha256, "sha256");
    requireNonNull(id, "id");
    requireNonNull(version, "version");
    requireNonNull(title, "title");
    requireNonNull(effectiveFrom, "effectiveFrom");
    requireNonNull(effectiveTo, "effectiveTo");
    requireNonNull(status, "status");
    requireNonNull(data, "data");
  }

  /** Whether a decision as of {@code asOf} may use the data. */
  public boolean effectiveOn(LocalDate asOf) {
    return !asOf.isBefore(effectiveFrom) && effectiveTo.map(to -> !asOf.isAfter(to)).orElse(true);
  }

  /** The effective period as written, e.g. {@code 2024-01-01..2024-12-31} ({@code 2024-01-01..} if open). */
  public String period() {
    return effectiveFrom + ".." + effectiveTo.map(Object::toString).orElse("");
  }
}
