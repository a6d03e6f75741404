package org.ratefloat.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * Powers rounded as declared, against values worked out by hand: each result is bracketed by
 * squaring (or raising) its neighbours at the last place, so no root is taken to check a root.
 */
class PowersTest {
  private static String power(String x, int p, int q, int scale, RoundingMode mode) {
    BigDecimal v = Powers.power(new BigDecimal(x), BigDecimal.ONE, p, q, scale, mode);
    return v == null ? null : v.toPlainString();
  }

  @Test
  void squareRootsRoundAsDeclared() {
    // 1.414213^2 = 1.999998409..., 1.4142135^2 = 1.99999982..., 1.414214^2 = 2.0000012...:
    // sqrt(2) lies in (1.4142135, 1.414214), so 1.414214 half up, 1.414213 down
    assertEquals("1.414214", power("2", 1, 2, 6, RoundingMode.HALF_UP));
    assertEquals("1.414213", power("2", 1, 2, 6, RoundingMode.DOWN));
    assertEquals("1.414214", power("2", 1, 2, 6, RoundingMode.CEILING));
    // sqrt(2.25) = 1.5 exactly: a tie at scale 0
    assertEquals("2", power("2.25", 1, 2, 0, RoundingMode.HALF_UP));
    assertEquals("1", power("2.25", 1, 2, 0, RoundingMode.HALF_DOWN));
    assertEquals("2", power("2.25", 1, 2, 0, RoundingMode.HALF_EVEN));
    // sqrt(6.25) = 2.5: HALF_EVEN goes to 2; exact roots are kept: sqrt(1.44) = 1.20
    assertEquals("2", power("6.25", 1, 2, 0, RoundingMode.HALF_EVEN));
    assertEquals("1.20", power("1.44", 1, 2, 2, RoundingMode.UP));
    assertEquals("0.000", power("0", 1, 2, 3, RoundingMode.HALF_UP));
  }

  @Test
  void limitedFluctuationCredibility() {
    // Z = sqrt(n / 1,082) for n = 100: 0.30395^2 x 1,082 = 99.961, 0.30405^2 x 1,082 = 100.027, so Z lies in
    // (0.30395, 0.30405) and is 0.3040 at 4 places half up
    BigDecimal z = Powers.power(new BigDecimal("100"), new BigDecimal("1082"), 1, 2, 4, RoundingMode.HALF_UP);
    assertEquals("0.3040", z.toPlainString());
    // n = 400: 0.60795^2 x 1,082 = 399.911, 0.60805^2 x 1,082 = 400.042: 0.6080
    assertEquals("0.6080", Powers.power(new BigDecimal("400"), new BigDecimal("1082"), 1, 2, 4,
        RoundingMode.HALF_UP).toPlainString());
  }

  @Test
  void powersWithWholeAndFractionalExponents() {
    assertEquals("1024", power("2", 10, 1, 0, RoundingMode.HALF_UP));
    // 0.25^1.5 = (0.25^3)^(1/2) = 0.015625^(1/2) = 0.125
    assertEquals("0.125000", power("0.25", 3, 2, 6, RoundingMode.HALF_UP));
    // 2^-1 = 0.5; 3^-1 = 0.3333... -> 0.33 at 2 places
    assertEquals("0.50", power("2", -1, 1, 2, RoundingMode.HALF_UP));
    assertEquals("0.33", power("3", -1, 1, 2, RoundingMode.HALF_UP));
    // 1.1^0.25: 1.0241^2 = 1.04878081, squared 1.09994119 < 1.1; 1.0242^4 = 1.10037 > 1.1: 1.0241 down
    assertEquals("1.0241", power("1.1", 1, 4, 4, RoundingMode.DOWN));
    // a negative base to a whole power is exact: (-2)^3 = -8
    assertEquals("-8", power("-2", 3, 1, 0, RoundingMode.HALF_UP));
  }

  @Test
  void zeroToANegativePowerDividesByZeroAndARootOfANegativeValueIsRefused() {
    assertNull(power("0", -1, 1, 2, RoundingMode.HALF_UP));
    assertThrows(ArithmeticException.class, () -> power("-1", 1, 2, 2, RoundingMode.HALF_UP));
  }

  @Test
  void integerRootsAreFloors() {
    // 3^5 = 243 <= 250 < 4^5 = 1024
    assertEquals(BigInteger.valueOf(3), Powers.root(BigInteger.valueOf(250), 5));
    assertEquals(BigInteger.valueOf(4), Powers.root(BigInteger.valueOf(1024), 5));
    assertEquals(BigInteger.valueOf(3), Powers.root(BigInteger.valueOf(1023), 5));
    assertEquals(BigInteger.TEN.pow(50), Powers.root(BigInteger.TEN.pow(150), 3));
    assertEquals(BigInteger.TEN.pow(50).subtract(BigInteger.ONE), Powers.root(BigInteger.TEN.pow(150)
        .subtract(BigInteger.ONE), 3));
  }
}
