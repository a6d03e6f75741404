package org.ratefloat.engine;

import org.ratefloat.text.Message;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.error.UndeterminedException;
import org.ratefloat.decision.Amount;
import org.ratefloat.decision.Band;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.Premium;
import org.ratefloat.decision.StepTrace;
import org.ratefloat.decision.TableRef;
import org.ratefloat.decision.Value;
import org.ratefloat.decision.Warning;
import org.ratefloat.internal.LazyList;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.document.ClassificationSpec;
import org.ratefloat.rules.Condition;
import org.ratefloat.rules.Evidence;
import org.ratefloat.rules.Guard;
import org.ratefloat.rules.IndicatorSpec;
import org.ratefloat.rules.LoadedTable;
import org.ratefloat.rules.Outcome;
import org.ratefloat.rules.RowSpec;
import org.ratefloat.rules.RuleTableSpec;
import org.ratefloat.rules.StepSpec;
import org.ratefloat.document.TableStatus;

/**
 * A compiled rule table that decides cases. Immutable and thread-safe: every decision works on its
 * own state.
 */
public final class Engine {
  private final LoadedTable table;
  private final ImmutableList<TableRef> refs;
  /** The indicators in table order, and each one's place in that order by id. */
  private final IndicatorSpec[] indicators;
  private final ImmutableMap<String, Integer> indicatorIndex;
  /** By risk class (index 1..99): the benchmark (null if the sources lack it), ladder, benchmark band. */
  private final boolean[] covered = new boolean[100];
  private final BigDecimal[] benchmarks = new BigDecimal[100];
  private final List<ImmutableList<BigDecimal>> ladders = new ArrayList<>(java.util.Collections.nCopies(100, null));
  private final int[] benchIndex = new int[100];
  /** By risk class, the band at each place on its ladder (made once: a decision names two). */
  private final Band[][] bands = new Band[100][];
  private final Warning provisional;
  /** One warning for each reference-data file the table names that is provisional. */
  private final ImmutableList<Warning> provisionalReferences;
  /** The names of the custom flags and values the table's indicators read. */
  private final java.util.Set<String> customFlagsRead;
  private final java.util.Set<String> customValuesRead;
  /** By edition: the warning that the classification's mapping is provisional, or none. */
  private final java.util.EnumMap<org.ratefloat.model.Edition, Warning> provisionalEditions =
      new java.util.EnumMap<>(org.ratefloat.model.Edition.class);
  private final Classifications classifications;
  /** By step (table order) and risk class 0..99: whether the step applies to the class. */
  private final boolean[][] applies;
  /**
   * By step (table order) and row (a veto's guard is its row 0): the place in table order of the
   * indicator each condition of the row's guard tests, in the guard's order of conditions.
   */
  private final int[][][] places;
  /** By step and row: the warning of a row whose evidence is not published, or null. */
  private final Warning[][] evidence;
  /** Band moves' texts by the offsets from and to (-99..+99), made when first needed. */
  private final String[][] moves = new String[199][];
  /** The windows of the indicators, each once; their days on the as-of date last decided. */
  private final org.ratefloat.rules.Window[] windows;
  /** A benign race: threads deciding other dates replace it, and each keeps the one it made. */
  private volatile Spans lastSpans;
  /**
   * By indicator id: the values its kind declares, which every value the engine computes must lie
   * in. The engine does no interval arithmetic, so formulas and sums of line items are bounded only
   * by their grid here; the current band's offsets are those of the table's ladders.
   */
  private final ImmutableMap<String, org.ratefloat.rules.ValueDomain> domains;
  /** By risk class: the reference data of the class (what {@code ReferenceData.forClass} gives). */
  private final org.ratefloat.rules.ReferenceData[] classData = new org.ratefloat.rules.ReferenceData[100];

