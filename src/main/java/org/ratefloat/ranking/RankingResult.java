package org.ratefloat.ranking;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.YearMonth;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.document.Text;

/**
 * A month's ranking: one list per group (the province, each city or each key industry), each ranked
 * and cut on its own. Immutable.
 *
 * @param top the most employers a group lists
 * @param comparedWith the month whose lists the entered and left employers are taken against
 * @param monthsFrom the earliest month looked back to when counting consecutive months on the list
 * @param eligible key-industry employers with that month recorded
 * @param skipped key-industry employers without that month (or without a figure it needs)
 * @param groups the groups in order (cities by code, key industries as the definition lists them)
 */
public record RankingResult(RankingDefinition definition, YearMonth month, Grouping by, int top,
    Optional<YearMonth> comparedWith, YearMonth monthsFrom, long eligible, long skipped,
    ImmutableSortedMap<ErrorCode, Long> refused, ImmutableList<Group> groups) {
  public RankingResult {
    requireNonNull(definition, "definition");
    requireNonNull(month, "month");
    requireNonNull(by, "by");
    requireNonNull(comparedWith, "comparedWith");
    requireNonNull(monthsFrom, "monthsFrom");
    requireNonNull(refused, "refused");
    requireNonNull(groups, "groups");
  }

  /** How many records of the portfolio were refused, whatever the code. */
  public long refusedTotal() {
    return refused.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Employers ranked in any group (those that reached the listing threshold). */
  public long candidates() {
    return groups.stream().mapToLong(Group::candidates).sum();
  }

  /** A tied group left out at the cut: the position its members shared and how many they were. */
  public record LeftOut(java.math.BigDecimal position, int employers) {}

  /** What a group is: the province, a city (its code) or a key industry (its id), with its name. */
  public record GroupKey(Grouping kind, String code, Text name) {}

  /**
   * One group's list.
   *
   * @param eligible key-industry employers of the group with the month recorded
   * @param candidates those of them that reached the listing threshold, all ranked
   * @param listed the listed entries, best first: at most {@code top}
   * @param leftOut the tied group left out at the cut, if one was
   * @param entered employers listed this month and not in the compared month
   * @param left employers listed in the compared month and not this one (as they were then)
   */
  public record Group(GroupKey key, long eligible, long candidates, ImmutableList<Entry> listed,
      Optional<LeftOut> leftOut, ImmutableList<Observation> entered, ImmutableList<Observation> left) {}
}
