package org.ratefloat.inverse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.StepTrace;
import org.ratefloat.engine.Engine;
import org.ratefloat.engine.Reading;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.model.RatingCase;
import org.ratefloat.rules.Condition;
import org.ratefloat.rules.Expr;
import org.ratefloat.rules.IndicatorSpec;
import org.ratefloat.rules.ReferenceData;
import org.ratefloat.document.Rounding;
import org.ratefloat.rules.RuleTableSpec;
import org.ratefloat.thresholds.Box;
import org.ratefloat.thresholds.Interval;
import org.ratefloat.thresholds.NextPeriod;
import org.ratefloat.thresholds.NotInvertible;
import org.ratefloat.thresholds.Outcome;
import org.ratefloat.thresholds.Quantity;
import org.ratefloat.thresholds.Reach;
import org.ratefloat.thresholds.Thresholds;
import org.ratefloat.thresholds.Variable;

/**
 * Finds the thresholds of an employer's next decision, exactly. For each quantity varied, the
 * table's bounds are inverted through the formula of every indicator that reads it into the points
 * where the decision can change (a ratio's bound times its denominator, less the past periods'
 * part); the grid points on either side of each are the candidates, and between two neighbouring
 * candidates no bound is crossed, so the decision is the same all along. Candidates at which every
 * condition and every value an effect uses come out the same are one class; the engine decides one
 * point of every combination of classes, and combinations of equal outcome are merged into boxes.
 * Not thread-safe; one instance finds one employer's thresholds.
 */
public final class Inversion {
  /** Most decisions one employer's thresholds may take (the combinations of classes of the quantities). */
  public static final long MAX_DECISIONS = 200_000;
  /** Most cells the boxes are merged from before the order of the quantities is no longer optimised. */
  private static final long OPTIMISED_MERGE = 20_000;

  private final Engine engine;
  private final Function<RatingCase, Decision> decide;
  private final Decision decision;
  private final NextPeriod next;
  private final RuleTableSpec m;
  private final NextCase nc;
  private final Reads reads;
  private final int riskClass;
  private final Map<String, Integer> order = new HashMap<>();
  private final List<Quantity> quantities = new ArrayList<>();
  private final List<Axis> axes = new ArrayList<>();
  private final Map<Variable, BigDecimal> base = new LinkedHashMap<>();
  private final Map<String, NotInvertible> notInvertible = new LinkedHashMap<>();
  private final Map<String, Map<Variable, Shape>> shapes = new HashMap<>();
  private final Map<Variable, Map<BigDecimal, Evaluated>> evaluated = new HashMap<>();
  private boolean recordGrades;
  private long decisions;

  /** One quantity varied: its grid, its candidates, their classes and the runs of equal class. */
  private static final class Axis {
    final Variable variable;
    final BigDecimal unit;
    final Optional<BigDecimal> lower;
    final Optional<BigDecimal> upper;
    final List<String> relevant = new ArrayList<>();
    /** Indicators reading the quantity whose value only an amount uses (not inverted). */
    final List<String> amountsOnly = new ArrayList<>();
    boolean inexact;
    List<BigDecimal> candidates = List.of();
    int[] classOf = new int[0];
    final List<Integer> representative = new ArrayList<>();
    final List<Integer> last = new ArrayList<>();
    /** Each run: its first candidate's index and its class. */
    final List<int[]> runs = new ArrayList<>();

    Axis(Variable variable, BigDecimal unit, Optional<BigDecimal> lower, Optional<BigDecimal> upper) {
      this.variable = variable;
      this.unit = unit;
      this.lower = lower;
      this.upper = upper;
    }

    Interval interval(int fromRun, int toRun) {
      Optional<BigDecimal> lo = fromRun == 0 ? lower.isPresent() ? Optional.of(candidates.get(0)) : Optional.empty()
          : Optional.of(candidates.get(runs.get(fromRun)[0]));
      Optional<BigDecimal> hi = toRun == runs.size() - 1 ? upper
          : Optional.of(candidates.get(runs.get(toRun + 1)[0]).subtract(unit));
      return new Interval(lo, hi);
    }
  }

