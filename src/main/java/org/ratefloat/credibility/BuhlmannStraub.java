package org.ratefloat.credibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bühlmann–Straub credibility of a group of entities (employers of one class), each with weighted
 * observations (a payout ratio per period, weighted by the premiums it was earned on). All
 * arithmetic is exact (rationals); figures are rounded only when they are written.
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
  public record Fit(int entities, Rational s2, Rational a, Optional<Rational> k, Rational mu,
      Rational weightedMean, List<EntityFit> detail) {}

  /** An entity's weight, mean, credibility factor and premium. */
  public record EntityFit(String id, Rational weight, Rational mean, Rational z, Rational premium) {}

  private BuhlmannStraub() {}

  /**
   * Fits the model.
   *
   * @throws IllegalArgumentException with fewer than two entities, or no entity with two periods
   *     (s² cannot be estimated)
   */
  public static Fit fit(List<Entity> entities) {
    List<Rational> w = new ArrayList<>();
    List<Rational> mean = new ArrayList<>();
    Rational total = Rational.ZERO;
    Rational within = Rational.ZERO;
    long degrees = 0;
    for (Entity e : entities) {
      Rational wi = Rational.ZERO;
      Rational sum = Rational.ZERO;
      int periods = 0;
      for (int j = 0; j < e.amounts().size(); j++) {
        if (e.weights().get(j).signum() > 0) {
          wi = wi.add(Rational.of(e.weights().get(j)));
          sum = sum.add(Rational.of(e.amounts().get(j)));
          periods++;
        }
      }
      if (periods == 0) {
        throw new IllegalArgumentException("entity " + e.id() + " has no period of positive weight");
      }
      Rational xi = sum.div(wi);
      for (int j = 0; j < e.amounts().size(); j++) {
        if (e.weights().get(j).signum() > 0) {
          Rational wij = Rational.of(e.weights().get(j));
          Rational dev = Rational.of(e.amounts().get(j)).div(wij).sub(xi);
          within = within.add(wij.mul(dev).mul(dev));
        }
      }
      degrees += periods - 1;
      w.add(wi);
      mean.add(xi);
      total = total.add(wi);
    }
    int count = entities.size();
    if (count < 2) {
      throw new IllegalArgumentException("at least two entities are needed, found " + count);
    }
    if (degrees == 0) {
      throw new IllegalArgumentException("no entity has two periods: the within variance cannot be estimated");
    }
    Rational s2 = within.div(Rational.of(degrees));
    Rational xw = Rational.ZERO;
    Rational sumSquares = Rational.ZERO;
    for (int i = 0; i < count; i++) {
      xw = xw.add(w.get(i).mul(mean.get(i)));
      sumSquares = sumSquares.add(w.get(i).mul(w.get(i)));
    }
    xw = xw.div(total);
    Rational between = Rational.ZERO;
    for (int i = 0; i < count; i++) {
      Rational dev = mean.get(i).sub(xw);
      between = between.add(w.get(i).mul(dev).mul(dev));
    }
    Rational a = between.sub(Rational.of(count - 1).mul(s2)).div(total.sub(sumSquares.div(total)));
    if (a.signum() <= 0) {
      List<EntityFit> detail = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        detail.add(new EntityFit(entities.get(i).id(), w.get(i), mean.get(i), Rational.ZERO, xw));
      }
      return new Fit(count, s2, Rational.ZERO, Optional.empty(), xw, xw, List.copyOf(detail));
    }
    Rational k = s2.div(a);
    List<Rational> z = new ArrayList<>();
    Rational zSum = Rational.ZERO;
    Rational zx = Rational.ZERO;
    for (int i = 0; i < count; i++) {
      Rational zi = w.get(i).div(w.get(i).add(k));
      z.add(zi);
      zSum = zSum.add(zi);
      zx = zx.add(zi.mul(mean.get(i)));
    }
    Rational mu = zx.div(zSum);
    List<EntityFit> detail = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Rational premium = z.get(i).mul(mean.get(i)).add(Rational.ONE.sub(z.get(i)).mul(mu));
      detail.add(new EntityFit(entities.get(i).id(), w.get(i), mean.get(i), z.get(i), premium));
    }
    return new Fit(count, s2, a, Optional.of(k), mu, xw, List.copyOf(detail));
  }
}
