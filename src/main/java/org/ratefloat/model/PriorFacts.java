package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What an earlier rating left behind that a plan reads: the surcharge of the previous period (as an
 * amount of money and as a percent of the rate), the first day of the last period that carried a
 * surcharge, and the first day of the employer's continuous membership (of a Berufsgenossenschaft,
 * a merit-rating scheme ...), and any named value of an earlier rating a plan declares (the prior
 * experience modification that caps a new one, say). Each is optional; an indicator that needs an
 * absent one refuses the case ({@code IN025}) unless the table gives a value for its absence.
 *
 * <p>The rules of {@link InputRules} apply, with pointers relative to this object: amounts and
 * percents not negative ({@code IN007} at {@code /surchargeAmount}), dates of the input form
 * ({@code IN023}), values named as custom values are ({@code IN023}) and decimals of the input form
 * ({@code IN006}); that no date lies after the as-of date is checked by {@link RatingCase}
 * ({@code IN008} at {@code /employer/status/prior/lastSurcharge}). The facts are not checked
 * against one another: a plan that charged 0 % last period may still know when it last surcharged.
 *
 * @param surchargeAmount the surcharge of the previous period, in the currency of the payroll
 * @param surchargePercent the surcharge of the previous period in percent of the rate ({@code 15} = 15 %)
 * @param lastSurcharge the first day of the last period that carried a surcharge
 * @param memberSince the first day of the employer's continuous membership
 * @param values named values of earlier ratings a plan declares (e.g. {@code mod}, the previous
 *     experience modification), sorted by name
 * @since 0.1.0
 */
public record PriorFacts(
    Optional<BigDecimal> surchargeAmount,
    Optional<BigDecimal> surchargePercent,
    Optional<LocalDate> lastSurcharge,
    Optional<LocalDate> memberSince,
    java.util.SortedMap<String, BigDecimal> values) {

  /** Nothing known of earlier ratings. */
  public static final PriorFacts NONE = new PriorFacts(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty());

  /** The facts without named values. */
  public PriorFacts(Optional<BigDecimal> surchargeAmount, Optional<BigDecimal> surchargePercent,
      Optional<LocalDate> lastSurcharge, Optional<LocalDate> memberSince) {
    this(surchargeAmount, surchargePercent, lastSurcharge, memberSince, com.google.common.collect.ImmutableSortedMap.of());
  }

  /** Checks every component by the input rules ({@link InputRules}), with the pointer a JSON document gets; copies collections. */
  public PriorFacts {
    surchargeAmount = requireNonNull(surchargeAmount, "surchargeAmount")
        .map(a -> InputRules.amount(a, "/surchargeAmount", "surchargeAmount"));
    surchargePercent = requireNonNull(surchargePercent, "surchargePercent")
        .map(a -> InputRules.amount(a, "/surchargePercent", "surchargePercent"));
    requireNonNull(lastSurcharge, "lastSurcharge").ifPresent(d -> InputRules.date(d, "/lastSurcharge", "lastSurcharge"));
    requireNonNull(memberSince, "memberSince").ifPresent(d -> InputRules.date(d, "/memberSince", "memberSince"));
    com.google.common.collect.ImmutableSortedMap.Builder<String, BigDecimal> named =
        com.google.common.collect.ImmutableSortedMap.naturalOrder();
    for (java.util.Map.Entry<String, BigDecimal> e
        : com.google.common.collect.ImmutableSortedMap.copyOf(requireNonNull(values, "values")).entrySet()) {
      String pointer = "/values/" + InputRules.escape(e.getKey());
      InputRules.name(e.getKey(), pointer, "value");
      named.put(e.getKey(), InputRules.decimal(requireNonNull(e.getValue(), "value"), pointer, e.getKey()));
    }
    values = named.build();
  }

  /** Whether nothing is known. */
  public boolean isEmpty() {
    return equals(NONE);
  }
}
