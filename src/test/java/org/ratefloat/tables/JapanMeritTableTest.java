package org.ratefloat.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratefloat.Cases;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;

/**
 * rules/jp-merit.json, computed by hand. Sources: experience-rating-abroad.md §2 (the MHLW leaflet
 * via 123deta: merit rate = (r − 0.6 ‰)(1 + x) + 0.6 ‰; the ±40 % table of 徴収則 別表第3; the
 * ±35 % / ±30 % tables as reconstructed; first adjustment rates 51, 63, 67/100; eligibility from
 * hirota-sr; "75 % exactly lowers, 85 % exactly does not raise" from sharousi-kakomon). Rates are
 * percent of wages: 0.6 ‰ = 0.06. As of 2024-06-01 the insurance year is 2024; the ratio covers the
 * three insurance years ending 31 March 2022 (2019-04-01 .. 2022-03-31).
 */
class JapanMeritTableTest {
  private static final RuleTable TABLE = Cases.table("jp-merit");

  /** A business of the given group with the rate r, three April–March years of premiums and benefits. */
  private static Cases business(int group, String rate, String workers, String[] premiums, String[] benefits) {
    Cases c = Cases.employer().riskClass(group).benchmark(rate).asOf("2024-06-01");
    for (int i = 0; i < 3; i++) {
      c.period(Cases.range((2019 + i) + "-04-01", (2020 + i) + "-03-31").premiums(premiums[i])
          .benefits(benefits[i]).headcount(workers));
    }
    return c;
  }

  private static final String[] MILLION = {"1000000.00", "1000000.00", "1000000.00"};

  private static void assertRate(String expected, Decision d) {
    assertEquals(0, new BigDecimal(expected).compareTo(d.rate()), () -> "rate " + d.rate().toPlainString()
        + ", steps " + d.steps());
  }

  @ParameterizedTest(name = "benefits {0} + {1} + {2} -> rate {3}")
  @CsvSource({
      // premiums 3,000,000 in all; ratio = benefits / 3,000,000 x 100 / 0.67
      // 1,500,000: 50 / 0.67 = 74.63 % -> (70, 75] -> -5 %: (0.45 - 0.06) x 0.95 + 0.06 = 0.3705 + 0.06
      "400000.00, 500000.00, 600000.00, 0.4305",
      // 1,507,500: 50.25 / 0.67 = 75 % exactly -> still -5 %
      "500000.00, 500000.00, 507500.00, 0.4305",
      // 1,708,500: 56.95 / 0.67 = 85 % exactly -> 0 %: the rate stays 0.45
      "500000.00, 600000.00, 608500.00, 0.45",
      // 1,708,600: just above 85 % -> +5 %: 0.39 x 1.05 + 0.06 = 0.4095 + 0.06
      "500000.00, 600000.00, 608600.00, 0.4695",
      // 0: 0 % -> -40 %: 0.39 x 0.60 + 0.06 = 0.234 + 0.06
      "0.00, 0.00, 0.00, 0.294",
      // 4,000,000: 133.33 / 0.67 = 199 % -> +40 %: 0.39 x 1.40 + 0.06 = 0.546 + 0.06
      "1000000.00, 1000000.00, 2000000.00, 0.606",
  })
  void otherIndustriesOnTheFortyPercentTable(String b1, String b2, String b3, String rate) {
    assertRate(rate, business(4, "0.45", "150", MILLION, new String[] {b1, b2, b3}).decide(TABLE));
  }

  @Test
  void theMeritRatioIsRecordedExactlyWithItsWindow() {
    Decision d = business(4, "0.45", "150", MILLION, new String[] {"400000.00", "500000.00", "600000.00"})
        .decide(TABLE);
    var ratio = d.indicators().stream().filter(i -> i.id().equals("ratioOther")).findFirst().orElseThrow();
    // 1,500,000 x 100 / (3,000,000 x 0.67) = 5,000 / 67
    assertEquals("5000/67", ratio.value().render());
    assertEquals(Optional.of(java.time.LocalDate.parse("2019-04-01")), ratio.from());
    assertEquals(Optional.of(java.time.LocalDate.parse("2022-03-31")), ratio.to());
    assertEquals("rate x 0.95; rate points +0.003", d.steps().stream()
        .filter(s -> s.step().equals("merit40-other")).findFirst().orElseThrow().effect());
  }

  @Test
  void smallBusinessesNeedTheDisasterDegreeAndTwentyWorkers() {
    String[] none = {"0.00", "0.00", "0.00"};
    // 50 workers without a disaster degree of 0.4: not eligible, rate unchanged
    assertRate("0.45", business(4, "0.45", "50", MILLION, none).decide(TABLE));
    // with it: -40 % as above
    assertRate("0.294", business(4, "0.45", "50", MILLION, none).flag("disasterDegreeAtLeast04", true)
        .decide(TABLE));
    // 19 workers: never eligible
    assertRate("0.45", business(4, "0.45", "19", MILLION, none).flag("disasterDegreeAtLeast04", true)
        .decide(TABLE));
    // exactly 100 workers each year: eligible without it
    assertRate("0.294", business(4, "0.45", "100", MILLION, none).decide(TABLE));
  }

  @Test
  void aggregatedConstructionByPremiumSize() {
    String[] none = {"0.00", "0.00", "0.00"};
    // every year at least ¥1m: the ±40 % table, ratio 0 -> -40 %: (0.95 - 0.06) x 0.60 + 0.06 = 0.594
    assertRate("0.594", business(2, "0.95", "10", MILLION, none).flag("ikkatsuYuki", true).decide(TABLE));
    // one year at ¥800,000: the ±30 % table -> -30 %: 0.89 x 0.70 + 0.06 = 0.623 + 0.06 = 0.683
    String[] small = {"800000.00", "1200000.00", "1200000.00"};
    assertRate("0.683", business(2, "0.95", "10", small, none).flag("ikkatsuYuki", true).decide(TABLE));
    // one year below ¥400,000: not eligible
    String[] tiny = {"300000.00", "1200000.00", "1200000.00"};
    assertRate("0.95", business(2, "0.95", "10", tiny, none).flag("ikkatsuYuki", true).decide(TABLE));
  }

  @Test
  void forestryOnTheThirtyFiveAndFortyPercentTables() {
    // premiums 3,000,000; benefits 1,606,500: 53.55 / 0.51 = 105 % -> (100, 110]
    String[] b = {"500000.00", "500000.00", "606500.00"};
    // aggregated logging, every year at least ¥1m: ±35 % table -> +10 %: (0.60 - 0.06) x 1.10 + 0.06 = 0.654
    assertRate("0.654", business(1, "0.60", "10", MILLION, b).flag("ikkatsuYuki", true).decide(TABLE));
    // continuing forestry with 150 workers: ±40 % table -> +15 %: 0.54 x 1.15 + 0.06 = 0.621 + 0.06 = 0.681
    assertRate("0.681", business(1, "0.60", "150", MILLION, b).decide(TABLE));
  }

  @Test
  void fewerThanThreeInsuranceYearsIsNoMerit() {
    Cases c = Cases.employer().riskClass(4).benchmark("0.45").asOf("2024-06-01")
        .period(Cases.range("2020-04-01", "2021-03-31").premiums("1000000.00").headcount("150"))
        .period(Cases.range("2021-04-01", "2022-03-31").premiums("1000000.00").headcount("150"));
    Decision d = c.decide(TABLE);
    assertRate("0.45", d);
    assertEquals(Optional.of("eligibility.no-three-years"), d.steps().get(0).row());
  }
}
