package org.ratefloat.ranking;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.registry.Regions;

/**
 * One key-industry employer in one month: who it is and its value of each indicator of the
 * definition (the ranked ones, then the shown ones; empty where a rate is not computed: its
 * denominator is zero or below the indicator's exposure floor). Immutable.
 *
 * @param city the city its region lies in (or the province for the province's own code); empty
 *     without a region or a region list
 */
public record Observation(String employerId, String name, Optional<String> creditCode, IndustryCode industry,
    int riskClass, RankingDefinition.KeyIndustry keyIndustry, Optional<String> region,
    Optional<Regions.Division> city, List<Optional<BigDecimal>> values) {
  public Observation {
    requireNonNull(employerId, "employerId");
    requireNonNull(name, "name");
    requireNonNull(creditCode, "creditCode");
    requireNonNull(industry, "industry");
    requireNonNull(keyIndustry, "keyIndustry");
    requireNonNull(region, "region");
    requireNonNull(city, "city");
    values = List.copyOf(values);
  }

  /** The value of the indicator at {@code index} of {@link RankingDefinition#allIndicators()}. */
  public Optional<BigDecimal> value(int index) {
    return values.get(index);
  }
}
