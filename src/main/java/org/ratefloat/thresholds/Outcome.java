package org.ratefloat.thresholds;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import org.ratefloat.decision.Band;
import org.ratefloat.error.ErrorCode;

/**
 * What the next decision gives: a band and rate (with the rows that add money, if any), or a
 * refusal. Two points have the same outcome when these are equal; the amount a row adds may differ
 * between them (a surcharge computed from the figures), whether it is added may not.
 *
 * @since 0.1.0
 */
public sealed interface Outcome permits Outcome.Decided, Outcome.Refused {
  /**
   * A decision.
   *
   * @param band the band decided
   * @param rate the rate in percent of payroll, rounded as the table says
   * @param amountRows the rows that add an amount of money ({@code step/row}), in the order they fire
   * @since 0.1.0
   */
  record Decided(Band band, BigDecimal rate, List<String> amountRows) implements Outcome {
    /** Checks that no component is null; copies the rows. */
    public Decided {
      requireNonNull(band, "band");
      requireNonNull(rate, "rate");
      amountRows = List.copyOf(requireNonNull(amountRows, "amountRows"));
    }

    /** Equal by band offset, band multiplier and rate compared by value, and the same rows. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Decided d && d.band.offset() == band.offset()
          && d.band.multiplier().compareTo(band.multiplier()) == 0 && d.rate.compareTo(rate) == 0
          && d.amountRows.equals(amountRows);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(band.offset(), band.multiplier().stripTrailingZeros(), rate.stripTrailingZeros(),
          amountRows);
    }
  }

  /**
   * The table refuses to decide (the code and pointer its refusal gives); the message is that of
   * one point of the region.
   *
   * @param code the refusal's code, e.g. {@code DC001}
   * @param pointer the refusal's JSON pointer
   * @param message the refusal's message at one point of the region
   * @since 0.1.0
   */
  record Refused(ErrorCode code, String pointer, String message) implements Outcome {
    /** Checks that no component is null. */
    public Refused {
      requireNonNull(code, "code");
      requireNonNull(pointer, "pointer");
      requireNonNull(message, "message");
    }

    /** Equal by code and pointer: the message shows one point's values. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Refused r && r.code == code && r.pointer.equals(pointer);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(code, pointer);
    }
  }
}