  /** An indicator as a function of one quantity: the unrounded function and the measure's rounding. */
  private record Shape(Fn inner, Optional<Rounding> round) {
    Fn materialized() {
      return round.isPresent() ? inner.round(round.get()) : inner;
    }

    List<Q> crossings(Q bound) {
      return round.isPresent() ? inner.roundedCrossings(bound, round.get()) : inner.crossings(bound);
    }
  }

  /** The indicators at one point, or why the case could not be made or evaluated there. */
  private record Evaluated(List<Reading> readings, RateFloatException failure) {}

  private Inversion(Engine engine, Function<RatingCase, Decision> decide, RatingCase c, Decision d, NextPeriod next) {
    this.engine = engine;
    this.decide = decide;
    this.decision = d;
    this.next = next;
    this.m = engine.table().measure();
    this.riskClass = d.riskClass();
    this.nc = new NextCase(c, d, next);
    for (int i = 0; i < m.indicators().size(); i++) {
      order.put(m.indicators().get(i).id(), i);
    }
    Set<String> customNames = new LinkedHashSet<>(next.customValues().keySet());
    next.vary().ifPresent(vs -> vs.forEach(v -> {
      if (v instanceof Variable.CustomValue cv) {
        customNames.add(cv.valueName());
      }
    }));
    this.reads = new Reads(m, riskClass, nc.asOf, nc.from, nc.to, customNames);
    reads.reachable.forEach(reads::reads);
    List<Variable> universe = new ArrayList<>();
    for (org.ratefloat.model.Measure x : org.ratefloat.model.Measure.values()) {
      if (Variable.controllable(x)) {
        universe.add(Variable.of(x));
      }
    }
    universe.addAll(reads.gradeVariables());
    customNames.forEach(n -> universe.add(Variable.customValue(n)));
    next.vary().ifPresent(vs -> {
      for (Variable v : vs) {
        if (v instanceof Variable.CustomValue cv && customSpec(cv.valueName()).isEmpty()) {
          throw new InputException(ErrorCode.IN072, "", "cannot vary " + cv.valueName() + ": rule table " + m.id()
              + " reads no custom value of that name");
        }
        if (!universe.contains(v)) {
          throw new InputException(ErrorCode.IN072, "", "cannot vary " + v.name() + ": the next decision reads "
              + (reads.gradeVariables().isEmpty() ? "no disability grades" : "the disability grades as "
              + reads.gradeVariables().stream().map(Variable::name).toList()));
        }
      }
    });
    List<Quantity> others = new ArrayList<>();
    for (Variable v : universe) {
      boolean read = reads.reachable.stream().anyMatch(id -> reads.reads(id).contains(v));
      BigDecimal unit = unit(v);
      BigDecimal held = held(v);
      Quantity.Role role;
      if (read) {
        boolean chosen = next.vary().map(vs -> vs.contains(v)).orElse(!next.held().containsKey(v));
        role = chosen ? Quantity.Role.VARIED : Quantity.Role.HELD;
      } else {
        role = reads.outsideWindow.contains(v) ? Quantity.Role.OUTSIDE_WINDOW : Quantity.Role.NOT_READ;
      }
      Axis axis = axis(v, unit);
      Quantity q = Quantity.of(v, unit, role, held, nc.lastYear(v), axis.lower);
      if (role == Quantity.Role.VARIED) {
        quantities.add(q);
        axes.add(axis);
      } else {
        others.add(q);
      }
      if (!(v instanceof Variable.CustomValue) || role != Quantity.Role.NOT_READ) {
        base.put(v, held);
      }
    }
    quantities.addAll(others);
    recordGrades = nc.recordsGrades() || !reads.gradeVariables().isEmpty();
  }

  /**
   * The thresholds of the employer's next decision.
   *
   * @param engine the compiled table
   * @param decide the table's decide (the engine's, with the library's record fields)
   * @param c this year's case
   * @param d this year's decision of it
   * @param next what is assumed of the coming period
   * @throws InputException {@code IN070} for a next as-of date not after this one, {@code IN071} when
   *     the thresholds would take more than {@link #MAX_DECISIONS} decisions, {@code IN072} for a
   *     quantity to vary that the table does not read so
   */
  public static Thresholds find(Engine engine, Function<RatingCase, Decision> decide, RatingCase c, Decision d,
      NextPeriod next) {
    return new Inversion(engine, decide, c, d, next).run();
  }

