package org.ratefloat.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.ratefloat.Assertions2.assertFails;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.ratefloat.Cases;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.RateFloat;

/**
 * The rules on input values, as a case built in Java meets them: each with the code a JSON document
 * gets for the same value and the pointer within the record being built. The JSON side of each rule
 * is in {@code CaseJsonTest} and the hostile inputs; the property that both paths agree is
 * {@code JavaBuiltCaseProperties}.
 */
class InputRulesTest {
  private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
  private static final LocalDate DEC_31 = LocalDate.of(2024, 12, 31);

  private static Period period(Measure m, String value) {
    return new Period(JAN_1, DEC_31, ImmutableSortedMap.of(m, new BigDecimal(value)), Optional.empty());
  }

  private static Employer employer(String id, String name, OptionalInt override, Optional<BigDecimal> band) {
    return new Employer(id, name, new IndustryCode(Edition.GBT_4754_2011, "36"), override, band, Optional.empty(),
        Status.none());
  }

  private static Status status(Optional<String> rating, ImmutableSortedMap<String, Boolean> flags) {
    return new Status(false, Optional.empty(), rating, false, false, Optional.empty(), flags);
  }

  private static Claim claim(String id, LocalDate date, OptionalInt grade, String paid, Optional<BigDecimal> incurred) {
    return new Claim(id, date, Claim.ClaimKind.INJURY, grade, new BigDecimal(paid), incurred, false);
  }

  @Test
  void theTwoCasesOfTheIssue() {
    // #8: a period of headcount 0 with 6 injuries decided (120 %) but could not be read back (IN011);
    // injuries of 1.5 decided and then made toJson throw ArithmeticException
    var zero = assertFails(ErrorCode.IN011, "/averageHeadcount", () -> new Period(JAN_1, DEC_31,
        ImmutableSortedMap.of(Measure.AVERAGE_HEADCOUNT, BigDecimal.ZERO, Measure.INJURIES, BigDecimal.valueOf(6)),
        Optional.empty()));
    assertEquals("average headcount is 0 but 6 injuries are recorded", zero.detail());
    assertFails(ErrorCode.IN005, "/injuries", () -> period(Measure.INJURIES, "1.5"));
    // the same faults inside a case read from JSON, at the period's pointer
    assertFails(ErrorCode.IN011, "/history/0/averageHeadcount", () -> RateFloat.readCase(json(
        "{\"year\": 2024, \"averageHeadcount\": \"0\", \"injuries\": 6}")));
    assertFails(ErrorCode.IN005, "/history/0/injuries", () -> RateFloat.readCase(json(
        "{\"year\": 2024, \"injuries\": 1.5}")));
  }

