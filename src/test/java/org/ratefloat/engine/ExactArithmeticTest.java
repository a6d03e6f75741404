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

  /**
   * The record's form of an exact value in long arithmetic (decimal where the expansion ends, else
   * the reduced fraction) is the one BigInteger arithmetic gives, digit for digit; values too long
   * for longs are left to BigIntegers.
   */
  @Test
  void theRecordFormInLongsIsTheFormInBigIntegers() {
    List<String> numerators = List.of("0", "1", "-1", "7", "-7", "2.50", "100", "123.45", "-0.001", "1E+3",
        "999999999999999999", "99999999999999999.9", "5368.7", "1.000000000000000001", "314159265358979323.8");
    List<String> denominators = List.of("2", "3", "4", "6.25", "0.8", "1.0", "7", "1024", "3125", "12.5",
        "0.000000000000000001", "999999999999999989", "80", "1E+2", "2.4");
    int inLongs = 0;
    for (String pn : numerators) {
      for (String qd : denominators) {
        Exact x = new Exact(new BigDecimal(pn), new BigDecimal(qd));
        var fast = x.toValueInLongs();
        if (fast != null) {
          assertEquals(x.toValueInBigIntegers().render(), fast.render(), pn + " / " + qd);
          assertEquals(x.toValueInBigIntegers(), fast, pn + " / " + qd);
          inLongs++;
        }
        assertEquals(x.toValueInBigIntegers(), x.toValue(), pn + " / " + qd);
      }
    }
    // most of the grid fits in longs; the 18-digit extremes and their products do not
    assertEquals(true, inLongs > 150, "values computed in longs: " + inLongs);
    assertEquals("0.4", new Exact(new BigDecimal("1"), new BigDecimal("2.5")).toValue().render());
    assertEquals("-1/3", new Exact(new BigDecimal("-2"), new BigDecimal("6")).toValue().render());
  }
}
