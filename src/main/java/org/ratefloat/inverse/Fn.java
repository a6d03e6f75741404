package org.ratefloat.inverse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.ratefloat.document.Rounding;
import org.ratefloat.thresholds.NotInvertible;

/**
 * An exact piecewise-affine function of one quantity x: cut points p1 &lt; … &lt; pk and, on each
 * open stretch between them (and before the first, after the last), a + b·x or "undefined" (a
 * division by zero, a lookup below a step table, an empty clamp: where the engine refuses or a
 * formula falls back to its zero-denominator value). Its value at a cut point is not kept: what the
 * thresholds need of it is where it can cross a bound, and every cut point is such a place. Immutable.
 */
final class Fn {
  /** Most pieces a function may have: beyond, it takes more values than the thresholds follow. */
  static final int MAX_PIECES = 20_000;

  /** The cut points, ascending. */
  final List<Q> cuts;
  /** Per piece (cuts.size() + 1): the constant term, null where undefined. */
  final List<Q> a;
  /** Per piece: the slope, null where undefined. */
  final List<Q> b;

  private Fn(List<Q> cuts, List<Q> a, List<Q> b) {
    if (cuts.size() + 1 > MAX_PIECES) {
      throw new NotInvertibleException(NotInvertible.Reason.TOO_MANY_STEPS, "takes more than " + MAX_PIECES
          + " distinct pieces");
    }
    this.cuts = List.copyOf(cuts);
    this.a = java.util.Collections.unmodifiableList(new ArrayList<>(a));
    this.b = java.util.Collections.unmodifiableList(new ArrayList<>(b));
  }

  static Fn constant(Q c) {
    return new Fn(List.of(), list(c), list(Q.ZERO));
  }

  static Fn affine(Q a, Q b) {
    return new Fn(List.of(), list(a), list(b));
  }

  static Fn identity() {
    return affine(Q.ZERO, Q.ONE);
  }

  static Fn undefined() {
    return new Fn(List.of(), list(null), list(null));
  }

  private static List<Q> list(Q q) {
    List<Q> l = new ArrayList<>(1);
    l.add(q);
    return l;
  }

  /** Piecewise constant: {@code below} before {@code at}, {@code above} after it. */
  static Fn step(Q at, Q below, Q above) {
    List<Q> a = new ArrayList<>();
    a.add(below);
    a.add(above);
    List<Q> b = new ArrayList<>();
    b.add(Q.ZERO);
    b.add(Q.ZERO);
    return new Fn(List.of(at), a, b);
  }

  boolean isConstant() {
    return cuts.isEmpty() && a.get(0) != null && b.get(0).signum() == 0;
  }

  int pieces() {
    return a.size();
  }

  /** A point inside piece i (its stretch is open; the first and last are unbounded). */
  Q inside(int i) {
    if (cuts.isEmpty()) {
      return Q.ZERO;
    }
    if (i == 0) {
      return cuts.get(0).sub(Q.ONE);
    }
    if (i == cuts.size()) {
      return cuts.get(cuts.size() - 1).add(Q.ONE);
    }
    return cuts.get(i - 1).add(cuts.get(i)).div(Q.of(BigInteger.TWO, BigInteger.ONE));
  }

  /** The value of piece i at x (null where undefined). */
  Q value(int i, Q x) {
    return a.get(i) == null ? null : a.get(i).add(b.get(i).mul(x));
  }

  /** The piece holding x when x is not a cut point: the first whose upper cut exceeds x. */
  int pieceOf(Q x) {
    int i = 0;
    while (i < cuts.size() && cuts.get(i).compareTo(x) <= 0) {
      i++;
    }
    return i;
  }

  /** The same function on the finer cuts {@code to} (which hold all of this one's). */
  private Fn refine(List<Q> to) {
    List<Q> na = new ArrayList<>(to.size() + 1);
    List<Q> nb = new ArrayList<>(to.size() + 1);
    int j = 0;
    for (int i = 0; i <= to.size(); i++) {
      // piece i of the finer cuts lies in piece j of this one
      while (j < cuts.size() && (i == to.size() || cuts.get(j).compareTo(to.get(i)) < 0)) {
        j++;
      }
      na.add(a.get(j));
      nb.add(b.get(j));
    }
    return new Fn(to, na, nb);
  }

  private static List<Q> union(List<Q> x, List<Q> y) {
    TreeSet<Q> all = new TreeSet<>(x);
    all.addAll(y);
    return new ArrayList<>(all);
  }

