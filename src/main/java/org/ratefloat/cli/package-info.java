/**
 * The {@code ratefloat} command line: a thin shell over {@code org.ratefloat.RateFloat}.
 *
 * <p>Start with {@link org.ratefloat.cli.Main}. Exit codes: 0 ok, 1 internal error, 2 usage,
 * 3 bad input, 4 bad rule table, 5 verification mismatch, 6 undetermined case, 7 some records of a
 * portfolio refused (0 with {@code --allow-errors}). Every failure is printed by {@code Main} as one
 * line with its control characters escaped.
 */
@NullUnmarked // internal, its nulls not yet marked: the module's @NullMarked does not speak for it
package org.ratefloat.cli;

import org.jspecify.annotations.NullUnmarked;
