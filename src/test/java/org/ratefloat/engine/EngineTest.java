package org.ratefloat.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ratefloat.Assertions2.assertDecision;
import static org.ratefloat.Assertions2.assertFails;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.ratefloat.Cases;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.model.Claim;
import org.ratefloat.model.Measure;
import org.ratefloat.model.RatingCase;

/** Evaluation mechanics on small tables written for the test, on the national base (class 4, 0.9 %). */
class EngineTest {

  /** A measure table on the national base with the given indicators and steps (JSON arrays). */
  private static RuleTable table(String indicators, String steps) {
    String json = """
        {"format": "ratefloat/rule-table@1", "kind": "measure", "id": "t", "version": "1",
         "jurisdiction": "X", "title": {"zh": "测", "en": "t"}, "effectiveFrom": "2015-10-01",
         "status": "verified", "sources": [{"url": "u", "took": "t"}], "base": "cn-national-2015",
         "indicators": %s, "steps": %s}
        """.formatted(indicators, steps);
    return RateFloat.loadTable("t.json", json.getBytes(StandardCharsets.UTF_8), id -> {
      try {
        return Optional.of(Files.readAllBytes(Path.of("rules", id + ".json")));
      } catch (java.io.IOException e) {
        return Optional.empty();
      }
    });
  }

  private static final String LABEL = "\"label\": {\"zh\": \"x\", \"en\": \"x\"}";

  private static String ratio(String id, String window, String num, String den) {
    return "{\"id\": \"" + id + "\", \"kind\": \"ratio\", " + LABEL + ", \"window\": " + window
        + ", \"numerator\": \"" + num + "\", \"denominator\": \"" + den
        + "\", \"multiplier\": \"100\", \"round\": {\"scale\": 2, \"mode\": \"HALF_UP\"}}";
  }

  private static String bands(String indicator, String hit, String extra) {
    return "[{\"id\": \"s\", \"kind\": \"table\", " + LABEL + ", \"hitPolicy\": \"" + hit + "\"" + extra
        + ", \"rows\": [{\"id\": \"low\", \"when\": {\"" + indicator + "\": {\"le\": \"50\"}}, \"then\": {\"band\": -1}},"
        + "{\"id\": \"high\", \"when\": {\"" + indicator + "\": {\"gt\": \"50\"}}, \"then\": {\"band\": 1}}]}]";
  }

