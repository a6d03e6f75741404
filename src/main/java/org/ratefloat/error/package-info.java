/**
 * The errors of the library: every failure is a {@link org.ratefloat.error.RateFloatException} with
 * an {@link org.ratefloat.error.ErrorCode} and a JSON pointer to the fault —
 * {@link org.ratefloat.error.InputException} for a bad case, {@link org.ratefloat.error.RuleTableException}
 * for a bad rule table, {@link org.ratefloat.error.UndeterminedException} for a case the table's sources
 * do not cover.
 *
 * @since 0.1.0
 */
package org.ratefloat.error;