  private static byte[] json(String period) {
    return ("{\"asOf\": \"2025-01-01\", \"employer\": {\"id\": \"E\", \"industry\": {\"edition\": \"2011\", "
        + "\"code\": \"36\"}}, \"history\": [" + period + "]}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decimals() {
    // 20 decimal places are the most a JSON decimal may have, 40 characters the longest
    assertEquals(new BigDecimal("0.12345678901234567890"), InputRules.decimal(
        new BigDecimal("0.12345678901234567890"), "/x", "x"));
    assertFails(ErrorCode.IN006, "/x", () -> InputRules.decimal(new BigDecimal("0.123456789012345678901"), "/x", "x"));
    String forty = "1234567890123456789.12345678901234567890"; // 19 + 1 + 20 characters
    assertEquals(40, forty.length());
    assertEquals(new BigDecimal(forty), InputRules.decimal(new BigDecimal(forty), "/x", "x"));
    assertFails(ErrorCode.IN006, "/x", () -> InputRules.decimal(new BigDecimal("-" + forty), "/x", "x"));
    assertFails(ErrorCode.IN006, "/x", () -> InputRules.decimal(new BigDecimal("1" + "0".repeat(40)), "/x", "x"));
    // a negative scale is held as the decimal the JSON form reads back: 1E+3 is 1000
    BigDecimal thousand = InputRules.decimal(new BigDecimal("1E+3"), "/x", "x");
    assertEquals(0, thousand.scale());
    assertEquals("1000", thousand.toPlainString());
    // enormous exponents are refused by their length, without writing them out
    var huge = assertFails(ErrorCode.IN006, "/x", () -> InputRules.decimal(new BigDecimal("1E+999999999"), "/x", "x"));
    assertEquals("x has more than 40 characters: 1E+999999999", huge.detail());
    assertFails(ErrorCode.IN006, "/x", () -> InputRules.decimal(new BigDecimal("1E-999999999"), "/x", "x"));
    assertEquals(BigDecimal.ZERO, InputRules.decimal(new BigDecimal("0E+5"), "/x", "x"));
  }

  @Test
  void amountsAndPositiveValues() {
    assertFails(ErrorCode.IN007, "/payroll", () -> period(Measure.PAYROLL, "-0.01"));
    assertFails(ErrorCode.IN007, "/averageHeadcount", () -> period(Measure.AVERAGE_HEADCOUNT, "-1"));
    assertFails(ErrorCode.IN006, "/payroll", () -> period(Measure.PAYROLL, "0.000000000000000000001"));
    assertEquals(new BigDecimal("0.00"), period(Measure.BENEFITS_PAID, "0.00").values().get(Measure.BENEFITS_PAID));
    assertFails(ErrorCode.IN023, "/currentBand", () -> employer("E", "", OptionalInt.empty(),
        Optional.of(BigDecimal.ZERO)));
    assertFails(ErrorCode.IN023, "/currentBand", () -> employer("E", "", OptionalInt.empty(),
        Optional.of(new BigDecimal("-1.2"))));
    assertFails(ErrorCode.IN023, "/benchmarkRate", () -> new Employer("E", "", new IndustryCode(Edition.GBT_4754_2011,
        "36"), OptionalInt.empty(), Optional.empty(), Optional.of(new BigDecimal("0.0")), Status.none()));
  }

  @Test
  void counts() {
    assertFails(ErrorCode.IN005, "/deaths", () -> period(Measure.DEATHS, "0.5"));
    assertFails(ErrorCode.IN007, "/injuries", () -> period(Measure.INJURIES, "-1"));
    assertFails(ErrorCode.IN023, "/injuries", () -> period(Measure.INJURIES, "1000000001"));
    assertEquals(BigDecimal.valueOf(1_000_000_000L), period(Measure.INJURIES, "1000000000").values().get(Measure.INJURIES));
    // a whole number given with decimals is held as the JSON integer it is written as
    BigDecimal three = period(Measure.INJURIES, "3.00").values().get(Measure.INJURIES);
    assertEquals(0, three.scale());
    assertEquals(3, three.intValueExact());
    assertEquals(BigDecimal.valueOf(20), period(Measure.MAX_DEATHS_SINGLE_ACCIDENT, "2E+1").values()
        .get(Measure.MAX_DEATHS_SINGLE_ACCIDENT));
    assertFails(ErrorCode.IN007, "/disabilityCases/3", () -> new Period(JAN_1, DEC_31, ImmutableSortedMap.of(),
        Optional.of(ImmutableSortedMap.of(3, -1L))));
    assertFails(ErrorCode.IN023, "/disabilityCases/3", () -> new Period(JAN_1, DEC_31, ImmutableSortedMap.of(),
        Optional.of(ImmutableSortedMap.of(3, 1_000_000_001L))));
    assertFails(ErrorCode.IN023, "/disabilityCases/0", () -> new Period(JAN_1, DEC_31, ImmutableSortedMap.of(),
        Optional.of(ImmutableSortedMap.of(0, 1L))));
  }

  @Test
  void mapsAreHeldInTheOrderTheJsonFormWritesThem() {
    ImmutableSortedMap<String, Boolean> reversed = ImmutableSortedMap.<String, Boolean>reverseOrder()
        .put("a", true).put("b", false).build();
    assertEquals(List.of("a", "b"), List.copyOf(status(Optional.empty(), reversed).customFlags().keySet()));
    ImmutableSortedMap<Integer, Long> grades = ImmutableSortedMap.<Integer, Long>reverseOrder().put(1, 1L).put(2, 2L)
        .build();
    Period p = new Period(JAN_1, DEC_31, ImmutableSortedMap.of(), Optional.of(grades));
    assertEquals(List.of(1, 2), List.copyOf(p.disabilityCases().orElseThrow().keySet()));
    ImmutableSortedMap<Measure, BigDecimal> reverse = ImmutableSortedMap.<Measure, BigDecimal>reverseOrder()
        .put(Measure.PAYROLL, BigDecimal.ONE).put(Measure.INJURIES, BigDecimal.TEN).build();
    Period measured = new Period(JAN_1, DEC_31, reverse, Optional.empty());
    assertEquals(List.of(Measure.PAYROLL, Measure.INJURIES), List.copyOf(measured.values().keySet()));
    assertEquals(Measure.PAYROLL, measured.values().firstKey());
    assertEquals(Measure.INJURIES, measured.values().lastKey());
    assertEquals(BigDecimal.TEN, measured.values().get(Measure.INJURIES));
    assertEquals(null, measured.values().get(Measure.DEATHS));
    assertEquals(ImmutableSortedMap.of(Measure.PAYROLL, BigDecimal.ONE, Measure.INJURIES, BigDecimal.TEN),
        measured.values());
    // another period's values, already checked, are kept as they are
    assertSame(measured.values(), new Period(JAN_1, DEC_31, measured.values(), Optional.empty()).values());
  }

  @Test
  void texts() {
    assertFails(ErrorCode.IN023, "/id", () -> employer(" ", "", OptionalInt.empty(), Optional.empty()));
    assertFails(ErrorCode.IN023, "/name", () -> employer("E", "\t", OptionalInt.empty(), Optional.empty()));
    assertEquals("", employer("E", "", OptionalInt.empty(), Optional.empty()).name());
    // the longest string a JSON input may hold
    String longest = "x".repeat(InputRules.MAX_TEXT_LENGTH);
    assertEquals(longest, employer(longest, "", OptionalInt.empty(), Optional.empty()).id());
    assertFails(ErrorCode.IN024, "/id", () -> employer(longest + "x", "", OptionalInt.empty(), Optional.empty()));
    // UTF-8 cannot carry half a surrogate pair: it would be written as "?" and read back as another text
    assertFails(ErrorCode.IN001, "/name", () -> employer("E", "a\uD800b", OptionalInt.empty(), Optional.empty()));
    assertFails(ErrorCode.IN001, "/name", () -> employer("E", "a\uDC00", OptionalInt.empty(), Optional.empty()));
    assertEquals("工厂 \uD83C\uDFED", employer("E", "工厂 \uD83C\uDFED", OptionalInt.empty(), Optional.empty()).name());
    assertFails(ErrorCode.IN023, "/id", () -> claim("", JAN_1, OptionalInt.empty(), "0", Optional.empty()));
  }

  @Test
  void textsAsLongAsAJsonInputHolds() {
    // the JSON reader's string limit is the same number: one character more is refused there too
    String longest = "x".repeat(InputRules.MAX_TEXT_LENGTH);
    assertEquals(longest, RateFloat.readCase(named(longest)).employer().name());
    assertFails(ErrorCode.IN024, "", () -> RateFloat.readCase(named(longest + "x")));
  }

  private static byte[] named(String name) {
    return ("{\"asOf\": \"2025-01-01\", \"employer\": {\"id\": \"E\", \"name\": \"" + name + "\", \"industry\": "
        + "{\"edition\": \"2011\", \"code\": \"36\"}}}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void messagesShowValuesOnOneLine() {
    var e = assertFails(ErrorCode.IN023, "/safetyCreditRating", () -> status(Optional.of("A\nB"),
        ImmutableSortedMap.of()));
    assertEquals("safety credit rating must be A, B, C or D: \"A\\u000aB\"", e.detail());
    assertEquals("x".repeat(45) + "...", InputRules.abbreviate("x".repeat(49)));
  }

  @Test
  void statusAndEmployerRanges() {
    assertFails(ErrorCode.IN023, "/riskClassOverride", () -> employer("E", "", OptionalInt.of(0), Optional.empty()));
    assertFails(ErrorCode.IN023, "/riskClassOverride", () -> employer("E", "", OptionalInt.of(100), Optional.empty()));
    assertFails(ErrorCode.IN023, "/safetyCreditRating", () -> status(Optional.of("E"), ImmutableSortedMap.of()));
    assertFails(ErrorCode.IN023, "/safetyCreditRating", () -> status(Optional.of("a"), ImmutableSortedMap.of()));
    assertFails(ErrorCode.IN023, "/customFlags/9lives", () -> status(Optional.empty(),
        ImmutableSortedMap.of("9lives", true)));
    // the pointer escapes "/" and "~" (RFC 6901)
    assertFails(ErrorCode.IN023, "/customFlags/a~1b~0c", () -> status(Optional.empty(),
        ImmutableSortedMap.of("a/b~c", true)));
    assertFails(ErrorCode.IN023, "/customFlags/" + "a".repeat(65), () -> status(Optional.empty(),
        ImmutableSortedMap.of("a".repeat(65), true)));
    assertEquals(1, status(Optional.empty(), ImmutableSortedMap.of("a".repeat(64), true)).customFlags().size());
    assertFails(ErrorCode.IN023, "/firstInsured", () -> new Status(false, Optional.empty(), Optional.empty(), false,
        false, Optional.of(LocalDate.of(10_000, 1, 1)), ImmutableSortedMap.of()));
  }

  @Test
  void claims() {
    assertFails(ErrorCode.IN023, "/disabilityGrade", () -> claim("C", JAN_1, OptionalInt.of(11), "0", Optional.empty()));
    assertFails(ErrorCode.IN023, "/disabilityGrade", () -> claim("C", JAN_1, OptionalInt.of(0), "0", Optional.empty()));
    assertFails(ErrorCode.IN007, "/paid", () -> claim("C", JAN_1, OptionalInt.empty(), "-5", Optional.empty()));
    assertFails(ErrorCode.IN007, "/incurred", () -> claim("C", JAN_1, OptionalInt.empty(), "5",
        Optional.of(new BigDecimal("-5"))));
    assertFails(ErrorCode.IN023, "/date", () -> claim("C", LocalDate.of(-1, 1, 1), OptionalInt.empty(), "5",
        Optional.empty()));
  }

  @Test
  void datesTheJsonFormCanCarry() {
    // yyyy-mm-dd: years 0000 to 9999
    assertEquals(LocalDate.of(0, 1, 1), InputRules.date(LocalDate.of(0, 1, 1), "/d", "d"));
    assertEquals(LocalDate.of(9999, 12, 31), InputRules.date(LocalDate.of(9999, 12, 31), "/d", "d"));
    assertFails(ErrorCode.IN023, "/d", () -> InputRules.date(LocalDate.of(-1, 12, 31), "/d", "d"));
    assertFails(ErrorCode.IN023, "/d", () -> InputRules.date(LocalDate.of(10_000, 1, 1), "/d", "d"));
    assertFails(ErrorCode.IN023, "/from", () -> new Period(LocalDate.MIN, DEC_31, ImmutableSortedMap.of(),
        Optional.empty()));
    assertFails(ErrorCode.IN023, "/asOf", () -> Cases.employer().asOf("+10000-01-01").build());
  }

  @Test
  void wholeCases() {
    Employer e = employer("E", "", OptionalInt.empty(), Optional.empty());
    LocalDate asOf = LocalDate.of(2025, 1, 1);
    assertFails(ErrorCode.IN007, "/premiumBase", () -> new RatingCase(e, ImmutableList.of(), ImmutableList.of(), asOf,
        Optional.of(new BigDecimal("-1"))));
    assertFails(ErrorCode.IN006, "/premiumBase", () -> new RatingCase(e, ImmutableList.of(), ImmutableList.of(), asOf,
        Optional.of(new BigDecimal("1E+40"))));
    Claim late = claim("C", asOf.plusDays(1), OptionalInt.empty(), "0", Optional.empty());
    Claim onTime = claim("B", asOf, OptionalInt.empty(), "0", Optional.empty());
    assertFails(ErrorCode.IN008, "/claims/1/date", () -> new RatingCase(e, ImmutableList.of(), ImmutableList.of(
        onTime, late), asOf, Optional.empty()));
    // overlapping, repeated and unordered periods are told apart in the message
    Period y23 = new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), ImmutableSortedMap.of(), Optional.empty());
    Period y24 = new Period(JAN_1, DEC_31, ImmutableSortedMap.of(), Optional.empty());
    Period h2 = new Period(LocalDate.of(2024, 7, 1), DEC_31, ImmutableSortedMap.of(), Optional.empty());
    var overlap = assertFails(ErrorCode.IN009, "/history/2", () -> new RatingCase(e, ImmutableList.of(y23, y24, h2),
        ImmutableList.of(), asOf, Optional.empty()));
    assertEquals("period 2024-07-01..2024-12-31 overlaps or repeats period 2024-01-01..2024-12-31", overlap.detail());
    var order = assertFails(ErrorCode.IN009, "/history/1", () -> new RatingCase(e, ImmutableList.of(y24, y23),
        ImmutableList.of(), asOf, Optional.empty()));
    assertEquals("periods must be in date order: 2023-01-01..2023-12-31 comes after 2024-01-01..2024-12-31",
        order.detail());
  }