  private BigDecimal unit(Variable v) {
    if (v instanceof Variable.OfMeasure om) {
      return om.measure().kind() == org.ratefloat.model.Measure.Kind.AMOUNT ? new BigDecimal("0.01") : BigDecimal.ONE;
    }
    if (v instanceof Variable.DisabilityGrades) {
      return BigDecimal.ONE;
    }
    String name = ((Variable.CustomValue) v).valueName();
    Optional<BigDecimal> given = next.customValues().getOrDefault(name, Optional.empty());
    if (given.isPresent()) {
      return given.get();
    }
    return customSpec(name).map(s -> s.domain().step()).filter(s -> s.signum() > 0).orElse(new BigDecimal("0.01"));
  }

  private Optional<IndicatorSpec.CustomValue> customSpec(String name) {
    return m.indicators().stream().filter(i -> i instanceof IndicatorSpec.CustomValue cv && cv.name().equals(name))
        .map(i -> (IndicatorSpec.CustomValue) i).findFirst();
  }

  private BigDecimal held(Variable v) {
    BigDecimal h = next.held().get(v);
    if (h != null) {
      return h;
    }
    if (v instanceof Variable.CustomValue cv) {
      BigDecimal now = nc.current.employer().status().customValues().get(cv.valueName());
      if (now != null) {
        return now;
      }
      Optional<IndicatorSpec.CustomValue> spec = customSpec(cv.valueName());
      return spec.flatMap(IndicatorSpec.CustomValue::whenAbsent)
          .or(() -> spec.flatMap(s -> s.domain().interval().lower().map(Condition.Bound::value)))
          .orElse(BigDecimal.ZERO);
    }
    return BigDecimal.ZERO;
  }

  /** The grid of a quantity: from 0 for measures, within its declared domain for a custom value. */
  private Axis axis(Variable v, BigDecimal unit) {
    if (!(v instanceof Variable.CustomValue cv)) {
      return new Axis(v, unit, Optional.of(BigDecimal.ZERO), Optional.empty());
    }
    Optional<IndicatorSpec.CustomValue> spec = customSpec(cv.valueName());
    Optional<BigDecimal> lo = spec.flatMap(s -> s.domain().interval().lower()).map(b -> {
      Q q = Q.of(b.value());
      BigDecimal g = q.floorTo(unit);
      // the least grid point inside the domain
      return g.compareTo(b.value()) < 0 || (!b.inclusive() && g.compareTo(b.value()) == 0) ? g.add(unit) : g;
    });
    Optional<BigDecimal> hi = spec.flatMap(s -> s.domain().interval().upper()).map(b -> {
      BigDecimal g = Q.of(b.value()).floorTo(unit);
      return !b.inclusive() && g.compareTo(b.value()) == 0 ? g.subtract(unit) : g;
    });
    return new Axis(v, unit, lo, hi);
  }

