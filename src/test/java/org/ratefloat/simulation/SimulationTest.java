package org.ratefloat.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ratefloat.Cases;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.model.RatingCase;
import org.ratefloat.synthetic.PortfolioGenerator;

/** The fund-balance simulation: figures by hand, exact reconciliation, incidence against its path. */
class SimulationTest {
  private static final RuleTable HUNAN = Cases.table("cn-hn-provisional");
  private static final RuleTable HANGZHOU = Cases.table("cn-zj-hangzhou");

  @Test
  void oneEmployerByHand() {
    // examples/cn-hn-provisional/machinery.json: payroll 19,800,000.00, class 4 benchmark 0.9 %, decided 1.35 %
    // at benchmark 178,200.000; after 267,300.0000; change +50.00 %;
    // payouts 231,650.00: ratio 129.99 % before (231650 / 178200), 86.66 % after (231650 / 267300)
    Simulation.Column col = new Simulation.Column(HUNAN);
    col.add(RateFloat.readCase(Path.of("examples/cn-hn-provisional/machinery.json")));
    Simulation.Totals t = col.total();
    assertEquals(0, new BigDecimal("178200").compareTo(t.incomeAtBenchmark()));
    assertEquals(0, new BigDecimal("267300").compareTo(t.incomeAfter()));
    assertEquals(Optional.of(new BigDecimal("50.00")), t.incomeChange(Roundings.standard()));
    assertEquals(Optional.of(new BigDecimal("129.99")), t.payoutRatioBefore(Roundings.standard()));
    assertEquals(Optional.of(new BigDecimal("86.66")), t.payoutRatioAfter(Roundings.standard()));
    assertEquals(1, col.byBand().get("1.5").employers());
  }

