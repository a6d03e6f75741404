package org.ratefloat.rules;

import org.ratefloat.document.Rounding;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Interval arithmetic over formulas: for every expression, closed bounds that every value it can
 * take lies within (an absent bound is unbounded). Conservative: the true range may be narrower,
 * never wider. Used to prove a lookup key inside its step table and a computed factor positive.
 */
final class Intervals {
  /** Digits of a bound computed by a division, rounded outward. */
  private static final MathContext DOWN = new MathContext(34, RoundingMode.FLOOR);
  private static final MathContext UP = new MathContext(34, RoundingMode.CEILING);

  /** Closed bounds; empty = unbounded on that side. */
  record Range(Optional<BigDecimal> lo, Optional<BigDecimal> hi) {
    static final Range ANY = new Range(Optional.empty(), Optional.empty());

    static Range point(BigDecimal x) {
      return new Range(Optional.of(x), Optional.of(x));
    }

    boolean finite() {
      return lo.isPresent() && hi.isPresent();
    }

    String describe() {
      return "[" + lo.map(BigDecimal::toPlainString).orElse("-∞") + ", "
          + hi.map(BigDecimal::toPlainString).orElse("+∞") + "]";
    }
  }

  private final Map<String, IndicatorSpec> indicators;
  private final ReferenceData data;
  private final Function<IndicatorSpec, Range> leaf;
  private final Map<String, Range> memo = new HashMap<>();

  /**
   * @param leaf the range of an indicator that is not a formula (from its kind or declared domain)
   */
  Intervals(Map<String, IndicatorSpec> indicators, ReferenceData data, Function<IndicatorSpec, Range> leaf) {
    this.indicators = indicators;
    this.data = data;
    this.leaf = leaf;
  }

  /** The range of an indicator: a formula's from its expression (rounded outward), else the leaf's. */
  Range of(IndicatorSpec spec) {
    Range known = memo.get(spec.id());
    if (known != null) {
      return known;
    }
    Range r;
    if (spec instanceof IndicatorSpec.Formula f) {
      // the formula's domain over its expression's range; the parser refused cycles and chains
      // deeper than 32, so this recursion ends
      ValueDomain.Numbers d = (ValueDomain.Numbers) f.domain(new IndicatorSpec.DomainContext() {
        @Override
        public ValueDomain.Numbers bounds(Expr e) {
          Range x = of(e);
          return ValueDomain.Numbers.closed(x.lo(), x.hi(), BigDecimal.ZERO);
        }

        @Override
        public ValueDomain.Numbers bandOffsets() {
          throw new IllegalStateException("a formula's domain does not read the band ladders");
        }
      });
      r = new Range(d.lo().map(Condition.Bound::value), d.hi().map(Condition.Bound::value));
    } else {
      r = leaf.apply(spec);
    }
    memo.put(spec.id(), r);
    return r;
  }

  Range of(Expr e) {
    if (e instanceof Expr.Const c) {
      return Range.point(c.value());
    }
    if (e instanceof Expr.Data d) {
      ReferenceData.ByClass rows = data.byClass().get(d.name());
      return rows == null ? Range.point(data.scalars().get(d.name()))
          : new Range(Optional.of(rows.minValue()), Optional.of(rows.maxValue()));
    }
    if (e instanceof Expr.ClassData c) {
      ReferenceData.ClassRows rows = data.classes().orElseThrow();
      int column = rows.column(c.column());
      return new Range(Optional.of(rows.min(column)), Optional.of(rows.max(column)));
    }
    if (e instanceof Expr.ClaimField || e instanceof Expr.ExposurePayroll || e instanceof Expr.AccidentSum) {
      // the input refuses negative amounts
      return new Range(Optional.of(BigDecimal.ZERO), Optional.empty());
    }
    if (e instanceof Expr.Ref r) {
      return of(indicators.get(r.indicator()));
    }
    if (e instanceof Expr.Lookup l) {
      ReferenceData.StepTable t = data.steps().get(l.table());
      // interpolated values lie between two rows' values
      return new Range(Optional.of(t.minValue()), Optional.of(t.maxValue()));
    }
    if (e instanceof Expr.Round r) {
      return round(of(r.value()), r.rounding());
    }
    if (e instanceof Expr.Power w) {
      return power(of(w.base()), w);
    }
    if (e instanceof Expr.Clamp c) {
      return max(List.of(of(c.low()), min(List.of(of(c.value()), of(c.high())))));
    }
    Expr.Op op = (Expr.Op) e;
    List<Range> args = op.args().stream().map(this::of).toList();
    return switch (op.op()) {
      case ADD -> args.stream().reduce(Intervals::add).orElseThrow();
      case SUB -> add(args.get(0), negate(args.get(1)));
      case MUL -> args.stream().reduce(Intervals::mul).orElseThrow();
      case DIV -> div(args.get(0), args.get(1));
      case MIN -> min(args);
      case MAX -> max(args);
    };
  }

