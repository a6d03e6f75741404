package org.ratefloat.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.ratefloat.Assertions2.assertFails;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Amount;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.Finding;
import org.ratefloat.rules.Linter;

/**
 * rules/de-bg-bau-zuschlag.json, computed by hand from BG BAU § 30 (experience-rating-abroad.md §3.2;
 * Satzung extract at bg-rechtsanwalt.de): Zuschlag = (min(EB, EBmax) − DB) / (EBmax − DB) × Beitrag ×
 * 0.3 where EB > DB (Abs. 2, 3), bounded by 30 % of the Beitrag, or 25 / 20 / 15 % after four / six /
 * eight Umlagejahre without a surcharge and in continuous membership (Abs. 3a). EB, DB and EBmax are
 * the BG's figures, made up here. Unless a test says otherwise: Umlagejahr 2024, as-of 2025-01-01,
 * Beitrag (premiumsPaid 2024) €67,065.00 (payroll €1,000,000 at 6.7065 %), DB 1.00, EBmax 2.50, so
 * EBmax − DB = 1.50; member since 2010-01-01 (15 whole years); never surcharged (since = 99).
 */
class BgBauSurchargeTableTest {
  private static final Path TABLE_FILE = Path.of("rules/de-bg-bau-zuschlag.json");
  private static final RuleTable TABLE = RateFloat.loadTable(TABLE_FILE);

  private static String json(String eb, String prior) {
    return json(eb, "1.00", "2.50", prior, "", "67065.00");
  }

  private static String json(String eb, String db, String ebmax, String prior, String flags, String beitrag) {
    String values = (eb == null ? "" : "\"eigenbelastung\": \"" + eb + "\", ")
        + "\"durchschnittsbelastung\": \"" + db + "\", \"eigenbelastungshoechstwert\": \"" + ebmax + "\"";
    return "{\"asOf\": \"2025-01-01\", \"employer\": {\"id\": \"DE-T\", \"industry\": {\"edition\": \"GB/T 4754-2011\","
        + " \"code\": \"47\"}, \"riskClassOverride\": 1, \"benchmarkRate\": \"6.7065\", \"status\": {"
        + flags + "\"customValues\": {" + values + "}, \"prior\": {" + prior + "}}},"
        + " \"history\": [{\"from\": \"2024-01-01\", \"to\": \"2024-12-31\", \"payroll\": \"1000000.00\","
        + " \"premiumsPaid\": \"" + beitrag + "\"}]}";
  }

  private static final String MEMBER = "\"memberSince\": \"2010-01-01\"";

  private static Decision decide(String caseJson) {
    return TABLE.decide(RateFloat.readCase(caseJson.getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, String> lines(Decision d) {
    return d.indicators().stream().collect(Collectors.toMap(IndicatorValue::id, i -> i.value().render()));
  }

  private static void assertLine(String expected, String actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)), expected + " vs " + actual);
  }

  /** The one amount the decision added: the surcharge in EUR, from the row zuschlag.linear. */
  private static BigDecimal surcharge(Decision d) {
    assertEquals(1, d.amounts().size(), d.amounts().toString());
    Amount a = d.amounts().get(0);
    assertEquals("EUR", a.currency());
    assertEquals("zuschlag.linear", a.row());
    assertEquals(2, a.amount().scale());
    return a.amount();
  }

  private static void assertNoSurcharge(Decision d, String row) {
    assertEquals(List.of(), d.amounts());
    assertEquals(row, d.steps().get(0).row().orElseThrow());
    // the rate is the one the case gives: § 30 charges an amount, it does not change the rate
    assertEquals(0, new BigDecimal("6.7065").compareTo(d.rate()));
  }

  @Test
  void belowOrAtTheAverageNoSurcharge() {
    // EB 0.80: EB − DB = −0.20 <= 0, Abs. 2 imposes nothing
    Decision d = decide(json("0.80", MEMBER));
    assertLine("-0.20", lines(d).get("excess"));
    assertNoSurcharge(d, "exempt.at-most-average");
    // EB = DB = 1.00: the surcharge needs EB to exceed DB ("überschreitet"), so none
    Decision equal = decide(json("1.00", MEMBER));
    assertLine("0", lines(equal).get("excess"));
    assertNoSurcharge(equal, "exempt.at-most-average");
  }

