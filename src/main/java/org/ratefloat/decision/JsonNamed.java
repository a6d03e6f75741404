package org.ratefloat.decision;

import java.util.Optional;

/** A member of a closed set, named in a record by its JSON name: the one lookup of such a name. */
interface JsonNamed {
  /** The name a record writes. */
  String jsonName();

  /** The member of {@code members} a record names {@code name}, if there is one. */
  static <E extends JsonNamed> Optional<E> find(E[] members, String name) {
    java.util.Objects.requireNonNull(name, "name");
    for (E e : members) {
      if (e.jsonName().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
