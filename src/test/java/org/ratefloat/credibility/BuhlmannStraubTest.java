package org.ratefloat.credibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The estimator on Hachemeister's (1975) data: average bodily-injury claim amounts of five US
 * states over 12 quarters, weighted by claim counts, as shipped by R's actuar package
 * ({@code data(hachemeister)}, read from the package's data file).
 */
class BuhlmannStraubTest {
  static final long[][] RATIOS = {
      {1738, 1642, 1794, 2051, 2079, 2234, 2032, 2035, 2115, 2262, 2267, 2517},
      {1364, 1408, 1597, 1444, 1342, 1675, 1470, 1448, 1464, 1831, 1612, 1471},
      {1759, 1685, 1479, 1763, 1674, 2103, 1502, 1622, 1828, 2155, 2233, 2059},
      {1223, 1146, 1010, 1257, 1426, 1532, 1953, 1123, 1343, 1243, 1762, 1306},
      {1456, 1499, 1609, 1741, 1482, 1572, 1606, 1735, 1607, 1573, 1613, 1690}};
  static final long[][] WEIGHTS = {
      {7861, 9251, 8706, 8575, 7917, 8263, 9456, 8003, 7365, 7832, 7849, 9077},
      {1622, 1742, 1523, 1515, 1622, 1602, 1964, 1515, 1527, 1748, 1654, 1861},
      {1147, 1357, 1329, 1204, 998, 1077, 1277, 1218, 896, 1003, 1108, 1121},
      {407, 396, 348, 341, 315, 328, 352, 331, 287, 384, 321, 342},
      {2902, 3172, 3046, 3068, 2693, 2910, 3275, 2697, 2663, 3017, 3242, 3425}};

  static List<BuhlmannStraub.Entity> hachemeister() {
    List<BuhlmannStraub.Entity> states = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      List<BigDecimal> r = new ArrayList<>();
      List<BigDecimal> w = new ArrayList<>();
      for (int j = 0; j < 12; j++) {
        r.add(BigDecimal.valueOf(RATIOS[i][j]));
        w.add(BigDecimal.valueOf(WEIGHTS[i][j]));
      }
      states.add(BuhlmannStraub.Entity.ofRatios(String.valueOf(i + 1), r, w));
    }
    return states;
  }

  private static String r(BigDecimal x, int scale) {
    return x.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
  }

  @Test
  void hachemeisterAsPublishedByActuar() {
    BuhlmannStraub.Fit fit = BuhlmannStraub.fit(hachemeister());
    // actuar's printed summary of a hierarchical fit of this data (its credibility example, states
    // grouped in two units), whose state level is this model's: within state variance
    // 139120026; each state's individual mean and weight 2060.921 / 100155, 1511.224 / 19895,
    // 1805.843 / 13735, 1352.976 / 4152, 1599.829 / 36110
    assertEquals("139120026", r(fit.s2(), 0));
    String[] means = {"2060.921", "1511.224", "1805.843", "1352.976", "1599.829"};
    String[] weights = {"100155", "19895", "13735", "4152", "36110"};
    for (int i = 0; i < 5; i++) {
      assertEquals(means[i], r(fit.detail().get(i).mean(), 3));
      assertEquals(weights[i], r(fit.detail().get(i).weight(), 0));
    }
  }

  @Test
  void hachemeisterExactlyToSixPlaces() {
    // the same estimators evaluated independently (exact fractions in another language), rounded
    // half even; the unbiased between variance is the estimator actuar's cm() uses by default
    BuhlmannStraub.Fit fit = BuhlmannStraub.fit(hachemeister());
    assertEquals("139120025.925286", r(fit.s2(), 6));
    assertEquals("89638.726233", r(fit.a(), 6));
    assertEquals("1552.008064", r(fit.k().orElseThrow(), 6));
    assertEquals("1683.713437", r(fit.mu(), 6));
    String[] z = {"0.984740", "0.927635", "0.898475", "0.727909", "0.958791"};
    String[] p = {"2055.165350", "1523.706278", "1793.443604", "1442.966549", "1603.285404"};
    for (int i = 0; i < 5; i++) {
      assertEquals(z[i], r(fit.detail().get(i).z(), 6));
      assertEquals(p[i], r(fit.detail().get(i).premium(), 6));
    }
  }

  @Test
  void aHandComputedTwoByTwo() {
    // A: 1 (w 1), 3 (w 1) -> mean 2; B: 5 (w 2), 5 (w 2) -> mean 5
    // s2 = (1 + 1 + 0 + 0) / 2 = 1; w = 6, Xw = (2*2 + 4*5)/6 = 4
    // a = [2*(2-4)^2 + 4*(5-4)^2 - 1*1] / (6 - (4 + 16)/6) = 11 / (8/3) = 33/8
    // K = 8/33; Z_A = 2/(2 + 8/33) = 66/74 = 33/37; Z_B = 4/(4 + 8/33) = 132/140 = 33/35
    var fit = BuhlmannStraub.fit(List.of(
        BuhlmannStraub.Entity.ofRatios("A", List.of(BigDecimal.ONE, new BigDecimal("3")),
            List.of(BigDecimal.ONE, BigDecimal.ONE)),
        BuhlmannStraub.Entity.ofRatios("B", List.of(new BigDecimal("5"), new BigDecimal("5")),
            List.of(new BigDecimal("2"), new BigDecimal("2")))));
    // the arithmetic keeps 60 significant digits: the fractions agree to 50 places
    assertEquals(0, BigDecimal.ONE.compareTo(fit.s2()));
    assertEquals(places(33, 8), fit.a().setScale(50, RoundingMode.HALF_EVEN));
    assertEquals(places(33, 37), fit.detail().get(0).z().setScale(50, RoundingMode.HALF_EVEN));
    // mu = (33/37*2 + 33/35*5) / (33/37 + 33/35) = (2/37 + 5/35)/(1/37 + 1/35) = (70 + 185)/(35 + 37) = 255/72
    assertEquals(places(255, 72), fit.mu().setScale(50, RoundingMode.HALF_EVEN));
  }

  private static BigDecimal places(long n, long d) {
    return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(d), 50, RoundingMode.HALF_EVEN);
  }

  @Test
  void aLargePortfolioIsFitted() {
    // 5,000 employers of 5 periods, weights all different: exact rationals never finished on a few
    // hundred; the fit touches every observation a fixed number of times
    java.util.Random random = new java.util.Random(11);
    List<BuhlmannStraub.Entity> many = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      List<BigDecimal> amounts = new ArrayList<>();
      List<BigDecimal> weights = new ArrayList<>();
      for (int j = 0; j < 5; j++) {
        weights.add(BigDecimal.valueOf(100_000 + random.nextInt(900_000), 2));
        amounts.add(BigDecimal.valueOf(random.nextInt(2_000_000), 2));
      }
      many.add(new BuhlmannStraub.Entity("E" + i, amounts, weights));
    }
    var fit = BuhlmannStraub.fit(many);
    assertEquals(5_000, fit.entities());
    assertTrue(fit.s2().signum() > 0);
  }

  @Test
  void noHeterogeneityMeansNoCredibility() {
    // identical means: the between variance estimate is negative, floored at 0: Z = 0, mu = Xw
    var fit = BuhlmannStraub.fit(List.of(
        BuhlmannStraub.Entity.ofRatios("A", List.of(BigDecimal.ONE, new BigDecimal("3")),
            List.of(BigDecimal.ONE, BigDecimal.ONE)),
        BuhlmannStraub.Entity.ofRatios("B", List.of(BigDecimal.ONE, new BigDecimal("3")),
            List.of(BigDecimal.ONE, BigDecimal.ONE))));
    assertTrue(fit.k().isEmpty());
    assertEquals(0, fit.a().signum());
    assertEquals("2.00", fit.mu().setScale(2, RoundingMode.HALF_EVEN).toPlainString());
    assertEquals(0, fit.detail().get(0).z().signum());
  }

  @Test
  void tooLittleDataIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> BuhlmannStraub.fit(hachemeister().subList(0, 1)));
    assertThrows(IllegalArgumentException.class, () -> BuhlmannStraub.fit(List.of(
        BuhlmannStraub.Entity.ofRatios("A", List.of(BigDecimal.ONE), List.of(BigDecimal.ONE)),
        BuhlmannStraub.Entity.ofRatios("B", List.of(BigDecimal.TEN), List.of(BigDecimal.ONE)))));
  }
}