  @ParameterizedTest(name = "last surcharge {0}: cap {3} %")
  @CsvSource(delimiter = '|', value = {
      // lastSurcharge | since | cleanYears | cap % | cap €     | surcharge €
      // 2020 is within 2020..2023, the four years before 2024: cap 30 %, the linear value lies below it
      "2020-01-01|5|3|30|20119.50|18107.55",
      // nothing in 2020..2023: 25 %, which binds
      "2019-01-01|6|4|25|16766.25|16766.25",
      "2018-01-01|7|5|25|16766.25|16766.25",
      // nothing in 2018..2023: 20 %
      "2017-01-01|8|6|20|13413.00|13413.00",
      // nothing in 2016..2023: 15 %
      "2015-01-01|10|8|15|10059.75|10059.75",
      // never surcharged: since 99, the membership of 15 years decides: min(97, 14) = 14 -> 15 %
      "|99|14|15|10059.75|10059.75",
  })
  void betweenTheAverageAndTheMaximumAtEachCapLevel(String last, String since, String clean, String capPercent,
      String cap, String expected) {
    String prior = (last == null ? "" : "\"lastSurcharge\": \"" + last + "\", ") + MEMBER;
    // EB 2.35: EB − DB = 1.35, share = 1.35 / 1.50 = 0.9, linear = 0.9 × 67,065.00 × 0.3 = 18,107.55 (27 %)
    Decision d = decide(json("2.35", prior));
    Map<String, String> v = lines(d);
    assertLine("67065.00", v.get("beitrag"));
    assertLine("1.35", v.get("excess"));
    assertLine("1.50", v.get("spread"));
    assertLine("0.9", v.get("share"));
    assertLine("18107.55", v.get("linear"));
    assertLine(since, v.get("since"));
    // whole years 2010-01-01 .. 2025-01-01
    assertLine("15", v.get("member"));
    // cleanYears = min(since − 2, member − 1)
    assertLine(clean, v.get("cleanYears"));
    assertLine(capPercent, v.get("capPercent"));
    // cap = 67,065.00 × cap % / 100
    assertLine(cap, v.get("cap"));
    // surcharge = min(linear, cap), to the cent
    assertLine(expected, v.get("surcharge"));
    assertEquals(new BigDecimal(expected), surcharge(d));
    assertEquals(0, new BigDecimal("6.7065").compareTo(d.rate()));
  }

  @ParameterizedTest(name = "member since {0}: cap {3} %")
  @CsvSource(delimiter = '|', value = {
      // memberSince | member | cleanYears | cap %  (never surcharged: since 99, cleanYears = member − 1)
      // member through all of 2020..2023: the four-year cap
      "2020-01-01|5|4|25",
      // joined on 2 January 2020: 2020 is not wholly in membership, so only 30 %
      "2020-01-02|4|3|30",
      "2016-06-01|8|7|20",
      "2016-01-01|9|8|15",
  })
  void continuousMembershipIsRequiredForTheReducedCaps(String since, String member, String clean, String capPercent) {
    // EB 2.50 = EBmax: the share is 1, the linear surcharge 30 % = 20,119.50 (Abs. 3a: "erreicht oder
    // überschreitet"), so the cap is what is charged
    Decision d = decide(json("2.50", "\"memberSince\": \"" + since + "\""));
    Map<String, String> v = lines(d);
    assertLine("1", v.get("share"));
    assertLine("20119.50", v.get("linear"));
    assertLine(member, v.get("member"));
    assertLine(clean, v.get("cleanYears"));
    assertLine(capPercent, v.get("capPercent"));
    // 67,065.00 × 30 / 25 / 20 / 15 % = 20,119.50 / 16,766.25 / 13,413.00 / 10,059.75
    BigDecimal cap = new BigDecimal("67065.00").multiply(new BigDecimal(capPercent)).movePointLeft(2);
    assertLine(cap.toPlainString(), v.get("cap"));
    assertEquals(0, cap.compareTo(surcharge(d)));
  }

  @Test
  void aboveTheMaximumTheCapIsCharged() {
    // EB 3.10 >= EBmax 2.50: min(EB, EBmax) = 2.50, share = (2.50 − 1.00) / 1.50 = 1,
    // linear = 67,065.00 × 0.3 = 20,119.50; last surcharge 2022: since 3, cleanYears min(1, 14) = 1 -> 30 %,
    // cap 20,119.50
    Decision d = decide(json("3.10", "\"lastSurcharge\": \"2022-01-01\", " + MEMBER));
    Map<String, String> v = lines(d);
    assertLine("2.10", v.get("excess"));
    assertLine("1", v.get("share"));
    assertLine("20119.50", v.get("linear"));
    assertLine("3", v.get("since"));
    assertLine("1", v.get("cleanYears"));
    assertLine("30", v.get("capPercent"));
    assertLine("20119.50", v.get("cap"));
    assertEquals(new BigDecimal("20119.50"), surcharge(d));
    // never surcharged, member for 15 years: the same EB is charged the 15 % cap, 10,059.75
    assertEquals(new BigDecimal("10059.75"), surcharge(decide(json("3.10", MEMBER))));
  }

