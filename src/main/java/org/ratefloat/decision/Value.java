package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The value of an indicator: a decimal, a yes/no or a text.
 *
 * @since 0.1.0
 */
public sealed interface Value {

  /** The value as it is written in a decision record. */
  String render();

  /** A decimal value (ratios, counts, months, grades). */
  record Num(BigDecimal value) implements Value {
    public Num {
      requireNonNull(value, "value");
    }

    @Override
    public String render() {
      return value.toPlainString();
    }
  }

  /** A yes/no value (flags). */
  record Bool(boolean value) implements Value {
    @Override
    public String render() {
      return String.valueOf(value);
    }
  }

  /** A text value (ratings). */
  record Text(String value) implements Value {
    public Text {
      requireNonNull(value, "value");
    }

    @Override
    public String render() {
      return value;
    }
  }
}
