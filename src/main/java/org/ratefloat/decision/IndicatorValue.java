package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * An indicator as computed for one decision.
 *
 * @param id the indicator's id in the rule table
 * @param kind its kind ({@code ratio}, {@code total}, {@code streak}, ...)
 * @param from first day of the window it was computed over, if it has one
 * @param to last day of that window
 * @param operands the figures it was computed from, in a fixed order, as plain decimals or text
 * @param unrounded the value before the table's rounding (equal to {@code value} where there is none)
 * @param value the value the steps compared
 * @param rounding the rounding applied, e.g. {@code scale 2 HALF_UP}, or empty
 * @since 0.1.0
 */
public record IndicatorValue(
    String id,
    String kind,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    Map<String, String> operands,
    Value unrounded,
    Value value,
    String rounding) {

  /** Checks that no component is null; collections are copied, unmodifiable. */
  public IndicatorValue {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    // in the order given (the order a record writes them), unmodifiable
    operands = ImmutableMap.copyOf(requireNonNull(operands, "operands"));
    requireNonNull(unrounded, "unrounded");
    requireNonNull(value, "value");
    requireNonNull(rounding, "rounding");
  }
}
