/**
 * The rule-table format: parsing, checking, analysing and resolving rule tables and their reference
 * data. What every document shares (finding files, the opening fields, roundings, the industry
 * classification) is {@code org.ratefloat.document}.
 *
 * <p>Internal: use {@code org.ratefloat.RateFloat#loadTable}. The format itself is documented in
 * {@code rules/README.md}. Nothing read from a rule file ever causes code to run: names in a file
 * are looked up in fixed enumerations, never used for reflection or class loading.
 */
@NullUnmarked // internal, its nulls not yet marked: the module's @NullMarked does not speak for it
package org.ratefloat.rules;

import org.jspecify.annotations.NullUnmarked;
