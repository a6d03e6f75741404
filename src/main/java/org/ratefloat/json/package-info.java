/**
 * JSON adapters: strict reading (bounded, exact decimals, pointers on every fault), the case
 * reader and writer, and the canonical decision writer.
 *
 * <p>Internal: use {@code org.ratefloat.RateFloat}.
 */
package org.ratefloat.json;