  /** What to do with one piece of each of two functions on a common stretch (l, r). */
  @FunctionalInterface
  private interface PieceOp {
    /** Adds the pieces of the result on (l, r) to the lists; returns cut points inside (l, r) it made. */
    void apply(Q a1, Q b1, Q a2, Q b2, Q l, Q r, List<Q> cuts, List<Q> a, List<Q> b);
  }

  private static Fn combine(Fn f, Fn g, PieceOp op) {
    List<Q> common = union(f.cuts, g.cuts);
    Fn ff = f.refine(common);
    Fn gg = g.refine(common);
    List<Q> cuts = new ArrayList<>();
    List<Q> a = new ArrayList<>();
    List<Q> b = new ArrayList<>();
    for (int i = 0; i <= common.size(); i++) {
      if (i > 0) {
        cuts.add(common.get(i - 1));
      }
      Q l = i == 0 ? null : common.get(i - 1);
      Q r = i == common.size() ? null : common.get(i);
      if (ff.a.get(i) == null || gg.a.get(i) == null) {
        a.add(null);
        b.add(null);
        continue;
      }
      op.apply(ff.a.get(i), ff.b.get(i), gg.a.get(i), gg.b.get(i), l, r, cuts, a, b);
    }
    return new Fn(cuts, a, b);
  }

  Fn add(Fn g) {
    return combine(this, g, (a1, b1, a2, b2, l, r, cuts, a, b) -> {
      a.add(a1.add(a2));
      b.add(b1.add(b2));
    });
  }

  Fn sub(Fn g) {
    return combine(this, g, (a1, b1, a2, b2, l, r, cuts, a, b) -> {
      a.add(a1.sub(a2));
      b.add(b1.sub(b2));
    });
  }

  Fn mul(Fn g) {
    return combine(this, g, (a1, b1, a2, b2, l, r, cuts, a, b) -> {
      if (b1.signum() != 0 && b2.signum() != 0) {
        throw new NotInvertibleException(NotInvertible.Reason.PRODUCT_OF_VARYING,
            "multiplies two values that both vary with the quantity");
      }
      a.add(a1.mul(a2));
      b.add(a1.mul(b2).add(b1.mul(a2)));
    });
  }

  Fn div(Fn g) {
    return combine(this, g, (a1, b1, a2, b2, l, r, cuts, a, b) -> {
      if (b2.signum() != 0) {
        throw new NotInvertibleException(NotInvertible.Reason.VARYING_DIVISOR,
            "divides by a value that varies with the quantity");
      }
      if (a2.signum() == 0) {
        a.add(null);
        b.add(null);
      } else {
        a.add(a1.div(a2));
        b.add(b1.div(a2));
      }
    });
  }

  Fn min(Fn g) {
    return combine(this, g, (a1, b1, a2, b2, l, r, cuts, a, b) -> pick(a1, b1, a2, b2, l, r, cuts, a, b, true));
  }

  Fn max(Fn g) {
    return combine(this, g, (a1, b1, a2, b2, l, r, cuts, a, b) -> pick(a1, b1, a2, b2, l, r, cuts, a, b, false));
  }

  /** The smaller (or larger) of two lines on (l, r), split where they cross inside. */
  private static void pick(Q a1, Q b1, Q a2, Q b2, Q l, Q r, List<Q> cuts, List<Q> a, List<Q> b, boolean min) {
    Q db = b1.sub(b2);
    if (db.signum() != 0) {
      Q x0 = a2.sub(a1).div(db);
      if ((l == null || x0.compareTo(l) > 0) && (r == null || x0.compareTo(r) < 0)) {
        // before x0 one line is below, after it the other
        boolean firstBelowBefore = db.signum() > 0; // f - g = db (x - x0): negative before x0
        boolean takeFirstBefore = min == firstBelowBefore;
        a.add(takeFirstBefore ? a1 : a2);
        b.add(takeFirstBefore ? b1 : b2);
        cuts.add(x0);
        a.add(takeFirstBefore ? a2 : a1);
        b.add(takeFirstBefore ? b2 : b1);
        return;
      }
    }
    // no crossing inside: compare at a point inside
    Q x = l == null ? (r == null ? Q.ZERO : r.sub(Q.ONE)) : r == null ? l.add(Q.ONE)
        : l.add(r).div(Q.of(BigInteger.TWO, BigInteger.ONE));
    int c = a1.add(b1.mul(x)).compareTo(a2.add(b2.mul(x)));
    boolean first = min ? c <= 0 : c >= 0;
    a.add(first ? a1 : a2);
    b.add(first ? b1 : b2);
  }

