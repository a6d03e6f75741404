package org.ratefloat.rules;

import org.ratefloat.text.Message;

import org.ratefloat.error.Finding;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.Finding.Severity;

/**
 * Static analysis of a loaded rule table. For every table and gate it enumerates the elementary
 * cells of its inputs exactly: along each indicator, every bound written in the rows and one value
 * inside each stretch between them, restricted to the indicator's domain (ratios rounded to 2
 * decimals take values 0.01 apart, counts are whole, flags are true or false). Every cell is matched
 * against every row, which finds gaps, overlaps and rows that never fire without sampling.
 */
final class Analyzer {
  private static final BigDecimal TWO = new BigDecimal("2");
  /** Steps with more cells than this are not analysed (and say so). */
  static final long MAX_CELLS = 250_000;
  /**
   * Steps whose cells times rows exceed this are not analysed either, nor steps after the table has
   * spent twice as much: the analysis time of a table is bounded (about a second per 10 million).
   */
  static final long MAX_WORK = 10_000_000;
  private static final int MAX_GAPS_PER_STEP = 5;
  /** Overlaps reported one by one per step; the rest are counted. */
  static final int MAX_OVERLAPS_PER_STEP = 10;
  /** Findings of one table listed one by one; the rest are counted per code. */
  static final int MAX_FINDINGS = 200;

  private final LoadedTable table;
  private final RuleTableSpec spec;
  private final Map<String, IndicatorSpec> indicators = new LinkedHashMap<>();
  private final List<Finding> findings = new ArrayList<>();
  private long work;
  private final Map<ErrorCode, Integer> suppressed = new java.util.EnumMap<>(ErrorCode.class);
  private final Map<ErrorCode, Severity> suppressedSeverity = new java.util.EnumMap<>(ErrorCode.class);

  private Analyzer(LoadedTable table) {
    this.table = table;
    this.spec = table.measure();
    spec.indicators().forEach(i -> indicators.put(i.id(), i));
  }

  /** Every finding, errors first, each in table order. */
  static ImmutableList<Finding> analyze(LoadedTable table) {
    Analyzer a = new Analyzer(table);
    a.run();
    a.suppressed.forEach((code, n) -> a.findings.add(Finding.of(code, a.suppressedSeverity.get(code),
        a.spec.source(), "", "lint.suppressed", Message.of("lint.suppressed", "n", n, "code", code.name()).values())));
    List<Finding> sorted = new ArrayList<>(a.findings);
    sorted.sort(java.util.Comparator.comparing(Finding::severity));
    return ImmutableList.copyOf(sorted);
  }

  /** Adds a finding told by a sentence of the message catalogue, its values given as name, value … */
  private void add(ErrorCode code, Severity severity, String pointer, String key, Object... namesAndValues) {
    Message m = Message.of(key, namesAndValues);
    add(Finding.of(code, severity, spec.source(), pointer, m.key(), m.values()));
  }

