package org.ratefloat.rules;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;

/**
 * An arithmetic expression of a {@code formula} indicator: other indicators, decimal constants and
 * the operations add, sub, mul, div, min and max. Evaluated exactly (as a fraction) and rounded once.
 */
public sealed interface Expr {

  /** The value of another indicator. */
  record Ref(String indicator, String pointer) implements Expr {}

  /** A decimal constant. */
  record Const(BigDecimal value) implements Expr {}

  /** An operation on two or more arguments ({@code sub} and {@code div} take exactly two). */
  record Op(String op, ImmutableList<Expr> args, String pointer) implements Expr {}
}
