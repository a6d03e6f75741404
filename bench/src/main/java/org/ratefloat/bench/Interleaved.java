package org.ratefloat.bench;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A measurement that resists a shared, noisy machine. The candidates run interleaved, round after
 * round (each round in a rotated order, so that none always runs first or after the same one); each
 * pass is charged the CPU time of its own thread (ThreadMXBean), plus the CPU time its helper threads
 * report, as well as its wall time. What counts are the ratios between candidates taken within
 * each round, where all of them met the same load, and their median over the rounds; the median
 * times per operation are shown too. Warm-up rounds (for the JIT) are run and discarded, and set how
 * many times each candidate repeats its work per pass so that every pass lasts at least a minimum.
 */
final class Interleaved {
  /** Where the time of the calling thread is read. */
  interface Clock {
    long cpuNanos();

    long wallNanos();

    /** Bytes allocated by the calling thread so far (0 if the JVM cannot tell). */
    long allocatedBytes();
  }

  /**
   * One pass of a candidate's work.
   *
   * @param ops how many operations (decisions, records) it did
   * @param helperCpuNanos CPU time spent by other threads on its behalf during the pass
   * @param helperAllocatedBytes bytes allocated by those threads
   * @param checksum something computed from the results, so that no work can be optimised away
   */
  record Pass(long ops, long helperCpuNanos, long helperAllocatedBytes, long checksum) {
    static Pass of(long ops, long checksum) {
      return new Pass(ops, 0, 0, checksum);
    }
  }

  /** A named piece of work; {@code run} does it once on the calling thread. */
  record Candidate(String name, Work work) {
    Candidate {
      requireNonNull(name, "name");
      requireNonNull(work, "work");
    }
  }

  /** The work of a candidate. */
  @FunctionalInterface
  interface Work {
    Pass run() throws Exception;
  }

  /** Per candidate and measured round: CPU and wall nanoseconds and bytes allocated, per operation. */
  record Result(List<String> names, double[][] cpu, double[][] wall, double[][] allocated, int[] repeats) {
    int index(String name) {
      int i = names.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException("no candidate " + name + " among " + names);
      }
      return i;
    }

    double medianCpu(String name) {
      return median(cpu[index(name)]);
    }

    double medianWall(String name) {
      return median(wall[index(name)]);
    }

    double medianAllocated(String name) {
      return median(allocated[index(name)]);
    }