  private void add(Finding finding) {
    ErrorCode code = finding.code();
    Severity severity = finding.severity();
    String pointer = finding.pointer();
    if (severity != Severity.ERROR && allowed(code, pointer)) {
      return;
    }
    if (findings.size() >= MAX_FINDINGS) {
      suppressed.merge(code, 1, Integer::sum);
      suppressedSeverity.merge(code, severity, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      return;
    }
    findings.add(finding);
  }

  private boolean allowed(ErrorCode code, String pointer) {
    for (Map.Entry<String, ImmutableSet<String>> e : spec.allowed().entrySet()) {
      if ((pointer.equals(e.getKey()) || pointer.startsWith(e.getKey() + "/"))
          && e.getValue().contains(code.name())) {
        return true;
      }
    }
    return false;
  }

  private void run() {
    unusedIndicators();
    computedValues();
    closedClasses();
    String limiter = null;
    for (StepSpec step : spec.steps()) {
      if (step instanceof StepSpec.Veto || step instanceof StepSpec.LimitMove) {
        limiter = step.id();
      } else if (step instanceof StepSpec.Rows rows) {
        if (limiter != null && changesBand(rows)) {
          add(ErrorCode.RT028, Severity.WARNING, rows.pointer(), "lint.RT028", "step", rows.id(),
              "limiter", limiter);
        }
        ladder(rows);
        cells(rows);
      }
    }
  }

  private static boolean changesBand(StepSpec.Rows rows) {
    return rows.rows().stream().anyMatch(r -> r.then() instanceof Outcome.SetBand
        || r.then() instanceof Outcome.AddBands);
  }

  private void unusedIndicators() {
    Set<String> used = new HashSet<>();
    for (StepSpec step : spec.steps()) {
      if (step instanceof StepSpec.Rows rows) {
        rows.rows().forEach(r -> used.addAll(indicatorsOf(r.when())));
      } else if (step instanceof StepSpec.Veto veto) {
        used.addAll(indicatorsOf(veto.when()));
      }
    }
    for (IndicatorSpec i : spec.indicators()) {
      if (i instanceof IndicatorSpec.Formula f) {
        IndicatorParser.refs(f.expr()).forEach(r -> used.add(r.indicator()));
      }
    }
    for (StepSpec step : spec.steps()) {
      if (step instanceof StepSpec.Rows rows) {
        rows.rows().forEach(r -> effects(r.then()).forEach(e -> computedIn(e).ifPresent(used::add)));
      } else if (step instanceof StepSpec.RateLimit limit) {
        limit.indicator().ifPresent(used::add);
      }
    }
    spec.worksheet().forEach(line -> used.add(line.indicator()));
    for (IndicatorSpec i : spec.indicators()) {
      if (!used.contains(i.id())) {
        add(ErrorCode.RT029, Severity.WARNING, i.pointer(), "lint.RT029", "indicator", i.id());
      }
    }
  }

  /**
   * What interval arithmetic proves of the values formulas compute (@2): every lookup key lies at
   * or above the first key of its step table (RT035: an error where it provably can fall below, a
   * warning where nothing bounds it), and every factor a row multiplies the rate by is positive
   * (RT036, a warning where it is not proven).
   */
  private Intervals intervals;

  /** Interval arithmetic over this table's formulas, from the domains of the other indicators. */
  private Intervals intervals() {
    if (intervals == null) {
      intervals = new Intervals(indicators, spec.data(), i -> {
        ValueDomain.Numbers d = numbers(i, null);
        return new Intervals.Range(d.lo().map(Condition.Bound::value), d.hi().map(Condition.Bound::value));
      });
    }
    return intervals;
  }

  private void computedValues() {
    Intervals intervals = intervals();
    for (IndicatorSpec i : spec.indicators()) {
      if (i instanceof IndicatorSpec.Formula f) {
        lookups(f.id(), f.expr(), intervals);
        classCoverage(f.id(), f.expr());
      } else if (i instanceof IndicatorSpec.Claims c && c.each().isPresent()) {
        lookups(c.id(), c.each().get(), intervals);
        classCoverage(c.id(), c.each().get());
        c.perAccident().ifPresent(a -> {
          lookups(c.id(), a, intervals);
          classCoverage(c.id(), a);
        });
      } else if (i instanceof IndicatorSpec.Exposures x) {
        lookups(x.id(), x.each(), intervals);
        classCoverage(x.id(), x.each());
      }
    }
    for (StepSpec step : spec.steps()) {
      if (step instanceof StepSpec.Rows rows) {
        for (RowSpec row : rows.rows()) {
          for (Outcome e : effects(row.then())) {
            if (!(e instanceof Outcome.MultiplyRateBy by)) {
              continue;
            }
            Intervals.Range r = intervals.of(indicators.get(by.indicator()));
            if (r.lo().isEmpty() || r.lo().get().signum() <= 0) {
              add(ErrorCode.RT036, Severity.WARNING, by.pointer(), "lint.RT036", "row", row.id(),
                  "indicator", by.indicator(), "range", r.describe());
            }
          }
        }
      } else if (step instanceof StepSpec.RateLimit limit && limit.indicator().isPresent()) {
        // the benchmark is positive, so benchmark x value is positive exactly when the value is
        Intervals.Range r = intervals.of(indicators.get(limit.indicator().get()));
        if (r.lo().isEmpty() || r.lo().get().signum() <= 0) {
          add(ErrorCode.RT037, Severity.WARNING, limit.indicatorPointer(), limit.timesBenchmark()
              ? "lint.RT037.benchmark" : "lint.RT037", "step", limit.id(), "indicator", limit.indicator().get(),
              "range", r.describe());
        }
      }
    }
  }

  /**
   * Every class of a closed classification has its class row (RT040): a case of that class would be
   * refused for want of one (IN053), though the table says it rates it.
   */
  private void closedClasses() {
    spec.data().classes().ifPresent(rows -> rows.closed().ifPresent(closed -> {
      int i = 0;
      for (String code : closed) {
        if (!rows.rows().containsKey(code)) {
          add(ErrorCode.RT040, Severity.ERROR, rows.closedPointer() + "/" + i, rows.rows().isEmpty()
              ? "lint.RT040.closed" : "lint.RT040.closed.rows", "system", rows.system(), "code", code,
              "n", rows.rows().size(), "first", rows.rows().isEmpty() ? "" : rows.rows().firstKey(),
              "last", rows.rows().isEmpty() ? "" : rows.rows().lastKey());
        }
        i++;
      }
    }));
  }

  /** The single effects of an outcome (the parts of a row's several effects). */
  private static List<Outcome> effects(Outcome o) {
    if (o instanceof Outcome.RateEffects all) {
      return List.copyOf(all.effects());
    }
    return List.of(o);
  }

  /** The formula an effect reads, if any. */
  private static java.util.Optional<String> computedIn(Outcome o) {
    if (o instanceof Outcome.MultiplyRateBy by) {
      return java.util.Optional.of(by.indicator());
    }
    if (o instanceof Outcome.AddAmount a) {
      return a.indicator();
    }
    return java.util.Optional.empty();
  }

  private void lookups(String f, Expr e, Intervals intervals) {
    if (e instanceof Expr.Power w && w.q() > 1) {
      Intervals.Range base = intervals.of(w.base());
      if (base.lo().isEmpty() || base.lo().get().signum() < 0) {
        add(ErrorCode.RT042, Severity.WARNING, w.pointer(), w.p() == 1 && w.q() == 2 ? "lint.RT042.sqrt"
            : "lint.RT042.power", "formula", f, "exponent", w.exponent().toPlainString(), "range", base.describe());
      }
    }
    if (e instanceof Expr.Lookup l) {
      BigDecimal first = spec.data().steps().get(l.table()).first();
      Intervals.Range k = intervals.of(l.key());
      if (k.lo().isEmpty()) {
        add(ErrorCode.RT035, Severity.WARNING, l.pointer(), "lint.RT035.unbounded", "formula", f,
            "table", l.table(), "range", k.describe(), "first", first.toPlainString());
      } else if (k.lo().get().compareTo(first) < 0) {
        add(ErrorCode.RT035, Severity.ERROR, l.pointer(), "lint.RT035.below", "formula", f,
            "table", l.table(), "low", k.lo().get().toPlainString(), "first", first.toPlainString());
      }
    }
    IndicatorParser.children(e).forEach(c -> lookups(f, c, intervals));
  }

  /**
   * Values by class a formula reads must exist for every class the table covers (RT040): a decision
   * for a class without one would have nothing to read.
   */
  private void classCoverage(String f, Expr e) {
    if (e instanceof Expr.Data d && spec.data().byClass().containsKey(d.name())) {
      ReferenceData.ByClass rows = spec.data().byClass().get(d.name());
      List<Integer> missing = table.basis().benchmarks().keySet().stream()
          .filter(c -> !rows.rows().containsKey(String.valueOf(c))).sorted().toList();
      if (!missing.isEmpty()) {
        add(ErrorCode.RT040, Severity.ERROR, d.pointer(), missing.size() == 1
            ? "lint.RT040.byClass.one" : "lint.RT040.byClass", "formula", f, "name", d.name(),
            "where", rows.source() + rows.pointer(), "missing", missing);
      }
    }
    IndicatorParser.children(e).forEach(c -> classCoverage(f, c));
  }

  private static Set<String> indicatorsOf(Guard g) {
    Set<String> ids = new LinkedHashSet<>();
    g.all().forEach(c -> ids.add(c.indicator()));
    g.any().forEach(group -> group.forEach(c -> ids.add(c.indicator())));
    return ids;
  }

  /** The classes a step applies to (every class for null). */
  private List<Integer> classes(StepSpec step) {
    List<Integer> all = new ArrayList<>();
    for (int c : table.basis().ladders().keySet()) {
      if (step == null || step.appliesTo(c)) {
        all.add(c);
      }
    }
    return all;
  }

  /** Band targets must exist on the ladders of the classes the step applies to. */
  private void ladder(StepSpec.Rows rows) {
    if (rows.relativeToCurrent()) {
      return;
    }
    List<Integer> classes = classes(rows);
    for (RowSpec row : rows.rows()) {
      if (!(row.then() instanceof Outcome.SetBand s) || s.target() != Outcome.Target.OFFSET) {
        continue;
      }
      List<Integer> outside = new ArrayList<>();
      for (int c : classes) {
        int bench = table.basis().benchmarkIndex(c);
        int size = table.basis().ladders().get(c).size();
        if (s.offset() < -bench || s.offset() > size - 1 - bench) {
          outside.add(c);
        }
      }
      String band = (s.offset() > 0 ? "+" : "") + s.offset();
      if (!outside.isEmpty() && outside.size() == classes.size()) {
        add(ErrorCode.RT024, Severity.ERROR, row.pointer() + "/then/band", "lint.RT024", "band", band,
            "classes", classes);
      } else if (!outside.isEmpty()) {
        add(ErrorCode.RT025, Severity.INFO, row.pointer() + "/then/band", "lint.RT025", "band", band,
            "classes", outside);
      }
    }
  }

  // ------------------------------------------------------------------ cells

  /** One elementary stretch of an indicator's values, with a value inside it. */
  private record Cell(Object value, Optional<Condition.Bound> lo, Optional<Condition.Bound> hi, String text) {}

  private void cells(StepSpec.Rows step) {
    List<String> dims = new ArrayList<>();
    for (RowSpec row : step.rows()) {
      for (String id : indicatorsOf(row.when())) {
        if (!dims.contains(id)) {
          dims.add(id);
        }
      }
    }
    List<List<Cell>> cells = new ArrayList<>();
    long total = 1;
    for (String dim : dims) {
      List<Cell> c = cellsOf(dim, step);
      cells.add(c);
      total *= Math.max(1, c.size());
      if (total > MAX_CELLS || total * step.rows().size() > MAX_WORK) {
        add(ErrorCode.RT026, Severity.WARNING, step.pointer(), total > MAX_CELLS
            ? "lint.RT026.cells" : "lint.RT026.tests", "step", step.id(), "n", total > MAX_CELLS ? MAX_CELLS : MAX_WORK,
            "dims", dims);
        return;
      }
    }
    work += total * step.rows().size();
    if (work > 2 * MAX_WORK) {
      add(ErrorCode.RT026, Severity.WARNING, step.pointer(), "lint.RT026.total", "n", 2 * MAX_WORK,
          "step", step.id());
      return;
    }
    int rows = step.rows().size();
    boolean[] fires = new boolean[rows];
    java.util.BitSet reported = new java.util.BitSet();
    int overlaps = 0;
    List<int[]> gaps = new ArrayList<>();
    int[] index = new int[dims.size()];
    Map<String, Object> values = new LinkedHashMap<>();
    boolean empty = cells.stream().anyMatch(List::isEmpty);
    while (!empty) {
      for (int d = 0; d < dims.size(); d++) {
        values.put(dims.get(d), cells.get(d).get(index[d]).value());
      }
      int first = -1;
      for (int r = 0; r < rows; r++) {
        if (!holds(step.rows().get(r).when(), values)) {
          continue;
        }
        if (first < 0) {
          first = r;
          fires[r] = true;
          if (step instanceof StepSpec.Gate) {
            break;
          }
          continue;
        }
        RowSpec a = step.rows().get(first);
        RowSpec b = step.rows().get(r);
        int pair = first * rows + r;
        boolean unique = step.hitPolicy() == StepSpec.HitPolicy.UNIQUE;
        if (unique) {
          fires[r] = true;
        }
        if ((unique || (!a.then().equals(b.then()) && !b.when().isAlways())) && !reported.get(pair)) {
          reported.set(pair);
          if (++overlaps <= MAX_OVERLAPS_PER_STEP) {
            if (unique) {
              add(ErrorCode.RT021, Severity.ERROR, a.pointer(), "lint.RT021", "other", b.pointer(),
                  "where", overlap(step, a, b, dims, cells, index));
            } else {
              add(ErrorCode.RT022, Severity.WARNING, a.pointer(), "lint.RT022", "other", b.pointer(),
                  "where", overlap(step, a, b, dims, cells, index), "row", a.id());
            }
          }
        }
      }
      if (first < 0 && step.noMatchIsError()) {
        gaps.add(index.clone());
      }
      if (!advance(index, cells)) {
        break;
      }
    }
    if (overlaps > MAX_OVERLAPS_PER_STEP) {
      boolean unique = step.hitPolicy() == StepSpec.HitPolicy.UNIQUE;
      add(unique ? ErrorCode.RT021 : ErrorCode.RT022, unique ? Severity.ERROR : Severity.WARNING, step.pointer(),
          "lint.overlaps.more", "n", overlaps - MAX_OVERLAPS_PER_STEP, "step", step.id());
    }
    reportGaps(step, dims, cells, gaps);
    for (int r = 0; r < rows; r++) {
      if (!fires[r] && !empty) {
        RowSpec row = step.rows().get(r);
        add(ErrorCode.RT023, Severity.WARNING, row.pointer(), step.hitPolicy() == StepSpec.HitPolicy.FIRST
            ? "lint.RT023.first" : "lint.RT023.domain", "row", row.id());
      }
    }
  }

  private static boolean advance(int[] index, List<List<Cell>> cells) {
    for (int d = index.length - 1; d >= 0; d--) {
      if (++index[d] < cells.get(d).size()) {
        return true;
      }
      index[d] = 0;
    }
    return false;
  }

  private void reportGaps(StepSpec.Rows step, List<String> dims, List<List<Cell>> cells, List<int[]> gaps) {
    if (gaps.isEmpty()) {
      return;
    }
    List<String> texts = new ArrayList<>();
    if (dims.size() == 1) {
      // merge neighbouring cells into intervals: (50, 60) and [60, 60] read as (50, 60]
      List<Cell> line = cells.get(0);
      int start = -1;
      int previous = -2;
      for (int[] g : gaps) {
        if (g[0] != previous + 1) {
          if (start >= 0) {
            texts.add(dims.get(0) + " " + merged(line, start, previous));
          }
          start = g[0];
        }
        previous = g[0];
      }
      texts.add(dims.get(0) + " " + merged(line, start, previous));
    } else {
      for (int[] g : gaps) {
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < dims.size(); d++) {
          parts.add(dims.get(d) + " " + cells.get(d).get(g[d]).text());
        }
        texts.add(String.join(", ", parts));
      }
    }
    int shown = 0;
    for (String t : texts) {
      if (shown++ == MAX_GAPS_PER_STEP) {
        add(ErrorCode.RT020, Severity.ERROR, step.pointer(), "lint.RT020.more", "n",
            texts.size() - MAX_GAPS_PER_STEP);
        break;
      }
      add(ErrorCode.RT020, Severity.ERROR, step.pointer(), "lint.RT020", "where", t);
    }
  }

