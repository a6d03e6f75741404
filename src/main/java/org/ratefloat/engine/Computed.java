package org.ratefloat.engine;

import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.decision.Value;
import org.ratefloat.rules.IndicatorSpec;
import org.ratefloat.document.Rounding;

/**
 * An indicator's value with how it came about, as numbers: {@code exact} is the value the
 * conditions compare (for a number: the exact value, or the measure's own rounding of it; null for a
 * flag or a text). The texts of its record ({@link #toRecord}) are made only when a record or an
 * explanation needs them.
 *
 * @param from first day of the window, or null
 * @param to last day of the window, or null
 * @param raw the exact value before rounding, recorded as {@code raw.toValue()}; null where the value
 *     is recorded as it is ({@code given})
 * @param given the compared value as recorded, where it is known without rendering {@code raw}; null
 *     for an unrounded number (then it is {@code raw.toValue()})
 * @param rounding the measure's rounding, or null
 */
record Computed(IndicatorSpec spec, @Nullable LocalDate from, @Nullable LocalDate to, Operands operands,
    @Nullable Exact raw, @Nullable Value given, @Nullable Rounding rounding, @Nullable Exact exact) {

  static Computed plain(IndicatorSpec spec, Value value, Operands operands) {
    return new Computed(spec, null, null, operands, null, value, null,
        value instanceof Value.Num n ? Exact.of(n.value()) : null);
  }

  /** A number compared as it is. */
  static Computed number(IndicatorSpec spec, @Nullable LocalDate from, @Nullable LocalDate to,
      Operands operands, Exact exact) {
    return new Computed(spec, from, to, operands, exact, null, null, exact);
  }

  /**
   * A number the measure may round: with a rounding, the rounded value is compared and the exact
   * one recorded beside it.
   */
  static Computed rounded(IndicatorSpec spec, @Nullable LocalDate from, @Nullable LocalDate to,
      Operands operands, Exact exact, Optional<Rounding> round) {
    if (round.isEmpty()) {
      return number(spec, from, to, operands, exact);
    }
    java.math.BigDecimal r = exact.round(round.get());
    return new Computed(spec, from, to, operands, exact, new Value.Num(r), round.get(), Exact.of(r));
  }

  /** The value the steps compared, as a record writes it. */
  Value value() {
    return given != null ? given : raw.toValue();
  }

  IndicatorValue toRecord() {
    Value unrounded = raw == null ? given : raw.toValue();
    IndicatorValue.Builder b = IndicatorValue.builder().indicator(spec.id(), spec.kind().jsonName())
        .operands(operands.render()).value(given != null ? given : unrounded)
        .unrounded(unrounded, rounding == null ? "" : rounding.describe());
    if (from != null && to != null) {
      b.window(from, to);
    }
    return b.build();
  }
}
