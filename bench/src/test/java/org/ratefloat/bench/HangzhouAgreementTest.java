package org.ratefloat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;

/**
 * The comparisons compare like with like: on 20,000 synthetic employers (half of them moved onto
 * the edges of the Hangzhou table, see {@link Inputs}) the Drools DMN model and the hand-coded
 * decision give the band and the rate that ratefloat gives with rules/cn-zj-hangzhou.json, and
 * refuse where it refuses.
 */
class HangzhouAgreementTest {
  static final int EMPLOYERS = 20_000;
  static Inputs inputs;

  @BeforeAll
  static void generate() {
    inputs = Inputs.withEdges(EMPLOYERS, 11);
  }

  @Test
  void theDmnModelAgreesWithTheTableOnEveryEmployer() {
    Agreement.Counts counts = Agreement.dmn(inputs, new HangzhouDmn());
    System.out.println("DMN agreement: " + counts);
    assertEquals(0, counts.disagreements, counts::toString);
    assertEquals(EMPLOYERS, counts.employers);
    // every employer is accounted for: compared, or without a previous year (which ratefloat refuses)
    int skipped = counts.skipped.values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(EMPLOYERS, counts.compared + skipped);
    assertEquals(java.util.Set.of("refused IN016"), counts.skipped.keySet(), counts::toString);
    assertTrue(skipped >= 100, counts::toString);
    assertEquals(counts.compared, counts.decidedAlike + counts.refusedAlike);
    // the undetermined case is met and refused by both
    assertEquals(counts.refused("DC001"), counts.refusedAlike);
    assertTrue(counts.refusedAlike >= 100, counts::toString);
    assertCoversTheTable(counts);
  }

  @Test
  void theHandCodedDecisionAgreesWithTheTableOnEveryEmployer() {
    Agreement.Counts counts = Agreement.handCoded(inputs, Agreement.handCoded(inputs.hangzhou));
    System.out.println("hand-coded agreement: " + counts);
    assertEquals(0, counts.disagreements, counts::toString);
    assertEquals(EMPLOYERS, counts.compared);
    assertTrue(counts.refused("DC001") >= 100, counts::toString);
    assertTrue(counts.refused("IN016") >= 100, counts::toString);
    assertEquals(counts.refused("DC001") + counts.refused("IN016"), counts.refusedAlike, counts::toString);
    assertCoversTheTable(counts);
  }

  /** Every band is reached and every edge is compared, so that the agreement says something. */
  private static void assertCoversTheTable(Agreement.Counts counts) {
    for (String band : new String[] {"band -2", "band -1", "band 0", "band +1", "band +2"}) {
      assertTrue(counts.outcomes.getOrDefault(band, 0) >= 100, () -> band + " too rare: " + counts);
    }
    for (Inputs.Edge edge : Inputs.Edge.values()) {
      if (edge != Inputs.Edge.NO_HISTORY || counts.compared == counts.employers) {
        assertTrue(counts.edges.getOrDefault(edge, 0) >= 100, () -> edge + " too rare: " + counts);
      }
    }
  }

  /**
   * The employers tell an exact comparison from one of the ratio rounded to two decimals (as the
   * table and the DMN model did before): on many of them the two give different base bands.
   */
  @Test
  void theEmployersTellExactRatiosFromRoundedOnes() {
    int differ = 0;
    for (Inputs.Employer e : inputs.employers) {
      Optional<Inputs.DmnInput> in = e.dmn();
      if (in.isEmpty() || in.get().premiums().signum() == 0) {
        continue;
      }
      BigDecimal exact = in.get().benefits().multiply(BigDecimal.valueOf(100));
      BigDecimal premiums = in.get().premiums();
      BigDecimal rounded = exact.divide(premiums, 2, RoundingMode.HALF_UP);
      int exactBand = band(exact.compareTo(BigDecimal.ZERO), exact, premiums);
      int roundedBand = band(rounded.signum(), rounded, BigDecimal.ONE);
      if (exactBand != roundedBand) {
        differ++;
      }
    }
    assertTrue(differ >= 500, "only " + differ + " employers tell exact ratios from rounded ones");
  }

  /** The base band of ratio = scaled / premiums (benefits x 100 / premiums when premiums is given). */
  private static int band(int sign, BigDecimal scaled, BigDecimal premiums) {
    if (sign == 0) {
      return -2;
    }
    if (scaled.compareTo(premiums.multiply(BigDecimal.valueOf(50))) <= 0) {
      return -1;
    }
    if (scaled.compareTo(premiums.multiply(BigDecimal.valueOf(100))) <= 0) {
      return 0;
    }
    return scaled.compareTo(premiums.multiply(BigDecimal.valueOf(150))) <= 0 ? 1 : 2;
  }

  /** The edges are where they claim to be: the altered year's ratio is exactly on or one fen off it. */
  @Test
  void edgesSitOnTheThresholds() {
    int checked = 0;
    for (Inputs.Employer e : inputs.employers) {
      if (e.edge().percent == null || e.dmn().isEmpty()) {
        continue;
      }
      Period year = e.input().history().get(e.input().history().size() - 1);
      BigDecimal premiums = year.value(Measure.PREMIUMS_PAID).orElseThrow();
      BigDecimal benefits = year.value(Measure.BENEFITS_PAID).orElseThrow();
      BigDecimal target = premiums.multiply(BigDecimal.valueOf(e.edge().percent)).movePointLeft(2);
      assertEquals(0, benefits.subtract(target).compareTo(new BigDecimal("0.01").multiply(
          BigDecimal.valueOf(e.edge().fen))), e.edge() + " of " + e.input().employer().id());
      checked++;
    }
    assertTrue(checked >= 1000, "edges checked: " + checked);
  }
}
