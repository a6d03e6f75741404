/**
 * The {@code ratefloat} command line: a thin shell over {@code org.ratefloat.RateFloat}.
 *
 * <p>Start with {@link org.ratefloat.cli.Main}. Exit codes: 0 ok, 1 internal error, 2 usage,
 * 3 bad input, 4 bad rule table, 5 verification mismatch, 6 undetermined case.
 */
package org.ratefloat.cli;
