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
  TOO_LARGE,
  /** The document's file does not exist. */
  NO_SUCH_FILE,
  /** The document's file is a directory. */
  DIRECTORY,
  /** The document's file is a device, FIFO or socket. */
  NOT_REGULAR,
  /** The document's file exists but cannot be read (permission, link loop, I/O error). */
  UNREADABLE
}
