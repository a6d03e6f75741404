package org.ratefloat.inverse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ratefloat.model.Measure;
import org.ratefloat.rules.Condition;
import org.ratefloat.rules.Expr;
import org.ratefloat.rules.Guard;
import org.ratefloat.rules.IndicatorSpec;
import org.ratefloat.rules.Outcome;
import org.ratefloat.rules.RowSpec;
import org.ratefloat.rules.RuleTableSpec;
import org.ratefloat.rules.StepSpec;
import org.ratefloat.rules.Window;
import org.ratefloat.thresholds.Variable;

/**
 * What the next decision reads of the coming period: the indicators its steps reach (for the
 * employer's risk class), the bounds its conditions test on each, the indicators whose value an
 * effect uses (a factor, a rate floor or cap, an amount), and which controllable quantities each
 * indicator reads over a window that holds the coming period, or only over windows before it.
 */
final class Reads {
  private final RuleTableSpec m;
  private final Map<String, IndicatorSpec> byId = new HashMap<>();
  private final LocalDate nextAsOf;
  private final LocalDate from;
  private final LocalDate to;
  /** The reachable indicators, in table order. */
  final Set<String> reachable = new LinkedHashSet<>();
  /** The conditions of the reachable steps, by the indicator they test. */
  final Map<String, List<Condition>> conditions = new LinkedHashMap<>();
  /** The indicators whose value an effect uses (all of its changes matter, not only its bounds). */
  final Set<String> effectValues = new LinkedHashSet<>();
  /** The grade ranges of disability totals over the coming period: the boundaries 1..11 split at. */
  final TreeSet<Integer> gradeCuts = new TreeSet<>();
  private final Set<String> customNames;
  private final Map<String, Set<Variable>> reads = new HashMap<>();
  private final Map<String, Set<Variable>> denominators = new HashMap<>();
  /** Variables some reachable indicator reads only over windows before the coming period. */
  final Set<Variable> outsideWindow = new LinkedHashSet<>();

  Reads(RuleTableSpec m, int riskClass, LocalDate nextAsOf, LocalDate from, LocalDate to, Set<String> customNames) {
    this.m = m;
    this.nextAsOf = nextAsOf;
    this.from = from;
    this.to = to;
    this.customNames = customNames;
    m.indicators().forEach(i -> byId.put(i.id(), i));
    List<String> roots = new ArrayList<>();
    for (StepSpec step : m.steps()) {
      if (!step.appliesTo(riskClass)) {
        continue;
      }
      if (step instanceof StepSpec.Rows rows) {
        for (RowSpec row : rows.rows()) {
          guard(row.when(), roots);
          effects(row.then(), roots);
        }
      } else if (step instanceof StepSpec.Veto veto) {
        guard(veto.when(), roots);
      } else if (step instanceof StepSpec.RateLimit limit && limit.indicator().isPresent()) {
        roots.add(limit.indicator().get());
        effectValues.add(limit.indicator().get());
      }
    }
    for (String root : roots) {
      reach(root);
    }
    // the disability grade ranges read over the coming period split 1..10 into the variables
    for (String id : reachable) {
      if (byId.get(id) instanceof IndicatorSpec.Total t && t.measure().isEmpty() && holds(t.window())) {
        gradeCuts.add(t.gradeFrom());
        gradeCuts.add(t.gradeTo() + 1);
      }
    }
  }

  private void guard(Guard g, List<String> roots) {
    List<Condition> all = new ArrayList<>(g.all());
    g.any().forEach(all::addAll);
    for (Condition c : all) {
      roots.add(c.indicator());
      conditions.computeIfAbsent(c.indicator(), k -> new ArrayList<>()).add(c);
    }
  }

  private void effects(Outcome o, List<String> roots) {
    if (o instanceof Outcome.MultiplyRateBy by) {
      roots.add(by.indicator());
      effectValues.add(by.indicator());
    } else if (o instanceof Outcome.AddAmount a && a.indicator().isPresent()) {
      // whether money is added is the outcome, not how much: the amount's value is not followed
      roots.add(a.indicator().get());
    } else if (o instanceof Outcome.RateEffects e) {
      e.effects().forEach(x -> effects(x, roots));
    }
  }

  private void reach(String id) {
    if (!reachable.add(id)) {
      return;
    }
    if (byId.get(id) instanceof IndicatorSpec.Formula f) {
      refs(f.expr()).forEach(this::reach);
    }
  }

  IndicatorSpec spec(String id) {
    return byId.get(id);
  }

