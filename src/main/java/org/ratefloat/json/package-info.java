/**
 * JSON adapters: strict reading (bounded, exact decimals, pointers on every fault), the case
 * reader and writer, and the canonical decision writer.
 *
 * <p>Internal: use {@code org.ratefloat.RateFloat}.
 */
@NullUnmarked // internal, its nulls not yet marked: the module's @NullMarked does not speak for it
package org.ratefloat.json;

import org.jspecify.annotations.NullUnmarked;
