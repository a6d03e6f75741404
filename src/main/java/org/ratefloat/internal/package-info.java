/**
 * Internal: values computed once, when first read, that the engine hands the decision types without
 * any public hook. Not exported; depends on nothing of the library.
 *
 * <p>{@link org.ratefloat.internal.LazyList} is a list made on first read, {@link
 * org.ratefloat.internal.LazyText} a text made on first read. The decision types' builders keep a
 * value of these types as it is, and copy (read) any other value at once.
 */
package org.ratefloat.internal;
