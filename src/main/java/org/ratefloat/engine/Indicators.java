package org.ratefloat.engine;

import org.ratefloat.text.Message;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.decision.Value;
import org.ratefloat.model.Claim;
import org.ratefloat.model.ClassCodes;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.SafetyStandardisation;
import org.ratefloat.model.Status;
import org.ratefloat.rules.IndicatorSpec;
import org.ratefloat.rules.Window;

/**
 * Computes the indicators of one decision, by the indicator's type ({@link IndicatorSpec.Visitor}).
 * One instance serves one decision and holds that decision's state, each part named: the case and
 * the table's settings it was made with (final), the epoch days of the case's periods and the
 * periods of the last window ({@link History}, made when first needed), and the defaults taken for
 * values the case leaves out ({@link #assumed}). The claim, exposure or accident a line item is
 * evaluated for is an argument of the evaluation ({@link Item}), never a field set and reset.
 */
final class Indicators implements IndicatorSpec.Visitor<Computed> {

  /** Digits an exact intermediate value of a formula may have (numerator and denominator together). */
  static final int MAX_DIGITS = 1_000;

  private final RatingCase c;
  private final int currentBandOffset;
  private final String source;
  private final org.ratefloat.rules.ReferenceData data;
  /** The windows' days on the case's as-of date. */
  private final Spans spans;
  /** The values of the other indicators of the decision, which formulas read (computed if need be). */
  private final java.util.function.Function<String, Exact> others;
  /** The values the indicators' kinds declare, by id: every computed value lies in its own. */
  private final java.util.function.Function<String, org.ratefloat.rules.ValueDomain> domains;
  /** The case's periods as epoch days, and the periods of the last window. */
  private final History history = new History();
  /** The defaults taken for values the case leaves out, as indicators took them (made at the first). */
  private List<org.ratefloat.decision.Assumption> assumed;

  /**
   * The claim, exposure or accident a line item is evaluated for: a claim's index in the case, an
   * exposure's class code and payroll, or the sum of an accident's line items; {@link #NONE} for a
   * formula, which reads none of them.
   */
  private record Item(int claim, @org.jspecify.annotations.Nullable String exposureClass,
      @org.jspecify.annotations.Nullable BigDecimal exposurePayroll,
      @org.jspecify.annotations.Nullable Exact accidentSum) {
    static final Item NONE = new Item(-1, null, null, null);

    static Item claim(int index) {
      return new Item(index, null, null, null);
    }

    static Item exposure(String code, BigDecimal payroll) {
      return new Item(-1, code, payroll, null);
    }

    static Item accident(Exact sum) {
      return new Item(-1, null, null, sum);
    }
  }

  /**
   * The case's periods as epoch days (made when first needed), and the periods of the last window an
   * indicator asked for: the indicators of a table mostly share one, so they are found once.
   */
  private final class History {
    private long[] fromDay;
    private long[] toDay;
    private Window lastWindow;
    private List<Integer> lastPeriods;

    /** The first epoch day of the period at index i. */
    long from(int i) {
      days();
      return fromDay[i];
    }

    /** The last epoch day of the period at index i. */
    long to(int i) {
      days();
      return toDay[i];
    }

    private void days() {
      if (fromDay == null) {
        List<Period> periods = c.history();
        long[] from = new long[periods.size()];
        long[] to = new long[periods.size()];
        for (int i = 0; i < from.length; i++) {
          from[i] = periods.get(i).from().toEpochDay();
          to[i] = periods.get(i).to().toEpochDay();
        }
        fromDay = from;
        toDay = to;
      }
    }

    /** The periods of a window, found and checked once for equal windows. */
    List<Integer> periodsIn(Window window, String indicator) {
      if (window == lastWindow || window.equals(lastWindow)) {
        return lastPeriods; // the same history in the same window: the same periods, already checked
      }
      lastPeriods = periodsInChecked(window, indicator);
      lastWindow = window;
      return lastPeriods;
    }
  }

  Indicators(RatingCase c, int currentBandOffset, String source, org.ratefloat.rules.ReferenceData data,
      Spans spans, java.util.function.Function<String, Exact> others,
      java.util.function.Function<String, org.ratefloat.rules.ValueDomain> domains) {
    this.c = c;
    this.data = data;
    this.currentBandOffset = currentBandOffset;
    this.source = source;
    this.spans = spans;
    this.others = others;
    this.domains = domains;
    if (data.classes().isPresent()) {
      checkClasses(data.classes().get());
    }
  }

  /** The class rows of the decision's data, each of the case's class codes with a row (checked when made). */
  org.ratefloat.rules.ReferenceData.ClassRows classRows() {
    return data.classes().orElseThrow();
  }