  /**
   * The engine's clamp: below {@code lo} gives lo, above {@code hi} gives hi; where lo exceeds hi the
   * engine refuses (undefined here).
   */
  static Fn clamp(Fn v, Fn lo, Fn hi) {
    Fn r = lo.max(v.min(hi));
    Fn order = lo.sub(hi); // positive where the clamp is empty
    List<Q> common = union(union(r.cuts, order.cuts), order.crossings(Q.ZERO));
    Fn rr = r.refine(common);
    Fn oo = order.refine(common);
    List<Q> na = new ArrayList<>(rr.a);
    List<Q> nb = new ArrayList<>(rr.b);
    for (int i = 0; i < rr.pieces(); i++) {
      Q d = oo.value(i, rr.inside(i));
      if (d == null || d.signum() > 0) {
        na.set(i, null);
        nb.set(i, null);
      }
    }
    return new Fn(common, na, nb);
  }

  /** max(c, x) of a peak measure: the largest value of the periods, the coming one's x among them. */
  static Fn peak(Q past) {
    Fn x = identity();
    return x.max(constant(past));
  }

  /**
   * The function rounded as a table rounds it, its steps made explicit (each piece of constant
   * value): where it runs over a long or unbounded stretch of values this is refused.
   */
  Fn round(Rounding rounding) {
    Q half = half(rounding);
    List<Q> cuts = new ArrayList<>();
    List<Q> na = new ArrayList<>();
    List<Q> nb = new ArrayList<>();
    long made = 0;
    for (int i = 0; i < pieces(); i++) {
      if (i > 0) {
        cuts.add(this.cuts.get(i - 1));
      }
      if (a.get(i) == null) {
        na.add(null);
        nb.add(null);
        continue;
      }
      if (b.get(i).signum() == 0) {
        na.add(rounded(a.get(i), rounding));
        nb.add(Q.ZERO);
        continue;
      }
      Q l = i == 0 ? null : this.cuts.get(i - 1);
      Q r = i == this.cuts.size() ? null : this.cuts.get(i);
      if (l == null || r == null) {
        throw new NotInvertibleException(NotInvertible.Reason.TOO_MANY_STEPS,
            "rounds a value that grows without bound with the quantity");
      }
      Q vl = value(i, l);
      Q vr = value(i, r);
      Q lo = vl.min(vr);
      Q hi = vl.max(vr);
      // the boundaries of the rounding (multiples of half a step) strictly inside (lo, hi)
      BigInteger first = lo.div(half).floor().add(BigInteger.ONE);
      BigInteger last = hi.div(half).floor();
      if (hi.div(half).d().equals(BigInteger.ONE)) {
        last = last.subtract(BigInteger.ONE);
      }
      long count = Math.max(0, last.subtract(first).longValue() + 1);
      made += count + 1;
      if (made > MAX_PIECES) {
        throw new NotInvertibleException(NotInvertible.Reason.TOO_MANY_STEPS, "takes more than " + MAX_PIECES
            + " distinct values (rounded to " + rounding.scale() + " places over a long stretch)");
      }
      List<Q> xs = new ArrayList<>();
      for (BigInteger k = first; k.compareTo(last) <= 0; k = k.add(BigInteger.ONE)) {
        Q t = half.mul(Q.of(k, BigInteger.ONE));
        xs.add(t.sub(a.get(i)).div(b.get(i)));
      }
      xs.sort(null);
      Q prev = l;
      for (Q x : xs) {
        na.add(rounded(value(i, prev.add(x).div(Q.of(BigInteger.TWO, BigInteger.ONE))), rounding));
        nb.add(Q.ZERO);
        cuts.add(x);
        prev = x;
      }
      na.add(rounded(value(i, prev.add(r).div(Q.of(BigInteger.TWO, BigInteger.ONE))), rounding));
      nb.add(Q.ZERO);
    }
    return new Fn(cuts, na, nb);
  }

  /** Half a step of a rounding: every place where a rounding mode can change its result is a multiple of it. */
  static Q half(Rounding r) {
    return Q.of(BigInteger.ONE, BigInteger.TEN.pow(r.scale()).multiply(BigInteger.TWO));
  }

  static Q rounded(Q v, Rounding r) {
    return Q.of(new BigDecimal(v.n()).divide(new BigDecimal(v.d()), r.scale(), r.mode()));
  }

