/**
 * The input model: an employer, its multi-year history and its claims, as immutable records.
 *
 * <p>Start with {@link org.ratefloat.model.RatingCase}: one employer, its history and the as-of date
 * of the decision. All amounts are {@link java.math.BigDecimal}; no method accepts or returns
 * {@code null} (absent values are {@link java.util.Optional}).
 *
 * <p>Every record checks its values when it is built, by the rules of
 * {@link org.ratefloat.model.InputRules}, the same rules the JSON reader applies: a bad value is an
 * {@link org.ratefloat.error.InputException} with the code a JSON document gets and the pointer within the
 * record's JSON form.
 */
package org.ratefloat.model;