  @Test
  void sizeLimits() {
    Employer e = employer("E", "", OptionalInt.empty(), Optional.empty());
    List<Period> periods = new ArrayList<>();
    LocalDate start = LocalDate.of(1900, 1, 1);
    for (int i = 0; i <= InputRules.MAX_PERIODS; i++) {
      periods.add(new Period(start.plusDays(i), start.plusDays(i), ImmutableSortedMap.of(), Optional.empty()));
    }
    LocalDate asOf = LocalDate.of(2025, 1, 1);
    assertEquals(InputRules.MAX_PERIODS, new RatingCase(e, ImmutableList.copyOf(periods.subList(0,
        InputRules.MAX_PERIODS)), ImmutableList.of(), asOf, Optional.empty()).history().size());
    assertFails(ErrorCode.IN024, "/history", () -> new RatingCase(e, ImmutableList.copyOf(periods), ImmutableList.of(),
        asOf, Optional.empty()));
    Claim c = claim("C", JAN_1, OptionalInt.empty(), "0", Optional.empty());
    assertFails(ErrorCode.IN024, "/claims", () -> new RatingCase(e, ImmutableList.of(), ImmutableList.copyOf(
        Collections.nCopies(InputRules.MAX_CLAIMS + 1, c)), asOf, Optional.empty()));
  }