  /** The indicators a formula refers to, in order of appearance. */
  static List<String> refs(Expr e) {
    List<String> out = new ArrayList<>();
    collect(e, out);
    return out;
  }

  private static void collect(Expr e, List<String> out) {
    if (e instanceof Expr.Ref r) {
      out.add(r.indicator());
    } else if (e instanceof Expr.Op op) {
      op.args().forEach(a -> collect(a, out));
    } else if (e instanceof Expr.Clamp c) {
      collect(c.value(), out);
      collect(c.low(), out);
      collect(c.high(), out);
    } else if (e instanceof Expr.Round r) {
      collect(r.value(), out);
    } else if (e instanceof Expr.Lookup l) {
      collect(l.key(), out);
    }
  }

  /** Whether a window, on the next as-of date, holds (some of) the coming period. */
  boolean holds(Window w) {
    LocalDate s = w.start(nextAsOf);
    LocalDate e = w.end(nextAsOf);
    if (w.byStart()) {
      return !from.isBefore(s) && !from.isAfter(e);
    }
    return !e.isBefore(from) && !s.isAfter(to);
  }

  /** The disability grade ranges (variables) the reachable totals split 1..10 into. */
  List<Variable> gradeVariables() {
    List<Variable> out = new ArrayList<>();
    Integer prev = null;
    for (int cut : gradeCuts) {
      if (prev != null) {
        out.add(Variable.disabilityGrades(prev, cut - 1));
      }
      prev = cut;
    }
    return out;
  }

  /** The controllable quantities an indicator reads over the coming period (through its formula too). */
  Set<Variable> reads(String id) {
    Set<Variable> known = reads.get(id);
    if (known != null) {
      return known;
    }
    Set<Variable> out = new LinkedHashSet<>();
    Set<Variable> den = new LinkedHashSet<>();
    IndicatorSpec spec = byId.get(id);
    if (spec instanceof IndicatorSpec.Ratio r) {
      measure(r.numerator(), r.window(), out);
      measure(r.denominator(), r.window(), den);
      out.addAll(den);
    } else if (spec instanceof IndicatorSpec.Total t) {
      if (t.measure().isPresent()) {
        measure(t.measure().get(), t.window(), out);
      } else {
        Set<Variable> grades = new LinkedHashSet<>();
        for (Variable v : gradeVariables()) {
          Variable.DisabilityGrades g = (Variable.DisabilityGrades) v;
          if (g.from() >= t.gradeFrom() && g.to() <= t.gradeTo()) {
            grades.add(v);
          }
        }
        (holds(t.window()) ? out : outsideWindow).addAll(grades);
      }
    } else if (spec instanceof IndicatorSpec.Streak s) {
      int year = nextAsOf.getYear() - 1;
      boolean inside = !LocalDate.of(year, 12, 31).isBefore(from) && !LocalDate.of(year, 1, 1).isAfter(to);
      for (Measure x : s.zero()) {
        if (Variable.controllable(x)) {
          (inside ? out : outsideWindow).add(Variable.of(x));
        }
      }
    } else if (spec instanceof IndicatorSpec.CustomValue c && customNames.contains(c.name())) {
      out.add(Variable.customValue(c.name()));
    } else if (spec instanceof IndicatorSpec.Formula f) {
      reads.put(id, Set.of()); // the parser refused cycles; this only guards the memo
      for (String ref : refs(f.expr())) {
        out.addAll(reads(ref));
        den.addAll(denominators.getOrDefault(ref, Set.of()));
      }
    }
    reads.put(id, out);
    denominators.put(id, den);
    return out;
  }

  /** The quantities an indicator reads in the denominator of a ratio (directly or through a formula). */
  Set<Variable> denominator(String id) {
    reads(id);
    return denominators.getOrDefault(id, Set.of());
  }

  private void measure(Measure x, Window w, Set<Variable> out) {
    if (!Variable.controllable(x)) {
      return;
    }
    if (holds(w)) {
      out.add(Variable.of(x));
    } else {
      outsideWindow.add(Variable.of(x));
    }
  }

  /** The bounds the conditions test on an indicator (each once). */
  List<Q> bounds(String id) {
    TreeSet<Q> out = new TreeSet<>();
    for (Condition c : conditions.getOrDefault(id, List.of())) {
      c.lower().ifPresent(b -> out.add(Q.of(b.value())));
      c.upper().ifPresent(b -> out.add(Q.of(b.value())));
    }
    return new ArrayList<>(out);
  }

}
