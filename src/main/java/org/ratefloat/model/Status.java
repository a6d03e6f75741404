package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/**
 * The status facts about an employer that floating measures use as gates and modifiers. The rules of
 * {@link InputRules} apply, with pointers relative to the status (e.g. {@code /safetyCreditRating}).
 *
 * @param labourDispatch the employer is a labour-dispatch firm (劳务派遣)
 * @param safetyStandardisation its safety-standardisation certificate, if any
 * @param safetyCreditRating its work-safety credit rating (A to D), if rated
 * @param premiumArrears it is in arrears with premiums without good cause
 * @param jointPunishment it is under joint punishment (联合惩戒) in the work-safety field
 * @param firstInsured the date it was first insured in this pooling region, if known
 * @param customFlags further named yes/no facts a particular measure asks for (e.g. a municipal
 *     work-safety award), sorted by name
 * @param customValues further named numbers a particular plan asks for (e.g. an audit score),
 *     sorted by name; a decimal of the input form ({@link InputRules#decimal}, {@code IN006}),
 *     named as flags are, and no name both a flag and a value ({@code IN023})
 * @param prior what earlier ratings left behind (previous surcharge, years since the last one,
 *     continuous membership), {@link PriorFacts#NONE} if nothing
 * @since 0.1.0
 */
