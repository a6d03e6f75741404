package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.RateFloat;
import org.ratefloat.credibility.BuhlmannStraub;
import org.ratefloat.decision.Decision;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;

/**
 * The whole chain: a portfolio, {@code ratefloat credibility --reference-out}, the reference file
 * beside a rule table that names it, a decision, and {@code verify}; the shipped reference data and
 * the example's record are what the chain gives.
 */
class CredibilityChainTest {
  private static final Path PORTFOLIO = Path.of("examples/cn-credibility-blend/portfolio.ndjson");
  private static final Path EXAMPLE = Path.of("examples/cn-credibility-blend/small-workshop.json");

  @TempDir
  Path tmp;

  private CliRun credibility(Path portfolio) {
    return CliRun.of("credibility", "--rules", "cn-national-2015", "--in", portfolio.toString(),
        "--reference-out", tmp.resolve("cn-credibility-example.reference.json").toString(),
        "--effective-from", "2025-01-01", "--effective-to", "2025-12-31");
  }

  @Test
  void portfolioToCredibilityToReferenceToDecision() throws Exception {
    Path portfolio = tmp.resolve("portfolio.ndjson");
    Files.copy(PORTFOLIO, portfolio);
    CliRun r = credibility(portfolio);
    assertEquals(0, r.code(), r.err());
    // the shipped reference data is what the command writes for the shipped portfolio
    assertArrayEquals(Files.readAllBytes(Path.of("rules/cn-credibility-example.reference.json")),
        Files.readAllBytes(tmp.resolve("cn-credibility-example.reference.json")));
    Path table = tmp.resolve("cn-credibility-blend.json");
    Files.copy(Path.of("rules/cn-credibility-blend.json"), table);
    CliRun decided = CliRun.of("decide", "--rules", table.toString(), EXAMPLE.toString());
    assertEquals(0, decided.code(), decided.err());
    // and the example's record is the decision the chain gives
    assertEquals(Files.readString(Path.of("examples/cn-credibility-blend/small-workshop.decision.json"),
        StandardCharsets.UTF_8), decided.out());

    // Z of the decision is P / (P + K), K the class-1 estimate written to 12 significant digits
    List<BuhlmannStraub.Entity> class1 = new ArrayList<>();
    for (String line : Files.readAllLines(PORTFOLIO, StandardCharsets.UTF_8)) {
      RatingCase c = RateFloat.readCase(line.getBytes(StandardCharsets.UTF_8));
      if (c.employer().riskClassOverride().getAsInt() == 1) {
        List<BigDecimal> amounts = new ArrayList<>();
        List<BigDecimal> weights = new ArrayList<>();
        for (Period p : c.history()) {
          amounts.add(p.value(Measure.BENEFITS_PAID).orElseThrow());
          weights.add(p.value(Measure.PREMIUMS_PAID).orElseThrow());
        }
        class1.add(new BuhlmannStraub.Entity(c.employer().id(), amounts, weights));
      }
    }
    BuhlmannStraub.Fit fit = BuhlmannStraub.fit(class1);
    MathContext twelve = new MathContext(12, RoundingMode.HALF_EVEN);
    BigDecimal k = fit.k().orElseThrow().round(twelve).stripTrailingZeros();
    BigDecimal mu = fit.mu().round(twelve).stripTrailingZeros();
    Decision d = RateFloat.readDecision(decided.out().getBytes(StandardCharsets.UTF_8));
    var z = d.indicators().stream().filter(i -> i.id().equals("z")).findFirst().orElseThrow();
    assertEquals(k.toPlainString(), z.operands().get("data.k"));
    // n / d = P / (P + K) exactly: n (P + K) = d P
    String[] nd = z.value().render().split("/");
    BigDecimal p = new BigDecimal("300000.00");
    assertEquals(0, new BigDecimal(nd[0]).multiply(p.add(k)).compareTo(new BigDecimal(nd[1]).multiply(p)),
        z.value().render() + " against K = " + k);
    var blended = d.indicators().stream().filter(i -> i.id().equals("blended")).findFirst().orElseThrow();
    assertEquals(mu.toPlainString(), blended.operands().get("data.mu"));

    CliRun ok = CliRun.of("verify", "--rules", table.toString(),
        "examples/cn-credibility-blend/small-workshop.decision.json");
    assertEquals(0, ok.code(), ok.out() + ok.err());
    CliRun explained = CliRun.of("explain", "--rules", table.toString(),
        "examples/cn-credibility-blend/small-workshop.decision.json");
    assertEquals(0, explained.code(), explained.err());
    assertTrue(explained.out().contains("Reference data: cn-credibility-example 1 (provisional, sha256 "
        + d.tables().get(1).sha256().substring(0, 16) + "…)"), explained.out());
    assertTrue(explained.out().contains("[z] = 12000000000/17188550977 (≈ 0.698139)"), explained.out());

    // another portfolio gives other estimates: the record no longer verifies against the new data
    Files.writeString(portfolio, Files.readString(PORTFOLIO).replace("\"benefitsPaid\":\"10000.00\"",
        "\"benefitsPaid\":\"12000.00\""));
    CliRun again = credibility(portfolio);
    assertEquals(0, again.code(), again.err());
    CliRun stale = CliRun.of("verify", "--rules", table.toString(),
        "examples/cn-credibility-blend/small-workshop.decision.json");
    assertEquals(5, stale.code(), stale.out() + stale.err());
    assertTrue(stale.out().contains("/tables/1/sha256"), stale.out());
  }

  @Test
  void theReferenceOptionsGoTogether() {
    CliRun.of("credibility", "--rules", "cn-national-2015", "--in", PORTFOLIO.toString(),
        "--effective-from", "2025-01-01").assertRefused(2, "CL003", "--effective-from");
    CliRun.of("credibility", "--rules", "cn-national-2015", "--in", PORTFOLIO.toString(),
        "--reference-out", tmp.resolve("x.json").toString(), "--effective-from", "2025-01-01")
        .assertRefused(2, "CL003", "--reference-out");
    CliRun.of("credibility", "--rules", "cn-national-2015", "--in", PORTFOLIO.toString(),
        "--reference-out", tmp.resolve("x.reference.json").toString())
        .assertRefused(2, "CL003", "--reference-out");
    CliRun.of("credibility", "--rules", "cn-national-2015", "--in", PORTFOLIO.toString(),
        "--reference-out", tmp.resolve("x.reference.json").toString(), "--effective-from", "2025-01-01",
        "--effective-to", "2024-12-31").assertRefused(2, "CL003", "--effective-to");
  }
}
