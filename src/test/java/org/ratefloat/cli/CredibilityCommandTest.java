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

  /**
   * Hachemeister's (1975) data through the command: five states as five employers of one class, each
   * quarter a period whose premiums are the claim count (the weight) and whose benefits are the
   * average claim amount times it (the observation). The figures are the published and
   * independently computed ones of {@code BuhlmannStraubTest}: within variance 139,120,026 (actuar),
   * a = 89,638.726233, K = 1,552.008064, μ = 1,683.713437, and per state the mean (actuar), Z and
   * the credibility premium, to 6 places.
   */
  @Test
  void hachemeistersFiguresThroughTheCommand() throws Exception {
    long[][] ratios = org.ratefloat.credibility.BuhlmannStraubTestData.RATIOS;
    long[][] weights = org.ratefloat.credibility.BuhlmannStraubTestData.WEIGHTS;
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      StringBuilder h = new StringBuilder();
      for (int q = 0; q < 12; q++) {
        java.time.LocalDate from = java.time.LocalDate.of(2021, 1, 1).plusMonths(3L * q);
        h.append(q == 0 ? "" : ",").append("{\"from\": \"").append(from).append("\", \"to\": \"")
            .append(from.plusMonths(3).minusDays(1)).append("\", \"premiumsPaid\": \"").append(weights[i][q])
            .append("\", \"benefitsPaid\": \"").append(ratios[i][q] * weights[i][q]).append("\"}");
      }
      lines.append("{\"asOf\": \"2024-01-01\", \"employer\": {\"id\": \"state-").append(i + 1)
          .append("\", \"industry\": {\"edition\": \"GB/T 4754-2011\", \"code\": \"72\"}, \"riskClassOverride\": 1},"
              + " \"history\": [").append(h).append("]}\n");
    }
    Path portfolio = tmp.resolve("hachemeister.ndjson");
    java.nio.file.Files.writeString(portfolio, lines);
    Path out = tmp.resolve("cred.json");
    CliRun r = CliRun.of("credibility", "--rules", "rules/cn-national-2015.json", "--in", portfolio.toString(),
        "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode c = new ObjectMapper().readTree(out.toFile()).get("classes").get(0);
    assertEquals(5, c.get("entities").asInt());
    assertEquals("139120026", places(c.get("s2"), 0));
    assertEquals("89638.726233", places(c.get("a"), 6));
    assertEquals("1552.008064", places(c.get("k"), 6));
    assertEquals("1683.713437", places(c.get("mu"), 6));
    String[] means = {"2060.921", "1511.224", "1805.843", "1352.976", "1599.829"};
    String[] z = {"0.984740", "0.927635", "0.898475", "0.727909", "0.958791"};
    String[] premium = {"2055.165350", "1523.706278", "1793.443604", "1442.966549", "1603.285404"};
    JsonNode employers = c.get("employers");
    assertEquals(5, employers.size());
    for (int i = 0; i < 5; i++) {
      JsonNode e = employers.get(i);
      assertEquals("state-" + (i + 1), e.get("id").asText());
      assertEquals(means[i], places(e.get("mean"), 3));
      assertEquals(z[i], places(e.get("z"), 6));
      assertEquals(premium[i], places(e.get("premium"), 6));
    }
  }

  private static String places(JsonNode written, int scale) {
    return new java.math.BigDecimal(written.asText()).setScale(scale, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  @Test
  void sameMeasureTwiceIsAUsageError() {
    CliRun r = CliRun.of("credibility", "--rules", "rules/cn-national-2015.json", "--in",
        "examples/hunan-monthly-portfolio.ndjson", "--numerator", "payroll", "--denominator", "payroll");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("ratefloat: CL003 --denominator"), r.err());
  }
}
