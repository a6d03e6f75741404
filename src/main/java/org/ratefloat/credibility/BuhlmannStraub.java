package org.ratefloat.credibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bühlmann–Straub credibility of a group of entities (employers of one class), each with weighted
 * observations (a payout ratio per period, weighted by the premiums it was earned on), in decimal
 * arithmetic of 60 significant digits ({@link #MC}); figures are rounded again only when written.
 *
 * <p>The estimators, as in the notes and in R's {@code actuar::cm} (unbiased between-variance):
 * <pre>
 *   w_i = Σ_j w_ij,  X̄_i = Σ_j w_ij X_ij / w_i,  w = Σ_i w_i,  X̄_w = Σ_i w_i X̄_i / w
 *   s²  = Σ_i Σ_j w_ij (X_ij − X̄_i)² / Σ_i (n_i − 1)
 *   a   = [Σ_i w_i (X̄_i − X̄_w)² − (I − 1) s²] / (w − Σ_i w_i² / w)      (floored at 0)
 *   K   = s² / a,  Z_i = w_i / (w_i + K),  μ = Σ_i Z_i X̄_i / Σ_i Z_i,  P_i = Z_i X̄_i + (1 − Z_i) μ
 * </pre>
 * With {@code a = 0} no entity's experience is credible: K is infinite, every Z_i is 0 and μ is
 * the weighted mean X̄_w.
 */
public final class BuhlmannStraub {
  /**
   * The arithmetic: sums and products exact, each division and long product rounded half even to
   * 60 significant digits. Exact rationals would be exact throughout, but with many weights their
   * denominators grow without bound (a few hundred employers did not finish); 60 digits leave the
   * 12 written ones untouched.
   */
  static final java.math.MathContext MC = new java.math.MathContext(60, java.math.RoundingMode.HALF_EVEN);

  /**
   * One entity's observations: in period j an amount (e.g. benefits paid) over a weight (e.g.
   * premiums), so that the observed ratio X_ij = amount / weight is exact. Periods of weight 0
   * carry no observation and are left out.
   */
  public record Entity(String id, List<BigDecimal> amounts, List<BigDecimal> weights) {
    public Entity {
      amounts = List.copyOf(amounts);
      weights = List.copyOf(weights);
      if (amounts.size() != weights.size()) {
        throw new IllegalArgumentException("amounts and weights differ in number");
      }
    }

    /** An entity given by its ratios and their weights (amount = ratio × weight). */
    public static Entity ofRatios(String id, List<BigDecimal> ratios, List<BigDecimal> weights) {
      List<BigDecimal> amounts = new ArrayList<>();
      for (int j = 0; j < ratios.size(); j++) {
        amounts.add(ratios.get(j).multiply(weights.get(j)));
      }
      return new Entity(id, amounts, weights);
    }
  }

  /**
   * The estimates.
   *
   * @param entities the number of entities I
   * @param s2 within variance s² (expected process variance)
   * @param a between variance a (variance of hypothetical means), 0 if the estimate was negative
   * @param k s² / a, empty when a is 0 (no credibility)
   * @param mu the collective mean μ
   * @param weightedMean X̄_w
   */
  public record Fit(int entities, BigDecimal s2, BigDecimal a, Optional<BigDecimal> k, BigDecimal mu,
      BigDecimal weightedMean, List<EntityFit> detail) {}

  /** An entity's weight, mean, credibility factor and premium. */
  public record EntityFit(String id, BigDecimal weight, BigDecimal mean, BigDecimal z, BigDecimal premium) {}

  private BuhlmannStraub() {}

  /**
   * Fits the model.
   *
   * @throws IllegalArgumentException with fewer than two entities, or no entity with two periods
   *     (s² cannot be estimated)
   */
  public static Fit fit(List<Entity> entities) {
    int count = entities.size();
    if (count < 2) {
      throw new IllegalArgumentException("at least two entities are needed, found " + count);
    }
    List<BigDecimal> w = new ArrayList<>();
    List<BigDecimal> mean = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal amounts = BigDecimal.ZERO;
    BigDecimal within = BigDecimal.ZERO;
    long degrees = 0;
    for (Entity e : entities) {
      BigDecimal wi = BigDecimal.ZERO;
      BigDecimal ai = BigDecimal.ZERO;
      int periods = 0;
      for (int j = 0; j < e.amounts().size(); j++) {
        if (e.weights().get(j).signum() > 0) {
          wi = wi.add(e.weights().get(j));
          ai = ai.add(e.amounts().get(j));
          periods++;
        }
      }
      if (periods == 0) {
        throw new IllegalArgumentException("entity " + e.id() + " has no period of positive weight");
      }
      BigDecimal xi = ai.divide(wi, MC);
      for (int j = 0; j < e.amounts().size(); j++) {
        BigDecimal wij = e.weights().get(j);
        if (wij.signum() > 0) {
          BigDecimal dev = e.amounts().get(j).divide(wij, MC).subtract(xi);
          within = within.add(wij.multiply(dev.multiply(dev, MC), MC), MC);
        }
      }
      degrees += periods - 1;
      w.add(wi);
      mean.add(xi);
      total = total.add(wi);
      amounts = amounts.add(ai);
    }
    if (degrees == 0) {
      throw new IllegalArgumentException("no entity has two periods: the within variance cannot be estimated");
    }
    BigDecimal s2 = within.divide(BigDecimal.valueOf(degrees), MC);
    // X̄_w = Σ w_i X̄_i / w = Σ amounts / w
    BigDecimal xw = amounts.divide(total, MC);
    BigDecimal sumSquares = BigDecimal.ZERO;
    BigDecimal between = BigDecimal.ZERO;
    for (int i = 0; i < count; i++) {
      sumSquares = sumSquares.add(w.get(i).multiply(w.get(i)));
      BigDecimal dev = mean.get(i).subtract(xw);
      between = between.add(w.get(i).multiply(dev.multiply(dev, MC), MC), MC);
    }
    // a = [Σ w_i (X̄_i − X̄_w)² − (I − 1) s²] / (w − Σ w_i² / w), as one division
    BigDecimal a = between.subtract(BigDecimal.valueOf(count - 1).multiply(s2, MC), MC).multiply(total, MC)
        .divide(total.multiply(total).subtract(sumSquares), MC);
    if (a.signum() <= 0) {
      List<EntityFit> detail = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        detail.add(new EntityFit(entities.get(i).id(), w.get(i), mean.get(i),
            BigDecimal.ZERO, xw));
      }
      return new Fit(count, s2, BigDecimal.ZERO, Optional.empty(), xw, xw,
          List.copyOf(detail));
    }
    BigDecimal k = s2.divide(a, MC);
    List<BigDecimal> z = new ArrayList<>();
    BigDecimal zSum = BigDecimal.ZERO;
    BigDecimal zx = BigDecimal.ZERO;
    for (int i = 0; i < count; i++) {
      BigDecimal zi = w.get(i).divide(w.get(i).add(k, MC), MC);
      z.add(zi);
      zSum = zSum.add(zi, MC);
      zx = zx.add(zi.multiply(mean.get(i), MC), MC);
    }
    BigDecimal mu = zx.divide(zSum, MC);
    List<EntityFit> detail = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BigDecimal premium = z.get(i).multiply(mean.get(i), MC)
          .add(BigDecimal.ONE.subtract(z.get(i)).multiply(mu, MC), MC);
      detail.add(new EntityFit(entities.get(i).id(), w.get(i), mean.get(i),
          z.get(i), premium));
    }
    return new Fit(count, s2, a, Optional.of(k), mu,
        xw, List.copyOf(detail));
  }
}
