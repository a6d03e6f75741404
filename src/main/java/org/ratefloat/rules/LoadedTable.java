package org.ratefloat.rules;

import org.ratefloat.document.ClassificationSpec;
import org.ratefloat.document.DocumentFiles;
import org.ratefloat.document.Rounding;
import org.ratefloat.error.Finding;
import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * A rule table with its references resolved: the measure, the base table it takes benchmarks and
 * ladders from (if any), the classification it maps industry codes with (if any), and the effective
 * rate basis and roundings, what the static analysis found (never an error: a table with an
 * error does not load; nothing when the analysis was not run, see {@link RuleTables#load(DocumentFiles.Named,
 * DocumentFiles.Source)}) and the reference-data files it names, in the order it names them (their data
 * is part of the measure's {@code data}), and the real paths of the files the load read (the table's
 * own, then each it pulled in; none for a bundled file), which no output of a run may be. Immutable.
 */
public record LoadedTable(
    RuleTableSpec measure,
    Optional<RuleTableSpec> base,
    Optional<ClassificationSpec> classification,
    RateBasis basis,
    Rounding rateRounding,
    Rounding premiumRounding,
    ImmutableList<Finding> findings,
    ImmutableList<ReferenceSpec> references,
    ImmutableList<java.nio.file.Path> files) {

  /** A table that names no reference-data files, not read from files. */
  public LoadedTable(RuleTableSpec measure, Optional<RuleTableSpec> base,
      Optional<ClassificationSpec> classification, RateBasis basis, Rounding rateRounding,
      Rounding premiumRounding, ImmutableList<Finding> findings) {
    this(measure, base, classification, basis, rateRounding, premiumRounding, findings, ImmutableList.of(),
        ImmutableList.of());
  }
}
