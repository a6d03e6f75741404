package org.ratefloat.credibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ratefloat.json.JsonOut;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;

/**
 * Bühlmann–Straub by risk class over a portfolio: each employer is an entity, each of its periods
 * an observation of {@code numerator / denominator} weighted by the denominator (by default the
 * payout ratio benefits paid / premiums paid, weighted by premiums). The result, with the
 * structure parameters of every class, is written as {@code ratefloat/credibility@1}.
 */
public final class Portfolio {
  /** The format of the output. */
  public static final String FORMAT = "ratefloat/credibility@1";
  /** Significant digits of the written figures (half even): presentation of exact values. */
  public static final int DIGITS = 12;
  private static final java.math.MathContext WRITTEN = new java.math.MathContext(DIGITS, java.math.RoundingMode.HALF_EVEN);

  private final Measure numerator;
  private final Measure denominator;
  private final Map<Integer, List<BuhlmannStraub.Entity>> byClass = new TreeMap<>();
  private final Map<String, Long> skipped = new TreeMap<>();

  public Portfolio(Measure numerator, Measure denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /** Adds an employer of a risk class; one without any period recording both measures is counted, not used. */
  public void add(RatingCase c, int riskClass) {
    List<BigDecimal> amounts = new ArrayList<>();
    List<BigDecimal> weights = new ArrayList<>();
    for (Period p : c.history()) {
      var n = p.value(numerator);
      var d = p.value(denominator);
      if (n.isPresent() && d.isPresent() && d.get().signum() > 0) {
        amounts.add(n.get());
        weights.add(d.get());
      }
    }
    if (amounts.isEmpty()) {
      skipped.merge("no period with " + numerator.jsonName() + " and a positive " + denominator.jsonName(), 1L,
          Long::sum);
      return;
    }
    byClass.computeIfAbsent(riskClass, k -> new ArrayList<>())
        .add(new BuhlmannStraub.Entity(c.employer().id(), amounts, weights));
  }

  /** The classes that could be fitted, and why the others could not. */
  public record Result(Map<Integer, BuhlmannStraub.Fit> fits, Map<Integer, String> unfitted,
      Map<String, Long> skipped) {}

  public Result fit() {
    Map<Integer, BuhlmannStraub.Fit> fits = new LinkedHashMap<>();
    Map<Integer, String> unfitted = new LinkedHashMap<>();
    byClass.forEach((riskClass, entities) -> {
      try {
        fits.put(riskClass, BuhlmannStraub.fit(entities));
      } catch (IllegalArgumentException e) {
        unfitted.put(riskClass, e.getMessage());
      }
    });
    return new Result(Map.copyOf(fits), Map.copyOf(unfitted), Map.copyOf(skipped));
  }

  /** A figure as written: {@link #DIGITS} significant digits, half even, no exponent. */
  private static String written(java.math.BigDecimal x) {
    return x.round(WRITTEN).stripTrailingZeros().toPlainString();
  }

  /** The result as JSON: per class I, s², a, K (absent without credibility), μ and X̄_w. */
  public byte[] json(Result r) {
    JsonOut out = new JsonOut(true);
    out.beginObject().field("format", FORMAT);
    out.field("numerator", numerator.jsonName()).field("denominator", denominator.jsonName());
    out.field("estimator", "Buhlmann-Straub, unbiased between variance floored at 0");
    out.field("rounding", DIGITS + " significant digits HALF_EVEN");
    out.name("classes").beginArray();
    for (Integer riskClass : new TreeMap<>(r.fits()).keySet()) {
      BuhlmannStraub.Fit f = r.fits().get(riskClass);
      out.beginObject().field("riskClass", riskClass).field("entities", f.entities());
      out.field("s2", written(f.s2())).field("a", written(f.a()));
      f.k().ifPresent(k -> out.field("k", written(k)));
      out.field("mu", written(f.mu())).field("weightedMean", written(f.weightedMean()));
      out.endObject();
    }
    out.endArray();
    out.name("unfitted").beginArray();
    for (Integer riskClass : new TreeMap<>(r.unfitted()).keySet()) {
      out.beginObject().field("riskClass", riskClass).field("reason", r.unfitted().get(riskClass)).endObject();
    }
    out.endArray();
    out.name("skipped").beginObject();
    new TreeMap<>(r.skipped()).forEach(out::field);
    out.endObject();
    out.endObject();
    return out.bytes();
  }
}
