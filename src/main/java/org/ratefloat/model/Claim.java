package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One individual claim, for measures that look at claims rather than period totals. The rules of
 * {@link InputRules} apply (pointers relative to the claim, e.g. {@code /paid}); that the claim lies
 * on or before the as-of date is checked by {@link RatingCase}.
 *
 * @param id the claim's identifier
 * @param date the date of the accident or diagnosis
 * @param kind injury, death or occupational disease
 * @param disabilityGrade the assessed disability grade 1..10, if assessed
 * @param paid amount paid by the fund so far
 * @param incurred amount incurred (paid plus reserve), if known
 * @param medicalOnly whether only medical costs arose
 * @since 0.1.0
 */
public record Claim(
    String id,
    LocalDate date,
    ClaimKind kind,
    OptionalInt disabilityGrade,
    BigDecimal paid,
    Optional<BigDecimal> incurred,
    boolean medicalOnly) {

  public Claim {
    InputRules.text(requireNonNull(id, "id"), "/id", "claim id");
    InputRules.date(requireNonNull(date, "date"), "/date", "claim date");
    requireNonNull(kind, "kind");
    requireNonNull(disabilityGrade, "disabilityGrade");
    disabilityGrade.ifPresent(g -> InputRules.within(g, 1, 10, "/disabilityGrade", "disability grade"));
    paid = InputRules.amount(requireNonNull(paid, "paid"), "/paid", "paid");
    incurred = requireNonNull(incurred, "incurred").map(i -> InputRules.amount(i, "/incurred", "incurred"));
  }

  /** What kind of case a claim is. */
  public enum ClaimKind {
    INJURY("injury"),
    DEATH("death"),
    OCCUPATIONAL_DISEASE("occupationalDisease");

    private final String jsonName;

    ClaimKind(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    public static Optional<ClaimKind> byJsonName(String name) {
      for (ClaimKind kind : values()) {
        if (kind.jsonName.equals(name)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }
}