  /** The defaults indicators took for values the case leaves out, in the order they were taken. */
  List<org.ratefloat.decision.Assumption> assumed() {
    return assumed == null ? List.of() : assumed;
  }

  /** Notes that indicator {@code id} took {@code value} for {@code pointer}, absent from the case. */
  private <V extends Value> V assume(String pointer, String id, V value) {
    if (assumed == null) {
      assumed = new java.util.ArrayList<>(2);
    }
    assumed.add(org.ratefloat.decision.Assumption.forIndicator(pointer, id, value));
    return value;
  }

  /**
   * A table with class rows reads the classes of its system only, and each of the case's class
   * codes must have a row: IN052 for another system (or none), IN053 naming the first code without.
   */
  private void checkClasses(org.ratefloat.rules.ReferenceData.ClassRows rows) {
    ClassCodes codes = c.employer().classCodes().orElseThrow(() -> new InputException(ErrorCode.IN052,
        "/employer/classCodes", "error.IN052.none", Message.values("system", rows.system())));
    if (!codes.system().equals(rows.system())) {
      throw new InputException(ErrorCode.IN052, "/employer/classCodes/system", "error.IN052.other",
          Message.values("system", rows.system(), "given", codes.system()));
    }
    int i = 0;
    for (String code : codes.codes()) {
      if (rows.closed().isPresent() && !rows.closed().get().contains(code)) {
        throw new InputException(ErrorCode.IN053, "/employer/classCodes/codes/" + i, "error.IN053.closed",
            Message.values("system", rows.system(), "code", code, "n", rows.closed().get().size(),
                "first", rows.closed().get().first(), "last", rows.closed().get().last()));
      }
      if (!rows.rows().containsKey(code)) {
        throw new InputException(ErrorCode.IN053, "/employer/classCodes/codes/" + i, rows.rows().isEmpty()
            ? "error.IN053.noRows" : "error.IN053.row", Message.values("system", rows.system(), "code", code,
                "n", rows.rows().size(), "first", rows.rows().isEmpty() ? "" : rows.rows().firstKey(),
                "last", rows.rows().isEmpty() ? "" : rows.rows().lastKey()));
      }
      i++;
    }
  }

  /**
   * Computes an indicator, checking that its value lies in the domain its kind declares (a value
   * outside is our fault, not the case's: the static analysis, which proves tables complete over
   * those domains, would be wrong).
   */
  Computed compute(IndicatorSpec spec) {
    Computed v = spec.accept(this);
    org.ratefloat.rules.ValueDomain domain = domains.apply(spec.id());
    boolean inside;
    if (domain instanceof org.ratefloat.rules.ValueDomain.Numbers n) {
      inside = v.exact() != null ? n.contains(v.exact().n(), v.exact().d())
          : n.contains(((Value.Num) v.value()).value());
    } else if (domain instanceof org.ratefloat.rules.ValueDomain.Texts t) {
      inside = t.values().contains(((Value.Text) v.value()).value());
    } else {
      inside = v.value() instanceof Value.Bool;
    }
    if (!inside) {
      throw new IllegalStateException("indicator " + spec.id() + " = " + v.value().render()
          + " lies outside the values its kind declares: " + domain.describe());
    }
    return v;
  }

  @Override
  public Computed safetyStandardGrade(IndicatorSpec.SafetyStandardGrade spec) {
    return Computed.plain(spec, c.employer().status().safetyStandardisation()
        .map(s -> num(BigDecimal.valueOf(s.gradeOn(c.asOf()))))
        .orElseGet(() -> assume("/employer/status/safetyStandardisation", spec.id(),
            num(BigDecimal.valueOf(SafetyStandardisation.NO_GRADE)))), Operands.NONE);
  }

  @Override
  public Computed safetyCreditRating(IndicatorSpec.SafetyCreditRating r) {
    Optional<String> given = c.employer().status().safetyCreditRating();
    String rating = given.or(r::whenAbsent)
        .orElseThrow(() -> new InputException(ErrorCode.IN025, "/employer/status/safetyCreditRating",
            "error.IN025.needed", Message.values("what", "safetyCreditRating", "indicator", r.id())));
    Value value = new Value.Text(rating);
    return Computed.plain(r, given.isPresent() ? value
        : assume("/employer/status/safetyCreditRating", r.id(), value), Operands.NONE);
  }

  @Override
  public Computed currentBand(IndicatorSpec.CurrentBand spec) {
    return Computed.plain(spec, num(BigDecimal.valueOf(currentBandOffset)), Operands.NONE);
  }

