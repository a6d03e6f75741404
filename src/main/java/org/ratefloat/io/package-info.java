/**
 * Files in: every document is read through {@link org.ratefloat.io.InputFiles}, a regular file, its
 * size checked before a byte is read.
 *
 * <p>Internal: use {@code org.ratefloat.RateFloat}.
 */
package org.ratefloat.io;