  /**
   * An employer whose last period does not give the benefits paid is counted as such, not as paying
   * nothing: the payout ratios are then not given, in the totals and in the JSON.
   */
  @Test
  void aMissingBenefitsPaidIsReportedNotZero() throws Exception {
    String text = java.nio.file.Files.readString(Path.of("examples/cn-zj-hangzhou/standardised-workshop.json"));
    int last = text.lastIndexOf("\"benefitsPaid\"");
    String without = text.substring(0, last) + text.substring(text.indexOf('\n', last) + 1);
    RatingCase withPayouts = RateFloat.readCase(text.getBytes(StandardCharsets.UTF_8));
    RatingCase withoutPayouts = RateFloat.readCase(without.getBytes(StandardCharsets.UTF_8));
    RuleTable national = Cases.table("cn-national-2015");
    Simulation.Column col = new Simulation.Column(national);
    col.add(withPayouts);
    assertEquals(0, col.errors().size(), col.errors().toString());
    assertTrue(col.total().payoutRatioBefore(Roundings.standard()).isPresent());
    java.util.SortedMap<Integer, Simulation.Totals> before = col.byClass();
    col.add(withoutPayouts);
    assertEquals(0, col.errors().size(), col.errors().toString());
    Simulation.Totals t = col.total();
    assertEquals(2, t.employers());
    assertEquals(1, t.withoutPayouts());
    assertEquals(Optional.empty(), t.payoutRatioBefore(Roundings.standard()));
    assertEquals(Optional.empty(), t.payoutRatioAfter(Roundings.standard()));
    assertTrue(t.incomeChange(Roundings.standard()).isPresent());
    assertEquals(1, before.values().stream().mapToLong(Simulation.Totals::employers).sum(),
        "a map handed out is a copy, not the column's live map");
    assertThrows(UnsupportedOperationException.class, () -> col.byClass().clear());
    assertThrows(UnsupportedOperationException.class, () -> col.errors().put("x", 1L));
    com.fasterxml.jackson.databind.JsonNode total = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Simulation.json(List.of(col))).path("tables").path(0).path("total");
    assertEquals(1, total.path("employersWithoutPayouts").asLong());
    assertEquals("", total.path("payoutRatioAtBenchmark").asText());
    assertEquals("", total.path("payoutRatioAfterFloating").asText());
    // a column whose employers all give their payouts keeps the layout it always had
    Simulation.Column full = new Simulation.Column(national);
    full.add(withPayouts);
    assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(Simulation.json(List.of(full)))
        .path("tables").path(0).path("total").path("employersWithoutPayouts").isMissingNode());
  }

  @Test
  void theCommandLineTakesRoundings(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path portfolio = dir.resolve("p.ndjson");
    java.nio.file.Files.writeString(portfolio, java.nio.file.Files.readString(
        Path.of("examples/cn-hn-provisional/machinery.json")).replaceAll("\\s*\\n\\s*", " ") + "\n");
    Path roundings = dir.resolve("r.json");
    java.nio.file.Files.writeString(roundings, """
        {"format": "ratefloat/simulation-roundings@1", "percent": {"scale": 0, "mode": "DOWN"},
         "incidence": {"scale": 1, "mode": "HALF_EVEN"}, "pathStep": {"scale": 6, "mode": "HALF_UP"}}
        """);
    org.ratefloat.cli.CliRun standard = org.ratefloat.cli.CliRun.of("simulate", "--rules", "cn-hn-provisional",
        "--in", portfolio.toString());
    assertEquals(0, standard.code(), standard.err());
    org.ratefloat.cli.CliRun coarse = org.ratefloat.cli.CliRun.of("simulate", "--rules", "cn-hn-provisional",
        "--roundings", roundings.toString(), "--in", portfolio.toString());
    assertEquals(0, coarse.code(), coarse.err());
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertEquals("129.99", json.readTree(standard.out()).at("/tables/0/total/payoutRatioAtBenchmark").asText());
    assertEquals("129", json.readTree(coarse.out()).at("/tables/0/total/payoutRatioAtBenchmark").asText());
    java.nio.file.Files.writeString(roundings, "{\"format\": \"ratefloat/simulation-roundings@1\"}");
    org.ratefloat.cli.CliRun.of("simulate", "--rules", "cn-hn-provisional", "--roundings", roundings.toString(),
        "--in", portfolio.toString()).assertRefused(4, "RT004", "/percent");
  }

  /** The roundings are data: the shipped ones are the figures' usual ones, others change them. */
  @Test
  void roundingsAreNamedInData() {
    Roundings shipped = Roundings.standard();
    assertEquals(new org.ratefloat.document.Rounding(2, java.math.RoundingMode.HALF_UP), shipped.percent());
    assertEquals(new org.ratefloat.document.Rounding(4, java.math.RoundingMode.HALF_UP), shipped.incidence());
    assertEquals(new org.ratefloat.document.Rounding(10, java.math.RoundingMode.HALF_UP), shipped.pathStep());
    Roundings coarse = Roundings.read("r.json", """
        {"format": "ratefloat/simulation-roundings@1", "percent": {"scale": 0, "mode": "DOWN"},
         "incidence": {"scale": 1, "mode": "HALF_EVEN"}, "pathStep": {"scale": 6, "mode": "HALF_UP"}}
        """.getBytes(StandardCharsets.UTF_8));
    Simulation.Column col = new Simulation.Column(HUNAN, coarse);
    col.add(RateFloat.readCase(Path.of("examples/cn-hn-provisional/machinery.json")));
    assertEquals(Optional.of(new BigDecimal("129")), col.total().payoutRatioBefore(coarse));
    assertEquals(Optional.of(new BigDecimal("86")), col.total().payoutRatioAfter(coarse));
    // a document with a fault is refused as a rule table would be, with its code and pointer
    String[][] faults = {
        {"{\"format\": \"ratefloat/simulation-roundings@1\", \"percent\": {\"scale\": 2, \"mode\": \"HALF_UP\"},"
            + " \"incidence\": {\"scale\": 4, \"mode\": \"HALF_UP\"}}", "RT004", ""},
        {"{\"format\": \"ratefloat/simulation-roundings@1\", \"percent\": {\"scale\": 2, \"mode\": \"UNNECESSARY\"},"
            + " \"incidence\": {\"scale\": 4, \"mode\": \"HALF_UP\"}, \"pathStep\": {\"scale\": 10, \"mode\": \"HALF_UP\"}}",
            "RT009", "/percent/mode"},
        {"{\"format\": \"ratefloat/simulation-roundings@1\", \"percent\": {\"scale\": 2, \"mode\": \"HALF_UP\"},"
            + " \"incidence\": {\"scale\": 4, \"mode\": \"HALF_UP\"}, \"pathStep\": {\"scale\": 10, \"mode\": \"HALF_UP\"},"
            + " \"share\": 1}", "RT003", "/share"},
        {"{\"format\": \"ratefloat/ranking@1\"}", "RT014", "/format"}};
    for (String[] f : faults) {
      org.ratefloat.error.RuleTableException e = assertThrows(org.ratefloat.error.RuleTableException.class,
          () -> Roundings.read("r.json", f[0].getBytes(StandardCharsets.UTF_8)), f[0]);
      assertEquals(f[1], e.code().name(), e.getMessage());
      if (!f[2].isEmpty()) {
        assertEquals(f[2], e.pointer(), e.getMessage());
      }
    }
  }

  private static List<RatingCase> portfolio() {
    PortfolioGenerator gen = new PortfolioGenerator(9, 1500, LocalDate.of(2025, 1, 1), 3);
    List<RatingCase> cases = new ArrayList<>();
    while (gen.hasNext()) {
      cases.add(RateFloat.readCase(CanonicalJson.compact(gen.next()).getBytes(StandardCharsets.UTF_8)));
    }
    return cases;
  }

  @Test
  void totalsReconcileExactly() {
    List<RatingCase> cases = portfolio();
    for (RuleTable table : List.of(HUNAN, HANGZHOU)) {
      Simulation.Column col = new Simulation.Column(table);
      cases.forEach(col::add);
      Simulation.Totals total = col.total();
      // the classes and the bands each add up to the total, to the last digit
      Simulation.Totals byClass = col.byClass().values().stream().reduce(Simulation.Totals.ZERO, Simulation.Totals::plus);
      Simulation.Totals byBand = col.byBand().values().stream().reduce(Simulation.Totals.ZERO, Simulation.Totals::plus);
      assertEquals(total, byClass);
      assertEquals(total, byBand);
      // income after floating is the sum of each employer's decided rate x payroll / 100
      BigDecimal expected = BigDecimal.ZERO;
      long decided = 0;
      for (RatingCase c : cases) {
        try {
          var d = table.decide(c);
          expected = expected.add(d.rate().multiply(d.premium().orElseThrow().payroll()).movePointLeft(2));
          decided++;
        } catch (RateFloatException refused) {
          // counted by the column
        }
      }
      assertEquals(0, expected.compareTo(total.incomeAfter()));
      assertEquals(decided, total.employers());
      assertEquals(cases.size(), total.employers() + col.errors().values().stream().mapToLong(Long::longValue).sum());
    }
  }

  private static JsonNode yearOf(JsonNode line, int year) {
    for (JsonNode y : line.path("years")) {
      if (y.path("year").intValue() == year) {
        return y;
      }
    }
    throw new AssertionError("no year " + year + " in " + line);
  }

  private static JsonNode lineOf(JsonNode incidence, String kind, String code) {
    for (JsonNode l : incidence.path("lines")) {
      if (l.path("kind").asText().equals(kind) && l.path("code").asText().equals(code)) {
        return l;
      }
    }
    throw new AssertionError("no line " + kind + "/" + code + " in " + incidence);
  }

  @Test
  void incidenceAgainstTheReductionPath() throws Exception {
    // class 6 (division 47): 2022 10 injuries in 500 workers = 20.0000 per 1,000; path -20 % over 5 years:
    // 2023 target 20 x (1 - 20 x 1 / 500) = 19.2000 (rate 9 / 500 = 18.0000: on path); 2024 target 18.4000
    // (rate 20.0000: not); 2027 16.0000; none after 2027
    Incidence inc = new Incidence(2022, new BigDecimal("20"), 5, Set.of(6), Optional.empty(), Roundings.standard());
    RatingCase c = Cases.employer().code("47")
        .period(Cases.year(2022).injuries(10).headcount("500"))
        .period(Cases.year(2023).injuries(9).headcount("500"))
        .period(Cases.year(2024).injuries(10).headcount("500")).build();
    inc.add(c, 6);
    inc.add(Cases.employer().period(Cases.year(2022).injuries(99).headcount("100")).build(), 4); // not tracked
    assertEquals(Optional.of(new BigDecimal("20.0000")), inc.classRate(6, 2022));
    assertEquals(Optional.of(new BigDecimal("19.2000")), inc.classTarget(6, 2023));
    assertEquals(Optional.of(new BigDecimal("18.4000")), inc.classTarget(6, 2024));
    assertEquals(Optional.of(new BigDecimal("16.0000")), inc.classTarget(6, 2027));
    assertEquals(Optional.empty(), inc.classTarget(6, 2028));
    assertEquals(Optional.empty(), inc.classRate(4, 2022));
    JsonNode incidence = new ObjectMapper().readTree(Simulation.json(List.of(), inc)).path("incidence");
    assertEquals("1000", incidence.path("per").asText());
    assertEquals(1, incidence.path("lines").size(), incidence.toString());
    JsonNode y2023 = yearOf(lineOf(incidence, "class", "6"), 2023);
    assertEquals("18.0000", y2023.path("injuryRate").asText());
    assertEquals("19.2000", y2023.path("injuryTarget").asText());
    assertTrue(y2023.path("injuryOnPath").asBoolean());
    assertEquals("", y2023.path("accidentRate").asText(), "the periods record no accidents");
    assertEquals("500", y2023.path("averageHeadcount").asText());
    // without accidents the line is tracked by workers injured; its path ends in 2027 at 16.0000
    assertEquals("injuries", lineOf(incidence, "class", "6").path("tracked").asText());
    assertEquals(2027, lineOf(incidence, "class", "6").path("finalTarget").path("year").intValue());
    assertEquals("16.0000", lineOf(incidence, "class", "6").path("finalTarget").path("value").asText());
  }

  @Test
  void keyIndustriesAndCitiesFromMonthsAddedUpToYears() throws Exception {
    var definition = org.ratefloat.ranking.Ranking.load("cn-hn-key-industries");
    Incidence inc = new Incidence(2023, new BigDecimal("20"), 5, Set.of(), Optional.of(definition),
        Roundings.standard());
    // a builder in 芙蓉区 (长沙市): 2023 a whole year, 2024 in months: January-June 100 workers (182 days
    // of the leap year), July-December 200 (184 days); one injury every month, an accident every other
    Cases builder = Cases.employer().code("4700").region("430102")
        .period(Cases.year(2023).injuries(10).accidents(8).headcount("150"));
    for (int m = 1; m <= 12; m++) {
      java.time.YearMonth month = java.time.YearMonth.of(2024, m);
      builder.period(Cases.range(month.atDay(1).toString(), month.atEndOfMonth().toString()).injuries(1)
          .accidents(m % 2).headcount(m <= 6 ? "100" : "200"));
    }
    builder.asOf("2025-01-01");
    inc.add(builder.build(), 6);
    // a coal mine in 苏仙区 (郴州市), years only, no accidents recorded in 2024
    inc.add(Cases.employer().code("0610").region("431003").asOf("2025-01-01")
        .period(Cases.year(2023).injuries(4).accidents(2).headcount("400"))
        .period(Cases.year(2024).injuries(2).headcount("400")).build(), 8);
    // a retailer: not a key industry
    inc.add(Cases.employer().code("5211").region("430102").asOf("2025-01-01")
        .period(Cases.year(2024).injuries(3).accidents(3).headcount("100")).build(), 2);
    JsonNode incidence = new ObjectMapper().readTree(Simulation.json(List.of(), inc)).path("incidence");
    assertEquals("cn-hn-key-industries", incidence.path("keyIndustries").path("id").asText());
    // the builder's 2024: headcount-days 100 x 182 + 200 x 184 = 55,000, average 55,000 / 366 = 150.2732 (4
    // places); injuries 12 x 366 x 1,000 / 55,000 = 79.8545, accidents 6 -> 39.9273 per 1,000
    JsonNode construction2024 = yearOf(lineOf(incidence, "keyIndustry", "construction"), 2024);
    assertEquals("150.2732", construction2024.path("averageHeadcount").asText());
    assertEquals("12", construction2024.path("injuries").asText());
    assertEquals("6", construction2024.path("accidents").asText());
    assertEquals("79.8545", construction2024.path("injuryRate").asText());
    assertEquals("39.9273", construction2024.path("accidentRate").asText());
    // 2023: builder 10 injuries, 8 accidents of 150; mine 4 and 2 of 400: key industries 14 / 550 = 25.4545,
    // accidents 10 / 550 = 18.1818; 2024 the mine gives no accidents, so the line gives no accident rate
    JsonNode all = lineOf(incidence, "keyIndustries", "all");
    assertEquals("25.4545", yearOf(all, 2023).path("injuryRate").asText());
    assertEquals("18.1818", yearOf(all, 2023).path("accidentRate").asText());
    assertEquals("", yearOf(all, 2024).path("accidentRate").asText());
    // injuries 2024: 12 + 2 over 150.2732... + 400: 14 x 366 x 1,000 / (55,000 + 400 x 366) = 5,124,000 / 201,400
    // = 25.4419; its target 25.4545 x 0.96 = 24.4363: above it, off the injury path
    assertEquals("25.4419", yearOf(all, 2024).path("injuryRate").asText());
    assertEquals("24.4363", yearOf(all, 2024).path("injuryTarget").asText());
    assertFalse(yearOf(all, 2024).path("injuryOnPath").asBoolean());
    // the mine's 2024 lacks accidents: all key industries are tracked by injuries, down 20 % over 5 years from
    // 25.4545 to 2028's 20.3636; construction alone records accidents every year: 2023 8 / 150 = 53.3333, 2028
    // 53.3333 x 0.8 = 42.6666 (4 places, half up: 42.66664)
    assertEquals("injuries", all.path("tracked").asText());
    assertEquals("20.3636", all.path("finalTarget").path("value").asText());
    JsonNode construction = lineOf(incidence, "keyIndustry", "construction");
    assertEquals("accidents", construction.path("tracked").asText());
    assertEquals(2028, construction.path("finalTarget").path("year").intValue());
    assertEquals("42.6666", construction.path("finalTarget").path("value").asText());
    // by city: 长沙市 the builder only (the retailer is no key industry), 郴州市 the mine
    assertEquals("长沙市", lineOf(incidence, "city", "430100").path("name").path("zh").asText());
    assertEquals("12", yearOf(lineOf(incidence, "city", "430100"), 2024).path("injuries").asText());
    assertEquals("2", yearOf(lineOf(incidence, "city", "431000"), 2024).path("injuries").asText());
    // and by class, all classes: class 2 has the retailer
    assertEquals("30.0000", yearOf(lineOf(incidence, "class", "2"), 2024).path("injuryRate").asText());
  }

  @Test
  void incomeAgainstWhatEmployersPayToday() {
    // machinery.json pays 100 % of the 0.9 % benchmark today: at today's rates 178,200.00 as at the
    // benchmark; after floating 267,300: +50.00 % against both. At 120 % today: 213,840 -> +25.00 %
    Simulation.Column col = new Simulation.Column(HUNAN);
    RatingCase machinery = RateFloat.readCase(Path.of("examples/cn-hn-provisional/machinery.json"));
    col.add(machinery);
    assertEquals(0, new BigDecimal("178200").compareTo(col.total().incomeAtCurrent()));
    assertEquals(Optional.of(new BigDecimal("50.00")), col.total().incomeChangeFromCurrent(Roundings.standard()));
    Simulation.Column higher = new Simulation.Column(HUNAN);
    higher.add(machinery.toBuilder().employer(machinery.employer().toBuilder().currentBand("1.2").build()).build());
    assertEquals(0, new BigDecimal("213840").compareTo(higher.total().incomeAtCurrent()));
    assertEquals(Optional.of(new BigDecimal("25.00")), higher.total().incomeChangeFromCurrent(Roundings.standard()));
  }

  @Test
  void theTableReplayedYearAfterYear() throws Exception {
    // Hunan, class 4 (0.9 %), payroll 10,000,000 and premiums 100,000 a year recorded
    // 2023, on 2022 (nothing paid, no injury): -2 from the assumed benchmark band -> 0.45 %: income 45,000,
    //   at the benchmark 90,000; payouts of 2023 30,000; balance 15,000
    // 2024, on 2023 as replayed: 2023's premiums are 10,000,000 x 0.45 % = 45,000, not the 100,000 recorded;
    //   30,000 / 45,000 = 66.67 % -> band 0 (on the recorded 30 % it would be -1, 0.72 %) -> 0.9 %:
    //   income 90,000; payouts 50,000; balance 40,000; cumulative 55,000
    RatingCase c = Cases.employer().asOf("2025-01-01")
        .period(Cases.year(2022).benefits("0.00"))
        .period(Cases.year(2023).benefits("30000.00"))
        .period(Cases.year(2024).benefits("50000.00").injuries(1)).build();
    Simulation.Column col = new Simulation.Column(HUNAN, Roundings.standard(), true);
    col.add(c);
    JsonNode years = new ObjectMapper().readTree(Simulation.json(List.of(col))).at("/tables/0/replay/years");
    assertEquals(2, years.size(), years.toString());
    assertEquals(2023, years.path(0).path("year").intValue());
    assertEquals(0, new BigDecimal("45000").compareTo(new BigDecimal(years.path(0).path("incomeAfterFloating").asText())));
    assertEquals(0, new BigDecimal("90000").compareTo(new BigDecimal(years.path(0).path("incomeAtBenchmark").asText())));
    assertEquals(0, new BigDecimal("15000").compareTo(new BigDecimal(years.path(0).path("balance").asText())));
    assertEquals("66.67", years.path(0).path("payoutRatio").asText());
    assertEquals(0, new BigDecimal("90000").compareTo(new BigDecimal(years.path(1).path("incomeAfterFloating").asText())));
    assertEquals(0, new BigDecimal("40000").compareTo(new BigDecimal(years.path(1).path("balance").asText())));
    assertEquals(0, new BigDecimal("55000").compareTo(new BigDecimal(years.path(1).path("cumulativeBalance").asText())));
    // 50,000 / 90,000 = 55.56 %
    assertEquals("55.56", years.path(1).path("payoutRatio").asText());
    JsonNode assumptions = new ObjectMapper().readTree(Simulation.json(List.of(col))).at("/tables/0/replay/assumptions");
    assertTrue(assumptions.toString().contains("status as recorded today"), assumptions.toString());
    assertTrue(assumptions.toString().contains("later years' payout ratios are computed on them"),
        assumptions.toString());
  }
}
