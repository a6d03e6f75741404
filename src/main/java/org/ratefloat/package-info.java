/**
 * ratefloat: work-injury insurance rate floating from declarative rule tables.
 *
 * <p>Start with {@link org.ratefloat.RateFloat} (load a {@link org.ratefloat.RuleTable}, read a
 * {@link org.ratefloat.model.RatingCase}) and {@link org.ratefloat.RuleTable#decide}, which returns
 * a {@link org.ratefloat.decision.Decision}; {@link org.ratefloat.RuleTable#thresholds} tells what
 * would move an employer a band next year ({@link org.ratefloat.thresholds.Thresholds}); a fault is
 * one of the exceptions of {@link org.ratefloat.error}, each with an
 * {@link org.ratefloat.error.ErrorCode} and the JSON pointer of the fault. These packages are the API,
 * the five the module exports: {@code org.ratefloat}, {@code org.ratefloat.error},
 * {@code org.ratefloat.model}, {@code org.ratefloat.decision}, {@code org.ratefloat.thresholds}. The
 * others (the rule format, the engine, the inversion of thresholds, the JSON layer, the portfolio
 * tools, the notices, the command line) are internal and may change without notice.
 *
 * <p>No method accepts or returns {@code null}.
 */
package org.ratefloat;