  @Override
  public Computed formula(IndicatorSpec.Formula f) {
    Operands operands = new Operands();
    Exact value = eval(f.id(), f.expr(), Item.NONE, operands);
    if (value == null) {
      BigDecimal zero = f.zeroDenominator().orElseThrow(() -> new InputException(ErrorCode.IN018, "",
          "error.IN018.formula", Message.values("indicator", f.id())));
      operands.put("zeroDenominator", zero);
      return Computed.plain(f, num(zero), operands);
    }
    return Computed.rounded(f, null, null, operands, value, f.round());
  }

  /**
   * Evaluates exactly, from the compared values of the indicators referred to; null means a division
   * by zero. Each value read is put in {@code operands} once, by name; a line item's evaluation keeps
   * none ({@link Operands#DISCARD}).
   */
  private Exact eval(String f, org.ratefloat.rules.Expr e, Item item, Operands operands) {
    if (e instanceof org.ratefloat.rules.Expr.Const k) {
      return Exact.of(k.value());
    }
    if (e instanceof org.ratefloat.rules.Expr.Ref r) {
      Exact v = others.apply(r.indicator());
      if (operands.wants(r.indicator())) {
        operands.put(r.indicator(), v);
      }
      return v;
    }
    if (e instanceof org.ratefloat.rules.Expr.ClaimField field) {
      Claim claim = c.claims().get(item.claim());
      final int index = item.claim();
      return Exact.of(switch (field.field()) {
        case PAID -> claim.paid();
        case INCURRED -> claim.incurred().orElseThrow(() -> new InputException(ErrorCode.IN025,
            "/claims/" + index + "/incurred", "error.IN025.incurred", Message.values("claim", claim.id(),
                "indicator", f)));
      });
    }
    if (e instanceof org.ratefloat.rules.Expr.AccidentSum) {
      return item.accidentSum();
    }
    if (e instanceof org.ratefloat.rules.Expr.ExposurePayroll) {
      return Exact.of(item.exposurePayroll());
    }
    if (e instanceof org.ratefloat.rules.Expr.ClassData k) {
      // every class of the case has a row (checked when the indicators were set up)
      var rows = data.classes().orElseThrow();
      return Exact.of(rows.rows().get(item.exposureClass()).get(rows.column(k.column())));
    }
    if (e instanceof org.ratefloat.rules.Expr.Data d) {
      BigDecimal v = data.scalars().get(d.name());
      if (operands != Operands.DISCARD && operands.wants("data." + d.name())) {
        operands.put("data." + d.name(), v);
      }
      return Exact.of(v);
    }
    if (e instanceof org.ratefloat.rules.Expr.Lookup l) {
      Exact key = eval(f, l.key(), item, operands);
      if (key == null) {
        return null;
      }
      Exact v = lookup(f, data.steps().get(l.table()), key, l.pointer());
      if (operands != Operands.DISCARD) {
        String name = "lookup." + l.table() + "(" + key.toValue().render() + ")";
        if (operands.wants(name)) {
          operands.put(name, v);
        }
      }
      return digits(f, v, l.pointer());
    }
    if (e instanceof org.ratefloat.rules.Expr.Clamp k) {
      Exact v = eval(f, k.value(), item, operands);
      Exact lo = eval(f, k.low(), item, operands);
      Exact hi = eval(f, k.high(), item, operands);
      if (v == null || lo == null || hi == null) {
        return null;
      }
      if (lo.compareTo(hi) > 0) {
        throw new org.ratefloat.error.RuleTableException(ErrorCode.RT012, source, k.pointer(), "formula "
            + f + " clamps between " + lo.toValue().render() + " and " + hi.toValue().render()
            + ", an empty range");
      }
      return v.compareTo(lo) < 0 ? lo : v.compareTo(hi) > 0 ? hi : v;
    }
    if (e instanceof org.ratefloat.rules.Expr.Round r) {
      Exact v = eval(f, r.value(), item, operands);
      return v == null ? null : Exact.of(v.round(r.rounding()));
    }
    if (e instanceof org.ratefloat.rules.Expr.Power w) {
      Exact v = eval(f, w.base(), item, operands);
      if (v == null) {
        return null;
      }
      int p = Math.abs(w.p());
      if ((long) p * (v.n().precision() + v.d().precision()) > MAX_DIGITS) {
        throw new org.ratefloat.error.RuleTableException(ErrorCode.RT017, source, w.pointer(), "formula " + f
            + " raises " + v.toValue().render() + " to the power " + w.exponent().toPlainString()
            + ", a value of more than " + MAX_DIGITS + " digits");
      }
      try {
        BigDecimal x = org.ratefloat.rules.Powers.power(v.n(), v.d(), w.p(), w.q(), w.rounding().scale(),
            w.rounding().mode());
        return x == null ? null : Exact.of(x);
      } catch (ArithmeticException negative) {
        throw new org.ratefloat.error.RuleTableException(ErrorCode.RT009, source, w.pointer(), "formula " + f
            + " takes " + (w.q() == 2 && w.p() == 1 ? "the square root" : "the power " + w.exponent().toPlainString())
            + " of " + v.toValue().render() + ", which is negative");
      }
    }
    org.ratefloat.rules.Expr.Op op = (org.ratefloat.rules.Expr.Op) e;
    Exact acc = eval(f, op.args().get(0), item, operands);
    for (int i = 1; i < op.args().size(); i++) {
      Exact next = eval(f, op.args().get(i), item, operands);
      if (acc == null || next == null) {
        return null;
      }
      acc = switch (op.op()) {
        case ADD -> acc.add(next);
        case SUB -> acc.sub(next);
        case MUL -> acc.mul(next);
        case DIV -> acc.div(next);
        case MIN -> acc.compareTo(next) <= 0 ? acc : next;
        case MAX -> acc.compareTo(next) >= 0 ? acc : next;
      };
      if (acc != null && acc.n().precision() + acc.d().precision() > MAX_DIGITS) {
        throw new org.ratefloat.error.RuleTableException(ErrorCode.RT017, source, op.pointer(), "formula " + f
            + " reaches an intermediate value of more than " + MAX_DIGITS + " digits");
      }
    }
    return acc;
  }