  private Engine(LoadedTable table) {
    this.table = table;
    ImmutableList.Builder<TableRef> refs = ImmutableList.builder();
    RuleTableSpec m = table.measure();
    refs.add(ref(m.kind(), m.id(), m.version(), status(m.status()), m.sha256()));
    table.base().ifPresent(b -> refs.add(ref("base", b.id(), b.version(), status(b.status()), b.sha256())));
    table.classification().ifPresent(c ->
        refs.add(ref("classification", c.id(), c.version(), classificationStatus(c), c.sha256())));
    table.references().forEach(r ->
        refs.add(ref("reference", r.id(), r.version(), status(r.status()), r.sha256())));
    this.refs = refs.build();
    this.indicators = m.indicators().toArray(new IndicatorSpec[0]);
    ImmutableMap.Builder<String, Integer> byId = ImmutableMap.builder();
    for (int i = 0; i < indicators.length; i++) {
      byId.put(indicators[i].id(), i);
    }
    this.indicatorIndex = byId.buildOrThrow();
    this.windows = Spans.windows(indicators);
    this.domains = domains(table, indicators);
    table.basis().benchmarks().forEach((c, b) -> {
      covered[c] = true;
      benchmarks[c] = b.orElse(null);
      ladders.set(c, table.basis().ladders().get(c));
      benchIndex[c] = table.basis().benchmarkIndex(c);
      classData[c] = m.data().forClass(String.valueOf(c));
      bands[c] = new Band[ladders.get(c).size()];
      for (int i = 0; i < bands[c].length; i++) {
        bands[c][i] = new Band(i - benchIndex[c], ladders.get(c).get(i));
      }
    });
    this.provisional = m.status() != TableStatus.PROVISIONAL ? null : Warnings.provisionalTable(m);
    this.provisionalReferences = table.references().stream().filter(r -> r.status() == TableStatus.PROVISIONAL)
        .map(Warnings::provisionalReference).collect(ImmutableList.toImmutableList());
    java.util.Set<String> flags = new java.util.HashSet<>();
    java.util.Set<String> values = new java.util.HashSet<>();
    for (IndicatorSpec i : m.indicators()) {
      if (i instanceof IndicatorSpec.CustomFlag f) {
        flags.add(f.name());
      } else if (i instanceof IndicatorSpec.CustomValue v) {
        values.add(v.name());
      }
    }
    this.customFlagsRead = java.util.Set.copyOf(flags);
    this.customValuesRead = java.util.Set.copyOf(values);
    table.classification().ifPresent(cl -> cl.editions().forEach((edition, t) -> {
      if (t.status() == TableStatus.PROVISIONAL) {
        provisionalEditions.put(edition, Warnings.provisionalClassification(edition, cl.id()));
      }
    }));
    this.classifications = table.classification().map(Classifications::new).orElse(null);
    this.applies = new boolean[m.steps().size()][100];
    this.places = new int[m.steps().size()][][];
    this.evidence = new Warning[m.steps().size()][];
    for (int s = 0; s < applies.length; s++) {
      StepSpec step = m.steps().get(s);
      for (int c = 0; c < 100; c++) {
        applies[s][c] = step.appliesTo(c);
      }
      List<Guard> guards = new ArrayList<>();
      if (step instanceof StepSpec.Rows rows) {
        rows.rows().forEach(r -> guards.add(r.when()));
        evidence[s] = new Warning[rows.rows().size()];
        for (int r = 0; r < rows.rows().size(); r++) {
          RowSpec row = rows.rows().get(r);
          evidence[s][r] = row.evidence() == Evidence.PUBLISHED ? null : Warnings.evidence(row);
        }
      } else if (step instanceof StepSpec.Veto veto) {
        guards.add(veto.when());
      }
      places[s] = new int[guards.size()][];
      for (int r = 0; r < guards.size(); r++) {
        places[s][r] = guards.get(r).conditions().stream().mapToInt(c -> indicatorIndex.get(c.indicator())).toArray();
      }
    }
  }

  private static ImmutableMap<String, org.ratefloat.rules.ValueDomain> domains(LoadedTable table,
      IndicatorSpec[] indicators) {
    int lo = 0;
    int hi = 0;
    for (int c : table.basis().ladders().keySet()) {
      int bench = table.basis().benchmarkIndex(c);
      lo = Math.min(lo, -bench);
      hi = Math.max(hi, table.basis().ladders().get(c).size() - 1 - bench);
    }
    org.ratefloat.rules.ValueDomain.Numbers offsets = org.ratefloat.rules.ValueDomain.Numbers.whole(lo, hi);
    IndicatorSpec.DomainContext context = new IndicatorSpec.DomainContext() {
      @Override
      public org.ratefloat.rules.ValueDomain.Numbers bounds(org.ratefloat.rules.Expr e) {
        return org.ratefloat.rules.ValueDomain.Numbers.ANY;
      }

      @Override
      public org.ratefloat.rules.ValueDomain.Numbers bandOffsets() {
        return offsets;
      }
    };
    ImmutableMap.Builder<String, org.ratefloat.rules.ValueDomain> out = ImmutableMap.builder();
    for (IndicatorSpec i : indicators) {
      out.put(i.id(), i.domain(context));
    }
    return out.buildOrThrow();
  }

  /** The text of a band move, e.g. {@code band 0 -> +1}; offsets within -99..+99. */
  private String moveText(int from, int to) {
    if (from < -99 || from > 99 || to < -99 || to > 99) {
      return "band " + offsetText(from) + " -> " + offsetText(to);
    }
    // a benign race: two threads may make the same text, and either is kept
    String[] row = moves[from + 99];
    if (row == null) {
      row = new String[199];
      moves[from + 99] = row;
    }
    String text = row[to + 99];
    if (text == null) {
      text = "band " + offsetText(from) + " -> " + offsetText(to);
      row[to + 99] = text;
    }
    return text;
  }