  /**
   * A step table of reference data at a key: the row whose key is the greatest not above it (with
   * interpolation, the straight line to the next row); below the first key the engine refuses.
   */
  static Fn lookup(Fn key, List<BigDecimal> keys, List<BigDecimal> values, boolean interpolate) {
    List<Q> cuts = new ArrayList<>();
    List<Q> na = new ArrayList<>();
    List<Q> nb = new ArrayList<>();
    for (int i = 0; i < key.pieces(); i++) {
      if (i > 0) {
        cuts.add(key.cuts.get(i - 1));
      }
      if (key.a.get(i) == null) {
        na.add(null);
        nb.add(null);
        continue;
      }
      Q l = i == 0 ? null : key.cuts.get(i - 1);
      Q r = i == key.cuts.size() ? null : key.cuts.get(i);
      List<Q> xs = new ArrayList<>();
      if (key.b.get(i).signum() != 0) {
        for (BigDecimal k : keys) {
          Q x = Q.of(k).sub(key.a.get(i)).div(key.b.get(i));
          if ((l == null || x.compareTo(l) > 0) && (r == null || x.compareTo(r) < 0)) {
            xs.add(x);
          }
        }
      }
      xs.sort(null);
      List<Q> bounds = new ArrayList<>();
      bounds.add(l);
      bounds.addAll(xs);
      bounds.add(r);
      for (int j = 0; j + 1 < bounds.size(); j++) {
        if (j > 0) {
          cuts.add(bounds.get(j));
        }
        Q lo = bounds.get(j);
        Q hi = bounds.get(j + 1);
        Q mid = lo == null ? (hi == null ? Q.ZERO : hi.sub(Q.ONE)) : hi == null ? lo.add(Q.ONE)
            : lo.add(hi).div(Q.of(BigInteger.TWO, BigInteger.ONE));
        Q k = key.value(i, mid);
        int row = -1;
        for (int t = 0; t < keys.size() && Q.of(keys.get(t)).compareTo(k) <= 0; t++) {
          row = t;
        }
        if (row < 0) {
          na.add(null);
          nb.add(null);
        } else if (!interpolate || row == keys.size() - 1) {
          na.add(Q.of(values.get(row)));
          nb.add(Q.ZERO);
        } else {
          Q k0 = Q.of(keys.get(row));
          Q v0 = Q.of(values.get(row));
          Q s = Q.of(values.get(row + 1)).sub(v0).div(Q.of(keys.get(row + 1)).sub(k0));
          na.add(v0.add(key.a.get(i).sub(k0).mul(s)));
          nb.add(key.b.get(i).mul(s));
        }
      }
    }
    return new Fn(cuts, na, nb);
  }

  /**
   * Where the function can take the value {@code bound} or cross it: every cut point (where it may
   * jump or bend) and, inside each piece, where its line meets the bound.
   */
  List<Q> crossings(Q bound) {
    List<Q> out = new ArrayList<>(cuts);
    for (int i = 0; i < pieces(); i++) {
      if (a.get(i) == null || b.get(i).signum() == 0) {
        continue;
      }
      Q x = bound.sub(a.get(i)).div(b.get(i));
      Q l = i == 0 ? null : cuts.get(i - 1);
      Q r = i == cuts.size() ? null : cuts.get(i);
      if ((l == null || x.compareTo(l) > 0) && (r == null || x.compareTo(r) < 0)) {
        out.add(x);
      }
    }
    return out;
  }

  /**
   * Where a value rounded as {@code r} can cross {@code bound}: where this (unrounded) function
   * crosses one of the rounding's boundaries next to the bound. A rounded value changes only where
   * the unrounded one passes a multiple of half a step, and it can pass from one side of the bound to
   * the other only at the two such multiples nearest the bound on each side.
   */
  List<Q> roundedCrossings(Q bound, Rounding r) {
    Q half = half(r);
    BigInteger k = bound.div(half).floor();
    List<Q> out = new ArrayList<>();
    for (int j = -2; j <= 3; j++) {
      out.addAll(crossings(half.mul(Q.of(k.add(BigInteger.valueOf(j)), BigInteger.ONE))));
    }
    return out;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pieces(); i++) {
      if (i > 0) {
        s.append(" |").append(cuts.get(i - 1)).append("| ");
      }
      s.append(a.get(i) == null ? "undef" : a.get(i) + (b.get(i).signum() == 0 ? "" : " + " + b.get(i) + "x"));
    }
    return s.toString();
  }
}
