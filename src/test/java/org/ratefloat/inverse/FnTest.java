package org.ratefloat.inverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratefloat.document.Rounding;
import org.ratefloat.thresholds.NotInvertible;

/** The piecewise-affine functions the thresholds invert through, each result worked out by hand. */
class FnTest {
  private static Q q(String x) {
    return Q.of(new BigDecimal(x));
  }

  private static Q q(long n, long d) {
    return Q.of(BigInteger.valueOf(n), BigInteger.valueOf(d));
  }

  @Test
  void aRatioBoundTimesItsDenominatorLessThePast() {
    // payout ratio (150,000 + x) x 100 / 244,000 crosses 50 % at x = 122,000 - 150,000 = -28,000 and 100 % at 94,000
    Fn ratio = Fn.affine(q("150000").mul(q("100")).div(q("244000")), q("100").div(q("244000")));
    assertEquals(List.of(q("-28000")), ratio.crossings(q("50")));
    assertEquals(List.of(q("94000")), ratio.crossings(q("100")));
  }

  @Test
  void minAndMaxCutWhereTheLinesCross() {
    // min(x, 10 - x) bends at 5; max(2, x) at 2
    Fn m = Fn.identity().min(Fn.affine(q("10"), q("-1")));
    assertEquals(List.of(q("5")), m.cuts);
    assertEquals(q("3"), m.value(0, q("3")));
    assertEquals(q("3"), m.value(1, q("7")));
    assertEquals(List.of(q("2")), Fn.peak(q("2")).cuts);
  }

  @Test
  void aClampIsRefusedWhereItsEndsCross() {
    // clamp(x, 1, 3 - x): empty where 1 > 3 - x, i.e. from x = 2 on
    Fn c = Fn.clamp(Fn.identity(), Fn.constant(q("1")), Fn.affine(q("3"), q("-1")));
    int after = c.pieceOf(q("2.5"));
    assertEquals(null, c.a.get(after), c.toString());
    assertEquals(q("1"), c.value(c.pieceOf(q("0.5")), q("0.5")));
    assertEquals(q("1.5"), c.value(c.pieceOf(q("1.5")), q("1.5")));
  }

  @Test
  void roundingStepsAtEveryHalfStepBoundary() {
    // x / 4 on (0, 1) rounded to one place, half up: 0.0 below x = 0.2, 0.1 to 0.6, 0.2 to 1.0
    Fn f = Fn.affine(Q.ZERO, q(1, 4));
    Fn limited = f.max(Fn.constant(Q.ZERO)).min(Fn.constant(q("0.25")));
    Fn r = limited.round(new Rounding(1, RoundingMode.HALF_UP));
    assertTrue(r.cuts.containsAll(List.of(q("0.2"), q("0.6"))), r.toString());
    assertEquals(q("0.1"), r.value(r.pieceOf(q("0.4")), q("0.4")));
    assertEquals(q("0.2"), r.value(r.pieceOf(q("0.9")), q("0.9")));
    // and a condition >= 0.2 on the rounded value can flip only where x / 4 passes 0.15 (x = 0.6)
    assertTrue(f.roundedCrossings(q("0.2"), new Rounding(1, RoundingMode.HALF_UP)).contains(q("0.6")));
  }

  @Test
  void aLookupStepsAtTheTableKeysAndInterpolatesBetween() {
    // keys 0, 10, 20 with values 1, 3, 3; interpolated: 1 + 0.2 k up to 10, then 3
    Fn l = Fn.lookup(Fn.identity(), List.of(new BigDecimal("0"), new BigDecimal("10"), new BigDecimal("20")),
        List.of(new BigDecimal("1"), new BigDecimal("3"), new BigDecimal("3")), true);
    assertEquals(null, l.a.get(l.pieceOf(q("-1"))), "below the first key the engine refuses");
    assertEquals(q("2"), l.value(l.pieceOf(q("5")), q("5")));
    assertEquals(q("3"), l.value(l.pieceOf(q("15")), q("15")));
    assertEquals(q("3"), l.value(l.pieceOf(q("25")), q("25")));
  }

  @Test
  void whatCannotBeInvertedIsRefusedWithItsReason() {
    assertEquals(NotInvertible.Reason.PRODUCT_OF_VARYING, assertThrows(NotInvertibleException.class,
        () -> Fn.identity().mul(Fn.identity())).reason);
    assertEquals(NotInvertible.Reason.VARYING_DIVISOR, assertThrows(NotInvertibleException.class,
        () -> Fn.constant(Q.ONE).div(Fn.identity())).reason);
    assertEquals(NotInvertible.Reason.TOO_MANY_STEPS, assertThrows(NotInvertibleException.class,
        () -> Fn.identity().round(new Rounding(2, RoundingMode.HALF_UP))).reason);
    // a division by a constant 0 is undefined (the formula's zero-denominator value), not an error
    Fn zero = Fn.identity().div(Fn.constant(Q.ZERO));
    assertEquals(null, zero.a.get(0));
  }
}
