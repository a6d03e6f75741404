package org.ratefloat.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.error.InputException;

/**
 * rules/cn-credibility-blend.json with the reference data rules/cn-credibility-example.reference.json
 * (class 1: K = 129,713.774425, μ = 0.725869366866; class 2: K = 299,059.716937, μ = 0.649991969376),
 * computed by hand: Z = P / (P + K), blended = Z X + (1 − Z) μ, factor = blended / μ within
 * [0.5, 1.5], two decimals; rate = benchmark × factor.
 */
class CredibilityBlendTableTest {
  private static final Path TABLE = Path.of("rules/cn-credibility-blend.json");

  @TempDir
  Path tmp;

  private static String json(String asOf, int riskClass, int firstYear, String premiums, String benefits) {
    StringBuilder h = new StringBuilder();
    for (int y = firstYear; y < firstYear + 3; y++) {
      h.append(y > firstYear ? "," : "").append("{\"year\": ").append(y).append(", \"payroll\": \"10000000.00\", ")
          .append("\"premiumsPaid\": \"").append(premiums).append("\", \"benefitsPaid\": \"").append(benefits)
          .append("\"}");
    }
    return "{\"asOf\": \"" + asOf + "\", \"employer\": {\"id\": \"T\", \"industry\": {\"edition\": \"GB/T 4754-2017\","
        + " \"code\": \"72\"}, \"riskClassOverride\": " + riskClass + "}, \"history\": [" + h + "]}";
  }

  private static Decision decide(RuleTable table, String caseJson) {
    return table.decide(RateFloat.readCase(caseJson.getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, String> values(Decision d) {
    return d.indicators().stream().collect(Collectors.toMap(IndicatorValue::id, i -> i.value().render()));
  }

  /** n / d reduced, as the record writes a fraction. */
  private static String fraction(BigInteger n, BigInteger d) {
    BigInteger g = n.gcd(d);
    return n.divide(g) + "/" + d.divide(g);
  }

  @Test
  void theExampleWorkshopByHand() throws Exception {
    RuleTable table = RateFloat.loadTable(TABLE);
    Decision d = table.decide(RateFloat.readCase(Path.of("examples/cn-credibility-blend/small-workshop.json")));
    Map<String, String> v = values(d);
    // P = 3 x 100,000.00 = 300,000.00; benefits 30,000 + 90,000 + 60,000 = 180,000.00; X = 0.6
    assertEquals("300000.00", v.get("premiums"));
    assertEquals("180000.00", v.get("benefits"));
    assertEquals("0.6", v.get("own"));
    // Z = 300,000 / (300,000 + 129,713.774425) = 300,000,000,000 / 429,713,774,425 (≈ 0.698139)
    assertEquals(fraction(new BigInteger("300000000000"), new BigInteger("429713774425")), v.get("z"));
    assertEquals("12000000000/17188550977", v.get("z"));
    // blended = Z x 0.6 + (1 - Z) x 0.725869366866
    //   = (0.6 x 300,000 + 0.725869366866 x 129,713.774425) / 429,713.774425 ≈ 0.637995
    BigDecimal k = new BigDecimal("129713.774425");
    BigDecimal mu = new BigDecimal("0.725869366866");
    BigDecimal numerator = new BigDecimal("180000").add(mu.multiply(k));
    BigDecimal denominator = new BigDecimal("300000").add(k);
    assertEquals(fraction(numerator.unscaledValue().multiply(BigInteger.TEN.pow(denominator.scale())),
        denominator.unscaledValue().multiply(BigInteger.TEN.pow(numerator.scale()))), v.get("blended"));
    // factor = blended / μ ≈ 0.878939 -> 0.88 (inside [0.5, 1.5]); rate 0.5 x 0.88 = 0.44
    assertEquals("0.88", v.get("factor"));
    assertEquals(0, new BigDecimal("0.44").compareTo(d.rate()), d.rate().toPlainString());
    // premium 10,000,000.00 x 0.44 % = 44,000.00
    assertEquals(0, new BigDecimal("44000.00").compareTo(d.premium().orElseThrow().amount()));
    assertEquals("rate x factor = 0.88", d.steps().get(0).effect());
    // the reference data is listed with the SHA-256 of its bytes
    assertEquals("reference", d.tables().get(1).role());
    assertEquals("cn-credibility-example", d.tables().get(1).id());
    assertEquals(com.google.common.hash.Hashing.sha256().hashBytes(
        Files.readAllBytes(Path.of("rules/cn-credibility-example.reference.json"))).toString(), d.tables().get(1).sha256());
  }

  @Test
  void withoutPremiumsTheClassMeanDecides() {
    // P = 0: X = 0 (zeroDenominator), Z = 0 / (0 + K) = 0, blended = μ, factor = μ / μ = 1.00
    Decision d = decide(RateFloat.loadTable(TABLE), json("2025-01-01", 2, 2022, "0.00", "0.00"));
    Map<String, String> v = values(d);
    assertEquals("0", v.get("z"));
    assertEquals("0.649991969376", v.get("blended"));
    assertEquals("1.00", v.get("factor"));
    assertEquals(0, BigDecimal.ONE.compareTo(d.rate()), d.rate().toPlainString());
  }

  @Test
  void aHeavyLossRatioIsBoundedAtOnePointFive() {
    // class 2: P = 900,000, benefits 2,700,000, X = 3; Z = 900,000 / 1,199,059.716937 ≈ 0.750588;
    // blended ≈ 0.750588 x 3 + 0.249412 x 0.649992 ≈ 2.413886; / μ ≈ 3.7137 -> 1.5; rate 1.0 x 1.5
    Decision d = decide(RateFloat.loadTable(TABLE), json("2025-01-01", 2, 2022, "300000.00", "900000.00"));
    assertEquals("3", values(d).get("own"));
    assertEquals("1.50", values(d).get("factor"));
    assertEquals(0, new BigDecimal("1.5").compareTo(d.rate()), d.rate().toPlainString());
  }

  @Test
  void aDecisionOutsideTheReferencePeriodIsRefused() throws Exception {
    // a copy of the table open to later dates, with the reference data (2025 only) beside it
    Files.writeString(tmp.resolve("cn-credibility-blend.json"), Files.readString(TABLE)
        .replace("  \"effectiveTo\": \"2025-12-31\",\n", ""));
    Files.copy(Path.of("rules/cn-credibility-example.reference.json"),
        tmp.resolve("cn-credibility-example.reference.json"));
    RuleTable table = RateFloat.loadTable(tmp.resolve("cn-credibility-blend.json"));
    InputException e = assertThrows(InputException.class, () ->
        decide(table, json("2026-01-01", 1, 2023, "100000.00", "0.00")));
    assertEquals("IN021", e.code().name(), e.getMessage());
    assertEquals("/asOf", e.pointer());
    assertTrue(e.getMessage().contains("reference data cn-credibility-example (2025-01-01..2025-12-31)"),
        e.getMessage());
  }
}