  /**
   * The value of a step table at a key: the row whose key is the greatest not above it, or with
   * interpolation the exact straight line between that row and the next.
   */
  private Exact lookup(String f, org.ratefloat.rules.ReferenceData.StepTable t, Exact key,
      String pointer) {
    java.util.List<BigDecimal> keys = t.keys();
    if (key.compareTo(Exact.of(keys.get(0))) < 0) {
      throw new org.ratefloat.error.RuleTableException(ErrorCode.RT035, source, pointer, "formula " + f
          + " looks up " + key.toValue().render() + " in step table " + t.name() + ", whose first key is "
          + keys.get(0).toPlainString());
    }
    // greatest i with keys[i] <= key (binary search)
    int lo = 0;
    int hi = keys.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (Exact.of(keys.get(mid)).compareTo(key) <= 0) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    Exact v = Exact.of(t.values().get(lo));
    if (!t.interpolate() || lo == keys.size() - 1) {
      return v;
    }
    Exact k0 = Exact.of(keys.get(lo));
    Exact k1 = Exact.of(keys.get(lo + 1));
    Exact v1 = Exact.of(t.values().get(lo + 1));
    return v.add(key.sub(k0).mul(v1.sub(v)).div(k1.sub(k0)));
  }

  private Exact digits(String f, Exact v, String pointer) {
    if (v.n().precision() + v.d().precision() > MAX_DIGITS) {
      throw new org.ratefloat.error.RuleTableException(ErrorCode.RT017, source, pointer, "formula " + f
          + " reaches an intermediate value of more than " + MAX_DIGITS + " digits");
    }
    return v;
  }

  private static Value.Num num(BigDecimal value) {
    return new Value.Num(value);
  }

  /** Days of the epoch days [start, end] covered by the period at index i (0 if they do not meet). */
  private long overlap(int i, long start, long end) {
    long a = Math.max(history.from(i), start);
    long b = Math.min(history.to(i), end);
    return b < a ? 0 : b - a + 1;
  }

  /** Length in days of the period at index i, both ends included (as {@link Period#days}). */
  private long periodLength(int i) {
    return history.to(i) - history.from(i) + 1;
  }

  @Override
  public Computed covered(IndicatorSpec.Covered cov) {
    Spans.Span span = spans.span(cov.window());
    if (cov.window().byStart()) {
      // policy periods are whole by construction: covered when the history has one starting in the window
      List<Integer> periods = startingIn(cov.window());
      // a window of a number of policies is covered when the history has them all
      boolean value = cov.window().effective().map(e -> periods.size() == e.count()).orElse(!periods.isEmpty());
      return new Computed(cov, span.start(), span.end(),
          Operands.of("periods", periods.size()), null, new Value.Bool(value), null, null);
    }
    long covered = 0;
    boolean straddles = false;
    for (int i = 0; i < c.history().size(); i++) {
      long days = overlap(i, span.startDay(), span.endDay());
      straddles |= days > 0 && days < periodLength(i);
      covered += days;
    }
    long needed = span.days();
    boolean value = covered == needed && !straddles;
    return new Computed(cov, span.start(), span.end(), Operands.of("daysCovered", covered, "daysNeeded", needed), null,
        new Value.Bool(value), null, null);
  }