  private static String merged(List<Cell> line, int from, int to) {
    Cell a = line.get(from);
    Cell b = line.get(to);
    if (from == to) {
      return a.text();
    }
    return interval(a.lo(), b.hi());
  }

  private static String interval(Optional<Condition.Bound> lo, Optional<Condition.Bound> hi) {
    if (lo.isPresent() && hi.isPresent() && lo.get().inclusive() && hi.get().inclusive()
        && lo.get().value().compareTo(hi.get().value()) == 0) {
      return "= " + lo.get().value().toPlainString();
    }
    return lo.map(b -> (b.inclusive() ? "[" : "(") + b.value().toPlainString()).orElse("(-inf")
        + ", " + hi.map(b -> b.value().toPlainString() + (b.inclusive() ? "]" : ")")).orElse("+inf)");
  }

  /** The region where rows a and b both hold, per indicator, as precisely as their conditions say. */
  private String overlap(StepSpec step, RowSpec a, RowSpec b, List<String> dims, List<List<Cell>> cells,
      int[] index) {
    List<String> parts = new ArrayList<>();
    for (int d = 0; d < dims.size(); d++) {
      String dim = dims.get(d);
      Optional<Condition> ca = only(a.when(), dim);
      Optional<Condition> cb = only(b.when(), dim);
      Cell cell = cells.get(d).get(index[d]);
      if (ca.isEmpty() && cb.isEmpty()) {
        continue;
      }
      if (indicators.get(dim).type() == ValueType.NUMBER && (ca.isPresent() || cb.isPresent())
          && ca.map(c -> c.is().isEmpty() && c.in().isEmpty()).orElse(true)
          && cb.map(c -> c.is().isEmpty() && c.in().isEmpty()).orElse(true)) {
        ValueDomain.Numbers domain = numbers(indicators.get(dim), step);
        Optional<Condition.Bound> lo = max(max(ca.flatMap(Condition::lower), cb.flatMap(Condition::lower)),
            domain.lo());
        Optional<Condition.Bound> hi = min(min(ca.flatMap(Condition::upper), cb.flatMap(Condition::upper)),
            domain.hi());
        parts.add(dim + " " + interval(lo, hi));
      } else {
        parts.add(dim + " " + cell.text());
      }
    }
    return parts.isEmpty() ? "every value" : String.join(", ", parts);
  }

