package org.ratefloat.thresholds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.model.Measure;
import org.ratefloat.model.RatingCase;

/**
 * Thresholds through formulas, rounding and the foreign plans, each against bounds worked out
 * independently: the credibility blend (a factor rounded to two places, clamped, through three
 * formulas), BG BAU's surcharge (none while EB ≤ DB), and the plans whose next decision the coming
 * year does not enter.
 */
class FormulaThresholdsTest {
  @TempDir
  Path tmp;

  /**
   * cn-credibility-blend, its effective period (and its reference data's) widened to 2026 so that a
   * next decision is possible. The small workshop (class 1: K = 129,713.774425, μ = 0.725869366866)
   * had premiums of 100,000.00 in 2023 and 2024 and benefits of 90,000.00 and 60,000.00; next year it
   * pays 10,000,000.00 × 0.44 % = 44,000.00, so P = 244,000.00 over 2023–2025 and z = P / (P + K).
   * The factor is round(clamp(z · own / μ + 1 − z, 0.5, 1.5), 2, HALF_UP) with own = (150,000.00 + x) / P,
   * so factor f (0.50 &lt; f &lt; 1.50) is given while z (150,000 + x) / (P μ) + 1 − z lies in [f − 0.005,
   * f + 0.005): x below X(f + 0.005) with X(t) = (t − 1 + z) P μ / z − 150,000. Each outcome's upper
   * bound is the last fen below that, computed here in plain decimals to 60 digits.
   */
  @Test
  void aRoundedFactorIsInvertedStepByStep() throws Exception {
    for (String name : List.of("cn-credibility-blend.json", "cn-credibility-example.reference.json")) {
      Files.writeString(tmp.resolve(name), Files.readString(Path.of("rules", name))
          .replace("\"effectiveTo\": \"2025-12-31\"", "\"effectiveTo\": \"2026-12-31\""));
    }
    RuleTable table = RateFloat.loadTable(tmp.resolve("cn-credibility-blend.json"));
    RatingCase c = RateFloat.readCase(Path.of("examples/cn-credibility-blend/small-workshop.json"));
    Thresholds t = table.thresholds(c);
    assertTrue(t.exact(), t.notInvertible().toString());
    Variable b = Variable.of(Measure.BENEFITS_PAID);
    assertEquals(List.of(b), t.varied());
    MathContext mc = new MathContext(60, RoundingMode.HALF_EVEN);
    BigDecimal p = new BigDecimal("244000.00");
    BigDecimal k = new BigDecimal("129713.774425");
    BigDecimal mu = new BigDecimal("0.725869366866");
    BigDecimal z = p.divide(p.add(k), mc);
    BigDecimal benchmark = t.decision().benchmark();
    int checked = 0;
    for (Reach r : t.reaches()) {
      Outcome.Decided d = (Outcome.Decided) r.outcome();
      BigDecimal f = d.rate().divide(benchmark, mc).setScale(2, RoundingMode.UNNECESSARY);
      assertEquals(1, r.boxes().size(), "one stretch of benefits per factor: " + r);
      Interval in = r.boxes().get(0).bounds().get(b);
      if (f.compareTo(new BigDecimal("1.50")) == 0) {
        assertTrue(in.upper().isEmpty(), "the cap holds above: " + in);
        continue;
      }
      BigDecimal x = f.add(new BigDecimal("0.005")).subtract(BigDecimal.ONE).add(z).multiply(p).multiply(mu)
          .divide(z, mc).subtract(new BigDecimal("150000"));
      BigDecimal lastFen = x.setScale(2, RoundingMode.CEILING).subtract(new BigDecimal("0.01"));
      assertEquals(0, lastFen.compareTo(in.upper().orElseThrow()), "factor " + f + ": " + in + ", by hand " + lastFen);
      checked++;
    }
    // the factor runs from its value at x = 0 up to the cap 1.50: every step in between is an outcome
    assertTrue(checked > 50, "steps checked: " + checked);
  }

  /** BG BAU: no surcharge while EB − DB ≤ 0, whatever the cap; the first cent above DB adds one. */
  @Test
  void theEigenbelastungBelowWhichNoSurchargeIsDue() throws Exception {
    RuleTable bau = RateFloat.bundledTable("de-bg-bau-zuschlag");
    for (String db : List.of("0.80", "1.00", "1.37")) {
      String json = Files.readString(Path.of("examples/de-bg-bau-zuschlag/between-reduced-cap.json"))
          .replace("\"durchschnittsbelastung\": \"1.00\"", "\"durchschnittsbelastung\": \"" + db + "\"");
      Thresholds t = bau.thresholds(RateFloat.readCase(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          NextPeriod.builder().customValue("eigenbelastung").build());
      Variable eb = Variable.customValue("eigenbelastung");
      assertEquals(2, t.reaches().size(), t.reaches().toString());
      Reach none = t.reaches().stream().filter(r -> ((Outcome.Decided) r.outcome()).amountRows().isEmpty())
          .findFirst().orElseThrow();
      assertEquals(List.of(Box.of(Map.of(eb, Interval.of(BigDecimal.ZERO, new BigDecimal(db))))), none.boxes());
      Reach surcharge = t.reaches().stream().filter(r -> !((Outcome.Decided) r.outcome()).amountRows().isEmpty())
          .findFirst().orElseThrow();
      assertEquals(List.of(Box.of(Map.of(eb, Interval.atLeast(new BigDecimal(db).add(new BigDecimal("0.01")))))),
          surcharge.boxes());
    }
  }

  /**
   * Japan's merit ratio reads three insurance years ending two before the one rated, NCCI's mod the
   * policies ending one year before the rating date: next year's figures enter neither next decision,
   * which is one outcome whatever they are, and the quantities they read are said not to enter.
   */
  @Test
  void plansThatSkipYearsHaveOneOutcomeAndSaySo() throws Exception {
    Thresholds jp = RateFloat.bundledTable("jp-merit")
        .thresholds(RateFloat.readCase(Path.of("examples/jp-merit/manufacturer.json")));
    assertEquals(1, jp.reaches().size());
    assertEquals(List.of(), jp.varied());
    assertEquals(Quantity.Role.OUTSIDE_WINDOW, role(jp, Variable.of(Measure.BENEFITS_PAID)));
    Thresholds ncci = RateFloat.bundledTable("us-ncci-mod")
        .thresholds(RateFloat.readCase(Path.of("examples/us-ncci-mod/clerical-office.json")));
    assertEquals(1, ncci.reaches().size());
    assertEquals(List.of(), ncci.varied());
    assertFalse(ncci.quantities().stream().anyMatch(q -> q.role() == Quantity.Role.VARIED));
    // the one box bounds nothing
    assertEquals(List.of(Box.of(Map.of())), ncci.reaches().get(0).boxes());
  }

  private static Quantity.Role role(Thresholds t, Variable v) {
    return t.quantities().stream().filter(q -> q.variable().equals(v)).findFirst().orElseThrow().role();
  }
}