  /** The periods of the history that start in a policy window. */
  private List<Integer> startingIn(Window window) {
    Spans.Span span = spans.span(window);
    Optional<Window.Effective> effective = window.effective();
    List<Integer> inside = new ArrayList<>(c.history().size()); // at most every period, usually a few
    for (int i = 0; i < c.history().size(); i++) {
      if (history.from(i) >= span.startDay() && history.from(i) <= span.endDay()) {
        inside.add(i);
      }
    }
    if (effective.isPresent() && inside.size() > effective.get().count()) {
      // the latest ones: the history is in date order
      return inside.subList(inside.size() - effective.get().count(), inside.size());
    }
    return inside;
  }

  /**
   * The periods inside a window, which they must cover exactly; of a policy window, the periods
   * that start in it, at least one.
   */
  private List<Integer> periodsIn(Window window, String indicator) {
    return history.periodsIn(window, indicator);
  }

  private List<Integer> periodsInChecked(Window window, String indicator) {
    Spans.Span span = spans.span(window);
    LocalDate start = span.start();
    LocalDate end = span.end();
    if (window.byStart()) {
      List<Integer> inside = startingIn(window);
      if (inside.isEmpty()) {
        throw new InputException(ErrorCode.IN016, "/history", window.effective().isPresent()
            ? "error.IN016.effective" : "error.IN016.start", Message.values("indicator", indicator, "from", start,
                "to", end));
      }
      return inside;
    }
    List<Integer> inside = new ArrayList<>(c.history().size()); // at most every period, usually a few
    long covered = 0;
    for (int i = 0; i < c.history().size(); i++) {
      Period p = c.history().get(i);
      long days = overlap(i, span.startDay(), span.endDay());
      if (days == 0) {
        continue;
      }
      long length = periodLength(i);
      if (days < length) {
        throw new InputException(ErrorCode.IN017, "/history/" + i, "error.IN017.straddles",
            Message.values("periodFrom", p.from(), "periodTo", p.to(), "from", start, "to", end, "indicator", indicator));
      }
      inside.add(i);
      covered += length;
    }
    long needed = span.days();
    if (covered != needed) {
      throw new InputException(ErrorCode.IN016, "/history", "error.IN016.window",
          Message.values("indicator", indicator, "from", start, "to", end, "needed", needed, "covered", covered));
    }
    return inside;
  }

  /** The first day an indicator over these periods of a window covers: a policy window's first period's. */
  private LocalDate first(Window w, List<Integer> periods) {
    return w.byStart() ? c.history().get(periods.get(0)).from() : spans.span(w).start();
  }

  /** The last day: a policy window's last period's. */
  private LocalDate last(Window w, List<Integer> periods) {
    return w.byStart() ? c.history().get(periods.get(periods.size() - 1)).to() : spans.span(w).end();
  }

  /** Whether a date lies in one of the policy periods (always, when there are none: not a policy window). */
  private boolean inPolicy(LocalDate date, List<Integer> policies) {
    if (policies.isEmpty()) {
      return true;
    }
    for (int i : policies) {
      Period p = c.history().get(i);
      if (!date.isBefore(p.from()) && !date.isAfter(p.to())) {
        return true;
      }
    }
    return false;
  }

  private BigDecimal valueOf(int index, Measure m, String indicator) {
    BigDecimal v = c.history().get(index).values().get(m); // as Period.value, without an Optional
    if (v == null) {
      throw new InputException(ErrorCode.IN025, "/history/" + index + "/" + m.jsonName(), "error.IN025.measure",
          Message.values("measure", m.jsonName(), "from", c.history().get(index).from(), "to", c.history().get(index).to(),
              "indicator", indicator));
    }
    return v;
  }

  /** A measure over periods as an exact fraction {numerator, denominator}. */
  private BigDecimal[] aggregate(List<Integer> periods, Measure m, String indicator) {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal days = BigDecimal.ZERO;
    for (int i : periods) {
      BigDecimal v = valueOf(i, m, indicator);
      switch (m.kind()) {
        // 0 + v is v itself when v's scale is not negative (the sum's scale is the larger of the two)
        case AMOUNT, COUNT -> sum = sum == BigDecimal.ZERO && v.scale() >= 0 ? v : sum.add(v);
        case PEAK -> sum = sum.max(v);
        case HEADCOUNT -> {
          BigDecimal d = BigDecimal.valueOf(periodLength(i));
          sum = sum.add(v.multiply(d));
          days = days.add(d);
        }
      }
    }
    if (m.kind() == Measure.Kind.HEADCOUNT) {
      return new BigDecimal[] {sum, days};
    }
    return new BigDecimal[] {sum, BigDecimal.ONE};
  }

  /** a × b; a itself when b is 1 with scale 0, which changes neither a's value nor its scale. */
  private static BigDecimal times(BigDecimal a, BigDecimal b) {
    return BigDecimal.ONE.equals(b) ? a : a.multiply(b);
  }

  private static Exact exact(BigDecimal[] fraction) {
    return new Exact(fraction[0], fraction[1]);
  }