  private static Optional<Condition> only(Guard g, String dim) {
    return g.all().stream().filter(c -> c.indicator().equals(dim)).findFirst();
  }

  private static Optional<Condition.Bound> max(Optional<Condition.Bound> a, Optional<Condition.Bound> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    int c = a.get().value().compareTo(b.get().value());
    return c > 0 || (c == 0 && !a.get().inclusive()) ? a : b;
  }

  private static Optional<Condition.Bound> min(Optional<Condition.Bound> a, Optional<Condition.Bound> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    int c = a.get().value().compareTo(b.get().value());
    return c < 0 || (c == 0 && !a.get().inclusive()) ? a : b;
  }

  private static boolean holds(Guard g, Map<String, Object> values) {
    return g.holds(c -> test(c, values.get(c.indicator())));
  }

  private static boolean test(Condition c, Object value) {
    if (value instanceof BigDecimal x) {
      return c.admits(x);
    }
    if (value instanceof Boolean b) {
      return c.admits(b.booleanValue());
    }
    return c.admits((String) value);
  }

  // ------------------------------------------------------------------ domains

  private List<Cell> cellsOf(String dim, StepSpec step) {
    IndicatorSpec ind = indicators.get(dim);
    ValueDomain values = domain(ind, step);
    if (values instanceof ValueDomain.Booleans) {
      return List.of(new Cell(false, Optional.empty(), Optional.empty(), "= false"),
          new Cell(true, Optional.empty(), Optional.empty(), "= true"));
    }
    if (values instanceof ValueDomain.Texts texts) {
      List<Cell> cells = new ArrayList<>();
      texts.values().forEach(t -> cells.add(new Cell(t, Optional.empty(), Optional.empty(), "= " + t)));
      return cells;
    }
    ValueDomain.Numbers domain = (ValueDomain.Numbers) values;
    java.util.TreeSet<BigDecimal> bounds = new java.util.TreeSet<>();
    for (RowSpec row : ((StepSpec.Rows) step).rows()) {
      List<Condition> conds = new ArrayList<>(row.when().all());
      row.when().any().forEach(conds::addAll);
      for (Condition c : conds) {
        if (c.indicator().equals(dim)) {
          c.lower().ifPresent(b -> bounds.add(b.value()));
          c.upper().ifPresent(b -> bounds.add(b.value()));
        }
      }
    }
    List<Cell> cells = new ArrayList<>();
    List<BigDecimal> b = new ArrayList<>(bounds);
    Optional<Condition.Bound> lowEdge = domain.lo();
    for (int i = 0; i <= b.size(); i++) {
      Optional<Condition.Bound> highEdge = i < b.size()
          ? Optional.of(new Condition.Bound(b.get(i), false)) : domain.hi();
      // the open stretch between two bounds, cut to the domain
      Optional<Condition.Bound> lo = max(lowEdge, domain.lo());
      Optional<Condition.Bound> hi = min(highEdge, domain.hi());
      Optional<BigDecimal> x = inside(lo, hi, domain);
      if (x.isPresent()) {
        cells.add(new Cell(x.get(), lo, hi, interval(lo, hi)));
      }
      if (i < b.size()) {
        BigDecimal point = b.get(i);
        if (domain.contains(point)) {
          Optional<Condition.Bound> at = Optional.of(new Condition.Bound(point, true));
          cells.add(new Cell(point, at, at, interval(at, at)));
        }
        lowEdge = Optional.of(new Condition.Bound(point, false));
      }
    }
    return cells;
  }