  private static org.ratefloat.decision.TableStatus classificationStatus(ClassificationSpec c) {
    return c.editions().values().stream().allMatch(e -> e.status() == TableStatus.VERIFIED)
        ? org.ratefloat.decision.TableStatus.VERIFIED : org.ratefloat.decision.TableStatus.PROVISIONAL;
  }

  /** A file's status as a decision names it. */
  public static org.ratefloat.decision.TableStatus status(TableStatus status) {
    return status == TableStatus.VERIFIED ? org.ratefloat.decision.TableStatus.VERIFIED
        : org.ratefloat.decision.TableStatus.PROVISIONAL;
  }

  private static TableRef ref(String role, String id, String version, org.ratefloat.decision.TableStatus status,
      String sha256) {
    return TableRef.builder().role(role).id(id).version(version).status(status).sha256(sha256).build();
  }

  /** Compiles a loaded table. */
  public static Engine compile(LoadedTable table) {
    return new Engine(requireNonNull(table, "table"));
  }

  public LoadedTable table() {
    return table;
  }

  /** The identities of the files this engine was compiled from, the measure first. */
  public ImmutableList<TableRef> refs() {
    return refs;
  }

  /**
   * Decides a case.
   *
   * @param library the library name and version to record
   * @param submitted the case as submitted, in canonical form (made when first read)
   */
  public Decision decide(RatingCase c, String library, CharSequence submitted) {
    return new Run(c).decide(library, submitted, null);
  }

  /**
   * Decides a case whose record lists, beside the defaults the indicators took, what else the
   * decision assumed of the case as submitted: {@code assumed} is called when the decision's
   * {@link Decision#assumed()} is first read.
   */
  public Decision decide(RatingCase c, String library, CharSequence submitted, Assumed assumed) {
    return new Run(c).decide(library, submitted, requireNonNull(assumed, "assumed"));
  }

  /** What a decision assumed of the case as submitted, from what the decision and its indicators took. */
  @FunctionalInterface
  public interface Assumed {
    /**
     * @param premium the decision's premium, or null
     * @param previous the band the decision took as the employer's
     * @param indicators the defaults the table's indicators took, in the order they took them
     */
    List<org.ratefloat.decision.Assumption> of(@org.jspecify.annotations.Nullable Premium premium,
        Band previous, List<org.ratefloat.decision.Assumption> indicators);
  }

  /**
   * Every indicator of the table for a case, computed as a decision computes it, whether a step
   * would reach it or not, each with its value or the refusal computing it met (in table order).
   * For the thresholds, which must see the indicators of cases no decision of theirs reached.
   *
   * @throws InputException if the case cannot be decided at all: an as-of date outside the table's
   *     effective period, a risk class the table does not cover, a current band off the ladder
   */
  public List<Reading> evaluate(RatingCase c) {
    return new Run(c).evaluate();
  }

  /** The windows' days on an as-of date: those of the last date decided, or made for this one. */
  private Spans spans(java.time.LocalDate asOf) {
    Spans last = lastSpans;
    if (last != null && last.asOf.equals(asOf)) {
      return last;
    }
    last = Spans.of(asOf, windows);
    lastSpans = last;
    return last;
  }