  @Override
  public Computed ratio(IndicatorSpec.Ratio r) {
    List<Integer> periods = periodsIn(r.window(), r.id());
    BigDecimal[] num = aggregate(periods, r.numerator(), r.id());
    BigDecimal[] den = aggregate(periods, r.denominator(), r.id());
    Operands operands = new Operands();
    operands.put(r.numerator().jsonName(), exact(num));
    operands.put(r.denominator().jsonName(), exact(den));
    if (r.multiplier().compareTo(BigDecimal.ONE) != 0) {
      operands.put("multiplier", r.multiplier());
    }
    if (r.divisor().compareTo(BigDecimal.ONE) != 0) {
      operands.put("divisor", r.divisor());
    }
    operands.put("periods", periods.size());
    // value = (num0/num1) * multiplier / ((den0/den1) * divisor), as one exact fraction n/d
    BigDecimal n = times(times(num[0], r.multiplier()), den[1]);
    BigDecimal d = times(times(den[0], r.divisor()), num[1]);
    LocalDate from = first(r.window(), periods);
    LocalDate to = last(r.window(), periods);
    if (d.signum() == 0) {
      BigDecimal zero = r.zeroDenominator().orElseThrow(() -> new InputException(ErrorCode.IN018,
          "/history", "error.IN018.ratio", Message.values("indicator", r.id(), "denominator", r.denominator().jsonName(),
              "from", from, "to", to)));
      operands.put("zeroDenominator", zero);
      return Computed.number(r, from, to, operands, Exact.of(zero));
    }
    return Computed.rounded(r, from, to, operands, new Exact(n, d), r.round());
  }

  @Override
  public Computed total(IndicatorSpec.Total t) {
    List<Integer> periods = periodsIn(t.window(), t.id());
    LocalDate from = first(t.window(), periods);
    LocalDate to = last(t.window(), periods);
    Operands operands = new Operands();
    operands.put("periods", periods.size());
    Exact value;
    if (t.measure().isPresent()) {
      BigDecimal[] agg = aggregate(periods, t.measure().get(), t.id());
      value = new Exact(agg[0], agg[1]);
      operands.put("measure", t.measure().get().jsonName());
    } else {
      long sum = 0;
      for (int i : periods) {
        Period p = c.history().get(i);
        final int index = i;
        var grades = p.disabilityCases().orElseThrow(() -> new InputException(ErrorCode.IN025,
            "/history/" + index + "/disabilityCases", "error.IN025.disabilityCases", Message.values("from", p.from(),
                "to", p.to(), "indicator", t.id())));
        for (int g = t.gradeFrom(); g <= t.gradeTo(); g++) {
          sum += grades.getOrDefault(g, 0L);
        }
      }
      value = Exact.of(BigDecimal.valueOf(sum));
      operands.put("measure", "disabilityCases");
      operands.put("grades", t.gradeFrom() + ".." + t.gradeTo());
    }
    return Computed.number(t, from, to, operands, value);
  }

  @Override
  public Computed streak(IndicatorSpec.Streak s) {
    int count = 0;
    int year = c.asOf().getYear() - 1;
    while (count < s.maxYears() && clean(year, s)) {
      count++;
      year--;
    }
    Operands operands = Operands.of("maxYears", s.maxYears(), "lastYear", c.asOf().getYear() - 1);
    return Computed.number(s, null, null, operands, Exact.of(BigDecimal.valueOf(count)));
  }

  /** Whether a calendar year is fully covered and every period touching it has all the measures zero. */
  private boolean clean(int year, IndicatorSpec.Streak s) {
    long start = LocalDate.of(year, 1, 1).toEpochDay();
    long end = LocalDate.of(year, 12, 31).toEpochDay();
    long covered = 0;
    for (int i = 0; i < c.history().size(); i++) {
      long days = overlap(i, start, end);
      if (days == 0) {
        continue;
      }
      for (Measure m : s.zero()) {
        if (valueOf(i, m, s.id()).signum() != 0) {
          return false;
        }
      }
      covered += days;
    }
    return covered == end - start + 1;
  }

