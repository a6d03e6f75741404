package org.ratefloat.rules;

import com.google.common.collect.ImmutableList;

/**
 * When a row or step applies: all of {@code all} hold and, if {@code any} is not empty, all
 * conditions of at least one of its groups hold. An empty guard always holds.
 */
public record Guard(ImmutableList<Condition> all, ImmutableList<ImmutableList<Condition>> any) {
  public static final Guard ALWAYS = new Guard(ImmutableList.of(), ImmutableList.of());

  public boolean isAlways() {
    return all.isEmpty() && any.isEmpty();
  }
}
