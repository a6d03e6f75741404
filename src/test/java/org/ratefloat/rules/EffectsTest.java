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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.Cases;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Amount;
import org.ratefloat.decision.Decision;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.json.DecisionJson;

/**
 * The effects of {@code ratefloat/rule-table@2} beyond factors: a rate floor and a cap computed by
 * formulas (one in percent, one as the benchmark times a maximum modification) and an amount of
 * money added by a row, each checked against values computed by hand.
 */
class EffectsTest {
  private static final Path TABLE = Path.of("src/test/resources/format2/effects.json");

  @TempDir
  Path tmp;

  private static String value(Decision d, String id) {
    return d.indicators().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow().value().render();
  }

  /** Premiums 100,000.00 a year, so E = 200,000.00 over the two years; the benefits as given. */
  private static Decision decide(RuleTable table, String b2023, String b2024) {
    return Cases.employer().riskClass(1).year(2023, b2023).year(2024, b2024).decide(table);
  }

  @Test
  void aComputedCapOnTheFactorBindsAndASurchargeIsRecorded() {
    Decision d = decide(RateFloat.loadTable(TABLE), "250000.00", "50000.00");
    // mod = max(0.5, (300,000 + 200,000 + 10,000) / (2 x 200,000 + 10,000)) = 510,000 / 410,000
    //   = 1.2439... -> 1.24
    assertEquals("1.24", value(d, "mod"));
    // maximum mod = 1.10 + 0.0004 x 200,000 / 10,000 = 1.10 + 0.008 = 1.108
    assertEquals("1.108", value(d, "maxMod"));
    // least rate = 0.1 + 200,000 / 500,000 = 0.5
    assertEquals("0.500", value(d, "minRate"));
    // surcharge = (1.24 - 1) x 200,000 / 7 = 48,000 / 7 = 6,857.142857... -> 6,857.14
    assertEquals("6857.14", value(d, "surcharge"));
    assertEquals("rate x mod = 1.24", d.steps().get(0).effect());
    assertEquals("amount surcharge = +6857.14 EUR", d.steps().get(1).effect());
    assertEquals(Optional.of("debit"), d.steps().get(1).row());
    // rate 0.5 x 1.24 = 0.62: above the least rate, above the cap 0.5 x 1.108 = 0.554
    assertEquals("no-match", d.steps().get(2).outcome().jsonName());
    assertEquals("rate 0.6200 >= 0.500 (minRate = 0.500)", d.steps().get(2).effect());
    assertEquals("fired", d.steps().get(3).outcome().jsonName());
    assertEquals("rate 0.6200 -> 0.5540 (benchmark 0.5 x maxMod = 1.108)", d.steps().get(3).effect());
    assertEquals(0, new BigDecimal("0.554").compareTo(d.rate()), d.rate().toPlainString());
    assertEquals(List.of(Amount.builder().row("money", "debit").indicator("surcharge")
        .amount(new BigDecimal("6857.14"), "EUR").build()),
        d.amounts());
  }

  @Test
  void aComputedFloorBindsAndAConstantRebateIsRecorded() {
    Decision d = decide(RateFloat.loadTable(TABLE), "0.00", "0.00");
    // mod = (0 + 200,000 + 10,000) / 410,000 = 0.5121... -> 0.51; rate 0.5 x 0.51 = 0.255
    assertEquals("0.51", value(d, "mod"));
    assertEquals("amount -100.00 EUR", d.steps().get(1).effect());
    assertEquals("rate 0.2550 -> 0.500 (minRate = 0.500)", d.steps().get(2).effect());
    assertEquals("rate 0.500 <= 0.5540 (benchmark 0.5 x maxMod = 1.108)", d.steps().get(3).effect());
    assertEquals(0, new BigDecimal("0.5").compareTo(d.rate()), d.rate().toPlainString());
    assertEquals(List.of(Amount.builder().row("money", "rebate")
        .amount(new BigDecimal("-100.00"), "EUR").build()),
        d.amounts());
  }

  @Test
  void theAmountsAreInTheRecordAndReadBack() {
    Decision d = decide(RateFloat.loadTable(TABLE), "250000.00", "50000.00");
    String json = new String(DecisionJson.bytes(d), StandardCharsets.UTF_8);
    assertTrue(json.contains("\n  \"amounts\": [\n    {\n      \"step\": \"money\",\n      \"row\": \"debit\",\n"
        + "      \"indicator\": \"surcharge\",\n      \"amount\": \"6857.14\",\n      \"currency\": \"EUR\"\n    }\n  ],\n"),
        json);
    Decision back = DecisionJson.read(DecisionJson.bytes(d));
    assertEquals(d.amounts(), back.amounts());
    assertEquals(d, back);
    // a decision without amounts has no such key
    Decision none = Cases.employer().riskClass(1).year(2023, "0.00").year(2024, "0.00")
        .decide(RateFloat.loadTable(Path.of("src/test/resources/format2/computed-mod.json")));
    assertTrue(!new String(DecisionJson.bytes(none), StandardCharsets.UTF_8).contains("amounts"));
  }

  @Test
  void theTableLintsClean() {
    List<Finding> findings = Linter.lint(List.of(TABLE)).get(0).findings();
    assertEquals(List.of(), findings.stream().filter(f -> f.severity() != Finding.Severity.INFO).toList());
  }