  @Override
  public Computed claims(IndicatorSpec.Claims spec) {
    // of a policy window, the claims dated in one of its periods (a claim in a gap between policies is in none)
    List<Integer> policies = spec.window().byStart() ? periodsIn(spec.window(), spec.id()) : List.of();
    LocalDate start = policies.isEmpty() ? spans.span(spec.window()).start() : first(spec.window(), policies);
    LocalDate end = policies.isEmpty() ? spans.span(spec.window()).end() : last(spec.window(), policies);
    BigDecimal value = BigDecimal.ZERO;
    Exact each = Exact.of(BigDecimal.ZERO);
    int matched = 0;
    // the line items of each accident, in the order their first claim comes
    java.util.Map<String, Exact> accidents = new java.util.LinkedHashMap<>();
    for (int i = 0; i < c.claims().size(); i++) {
      Claim claim = c.claims().get(i);
      if (claim.date().isBefore(start) || claim.date().isAfter(end) || !inPolicy(claim.date(), policies)) {
        continue;
      }
      if (!spec.kinds().isEmpty() && !spec.kinds().contains(claim.kind())) {
        continue;
      }
      if (spec.gradeFrom() > 0 && (claim.disabilityGrade().isEmpty()
          || claim.disabilityGrade().getAsInt() < spec.gradeFrom()
          || claim.disabilityGrade().getAsInt() > spec.gradeTo())) {
        continue;
      }
      if (spec.medicalOnly().isPresent() && spec.medicalOnly().get() != claim.medicalOnly()) {
        continue;
      }
      matched++;
      final int index = i;
      value = switch (spec.measure()) {
        case EACH -> {
          Exact item = eval(spec.id(), spec.each().orElseThrow(), Item.claim(index), Operands.DISCARD);
          each = each.add(item);
          // the claims of one accident share its id; a claim without one is an accident of its own
          accidents.merge(claim.accident().map(a -> "accident " + a).orElse("claim #" + index), item, Exact::add);
          yield value;
        }
        case COUNT -> value.add(BigDecimal.ONE);
        case PAID -> value.add(claim.paid());
        case INCURRED -> value.add(claim.incurred().orElseThrow(() -> new InputException(ErrorCode.IN025,
            "/claims/" + index + "/incurred", "error.IN025.incurred", Message.values("claim", claim.id(),
                "indicator", spec.id()))));
      };
    }
    if (spec.perAccident().isPresent()) {
      Exact limited = Exact.of(BigDecimal.ZERO);
      for (Exact sum : accidents.values()) {
        Exact v = eval(spec.id(), spec.perAccident().get(), Item.accident(sum), Operands.DISCARD);
        if (v == null) {
          throw new InputException(ErrorCode.IN018, "/claims", "error.IN018.accidentLimit",
              Message.values("indicator", spec.id()));
        }
        limited = limited.add(v);
      }
      return Computed.number(spec, start, end, new Operands().put("claims", matched)
          .put("accidents", accidents.size()).put("beforeAccidentLimit", each), limited);
    }
    if (spec.measure() == IndicatorSpec.ClaimMeasure.EACH) {
      return Computed.number(spec, start, end, Operands.of("claims", matched), each);
    }
    return Computed.number(spec, start, end, Operands.of("claims", matched), Exact.of(value));
  }

  /**
   * The sum of a line item over every exposure of the periods in the window (which the history
   * covers exactly, as for totals); each period in it must give its exposures.
   */
  @Override
  public Computed exposures(IndicatorSpec.Exposures spec) {
    List<Integer> periods = periodsIn(spec.window(), spec.id());
    Exact sum = Exact.of(BigDecimal.ZERO);
    java.util.Map<String, Exact> byClass = new java.util.TreeMap<>();
    int count = 0;
    for (int i : periods) {
      Period p = c.history().get(i);
      if (p.exposures().isEmpty()) {
        throw new InputException(ErrorCode.IN025, "/history/" + i + "/exposures", "error.IN025.exposures",
            Message.values("from", p.from(), "to", p.to(), "indicator", spec.id()));
      }
      for (var x : p.exposures().entrySet()) {
        Exact item = eval(spec.id(), spec.each(), Item.exposure(x.getKey(), x.getValue()), Operands.DISCARD);
        if (item == null) {
          throw new InputException(ErrorCode.IN018, "/history/" + i + "/exposures/"
              + org.ratefloat.model.InputRules.escape(x.getKey()), "error.IN018.lineItem",
              Message.values("indicator", spec.id(), "class", x.getKey()));
        }
        sum = sum.add(item);
        byClass.merge(x.getKey(), item, Exact::add);
        count++;
      }
    }
    Operands operands = new Operands();
    operands.put("exposures", count);
    byClass.forEach((code, v) -> operands.put("class." + code, v));
    return Computed.number(spec, first(spec.window(), periods), last(spec.window(), periods), operands, sum);
  }

