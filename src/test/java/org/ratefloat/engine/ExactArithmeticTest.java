package org.ratefloat.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exact values over a denominator of 1 are added, subtracted, multiplied, divided and compared
 * without the products by 1, and the results must be those the products give, digit for digit and
 * scale for scale: a record writes a whole value with its scale, so {@code 2.50 + 1} must stay
 * {@code 3.50} over {@code 1}, and a denominator written {@code 1.0} is not 1 for the shortcut.
 */
class ExactArithmeticTest {
  private static final List<String> VALUES = List.of("0", "1", "-1", "2.50", "-0.125", "1E+3", "7", "100.00",
      "0.000", "123456789012345678901234567890.12");
  private static final List<String> DENOMINATORS = List.of("1", "1.0", "3", "0.5");

  /** The operations as written out in full, with every product by a denominator. */
  private static Exact add(Exact a, Exact b) {
    return new Exact(a.n().multiply(b.d()).add(b.n().multiply(a.d())), a.d().multiply(b.d()));
  }

  private static Exact sub(Exact a, Exact b) {
    return new Exact(a.n().multiply(b.d()).subtract(b.n().multiply(a.d())), a.d().multiply(b.d()));
  }

  private static Exact mul(Exact a, Exact b) {
    return new Exact(a.n().multiply(b.n()), a.d().multiply(b.d()));
  }

  private static Exact div(Exact a, Exact b) {
    return Exact.ratio(a.n().multiply(b.d()), a.d().multiply(b.n()));
  }

  @Test
  void theShortcutsGiveWhatTheProductsGive() {
    int compared = 0;
    for (String an : VALUES) {
      for (String ad : DENOMINATORS) {
        for (String bn : VALUES) {
          for (String bd : DENOMINATORS) {
            Exact a = new Exact(new BigDecimal(an), new BigDecimal(ad));
            Exact b = new Exact(new BigDecimal(bn), new BigDecimal(bd));
            String what = an + "/" + ad + " and " + bn + "/" + bd;
            assertEquals(add(a, b), a.add(b), "sum of " + what);
            assertEquals(sub(a, b), a.sub(b), "difference of " + what);
            assertEquals(mul(a, b), a.mul(b), "product of " + what);
            assertEquals(div(a, b), a.div(b), "quotient of " + what);
            assertEquals(Integer.signum(a.n().multiply(b.d()).compareTo(b.n().multiply(a.d()))),
                Integer.signum(a.compareTo(b)), "comparison of " + what);
            compared++;
          }
        }
      }
    }
    assertEquals(1600, compared);
  }

  @Test
  void aWholeSumKeepsItsScale() {
    Exact sum = Exact.of(new BigDecimal("2.50")).add(Exact.of(BigDecimal.ONE));
    assertEquals("3.50", sum.n().toString());
    assertEquals(BigDecimal.ONE, sum.d());
    Exact product = Exact.of(new BigDecimal("2.50")).mul(Exact.of(new BigDecimal("4")));
    assertEquals("10.00", product.n().toString());
    Exact quotient = Exact.of(new BigDecimal("1")).div(Exact.of(new BigDecimal("-3")));
    assertEquals(new Exact(new BigDecimal("-1"), new BigDecimal("3")), quotient);
  }
}