  /**
   * The state of one decision; it tests conditions and gives formulas the values of other
   * indicators itself (no function objects made per decision).
   */
  private final class Run implements Guard.Test,
      java.util.function.Function<String, Exact>, StepSpec.Visitor<Traced> {
    private final RatingCase c;
    private final RuleTableSpec m = table.measure();
    /** Made when the first warning is given: most decisions give none. */
    private @org.jspecify.annotations.Nullable List<Warning> warnings;
    private final Traced[] trace = new Traced[m.steps().size()];
    /** The steps run so far; the one running is {@code steps} (its place in table order). */
    private int steps;
    /** The places of the indicators the guard being tested reads, by condition (see {@link Engine#places}). */
    private int[] reads;
    /** Made when the first amount is added. */
    private List<Amount> amounts;
    /** By place in the table's order: the indicators computed so far. */
    private final Computed[] computed = new Computed[indicators.length];
    private Indicators compute;
    private ImmutableList<BigDecimal> ladder;
    private Band[] classBands;
    private int benchIndex;
    private int currentIndex;
    private int band;
    private BigDecimal points = BigDecimal.ZERO;
    private BigDecimal factor = BigDecimal.ONE;
    private BigDecimal benchmark;
    private BigDecimal rate;
    private boolean gateFired;

    Run(RatingCase c) {
      this.c = requireNonNull(c, "case");
    }

    Decision decide(String library, CharSequence submitted, @org.jspecify.annotations.Nullable Assumed refine) {
      checkEffective();
      int riskClass;
      Decision.ClassSource classSource;
      if (c.employer().riskClassOverride().isPresent()) {
        riskClass = c.employer().riskClassOverride().getAsInt();
        classSource = Decision.ClassSource.OVERRIDE;
      } else {
        ClassificationSpec cl = table.classification().orElseThrow(() -> new InputException(
            ErrorCode.IN020, "/employer/riskClassOverride", "error.IN020.noClassification", Message.values(
                "table", m.id())));
        riskClass = classifications.classify(c.employer().industry());
        classSource = Decision.ClassSource.CLASSIFICATION;
        Warning edition = provisionalEditions.get(c.employer().industry().edition());
        if (edition != null) {
          warn(edition);
        }
      }
      if (riskClass < 1 || riskClass > 99 || !covered[riskClass]) {
        throw new InputException(ErrorCode.IN020, c.employer().riskClassOverride().isPresent()
            ? "/employer/riskClassOverride" : "/employer/industry/code", "error.IN020.class",
            Message.values("class", riskClass, "table", m.id(), "classes", table.basis().benchmarks().keySet()));
      }
      Decision.BenchmarkSource benchmarkSource = resolveBenchmark(riskClass);
      ladder = ladders.get(riskClass);
      classBands = bands[riskClass];
      benchIndex = Engine.this.benchIndex[riskClass];
      currentIndex = currentIndex();
      band = benchIndex;
      compute = new Indicators(c, currentIndex - benchIndex, m.source(), classData[riskClass], spans(c.asOf()),
          this, domains::get);
      if (provisional != null) {
        warn(provisional);
      }
      provisionalReferences.forEach(this::warn);
      unreadCustom();

      List<StepSpec> all = m.steps();
      for (int s = 0; s < all.size(); s++) {
        run(all.get(s), riskClass, applies[s][riskClass]);
      }
      if (rate == null) {
        rate = formulaRate();
      }
      if (rate.signum() < 0) {
        throw new RuleTableException(ErrorCode.RT009, m.source(), "/steps", "error.RT009.negativeRate",
            Message.values("rate", rate));
      }
      BigDecimal rounded = table.rateRounding().apply(rate);
      Optional<Premium> premium = premium(rounded);
      // the lines of the table's worksheet are part of the record, whether a step read them or not
      for (org.ratefloat.rules.RuleTableSpec.WorksheetLine line : m.worksheet()) {
        computed(line.indicator());
      }
      // the trace stays numbers and ids until a record or an explanation reads it
      Computed[] values = computed;
      Traced[] traced = trace; // every step has run: full
      Decision.Builder decision = Decision.builder().library(library).tables(refs).input(c, submitted)
          .riskClass(riskClass, classSource).benchmark(benchmark, benchmarkSource)
          .bands(band(currentIndex), band(band)).rate(rate, rounded, table.rateRounding().describe())
          .indicators(LazyList.of(() -> records(values))).steps(LazyList.of(() -> stepTraces(traced)))
          .warnings(warnings == null ? ImmutableList.of() : warnings);
      premium.ifPresent(decision::premium);
      if (amounts != null) {
        decision.amounts(amounts);
      }
      // the defaults indicators took for values the case leaves out (the table's, or a grade of 0)
      List<org.ratefloat.decision.Assumption> took = compute.assumed();
      if (refine == null) {
        decision.assumed(took);
      } else {
        Premium p = premium.orElse(null);
        Band previous = band(currentIndex);
        decision.assumed(LazyList.of(() -> refine.of(p, previous, took)));
      }
      return decision.build();
    }

    /** Every indicator, as {@link Engine#evaluate} promises. */
    List<Reading> evaluate() {
      checkEffective();
      int riskClass = c.employer().riskClassOverride().isPresent() ? c.employer().riskClassOverride().getAsInt()
          : classifications == null ? -1 : classifications.classify(c.employer().industry());
      if (riskClass < 1 || riskClass > 99 || !covered[riskClass]) {
        throw new InputException(ErrorCode.IN020, c.employer().riskClassOverride().isPresent()
            ? "/employer/riskClassOverride" : "/employer/industry/code", "error.IN020.class",
            Message.values("class", riskClass, "table", m.id(), "classes", table.basis().benchmarks().keySet()));
      }
      ladder = ladders.get(riskClass);
      benchIndex = Engine.this.benchIndex[riskClass];
      currentIndex = currentIndex();
      compute = new Indicators(c, currentIndex - benchIndex, m.source(), classData[riskClass], spans(c.asOf()),
          this, domains::get);
      List<Reading> out = new ArrayList<>(indicators.length);
      for (int i = 0; i < indicators.length; i++) {
        try {
          out.add(Reading.of(computed(i)));
        } catch (org.ratefloat.error.RateFloatException e) {
          out.add(Reading.failed(indicators[i].id(), e));
        }
      }
      return out;
    }

    /** Warns of custom flags and values the case gives and the table does not read, in name order. */
    private void unreadCustom() {
      org.ratefloat.model.Status status = c.employer().status();
      if (status.customFlags().isEmpty() && status.customValues().isEmpty()) {
        return;
      }
      java.util.List<String> unread = new ArrayList<>();
      status.customFlags().keySet().stream().filter(n -> !customFlagsRead.contains(n)).forEach(unread::add);
      status.customValues().keySet().stream().filter(n -> !customValuesRead.contains(n)).forEach(unread::add);
      if (!unread.isEmpty()) {
        warn(Warnings.unreadCustom(unread.stream().sorted().toList()));
      }
    }

    private void warn(Warning w) {
      if (warnings == null) {
        warnings = new ArrayList<>(2);
      }
      warnings.add(w);
    }

    private void checkEffective() {
      if (c.asOf().isBefore(m.effectiveFrom())
          || (m.effectiveTo().isPresent() && c.asOf().isAfter(m.effectiveTo().get()))) {
        throw new InputException(ErrorCode.IN021, "/asOf", "error.IN021.table",
            Message.values("asOf", c.asOf(), "table", m.id(), "from", m.effectiveFrom(),
                "to", m.effectiveTo().map(Object::toString).orElse("")));
      }
      for (org.ratefloat.rules.ReferenceSpec r : table.references()) {
        if (!r.effectiveOn(c.asOf())) {
          throw new InputException(ErrorCode.IN021, "/asOf", "error.IN021.reference",
              Message.values("asOf", c.asOf(), "reference", r.id(), "period", r.period(), "table", m.id()));
        }
      }
    }

    private Decision.BenchmarkSource resolveBenchmark(int riskClass) {
      BigDecimal fromTable = benchmarks[riskClass];
      if (fromTable != null) {
        benchmark = fromTable;
        if (c.employer().benchmarkRate().isPresent()
            && c.employer().benchmarkRate().get().compareTo(benchmark) != 0) {
          warn(Warnings.benchmarkInputIgnored(c.employer().benchmarkRate().get(), benchmark));
        }
        return Decision.BenchmarkSource.TABLE;
      }
      benchmark = c.employer().benchmarkRate().orElseThrow(() -> new InputException(ErrorCode.IN022,
          "/employer/benchmarkRate", "error.IN022.class", Message.values("table", m.id(), "class", riskClass)));
      warn(Warnings.benchmarkFromInput(benchmark));
      return Decision.BenchmarkSource.INPUT;
    }

    private int currentIndex() {
      Optional<BigDecimal> current = c.employer().currentBand();
      if (current.isEmpty()) {
        return benchIndex;
      }
      for (int i = 0; i < ladder.size(); i++) {
        if (ladder.get(i).compareTo(current.get()) == 0) {
          return i;
        }
      }
      throw new InputException(ErrorCode.IN019, "/employer/currentBand", "error.IN019.ladder",
          Message.values("band", current.get(), "ladder", show(ladder)));
    }

    private String offset(int index) {
      return Engine.offset(index, benchIndex);
    }

    private Band band(int index) {
      return classBands[index];
    }

    private BigDecimal formulaRate() {
      return rateOn(benchmark);
    }

    /** A base rate under the working band, factors and points: the benchmark's, or a class's manual rate. */
    private BigDecimal rateOn(BigDecimal base) {
      BigDecimal r = base.multiply(ladder.get(band));
      // x 1 and + 0 (untouched: the same objects) change neither the value nor the scale, the sum's
      // being the larger of the two: they are skipped, not computed
      if (factor != BigDecimal.ONE) {
        r = r.multiply(factor);
      }
      if (points != BigDecimal.ZERO || r.scale() < 0) {
        r = r.add(points);
      }
      return r;
    }

    private void run(StepSpec step, int riskClass, boolean applies) {
      if (!applies) {
        trace[steps++] = trace(step, StepTrace.Outcome.NOT_APPLICABLE, Optional.empty(), new NotIn(riskClass, step.classes()));
        return;
      }
      if (gateFired && !(step instanceof StepSpec.RateLimit)) {
        trace[steps++] = trace(step, StepTrace.Outcome.SKIPPED, Optional.empty(), "after a gate");
        return;
      }
      // by the step's type: a new type of step does not compile until it is run here
      Traced t = step.accept(this); // while it runs, steps is its place
      trace[steps++] = t;
    }

    @Override
    public Traced gate(StepSpec.Gate gate) {
      Traced t = rows(gate);
      if (t.outcome() == StepTrace.Outcome.FIRED) {
        gateFired = true;
      }
      return t;
    }

    @Override
    public Traced table(StepSpec.Table table) {
      return rows(table);
    }

    @Override
    public Traced rateFloor(StepSpec.RateFloor floor) {
      return rateLimit(floor);
    }

    @Override
    public Traced rateCap(StepSpec.RateCap cap) {
      return rateLimit(cap);
    }

    private Traced trace(StepSpec step, StepTrace.Outcome outcome, Optional<String> row, Object effect) {
      return new Traced(step, outcome, row.orElse(null), effect);
    }

    @Override
    public Traced veto(StepSpec.Veto veto) {
      if (!holds(veto.when(), 0)) {
        return trace(veto, StepTrace.Outcome.NO_MATCH, Optional.empty(), "none");
      }
      int min = veto.belowCurrent() ? currentIndex : benchIndex;
      String effect = "none";
      if (band < min) {
        effect = "band " + offset(band) + " -> " + offset(min);
        band = min;
      }
      return trace(veto, StepTrace.Outcome.FIRED, Optional.empty(), effect);
    }

    @Override
    public Traced limitMove(StepSpec.LimitMove limit) {
      int lo = Math.max(0, currentIndex - limit.maxBands());
      int hi = Math.min(ladder.size() - 1, currentIndex + limit.maxBands());
      int limited = Math.max(lo, Math.min(hi, band));
      String effect = limited == band ? "none" : "band " + offset(band) + " -> " + offset(limited);
      Traced t = trace(limit, limited == band ? StepTrace.Outcome.NO_MATCH : StepTrace.Outcome.FIRED, Optional.empty(), effect);
      band = limited;
      return t;
    }

    private Traced rows(StepSpec.Rows step) {
      RowSpec hit = null;
      int hitAt = -1;
      List<RowSpec> rows = step.rows();
      for (int r = 0; r < rows.size(); r++) {
        RowSpec row = rows.get(r);
        if (!holds(row.when(), r)) {
          continue;
        }
        if (hit == null) {
          hit = row;
          hitAt = r;
          if (step.hitPolicy() == StepSpec.HitPolicy.FIRST) {
            break;
          }
        } else {
          throw new RuleTableException(ErrorCode.RT015, m.source(), row.pointer(), "error.RT015.both",
              Message.values("first", hit.id(), "second", row.id(), "step", step.id(), "values", values(step)));
        }
      }
      if (hit == null) {
        if (step.noMatchIsError()) {
          throw new RuleTableException(ErrorCode.RT016, m.source(), step.pointer(), "error.RT016.none",
              Message.values("step", step.id(), "values", values(step)));
        }
        return trace(step, StepTrace.Outcome.NO_MATCH, Optional.empty(), "none");
      }
      String effect = apply(step, hit);
      Warning unpublished = evidence[steps][hitAt];
      if (unpublished != null) {
        warn(unpublished);
      }
      return new Traced(step, StepTrace.Outcome.FIRED, hit.id(), effect);
    }

    private String apply(StepSpec.Rows step, RowSpec row) {
      if (applied == null) {
        applied = new Applied();
      }
      applied.step = step;
      applied.row = row;
      return row.then().accept(applied);
    }

    /** Made when the first row fires, then told each row that fires. */
    private @org.jspecify.annotations.Nullable Applied applied;

    /**
     * Applies the outcome of a fired row to the working band, rate and amounts, and gives the effect
     * as recorded. By the outcome's type: a new outcome does not compile until it is applied here.
     */
    private final class Applied implements Outcome.Visitor<String> {
      /** The step and the row whose outcome is applied (set before each). */
      private StepSpec.Rows step;
      private RowSpec row;

      @Override
      public String undetermined(Outcome.Undetermined o) {
        throw new UndeterminedException(row.pointer(), "error.DC001.row", Message.values("row", row.id(),
            "table", m.id(), "reason", o.reason().en(), "reasonZh", o.reason().zh(), "values", values(step)));
      }

      @Override
      public String addRatePoints(Outcome.AddRatePoints o) {
        points = points.add(o.points());
        return "rate points " + signed(o.points());
      }

      @Override
      public String multiplyRate(Outcome.MultiplyRate o) {
        factor = factor.multiply(o.factor());
        return "rate x " + o.factor().toPlainString();
      }

      @Override
      public String rateEffects(Outcome.RateEffects o) {
        List<String> effects = new ArrayList<>();
        for (Outcome e : o.effects()) {
          effects.add(e.accept(this));
        }
        return String.join("; ", effects);
      }

      @Override
      public String multiplyRateBy(Outcome.MultiplyRateBy by) {
        BigDecimal f = number(by.indicator());
        if (f.signum() <= 0) {
          throw new RuleTableException(ErrorCode.RT009, m.source(), by.pointer(), "error.RT009.factor",
              Message.values("row", row.id(), "indicator", by.indicator(), "value", f));
        }
        factor = factor.multiply(f);
        return "rate x " + by.indicator() + " = " + f.toPlainString();
      }

      @Override
      public String addAmount(Outcome.AddAmount a) {
        BigDecimal amount = a.amount().orElseGet(() -> number(a.indicator().get()));
        if (amounts == null) {
          amounts = new ArrayList<>();
        }
        Amount.Builder added = Amount.builder().row(step.id(), row.id()).amount(amount, a.currency());
        a.indicator().ifPresent(added::indicator);
        amounts.add(added.build());
        return "amount " + a.indicator().map(i -> i + " = ").orElse("") + signed(amount) + " " + a.currency();
      }

      @Override
      public String addBands(Outcome.AddBands o) {
        return move(band + o.bands());
      }

      @Override
      public String setBand(Outcome.SetBand s) {
        return move(switch (s.target()) {
          case TOP -> ladder.size() - 1;
          case BOTTOM -> 0;
          case CURRENT -> currentIndex;
          case OFFSET -> (step.relativeToCurrent() ? currentIndex : benchIndex) + s.offset();
        });
      }
    }

    /** Moves the working band to a target, clamped to the ladder; the effect as recorded. */
    private String move(int target) {
      int before = band;
      int clamped = Math.max(0, Math.min(ladder.size() - 1, target));
      band = clamped;
      String effect = moveText(before - benchIndex, clamped - benchIndex);
      if (clamped != target) {
        effect += " (clamped from " + offset(target) + " to the ladder)";
      }
      return effect;
    }

    private Traced rateLimit(StepSpec.RateLimit limit) {
      if (rate == null) {
        rate = formulaRate();
      }
      BigDecimal bound;
      String computedFrom = "";
      if (limit.indicator().isPresent()) {
        String id = limit.indicator().get();
        BigDecimal value = number(id);
        bound = limit.timesBenchmark() ? benchmark.multiply(value) : value;
        if (bound.signum() <= 0) {
          throw new RuleTableException(ErrorCode.RT009, m.source(), limit.indicatorPointer(), "error.RT009.bound",
              Message.values("step", limit.id(), "bound", bound, "indicator", id, "value", value));
        }
        computedFrom = " (" + (limit.timesBenchmark() ? "benchmark " + benchmark.toPlainString() + " x " : "")
            + id + " = " + value.toPlainString() + ")";
      } else {
        bound = limit.percent().orElseGet(() -> benchmarks[limit.classBenchmark().getAsInt()]);
      }
      boolean floor = limit.floor();
      boolean binds = floor ? rate.compareTo(bound) < 0 : rate.compareTo(bound) > 0;
      if (binds) {
        Traced t = trace(limit, StepTrace.Outcome.FIRED, Optional.empty(), new RateEffect(rate, " -> ", bound, computedFrom));
        rate = bound;
        return t;
      }
      return trace(limit, StepTrace.Outcome.NO_MATCH, Optional.empty(),
          new RateEffect(rate, floor ? " >= " : " <= ", bound, computedFrom));
    }

    private Optional<Premium> premium(BigDecimal rounded) {
      if (m.premiumByClass().isPresent()) {
        return Optional.of(premiumByClass(m.premiumByClass().get()));
      }
      Optional<BigDecimal> payroll = c.premiumBase();
      Premium.PayrollSource source = Premium.PayrollSource.INPUT;
      if (payroll.isEmpty() && !c.history().isEmpty()) {
        Period last = c.history().get(c.history().size() - 1);
        payroll = last.value(Measure.PAYROLL);
        source = Premium.PayrollSource.HISTORY;
      }
      if (payroll.isEmpty()) {
        return Optional.empty();
      }
      BigDecimal p = payroll.get();
      return Optional.of(Premium.builder().payroll(p, source).amount(table.premiumRounding().apply(
          p.multiply(rounded).movePointLeft(2))).rounding(table.premiumRounding().describe()).build());
    }

    /**
     * The premium of a table that prices by class: each class code's payroll of the latest period
     * (its exposures) at the class's own rate, the manual rate of its class row under the decision's
     * band, factors and points, rounded as the rate is; the amount is the sum of the classes' premiums.
     */
    private Premium premiumByClass(String column) {
      if (c.premiumBase().isPresent()) {
        throw new InputException(ErrorCode.IN023, "/premiumBase", "error.IN023.premiumBase",
            Message.values("table", m.id()));
      }
      int latest = c.history().size() - 1;
      if (latest < 0 || c.history().get(latest).exposures().isEmpty()) {
        throw new InputException(ErrorCode.IN025, latest < 0 ? "/history" : "/history/" + latest + "/exposures",
            "error.IN025.exposures.latest", Message.values("table", m.id()));
      }
      org.ratefloat.rules.ReferenceData.ClassRows rows = compute.classRows();
      int col = rows.column(column);
      BigDecimal total = BigDecimal.ZERO;
      BigDecimal payroll = BigDecimal.ZERO;
      Premium.Builder premium = Premium.builder().rounding(table.premiumRounding().describe());
      for (var x : c.history().get(latest).exposures().entrySet()) {
        BigDecimal manual = rows.rows().get(x.getKey()).get(col);
        BigDecimal rate = table.rateRounding().apply(rateOn(manual));
        BigDecimal amount = table.premiumRounding().apply(x.getValue().multiply(rate).movePointLeft(2));
        premium.classPremium(new Premium.ClassPremium(x.getKey(), x.getValue(), rate, amount));
        total = total.add(amount);
        payroll = payroll.add(x.getValue());
      }
      return premium.payroll(payroll, Premium.PayrollSource.HISTORY).amount(total).build();
    }

    /** Whether the guard of row {@code row} of the step running holds. */
    private boolean holds(Guard guard, int row) {
      reads = places[steps][row];
      return guard.holds(this);
    }

    @Override
    public boolean test(Condition cond, int place) {
      Computed v = computed(reads[place]);
      if (v.exact() != null) {
        return v.exact().admittedBy(cond);
      }
      if (v.value() instanceof Value.Bool b) {
        return cond.admits(b.value());
      }
      return cond.admits(((Value.Text) v.value()).value());
    }

    /** The compared value of another indicator, for a formula; computed if need be. */
    @Override
    public Exact apply(String indicator) {
      return computed(indicator).exact();
    }

    /** The decimal value of a rounded formula (the loader admits only those where a number is used). */
    private BigDecimal number(String indicator) {
      return ((Value.Num) computed(indicator).value()).value();
    }

    private Computed computed(String indicator) {
      return computed(indicatorIndex.get(indicator));
    }

    private Computed computed(int i) {
      Computed v = computed[i];
      if (v == null) {
        v = compute.compute(indicators[i]);
        computed[i] = v;
      }
      return v;
    }

    /** The values of the indicators a step's rows test, for error messages. */
    private String values(StepSpec.Rows step) {
      Map<String, String> shown = new LinkedHashMap<>();
      for (RowSpec row : step.rows()) {
        List<Condition> conds = new ArrayList<>(row.when().all());
        row.when().any().forEach(conds::addAll);
        for (Condition cond : conds) {
          Computed v = computed[indicatorIndex.get(cond.indicator())];
          if (v != null) {
            shown.putIfAbsent(cond.indicator(), v.value().render());
          }
        }
      }
      return shown.isEmpty() ? "this case" : shown.toString();
    }
  }

