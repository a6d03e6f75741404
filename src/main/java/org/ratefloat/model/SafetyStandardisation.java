package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;
import java.time.LocalDate;

/**
 * A safety-standardisation certificate (安全生产标准化达标等级): grade 1 (best) to 3, valid until
 * a date (inclusive).
 *
 * @since 0.1.0
 */
public record SafetyStandardisation(int grade, LocalDate validUntil) {
  public SafetyStandardisation {
    Preconditions.checkArgument(grade >= 1 && grade <= 3, "grade must be 1, 2 or 3: %s", grade);
    requireNonNull(validUntil, "validUntil");
  }

  /** The grade if the certificate is valid on {@code date}, else 0. */
  public int gradeOn(LocalDate date) {
    return validUntil.isBefore(date) ? 0 : grade;
  }
}
