/**
 * Evaluation: turns a loaded rule table and a case into a {@link org.ratefloat.decision.Decision}.
 *
 * <p>Internal: use {@code org.ratefloat.RateFloat} and {@code org.ratefloat.RuleTable}. The engine
 * knows nothing of JSON or the command line; it computes indicators lazily (only those a step
 * needs), runs the steps in order and records what each did.
 */
@NullUnmarked // internal, its nulls not yet marked: the module's @NullMarked does not speak for it
package org.ratefloat.engine;

import org.jspecify.annotations.NullUnmarked;