  /**
   * The range of a power of a base proven not negative: monotone there (rising for a positive
   * exponent, falling for a negative one), each bound rounded outward at the declared scale; of any
   * other base, unbounded (the decision stops at a negative base of a root).
   */
  private static Range power(Range base, Expr.Power w) {
    if (base.lo().isEmpty() || base.lo().get().signum() < 0) {
      return Range.ANY;
    }
    int scale = w.rounding().scale();
    java.util.function.BiFunction<BigDecimal, RoundingMode, BigDecimal> at = (x, mode) ->
        Powers.power(x, BigDecimal.ONE, w.p(), w.q(), scale, mode);
    if (w.p() >= 0) {
      return new Range(Optional.of(at.apply(base.lo().get(), RoundingMode.FLOOR)),
          base.hi().map(x -> at.apply(x, RoundingMode.CEILING)));
    }
    // a negative exponent: 1/x^|p| falls from +inf at 0 to 0 at +inf
    Optional<BigDecimal> lo = base.hi().map(x -> at.apply(x, RoundingMode.FLOOR)).or(() -> Optional.of(BigDecimal.ZERO));
    Optional<BigDecimal> hi = base.lo().get().signum() > 0
        ? Optional.of(at.apply(base.lo().get(), RoundingMode.CEILING)) : Optional.empty();
    return new Range(lo, hi);
  }

  private static Range round(Range r, Rounding rounding) {
    return new Range(r.lo().map(x -> x.setScale(rounding.scale(), RoundingMode.FLOOR)),
        r.hi().map(x -> x.setScale(rounding.scale(), RoundingMode.CEILING)));
  }

  private static Range add(Range a, Range b) {
    return new Range(a.lo().flatMap(x -> b.lo().map(x::add)), a.hi().flatMap(x -> b.hi().map(x::add)));
  }

  private static Range negate(Range a) {
    return new Range(a.hi().map(BigDecimal::negate), a.lo().map(BigDecimal::negate));
  }

  private static Range mul(Range a, Range b) {
    if (a.finite() && b.finite()) {
      BigDecimal[] c = {a.lo().get().multiply(b.lo().get()), a.lo().get().multiply(b.hi().get()),
          a.hi().get().multiply(b.lo().get()), a.hi().get().multiply(b.hi().get())};
      return corners(c);
    }
    if (nonNegative(a) && nonNegative(b)) {
      return new Range(Optional.of(a.lo().get().multiply(b.lo().get())),
          a.hi().flatMap(x -> b.hi().map(x::multiply)));
    }
    return Range.ANY;
  }

  private static Range div(Range a, Range b) {
    // only a divisor that stays strictly positive is bounded here; anything else is unbounded
    if (b.lo().isEmpty() || b.lo().get().signum() <= 0) {
      return Range.ANY;
    }
    if (a.finite() && b.finite()) {
      BigDecimal[] lo = new BigDecimal[4];
      BigDecimal[] hi = new BigDecimal[4];
      int i = 0;
      for (BigDecimal x : List.of(a.lo().get(), a.hi().get())) {
        for (BigDecimal y : List.of(b.lo().get(), b.hi().get())) {
          lo[i] = x.divide(y, DOWN);
          hi[i++] = x.divide(y, UP);
        }
      }
      return new Range(java.util.Arrays.stream(lo).min(BigDecimal::compareTo),
          java.util.Arrays.stream(hi).max(BigDecimal::compareTo));
    }
    if (nonNegative(a)) {
      return new Range(Optional.of(BigDecimal.ZERO), a.hi().map(x -> x.divide(b.lo().get(), UP)));
    }
    return Range.ANY;
  }

  private static boolean nonNegative(Range r) {
    return r.lo().isPresent() && r.lo().get().signum() >= 0;
  }

  private static Range corners(BigDecimal[] c) {
    return new Range(java.util.Arrays.stream(c).min(BigDecimal::compareTo),
        java.util.Arrays.stream(c).max(BigDecimal::compareTo));
  }

  private static Range min(List<Range> args) {
    boolean allLo = args.stream().allMatch(r -> r.lo().isPresent());
    Optional<BigDecimal> lo = allLo ? args.stream().map(r -> r.lo().get()).min(BigDecimal::compareTo)
        : Optional.empty();
    Optional<BigDecimal> hi = args.stream().flatMap(r -> r.hi().stream()).min(BigDecimal::compareTo);
    return new Range(lo, hi);
  }

  private static Range max(List<Range> args) {
    Optional<BigDecimal> lo = args.stream().flatMap(r -> r.lo().stream()).max(BigDecimal::compareTo);
    boolean allHi = args.stream().allMatch(r -> r.hi().isPresent());
    Optional<BigDecimal> hi = allHi ? args.stream().map(r -> r.hi().get()).max(BigDecimal::compareTo)
        : Optional.empty();
    return new Range(lo, hi);
  }
}
