package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

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
 * @param accident the id of the accident the claim arose from, if several claims share it (a
 *     text, as ids are); a claim without one is an accident of its own
 * @since 0.1.0
 */
public record Claim(
    String id,
    LocalDate date,
    ClaimKind kind,
    OptionalInt disabilityGrade,
    BigDecimal paid,
    Optional<BigDecimal> incurred,
    boolean medicalOnly,
    Optional<String> accident) {

  /** Checks every component by the input rules ({@link InputRules}), with the pointer a JSON document gets; copies collections. */
  public Claim {
    InputRules.text(requireNonNull(id, "id"), "/id", "claim id");
    InputRules.date(requireNonNull(date, "date"), "/date", "claim date");
    requireNonNull(kind, "kind");
    requireNonNull(disabilityGrade, "disabilityGrade");
    disabilityGrade.ifPresent(g -> InputRules.within(g, 1, 10, "/disabilityGrade", "disability grade"));
    paid = InputRules.amount(requireNonNull(paid, "paid"), "/paid", "paid");
    incurred = requireNonNull(incurred, "incurred").map(i -> InputRules.amount(i, "/incurred", "incurred"));
    requireNonNull(accident, "accident").ifPresent(a -> InputRules.text(a, "/accident", "accident id"));
  }

  /** A claim that is an accident of its own. */
  public Claim(String id, LocalDate date, ClaimKind kind, OptionalInt disabilityGrade, BigDecimal paid,
      Optional<BigDecimal> incurred, boolean medicalOnly) {
    this(id, date, kind, disabilityGrade, paid, incurred, medicalOnly, Optional.empty());
  }

  /** What kind of case a claim is. */
  public enum ClaimKind {
    /** A work injury (工伤). */
    INJURY("injury"),
    /** A death from work (因工死亡). */
    DEATH("death"),
    /** An occupational disease (职业病). */
    OCCUPATIONAL_DISEASE("occupationalDisease");

    private final String jsonName;

    ClaimKind(String jsonName) {
      this.jsonName = jsonName;
    }

    /** The kind as JSON writes it, e.g. {@code occupationalDisease}. */
    public String jsonName() {
      return jsonName;
    }

    /** The kind JSON names so, if any. */
    public static Optional<ClaimKind> byJsonName(String name) {
      requireNonNull(name, "name");
      for (ClaimKind kind : values()) {
        if (kind.jsonName.equals(name)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /** A builder for a claim: id, date, kind and paid are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this claim's values. */
  public Builder toBuilder() {
    Builder b = new Builder().id(id).date(date).kind(kind).paid(paid).medicalOnly(medicalOnly);
    disabilityGrade.ifPresent(b::disabilityGrade);
    incurred.ifPresent(b::incurred);
    accident.ifPresent(b::accident);
    return b;
  }

  /**
   * Builds a {@link Claim}; {@link #build()} applies the constructor's rules.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private String id;
    private LocalDate date;
    private ClaimKind kind;
    private Integer disabilityGrade;
    private BigDecimal paid;
    private BigDecimal incurred;
    private boolean medicalOnly;
    private String accident;

    private Builder() {}

    /** The claim's id (required): unique within the case. */
    public Builder id(String id) {
      this.id = requireNonNull(id, "id");
      return this;
    }

    /** The date of the accident or diagnosis (required). */
    public Builder date(LocalDate date) {
      this.date = requireNonNull(date, "date");
      return this;
    }

    /** Injury, death or occupational disease (required). */
    public Builder kind(ClaimKind kind) {
      this.kind = requireNonNull(kind, "kind");
      return this;
    }

    /** The disability grade, 1 (most severe) to 10, if assessed. */
    public Builder disabilityGrade(int grade) {
      this.disabilityGrade = grade;
      return this;
    }

    /** What the fund paid for the claim (required), not negative. */
    public Builder paid(BigDecimal paid) {
      this.paid = requireNonNull(paid, "paid");
      return this;
    }

    /** Paid plus reserved, where a plan needs it (NCCI), not negative. */
    public Builder incurred(BigDecimal incurred) {
      this.incurred = requireNonNull(incurred, "incurred");
      return this;
    }

    /** Whether the claim paid medical benefits only (no lost time). */
    public Builder medicalOnly(boolean value) {
      this.medicalOnly = value;
      return this;
    }

    /** The accident the claim arose from, shared by the claims of one accident. */
    public Builder accident(String accidentId) {
      this.accident = requireNonNull(accidentId, "accident");
      return this;
    }

    /**
     * The claim.
     *
     * @throws InputException if a required value is missing ({@code IN004}) or a rule is broken
     */
    public Claim build() {
      for (Object[] r : new Object[][] {{id, "/id"}, {date, "/date"}, {kind, "/kind"}, {paid, "/paid"}}) {
        if (r[0] == null) {
          throw new InputException(ErrorCode.IN004, (String) r[1], "model.required", org.ratefloat.text.Message.values("name",
              ((String) r[1]).substring(1)));
        }
      }
      return new Claim(id, date, kind, disabilityGrade == null ? OptionalInt.empty() : OptionalInt.of(disabilityGrade),
          paid, Optional.ofNullable(incurred), medicalOnly, Optional.ofNullable(accident));
    }
  }
}