  private Thresholds run() {
    for (Axis a : axes) {
      candidates(a);
      classes(a);
    }
    long combos = 1;
    for (Axis a : axes) {
      combos *= a.representative.size();
      if (combos > MAX_DECISIONS) {
        throw new InputException(ErrorCode.IN071, "", "the thresholds would take more than " + MAX_DECISIONS
            + " decisions (" + axes.stream().map(x -> x.variable.name() + " " + x.representative.size() + " classes")
            .toList() + "); vary fewer quantities");
      }
    }
    // decide one point of each combination of classes
    int[] outcomeOf = new int[(int) combos];
    Map<Outcome, Integer> outcomes = new LinkedHashMap<>();
    Map<Integer, Decision> firstDecision = new HashMap<>();
    int[] classes = new int[axes.size()];
    for (int k = 0; k < combos; k++) {
      long rest = k;
      for (int i = axes.size() - 1; i >= 0; i--) {
        int n = axes.get(i).representative.size();
        classes[i] = (int) (rest % n);
        rest /= n;
      }
      Outcome o;
      Decision made = null;
      RatingCase at = caseAt(classes, false);
      if (at == null) {
        at = caseAt(classes, true);
      }
      if (at == null) {
        outcomeOf[k] = -1;
        continue;
      }
      decisions++;
      try {
        made = decide.apply(at);
        o = new Outcome.Decided(made.newBand(), made.rate(),
            made.amounts().stream().map(x -> x.step() + "/" + x.row()).toList());
      } catch (RateFloatException e) {
        o = new Outcome.Refused(e.code(), e.pointer(), e.detail());
      }
      Integer id = outcomes.get(o);
      if (id == null) {
        id = outcomes.size();
        outcomes.put(o, id);
        if (made != null) {
          firstDecision.put(id, made);
        }
      }
      outcomeOf[k] = id;
    }
    List<Outcome> byId = new ArrayList<>(outcomes.keySet());
    Map<Integer, List<List<int[]>>> boxes = merge(outcomeOf);
    List<Reach> reaches = new ArrayList<>();
    for (Map.Entry<Integer, List<List<int[]>>> e : boxes.entrySet()) {
      List<Box> list = new ArrayList<>();
      for (List<int[]> spans : e.getValue()) {
        Map<Variable, Interval> bounds = new LinkedHashMap<>();
        for (int i = 0; i < axes.size(); i++) {
          bounds.put(axes.get(i).variable, axes.get(i).interval(spans.get(i)[0], spans.get(i)[1]));
        }
        list.add(Box.of(bounds));
      }
      Decision first = firstDecision.get(e.getKey());
      reaches.add(Reach.of(byId.get(e.getKey()), list, first == null ? List.of() : limitedBy(first)));
    }
    reaches.sort(BEST_FIRST);
    return Thresholds.builder().decision(decision).next(nc.asOf, nc.from, nc.to).jurisdiction(m.jurisdiction())
        .assumptions(nc.assumptions).quantities(quantities).reaches(reaches)
        .notInvertible(new ArrayList<>(notInvertible.values())).decisions(decisions).build();
  }

  /** Decisions by rate (the lowest first), then band; refusals last. */
  private static final Comparator<Reach> BEST_FIRST = Comparator
      .comparing((Reach r) -> r.outcome() instanceof Outcome.Refused)
      .thenComparing(r -> r.outcome() instanceof Outcome.Decided d ? d.rate() : BigDecimal.ZERO)
      .thenComparingInt(r -> r.outcome() instanceof Outcome.Decided d ? d.band().offset() : 0)
      .thenComparingInt(r -> r.outcome() instanceof Outcome.Decided d ? d.amountRows().size() : 0)
      .thenComparing(r -> r.outcome() instanceof Outcome.Refused x ? x.code().name() + x.pointer() : "");

  /** The steps that bounded a decision: a move limit, veto, floor or cap that changed the band or rate. */
  private static List<String> limitedBy(Decision d) {
    List<String> out = new ArrayList<>();
    for (StepTrace s : d.steps()) {
      boolean bounding = switch (s.kind()) {
        case "limitMove", "veto", "rateFloor", "rateCap" -> true;
        default -> false;
      };
      if (bounding && s.outcome() == org.ratefloat.decision.StepTrace.Outcome.FIRED && !s.effect().equals("none")) {
        out.add(s.step());
      }
    }
    return out;
  }

  /**
   * The next case at the representatives of some classes (or each class's last candidate); null if
   * the input rules refuse it.
   */
  private RatingCase caseAt(int[] classes, boolean last) {
    Map<Variable, BigDecimal> point = new LinkedHashMap<>(base);
    for (int i = 0; i < axes.size(); i++) {
      Axis a = axes.get(i);
      int index = (last ? a.last : a.representative).get(classes[i]);
      point.put(a.variable, a.candidates.get(index));
    }
    try {
      return nc.at(point, recordGrades);
    } catch (InputException refused) {
      return null;
    }
  }

  // ------------------------------------------------------------------ candidates

