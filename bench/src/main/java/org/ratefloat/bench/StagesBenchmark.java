package org.ratefloat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.model.RatingCase;

/**
 * The stages of one record of the Hunan batch (see {@link Stages}), each alone, the whole record,
 * and a bare Jackson {@code readTree} of the same line, cycling through the decided records of a
 * synthetic portfolio. Time per record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StagesBenchmark {
  static final int N = 1024;
  final ObjectMapper mapper = new ObjectMapper();
  RuleTable table;
  final List<byte[]> lines = new ArrayList<>();
  final List<byte[]> canonicals = new ArrayList<>();
  final List<JsonNode> trees = new ArrayList<>();
  final List<RatingCase> cases = new ArrayList<>();
  final List<Decision> decisions = new ArrayList<>();
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    table = RateFloat.loadTable(Portfolio.HUNAN);
    for (byte[] line : Portfolio.lines(N * 2, 5)) {
      try {
        JsonNode tree = Stages.parse(line);
        RatingCase c = Stages.validate(tree);
        Decision d = Stages.decide(table, line);
        d.inputSha256();
        lines.add(line);
        canonicals.add(Stages.canonical(line));
        trees.add(tree);
        cases.add(c);
        decisions.add(d);
      } catch (RateFloatException refused) {
        continue; // the stages are timed on decided records
      }
      if (lines.size() == N) {
        return;
      }
    }
    throw new IllegalStateException("fewer than " + N + " decided records");
  }

  private int next() {
    next = (next + 1) & (N - 1);
    return next;
  }

  @Benchmark
  public JsonNode bareReadTree() throws IOException {
    return mapper.readTree(lines.get(next()));
  }

  @Benchmark
  public RatingCase read() {
    return Stages.read(lines.get(next()));
  }

  @Benchmark
  public JsonNode parse() {
    return Stages.parse(lines.get(next()));
  }

  @Benchmark
  public RatingCase validate() {
    return Stages.validate(trees.get(next()));
  }

  @Benchmark
  public Decision decide() {
    return Stages.decide(table, cases.get(next()));
  }

  @Benchmark
  public String inputHash() {
    return Stages.inputHash(canonicals.get(next()));
  }

  @Benchmark
  public byte[] write() {
    int i = next();
    return Stages.write(i + 1, decisions.get(i));
  }

  @Benchmark
  public byte[] wholeRecord() {
    int i = next();
    return Stages.record(table, i + 1, lines.get(i));
  }
}