  /** A value of the domain strictly between two edges (inclusive where the edge says so), if any. */
  private static Optional<BigDecimal> inside(Optional<Condition.Bound> lo, Optional<Condition.Bound> hi,
      ValueDomain.Numbers domain) {
    BigDecimal candidate;
    if (domain.step().signum() > 0) {
      BigDecimal s = domain.step();
      if (lo.isEmpty()) {
        BigDecimal top = hi.orElseThrow().value();
        candidate = top.divide(s, 0, RoundingMode.FLOOR).multiply(s);
        if (candidate.compareTo(top) >= 0 && !hi.get().inclusive()) {
          candidate = candidate.subtract(s);
        }
      } else {
        BigDecimal bottom = lo.get().value();
        candidate = bottom.divide(s, 0, RoundingMode.CEILING).multiply(s);
        if (candidate.compareTo(bottom) == 0 && !lo.get().inclusive()) {
          candidate = candidate.add(s);
        }
      }
    } else if (lo.isEmpty()) {
      candidate = hi.orElseThrow().value().subtract(BigDecimal.ONE);
    } else if (hi.isEmpty()) {
      candidate = lo.get().value().add(BigDecimal.ONE);
    } else if (lo.get().inclusive()) {
      candidate = lo.get().value();
    } else if (hi.get().inclusive()) {
      candidate = hi.get().value();
    } else {
      candidate = lo.get().value().add(hi.get().value()).divide(TWO);
    }
    Condition probe = new Condition("", "", lo, hi, Optional.empty(), ImmutableSet.of());
    if (lo.isEmpty() && hi.isEmpty()) {
      return Optional.empty();
    }
    return probe.admits(candidate) && domain.contains(candidate) ? Optional.of(candidate) : Optional.empty();
  }

