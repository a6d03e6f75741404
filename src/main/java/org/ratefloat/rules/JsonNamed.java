package org.ratefloat.rules;

import java.util.Optional;

/** A constant of the format with the name a table writes for it (a kind, an operator, a flag). */
interface JsonNamed {
  /** The name as written in a table. */
  String jsonName();

  /** The constant written as {@code name}, if any: the one lookup every such enum uses. */
  static <E extends Enum<E> & JsonNamed> Optional<E> find(E[] values, String name) {
    for (E e : values) {
      if (e.jsonName().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
