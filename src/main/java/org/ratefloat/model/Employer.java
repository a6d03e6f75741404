package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An insured employer.
 *
 * @param id the agency's identifier
 * @param name the registered name
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
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(industry, "industry");
    requireNonNull(riskClassOverride, "riskClassOverride");
    requireNonNull(currentBand, "currentBand");
    requireNonNull(benchmarkRate, "benchmarkRate");
    requireNonNull(status, "status");
    riskClassOverride.ifPresent(c -> Preconditions.checkArgument(c >= 1 && c <= 99,
        "risk class must lie in [1, 99]: %s", c));
  }
}
