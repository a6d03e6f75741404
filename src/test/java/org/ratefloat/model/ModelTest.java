package org.ratefloat.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ratefloat.Assertions2.assertFails;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ratefloat.error.ErrorCode;

/** The input records check their own invariants, so a case built in Java is as sound as one read from JSON. */
class ModelTest {

  @Test
  void editions() {
    assertEquals(Optional.of(Edition.GBT_4754_2011), Edition.parse("2011"));
    assertEquals(Optional.of(Edition.GBT_4754_2017), Edition.parse("GB/T 4754-2017"));
    assertEquals(Optional.empty(), Edition.parse("2002"));
    assertEquals(Optional.empty(), Edition.parse(""));
  }

  @Test
  void industryCodes() {
    assertEquals("35", new IndustryCode(Edition.GBT_4754_2011, "3511").division());
    assertFails(ErrorCode.IN012, "/code", () -> new IndustryCode(Edition.GBT_4754_2011, "3"));
    assertFails(ErrorCode.IN012, "/code", () -> new IndustryCode(Edition.GBT_4754_2011, "C35"));
    assertFails(ErrorCode.IN012, "/code", () -> new IndustryCode(Edition.GBT_4754_2011, "35111"));
    assertFails(ErrorCode.IN012, "/code", () -> new IndustryCode(Edition.GBT_4754_2011, "３５"));
    assertThrows(NullPointerException.class, () -> new IndustryCode(null, "35"));
  }

  @Test
  void certificatesExpire() {
    var s = new SafetyStandardisation(2, LocalDate.of(2024, 12, 31));
    assertEquals(2, s.gradeOn(LocalDate.of(2024, 12, 31)));
    assertEquals(0, s.gradeOn(LocalDate.of(2025, 1, 1)));
    assertFails(ErrorCode.IN023, "/grade", () -> new SafetyStandardisation(4, LocalDate.of(2025, 1, 1)));
    assertFails(ErrorCode.IN023, "/validUntil", () -> new SafetyStandardisation(1, LocalDate.MAX));
  }

  private static Period period(String from, String to) {
    return new Period(LocalDate.parse(from), LocalDate.parse(to),
        ImmutableSortedMap.of(Measure.PAYROLL, BigDecimal.ONE), Optional.empty());
  }

  @Test
  void periods() {
    Period year = period("2024-01-01", "2024-12-31");
    assertTrue(year.isCalendarYear());
    assertEquals(366, year.days());
    assertTrue(!period("2024-01-01", "2024-06-30").isCalendarYear());
    assertFails(ErrorCode.IN008, "/to", () -> period("2024-02-01", "2024-01-31"));
    var negative = assertFails(ErrorCode.IN007, "/benefitsPaid", () -> new Period(LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 12, 31), ImmutableSortedMap.of(Measure.BENEFITS_PAID, new BigDecimal("-1.50")),
        Optional.empty()));
    assertEquals("benefitsPaid must not be negative: -1.50", negative.detail());
    assertFails(ErrorCode.IN023, "/disabilityCases/11", () -> new Period(LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 12, 31), ImmutableSortedMap.of(), Optional.of(ImmutableSortedMap.of(11, 1L))));
  }

  @Test
  void measuresByName() {
    for (Measure m : Measure.values()) {
      assertEquals(Optional.of(m), Measure.byJsonName(m.jsonName()));
    }
    assertEquals(Optional.empty(), Measure.byJsonName("PAYROLL"));
    assertTrue(Measure.INJURIES.integral());
    assertTrue(!Measure.AVERAGE_HEADCOUNT.integral());
  }

  @Test
  void casesKeepTheirHistoryInOrderAndBeforeTheAsOfDate() {
    Employer e = new Employer("E", "", new IndustryCode(Edition.GBT_4754_2011, "36"), java.util.OptionalInt.empty(),
        Optional.empty(), Optional.empty(), Status.none());
    var y23 = period("2023-01-01", "2023-12-31");
    var y24 = period("2024-01-01", "2024-12-31");
    var ok = new RatingCase(e, ImmutableList.of(y23, y24), ImmutableList.of(), LocalDate.of(2025, 1, 1), Optional.empty());
    assertEquals(2, ok.history().size());
    assertFails(ErrorCode.IN009, "/history/1", () -> new RatingCase(e, ImmutableList.of(y24, y23),
        ImmutableList.of(), LocalDate.of(2025, 1, 1), Optional.empty()));
    assertFails(ErrorCode.IN009, "/history/1", () -> new RatingCase(e, ImmutableList.of(y23, y23),
        ImmutableList.of(), LocalDate.of(2025, 1, 1), Optional.empty()));
    assertFails(ErrorCode.IN010, "/asOf", () -> new RatingCase(e, ImmutableList.of(y24),
        ImmutableList.of(), LocalDate.of(2024, 12, 31), Optional.empty()));
  }
}
