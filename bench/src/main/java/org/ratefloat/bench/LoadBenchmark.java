package org.ratefloat.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;

/** Loading a shipped rule table: read, parse, check, resolve base and classification, analyse. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {
  @Param({"cn-hn-provisional", "cn-zj-hangzhou", "cn-nm-ordos-2015"})
  String table;

  @Benchmark
  public RuleTable load() {
    return RateFloat.loadTable(Path.of("rules", table + ".json"));
  }
}