  /**
   * The values an indicator can take in a step: those its kind declares ({@link IndicatorSpec#domain}),
   * or those the table declares for it.
   */
  private ValueDomain domain(IndicatorSpec ind, StepSpec step) {
    RuleTableSpec.DeclaredDomain declared = spec.domains().get(ind.id());
    if (declared != null) {
      return declared.numbers();
    }
    return ind.domain(new IndicatorSpec.DomainContext() {
      @Override
      public ValueDomain.Numbers bounds(Expr e) {
        if (spec.formatVersion() < 2) {
          return ValueDomain.Numbers.ANY; // @1 tables are not analysed by interval arithmetic
        }
        Intervals.Range r = intervals().of(e);
        return ValueDomain.Numbers.closed(r.lo(), r.hi(), BigDecimal.ZERO);
      }

      @Override
      public ValueDomain.Numbers bandOffsets() {
        int lo = 0;
        int hi = 0;
        for (int c : classes(step)) {
          int bench = table.basis().benchmarkIndex(c);
          lo = Math.min(lo, -bench);
          hi = Math.max(hi, table.basis().ladders().get(c).size() - 1 - bench);
        }
        return ValueDomain.Numbers.whole(lo, hi);
      }
    });
  }

  /** The domain of a numeric indicator. */
  private ValueDomain.Numbers numbers(IndicatorSpec ind, StepSpec step) {
    ValueDomain d = domain(ind, step);
    if (d instanceof ValueDomain.Numbers n) {
      return n;
    }
    throw new IllegalStateException("indicator " + ind.id() + " has no numeric domain: " + d.describe());
  }
}