  /** The grid points next to every place where an indicator reading the quantity may cross a bound. */
  private void candidates(Axis a) {
    TreeSet<Q> points = new TreeSet<>();
    for (String id : reads.reachable) {
      if (!reads.reads(id).contains(a.variable)) {
        continue;
      }
      a.relevant.add(id);
      if (reads.denominator(id).contains(a.variable)) {
        inexact(a, id, NotInvertible.Reason.QUANTITY_IN_DENOMINATOR, a.variable.name()
            + " is in the denominator of a ratio the indicator reads");
        continue;
      }
      Set<Variable> others = new LinkedHashSet<>(reads.reads(id));
      others.remove(a.variable);
      others.retainAll(axes.stream().map(x -> x.variable).toList());
      if (!others.isEmpty() && !(reads.spec(id) instanceof IndicatorSpec.Streak)) {
        inexact(a, id, NotInvertible.Reason.SEVERAL_QUANTITIES, "reads " + a.variable.name() + " and "
            + others.stream().map(Variable::name).toList() + " together");
        continue;
      }
      if (!reads.conditions.containsKey(id) && !reads.effectValues.contains(id)) {
        // an amount's value is not part of the outcome (only whether a row adds it): no bound to invert
        a.amountsOnly.add(id);
        continue;
      }
      Shape s;
      try {
        s = shape(id, a);
      } catch (NotInvertibleException e) {
        inexact(a, id, e.reason, e.getMessage() + " (as a function of " + a.variable.name() + ")");
        continue;
      }
      for (Q b : reads.bounds(id)) {
        points.addAll(s.crossings(b));
      }
      if (reads.effectValues.contains(id)) {
        try {
          points.addAll(s.materialized().cuts);
        } catch (NotInvertibleException e) {
          inexact(a, id, e.reason, e.getMessage() + " (as a function of " + a.variable.name() + ")");
        }
      }
    }
    BigDecimal u = a.unit;
    TreeSet<BigDecimal> grid = new TreeSet<>();
    for (Q x : points) {
      BigDecimal g = x.floorTo(u);
      grid.add(g);
      grid.add(g.add(u));
      if (x.onGrid(u)) {
        grid.add(g.subtract(u));
      }
    }
    a.lower.ifPresent(l -> {
      grid.add(l);
      grid.add(l.add(u));
    });
    a.upper.ifPresent(h -> {
      grid.add(h);
      grid.add(h.subtract(u));
    });
    if (grid.isEmpty()) {
      grid.add(base.get(a.variable));
    }
    if (a.upper.isEmpty()) {
      grid.add(grid.last().add(u));
    }
    if (a.lower.isEmpty()) {
      grid.add(grid.first().subtract(u));
    }
    List<BigDecimal> inside = new ArrayList<>();
    for (BigDecimal g : grid) {
      if ((a.lower.isEmpty() || g.compareTo(a.lower.get()) >= 0) && (a.upper.isEmpty() || g.compareTo(a.upper.get()) <= 0)) {
        inside.add(g.stripTrailingZeros().scale() < 0 ? g.setScale(0) : g.setScale(Math.max(u.scale(), 0)));
      }
    }
    a.candidates = inside;
  }

  private void inexact(Axis a, String id, NotInvertible.Reason reason, String detail) {
    a.inexact = true;
    notInvertible.putIfAbsent(id, NotInvertible.of(id, reason, detail));
  }

  /**
   * Classes of candidates: equal when every condition on every indicator reading the quantity, and
   * every value an effect uses, comes out the same (as the engine computes them there).
   */
  private void classes(Axis a) {
    Map<String, Integer> bySignature = new LinkedHashMap<>();
    a.classOf = new int[a.candidates.size()];
    for (int i = 0; i < a.candidates.size(); i++) {
      String sig = signature(a, a.candidates.get(i));
      Integer k = bySignature.get(sig);
      if (k == null) {
        k = bySignature.size();
        bySignature.put(sig, k);
        a.representative.add(i);
        a.last.add(i);
      }
      a.classOf[i] = k;
      a.last.set(k, i);
      if (i == 0 || a.classOf[i - 1] != k) {
        // neighbours more than a unit apart have no bound between them: their classes must agree
        if (i > 0 && !a.inexact
            && a.candidates.get(i).subtract(a.candidates.get(i - 1)).compareTo(a.unit) > 0) {
          if (a.amountsOnly.isEmpty()) {
            throw new IllegalStateException("thresholds of " + a.variable.name() + ": the decision changes between "
                + a.candidates.get(i - 1) + " and " + a.candidates.get(i) + " where no bound was found");
          }
          // only an amount's formula was not inverted: where it stops being computable is not known exactly
          inexact(a, a.amountsOnly.get(0), NotInvertible.Reason.UNSUPPORTED_KIND, "an amount's formula whose "
              + "refusal (a division by zero, a lookup outside its table) changes between " + a.candidates.get(i - 1)
              + " and " + a.candidates.get(i) + " of " + a.variable.name());
        }
        a.runs.add(new int[] {i, k});
      }
    }
  }

