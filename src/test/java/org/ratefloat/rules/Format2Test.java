package org.ratefloat.rules;

import org.ratefloat.error.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.Cases;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.error.RuleTableException;

/**
 * The constructs of {@code ratefloat/rule-table@2}: reference data, lookups (step and
 * interpolated), clamp, an intermediate round and a rate multiplied by a computed factor, each
 * checked against values computed by hand; and what the loader and the analysis refuse or flag.
 */
class Format2Test {
  private static final Path MOD = Path.of("src/test/resources/format2/computed-mod.json");

  @TempDir
  Path tmp;

  private static Map<String, IndicatorValue> byId(Decision d) {
    return d.indicators().stream().collect(Collectors.toMap(IndicatorValue::id, v -> v));
  }

  private static String value(Decision d, String id) {
    return byId(d).get(id).value().render();
  }

  @Test
  void aComputedModificationMultipliesTheRate() {
    RuleTable table = RateFloat.loadTable(MOD);
    // E = 2 x 100,000.00 premiums; A = 250,000 + 50,000 benefits
    Decision d = Cases.employer().riskClass(1).year(2023, "250000.00").year(2024, "50000.00").decide(table);
    assertEquals("200000.00", value(d, "expected"));
    assertEquals("300000.00", value(d, "actual"));
    // W: 100,000 <= E < 300,000 -> row 2 of the step table, no interpolation
    assertEquals("0.20", value(d, "w"));
    // B: interpolated between (0, 20,000) and (400,000, 60,000): 20,000 + 200,000 x 40,000 / 400,000
    assertEquals("40000", value(d, "b"));
    // M = (0.2 x 300,000 + 0.8 x 200,000 + 40,000) / (200,000 + 40,000) = 260,000 / 240,000
    //   = 1.08333...; clamp [0.75, 1.25] leaves it; round 2 HALF_UP: 1.08
    assertEquals("1.08", value(d, "mod"));
    assertEquals("0.20", byId(d).get("mod").operands().get("w"));
    assertEquals("40000", byId(d).get("b").operands().get("lookup.ballast(200000.00)"));
    assertEquals("0.75", byId(d).get("mod").operands().get("data.minMod"));
    // rate = benchmark 0.5 x band 1.0 x 1.08
    assertEquals(0, new BigDecimal("0.54").compareTo(d.rate()), d.rate().toPlainString());
    assertEquals("rate x mod = 1.08", d.steps().get(0).effect());
  }

  @Test
  void theClampBindsAboveAndBelow() {
    RuleTable table = RateFloat.loadTable(MOD);
    // A = 1,000,000: (200,000 + 160,000 + 40,000) / 240,000 = 1.666... -> clamped to 1.25
    Decision high = Cases.employer().riskClass(1).year(2023, "900000.00").year(2024, "100000.00").decide(table);
    assertEquals("1.25", value(high, "mod"));
    assertEquals(0, new BigDecimal("0.625").compareTo(high.rate()));
    // A = 0: (0 + 160,000 + 40,000) / 240,000 = 0.8333... -> 0.83 (inside the clamp)
    Decision none = Cases.employer().riskClass(1).year(2023, "0.00").year(2024, "0.00").decide(table);
    assertEquals("0.83", value(none, "mod"));
    // premiums 50,000 a year: E = 100,000 -> W 0.2 (the key equals a row's key),
    // B = 20,000 + 100,000 x 40,000 / 400,000 = 30,000; A = 0: (0 + 80,000 + 30,000) / 130,000
    // = 0.846... -> 0.85
    Decision oneYear = Cases.employer().riskClass(1)
        .period(Cases.year(2023).premiums("50000.00").benefits("0.00"))
        .period(Cases.year(2024).premiums("50000.00").benefits("0.00")).decide(table);
    assertEquals("0.20", value(oneYear, "w"));
    assertEquals("30000", value(oneYear, "b"));
    assertEquals("0.85", value(oneYear, "mod"));
  }

  @Test
  void theProvenTableLintsClean() throws Exception {
    List<Finding> findings = Linter.lint(List.of(MOD)).get(0).findings();
    assertEquals(List.of(), findings.stream().filter(f -> f.severity() != Finding.Severity.INFO).toList());
  }

