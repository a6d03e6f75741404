package org.ratefloat.rules;

import org.ratefloat.document.DocumentFiles;
import org.ratefloat.error.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.ratefloat.error.ErrorCode;

/**
 * The analysis is exact on one- and two-dimensional tables, UNIQUE and FIRST: a partition of the
 * domain is clean, and removing any one row is always reported as a gap, widening one as an overlap
 * (an error under UNIQUE; under FIRST a warning that the earlier row wins with another result,
 * unless the widened row is the last and has no condition left: a FIRST table's "otherwise").
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
    return tableOf("UNIQUE", rows.stream().map(r -> Map.of(indicator, r)).toList());
  }

  /**
   * A table of one step with the given hit policy whose rows test each named indicator against its
   * bounds ({@code "gt:5"}, or null for none); adjacent rows give different bands (-2 to +2 in turn),
   * so that under FIRST an overlap is one with different results.
   */
  private static String tableOf(String policy, List<Map<String, String[]>> rows) {
    StringBuilder r = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      StringBuilder when = new StringBuilder();
      for (Map.Entry<String, String[]> test : new java.util.TreeMap<>(rows.get(i)).entrySet()) {
        StringBuilder cond = new StringBuilder();
        for (String bound : test.getValue()) {
          if (bound != null) {
            String[] kv = bound.split(":");
            cond.append(cond.length() == 0 ? "" : ", ").append("\"").append(kv[0]).append("\": \"").append(kv[1])
                .append("\"");
          }
        }
        if (cond.length() > 0) {
          when.append(when.length() == 0 ? "" : ", ").append("\"").append(test.getKey()).append("\": {").append(cond)
              .append("}");
        }
      }
      r.append(i == 0 ? "" : ",").append("{\"id\": \"r").append(i).append("\", ")
          .append(when.length() == 0 ? "" : "\"when\": {" + when + "}, ")
          .append("\"then\": {\"band\": ").append(i % 5 - 2).append("}}");
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
         "steps": [{"id": "s", "kind": "table", "label": {"zh": "s", "en": "s"}, "hitPolicy": "%s",
                    "rows": [%s]}]}
        """.formatted(policy, r);
  }

  private static List<ErrorCode> codes(String indicator, List<String[]> rows) {
    return codes(table(indicator, rows));
  }

  private static List<ErrorCode> codes(String table) {
    LoadedTable t = RuleTables.resolve(new DocumentFiles.Named("p.json", table
        .getBytes(StandardCharsets.UTF_8)), DocumentFiles.directory(Path.of("rules")));
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

  /** The same partition's rows, as one-dimensional rows of a table of any hit policy. */
  private static List<Map<String, String[]>> rows(Partition p) {
    return p.rows().stream().map(r -> Map.of(p.indicator(), r)).toList();
  }

  /** Row i widened to the end of the domain on one side, which covers a neighbour of another band. */
  private static Map<String, String[]> widened(Map<String, String[]> row, String indicator, boolean upward) {
    String[] bounds = row.get(indicator).clone();
    if ((upward && bounds[1] != null) || bounds[0] == null) {
      bounds[1] = null;
    } else {
      bounds[0] = null;
    }
    Map<String, String[]> wider = new java.util.HashMap<>(row);
    wider.put(indicator, bounds);
    return wider;
  }

  @Property(tries = 150)
  void firstTablesAreAnalysedExactlyToo(@ForAll("partitions") Partition p,
      @ForAll @IntRange(min = 0, max = 12) int which, @ForAll boolean upward) {
    List<Map<String, String[]>> rows = rows(p);
    assertEquals(List.of(), codes(tableOf("FIRST", rows)), "a partition is clean under FIRST");
    List<Map<String, String[]>> fewer = new ArrayList<>(rows);
    fewer.remove(which % rows.size());
    assertTrue(codes(tableOf("FIRST", fewer)).contains(ErrorCode.RT020), "no gap reported");
    List<Map<String, String[]>> wider = new ArrayList<>(rows);
    int i = which % rows.size();
    wider.set(i, widened(rows.get(i), p.indicator(), upward));
    List<ErrorCode> found = codes(tableOf("FIRST", wider));
    boolean always = java.util.Arrays.stream(wider.get(i).get(p.indicator())).allMatch(java.util.Objects::isNull);
    if (always && i == rows.size() - 1) {
      // a last row without conditions is the table's "otherwise": the rows before it win, by design
      assertEquals(List.of(), found);
    } else {
      assertTrue(found.contains(ErrorCode.RT022), () -> "no overlap with another result reported: " + found);
    }
    assertFalse(found.contains(ErrorCode.RT021), "RT021 is for UNIQUE tables");
  }

  /** Two partitions, of the payout ratio and of the benefits, and a table of every pair of their rows. */
  record Grid(Partition ratio, Partition benefits) {
    List<Map<String, String[]>> rows() {
      List<Map<String, String[]>> rows = new ArrayList<>();
      for (String[] r : ratio.rows()) {
        for (String[] b : benefits.rows()) {
          rows.add(Map.of("ratio", r, "benefits", b));
        }
      }
      return rows;
    }
  }

  /**
   * Grids of at most 4 x 4 cells: along either dimension the neighbour of a row is 1 to 4 rows away,
   * so that its band (row number mod 5) differs.
   */
  @Provide
  Arbitrary<Grid> grids() {
    Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(1, 100_000).set().ofMinSize(1).ofMaxSize(3)
        .map(s -> new ArrayList<>(new TreeSet<>(s)));
    Arbitrary<Partition> ratio = cuts.flatMap(c -> Arbitraries.of(true, false).list().ofSize(c.size())
        .map(owns -> new Partition(c.stream().map(PartitionProperties::scaled).toList(), owns, "ratio")));
    Arbitrary<Partition> benefits = cuts.flatMap(c -> Arbitraries.of(true, false).list().ofSize(c.size())
        .map(owns -> new Partition(c.stream().map(String::valueOf).toList(), owns, "benefits")));
    return net.jqwik.api.Combinators.combine(ratio, benefits).as(Grid::new);
  }

  @Property(tries = 100)
  void twoDimensionalTablesAreAnalysedExactly(@ForAll("grids") Grid g, @ForAll boolean first,
      @ForAll @IntRange(min = 0, max = 15) int which, @ForAll boolean alongRatio, @ForAll boolean upward) {
    String policy = first ? "FIRST" : "UNIQUE";
    List<Map<String, String[]>> rows = g.rows();
    assertEquals(List.of(), codes(tableOf(policy, rows)), "a grid is clean");
    int i = which % rows.size();
    List<Map<String, String[]>> fewer = new ArrayList<>(rows);
    fewer.remove(i);
    assertTrue(codes(tableOf(policy, fewer)).contains(ErrorCode.RT020), "no gap reported");
    String indicator = alongRatio ? "ratio" : "benefits";
    List<Map<String, String[]>> wider = new ArrayList<>(rows);
    wider.set(i, widened(rows.get(i), indicator, upward));
    List<ErrorCode> found = codes(tableOf(policy, wider));
    assertTrue(found.contains(first ? ErrorCode.RT022 : ErrorCode.RT021),
        () -> policy + ": no overlap reported after widening row " + i + " along " + indicator + ": " + found);
  }
}