    /** Per round: time of {@code numerator} / time of {@code denominator} (CPU or wall). */
    double[] ratios(String numerator, String denominator, boolean cpuTime) {
      double[][] t = cpuTime ? cpu : wall;
      double[] a = t[index(numerator)];
      double[] b = t[index(denominator)];
      double[] r = new double[a.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = a[i] / b[i];
      }
      return r;
    }
  }

  /** A ratio to report: time of {@code numerator} / time of {@code denominator}, as a factor or a percentage. */
  record Comparison(String label, String numerator, String denominator, boolean percent) {}

  private static volatile long sink;

  private Interleaved() {}

  /** The calling thread's CPU time, wall time and allocation. */
  static Clock currentThread() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (!bean.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
    }
    if (!bean.isThreadCpuTimeEnabled()) {
      bean.setThreadCpuTimeEnabled(true);
    }
    com.sun.management.ThreadMXBean sun = bean instanceof com.sun.management.ThreadMXBean s
        && s.isThreadAllocatedMemorySupported() ? s : null;
    return new Clock() {
      @Override
      public long cpuNanos() {
        return bean.getCurrentThreadCpuTime();
      }

      @Override
      public long wallNanos() {
        return System.nanoTime();
      }

      @Override
      public long allocatedBytes() {
        return sun == null ? 0 : sun.getCurrentThreadAllocatedBytes();
      }
    };
  }

  /**
   * Runs {@code warmup} discarded rounds, then {@code rounds} measured ones.
   *
   * @param minPassNanos after the warm-up, each candidate repeats its work within a pass until the
   *     pass lasts about this long (judged by its last warm-up pass)
   * @param log told of each round, or null
   */
  static Result measure(List<Candidate> candidates, int warmup, int rounds, long minPassNanos, Clock clock,
      PrintStream log) throws Exception {
    if (candidates.isEmpty() || warmup < 1 || rounds < 1) {
      throw new IllegalArgumentException("need candidates, at least one warm-up round and one round");
    }
    int n = candidates.size();
    int[] repeats = new int[n];
    Arrays.fill(repeats, 1);
    double[][] cpu = new double[n][rounds];
    double[][] wall = new double[n][rounds];
    double[][] allocated = new double[n][rounds];
    for (int round = 0; round < warmup + rounds; round++) {
      boolean measured = round >= warmup;
      StringBuilder line = new StringBuilder(measured ? "round " + (round - warmup + 1) : "warm-up " + (round + 1));
      for (int k = 0; k < n; k++) {
        int c = (round + k) % n;
        long ops = 0;
        long helperCpu = 0;
        long helperAllocated = 0;
        long checksum = 0;
        long cpu0 = clock.cpuNanos();
        long alloc0 = clock.allocatedBytes();
        long wall0 = clock.wallNanos();
        for (int rep = 0; rep < repeats[c]; rep++) {
          Pass p = candidates.get(c).work().run();
          ops += p.ops();
          helperCpu += p.helperCpuNanos();
          helperAllocated += p.helperAllocatedBytes();
          checksum += p.checksum();
        }
        long wallNanos = clock.wallNanos() - wall0;
        long cpuNanos = clock.cpuNanos() - cpu0 + helperCpu;
        long allocatedBytes = clock.allocatedBytes() - alloc0 + helperAllocated;
        sink += checksum;
        if (ops <= 0) {
          throw new IllegalStateException(candidates.get(c).name() + " did no work");
        }
        if (measured) {
          cpu[c][round - warmup] = (double) cpuNanos / ops;
          wall[c][round - warmup] = (double) wallNanos / ops;
          allocated[c][round - warmup] = (double) allocatedBytes / ops;
        } else if (round == warmup - 1) {
          repeats[c] = (int) Math.max(1, Math.min(1_000_000, Math.ceil((double) minPassNanos
              / Math.max(1, wallNanos) * repeats[c])));
        }
        line.append(String.format(Locale.ROOT, "  %s %.3f us", candidates.get(c).name(), cpuNanos / 1e3 / ops));
      }
      if (log != null) {
        log.println(line);
      }
    }
    List<String> names = new ArrayList<>();
    candidates.forEach(c -> names.add(c.name()));
    return new Result(List.copyOf(names), cpu, wall, allocated, repeats);
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }

  /** The times per operation and the comparisons, as a plain-text table. */
  static void print(Result r, List<Comparison> comparisons, PrintStream out) {
    out.printf(Locale.ROOT, "%-28s %14s %14s %14s %8s%n", "candidate", "CPU us/op", "wall us/op", "KB alloc/op",
        "repeats");
    for (int i = 0; i < r.names().size(); i++) {
      String name = r.names().get(i);
      out.printf(Locale.ROOT, "%-28s %14.3f %14.3f %14.2f %8d%n", name, r.medianCpu(name) / 1e3,
          r.medianWall(name) / 1e3, r.medianAllocated(name) / 1024, r.repeats()[i]);
    }
    out.println("(medians over " + r.cpu()[0].length + " rounds)");
    for (Comparison c : comparisons) {
      double[] cpu = r.ratios(c.numerator(), c.denominator(), true);
      double[] wall = r.ratios(c.numerator(), c.denominator(), false);
      out.println(c.label() + ": CPU " + show(cpu, c.percent()) + ", wall " + show(wall, c.percent()));
    }
  }

  /** Median of per-round ratios, with the lowest and highest. */
  private static String show(double[] ratios, boolean percent) {
    return percent
        ? String.format(Locale.ROOT, "%.1f %% [%.1f..%.1f]", 100 * median(ratios), 100 * min(ratios), 100 * max(ratios))
        : String.format(Locale.ROOT, "%.2fx [%.2f..%.2f]", median(ratios), min(ratios), max(ratios));
  }

  /** The machine and its load, for the record of a run. */
  static String machine() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return String.format(Locale.ROOT, "%d processors, load average %.2f, %s %s, %s", os.getAvailableProcessors(),
        os.getSystemLoadAverage(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
        System.getProperty("os.name"));
  }
}
