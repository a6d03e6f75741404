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
    return holds((c, place) -> test.test(c));
  }

  /** A test of a condition that is also told the condition's place in {@link #conditions()}. */
  @FunctionalInterface
  public interface Test {
    boolean test(Condition c, int place);
  }

  /**
   * As {@link #holds(java.util.function.Predicate)}, telling the test each condition's place in
   * {@link #conditions()}: the engine keeps what it needs of each condition in an array by place.
   */
  public boolean holds(Test test) {
    // indexed loops: a guard is tested for every row of every decision, and iterators would be garbage
    int place = 0;
    for (int i = 0; i < all.size(); i++, place++) {
      if (!test.test(all.get(i), place)) {
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
        if (!test.test(group.get(i), place + i)) {
          every = false;
          break;
        }
      }
      if (every) {
        return true;
      }
      place += group.size();
    }
    return false;
  }

  /** Every condition of the guard: those of {@code all}, then each group of {@code any} in order. */
  public ImmutableList<Condition> conditions() {
    if (any.isEmpty()) {
      return all;
    }
    ImmutableList.Builder<Condition> out = ImmutableList.<Condition>builder().addAll(all);
    any.forEach(out::addAll);
    return out.build();
  }
}
