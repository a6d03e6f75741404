package org.ratefloat.engine;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.Optional;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.decision.Value;
import org.ratefloat.rules.IndicatorSpec;

/**
 * An indicator's value with how it came about. {@code exact} is the value the conditions compare
 * (for a number: the exact value, or the measure's own rounding of it; null for a flag or a text).
 */
record Computed(IndicatorSpec spec, Optional<LocalDate> from, Optional<LocalDate> to,
    ImmutableMap<String, String> operands, Value unrounded, Value value, String rounding, Exact exact) {

  static Computed plain(IndicatorSpec spec, Value value, ImmutableMap<String, String> operands) {
    return new Computed(spec, Optional.empty(), Optional.empty(), operands, value, value, "",
        value instanceof Value.Num n ? Exact.of(n.value()) : null);
  }

  /** A number without a window, compared as it is. */
  static Computed number(IndicatorSpec spec, Optional<LocalDate> from, Optional<LocalDate> to,
      ImmutableMap<String, String> operands, Exact exact) {
    Value v = exact.toValue();
    return new Computed(spec, from, to, operands, v, v, "", exact);
  }

  /**
   * A number the measure may round: with a rounding, the rounded value is compared and the exact
   * one recorded beside it.
   */
  static Computed rounded(IndicatorSpec spec, Optional<LocalDate> from, Optional<LocalDate> to,
      ImmutableMap<String, String> operands, Exact exact, Optional<org.ratefloat.rules.Rounding> round) {
    if (round.isEmpty()) {
      return number(spec, from, to, operands, exact);
    }
    java.math.BigDecimal r = exact.round(round.get());
    return new Computed(spec, from, to, operands, exact.toValue(), new Value.Num(r), round.get().describe(),
        Exact.of(r));
  }

  IndicatorValue toRecord() {
    return new IndicatorValue(spec.id(), spec.kind().jsonName(), from, to, operands, unrounded, value, rounding);
  }
}
