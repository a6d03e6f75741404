package org.ratefloat.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one place an interval is tested, with values worked out by hand: each end open and closed, an
 * exact fraction against a bound (compared as n against bound × d, nothing rounded), and the texts an
 * account shows for each kind of condition.
 */
class ConditionTest {
  private static Condition interval(String lower, boolean lowerIn, String upper, boolean upperIn) {
    return new Condition("payoutRatio", "/steps/0/rows/0/when/payoutRatio",
        Optional.ofNullable(lower).map(v -> new Condition.Bound(new BigDecimal(v), lowerIn)),
        Optional.ofNullable(upper).map(v -> new Condition.Bound(new BigDecimal(v), upperIn)),
        Optional.empty(), ImmutableSet.of());
  }

  private static boolean admits(Condition c, String n, String d) {
    return c.admits(new BigDecimal(n), new BigDecimal(d));
  }

  @Test
  void anOpenLowerAndAClosedUpperEnd() {
    Condition c = interval("50", false, "100", true);
    assertFalse(admits(c, "50", "1"), "50 is not in (50, 100]");
    assertFalse(admits(c, "100", "2"), "100/2 = 50 is not in (50, 100]");
    assertTrue(admits(c, "101", "2"), "50.5");
    assertTrue(admits(c, "6200", "117"), "52.991…");
    assertTrue(admits(c, "100", "1"));
    assertTrue(admits(c, "300", "3"), "300/3 = 100 is in (50, 100]");
    assertFalse(admits(c, "301", "3"), "100.33…");
    assertFalse(admits(c, "1000001", "10000"), "100.0001");
    assertFalse(admits(c, "-60", "1"));
  }

  @Test
  void aClosedLowerAndAnOpenUpperEnd() {
    Condition c = interval("0.5", true, "1.5", false);
    assertTrue(admits(c, "1", "2"), "1/2 = 0.5 is in [0.5, 1.5)");
    assertFalse(admits(c, "49999", "100000"), "0.49999");
    assertFalse(admits(c, "3", "2"), "3/2 = 1.5 is not in [0.5, 1.5)");
    assertTrue(admits(c, "149999", "100000"), "1.49999");
    assertTrue(c.admits(new BigDecimal("0.50")), "0.50 equals 0.5 whatever its scale");
    assertFalse(c.admits(new BigDecimal("1.50")));
  }

  @Test
  void unboundedEnds() {
    Condition atLeast = interval("3", true, null, false);
    assertTrue(admits(atLeast, "3", "1"));
    assertTrue(admits(atLeast, "1000000000", "7"));
    assertFalse(admits(atLeast, "20", "7"), "2.857…");
    Condition below = interval(null, false, "3", false);
    assertTrue(admits(below, "-1000000000", "1"));
    assertTrue(admits(below, "20", "7"));
    assertFalse(admits(below, "21", "7"), "21/7 = 3 is not below 3");
    Condition any = interval(null, false, null, false);
    assertTrue(admits(any, "-5", "3"));
  }

  @Test
  void flagsAndTexts() {
    Condition arrears = new Condition("premiumArrears", "/p", Optional.empty(), Optional.empty(), Optional.of(true),
        ImmutableSet.of());
    assertTrue(arrears.admits(true));
    assertFalse(arrears.admits(false));
    Condition rating = new Condition("safetyCreditRating", "/p", Optional.empty(), Optional.empty(), Optional.empty(),
        ImmutableSet.of("A", "B"));
    assertTrue(rating.admits("A"));
    assertTrue(rating.admits("B"));
    assertFalse(rating.admits("C"));
    assertFalse(rating.admits("a"));
  }

  @Test
  void eachConditionSaysWhatItTests() {
    assertEquals("payoutRatio in (50, 100]", interval("50", false, "100", true).describe());
    assertEquals("payoutRatio in [0.5, 1.5)", interval("0.5", true, "1.5", false).describe());
    assertEquals("payoutRatio in [3, +inf)", interval("3", true, null, false).describe());
    assertEquals("payoutRatio in (-inf, 3)", interval(null, false, "3", false).describe());
    assertEquals("premiumArrears = false", new Condition("premiumArrears", "/p", Optional.empty(), Optional.empty(),
        Optional.of(false), ImmutableSet.of()).describe());
    assertEquals("safetyCreditRating in [A, B]", new Condition("safetyCreditRating", "/p", Optional.empty(),
        Optional.empty(), Optional.empty(), ImmutableSet.of("A", "B")).describe());
  }
}
