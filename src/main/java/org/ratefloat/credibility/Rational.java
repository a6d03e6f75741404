package org.ratefloat.credibility;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** An exact rational number in lowest terms, denominator positive. */
record Rational(BigInteger n, BigInteger d) implements Comparable<Rational> {
  static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
  static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

  Rational {
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
  }

  static Rational of(BigDecimal x) {
    return x.scale() >= 0 ? new Rational(x.unscaledValue(), BigInteger.TEN.pow(x.scale()))
        : new Rational(x.unscaledValue().multiply(BigInteger.TEN.pow(-x.scale())), BigInteger.ONE);
  }

  static Rational of(long x) {
    return new Rational(BigInteger.valueOf(x), BigInteger.ONE);
  }

  Rational add(Rational o) {
    return new Rational(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
  }

  Rational sub(Rational o) {
    return new Rational(n.multiply(o.d).subtract(o.n.multiply(d)), d.multiply(o.d));
  }

  Rational mul(Rational o) {
    return new Rational(n.multiply(o.n), d.multiply(o.d));
  }

  Rational div(Rational o) {
    return new Rational(n.multiply(o.d), d.multiply(o.n));
  }

  int signum() {
    return n.signum();
  }

  @Override
  public int compareTo(Rational o) {
    return n.multiply(o.d).compareTo(o.n.multiply(d));
  }

  /** The value to {@code digits} significant digits, half even (plain, no exponent). */
  BigDecimal significant(int digits) {
    BigDecimal v = new BigDecimal(n).divide(new BigDecimal(d), new java.math.MathContext(digits, RoundingMode.HALF_EVEN));
    v = v.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  /** The value rounded to {@code scale} places, half even. */
  BigDecimal decimal(int scale) {
    return new BigDecimal(n).divide(new BigDecimal(d), scale, RoundingMode.HALF_EVEN);
  }
}
