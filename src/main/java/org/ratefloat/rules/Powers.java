package org.ratefloat.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Powers with a rational exponent p/q of an exact fraction, rounded once to a declared scale and
 * mode, correctly (as if the exact value were rounded): the {@code sqrt} and {@code pow} of a
 * formula. Whole numbers only, no floating point: the root is found on integers and the rounding
 * decided by comparing integer powers, so {@code sqrt(2.25)} at scale 0 is a tie and HALF_EVEN gives
 * 2. Stateless.
 */
public final class Powers {
  private Powers() {}

  /** The largest exponent numerator and denominator a table may write. */
  public static final int MAX_EXPONENT = 100;

  /**
   * (n / d)^(p / q) rounded to {@code scale} places by {@code mode}; null when the base is 0 and p is
   * negative (a division by zero).
   *
   * @param d positive
   * @param q positive; with q &gt; 1 (a root) the base must not be negative
   * @throws ArithmeticException for a root of a negative base
   */
  public static BigDecimal power(BigDecimal n, BigDecimal d, int p, int q, int scale, RoundingMode mode) {
    if (d.signum() <= 0 || q <= 0 || scale < 0) {
      throw new IllegalArgumentException("d and q must be positive and scale not negative");
    }
    // n/d = N/D with whole N and D > 0
    BigInteger num = n.unscaledValue();
    BigInteger den = d.unscaledValue();
    int shift = d.scale() - n.scale();
    if (shift > 0) {
      num = num.multiply(BigInteger.TEN.pow(shift));
    } else if (shift < 0) {
      den = den.multiply(BigInteger.TEN.pow(-shift));
    }
    if (p < 0) {
      if (num.signum() == 0) {
        return null;
      }
      BigInteger t = num;
      num = den;
      den = t;
      if (den.signum() < 0) {
        num = num.negate();
        den = den.negate();
      }
      p = -p;
    }
    num = num.pow(p);
    den = den.pow(p);
    if (q == 1) {
      return new BigDecimal(num).divide(new BigDecimal(den), scale, mode);
    }
    if (num.signum() < 0) {
      throw new ArithmeticException("a root of a negative value");
    }
    // t = (N / D)^(1/q) x 10^scale; r = floor(t) = floor(floor(N x 10^(q scale) / D)^(1/q))
    BigInteger x = num.multiply(BigInteger.TEN.pow(q * scale));
    BigInteger r = root(x.divide(den), q);
    boolean exact = r.pow(q).multiply(den).equals(x);
    BigInteger up = r.add(BigInteger.ONE);
    BigInteger rounded = switch (mode) {
      case DOWN, FLOOR -> r;
      case UP, CEILING -> exact ? r : up;
      case UNNECESSARY -> {
        if (!exact) {
          throw new ArithmeticException("rounding necessary");
        }
        yield r;
      }
      case HALF_UP, HALF_DOWN, HALF_EVEN -> {
        if (exact) {
          yield r;
        }
        // t against r + 1/2: t^q = N 10^(q scale) / D against (2r + 1)^q / 2^q
        int c = x.shiftLeft(q).compareTo(r.shiftLeft(1).add(BigInteger.ONE).pow(q).multiply(den));
        if (c != 0) {
          yield c < 0 ? r : up;
        }
        yield switch (mode) {
          case HALF_UP -> up;
          case HALF_DOWN -> r;
          default -> r.testBit(0) ? up : r;
        };
      }
    };
    return new BigDecimal(rounded, scale);
  }

  /** The greatest whole r with r^q &lt;= a (a &gt;= 0, q &gt;= 2), by Newton's method on integers. */
  static BigInteger root(BigInteger a, int q) {
    if (a.signum() == 0) {
      return BigInteger.ZERO;
    }
    if (q == 2) {
      return a.sqrt();
    }
    BigInteger k = BigInteger.valueOf(q);
    BigInteger k1 = BigInteger.valueOf(q - 1L);
    // 2^ceil(bits / q) is at least the root: start above it and come down
    BigInteger x = BigInteger.ONE.shiftLeft((a.bitLength() + q - 1) / q);
    while (true) {
      BigInteger y = k1.multiply(x).add(a.divide(x.pow(q - 1))).divide(k);
      if (y.compareTo(x) >= 0) {
        return x;
      }
      x = y;
    }
  }
}
