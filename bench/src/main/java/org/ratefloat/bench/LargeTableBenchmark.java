package org.ratefloat.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.model.RatingCase;

/**
 * A FIRST-hit table of 10, 100 or 1,000 rows on one indicator, decided for a case that only the
 * last row matches (the worst case): time grows with the rows scanned, not with their square. Also
 * the time to load (parse, check, analyse) such a table.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LargeTableBenchmark {
  @Param({"10", "100", "1000"})
  int rows;

  byte[] tableBytes;
  RuleTable table;
  RatingCase lastRow;

  static String table(int rows) {
    StringBuilder r = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      r.append(i == 0 ? "" : ",").append("{\"id\": \"r").append(i).append("\", \"when\": {\"ratio\": {")
          .append(i == 0 ? "" : "\"gt\": \"" + i + "\"").append(i == 0 || i == rows - 1 ? "" : ", ")
          .append(i == rows - 1 ? "" : "\"le\": \"" + (i + 1) + "\"").append("}}, \"then\": {\"band\": ")
          .append(i % 5 - 2).append("}}");
    }
    return """
        {"format": "ratefloat/rule-table@1", "kind": "measure", "id": "large", "version": "1", "jurisdiction": "X",
         "title": {"zh": "大表", "en": "large table"}, "effectiveFrom": "2015-10-01", "status": "verified",
         "sources": [{"url": "bench", "took": "generated"}], "base": "cn-national-2015",
         "indicators": [{"id": "ratio", "kind": "ratio", "label": {"zh": "r", "en": "r"}, "window": {"calendarYears": 1},
           "numerator": "benefitsPaid", "denominator": "premiumsPaid", "multiplier": "100",
           "round": {"scale": 2, "mode": "HALF_UP"}}],
         "steps": [{"id": "big", "kind": "table", "label": {"zh": "t", "en": "t"}, "hitPolicy": "FIRST", "rows": [%s]}]}
        """.formatted(r);
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    tableBytes = table(rows).getBytes(StandardCharsets.UTF_8);
    table = load();
    // payout ratio rows + 0.5 %: only the last row matches
    String c = """
        {"asOf": "2025-01-01", "employer": {"id": "E", "industry": {"edition": "GB/T 4754-2011", "code": "36"}},
         "history": [{"year": 2024, "premiumsPaid": "100.00", "benefitsPaid": "%s"}]}
        """.formatted(rows + 0.5);
    lastRow = RateFloat.readCase(c.getBytes(StandardCharsets.UTF_8));
  }

  private RuleTable load() {
    return RateFloat.loadTable("large.json", tableBytes, id -> {
      try {
        return Optional.of(Files.readAllBytes(Path.of("rules", id + ".json")));
      } catch (java.io.IOException e) {
        return Optional.empty();
      }
    });
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public Decision decideLastRow() {
    return table.decide(lastRow);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public RuleTable loadTable() {
    return load();
  }
}
