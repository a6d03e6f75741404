package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ratefloat credibility} over a synthetic portfolio. */
class CredibilityCommandTest {
  @TempDir
  Path tmp;

  @Test
  void estimatesEveryClassOfAPortfolio() throws Exception {
    Path portfolio = tmp.resolve("p.ndjson");
    assertEquals(0, CliRun.of("generate", "--employers", "400", "--seed", "7", "--years", "4", "--out",
        portfolio.toString()).code());
    Path out = tmp.resolve("cred.json");
    CliRun r = CliRun.of("credibility", "--rules", "rules/cn-national-2015.json", "--in", portfolio.toString(),
        "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    assertEquals("ratefloat/credibility@1", json.get("format").asText());
    assertEquals("benefitsPaid", json.get("numerator").asText());
    assertTrue(json.get("classes").size() >= 1, json.toString());
    int entities = 0;
    for (JsonNode c : json.get("classes")) {
      entities += c.get("entities").asInt();
      // decimals are strings; s² and a are variances, never negative, and K exists exactly when a > 0
      java.math.BigDecimal s2 = new java.math.BigDecimal(c.get("s2").asText());
      java.math.BigDecimal a = new java.math.BigDecimal(c.get("a").asText());
      assertTrue(s2.signum() >= 0);
      assertTrue(a.signum() >= 0);
      assertEquals(c.has("k"), a.signum() > 0, c.toString());
      if (c.has("k")) {
        // K = s² / a to the written precision
        java.math.BigDecimal k = new java.math.BigDecimal(c.get("k").asText());
        assertEquals(0, k.round(new java.math.MathContext(6)).compareTo(
            s2.divide(a, new java.math.MathContext(6))), c.toString());
      }
    }
    assertTrue(entities > 0 && entities <= 400);
    assertTrue(r.err().contains("classes fitted"), r.err());
  }

  @Test
  void sameMeasureTwiceIsAUsageError() {
    CliRun r = CliRun.of("credibility", "--rules", "rules/cn-national-2015.json", "--in",
        "examples/hunan-monthly-portfolio.ndjson", "--numerator", "payroll", "--denominator", "payroll");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("ratefloat: CL003 --denominator"), r.err());
  }
}