  @Test
  void theReducedCapBoundsTheFormulaItDoesNotReplaceItsFactor() {
    // EB 1.75: share = 0.75 / 1.50 = 0.5; last surcharge 2019: cleanYears 4, cap 25 % = 16,766.25.
    // As read (Abs. 3 keeps "x Beitrag x 0,3", Abs. 3a "ist ... begrenzt"): min(0.5 × 67,065.00 × 0.3,
    // 16,766.25) = min(10,059.75, 16,766.25) = 10,059.75 (15 %).
    // The other reading (the factor becomes 0.25): 0.5 × 67,065.00 × 0.25 = 8,383.125 -> 8,383.13 (12.5 %).
    Decision d = decide(json("1.75", "\"lastSurcharge\": \"2019-01-01\", " + MEMBER));
    Map<String, String> v = lines(d);
    assertLine("0.5", v.get("share"));
    assertLine("10059.75", v.get("linear"));
    assertLine("25", v.get("capPercent"));
    assertLine("16766.25", v.get("cap"));
    assertEquals(new BigDecimal("10059.75"), surcharge(d));
    assertNotEquals(0, new BigDecimal("8383.13").compareTo(surcharge(d)));
    // at EB >= EBmax both readings give the cap: 16,766.25
    assertEquals(new BigDecimal("16766.25"), surcharge(decide(json("2.50",
        "\"lastSurcharge\": \"2019-01-01\", " + MEMBER))));
  }

  @Test
  void theSurchargeIsRoundedToTheCentHalfUp() {
    // Beitrag 1,000.05, EB 1.75: 0.5 × 1,000.05 × 0.3 = 150.0075 -> 150.01; cap 15 % = 150.0075 too
    Decision d = decide(json("1.75", "1.00", "2.50", MEMBER, "", "1000.05"));
    assertLine("150.0075", lines(d).get("linear"));
    assertLine("150.0075", lines(d).get("cap"));
    assertEquals(new BigDecimal("150.01"), surcharge(d));
  }

  @Test
  void contributionSettlementsAndPrivateBuildingWorkAreExempt() {
    // Abs. 1: no surcharge on Beitragsabfindungen and non-commercial building work, whatever EB is
    assertNoSurcharge(decide(json("3.10", "1.00", "2.50", MEMBER, "\"customFlags\": {\"beitragsabfindung\": true}, ",
        "67065.00")), "exempt.abfindung");
    assertNoSurcharge(decide(json("3.10", "1.00", "2.50", MEMBER,
        "\"customFlags\": {\"nichtGewerbsmaessigeBauarbeiten\": true}, ", "67065.00")), "exempt.privat");
    // both flags false, as when absent: charged
    assertEquals(new BigDecimal("10059.75"), surcharge(decide(json("3.10", "1.00", "2.50", MEMBER,
        "\"customFlags\": {\"beitragsabfindung\": false, \"nichtGewerbsmaessigeBauarbeiten\": false}, ",
        "67065.00"))));
  }

  @Test
  void refusesWhatTheBgMustSupply() {
    assertFails(ErrorCode.IN025, "/employer/status/customValues/eigenbelastung", () -> decide(json(null, MEMBER)));
    assertFails(ErrorCode.IN023, "/employer/status/customValues/eigenbelastung", () -> decide(json("-0.50", MEMBER)));
    assertFails(ErrorCode.IN023, "/employer/status/customValues/durchschnittsbelastung",
        () -> decide(json("1.75", "-1.00", "2.50", MEMBER, "", "67065.00")));
    // the reduced caps need the membership: no default for it
    assertFails(ErrorCode.IN025, "/employer/status/prior/memberSince", () -> decide(json("1.75", "")));
    // EB above DB but EBmax not above DB: the formula divides by EBmax − DB <= 0, undetermined
    assertFails(ErrorCode.DC001, "/steps/1/rows/1",
        () -> decide(json("1.20", "1.00", "0.90", MEMBER, "", "67065.00")));
  }

  @Test
  void theTableLintsClean() {
    List<Finding> findings = Linter.lint(List.of(TABLE_FILE)).get(0).findings();
    assertEquals(List.of(), findings);
  }
}
