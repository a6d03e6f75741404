/**
 * Batch decisions over a whole portfolio: streaming, in constant memory, on several threads, with
 * one output record per input record in input order. Start with {@link org.ratefloat.batch.Batch}.
 */
@NullUnmarked // internal, its nulls not yet marked: the module's @NullMarked does not speak for it
package org.ratefloat.batch;

import org.jspecify.annotations.NullUnmarked;
