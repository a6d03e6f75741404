package org.ratefloat.rules;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * A rule table with its references resolved: the measure, the base table it takes benchmarks and
 * ladders from (if any), the classification it maps industry codes with (if any), and the effective
 * rate basis and roundings, and what the static analysis found (never an error: a table with an
 * error does not load). Immutable.
 */
public record LoadedTable(
    RuleTableSpec measure,
    Optional<RuleTableSpec> base,
    Optional<ClassificationSpec> classification,
    RateBasis basis,
    Rounding rateRounding,
    Rounding premiumRounding,
    ImmutableList<Finding> findings) {

  /** The rule-table files this table consists of, the measure first. */
  public ImmutableList<String> files() {
    ImmutableList.Builder<String> files = ImmutableList.builder();
    files.add(measure.source());
    base.ifPresent(b -> files.add(b.source()));
    classification.ifPresent(c -> files.add(c.source()));
    return files.build();
  }
}
