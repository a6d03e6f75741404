package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An insured employer. The rules of {@link InputRules} apply, with pointers relative to the employer
 * (e.g. {@code /riskClassOverride}).
 *
 * @param id the agency's identifier
 * @param name the registered name; empty if not known, else not blank
 * @param industry the industry code with its edition; the rule table's classification maps it to
 *     a risk class
 * @param riskClassOverride a risk class fixed by the agency (e.g. a labour-dispatch firm classed by
 *     its users), used instead of the code's class
 * @param currentBand the band multiplier the employer pays now ({@code 1.2} = 120 % of the
 *     benchmark); absent means the benchmark
 * @param benchmarkRate the regional benchmark rate in percent of payroll, used only where the rule
 *     table says its own benchmark for the class is missing from its sources
 * @param status the status flags measures use
 * @since 0.1.0
 */
public record Employer(
    String id,
    String name,
    IndustryCode industry,
    OptionalInt riskClassOverride,
    Optional<BigDecimal> currentBand,
    Optional<BigDecimal> benchmarkRate,
    Status status) {

  public Employer {
    InputRules.text(requireNonNull(id, "id"), "/id", "employer id");
    if (!requireNonNull(name, "name").isEmpty()) {
      InputRules.text(name, "/name", "name");
    }
    requireNonNull(industry, "industry");
    requireNonNull(riskClassOverride, "riskClassOverride");
    riskClassOverride.ifPresent(c -> InputRules.within(c, 1, 99, "/riskClassOverride", "risk class"));
    currentBand = requireNonNull(currentBand, "currentBand")
        .map(b -> InputRules.positive(b, "/currentBand", "band multiplier"));
    benchmarkRate = requireNonNull(benchmarkRate, "benchmarkRate")
        .map(b -> InputRules.positive(b, "/benchmarkRate", "benchmark rate"));
    requireNonNull(status, "status");
  }
}
