/**
 * Batch decisions over a whole portfolio: streaming, in constant memory, on several threads, with
 * one output record per input record in input order. Start with {@link org.ratefloat.batch.Batch}.
 */
package org.ratefloat.batch;
