package org.ratefloat.rules;

import org.ratefloat.document.Text;
import java.math.BigDecimal;

/** What a row does when it fires. */
public sealed interface Outcome {

  /**
   * Calls the visitor's method for this type of outcome: every visitor implements one per type, so a
   * new outcome does not compile until each place that applies outcomes handles it.
   */
  <R> R accept(Visitor<R> visitor);

  /** One method per type of outcome (see {@link #accept}). */
  interface Visitor<R> {
    R setBand(SetBand o);

    R addBands(AddBands o);

    R addRatePoints(AddRatePoints o);

    R multiplyRate(MultiplyRate o);

    R multiplyRateBy(MultiplyRateBy o);

    R rateEffects(RateEffects o);

    R addAmount(AddAmount o);

    R undetermined(Undetermined o);
  }

  /** Put the working band at a position: an offset (from the benchmark or the current band), or an end. */
  record SetBand(Target target, int offset) implements Outcome {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.setBand(this);
    }
  }

  /** Where {@link SetBand} puts the band. */
  enum Target {
    OFFSET,
    TOP,
    BOTTOM,
    CURRENT
  }

  /** Move the working band by a number of bands (clamped to the ladder). */
  record AddBands(int bands) implements Outcome {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.addBands(this);
    }
  }

  /** Add percentage points to the rate (negative to lower it). */
  record AddRatePoints(BigDecimal points) implements Outcome {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.addRatePoints(this);
    }
  }

  /** Multiply the rate by a factor. */
  record MultiplyRate(BigDecimal factor) implements Outcome {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.multiplyRate(this);
    }
  }

  /**
   * Multiply the rate by the value of a numeric indicator (@2), e.g. an experience modification:
   * a formula rounded to a decimal, proven positive by the analysis or flagged, checked positive
   * when deciding.
   */
  record MultiplyRateBy(String indicator, String pointer) implements Outcome {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.multiplyRateBy(this);
    }
  }

  /**
   * Several effects on the rate from one row (@2): a factor and percentage points, e.g. Japan's
   * (r − 0.06)(1 + x) + 0.06 = r(1 + x) − 0.06x. The rate is benchmark × band × factors + points,
   * so their order does not matter.
   */
  record RateEffects(com.google.common.collect.ImmutableList<Outcome> effects) implements Outcome {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.rateEffects(this);
    }
  }

  /**
   * Add an amount of money to the decision (@2), such as a surcharge ({@code Beitragszuschlag}) or a
   * rebate (negative): a constant or the value of a formula rounded by the formula, in a currency
   * (ISO 4217). The rate is not changed; the decision records the amount.
   *
   * @param amount the constant amount, if given
   * @param indicator the formula whose value is the amount, if given
   * @param currency three capital letters, e.g. {@code EUR}
   * @param pointer where the effect is written
   */
  record AddAmount(java.util.Optional<BigDecimal> amount, java.util.Optional<String> indicator, String currency,
      String pointer) implements Outcome {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.addAmount(this);
    }
  }

  /** The sources do not say what happens here: refuse to decide. */
  record Undetermined(Text reason) implements Outcome {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.undetermined(this);
    }
  }
}
