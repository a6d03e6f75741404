package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.RatingCase;

/**
 * A rate-floating decision and its full justification.
 *
 * <p>Immutable. Two decisions made from the same input with the same rule-table bytes and library
 * version are equal and serialise to the same bytes ({@code RateFloat.toJson}).
 *
 * @param library library name and version, e.g. {@code ratefloat 0.1.0}
 * @param tables the measure table first, then the tables it refers to
 * @param inputHash SHA-256 of the canonical JSON of {@code input}, computed when first needed
 * @param asOf the as-of date of the decision
 * @param industry the employer's industry code
 * @param riskClass the resolved risk class
 * @param classSource {@code classification} (from the code) or {@code override}
 * @param benchmark the class's benchmark rate in percent of payroll
 * @param benchmarkSource {@code table}, or {@code input} where the table lacks it
 * @param previousBand the band the employer was on
 * @param newBand the band decided
 * @param rateUnrounded benchmark × band × multipliers + points, after floors and caps
 * @param rate the new rate in percent of payroll, rounded as the table says
 * @param rateRounding the rounding the table names for the rate, e.g. {@code scale 4 HALF_UP}
 * @param premium the premium at the new rate, if a payroll was known
 * @param indicators every indicator computed, in the table's order
 * @param steps every step of the table, in order, with what it did
 * @param warnings caveats (provisional table, reconstructed rows, clamps)
 * @param input the case decided, echoed so the decision can be re-run from its record alone
 * @param amounts the amounts of money rows added (surcharges, rebates), in the order they fired
 * @since 0.1.0
 */
public record Decision(
    String library,
    List<TableRef> tables,
    InputHash inputHash,
    LocalDate asOf,
    IndustryCode industry,
    int riskClass,
    String classSource,
    BigDecimal benchmark,
    String benchmarkSource,
    Band previousBand,
    Band newBand,
    BigDecimal rateUnrounded,
    BigDecimal rate,
    String rateRounding,
    Optional<Premium> premium,
    List<IndicatorValue> indicators,
    List<StepTrace> steps,
    List<Warning> warnings,
    RatingCase input,
    List<Amount> amounts) {

  /** Checks that no component is null; collections are copied, unmodifiable. */
  public Decision {
    requireNonNull(library, "library");
    tables = ImmutableList.copyOf(requireNonNull(tables, "tables"));
    requireNonNull(inputHash, "inputHash");
    requireNonNull(asOf, "asOf");
    requireNonNull(industry, "industry");
    requireNonNull(classSource, "classSource");
    requireNonNull(benchmark, "benchmark");
    requireNonNull(benchmarkSource, "benchmarkSource");
    requireNonNull(previousBand, "previousBand");
    requireNonNull(newBand, "newBand");
    requireNonNull(rateUnrounded, "rateUnrounded");
    requireNonNull(rate, "rate");
    requireNonNull(rateRounding, "rateRounding");
    requireNonNull(premium, "premium");
    indicators = Rendered.copyOf(requireNonNull(indicators, "indicators"));
    steps = Rendered.copyOf(requireNonNull(steps, "steps"));
    warnings = ImmutableList.copyOf(requireNonNull(warnings, "warnings"));
    requireNonNull(input, "input");
    amounts = ImmutableList.copyOf(requireNonNull(amounts, "amounts"));
  }

  /** A decision without amounts of money (every table that adds none). */
  public Decision(String library, List<TableRef> tables, InputHash inputHash, LocalDate asOf,
      IndustryCode industry, int riskClass, String classSource, BigDecimal benchmark, String benchmarkSource,
      Band previousBand, Band newBand, BigDecimal rateUnrounded, BigDecimal rate, String rateRounding,
      Optional<Premium> premium, List<IndicatorValue> indicators, List<StepTrace> steps,
      List<Warning> warnings, RatingCase input) {
    this(library, tables, inputHash, asOf, industry, riskClass, classSource, benchmark, benchmarkSource,
        previousBand, newBand, rateUnrounded, rate, rateRounding, premium, indicators, steps, warnings, input,
        List.of());
  }

  /** SHA-256 (hex) of the canonical JSON of the input. */
  public String inputSha256() {
    return inputHash.value();
  }

  /** The table that decided. */
  public TableRef table() {
    return tables.get(0);
  }
}
