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

  /**
   * Whether the guard holds when each condition is decided by {@code test}: the one reading of
   * {@code all} and {@code any}, for the engine (which computes an indicator when a condition first
   * asks for it, so the test stops at the first condition that fails) and the static analysis.
   */
  public boolean holds(java.util.function.Predicate<Condition> test) {
    // indexed loops: a guard is tested for every row of every decision, and iterators would be garbage
    for (int i = 0; i < all.size(); i++) {
      if (!test.test(all.get(i))) {
        return false;
      }
    }
    if (any.isEmpty()) {
      return true;
    }
    for (int g = 0; g < any.size(); g++) {
      ImmutableList<Condition> group = any.get(g);
      boolean every = true;
      for (int i = 0; i < group.size(); i++) {
        if (!test.test(group.get(i))) {
          every = false;
          break;
        }
      }
      if (every) {
        return true;
      }
    }
    return false;
  }
}
