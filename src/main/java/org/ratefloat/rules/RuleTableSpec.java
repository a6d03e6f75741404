package org.ratefloat.rules;

import org.ratefloat.document.Rounding;
import org.ratefloat.document.SourceRef;
import org.ratefloat.document.TableStatus;
import org.ratefloat.document.Text;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A parsed rule-table file, before its references are resolved.
 *
 * @param source the file name it was read from
 * @param sha256 SHA-256 of the file's exact bytes
 * @param kind {@code measure} (a floating measure) or {@code base} (benchmarks and ladders others
 *     refer to)
 * @param unverified notes on parameters the sources do not confirm, each with the pointer it concerns
 * @param gaps parts of the measure that the sources lack
 * @param domains declared value domains of indicators, by indicator id
 * @param allowed warning codes the table acknowledges, by the pointer of the step or row they
 *     concern
 * @param formatVersion 1 or 2 ({@code ratefloat/rule-table@1} or {@code @2})
 * @param data the table's reference data (none before @2), with that of the reference files it names
 */
public record RuleTableSpec(
    String source,
    String sha256,
    String kind,
    String id,
    String version,
    String jurisdiction,
    Text title,
    LocalDate effectiveFrom,
    Optional<LocalDate> effectiveTo,
    TableStatus status,
    ImmutableList<SourceRef> sources,
    ImmutableList<String> unverified,
    ImmutableList<String> gaps,
    Optional<String> base,
    Optional<String> classification,
    Optional<RateBasis> rateBasis,
    Optional<Rounding> rateRounding,
    Optional<Rounding> premiumRounding,
    ImmutableList<IndicatorSpec> indicators,
    ImmutableList<StepSpec> steps,
    ImmutableMap<String, DeclaredDomain> domains,
    ImmutableMap<String, ImmutableSet<String>> allowed,
    int formatVersion,
    ReferenceData data,
    ImmutableList<WorksheetLine> worksheet,
    Optional<String> premiumByClass) {

  /**
   * One line of the worksheet an account of a decision shows (@2 {@code worksheet}): the line's
   * name as the plan's printed worksheet names it (e.g. NCCI's {@code A} for the weighting value) and
   * the indicator that holds its value.
   */
  public record WorksheetLine(String line, String indicator) {}

  /**
   * The values an indicator can take, as declared in the table: an interval and a step (0 for
   * any decimal).
   */
  public record DeclaredDomain(Condition interval, BigDecimal step) {
    /** Whether {@code x} is one of the values: inside the interval and a multiple of the step (if any). */
    public boolean admits(BigDecimal x) {
      return interval.admits(x) && ValueDomain.Numbers.onGrid(x, BigDecimal.ONE, step);
    }

    /** The declared values as the value domain of the indicator that reads them. */
    public ValueDomain.Numbers numbers() {
      return new ValueDomain.Numbers(interval.lower(), interval.upper(), step);
    }

    /** The domain as a message shows it, e.g. {@code [0, 100] in steps of 0.5}. */
    public String describe() {
      String lo = interval.lower().map(b -> (b.inclusive() ? "[" : "(") + b.value().toPlainString()).orElse("(-inf");
      String hi = interval.upper().map(b -> b.value().toPlainString() + (b.inclusive() ? "]" : ")")).orElse("+inf)");
      return lo + ", " + hi + (step.signum() > 0 ? " in steps of " + step.toPlainString() : "");
    }
  }
}
