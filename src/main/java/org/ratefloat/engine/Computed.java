package org.ratefloat.engine;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.Optional;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.decision.Value;
import org.ratefloat.rules.IndicatorSpec;

/** An indicator's value with how it came about. */
record Computed(IndicatorSpec spec, Optional<LocalDate> from, Optional<LocalDate> to,
    ImmutableMap<String, String> operands, Value unrounded, Value value, String rounding) {

  static Computed plain(IndicatorSpec spec, Value value, ImmutableMap<String, String> operands) {
    return new Computed(spec, Optional.empty(), Optional.empty(), operands, value, value, "");
  }

  IndicatorValue toRecord() {
    return new IndicatorValue(spec.id(), spec.kind(), from, to, operands, unrounded, value, rounding);
  }
}
