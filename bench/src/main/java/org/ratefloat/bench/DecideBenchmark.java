package org.ratefloat.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.dmn.api.core.DMNResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ratefloat.RateFloat;
import org.ratefloat.decision.Decision;
import org.ratefloat.model.RatingCase;

/**
 * One decision of the Hangzhou measure: ratefloat's {@code RuleTable.decide} (indicators from the
 * history, every step traced; the input hash is computed when the record is written), the same with
 * the full canonical record written, Drools DMN evaluating the equivalent model (hangzhou.dmn) and
 * the hand-coded decision, on the same employers. The setup first checks that all of them give the
 * same band and rate on every input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecideBenchmark {
  /** Employers generated; a power of two of them, the decidable ones, are cycled through. */
  static final int GENERATED = 6000;
  static final int N = 4096;
  Inputs inputs;
  List<RatingCase> cases;
  List<Inputs.DmnInput> dmnInputs;
  HangzhouDmn dmn;
  HandCodedHangzhou handCoded;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    inputs = Inputs.portfolio(GENERATED, 11);
    if (inputs.decidable.size() < N) {
      throw new IllegalStateException("only " + inputs.decidable.size() + " decidable employers");
    }
    cases = inputs.cases().subList(0, N);
    dmnInputs = inputs.dmnInputs().subList(0, N);
    dmn = new HangzhouDmn();
    handCoded = Agreement.handCoded(inputs.hangzhou);
    Agreement.requireOnDecidable(inputs, dmn, handCoded);
  }

  @Benchmark
  public Decision ratefloat() {
    next = (next + 1) & (N - 1);
    return inputs.hangzhou.decide(cases.get(next));
  }

  /** A decision and its full canonical record (input hash, every indicator and step). */
  @Benchmark
  public byte[] ratefloatWithRecord() {
    next = (next + 1) & (N - 1);
    return RateFloat.toJson(inputs.hangzhou.decide(cases.get(next)));
  }

  @Benchmark
  public DMNResult droolsDmn() {
    next = (next + 1) & (N - 1);
    return dmn.evaluate(dmnInputs.get(next));
  }

  @Benchmark
  public HandCodedHangzhou.Result handCoded() {
    next = (next + 1) & (N - 1);
    return handCoded.decide(cases.get(next));
  }
}