  @Test
  void unifiedSocialCreditCodes() {
    // GB 32100-2015's worked examples (hunan-programme.md): weights 3^(i-1) mod 31, c = 31 - sum mod 31
    assertEquals("91350100M000100Y43", InputRules.creditCode("91350100M000100Y43", "/creditCode"));
    assertEquals("91110000600037341L", InputRules.creditCode("91110000600037341L", "/creditCode"));
    // by hand, 91110000600037341: 9x1 + 1x3 + 1x9 + 1x27 + 6x20 + 3x8 + 7x24 + 3x10 + 4x30 + 1x28 = 538,
    // 538 mod 31 = 11, c = 31 - 11 = 20 -> L (0-9 are 0-9, A-H 10-17, J 18, K 19, L 20)
    // 91350100M000100Y4 (M = 21, Y = 30): 9 + 3 + 27 + 135 + 26 + 21x20 + 8 + 30x30 + 4x28 = 1640,
    // 1640 mod 31 = 28, c = 3 -> 3
    assertEquals('L', InputRules.creditCodeCheck("91110000600037341"));
    assertEquals('3', InputRules.creditCodeCheck("91350100M000100Y4"));
    var wrong = assertFails(ErrorCode.IN061, "/creditCode", () -> InputRules.creditCode("91110000600037341K",
        "/creditCode"));
    assertEquals("unified social credit code 91110000600037341K fails its check: the 18th character must be L "
        + "for the first 17", wrong.detail());
    assertFails(ErrorCode.IN061, "/creditCode", () -> InputRules.creditCode("9111000060003734IL", "/creditCode"));
    assertFails(ErrorCode.IN061, "/creditCode", () -> InputRules.creditCode("91110000600037341", "/creditCode"));
    // in a case document, at the employer's pointer
    assertFails(ErrorCode.IN061, "/employer/creditCode", () -> RateFloat.readCase(("{\"asOf\": \"2025-01-01\", "
        + "\"employer\": {\"id\": \"E\", \"creditCode\": \"91110000600037341K\", \"industry\": "
        + "{\"edition\": \"2011\", \"code\": \"36\"}}}").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void regionsAndAccidents() {
    assertEquals("430102", InputRules.region("430102", "/region"));
    assertFails(ErrorCode.IN023, "/region", () -> InputRules.region("4301", "/region"));
    assertFails(ErrorCode.IN023, "/region", () -> Employer.builder().id("E").industry(Edition.GBT_4754_2011, "36")
        .region("43010A").build());
    // one accident with five injured is one accident; six accidents with five injured and no death are not
    Period.builder(JAN_1, DEC_31).value(Measure.INJURIES, 5).value(Measure.ACCIDENTS, 1).build();
    Period.builder(JAN_1, DEC_31).value(Measure.INJURIES, 5).value(Measure.DEATHS, 1).value(Measure.ACCIDENTS, 6)
        .build();
    var more = assertFails(ErrorCode.IN023, "/accidents", () -> Period.builder(JAN_1, DEC_31)
        .value(Measure.INJURIES, 5).value(Measure.ACCIDENTS, 6).build());
    assertEquals("6 accidents but only 5 injured or dead: each accident counted injured or killed at least one "
        + "worker", more.detail());
  }
}
