package org.ratefloat.json;

/** The kinds of fault a JSON document can have, independent of which document it is. */
public enum Fault {
  MALFORMED,
  DUPLICATE_KEY,
  UNKNOWN_KEY,
  MISSING,
  WRONG_TYPE,
  NOT_DECIMAL,
  BAD_VALUE,
  TOO_LARGE
}
