/**
 * ratefloat: work-injury insurance rate floating from declarative rule tables.
 *
 * <p>Start with {@link org.ratefloat.RateFloat} (load a {@link org.ratefloat.RuleTable}, read a
 * {@link org.ratefloat.model.RatingCase}) and {@link org.ratefloat.RuleTable#decide}, which returns
 * a {@link org.ratefloat.decision.Decision}; {@link org.ratefloat.RuleTable#thresholds} tells what
 * would move an employer a band next year ({@link org.ratefloat.thresholds.Thresholds}). These packages
 * are the API: {@code org.ratefloat}, {@code org.ratefloat.error}, {@code org.ratefloat.model},
 * {@code org.ratefloat.decision}, {@code org.ratefloat.thresholds}. The others ({@code rules},
 * {@code engine}, {@code json}, {@code cli}) are internal and may change without notice.
 *
 * <p>No method accepts or returns {@code null}.
 */
@NullMarked
package org.ratefloat;

import org.jspecify.annotations.NullMarked;