  private static IndicatorValue indicator(Decision d, String id) {
    return d.indicators().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void payoutRatioOnPremiumsAtTheBenchmark() {
    // Huainan's denominator: premiums at the benchmark rate. 60,000 / 100,000 = 60 % -> +1
    RuleTable t = table("[" + ratio("r", "{\"calendarYears\": 1}", "benefitsPaid", "premiumsAtBenchmark") + "]",
        bands("r", "UNIQUE", ""));
    Decision d = Cases.employer().period(Cases.year(2024).benefits("60000.00").premiums("300000.00")).decide(t);
    assertDecision(d, 1, "1.08");
    assertEquals("premiumsAtBenchmark", indicator(d, "r").operands().keySet().stream().skip(1).findFirst().orElseThrow());
  }

  @Test
  void twoYearWindowAddsAmountsAndWeighsHeadcountByDays() {
    // injuries 3 + 5 over a day-weighted mean headcount of (100 x 365 + 300 x 366) / 731 = 200.136..
    // -> 8 / 200.136.. = 3.997.. % -> 4.00 %
    RuleTable t = table("[" + ratio("inc", "{\"calendarYears\": 2}", "injuries", "averageHeadcount") + "]",
        bands("inc", "UNIQUE", ""));
    Decision d = Cases.employer()
        .period(Cases.year(2023).injuries(3).headcount("100"))
        .period(Cases.year(2024).injuries(5).headcount("300"))
        .decide(t);
    IndicatorValue v = indicator(d, "inc");
    assertEquals(LocalDate.of(2023, 1, 1), v.from().orElseThrow());
    assertEquals("8", v.operands().get("injuries"));
    assertEquals(0, new BigDecimal("4.00").compareTo(((org.ratefloat.decision.Value.Num) v.value()).value()));
    assertDecision(d, -1, "0.72");
  }

  @Test
  void fixedWindowAndStraddlingPeriod() {
    RuleTable t = table("[" + ratio("r", "{\"from\": \"2023-07-01\", \"to\": \"2024-06-30\"}", "benefitsPaid",
        "premiumsPaid") + "]", bands("r", "UNIQUE", ""));
    Decision d = Cases.employer()
        .period(Cases.range("2023-07-01", "2024-06-30").benefits("51000.00"))
        .decide(t);
    assertDecision(d, 1, "1.08");
    assertFails(ErrorCode.IN017, "/history/0", () -> Cases.employer().year(2023, "0").year(2024, "0").decide(t));
  }

  @Test
  void missingMeasureAndZeroDenominatorAreErrorsNotZeros() {
    RuleTable t = table("[" + ratio("r", "{\"calendarYears\": 1}", "benefitsPaid", "premiumsPaid") + "]",
        bands("r", "UNIQUE", ""));
    assertFails(ErrorCode.IN025, "/history/0/benefitsPaid",
        () -> Cases.employer().period(Cases.year(2024).without(Measure.BENEFITS_PAID)).decide(t));
    assertFails(ErrorCode.IN018, "/history",
        () -> Cases.employer().period(Cases.year(2024).premiums("0")).decide(t));
    assertFails(ErrorCode.IN016, "/history", () -> Cases.employer().year(2022, "0").decide(t));
  }

  @Test
  void overlapsAndGapsAreRefusedAtLoad() {
    String overlapping = "[{\"id\": \"s\", \"kind\": \"table\", " + LABEL + ", \"hitPolicy\": \"UNIQUE\", \"rows\": ["
        + "{\"id\": \"a\", \"when\": {\"r\": {\"le\": \"50\"}}, \"then\": {\"band\": -1}},"
        + "{\"id\": \"b\", \"when\": {\"r\": {\"ge\": \"50\", \"le\": \"60\"}}, \"then\": {\"band\": 1}}]}]";
    String indicators = "[" + ratio("r", "{\"calendarYears\": 1}", "benefitsPaid", "premiumsPaid") + "]";
    var e = assertFails(ErrorCode.RT021, "/steps/0/rows/0", () -> table(indicators, overlapping));
    assertEquals("t.json: overlaps /steps/0/rows/1 on r = 50", e.detail());
  }

  /**
   * A table too large to analyse exactly loads with a warning (RT026); the engine then still refuses
   * two UNIQUE rows that match (RT015) and a case no row covers (RT016).
   */
  @Test
  void runTimeChecksGuardTablesTooLargeToAnalyse() {
    StringBuilder ind = new StringBuilder("[");
    StringBuilder rows = new StringBuilder();
    for (String x : new String[] {"x", "y", "z"}) {
      ind.append(ratio(x, "{\"calendarYears\": 1}", "benefitsPaid", "premiumsPaid")).append(',');
      for (int i = 0; i < 70; i++) {
        rows.append("{\"id\": \"").append(x).append(i).append("\", \"when\": {\"").append(x)
            .append("\": {\"gt\": \"").append(i).append("\", \"le\": \"").append(i + 1)
            .append("\"}}, \"then\": {\"band\": 0}},");
      }
    }
    String indicators = ind.substring(0, ind.length() - 1) + "]";
    String steps = "[{\"id\": \"s\", \"kind\": \"table\", " + LABEL + ", \"hitPolicy\": \"UNIQUE\", \"rows\": ["
        + rows.substring(0, rows.length() - 1) + "]}]";
    RuleTable t = table(indicators, steps);
    // 5 % matches x5, y5 and z5
    assertFails(ErrorCode.RT015, "/steps/0/rows/74", () -> Cases.employer().year(2024, "5000.00").decide(t));
    // 80 % is beyond every row
    assertFails(ErrorCode.RT016, "/steps/0", () -> Cases.employer().year(2024, "80000.00").decide(t));
  }

  @Test
  void firstHitPolicyTakesTheFirstMatch() {
    String rows = "[{\"id\": \"s\", \"kind\": \"table\", " + LABEL + ", \"hitPolicy\": \"FIRST\", \"rows\": ["
        + "{\"id\": \"a\", \"when\": {\"r\": {\"le\": \"50\"}}, \"then\": {\"band\": -1}},"
        + "{\"id\": \"b\", \"then\": {\"band\": 2}}]}]";
    RuleTable t = table("[" + ratio("r", "{\"calendarYears\": 1}", "benefitsPaid", "premiumsPaid") + "]", rows);
    assertDecision(Cases.employer().year(2024, "50000.00").decide(t), -1, "0.72");
    assertDecision(Cases.employer().year(2024, "50010.00").decide(t), 2, "1.35");
  }

  @Test
  void relativeToTheCurrentBand() {
    RuleTable t = table("[" + ratio("r", "{\"calendarYears\": 1}", "benefitsPaid", "premiumsPaid") + "]",
        bands("r", "UNIQUE", ", \"relativeTo\": \"current\""));
    // from 120 % (+1): r > 50 -> one up -> +2; r <= 50 -> one down -> 0
    assertDecision(Cases.employer().band("1.2").year(2024, "90000.00").decide(t), 2, "1.35");
    assertDecision(Cases.employer().band("1.2").year(2024, "10000.00").decide(t), 0, "0.9");
    // from 150 % (+2) one up is clamped at the top
    assertDecision(Cases.employer().band("1.5").year(2024, "90000.00").decide(t), 2, "1.35");
    assertFails(ErrorCode.IN019, "/employer/currentBand",
        () -> Cases.employer().band("1.1").year(2024, "0").decide(t));
  }

  @Test
  void claimsIndicator() {
    String claims = "[{\"id\": \"severe\", \"kind\": \"claims\", " + LABEL + ", \"window\": {\"calendarYears\": 1},"
        + " \"measure\": \"paid\", \"kinds\": [\"injury\"], \"grades\": [1, 6]}]";
    String steps = "[{\"id\": \"s\", \"kind\": \"table\", " + LABEL + ", \"hitPolicy\": \"UNIQUE\", \"rows\": ["
        + "{\"id\": \"a\", \"when\": {\"severe\": {\"le\": \"100000\"}}, \"then\": {\"band\": 0}},"
        + "{\"id\": \"b\", \"when\": {\"severe\": {\"gt\": \"100000\"}}, \"then\": {\"band\": 1}}]}]";
    RuleTable t = table(claims, steps);
    RatingCase base = Cases.employer().year(2024, "0").build();
    RatingCase c = new RatingCase(base.employer(), base.history(), ImmutableList.of(
        claim("c1", "2024-02-01", Claim.ClaimKind.INJURY, 5, "60000"),
        claim("c2", "2024-05-01", Claim.ClaimKind.INJURY, 3, "50000"),
        claim("c3", "2024-06-01", Claim.ClaimKind.INJURY, 9, "90000"),     // grade 9: not counted
        claim("c4", "2024-07-01", Claim.ClaimKind.DEATH, 1, "500000"),     // a death: not counted
        claim("c5", "2023-12-31", Claim.ClaimKind.INJURY, 1, "900000")),   // before the window
        base.asOf(), Optional.empty());
    Decision d = t.decide(c);
    // 60,000 + 50,000 = 110,000 > 100,000 -> +1
    assertDecision(d, 1, "1.08");
    assertEquals("2", indicator(d, "severe").operands().get("claims"));
  }

  private static Claim claim(String id, String date, Claim.ClaimKind kind, int grade, String paid) {
    return new Claim(id, LocalDate.parse(date), kind, OptionalInt.of(grade), new BigDecimal(paid),
        Optional.empty(), false);
  }

  @Test
  void gateSkipsBandStepsButNotTheFloor() {
    String steps = "[{\"id\": \"g\", \"kind\": \"gate\", " + LABEL + ", \"rows\": [{\"id\": \"all\", \"then\": {\"band\": -2}}]},"
        + "{\"id\": \"t\", \"kind\": \"table\", " + LABEL + ", \"hitPolicy\": \"FIRST\", \"rows\": [{\"id\": \"up\", \"then\": {\"band\": 2}}]},"
        + "{\"id\": \"f\", \"kind\": \"rateFloor\", " + LABEL + ", \"rate\": {\"percent\": \"0.5\"}}]";
    Decision d = Cases.employer().year(2024, "0").decide(table("[]", steps));
    // the gate puts class 4 at 50 % = 0.45; the table is skipped; the floor raises 0.45 to 0.5
    assertDecision(d, -2, "0.5");
    assertEquals("skipped", d.steps().get(1).outcome().jsonName());
    assertEquals("fired", d.steps().get(2).outcome().jsonName());
  }

  @Test
  void indicatorsAreComputedOnlyWhenAStepNeedsThem() {
    String indicators = "[" + ratio("r", "{\"calendarYears\": 1}", "benefitsPaid", "premiumsPaid") + ","
        + ratio("unused", "{\"calendarYears\": 5}", "benefitsPaid", "premiumsPaid") + "]";
    Decision d = Cases.employer().year(2024, "0").decide(table(indicators, bands("r", "UNIQUE", "")));
    assertEquals(1, d.indicators().size());
  }
}
