package org.ratefloat.rules;

/** How a row's content is supported by the table's sources. */
public enum Evidence {
  /** Read in a source. */
  PUBLISHED,
  /** Reconstructed from a garbled or truncated source. */
  RECONSTRUCTED,
  /** Derived by arithmetic or by combining published facts. */
  DERIVED,
  /** Taken from another region's measure because this one's is not known. */
  BORROWED
}
