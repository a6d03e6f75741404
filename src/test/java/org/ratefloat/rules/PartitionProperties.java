package org.ratefloat.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.ratefloat.error.ErrorCode;

/**
 * The analysis is exact on one-dimensional tables: a partition of the domain is clean, and removing
 * or widening any one row is always reported.
 */
class PartitionProperties {

  /** A partition of [0, +inf) at the given cut points; ownsUpper[i] says which side owns cut i. */
  record Partition(List<String> cuts, List<Boolean> lowerOwns, String indicator) {
    List<String[]> rows() {
      List<String[]> rows = new ArrayList<>();
      for (int i = 0; i <= cuts.size(); i++) {
        String lo = i == 0 ? null : (lowerOwns.get(i - 1) ? "gt" : "ge") + ":" + cuts.get(i - 1);
        String hi = i == cuts.size() ? null : (lowerOwns.get(i) ? "le" : "lt") + ":" + cuts.get(i);
        rows.add(new String[] {lo, hi});
      }
      return rows;
    }
  }

  @Provide
  Arbitrary<Partition> partitions() {
    Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(1, 100_000).set().ofMinSize(1).ofMaxSize(12)
        .map(s -> new ArrayList<>(new TreeSet<>(s)));
    return cuts.flatMap(c -> Arbitraries.of(true, false).list().ofSize(c.size()).flatMap(owns ->
        Arbitraries.of("ratio", "benefits").map(ind -> new Partition(
            c.stream().map(x -> ind.equals("ratio") ? scaled(x) : String.valueOf(x)).toList(), owns, ind))));
  }

  /**
   * Cut points of the ratio, 0.1 apart at least, so that every row holds values of its 0.01
   * lattice (a row such as (0.11, 0.12) would hold none and could never fire).
   */
  private static String scaled(int x) {
    return java.math.BigDecimal.valueOf(x, 1).toPlainString();
  }

  private static String table(String indicator, List<String[]> rows) {
    StringBuilder r = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      StringBuilder cond = new StringBuilder();
      for (String bound : row) {
        if (bound != null) {
          String[] kv = bound.split(":");
          cond.append(cond.length() == 0 ? "" : ", ").append("\"").append(kv[0]).append("\": \"").append(kv[1])
              .append("\"");
        }
      }
      r.append(i == 0 ? "" : ",").append("{\"id\": \"r").append(i).append("\", ")
          .append(cond.length() == 0 ? "" : "\"when\": {\"" + indicator + "\": {" + cond + "}}, ")
          .append("\"then\": {\"band\": 0}}");
    }
    return """
        {"format": "ratefloat/rule-table@1", "kind": "measure", "id": "p", "version": "1", "jurisdiction": "X",
         "title": {"zh": "p", "en": "p"}, "effectiveFrom": "2015-10-01", "status": "verified",
         "sources": [{"url": "u", "took": "t"}],
         "benchmarks": {"2": "0.4"}, "ladders": {"default": ["0.5", "0.8", "1.0", "1.2", "1.5"]},
         "rounding": {"rate": {"scale": 4, "mode": "HALF_UP"}, "premium": {"scale": 2, "mode": "HALF_UP"}},
         "indicators": [
           {"id": "ratio", "kind": "ratio", "label": {"zh": "r", "en": "r"}, "window": {"calendarYears": 1},
            "numerator": "benefitsPaid", "denominator": "premiumsPaid", "multiplier": "100",
            "round": {"scale": 2, "mode": "HALF_UP"}, "allow": ["RT029"]},
           {"id": "benefits", "kind": "total", "label": {"zh": "b", "en": "b"}, "window": {"calendarYears": 1},
            "measure": "benefitsPaid", "allow": ["RT029"]}],
         "steps": [{"id": "s", "kind": "table", "label": {"zh": "s", "en": "s"}, "hitPolicy": "UNIQUE",
                    "rows": [%s]}]}
        """.formatted(r);
  }

  private static List<ErrorCode> codes(String indicator, List<String[]> rows) {
    LoadedTable t = RuleTables.resolve(new RuleTables.Named("p.json", table(indicator, rows)
        .getBytes(StandardCharsets.UTF_8)), RuleTables.directory(Path.of("rules")));
    return t.findings().stream().map(Finding::code).toList();
  }

  @Property(tries = 300)
  void aPartitionHasNoGapOrOverlap(@ForAll("partitions") Partition p) {
    assertEquals(List.of(), codes(p.indicator(), p.rows()));
  }

  @Property(tries = 300)
  void removingARowLeavesAGap(@ForAll("partitions") Partition p, @ForAll @IntRange(min = 0, max = 12) int which) {
    List<String[]> rows = new ArrayList<>(p.rows());
    rows.remove(which % rows.size());
    assertTrue(codes(p.indicator(), rows).contains(ErrorCode.RT020), "no gap reported");
  }

  @Property(tries = 300)
  void wideningARowMakesAnOverlap(@ForAll("partitions") Partition p, @ForAll @IntRange(min = 0, max = 12) int which,
      @ForAll boolean upward) {
    List<String[]> rows = new ArrayList<>(p.rows());
    int i = which % rows.size();
    String[] row = rows.get(i).clone();
    if ((upward && row[1] != null) || row[0] == null) {
      row[1] = null;        // widen up to +inf: it now covers the next row
    } else {
      row[0] = null;        // widen down to the bottom of the domain: it covers the previous row
    }
    rows.set(i, row);
    assertTrue(codes(p.indicator(), rows).contains(ErrorCode.RT021), "no overlap reported");
  }
}
