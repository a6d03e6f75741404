package org.ratefloat.thresholds;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ratefloat.decision.Band;
import org.ratefloat.decision.Decision;

/**
 * The thresholds of an employer's next decision: every outcome it can reach and, for each, the
 * exact region of the coming period's controllable quantities that gives it, with what is assumed
 * of the rest. Made by {@code RuleTable.thresholds}.
 *
 * <p>The next decision is the table's decision as of {@link #asOf()} (this one's plus one year,
 * unless given), with the band this decision gives as the current band and the history extended by
 * one coming period ({@link #periodFrom()} to {@link #periodTo()}) whose assumed figures are
 * {@link #assumptions()} and whose controllable quantities are {@link #quantities()}. The past
 * periods stay as they are; where an indicator reads several periods (a three-year window) they are
 * held fixed and the coming one is bounded.
 *
 * <p>Exact by construction: the table's intervals are inverted through each indicator's formula to
 * the points where the decision can change, and the table decides a point of each stretch between
 * them; nothing is sampled or approximated. An indicator whose formula cannot be inverted exactly
 * is listed in {@link #notInvertible()} and {@link #exact()} is then false. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class Thresholds {
  private final Decision decision;
  private final LocalDate asOf;
  private final LocalDate periodFrom;
  private final LocalDate periodTo;
  private final String jurisdiction;
  private final ImmutableList<Assumption> assumptions;
  private final ImmutableList<Quantity> quantities;
  private final ImmutableList<Reach> reaches;
  private final ImmutableList<NotInvertible> notInvertible;
  private final long decisions;

  private Thresholds(Builder b) {
    this.decision = requireNonNull(b.decision, "decision");
    this.asOf = requireNonNull(b.asOf, "asOf");
    this.periodFrom = requireNonNull(b.periodFrom, "periodFrom");
    this.periodTo = requireNonNull(b.periodTo, "periodTo");
    this.jurisdiction = requireNonNull(b.jurisdiction, "jurisdiction");
    this.assumptions = ImmutableList.copyOf(b.assumptions);
    this.quantities = ImmutableList.copyOf(b.quantities);
    this.reaches = ImmutableList.copyOf(b.reaches);
    this.notInvertible = ImmutableList.copyOf(b.notInvertible);
    this.decisions = b.decisions;
  }

  /** A builder, for the library's own use (and tests); callers get thresholds from {@code RuleTable}. */
  public static Builder builder() {
    return new Builder();
  }

  /** This year's decision, whose band the next decision starts from. */
  public Decision decision() {
    return decision;
  }

  /** The next decision's current band: the band this decision gives. */
  public Band currentBand() {
    return decision.newBand();
  }

  /** The next decision's as-of date. */
  public LocalDate asOf() {
    return asOf;
  }

  /** The first day of the coming period. */
  public LocalDate periodFrom() {
    return periodFrom;
  }

  /** The last day of the coming period (the day before {@link #asOf()}). */
  public LocalDate periodTo() {
    return periodTo;
  }

  /** The rule table's jurisdiction as it writes it, e.g. {@code CN-HN} (its money is counted in that country's currency). */
  public String jurisdiction() {
    return jurisdiction;
  }

  /** The assumed figures of the coming period: payroll, premiums paid and at the benchmark, headcount. */
  public List<Assumption> assumptions() {
    return assumptions;
  }

  /** Every controllable quantity: the varied ones first (the boxes' axes, in their order), then the others. */
  public List<Quantity> quantities() {
    return quantities;
  }

  /** The quantities varied: the axes of every box. */
  public List<Variable> varied() {
    return quantities.stream().filter(q -> q.role() == Quantity.Role.VARIED).map(Quantity::variable).toList();
  }

  /**
   * Every outcome the next decision can reach, the best first: decisions by rate, the lowest first
   * (then by band), refusals last.
   */
  public List<Reach> reaches() {
    return reaches;
  }

  /** The best outcome a decision can reach: the lowest rate, if any point is decided at all. */
  public Optional<Reach> best() {
    return reaches.stream().filter(r -> r.outcome() instanceof Outcome.Decided).findFirst();
  }

  /** The indicators whose bounds could not be inverted exactly, with the reason. */
  public List<NotInvertible> notInvertible() {
    return notInvertible;
  }

  /** Whether every region is exact: no indicator the next decision reads was left uninverted. */
  public boolean exact() {
    return notInvertible.isEmpty();
  }

  /** How many decisions the table made to find the regions (one for each stretch between thresholds). */
  public long decisions() {
    return decisions;
  }

  /**
   * The outcome promised for a point of the coming period's quantities: a varied quantity the point
   * does not give counts as its {@link Quantity#heldAt()} (0 for a measure, the case's own value for a
   * custom value).
   *
   * @param point values of the varied quantities
   * @return the reach whose boxes hold the point; empty when none does (the input rules refuse the
   *     combination, e.g. more accidents than workers injured or killed)
   */
  public Optional<Reach> at(Map<Variable, BigDecimal> point) {
    requireNonNull(point, "point");
    Map<Variable, BigDecimal> base = new HashMap<>();
    for (Quantity q : quantities) {
      base.put(q.variable(), q.heldAt());
    }
    return reaches.stream().filter(r -> r.contains(point, v -> base.getOrDefault(v, BigDecimal.ZERO))).findFirst();
  }

  /**
   * Builds {@link Thresholds}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Decision decision;
    private LocalDate asOf;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private String jurisdiction = "";
    private List<Assumption> assumptions = List.of();
    private List<Quantity> quantities = List.of();
    private List<Reach> reaches = List.of();
    private List<NotInvertible> notInvertible = List.of();
    private long decisions;

    private Builder() {}

    /** This year's decision. */
    public Builder decision(Decision d) {
      this.decision = requireNonNull(d, "decision");
      return this;
    }

    /** The next decision's as-of date and the coming period's first and last day. */
    public Builder next(LocalDate nextAsOf, LocalDate from, LocalDate to) {
      this.asOf = requireNonNull(nextAsOf, "nextAsOf");
      this.periodFrom = requireNonNull(from, "from");
      this.periodTo = requireNonNull(to, "to");
      return this;
    }

    /** The table's jurisdiction. */
    public Builder jurisdiction(String code) {
      this.jurisdiction = requireNonNull(code, "code");
      return this;
    }

    /** The assumed figures. */
    public Builder assumptions(List<Assumption> list) {
      this.assumptions = List.copyOf(java.util.Objects.requireNonNull(list, "list"));
      return this;
    }

    /** The controllable quantities, the varied first. */
    public Builder quantities(List<Quantity> list) {
      this.quantities = List.copyOf(java.util.Objects.requireNonNull(list, "list"));
      return this;
    }

    /** The outcomes, the best first. */
    public Builder reaches(List<Reach> list) {
      this.reaches = List.copyOf(java.util.Objects.requireNonNull(list, "list"));
      return this;
    }

    /** The indicators not inverted. */
    public Builder notInvertible(List<NotInvertible> list) {
      this.notInvertible = List.copyOf(java.util.Objects.requireNonNull(list, "list"));
      return this;
    }

    /** The decisions made. */
    public Builder decisions(long count) {
      this.decisions = count;
      return this;
    }

    /**
     * The thresholds.
     *
     * @throws NullPointerException if the decision or the dates are missing
     */
    public Thresholds build() {
      return new Thresholds(this);
    }
  }
}
