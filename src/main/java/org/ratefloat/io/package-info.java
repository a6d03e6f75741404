/**
 * Files in and out: every document is read through {@link org.ratefloat.io.InputFiles} (a regular
 * file, its size checked before a byte is read) and every output is written through
 * {@link org.ratefloat.io.OutputFile} (never over an input, complete or absent, no litter).
 *
 * <p>Internal: use {@code org.ratefloat.RateFloat} and {@code org.ratefloat.batch.Batch}.
 */
package org.ratefloat.io;
