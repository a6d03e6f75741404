/**
 * The input model: an employer, its multi-year history and its claims, as immutable records.
 *
 * <p>Start with {@link org.ratefloat.model.RatingCase}: one employer, its history and the as-of date
 * of the decision. All amounts are {@link java.math.BigDecimal}; no method accepts or returns
 * {@code null} (absent values are {@link java.util.Optional}).
 */
package org.ratefloat.model;
