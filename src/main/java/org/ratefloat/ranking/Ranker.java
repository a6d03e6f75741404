package org.ratefloat.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.ratefloat.document.Rounding;

/**
 * Orders the employers of one group in one month by the definition's method, gives them positions by
 * its tie strategy, and cuts the list at the top N by its rule for a tie at the cut. All arithmetic
 * is decimal; employer ids break every remaining tie of order, so that permuting the input never
 * changes the result.
 */
final class Ranker {
  private static final BigDecimal TWO = new BigDecimal("2");

  private Ranker() {}

  /** The candidates in order with their positions, and the sizes of the groups of tied entries in that order. */
  record Ordered(List<Entry> entries, List<Integer> tiedGroups) {}

  /** The listed entries and, if a tied group was left out at the cut, its position and size. */
  record Cut(List<Entry> listed, Optional<RankingResult.LeftOut> leftOut) {}

  static Ordered order(RankingDefinition d, List<Observation> candidates) {
    List<Observation> byId = new ArrayList<>(candidates);
    byId.sort(Comparator.comparing(Observation::employerId));
    int k = d.indicators().size();
    return switch (d.method()) {
      case LEXICOGRAPHIC -> lexicographic(d, byId, k);
      case RANK_SUM, WEIGHTED -> scored(d, byId, k);
    };
  }

  private static Ordered lexicographic(RankingDefinition d, List<Observation> byId, int k) {
    Comparator<Observation> order = (a, b) -> {
      for (int j = 0; j < k; j++) {
        int c = descendingEmptiesLast(a.value(j), b.value(j));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
    List<Observation> sorted = new ArrayList<>(byId);
    sorted.sort(order); // stable: employer-id order among equals
    BiPredicate<Observation, Observation> equal = (a, b) -> order.compare(a, b) == 0;
    BigDecimal[] positions = positions(sorted, equal, d.ties());
    List<Entry> entries = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      entries.add(new Entry(sorted.get(i), List.of(), Optional.empty(), positions[i], 1, false));
    }
    return new Ordered(entries, groups(sorted, equal, d.ties()));
  }

  private static Ordered scored(RankingDefinition d, List<Observation> byId, int k) {
    int n = byId.size();
    Rounding sr = d.scoreRounding().orElseThrow();
    BigDecimal[][] ranks = new BigDecimal[n][k];
    BigDecimal[][] norms = new BigDecimal[n][k];
    for (int j = 0; j < k; j++) {
      final int col = j;
      List<Integer> available = new ArrayList<>();
      BigDecimal min = null;
      BigDecimal max = null;
      for (int e = 0; e < n; e++) {
        BigDecimal v = byId.get(e).value(col).orElse(null);
        if (v != null) {
          available.add(e);
          min = min == null || v.compareTo(min) < 0 ? v : min;
          max = max == null || v.compareTo(max) > 0 ? v : max;
        }
      }
      // largest first; employer-id order among equals (byId is sorted by id and the sort is stable)
      available.sort((a, b) -> byId.get(b).value(col).orElseThrow().compareTo(byId.get(a).value(col).orElseThrow()));
      List<BigDecimal> values = available.stream().map(e -> byId.get(e).value(col).orElseThrow()).toList();
      BigDecimal[] r = positions(values, (a, b) -> a.compareTo(b) == 0, d.ties());
      for (int x = 0; x < available.size(); x++) {
        ranks[available.get(x)][col] = r[x];
      }
      // an employer without the value (a rate below its exposure floor) comes after all that have it
      BigDecimal last = BigDecimal.valueOf(available.size() + 1L);
      for (int e = 0; e < n; e++) {
        BigDecimal v = byId.get(e).value(col).orElse(null);
        if (v == null) {
          ranks[e][col] = last;
          norms[e][col] = BigDecimal.ZERO;
        } else if (max.compareTo(min) == 0) {
          norms[e][col] = BigDecimal.ZERO;
        } else {
          norms[e][col] = v.subtract(min).divide(max.subtract(min), sr.scale(), sr.mode());
        }
      }
    }
    boolean rankSum = d.method() == RankingDefinition.Method.RANK_SUM;
    List<Entry> scored = new ArrayList<>(n);
    for (int e = 0; e < n; e++) {
      BigDecimal score = BigDecimal.ZERO;
      for (int j = 0; j < k; j++) {
        score = score.add(rankSum ? ranks[e][j] : norms[e][j].multiply(d.indicators().get(j).weight()));
      }
      scored.add(new Entry(byId.get(e), List.of(ranks[e]), Optional.of(sr.apply(score)), BigDecimal.ZERO, 1,
          false));
    }
    Comparator<Entry> byScore = Comparator.comparing(x -> x.score().orElseThrow());
    scored.sort((rankSum ? byScore : byScore.reversed()).thenComparing(Entry::employerId));
    BiPredicate<Entry, Entry> equal = (a, b) -> a.score().orElseThrow().compareTo(b.score().orElseThrow()) == 0;
    BigDecimal[] positions = positions(scored, equal, d.ties());
    List<Entry> entries = new ArrayList<>(n);
    for (int e = 0; e < n; e++) {
      Entry s = scored.get(e);
      entries.add(new Entry(s.observation(), s.ranks(), s.score(), positions[e], 1, false));
    }
    return new Ordered(entries, groups(scored, equal, d.ties()));
  }

  /** Largest first; an absent value after every present one. */
  private static int descendingEmptiesLast(Optional<BigDecimal> a, Optional<BigDecimal> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isPresent() ? -1 : b.isPresent() ? 1 : 0;
    }
    return b.get().compareTo(a.get());
  }

