package org.ratefloat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documented harness commands run and report every candidate: each mode once, as briefly as it
 * goes (a handful of employers, one warm-up round, two rounds). A check that they work, not a
 * measurement.
 */
class HarnessTest {
  private static String run(String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Interleaved.Result r = Harness.run(Harness.Options.parse(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    for (String name : r.names()) {
      assertTrue(r.medianCpu(name) > 0, name);
      assertTrue(r.medianWall(name) > 0, name);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static final String[] BRIEF = {"--warmup", "1", "--rounds", "2", "--pass-ms", "1"};

  private static String[] args(String mode, int employers) {
    String[] a = new String[3 + BRIEF.length];
    a[0] = mode;
    a[1] = "--employers";
    a[2] = String.valueOf(employers);
    System.arraycopy(BRIEF, 0, a, 3, BRIEF.length);
    return a;
  }

  @Test
  void decide() throws Exception {
    String out = run(args("decide", 300));
    for (String line : List.of("ratefloat decide ", "ratefloat decide + record ", "Drools DMN ", "hand-coded ",
        "ratefloat decide Hunan ", "hand-coded Hunan ", "ratefloat decide NCCI ",
        "an NCCI decision takes this many times a Hunan one (target <= 2x): CPU ",
        "ratefloat decide is this many times as fast as Drools DMN (target >= 30x): CPU ",
        "ratefloat decide takes this many times the hand-coded decision (target <= 2x): CPU ",
        "ratefloat decide Hunan takes this many times the hand-coded Hunan (target <= 2x): CPU ",
        "allocation, ratefloat / hand-coded (target <= 2x): Hangzhou ")) {
      assertTrue(out.lines().anyMatch(l -> l.startsWith(line)), () -> line + " missing from\n" + out);
    }
  }

  @Test
  void batch() throws Exception {
    String out = run(args("batch", 300));
    assertTrue(out.contains("batch per core, as a share of the bare parse (target >= 40 %, a record <= 2.5 bare"
        + " parses): CPU "), out);
    if (Runtime.getRuntime().availableProcessors() > 1) {
      assertTrue(out.contains(" workers' throughput over 1 worker's (target >= 1.6x on 2): CPU "), out);
    }
    assertTrue(out.lines().anyMatch(l -> l.startsWith("batch, 1 worker ")), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("batch lean, 1 worker ")), out);
    assertTrue(out.contains("lean batch per core, as a share of the bare parse (target >= 50 %, a record <= 2 bare"
        + " parses): CPU "), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("bare readTree ")), out);
    assertTrue(out.contains("output: "), out);
  }

  @Test
  void stages() throws Exception {
    String out = run(args("stages", 200));
    for (String stage : List.of("read", "decide", "input hash", "write", "sum of stages",
        "whole record", "bare readTree", "tree parse", "tree validate")) {
      assertTrue(out.lines().anyMatch(l -> l.matches(stage + " +[0-9.]+.*")), () -> stage + " missing from\n" + out);
    }
  }

  @Test
  void refusesUnknownModesAndOptions() {
    assertThrows(IllegalArgumentException.class, () -> Harness.Options.parse());
    assertThrows(IllegalArgumentException.class, () -> Harness.Options.parse("fast"));
    assertThrows(IllegalArgumentException.class, () -> Harness.Options.parse("decide", "--rounds"));
    assertThrows(IllegalArgumentException.class, () -> Harness.Options.parse("decide", "--rounds", "0"));
    assertThrows(IllegalArgumentException.class, () -> Harness.Options.parse("decide", "--speed", "2"));
    Harness.Options o = Harness.Options.parse("batch", "--rounds", "3", "--pass-ms", "7");
    assertEquals(3, o.rounds());
    assertEquals(20_000, o.employers());
    assertEquals(7_000_000, o.passNanos());
  }
}
