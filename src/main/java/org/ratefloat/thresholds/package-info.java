/**
 * What would move an employer a band: the thresholds of its next decision, exact.
 *
 * <p>Start with {@code RuleTable.thresholds(RatingCase)}: it returns {@link Thresholds}, every
 * outcome the next decision can reach ({@link Reach}) and, for each, the region of the coming
 * period's controllable quantities ({@link Variable}) that gives it, as a union of {@link Box}es of
 * exact {@link Interval}s. {@link NextPeriod} states (and overrides) what is assumed of the coming
 * period. Every type here is immutable and thread-safe; no method accepts or returns {@code null}.
 */
package org.ratefloat.thresholds;
