package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The status facts about an employer that floating measures use as gates and modifiers.
 *
 * @param labourDispatch the employer is a labour-dispatch firm (劳务派遣)
 * @param safetyStandardisation its safety-standardisation certificate, if any
 * @param safetyCreditRating its work-safety credit rating (A to D), if rated
 * @param premiumArrears it is in arrears with premiums without good cause
 * @param jointPunishment it is under joint punishment (联合惩戒) in the work-safety field
 * @param firstInsured the date it was first insured in this pooling region, if known
 * @param customFlags further named yes/no facts a particular measure asks for (e.g. a municipal
 *     work-safety award), sorted by name
 * @since 0.1.0
 */
public record Status(
    boolean labourDispatch,
    Optional<SafetyStandardisation> safetyStandardisation,
    Optional<String> safetyCreditRating,
    boolean premiumArrears,
    boolean jointPunishment,
    Optional<LocalDate> firstInsured,
    ImmutableSortedMap<String, Boolean> customFlags) {

  public Status {
    requireNonNull(safetyStandardisation, "safetyStandardisation");
    requireNonNull(safetyCreditRating, "safetyCreditRating");
    requireNonNull(firstInsured, "firstInsured");
    requireNonNull(customFlags, "customFlags");
  }

  /** No flags set, nothing known. */
  public static Status none() {
    return new Status(false, Optional.empty(), Optional.empty(), false, false, Optional.empty(),
        ImmutableSortedMap.of());
  }
}