  private String signature(Axis a, BigDecimal x) {
    Evaluated e = evaluate(a, x);
    if (e.failure() != null) {
      return "!" + e.failure().code() + e.failure().pointer();
    }
    StringBuilder s = new StringBuilder();
    for (String id : a.relevant) {
      Reading r = e.readings().get(order.get(id));
      s.append(id).append(':');
      if (r.failure().isPresent()) {
        s.append('!').append(r.failure().get().code()).append(r.failure().get().pointer());
      } else if (r.compared().isPresent()) {
        Reading.Fraction f = r.compared().get();
        for (Condition c : reads.conditions.getOrDefault(id, List.of())) {
          s.append(c.admits(f.numerator(), f.denominator()) ? '1' : '0');
        }
        if (reads.effectValues.contains(id)) {
          s.append('=').append(Q.of(f.numerator(), f.denominator()));
        }
      } else if (r.flag().isPresent()) {
        s.append(r.flag().get());
      } else {
        s.append(r.text().orElse(""));
      }
      s.append(';');
    }
    return s.toString();
  }

  /** The indicators at base with one quantity at x (the input rules' cross-checks kept: accidents need victims). */
  private Evaluated evaluate(Axis a, BigDecimal x) {
    return evaluated.computeIfAbsent(a.variable, k -> new HashMap<>()).computeIfAbsent(x, k -> {
      Map<Variable, BigDecimal> point = new LinkedHashMap<>(base);
      point.put(a.variable, x);
      Variable accidents = Variable.of(org.ratefloat.model.Measure.ACCIDENTS);
      Variable injuries = Variable.of(org.ratefloat.model.Measure.INJURIES);
      if (a.variable.equals(accidents) && point.get(injuries) != null && point.get(injuries).compareTo(x) < 0) {
        point.put(injuries, x);
      }
      try {
        return new Evaluated(engine.evaluate(nc.at(point, recordGrades)), null);
      } catch (RateFloatException e) {
        return new Evaluated(List.of(), e);
      }
    });
  }

  // ------------------------------------------------------------------ shapes

  private Shape shape(String id, Axis a) {
    Map<Variable, Shape> known = shapes.computeIfAbsent(id, k -> new HashMap<>());
    Shape s = known.get(a.variable);
    if (s == null) {
      s = computeShape(id, a);
      known.put(a.variable, s);
    }
    return s;
  }

  private Shape computeShape(String id, Axis a) {
    IndicatorSpec spec = reads.spec(id);
    BigDecimal x0 = a.lower.orElse(BigDecimal.ZERO);
    if (spec instanceof IndicatorSpec.CustomValue) {
      return new Shape(Fn.identity(), Optional.empty());
    }
    if (spec instanceof IndicatorSpec.Formula f) {
      return new Shape(eval(f.expr(), a), f.round());
    }
    if (!(spec instanceof IndicatorSpec.Ratio || spec instanceof IndicatorSpec.Total
        || spec instanceof IndicatorSpec.Streak)) {
      throw new NotInvertibleException(NotInvertible.Reason.UNSUPPORTED_KIND, "a " + spec.kind().jsonName()
          + " indicator is not inverted");
    }
    // the kind fixes the shape; two values the engine computes fix its figures exactly
    Reading r0 = reading(a, x0, id);
    Reading r1 = reading(a, x0.add(a.unit), id);
    if (r0 == null || r1 == null || r0.unrounded().isEmpty() || r1.unrounded().isEmpty()) {
      return new Shape(Fn.undefined(), Optional.empty());
    }
    Q v0 = q(r0.unrounded().get());
    Q v1 = q(r1.unrounded().get());
    if (spec instanceof IndicatorSpec.Streak) {
      return new Shape(Fn.step(Q.of(x0).add(Q.of(a.unit).div(Q.of(new BigDecimal("2")))), v0, v1), Optional.empty());
    }
    if (spec instanceof IndicatorSpec.Total t && t.measure().isPresent()
        && t.measure().get().kind() == org.ratefloat.model.Measure.Kind.PEAK) {
      // the largest of the periods': the past's, or the coming period's x
      return new Shape(Fn.peak(v0), Optional.empty());
    }
    Q slope = v1.sub(v0).div(Q.of(a.unit));
    Fn line = Fn.affine(v0.sub(slope.mul(Q.of(x0))), slope);
    return new Shape(line, spec instanceof IndicatorSpec.Ratio ratio ? ratio.round() : Optional.empty());
  }

