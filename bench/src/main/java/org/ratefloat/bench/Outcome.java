package org.ratefloat.bench;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What one of the compared deciders made of an employer: a band (offset from the benchmark band)
 * and a rate, or a refusal with ratefloat's error code ({@code DC001} undetermined, {@code IN016}
 * no previous year, ...). Two outcomes agree when they refuse with the same code or give the same
 * band and numerically the same rate.
 */
record Outcome(int band, Optional<BigDecimal> rate, Optional<String> refused) {
  Outcome {
    requireNonNull(rate, "rate");
    requireNonNull(refused, "refused");
    if (rate.isPresent() == refused.isPresent()) {
      throw new IllegalArgumentException("an outcome is either a rate or a refusal");
    }
  }

  static Outcome decided(int band, BigDecimal rate) {
    return new Outcome(band, Optional.of(rate), Optional.empty());
  }

  static Outcome refused(String code) {
    return new Outcome(0, Optional.empty(), Optional.of(code));
  }

  boolean isDecided() {
    return rate.isPresent();
  }

  boolean agrees(Outcome other) {
    if (isDecided() != other.isDecided()) {
      return false;
    }
    return isDecided() ? band == other.band && rate.get().compareTo(other.rate.get()) == 0
        : refused.equals(other.refused);
  }

  @Override
  public String toString() {
    return isDecided() ? "band " + (band > 0 ? "+" : "") + band + " rate " + rate.get().toPlainString()
        : "refused " + refused.get();
  }
}
