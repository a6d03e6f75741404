package org.ratefloat.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.ratefloat.decision.Value;
import org.ratefloat.rules.Condition;

/**
 * An exact rational value n / d with d &gt; 0, the way indicators are computed and compared: a
 * threshold is tested against the value itself, never against a rounded quotient.
 */
record Exact(BigDecimal n, BigDecimal d) {
  private static final BigInteger FIVE = BigInteger.valueOf(5);

  Exact {
    if (d.signum() <= 0) {
      throw new IllegalStateException("denominator must be positive: " + d);
    }
  }

  static Exact of(BigDecimal x) {
    return new Exact(x, BigDecimal.ONE);
  }

  /** n / d, or null when d is zero; the sign is moved to the numerator. */
  static Exact ratio(BigDecimal n, BigDecimal d) {
    if (d.signum() == 0) {
      return null;
    }
    return d.signum() < 0 ? new Exact(n.negate(), d.negate()) : new Exact(n, d);
  }

  /*
   * Where both denominators are 1 (scale 0), the products by them are left out: n × 1 has n's value
   * and scale, and 1 × 1 is 1, so the result is the same numerator and denominator, digit for digit
   * and scale for scale, that the products give (a record writes a whole value with its scale).
   */

  Exact add(Exact o) {
    if (whole() && o.whole()) {
      return new Exact(n.add(o.n), BigDecimal.ONE);
    }
    return new Exact(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
  }

  Exact sub(Exact o) {
    if (whole() && o.whole()) {
      return new Exact(n.subtract(o.n), BigDecimal.ONE);
    }
    return new Exact(n.multiply(o.d).subtract(o.n.multiply(d)), d.multiply(o.d));
  }

  Exact mul(Exact o) {
    return new Exact(n.multiply(o.n), whole() && o.whole() ? BigDecimal.ONE : d.multiply(o.d));
  }

  /** Whether the denominator is 1 with scale 0, which a product by leaves a factor as it is. */
  private boolean whole() {
    return d == BigDecimal.ONE || d.equals(BigDecimal.ONE);
  }

  /** this / o, or null when o is zero. */
  Exact div(Exact o) {
    if (whole() && o.whole()) {
      return ratio(n, o.n);
    }
    return ratio(n.multiply(o.d), d.multiply(o.n));
  }

  int compareTo(Exact o) {
    if (whole() && o.whole()) {
      return n.compareTo(o.n);
    }
    return n.multiply(o.d).compareTo(o.n.multiply(d));
  }

  int signum() {
    return n.signum();
  }

  /** Whether a condition's interval admits this exact value. */
  boolean admittedBy(Condition c) {
    return c.admits(n, d);
  }

  /** The value rounded as a table says. */
  BigDecimal round(org.ratefloat.document.Rounding r) {
    return n.divide(d, r.scale(), r.mode());
  }

  /**
   * The exact value for a record: a plain decimal when its expansion ends (trailing zeros removed),
   * else the reduced fraction.
   */
  Value toValue() {
    Value small = toValueInLongs();
    return small != null ? small : toValueInBigIntegers();
  }

  /** 10^0 .. 10^18, every power of ten a long holds. */
  private static final long[] TENS = new long[19];

  static {
    TENS[0] = 1;
    for (int i = 1; i < TENS.length; i++) {
      TENS[i] = TENS[i - 1] * 10;
    }
  }

  /**
   * {@link #toValue} where the whole numerator and denominator (after the scales are made equal)
   * have at most 18 digits, in long arithmetic; null where they do not, or where the decimal
   * expansion's digits would not fit in a long.
   */
  @org.jspecify.annotations.Nullable Value toValueInLongs() {
    if (d.compareTo(BigDecimal.ONE) == 0) {
      return new Value.Num(n);
    }
    int shift = d.scale() - n.scale();
    if (n.precision() + Math.max(shift, 0) > 18 || d.precision() + Math.max(-shift, 0) > 18) {
      return null;
    }
    // the unscaled values: scale 0 with the same digits (BigDecimal.longValue reads them as they are)
    long p = n.scaleByPowerOfTen(n.scale()).longValue() * TENS[Math.max(shift, 0)];
    long q = d.scaleByPowerOfTen(d.scale()).longValue() * TENS[Math.max(-shift, 0)];
    long g = gcd(Math.abs(p), q);
    p /= g;
    q /= g;
    int twos = Long.numberOfTrailingZeros(q);
    long rest = q >>> twos;
    int fives = 0;
    while (rest % 5 == 0) {
      rest /= 5;
      fives++;
    }
    if (rest != 1) {
      return new Value.Fraction(BigInteger.valueOf(p), BigInteger.valueOf(q));
    }
    // q = 2^twos 5^fives: p / q = p × (10^k / q) / 10^k with k the larger of the two
    int k = Math.max(twos, fives);
    if (k >= TENS.length) {
      return null;
    }
    long m = TENS[k] / q;
    long digits;
    try {
      digits = Math.multiplyExact(p, m);
    } catch (ArithmeticException overflow) {
      return null;
    }
    return new Value.Num(plain(BigDecimal.valueOf(digits, k)));
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** {@link #toValue} in BigInteger arithmetic, for any size. */
  Value toValueInBigIntegers() {
    if (d.compareTo(BigDecimal.ONE) == 0) {
      return new Value.Num(n);
    }
    // n/d = (un * 10^-ns) / (ud * 10^-ds) = (un * 10^ds) / (ud * 10^ns), both whole
    BigInteger p = n.unscaledValue();
    BigInteger q = d.unscaledValue();
    int shift = d.scale() - n.scale();
    if (shift > 0) {
      p = p.multiply(BigInteger.TEN.pow(shift));
    } else if (shift < 0) {
      q = q.multiply(BigInteger.TEN.pow(-shift));
    }
    BigInteger g = p.gcd(q);
    if (!g.equals(BigInteger.ONE)) {
      p = p.divide(g);
      q = q.divide(g);
    }
    BigInteger rest = q.shiftRight(q.getLowestSetBit());
    while (rest.mod(FIVE).signum() == 0) {
      rest = rest.divide(FIVE);
    }
    if (rest.equals(BigInteger.ONE)) {
      // q = 2^a 5^b: the decimal expansion ends after max(a, b) places
      return new Value.Num(plain(new BigDecimal(p).divide(new BigDecimal(q))));
    }
    return new Value.Fraction(p, q);
  }

  private static BigDecimal plain(BigDecimal x) {
    BigDecimal s = x.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