  private Reading reading(Axis a, BigDecimal x, String id) {
    Evaluated e = evaluate(a, x);
    if (e.failure() != null) {
      return null;
    }
    Reading r = e.readings().get(order.get(id));
    return r.failure().isPresent() ? null : r;
  }

  private static Q q(Reading.Fraction f) {
    return Q.of(f.numerator(), f.denominator());
  }

  /** A formula as a function of the quantity, from the compared values of the indicators it reads. */
  private Fn eval(Expr e, Axis a) {
    if (e instanceof Expr.Const k) {
      return Fn.constant(Q.of(k.value()));
    }
    if (e instanceof Expr.Ref r) {
      if (reads.reads(r.indicator()).contains(a.variable)) {
        return shape(r.indicator(), a).materialized();
      }
      Reading at = reading(a, base.get(a.variable), r.indicator());
      return at == null || at.compared().isEmpty() ? Fn.undefined() : Fn.constant(q(at.compared().get()));
    }
    ReferenceData data = m.data().forClass(String.valueOf(riskClass));
    if (e instanceof Expr.Data d) {
      return Fn.constant(Q.of(data.scalars().get(d.name())));
    }
    if (e instanceof Expr.Lookup l) {
      ReferenceData.StepTable t = data.steps().get(l.table());
      return Fn.lookup(eval(l.key(), a), t.keys(), t.values(), t.interpolate());
    }
    if (e instanceof Expr.Clamp c) {
      return Fn.clamp(eval(c.value(), a), eval(c.low(), a), eval(c.high(), a));
    }
    if (e instanceof Expr.Round r) {
      return eval(r.value(), a).round(r.rounding());
    }
    if (e instanceof Expr.Op op) {
      Fn acc = eval(op.args().get(0), a);
      for (int i = 1; i < op.args().size(); i++) {
        Fn nextArg = eval(op.args().get(i), a);
        acc = switch (op.op()) {
          case ADD -> acc.add(nextArg);
          case SUB -> acc.sub(nextArg);
          case MUL -> acc.mul(nextArg);
          case DIV -> acc.div(nextArg);
          case MIN -> acc.min(nextArg);
          case MAX -> acc.max(nextArg);
        };
      }
      return acc;
    }
    // claim fields, exposures and accident sums exist only inside claims and exposures indicators
    throw new NotInvertibleException(NotInvertible.Reason.UNSUPPORTED_KIND, "reads " + e.getClass().getSimpleName());
  }

  // ------------------------------------------------------------------ boxes