  private Path variant(String from, String to) throws Exception {
    String text = Files.readString(MOD, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), from);
    Path p = tmp.resolve("variant.json");
    Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
    return p;
  }

  private static RuleTableException refused(Path p) {
    return assertThrows(RuleTableException.class, () -> RateFloat.loadTable(p));
  }

  @Test
  void theConstructsOfAtTwoAreUnknownKeysInAtOne() throws Exception {
    RuleTableException e = refused(variant("rule-table@2", "rule-table@1"));
    assertEquals("RT003", e.code().name(), e.getMessage());
    assertEquals("/indicators/2/expr/lookup", e.pointer(), e.getMessage());
  }

  @Test
  void anUnsortedStepTableIsRefused() throws Exception {
    RuleTableException e = refused(variant("[ \"300000\", \"0.30\" ]", "[ \"100000\", \"0.30\" ]"));
    assertEquals("RT034", e.code().name(), e.getMessage());
    assertEquals("/data/steps/weight/rows/2/0", e.pointer());
  }

  @Test
  void unknownDataIsRefused() throws Exception {
    assertEquals("RT008", refused(variant("{ \"data\": \"maxMod\" }", "{ \"data\": \"maxmod\" }")).code().name());
    RuleTableException e = refused(variant("\"table\": \"weight\"", "\"table\": \"weights\""));
    assertEquals("RT008", e.code().name());
    assertEquals("/indicators/2/expr/lookup/table", e.pointer());
  }

  @Test
  void aLookupKeyThatCanFallBelowTheTableIsAnErrorAndRefusedWhenDeciding() throws Exception {
    Path p = variant("{ \"lookup\": { \"table\": \"weight\", \"key\": \"expected\" } }",
        "{ \"lookup\": { \"table\": \"weight\", \"key\": { \"sub\": [ \"expected\", { \"const\": \"1000\" } ] } } }");
    List<Finding> findings = Linter.lint(List.of(p)).get(0).findings();
    assertEquals("RT035", findings.get(0).code().name(), findings.toString());
    assertEquals(Finding.Severity.ERROR, findings.get(0).severity());
    assertEquals("/indicators/2/expr/lookup", findings.get(0).pointer());
    assertTrue(findings.get(0).message().contains("-1000"), findings.get(0).message());
  }

  @Test
  void aKeyNothingBoundsIsAWarning() throws Exception {
    // actual - expected is unbounded below: not proven inside the table
    Path p = variant("{ \"lookup\": { \"table\": \"weight\", \"key\": \"expected\" } }",
        "{ \"lookup\": { \"table\": \"weight\", \"key\": { \"sub\": [ \"actual\", \"expected\" ] } } }");
    List<Finding> findings = Linter.lint(List.of(p)).get(0).findings().stream()
        .filter(f -> f.severity() != Finding.Severity.INFO).toList();
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("RT035", findings.get(0).code().name());
    assertEquals(Finding.Severity.WARNING, findings.get(0).severity());
    // and when deciding, a key below the first row is refused with the same code
    RuleTable table = RateFloat.loadTable(p);
    RuleTableException e = assertThrows(RuleTableException.class, () ->
        Cases.employer().riskClass(1).year(2023, "0.00").year(2024, "0.00").decide(table));
    assertEquals("RT035", e.code().name(), e.getMessage());
    assertEquals("/indicators/2/expr/lookup", e.pointer());
  }

  @Test
  void aFactorNotProvenPositiveIsFlaggedAndANonPositiveOneRefused() throws Exception {
    // with a floor of 0 the clamp no longer keeps the factor above zero
    Path p = variant("\"minMod\": \"0.75\"", "\"minMod\": \"0\"");
    List<Finding> findings = Linter.lint(List.of(p)).get(0).findings().stream()
        .filter(f -> f.severity() != Finding.Severity.INFO).toList();
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("RT036", findings.get(0).code().name());
    assertEquals(Finding.Severity.WARNING, findings.get(0).severity());
    assertEquals("/steps/0/rows/0/then/multiplyRate/indicator", findings.get(0).pointer());
    assertTrue(findings.get(0).message().contains("[0.00, 1.25]"), findings.get(0).message());
    // a factor that is negative when deciding is refused
    Path negative = tmp.resolve("negative.json");
    Files.writeString(negative, Files.readString(p).replace("\"minMod\": \"0\", \"maxMod\": \"1.25\"",
        "\"minMod\": \"-0.5\", \"maxMod\": \"-0.1\""));
    RuleTable table = RateFloat.loadTable(negative);
    RuleTableException e = assertThrows(RuleTableException.class, () ->
        Cases.employer().riskClass(1).year(2023, "0.00").year(2024, "0.00").decide(table));
    assertEquals("RT009", e.code().name(), e.getMessage());
    assertEquals("/steps/0/rows/0/then/multiplyRate/indicator", e.pointer());
    assertTrue(e.getMessage().contains("mod = -0.10"), e.getMessage());
  }

  @Test
  void aFactorMustBeARoundedFormula() throws Exception {
    RuleTableException e = refused(variant("{ \"indicator\": \"mod\" }", "{ \"indicator\": \"expected\" }"));
    assertEquals("RT011", e.code().name());
    assertEquals("/steps/0/rows/0/then/multiplyRate/indicator", e.pointer());
  }

  @Test
  void aCycleThroughALookupKeyIsRefused() throws Exception {
    RuleTableException e = refused(variant("\"key\": \"expected\" } } },\n    { \"id\": \"b\"",
        "\"key\": \"mod\" } } },\n    { \"id\": \"b\""));
    assertEquals("RT018", e.code().name(), e.getMessage());
  }

  @Test
  void clampTakesThreeArguments() throws Exception {
    RuleTableException e = refused(variant(",\n        { \"data\": \"maxMod\" } ]", " ]"));
    assertEquals("RT009", e.code().name(), e.getMessage());
  }

  @Test
  void everyAtOneTableHasNoReferenceData() {
    for (String id : List.of("cn-national-2015", "cn-zj-hangzhou", "cn-hn-provisional")) {
      RuleTableSpec spec = RuleTables.load(Path.of("rules", id + ".json")).measure();
      assertEquals(1, spec.formatVersion());
      assertEquals(ReferenceData.NONE, spec.data());
    }
    assertEquals(Optional.of(2), Optional.of(RuleTables.load(MOD).measure().formatVersion()));
  }

  private static final Path YEARS = Path.of("src/test/resources/format2/insurance-years.json");

  /** Three April–March insurance years with premiums 100,000 each and the given benefits. */
  private static Cases japanese(String b2021, String b2022, String b2023) {
    // as of 2025-06-01 the current insurance year is 2025; skip 1 leaves 2024; the window is
    // the years 2021, 2022, 2023: 2021-04-01 .. 2024-03-31
    return Cases.employer().riskClass(1).benchmark("0.35").asOf("2025-06-01")
        .period(Cases.range("2021-04-01", "2022-03-31").benefits(b2021))
        .period(Cases.range("2022-04-01", "2023-03-31").benefits(b2022))
        .period(Cases.range("2023-04-01", "2024-03-31").benefits(b2023));
  }

  @Test
  void insuranceYearsStartInAnyMonthAndOneRowHasTwoEffects() {
    RuleTable table = RateFloat.loadTable(YEARS);
    Decision low = japanese("6000.00", "0.00", "7000.00").decide(table);
    IndicatorValue ratio = byId(low).get("ratio");
    assertEquals(Optional.of(java.time.LocalDate.parse("2021-04-01")), ratio.from());
    assertEquals(Optional.of(java.time.LocalDate.parse("2024-03-31")), ratio.to());
    // 13,000 / 300,000 x 100 / 0.67 = 1,300,000 / 201,000 = 6.4676...: at most 10 -> -40 %
    assertEquals("1300/201", ratio.value().render(), "the exact ratio, reduced");
    assertEquals("fired", low.steps().get(0).outcome().jsonName());
    assertEquals(Optional.of("minus-40"), low.steps().get(0).row());
    // (0.35 - 0.06) x (1 - 0.40) + 0.06 = 0.174 + 0.06 = 0.234 = 0.35 x 0.60 + 0.024
    assertEquals(0, new BigDecimal("0.234").compareTo(low.rate()), low.rate().toPlainString());
    assertEquals("rate x 0.60; rate points +0.024", low.steps().get(0).effect());
    // 300,000 / 300,000 x 100 / 0.67 = 149.25...: above 85 -> +40 %
    // (0.35 - 0.06) x 1.40 + 0.06 = 0.406 + 0.06 = 0.466 = 0.35 x 1.40 - 0.024
    Decision high = japanese("100000.00", "100000.00", "100000.00").decide(table);
    assertEquals(0, new BigDecimal("0.466").compareTo(high.rate()), high.rate().toPlainString());
  }

  @Test
  void aCalendarYearStraddlesAnInsuranceYearWindow() {
    RuleTable table = RateFloat.loadTable(YEARS);
    org.ratefloat.error.InputException e = assertThrows(org.ratefloat.error.InputException.class, () ->
        Cases.employer().riskClass(1).benchmark("0.35").asOf("2025-06-01")
            .year(2021, "0.00").year(2022, "0.00").year(2023, "0.00").year(2024, "0.00").decide(table));
    assertEquals("IN017", e.code().name(), e.getMessage());
  }

  @Test
  void bandAndRateEffectsDoNotCombine() throws Exception {
    Path p = tmp.resolve("combined.json");
    Files.writeString(p, Files.readString(YEARS).replace("\"then\": { \"band\": 0 }",
        "\"then\": { \"band\": 0, \"addRatePoints\": \"0.1\" }"));
    RuleTableException e = refused(p);
    assertEquals("RT009", e.code().name(), e.getMessage());
    // @1 knows no insurance years: the window reads as a date range, whose "from" is missing
    Files.writeString(p, Files.readString(YEARS).replace("rule-table@2", "rule-table@1"));
    RuleTableException at1 = refused(p);
    assertEquals("RT004", at1.code().name(), at1.getMessage());
    assertEquals("/indicators/0/window/from", at1.pointer());
  }
}
