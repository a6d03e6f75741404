package org.ratefloat.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interleaved measurement, on a simulated clock: what it charges, in which order, and its medians. */
class InterleavedTest {
  /** A clock that only moves when a simulated candidate works; the load multiplies every cost. */
  static final class FakeClock implements Interleaved.Clock {
    long cpu;
    long wall;
    long allocated;
    double load = 1;

    void work(long cpuNanos, long allocatedBytes) {
      cpu += Math.round(cpuNanos * load);
      wall += Math.round(cpuNanos * load * 2); // a busy machine: the wall clock runs on
      allocated += allocatedBytes;
    }

    @Override
    public long cpuNanos() {
      return cpu;
    }

    @Override
    public long wallNanos() {
      return wall;
    }

    @Override
    public long allocatedBytes() {
      return allocated;
    }
  }

  @Test
  void ratiosWithinARoundCancelTheLoadAndTheMedianIgnoresOutliers() throws Exception {
    FakeClock clock = new FakeClock();
    List<String> order = new ArrayList<>();
    // the load changes from round to round (each round makes three calls), once wildly
    double[] loads = {1, 1, 1, 3, 1, 1.5, 1, 10, 1};
    Runnable roundLoad = () -> {
      clock.load = loads[order.size() / 3];
    };
    List<Interleaved.Candidate> candidates = List.of(
        new Interleaved.Candidate("fast", () -> {
          roundLoad.run();
          order.add("fast");
          clock.work(100 * 10, 40 * 10);
          return Interleaved.Pass.of(10, 1);
        }),
        new Interleaved.Candidate("slow", () -> {
          roundLoad.run();
          order.add("slow");
          clock.work(250 * 10, 0);
          return Interleaved.Pass.of(10, 1);
        }),
        new Interleaved.Candidate("helped", () -> {
          roundLoad.run();
          order.add("helped");
          clock.work(50 * 10, 0);
          // as much again spent by a helper thread
          return new Interleaved.Pass(10, Math.round(50 * 10 * clock.load), 80 * 10, 1);
        }));
    Interleaved.Result r = Interleaved.measure(candidates, 2, 7, 1, clock, null);

    // each round starts with the next candidate
    assertEquals(List.of("fast", "slow", "helped", "slow", "helped", "fast", "helped", "fast", "slow"),
        order.subList(0, 9));
    assertEquals(27, order.size());
    double[] ratios = r.ratios("slow", "fast", true);
    for (double ratio : ratios) {
      assertEquals(2.5, ratio, 1e-9);
    }
    assertEquals(2.5, Interleaved.median(ratios), 1e-9);
    assertEquals(1.0, Interleaved.median(r.ratios("helped", "fast", true)), 1e-9);
    assertEquals(80, r.medianAllocated("helped"), 1e-9);
    assertEquals(40, r.medianAllocated("fast"), 1e-9);
    // times per operation follow the load (3 and 10 times in two rounds); their median does not
    assertEquals(1000, Interleaved.max(r.cpu()[r.index("fast")]), 1e-9);
    assertEquals(100, r.medianCpu("fast"), 1e-9);
    assertEquals(2 * r.medianCpu("slow"), r.medianWall("slow"), 100);
  }

  @Test
  void eachPassLastsAtLeastTheMinimumAfterTheWarmUp() throws Exception {
    FakeClock clock = new FakeClock();
    int[] calls = {0};
    Interleaved.Result r = Interleaved.measure(List.of(new Interleaved.Candidate("one", () -> {
      calls[0]++;
      clock.work(1000, 0);
      return Interleaved.Pass.of(1, 0);
    })), 2, 3, 10_000, clock, null);
    // a pass of 1,000 ns of CPU takes 2,000 ns of wall time: 5 repeats make 10,000
    assertArrayEquals(new int[] {5}, r.repeats());
    assertEquals(2 + 3 * 5, calls[0]);
    assertEquals(1000, r.medianCpu("one"), 1e-9);
  }

  @Test
  void printsTimesAndRatios() throws Exception {
    FakeClock clock = new FakeClock();
    Interleaved.Result r = Interleaved.measure(List.of(
        new Interleaved.Candidate("a", () -> {
          clock.work(2000, 1024);
          return Interleaved.Pass.of(1, 0);
        }),
        new Interleaved.Candidate("b", () -> {
          clock.work(1000, 0);
          return Interleaved.Pass.of(1, 0);
        })), 1, 3, 1, clock, null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Interleaved.print(r, List.of(new Interleaved.Comparison("a over b", "a", "b", false),
        new Interleaved.Comparison("b as a share of a", "a", "b", true)), new PrintStream(bytes, true,
            StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("a over b: CPU 2.00x [2.00..2.00], wall 2.00x [2.00..2.00]"), text);
    assertTrue(text.contains("b as a share of a: CPU 200.0 % [200.0..200.0]"), text);
    assertTrue(text.lines().anyMatch(l -> l.matches("a +2\\.000 +4\\.000 +1\\.00 +1")), text);
  }

  @Test
  void refusesWorkThatDoesNothing() {
    FakeClock clock = new FakeClock();
    assertThrows(IllegalStateException.class, () -> Interleaved.measure(List.of(
        new Interleaved.Candidate("idle", () -> Interleaved.Pass.of(0, 0))), 1, 1, 1, clock, null));
    assertThrows(IllegalArgumentException.class, () -> Interleaved.measure(List.of(), 1, 1, 1, clock, null));
  }

  @Test
  void medianOfEvenAndOddCounts() {
    assertEquals(2, Interleaved.median(new double[] {3, 1, 2}), 0);
    assertEquals(2.5, Interleaved.median(new double[] {4, 1, 3, 2}), 0);
  }
}
