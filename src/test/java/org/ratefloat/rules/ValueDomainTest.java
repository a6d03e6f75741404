package org.ratefloat.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The values a kind declares for its indicators, which the engine checks every computed value
 * against: the interval, the grid, and the words the format reference uses, by hand.
 */
class ValueDomainTest {
  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void wholeNumbersBetweenTwoBounds() {
    ValueDomain.Numbers grades = ValueDomain.Numbers.whole(0, 3);
    assertTrue(grades.contains(d("0")));
    assertTrue(grades.contains(d("3")));
    assertTrue(grades.contains(d("2.0")), "2.0 is the whole number 2");
    assertFalse(grades.contains(d("4")));
    assertFalse(grades.contains(d("-1")));
    assertFalse(grades.contains(d("1.5")), "not on the grid");
    assertTrue(grades.contains(d("6"), d("3")), "6/3 = 2");
    assertFalse(grades.contains(d("7"), d("3")), "7/3 is not whole");
    assertFalse(grades.contains(d("12"), d("3")), "12/3 = 4 is above 3");
    assertEquals("whole numbers in [0, 3]", grades.describe());
  }

  @Test
  void aGridOfHundredthsAndAnOpenEnd() {
    ValueDomain.Numbers cents = new ValueDomain.Numbers(Optional.of(new Condition.Bound(d("0"), false)),
        Optional.empty(), d("0.01"));
    assertTrue(cents.contains(d("0.01")));
    assertTrue(cents.contains(d("12345.67")));
    assertFalse(cents.contains(d("0")), "0 is not in (0, +∞)");
    assertFalse(cents.contains(d("0.005")), "between two hundredths");
    assertTrue(cents.contains(d("1"), d("4")), "1/4 = 0.25");
    assertFalse(cents.contains(d("1"), d("3")), "1/3 is not a number of hundredths");
    assertEquals("numbers in (0, +∞) in steps of 0.01", cents.describe());
  }

  @Test
  void anyDecimal() {
    assertTrue(ValueDomain.Numbers.ANY.contains(d("-1000000.123456789")));
    assertTrue(ValueDomain.Numbers.ANY.contains(d("1"), d("3")));
    assertEquals("numbers in (-∞, +∞)", ValueDomain.Numbers.ANY.describe());
    ValueDomain.Numbers below = ValueDomain.Numbers.closed(Optional.empty(), Optional.of(d("1.5")), BigDecimal.ZERO);
    assertTrue(below.contains(d("1.5")));
    assertFalse(below.contains(d("1.50001")));
    assertEquals("numbers in (-∞, 1.5]", below.describe());
  }
}
