package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The value of an indicator: a decimal, a yes/no or a text.
 *
 * @since 0.1.0
 */
public sealed interface Value {
  /**
   * Longest text of an exact value in a record: a fraction of two numbers of up to 1,000 digits
   * together (the arithmetic limit of a formula), or a decimal as long.
   */
  int EXACT_TEXT_LIMIT = 2_048;

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

  /**
   * An exact value whose decimal expansion does not end, kept as a reduced fraction: a ratio such as
   * 168500.00 × 100 ÷ 351000.00 is {@code 16850/351}. Conditions compare this exact value; it is
   * written as {@code "16850/351"}, with a {@linkplain #display() display} value beside it.
   *
   * @param numerator the numerator, sharing no factor with the denominator
   * @param denominator the denominator, greater than 1 and with a prime factor other than 2 and 5
   * @since 0.1.0
   */
  record Fraction(BigInteger numerator, BigInteger denominator) implements Value {
    /** Places of the display value: presentation only, never compared. */
    public static final int DISPLAY_SCALE = 6;

    public Fraction {
      requireNonNull(numerator, "numerator");
      requireNonNull(denominator, "denominator");
      if (denominator.signum() <= 0 || !numerator.gcd(denominator).equals(BigInteger.ONE)) {
        throw new IllegalArgumentException("not a reduced fraction: " + numerator + "/" + denominator);
      }
    }

    /** Reads {@code "p/q"}, or empty if the text is not of that form. */
    public static java.util.Optional<Fraction> parse(String text) {
      requireNonNull(text, "text");
      int slash = text.indexOf('/');
      if (slash <= 0 || slash != text.lastIndexOf('/') || text.length() > EXACT_TEXT_LIMIT) {
        return java.util.Optional.empty();
      }
      String p = text.substring(0, slash);
      String q = text.substring(slash + 1);
      if (!p.matches("-?[1-9][0-9]*|0") || !q.matches("[1-9][0-9]*")) {
        return java.util.Optional.empty();
      }
      BigInteger n = new BigInteger(p);
      BigInteger d = new BigInteger(q);
      if (!n.gcd(d).equals(BigInteger.ONE) || d.equals(BigInteger.ONE)) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new Fraction(n, d));
    }

    @Override
    public String render() {
      return numerator + "/" + denominator;
    }

    /** The value to {@value #DISPLAY_SCALE} places, half even: for people, never compared. */
    public BigDecimal display() {
      return new BigDecimal(numerator).divide(new BigDecimal(denominator), DISPLAY_SCALE, RoundingMode.HALF_EVEN);
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
