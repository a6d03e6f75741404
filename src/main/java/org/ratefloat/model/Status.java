package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Pattern;
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
 * @since 0.1.0
 */
public record Status(
    boolean labourDispatch,
    Optional<SafetyStandardisation> safetyStandardisation,
    Optional<String> safetyCreditRating,
    boolean premiumArrears,
    boolean jointPunishment,
    Optional<LocalDate> firstInsured,
    SortedMap<String, Boolean> customFlags) {
  private static final Pattern FLAG_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  public Status {
    requireNonNull(safetyStandardisation, "safetyStandardisation");
    requireNonNull(safetyCreditRating, "safetyCreditRating").ifPresent(r -> {
      if (!(r.length() == 1 && r.charAt(0) >= 'A' && r.charAt(0) <= 'D')) {
        throw new InputException(ErrorCode.IN023, "/safetyCreditRating",
            "safety credit rating must be A, B, C or D: \"" + InputRules.abbreviate(r) + "\"");
      }
    });
    requireNonNull(firstInsured, "firstInsured").ifPresent(d -> InputRules.date(d, "/firstInsured", "firstInsured"));
    // in name order whatever order the caller's map had, as the JSON form has them
    customFlags = ImmutableSortedMap.copyOf(requireNonNull(customFlags, "customFlags"));
    for (String flag : customFlags.keySet()) {
      if (!FLAG_NAME.matcher(flag).matches()) {
        throw new InputException(ErrorCode.IN023, "/customFlags/" + InputRules.escape(flag),
            "flag names are a letter, then up to 63 letters, digits and _: \"" + InputRules.abbreviate(flag) + "\"");
      }
    }
  }

  /** No flags set, nothing known. */
  public static Status none() {
    return new Status(false, Optional.empty(), Optional.empty(), false, false, Optional.empty(),
        ImmutableSortedMap.of());
  }
}
