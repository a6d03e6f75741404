package org.ratefloat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.batch.Batch;

/**
 * A whole portfolio file, end to end: {@code Batch.run} with the Hunan table (parse, check, decide,
 * write every decision record, on all cores) against a bare Jackson {@code readTree} of each line of
 * the same file. Time per file; the ratio of the two is the figure of interest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchBenchmark {
  @Param("20000")
  int employers;

  Path dir;
  Path in;
  RuleTable table;
  final ObjectMapper mapper = new ObjectMapper();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("ratefloat-bench");
    in = Portfolio.write(dir.resolve("portfolio.ndjson"), Portfolio.lines(employers, 5));
    table = RateFloat.loadTable(Portfolio.HUNAN);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  @Benchmark
  public Batch.Summary batch() throws IOException {
    return Batch.run(table::decide, in, dir.resolve("decisions.ndjson"), new Batch.Options(
        Runtime.getRuntime().availableProcessors(), Batch.Format.NDJSON, Batch.Format.NDJSON, false), null);
  }

  @Benchmark
  public long bareJacksonParse() throws IOException {
    long nodes = 0;
    try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        nodes += mapper.readTree(line).size();
      }
    }
    return nodes;
  }
}