public record Status(
    boolean labourDispatch,
    Optional<SafetyStandardisation> safetyStandardisation,
    Optional<String> safetyCreditRating,
    boolean premiumArrears,
    boolean jointPunishment,
    Optional<LocalDate> firstInsured,
    SortedMap<String, Boolean> customFlags,
    SortedMap<String, BigDecimal> customValues,
    PriorFacts prior) {

  /**
   * The safety credit ratings (安全生产信用等级) an employer can have, best first: the one list the
   * input rules, the indicator that reads the rating and the static analysis of tables all read
   * (unmodifiable).
   *
   * @since 0.1.0
   */
  public static final java.util.List<String> SAFETY_CREDIT_RATINGS = java.util.List.of("A", "B", "C", "D");

  /** Checks every component by the input rules ({@link InputRules}), with the pointer a JSON document gets; copies collections. */
  public Status {
    requireNonNull(safetyStandardisation, "safetyStandardisation");
    requireNonNull(safetyCreditRating, "safetyCreditRating").ifPresent(r -> {
      if (!SAFETY_CREDIT_RATINGS.contains(r)) {
        throw new InputException(ErrorCode.IN023, "/safetyCreditRating", "safety credit rating must be "
            + String.join(", ", SAFETY_CREDIT_RATINGS.subList(0, SAFETY_CREDIT_RATINGS.size() - 1)) + " or "
            + SAFETY_CREDIT_RATINGS.get(SAFETY_CREDIT_RATINGS.size() - 1) + ": \"" + InputRules.abbreviate(r) + "\"");
      }
    });
    requireNonNull(firstInsured, "firstInsured").ifPresent(d -> InputRules.date(d, "/firstInsured", "firstInsured"));
    // in name order whatever order the caller's map had, as the JSON form has them
    customFlags = ImmutableSortedMap.copyOf(requireNonNull(customFlags, "customFlags"));
    for (String flag : customFlags.keySet()) {
      InputRules.name(flag, "/customFlags/" + InputRules.escape(flag), "flag");
    }
    ImmutableSortedMap.Builder<String, BigDecimal> values = ImmutableSortedMap.naturalOrder();
    for (java.util.Map.Entry<String, BigDecimal> e
        : ImmutableSortedMap.copyOf(requireNonNull(customValues, "customValues")).entrySet()) {
      String pointer = "/customValues/" + InputRules.escape(e.getKey());
      InputRules.name(e.getKey(), pointer, "value");
      if (customFlags.containsKey(e.getKey())) {
        throw new InputException(ErrorCode.IN023, pointer, e.getKey() + " is both a custom flag and a custom value");
      }
      values.put(e.getKey(), InputRules.decimal(requireNonNull(e.getValue(), "value"), pointer, e.getKey()));
    }
    customValues = values.build();
    requireNonNull(prior, "prior");
  }

  /** A status without custom values or prior facts. */
  public Status(boolean labourDispatch, Optional<SafetyStandardisation> safetyStandardisation,
      Optional<String> safetyCreditRating, boolean premiumArrears, boolean jointPunishment,
      Optional<LocalDate> firstInsured, SortedMap<String, Boolean> customFlags) {
    this(labourDispatch, safetyStandardisation, safetyCreditRating, premiumArrears, jointPunishment, firstInsured,
        customFlags, ImmutableSortedMap.of(), PriorFacts.NONE);
  }

  /** No flags set, nothing known. */
  public static Status none() {
    return new Status(false, Optional.empty(), Optional.empty(), false, false, Optional.empty(),
        ImmutableSortedMap.of());
  }

  /** A builder starting from {@link #none()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this status's values. */
  public Builder toBuilder() {
    Builder b = new Builder().labourDispatch(labourDispatch).premiumArrears(premiumArrears)
        .jointPunishment(jointPunishment);
    safetyStandardisation.ifPresent(s -> b.safetyStandardisation(s.grade(), s.validUntil()));
    safetyCreditRating.ifPresent(b::safetyCreditRating);
    firstInsured.ifPresent(b::firstInsured);
    customFlags.forEach(b::customFlag);
    customValues.forEach(b::customValue);
    return b.prior(prior);
  }

  /**
   * Builds a {@link Status}; {@link #build()} applies the constructor's rules.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private boolean labourDispatch;
    private SafetyStandardisation safetyStandardisation;
    private String safetyCreditRating;
    private boolean premiumArrears;
    private boolean jointPunishment;
    private LocalDate firstInsured;
    private final java.util.Map<String, Boolean> customFlags = new java.util.TreeMap<>();
    private final java.util.Map<String, BigDecimal> customValues = new java.util.TreeMap<>();
    private PriorFacts prior = PriorFacts.NONE;

    private Builder() {}

    /** Whether the employer is a labour-dispatch firm (劳务派遣). */
    public Builder labourDispatch(boolean value) {
      this.labourDispatch = value;
      return this;
    }

    /** A safety-standardisation certificate of grade 1 to 3, valid until a date. */
    public Builder safetyStandardisation(int grade, LocalDate validUntil) {
      this.safetyStandardisation = new SafetyStandardisation(grade, requireNonNull(validUntil, "validUntil"));
      return this;
    }

    /** The safety credit rating, A to D. */
    public Builder safetyCreditRating(String rating) {
      this.safetyCreditRating = requireNonNull(rating, "rating");
      return this;
    }

    /** Whether the employer is in arrears with premiums without good cause. */
    public Builder premiumArrears(boolean value) {
      this.premiumArrears = value;
      return this;
    }

    /** Whether the employer is under joint punishment (联合惩戒) in the work-safety field. */
    public Builder jointPunishment(boolean value) {
      this.jointPunishment = value;
      return this;
    }

    /** When the employer was first insured in this pooling region. */
    public Builder firstInsured(LocalDate date) {
      this.firstInsured = requireNonNull(date, "firstInsured");
      return this;
    }

    /** A named yes/no fact a measure asks for, e.g. {@code municipalSafetyAward}. */
    public Builder customFlag(String name, boolean value) {
      customFlags.put(requireNonNull(name, "name"), value);
      return this;
    }

    /** A named number a plan asks for from its decimal text, e.g. {@code customValue("auditScore", "87.5")}. */
    public Builder customValue(String name, String value) {
      return customValue(name, InputRules.decimal(requireNonNull(value, "value"),
          "/customValues/" + InputRules.escape(requireNonNull(name, "name"))));
    }

    /** A named number a plan asks for, e.g. {@code customValue("auditScore", new BigDecimal("87.5"))}. */
    public Builder customValue(String name, BigDecimal value) {
      customValues.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    /** What earlier ratings left behind. */
    public Builder prior(PriorFacts facts) {
      this.prior = requireNonNull(facts, "prior");
      return this;
    }

    /**
     * The status.
     *
     * @throws InputException if a rule is broken (a rating other than A to D, a bad flag name)
     */
    public Status build() {
      return new Status(labourDispatch, Optional.ofNullable(safetyStandardisation),
          Optional.ofNullable(safetyCreditRating), premiumArrears, jointPunishment,
          Optional.ofNullable(firstInsured), new java.util.TreeMap<>(customFlags), new java.util.TreeMap<>(customValues),
          prior);
    }
  }
}