  /** The indicators computed, in table order, as a record writes them. */
  private static List<org.ratefloat.decision.IndicatorValue> records(Computed[] values) {
    List<org.ratefloat.decision.IndicatorValue> out = new ArrayList<>(values.length);
    for (Computed v : values) {
      if (v != null) {
        out.add(v.toRecord());
      }
    }
    return out;
  }

  private static List<StepTrace> stepTraces(Traced[] steps) {
    List<StepTrace> out = new ArrayList<>(steps.length);
    for (Traced t : steps) {
      out.add(t.toRecord());
    }
    return out;
  }

  /**
   * What one step did, as the ids and numbers it decided with; the effect is a text, or an object
   * whose {@code toString} is the text (made only when the record is).
   */
  private record Traced(StepSpec step, StepTrace.Outcome outcome, @org.jspecify.annotations.Nullable String row, Object effect) {
    StepTrace toRecord() {
      StepTrace.Builder b = StepTrace.builder().step(step.id()).kind(step.kind().jsonName()).outcome(outcome)
          .effect(effect.toString());
      if (row != null) {
        b.row(row);
      }
      return b.build();
    }
  }

  /** A class filter's effect, e.g. {@code class 1 not in [2, 3]}. */
  private record NotIn(int riskClass, Object classes) {
    @Override
    public String toString() {
      return "class " + riskClass + " not in " + classes;
    }
  }

