package org.ratefloat.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    assertEquals(new org.ratefloat.rules.Rounding(2, java.math.RoundingMode.HALF_UP), shipped.percent());
    assertEquals(new org.ratefloat.rules.Rounding(4, java.math.RoundingMode.HALF_UP), shipped.incidence());
    assertEquals(new org.ratefloat.rules.Rounding(10, java.math.RoundingMode.HALF_UP), shipped.pathStep());
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

  @Test
  void incidenceAgainstTheReductionPath() throws Exception {
    // class 6 (division 47): 2022 10 injuries in 500 workers = 2.0000 %; path -20 % over 5 years:
    // 2023 target 2.0 x 0.96 = 1.9200 (rate 9 / 500 = 1.8000: on path); 2024 target 1.8400 (rate 2.0000: not)
    Simulation.Incidence inc = new Simulation.Incidence(2022, new BigDecimal("20"), 5, Set.of(6));
    RatingCase c = Cases.employer().code("47")
        .period(Cases.year(2022).injuries(10).headcount("500"))
        .period(Cases.year(2023).injuries(9).headcount("500"))
        .period(Cases.year(2024).injuries(10).headcount("500")).build();
    inc.add(c, 6);
    inc.add(Cases.employer().period(Cases.year(2022).injuries(99).headcount("100")).build(), 4); // not tracked
    assertEquals(0, new BigDecimal("2.0000").compareTo(inc.rate(6, 2022).orElseThrow()));
    assertEquals(0, new BigDecimal("1.9200").compareTo(inc.target(6, 2023).orElseThrow()));
    assertEquals(0, new BigDecimal("1.8400").compareTo(inc.target(6, 2024).orElseThrow()));
    assertEquals(0, new BigDecimal("1.6000").compareTo(inc.target(6, 2027).orElseThrow()));
    assertEquals(Optional.empty(), inc.target(6, 2028));
    assertEquals(Optional.empty(), inc.rate(4, 2022));
    String json = new String(Simulation.json(List.of(), inc), StandardCharsets.UTF_8);
    JsonNode classes = new ObjectMapper().readTree(json).path("incidence").path("byClass");
    assertEquals(1, classes.size(), json);
    assertEquals(6, classes.path(0).path("riskClass").intValue(), json);
    JsonNode year2023 = null;
    for (JsonNode y : classes.path(0).path("years")) {
      if (y.path("year").isInt() && y.path("year").intValue() == 2023) {
        year2023 = y;
      }
    }
    ObjectNode expected = JsonNodeFactory.instance.objectNode().put("year", 2023).put("injuries", "9")
        .put("averageHeadcount", "500").put("ratePercent", "1.8000").put("targetPercent", "1.9200").put("onPath", true);
    assertEquals(expected, year2023, json);
    // the keys in this order
    List<String> keys = new ArrayList<>();
    year2023.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("year", "injuries", "averageHeadcount", "ratePercent", "targetPercent", "onPath"), keys);
  }
}
