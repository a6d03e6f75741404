package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Everything a decision is made from: the employer, its history (periods in date order, not
 * overlapping), its claims, the as-of date of the decision and optionally the payroll on which to
 * price the new rate.
 *
 * <p>Build it from JSON with {@code RateFloat.readCase}, or directly; the constructor checks the
 * invariants (sorted, non-overlapping periods that end before the as-of date).
 *
 * @since 0.1.0
 */
public record RatingCase(
    Employer employer,
    ImmutableList<Period> history,
    ImmutableList<Claim> claims,
    LocalDate asOf,
    Optional<BigDecimal> premiumBase) {

  public RatingCase {
    requireNonNull(employer, "employer");
    requireNonNull(history, "history");
    requireNonNull(claims, "claims");
    requireNonNull(asOf, "asOf");
    requireNonNull(premiumBase, "premiumBase");
    for (int i = 1; i < history.size(); i++) {
      if (!history.get(i).from().isAfter(history.get(i - 1).to())) {
        throw new IllegalArgumentException("history periods must be in order and not overlap: "
            + history.get(i - 1).from() + ".." + history.get(i - 1).to() + " and "
            + history.get(i).from() + ".." + history.get(i).to());
      }
    }
    if (!history.isEmpty() && !history.get(history.size() - 1).to().isBefore(asOf)) {
      throw new IllegalArgumentException("as-of date " + asOf + " must come after the history, which ends "
          + history.get(history.size() - 1).to());
    }
  }

  /** The same case for an employer with another id. */
  public RatingCase withId(String id) {
    Employer e = employer;
    return new RatingCase(new Employer(id, e.name(), e.industry(), e.riskClassOverride(), e.currentBand(),
        e.benchmarkRate(), e.status()), history, claims, asOf, premiumBase);
  }
}