  /**
   * The cells (one run of each quantity) merged into boxes, per outcome: the quantities taken in the
   * order of their runs, fewest first, but with the one first that gives the fewest boxes there
   * (while the cells are few), each box a run range per quantity in the axes' own order.
   */
  private Map<Integer, List<List<int[]>>> merge(int[] outcomeOf) {
    int k = axes.size();
    List<Integer> byRuns = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      byRuns.add(i);
    }
    byRuns.sort(Comparator.comparingInt(i -> axes.get(i).runs.size()));
    long cells = 1;
    for (Axis a : axes) {
      cells *= a.runs.size();
    }
    // the quantity that merges best goes first (each tried first, the others by their runs); the rest by runs
    List<Integer> chosen = byRuns;
    if (cells <= OPTIMISED_MERGE && k > 1) {
      int fewest = Integer.MAX_VALUE;
      for (Integer first : byRuns) {
        List<Integer> trial = new ArrayList<>();
        trial.add(first);
        byRuns.stream().filter(x -> !x.equals(first)).forEach(trial::add);
        int n = count(mergeIn(trial, outcomeOf));
        if (n < fewest) {
          fewest = n;
          chosen = trial;
        }
      }
    }
    List<Integer> axisOrder = chosen;
    Map<Integer, List<List<int[]>>> inOrder = mergeIn(axisOrder, outcomeOf);
    // back to the axes' own order
    Map<Integer, List<List<int[]>>> out = new LinkedHashMap<>();
    inOrder.forEach((o, boxes) -> {
      List<List<int[]>> list = new ArrayList<>();
      for (List<int[]> b : boxes) {
        int[][] byAxis = new int[k][];
        for (int p = 0; p < k; p++) {
          byAxis[axisOrder.get(p)] = b.get(p);
        }
        list.add(List.of(byAxis));
      }
      out.put(o, list);
    });
    return out;
  }

  private static int count(Map<Integer, List<List<int[]>>> boxes) {
    return boxes.values().stream().mapToInt(List::size).sum();
  }

  /** A box as run ranges, comparable by value (for grouping equal sub-boxes). */
  private record Spans(List<Long> packed) {}

  private Map<Integer, List<List<int[]>>> mergeIn(List<Integer> axisOrder, int[] outcomeOf) {
    Map<Integer, List<Spans>> merged = mergeFrom(0, axisOrder, new int[axes.size()], outcomeOf);
    Map<Integer, List<List<int[]>>> out = new LinkedHashMap<>();
    merged.forEach((o, list) -> {
      List<List<int[]>> boxes = new ArrayList<>();
      for (Spans s : list) {
        List<int[]> b = new ArrayList<>();
        for (long p : s.packed()) {
          b.add(new int[] {(int) (p >>> 32), (int) p});
        }
        boxes.add(b);
      }
      out.put(o, boxes);
    });
    return out;
  }

  /** Boxes of the axes from {@code depth} on, with the runs of the earlier axes fixed in {@code runs}. */
  private Map<Integer, List<Spans>> mergeFrom(int depth, List<Integer> axisOrder, int[] runs, int[] outcomeOf) {
    if (depth == axisOrder.size()) {
      int o = outcomeOf[combination(runs)];
      return o < 0 ? Map.of() : Map.of(o, List.of(new Spans(List.of())));
    }
    Axis a = axes.get(axisOrder.get(depth));
    // for each outcome, each sub-box and the runs of this axis where it appears
    Map<Integer, LinkedHashMap<Spans, List<Integer>>> where = new LinkedHashMap<>();
    for (int r = 0; r < a.runs.size(); r++) {
      runs[axisOrder.get(depth)] = r;
      Map<Integer, List<Spans>> sub = mergeFrom(depth + 1, axisOrder, runs, outcomeOf);
      for (Map.Entry<Integer, List<Spans>> e : sub.entrySet()) {
        LinkedHashMap<Spans, List<Integer>> byBox = where.computeIfAbsent(e.getKey(), x -> new LinkedHashMap<>());
        for (Spans s : e.getValue()) {
          byBox.computeIfAbsent(s, x -> new ArrayList<>()).add(r);
        }
      }
    }
    Map<Integer, List<Spans>> out = new java.util.TreeMap<>();
    where.forEach((o, byBox) -> {
      List<Spans> list = new ArrayList<>();
      byBox.forEach((box, rs) -> {
        int start = rs.get(0);
        for (int i = 1; i <= rs.size(); i++) {
          if (i == rs.size() || rs.get(i) != rs.get(i - 1) + 1) {
            List<Long> packed = new ArrayList<>(box.packed().size() + 1);
            packed.add(((long) start << 32) | (rs.get(i - 1) & 0xffffffffL));
            packed.addAll(box.packed());
            list.add(new Spans(packed));
            if (i < rs.size()) {
              start = rs.get(i);
            }
          }
        }
      });
      out.put(o, list);
    });
    return out;
  }

  /** The index of the combination of classes that a choice of one run per axis falls in. */
  private int combination(int[] runs) {
    int k = 0;
    for (int i = 0; i < axes.size(); i++) {
      Axis a = axes.get(i);
      k = k * a.representative.size() + a.runs.get(runs[i])[1];
    }
    return k;
  }
}