  /** Positions 1..n of items already in order, neighbours that are equal sharing by the tie strategy. */
  static <T> BigDecimal[] positions(List<T> ordered, BiPredicate<T, T> equal, RankingDefinition.Ties ties) {
    int n = ordered.size();
    BigDecimal[] r = new BigDecimal[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && equal.test(ordered.get(j + 1), ordered.get(i))) {
        j++;
      }
      for (int x = i; x <= j; x++) {
        r[x] = switch (ties) {
          case MINIMUM -> BigDecimal.valueOf(i + 1L);
          case MAXIMUM -> BigDecimal.valueOf(j + 1L);
          // a shared position is whole or half: 1.5, never 1.0
          case AVERAGE -> (i + j) % 2 == 0 ? BigDecimal.valueOf((i + j) / 2 + 1L)
              : BigDecimal.valueOf(i + 1L + j + 1L).divide(TWO, 1, RoundingMode.UNNECESSARY);
          case SEQUENTIAL -> BigDecimal.valueOf(x + 1L);
        };
      }
      i = j + 1;
    }
    return r;
  }

  /** The sizes of the runs of equal neighbours; every run is one under SEQUENTIAL, which leaves no tie. */
  private static <T> List<Integer> groups(List<T> ordered, BiPredicate<T, T> equal, RankingDefinition.Ties ties) {
    List<Integer> sizes = new ArrayList<>();
    int i = 0;
    while (i < ordered.size()) {
      int j = i;
      while (ties != RankingDefinition.Ties.SEQUENTIAL && j + 1 < ordered.size()
          && equal.test(ordered.get(j + 1), ordered.get(i))) {
        j++;
      }
      sizes.add(j - i + 1);
      i = j + 1;
    }
    return sizes;
  }

  /**
   * The first {@code top} entries at most: whole tied groups while they fit; a group that does not fit
   * is left out whole, or fills the list in employer-id order, as the definition says.
   */
  static Cut cut(RankingDefinition d, Ordered ordered, int top) {
    List<Entry> listed = new ArrayList<>();
    int at = 0;
    for (int size : ordered.tiedGroups()) {
      if (listed.size() + size <= top) {
        listed.addAll(ordered.entries().subList(at, at + size));
        at += size;
        continue;
      }
      if (listed.size() < top) {
        List<Entry> group = ordered.entries().subList(at, at + size);
        if (d.tiesAtCut() == RankingDefinition.TiesAtCut.LEAVE_OUT) {
          return new Cut(listed, Optional.of(new RankingResult.LeftOut(group.get(0).position(), size)));
        }
        for (Entry e : group.subList(0, top - listed.size())) {
          listed.add(new Entry(e.observation(), e.ranks(), e.score(), e.position(), e.monthsOnList(), true));
        }
      }
      break;
    }
    return new Cut(listed, Optional.empty());
  }
}
