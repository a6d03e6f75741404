package org.ratefloat.rules;

import org.ratefloat.document.Rounding;
import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;

/**
 * An arithmetic expression of a {@code formula} indicator: other indicators, decimal constants and
 * the operations add, sub, mul, div, min and max; in {@code ratefloat/rule-table@2} also reference
 * data ({@code data}), step-table lookups ({@code lookup}), {@code clamp}, an intermediate
 * {@code round} and powers ({@code sqrt}, {@code pow}), each rounded as it declares. Evaluated exactly (as a fraction) and rounded only where it says so.
 */
public sealed interface Expr {

  /** The operations of a formula, as written in a table. */
  enum Operator implements JsonNamed {
    ADD, SUB, MUL, DIV, MIN, MAX;

    /** The key in a table, e.g. {@code add}. */
    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether it takes exactly two arguments (else two or more). */
    public boolean binary() {
      return this == SUB || this == DIV;
    }

    public static java.util.Optional<Operator> byJsonName(String name) {
      return JsonNamed.find(values(), name);
    }
  }

  /** The value of another indicator. */
  record Ref(String indicator, String pointer) implements Expr {}

  /** A decimal constant. */
  record Const(BigDecimal value) implements Expr {}

  /** An operation on two or more arguments ({@code sub} and {@code div} take exactly two). */
  record Op(Operator op, ImmutableList<Expr> args, String pointer) implements Expr {}

  /** A scalar of the table's reference data (@2). */
  record Data(String name, String pointer) implements Expr {}

  /** The value of a step table of the reference data at a key (@2). */
  record Lookup(String table, Expr key, String pointer) implements Expr {}

  /** {@code value} bounded below by {@code low} and above by {@code high} (@2). */
  record Clamp(Expr value, Expr low, Expr high, String pointer) implements Expr {}

  /** An intermediate value rounded as a worksheet line is (@2). */
  record Round(Expr value, Rounding rounding, String pointer) implements Expr {}

  /**
   * {@code base} to the power p/q (a constant of the table, in lowest terms), rounded once to a
   * declared scale and mode (@2): {@code sqrt} is p/q = 1/2, {@code pow} any decimal exponent. A
   * root (q &gt; 1) of a negative value stops the decision ({@code RT009}), as a division by zero
   * does where p &lt; 0 and the base is 0.
   */
  record Power(Expr base, int p, int q, Rounding rounding, String pointer) implements Expr {
    /** The exponent as written, e.g. {@code 0.5}. */
    public BigDecimal exponent() {
      return BigDecimal.valueOf(p).divide(BigDecimal.valueOf(q));
    }
  }

  /** A field of the claim an {@code each} expression is evaluated for (@2): {@code paid} or {@code incurred}. */
  record ClaimField(Field field, String pointer) implements Expr {
    /** The amounts of a claim an expression may read. */
    public enum Field {
      PAID, INCURRED
    }
  }

  /** A column of the class row of the exposure an {@code each} of an exposures indicator is evaluated for (@2). */
  record ClassData(String column, String pointer) implements Expr {}

  /**
   * The sum of the line items of the claims of one accident, in the {@code perAccident} of a claims
   * indicator (@2); the parser admits it only where every line item is proven not negative.
   */
  record AccidentSum(String pointer) implements Expr {}

  /** The payroll of the exposure an {@code each} of an exposures indicator is evaluated for (@2). */
  record ExposurePayroll(String pointer) implements Expr {}
}