  /** A rate limit's effect, e.g. {@code rate 0.4 -> 0.5} or {@code rate 0.6 >= 0.5}. */
  /** A rate floor's or cap's effect; {@code from} names a computed bound's formula, else empty. */
  private record RateEffect(BigDecimal rate, String relation, BigDecimal bound, String from) {
    @Override
    public String toString() {
      return "rate " + rate.toPlainString() + relation + bound.toPlainString() + from;
    }
  }

  /** Offsets as a trace writes them, -99..+99 (a ladder is shorter): {@code -1}, {@code 0}, {@code +1}. */
  private static final String[] OFFSETS = new String[199];

  static {
    for (int o = -99; o <= 99; o++) {
      OFFSETS[o + 99] = o > 0 ? "+" + o : String.valueOf(o);
    }
  }

  private static String offset(int index, int benchIndex) {
    return offsetText(index - benchIndex);
  }

  private static String offsetText(int o) {
    return o >= -99 && o <= 99 ? OFFSETS[o + 99] : o > 0 ? "+" + o : String.valueOf(o);
  }

  private static String signed(BigDecimal x) {
    return (x.signum() > 0 ? "+" : "") + x.toPlainString();
  }

  private static String show(List<BigDecimal> ladder) {
    return ladder.stream().map(BigDecimal::toPlainString).toList().toString();
  }
}
