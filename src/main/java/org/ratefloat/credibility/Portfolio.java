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

  /** The format of reference-data files (as the rule-table loader reads them). */
  public static final String REFERENCE_FORMAT = "ratefloat/reference@1";
  /**
   * How a reference-data file is named, {@code <id>.reference.json}: the loader finds a table's
   * reference {@code <id>} by that name. Read from the loader, not copied, and not a constant the
   * compiler would inline into a caller.
   */
  public static String referenceFileName(String id) {
    return id + org.ratefloat.document.DocumentFiles.REFERENCE_SUFFIX + ".json";
  }

  /** Decimal places a reference file may hold (the loader's limit for a decimal). */
  private static final int REFERENCE_SCALE = 20;

  /**
   * What a reference file says of itself: its id and version, the as-of dates it is for, and the
   * portfolio it was estimated from (file name and SHA-256 of its bytes).
   */
  public record ReferenceHeader(String id, String version, java.time.LocalDate effectiveFrom,
      java.util.Optional<java.time.LocalDate> effectiveTo, String portfolioName, String portfolioSha256) {}

  /**
   * The estimates as a {@code ratefloat/reference@1} file that a rule table names in its
   * {@code references}: {@code byClass.k} (K = s²/a) and {@code byClass.mu} (μ) by risk class,
   * each written as in {@link #json} ({@link #DIGITS} significant digits, half even, at most 20
   * decimals). A class without credibility (a = 0) has μ but no K: a table that reads K does not
   * load for such a class (RT040), so that no decision reads an infinite K as a number. The file
   * is provisional: the figures are estimates, not published parameters.
   */
  public byte[] reference(Result r, ReferenceHeader h) {
    JsonOut out = new JsonOut(true);
    out.beginObject().field("format", REFERENCE_FORMAT).field("id", h.id()).field("version", h.version());
    out.name("title").beginObject()
        .field("zh", "Bühlmann–Straub 信度参数（按风险类别）：K 与 μ")
        .field("en", "Bühlmann–Straub credibility by risk class: K and μ").endObject();
    out.field("effectiveFrom", h.effectiveFrom().toString());
    h.effectiveTo().ifPresent(t -> out.field("effectiveTo", t.toString()));
    out.field("status", "provisional");
    out.name("sources").beginArray().beginObject()
        .field("url", "urn:sha256:" + h.portfolioSha256())
        .field("took", "K = s²/a and μ by risk class, estimated by ratefloat credibility from the portfolio "
            + h.portfolioName() + " (" + numerator.jsonName() + " / " + denominator.jsonName()
            + ", Bühlmann–Straub, unbiased between variance floored at 0)")
        .endObject().endArray();
    out.name("unverified").beginArray()
        .value("/byClass: estimates from a portfolio, not published parameters; written to " + DIGITS
            + " significant digits HALF_EVEN")
        .endArray();
    java.util.List<String> notes = new ArrayList<>();
    TreeMap<Integer, BuhlmannStraub.Fit> fits = new TreeMap<>(r.fits());
    fits.forEach((c, f) -> {
      if (f.k().isEmpty()) {
        notes.add("class " + c + ": a = 0, no credibility (K infinite, Z = 0): K is not written");
      }
    });
    new TreeMap<>(r.unfitted()).forEach((c, why) -> notes.add("class " + c + " not fitted: " + why));
    if (!notes.isEmpty()) {
      out.name("notes").beginArray();
      notes.forEach(out::value);
      out.endArray();
    }
    // what the estimates can be, checked when the file is read: K = s²/a and μ are not negative
    out.name("domains").beginObject();
    if (fits.values().stream().anyMatch(f -> f.k().isPresent())) {
      out.name("k").beginObject().field("ge", "0").endObject();
    }
    out.name("mu").beginObject().field("ge", "0").endObject();
    out.endObject();
    out.name("byClass").beginObject();
    if (fits.values().stream().anyMatch(f -> f.k().isPresent())) {
      out.name("k").beginObject();
      fits.forEach((c, f) -> f.k().ifPresent(k -> out.field(String.valueOf(c), referenceValue(k))));
      out.endObject();
    }
    out.name("mu").beginObject();
    fits.forEach((c, f) -> out.field(String.valueOf(c), referenceValue(f.mu())));
    out.endObject();
    out.endObject();
    out.endObject();
    return out.bytes();
  }

  /** A figure of a reference file: as written, as a plain decimal of at most 20 places. */
  static String referenceValue(BigDecimal x) {
    BigDecimal w = x.round(WRITTEN).stripTrailingZeros();
    if (w.scale() > REFERENCE_SCALE) {
      w = w.setScale(REFERENCE_SCALE, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
    if (w.scale() < 0) {
      w = w.setScale(0);
    }
    return w.toPlainString();
  }

  /**
   * The result as JSON: per class I, s², a, K (absent without credibility), μ and X̄_w, and for each
   * employer of the class its weight w_i, individual mean X̄_i, credibility Z_i and credibility
   * premium Z_i X̄_i + (1 − Z_i) μ, in the order of the portfolio.
   */
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
      out.name("employers").beginArray();
      for (BuhlmannStraub.EntityFit e : f.detail()) {
        out.beginObject().field("id", e.id()).field("weight", written(e.weight())).field("mean", written(e.mean()))
            .field("z", written(e.z())).field("premium", written(e.premium())).endObject();
      }
      out.endArray();
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
