package org.ratefloat.rules;

/** The type of an indicator's value, which fixes the conditions that may test it. */
public enum ValueType {
  NUMBER,
  BOOLEAN,
  TEXT
}
