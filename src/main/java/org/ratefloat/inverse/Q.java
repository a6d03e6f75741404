package org.ratefloat.inverse;

import java.math.BigDecimal;
import java.math.BigInteger;

/** An exact rational number, reduced, its denominator positive. Immutable. */
record Q(BigInteger n, BigInteger d) implements Comparable<Q> {
  static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);
  static final Q ONE = new Q(BigInteger.ONE, BigInteger.ONE);

  Q {
    if (d.signum() <= 0) {
      throw new IllegalStateException("denominator must be positive: " + d);
    }
  }

  static Q of(BigInteger n, BigInteger d) {
    if (d.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (d.signum() < 0) {
      n = n.negate();
      d = d.negate();
    }
    BigInteger g = n.gcd(d);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      n = n.divide(g);
      d = d.divide(g);
    }
    return n.signum() == 0 ? ZERO : new Q(n, d);
  }

  static Q of(BigDecimal x) {
    return x.scale() <= 0 ? new Q(x.toBigIntegerExact(), BigInteger.ONE)
        : of(x.unscaledValue(), BigInteger.TEN.pow(x.scale()));
  }

  /** n / d of two decimals (d not zero). */
  static Q of(BigDecimal n, BigDecimal d) {
    return of(n).div(of(d));
  }

  Q add(Q o) {
    return d.equals(o.d) ? of(n.add(o.n), d) : of(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
  }

  Q sub(Q o) {
    return add(o.negate());
  }

  Q negate() {
    return new Q(n.negate(), d);
  }

  Q mul(Q o) {
    return of(n.multiply(o.n), d.multiply(o.d));
  }

  Q div(Q o) {
    return of(n.multiply(o.d), d.multiply(o.n));
  }

  int signum() {
    return n.signum();
  }

  @Override
  public int compareTo(Q o) {
    return n.multiply(o.d).compareTo(o.n.multiply(d));
  }

  Q min(Q o) {
    return compareTo(o) <= 0 ? this : o;
  }

  Q max(Q o) {
    return compareTo(o) >= 0 ? this : o;
  }

  /** The greatest whole number not above this one. */
  BigInteger floor() {
    BigInteger[] qr = n.divideAndRemainder(d);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /** The greatest multiple of {@code unit} not above this one. */
  BigDecimal floorTo(BigDecimal unit) {
    return new BigDecimal(div(of(unit)).floor()).multiply(unit);
  }

  /** Whether this is a multiple of {@code unit}. */
  boolean onGrid(BigDecimal unit) {
    return div(of(unit)).d.equals(BigInteger.ONE);
  }

  /** The exact decimal, if the expansion ends; else null. */
  BigDecimal decimal() {
    try {
      return new BigDecimal(n).divide(new BigDecimal(d));
    } catch (ArithmeticException endless) {
      return null;
    }
  }

  @Override
  public String toString() {
    BigDecimal x = decimal();
    return x != null ? x.toPlainString() : n + "/" + d;
  }
}