  @Override
  public Computed prior(IndicatorSpec.Prior spec) {
    org.ratefloat.model.PriorFacts p = c.employer().status().prior();
    Optional<BigDecimal> value = switch (spec.fact()) {
      case SURCHARGE_AMOUNT -> p.surchargeAmount();
      case SURCHARGE_PERCENT -> p.surchargePercent();
      case YEARS_SINCE_SURCHARGE -> p.lastSurcharge().map(d -> BigDecimal.valueOf(ChronoUnit.YEARS.between(d, c.asOf())));
      case MEMBERSHIP_YEARS -> p.memberSince().map(d -> BigDecimal.valueOf(ChronoUnit.YEARS.between(d, c.asOf())));
    };
    String key = switch (spec.fact()) {
      case SURCHARGE_AMOUNT, SURCHARGE_PERCENT -> spec.fact().jsonName();
      case YEARS_SINCE_SURCHARGE -> "lastSurcharge";
      case MEMBERSHIP_YEARS -> "memberSince";
    };
    if (value.isEmpty()) {
      BigDecimal absent = spec.whenAbsent().orElseThrow(() -> new InputException(ErrorCode.IN025,
          "/employer/status/prior/" + key, "error.IN025.needed", Message.values("what", key, "indicator", spec.id())));
      return Computed.plain(spec, assume("/employer/status/prior/" + key, spec.id(), num(absent)),
          Operands.of(key, "absent"));
    }
    Operands operands = spec.fact().whole()
        ? Operands.of(key, (key.equals("lastSurcharge") ? p.lastSurcharge() : p.memberSince()).orElseThrow())
        : Operands.NONE;
    return Computed.plain(spec, num(value.get()), operands);
  }

  @Override
  public Computed priorValue(IndicatorSpec.PriorValue v) {
    return named(v, v.name(), v.whenAbsent(), v.domain(), "/employer/status/prior/values/",
        c.employer().status().prior().values().get(v.name()));
  }

  @Override
  public Computed customValue(IndicatorSpec.CustomValue v) {
    return named(v, v.name(), v.whenAbsent(), v.domain(), "/employer/status/customValues/",
        c.employer().status().customValues().get(v.name()));
  }

  /** A named number of the case, or the table's value for its absence; inside the declared domain (IN023). */
  private Computed named(IndicatorSpec spec, String name, Optional<BigDecimal> whenAbsent,
      org.ratefloat.rules.RuleTableSpec.DeclaredDomain domain, String under, BigDecimal value) {
    String pointer = under + org.ratefloat.model.InputRules.escape(name);
    if (value == null) {
      BigDecimal absent = whenAbsent.orElseThrow(() -> new InputException(ErrorCode.IN025, pointer,
          "error.IN025.value", Message.values("name", name, "indicator", spec.id())));
      return Computed.plain(spec, assume(pointer, spec.id(), num(absent)), Operands.of(name, "absent"));
    }
    if (!domain.admits(value)) {
      throw new InputException(ErrorCode.IN023, pointer, "error.IN023.domain",
          Message.values("name", name, "domain", domain.describe(), "indicator", spec.id(), "value", value));
    }
    return Computed.plain(spec, num(value), Operands.NONE);
  }

  @Override
  public Computed flag(IndicatorSpec.Flag f) {
    Status s = c.employer().status();
    boolean value = switch (f.flag()) {
      case LABOUR_DISPATCH -> s.labourDispatch();
      case PREMIUM_ARREARS -> s.premiumArrears();
      case JOINT_PUNISHMENT -> s.jointPunishment();
    };
    return Computed.plain(f, new Value.Bool(value), Operands.NONE);
  }

  @Override
  public Computed customFlag(IndicatorSpec.CustomFlag f) {
    Boolean value = c.employer().status().customFlags().get(f.name());
    if (value == null) {
      boolean absent = f.whenAbsent().orElseThrow(() -> new InputException(ErrorCode.IN025,
          "/employer/status/customFlags/" + f.name(), "error.IN025.flag", Message.values("name", f.name(),
              "indicator", f.id())));
      return Computed.plain(f, assume("/employer/status/customFlags/" + f.name(), f.id(), new Value.Bool(absent)),
          Operands.NONE);
    }
    return Computed.plain(f, new Value.Bool(value), Operands.NONE);
  }

  @Override
  public Computed insuredMonths(IndicatorSpec.InsuredMonths m) {
    Optional<LocalDate> first = c.employer().status().firstInsured();
    if (first.isEmpty()) {
      BigDecimal unknown = m.whenUnknown().orElseThrow(() -> new InputException(ErrorCode.IN025,
          "/employer/status/firstInsured", "error.IN025.firstInsured", Message.values("indicator", m.id())));
      return Computed.plain(m, assume("/employer/status/firstInsured", m.id(), num(unknown)),
          Operands.of("firstInsured", "unknown"));
    }
    if (first.get().isAfter(c.asOf())) {
      throw new InputException(ErrorCode.IN008, "/employer/status/firstInsured", "error.IN008.firstInsured",
          Message.values("date", first.get(), "asOf", c.asOf()));
    }
    long months = ChronoUnit.MONTHS.between(first.get(), c.asOf());
    return Computed.plain(m, num(BigDecimal.valueOf(months)), Operands.of("firstInsured", first.get()));
  }
}
