package org.ratefloat.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ratefloat.decision.Decision;

/**
 * One decision of the Hangzhou measure: ratefloat's {@code RuleTable.decide} (indicators from the
 * history, every step traced; the input hash is computed when the record is written), and the same
 * with the full canonical record written, against Drools DMN evaluating the equivalent model
 * (hangzhou.dmn) on the same employers. The setup first checks that both give the same band and
 * rate on every input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecideBenchmark {
  private static final int N = 4096;
  Inputs inputs;
  HangzhouDmn dmn;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    inputs = new Inputs(N, 11);
    dmn = new HangzhouDmn();
    HangzhouDmn.agreement(inputs, dmn);
  }

  @Benchmark
  public Decision ratefloat() {
    next = (next + 1) & (N - 1);
    return inputs.hangzhou.decide(inputs.cases.get(next));
  }

  /** A decision and its full canonical record (input hash, every indicator and step), as batch writes it. */
  @Benchmark
  public byte[] ratefloatWithRecord() {
    next = (next + 1) & (N - 1);
    return org.ratefloat.RateFloat.toJson(inputs.hangzhou.decide(inputs.cases.get(next)));
  }

  @Benchmark
  public Object[] droolsDmn() {
    next = (next + 1) & (N - 1);
    return dmn.evaluate(inputs.dmn.get(next));
  }
}