  private Path variant(String from, String to) throws Exception {
    String text = Files.readString(TABLE, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), from);
    Path p = tmp.resolve("variant.json");
    Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
    return p;
  }

  private RuleTableException refused(String from, String to) throws Exception {
    Path p = variant(from, to);
    return assertThrows(RuleTableException.class, () -> RateFloat.loadTable(p));
  }

  @Test
  void aBoundNotProvenPositiveIsFlaggedAndANegativeOneRefused() throws Exception {
    Path p = variant("{ \"const\": \"0.1\" }, { \"div\": [ \"expected\"", "{ \"const\": \"-0.5\" }, { \"div\": [ \"expected\"");
    List<Finding> findings = Linter.lint(List.of(p)).get(0).findings().stream()
        .filter(f -> f.severity() != Finding.Severity.INFO).toList();
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("RT037", findings.get(0).code().name());
    assertEquals(Finding.Severity.WARNING, findings.get(0).severity());
    assertEquals("/steps/2/rate/indicator", findings.get(0).pointer());
    assertTrue(findings.get(0).message().contains("[-0.500, +∞]"), findings.get(0).message());
    // E = 0 (no premiums): -0.5 + 0 = -0.5 when deciding
    RuleTable table = RateFloat.loadTable(p);
    RuleTableException e = assertThrows(RuleTableException.class, () -> Cases.employer().riskClass(1)
        .period(Cases.year(2023).premiums("0.00").benefits("0.00"))
        .period(Cases.year(2024).premiums("0.00").benefits("0.00")).decide(table));
    assertEquals("RT009", e.code().name(), e.getMessage());
    assertEquals("/steps/2/rate/indicator", e.pointer());
    assertTrue(e.getMessage().contains("minRate = -0.500"), e.getMessage());
  }

  @Test
  void theRT037WarningCanBeAcknowledged() throws Exception {
    Path p = variant("\"rate\": { \"indicator\": \"minRate\" } }", "\"rate\": { \"indicator\": \"minRate\" }, \"allow\": [ \"RT037\" ] }");
    Files.writeString(p, Files.readString(p).replace("{ \"const\": \"0.1\" }, { \"div\": [ \"expected\"",
        "{ \"const\": \"-0.5\" }, { \"div\": [ \"expected\""));
    assertEquals(List.of(), Linter.lint(List.of(p)).get(0).findings().stream()
        .filter(f -> f.severity() != Finding.Severity.INFO).toList());
  }

  @Test
  void aComputedBoundMustBeARoundedFormulaAndComeAlone() throws Exception {
    RuleTableException notRounded = refused("\"benchmarkTimes\": \"maxMod\"", "\"benchmarkTimes\": \"expected\"");
    assertEquals("RT011", notRounded.code().name(), notRounded.getMessage());
    assertEquals("/steps/3/rate/benchmarkTimes", notRounded.pointer());
    RuleTableException unknown = refused("\"benchmarkTimes\": \"maxMod\"", "\"benchmarkTimes\": \"maxmod\"");
    assertEquals("RT008", unknown.code().name(), unknown.getMessage());
    RuleTableException two = refused("\"benchmarkTimes\": \"maxMod\"", "\"benchmarkTimes\": \"maxMod\", \"percent\": \"1\"");
    assertEquals("RT009", two.code().name(), two.getMessage());
    assertEquals("/steps/3/rate", two.pointer());
    RuleTableException both = refused("\"benchmarkTimes\": \"maxMod\"", "\"benchmarkTimes\": \"maxMod\", \"indicator\": \"minRate\"");
    assertEquals("RT009", both.code().name(), both.getMessage());
  }

  @Test
  void anAmountNamesItsCurrencyAndOneSource() throws Exception {
    RuleTableException currency = refused("\"currency\": \"EUR\" } } },\n        { \"id\": \"rebate\"",
        "\"currency\": \"eur\" } } },\n        { \"id\": \"rebate\"");
    assertEquals("RT009", currency.code().name(), currency.getMessage());
    assertEquals("/steps/1/rows/0/then/addAmount/currency", currency.pointer());
    RuleTableException both = refused("{ \"amount\": \"-100.00\",", "{ \"amount\": \"-100.00\", \"indicator\": \"surcharge\",");
    assertEquals("RT009", both.code().name(), both.getMessage());
    assertEquals("/steps/1/rows/1/then/addAmount", both.pointer());
    RuleTableException notRounded = refused("{ \"indicator\": \"surcharge\",", "{ \"indicator\": \"actual\",");
    assertEquals("RT011", notRounded.code().name(), notRounded.getMessage());
    RuleTableException inexact = refused("\"-100.00\"", "\"-1e2\"");
    assertEquals("RT006", inexact.code().name(), inexact.getMessage());
  }

  @Test
  void anAmountCombinesWithRateEffectsButNotWithABand() throws Exception {
    Path p = variant("\"then\": { \"multiplyRate\": { \"indicator\": \"mod\" } }",
        "\"then\": { \"multiplyRate\": { \"indicator\": \"mod\" }, \"addAmount\": { \"amount\": \"5.00\", \"currency\": \"CNY\" } }");
    Decision d = decide(RateFloat.loadTable(p), "250000.00", "50000.00");
    assertEquals("rate x mod = 1.24; amount +5.00 CNY", d.steps().get(0).effect());
    assertEquals(2, d.amounts().size());
    assertEquals("CNY", d.amounts().get(0).currency());
    RuleTableException band = refused("\"then\": { \"multiplyRate\": { \"indicator\": \"mod\" } }",
        "\"then\": { \"band\": 0, \"addAmount\": { \"amount\": \"5.00\", \"currency\": \"CNY\" } }");
    assertEquals("RT009", band.code().name(), band.getMessage());
  }
}
