/**
 * Files in and out: every document is read through {@link org.ratefloat.io.InputFiles} (a regular
 * file, its size checked before a byte is read) and every output is written through
 * {@link org.ratefloat.io.OutputFile} (never over an input, complete or absent, no litter).
 *
 * <p>Internal: use {@code org.ratefloat.RateFloat} and {@code org.ratefloat.batch.Batch}.
 */
@NullUnmarked // internal, its nulls not yet marked: the module's @NullMarked does not speak for it
package org.ratefloat.io;

import org.jspecify.annotations.NullUnmarked;
