package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A safety-standardisation certificate (安全生产标准化达标等级): grade 1 (best) to 3, valid until
 * a date (inclusive). The rules of {@link InputRules} apply: a grade other than 1 to 3 is refused
 * with {@code IN023} at {@code /grade}.
 *
 * @since 0.1.0
 */
public record SafetyStandardisation(int grade, LocalDate validUntil) {
  /** The best grade a certificate can have. @since 0.1.0 */
  public static final int BEST_GRADE = 1;
  /** The lowest grade a certificate can have. @since 0.1.0 */
  public static final int LOWEST_GRADE = 3;
  /** The grade of an employer without a certificate valid on a date ({@link #gradeOn}). @since 0.1.0 */
  public static final int NO_GRADE = 0;

  /** Checks every component by the input rules ({@link InputRules}), with the pointer a JSON document gets; copies collections. */
  public SafetyStandardisation {
    InputRules.within(grade, BEST_GRADE, LOWEST_GRADE, "/grade", "safety-standardisation grade");
    InputRules.date(requireNonNull(validUntil, "validUntil"), "/validUntil", "validUntil");
  }

  /** The grade if the certificate is valid on {@code date}, else 0. */
  public int gradeOn(LocalDate date) {
    requireNonNull(date, "date");
    return validUntil.isBefore(date) ? NO_GRADE : grade;
  }
}
