package org.ratefloat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.kie.dmn.api.core.DMNResult;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.batch.Batch;
import org.ratefloat.decision.Decision;
import org.ratefloat.model.RatingCase;

/**
 * The interleaved harness (see {@link Interleaved}): run from the top of the repository,
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.ratefloat.bench.Harness decide|batch|stages [--rounds N]
 *     [--warmup N] [--employers N] [--pass-ms N]
 * </pre>
 *
 * <ul>
 *   <li>{@code decide}: one Hangzhou decision by ratefloat ({@code decide}, and with its record),
 *       Drools DMN (hangzhou.dmn) and the hand-coded decision, on the same employers, after checking
 *       that all agree on each of them;
 *   <li>{@code batch}: a portfolio file through {@code Batch.run} with one worker thread (the caller
 *       thread reads and writes; the CPU time of both is charged) and with one worker per processor,
 *       against a bare Jackson {@code readTree} of each line of the same file on one thread;
 *   <li>{@code stages}: the cost of each stage of a batch record (see {@link Stages}) and of the
 *       whole record, against a bare {@code readTree} of the same line.
 * </ul>
 */
public final class Harness {
  private static final ObjectMapper BARE = new ObjectMapper();

  /** The options of a run. */
  record Options(String mode, int rounds, int warmup, int employers, long passNanos) {
    static Options parse(String... args) {
      if (args.length == 0) {
        throw new IllegalArgumentException("usage: Harness decide|batch|stages [--rounds N] [--warmup N]"
            + " [--employers N] [--pass-ms N]");
      }
      String mode = args[0];
      int rounds = 15;
      // on two cores the JIT needs about ten rounds to finish compiling the hand-coded peers
      int warmup = 10;
      int employers = switch (mode) {
        case "decide" -> 6000;
        case "batch" -> 20_000;
        case "stages" -> 5000;
        default -> throw new IllegalArgumentException("unknown mode " + mode + "; decide, batch or stages");
      };
      long passMs = 200;
      for (int i = 1; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        int value = Integer.parseInt(args[i + 1]);
        if (value < 1) {
          throw new IllegalArgumentException(args[i] + " must be at least 1");
        }
        switch (args[i]) {
          case "--rounds" -> rounds = value;
          case "--warmup" -> warmup = value;
          case "--employers" -> employers = value;
          case "--pass-ms" -> passMs = value;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(mode, rounds, warmup, employers, passMs * 1_000_000);
    }
  }

  private Harness() {}

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    run(o, System.out);
  }

  static Interleaved.Result run(Options o, PrintStream out) throws Exception {
    out.println("before: " + Interleaved.machine());
    Interleaved.Result r = switch (o.mode()) {
      case "decide" -> decide(o, out);
      case "batch" -> batch(o, out);
      default -> stages(o, out);
    };
    out.println("after:  " + Interleaved.machine());
    return r;
  }

  // ------------------------------------------------------------------ decide

  static Interleaved.Result decide(Options o, PrintStream out) throws Exception {
    Inputs inputs = Inputs.portfolio(o.employers(), 11);
    List<Inputs.Employer> timed = inputs.decidable.subList(0, Math.min(4096, inputs.decidable.size()));
    HangzhouDmn dmn = new HangzhouDmn();
    HandCodedHangzhou hand = Agreement.handCoded(inputs.hangzhou);
    Agreement.requireOnDecidable(inputs, dmn, hand);
    RuleTable table = inputs.hangzhou;
    List<RatingCase> cases = timed.stream().map(Inputs.Employer::input).toList();
    List<Inputs.DmnInput> dmnInputs = timed.stream().map(e -> e.dmn().orElseThrow()).toList();
    // the same employers with the Hunan table: those it decides, on which the hand-coded Hunan agrees
    RuleTable hunan = RateFloat.loadTable(Portfolio.HUNAN);
    HandCodedHunan handHunan = Agreement.handCodedHunan(hunan);
    List<RatingCase> hunanCases = new ArrayList<>();
    for (Inputs.Employer e : inputs.employers) {
      Outcome reference = Agreement.ratefloat(hunan, e.input());
      if (!reference.agrees(handHunan.outcome(e.input()))) {
        throw new IllegalStateException("the Hunan deciders disagree on " + e.input().employer().id());
      }
      if (reference.isDecided() && hunanCases.size() < timed.size()) {
        hunanCases.add(e.input());
      }
    }
    // NCCI's experience rating: the two example employers, decided in turn
    RuleTable ncci = RateFloat.loadTable(java.nio.file.Path.of("rules/us-ncci-mod.json"));
    List<RatingCase> ncciCases = new ArrayList<>();
    for (int i = 0; i < timed.size(); i++) {
      String name = i % 2 == 0 ? "clerical-office.json" : "multi-class-contractor.json";
      ncciCases.add(RateFloat.readCase(Files.readAllBytes(Path.of("examples/us-ncci-mod", name))));
    }
    ncci.decide(ncciCases.get(0));
    ncci.decide(ncciCases.get(1));
    out.println("decide: " + timed.size() + " Hangzhou employers (of " + inputs.employers.size()
        + " generated), on which ratefloat, the DMN model and the hand-coded decision agree; " + hunanCases.size()
        + " Hunan employers, on which ratefloat and the hand-coded Hunan decision agree");
    List<Interleaved.Candidate> candidates = List.of(
        new Interleaved.Candidate("ratefloat decide", () -> {
          long sum = 0;
          for (RatingCase c : cases) {
            sum += table.decide(c).newBand().offset();
          }
          return Interleaved.Pass.of(cases.size(), sum);
        }),
        new Interleaved.Candidate("ratefloat decide + record", () -> {
          long sum = 0;
          for (RatingCase c : cases) {
            sum += RateFloat.toJson(table.decide(c)).length;
          }
          return Interleaved.Pass.of(cases.size(), sum);
        }),
        new Interleaved.Candidate("Drools DMN", () -> {
          long sum = 0;
          for (Inputs.DmnInput in : dmnInputs) {
            DMNResult r = dmn.evaluate(in);
            sum += r.getDecisionResults().size();
          }
          return Interleaved.Pass.of(dmnInputs.size(), sum);
        }),
        new Interleaved.Candidate("hand-coded", () -> {
          long sum = 0;
          for (RatingCase c : cases) {
            sum += hand.decide(c).band();
          }
          return Interleaved.Pass.of(cases.size(), sum);
        }),
        new Interleaved.Candidate("ratefloat decide Hunan", () -> {
          long sum = 0;
          for (RatingCase c : hunanCases) {
            sum += hunan.decide(c).newBand().offset();
          }
          return Interleaved.Pass.of(hunanCases.size(), sum);
        }),
        new Interleaved.Candidate("hand-coded Hunan", () -> {
          long sum = 0;
          for (RatingCase c : hunanCases) {
            sum += handHunan.decide(c).band();
          }
          return Interleaved.Pass.of(hunanCases.size(), sum);
        }),
        new Interleaved.Candidate("ratefloat decide NCCI", () -> {
          long sum = 0;
          for (RatingCase c : ncciCases) {
            sum += ncci.decide(c).newBand().offset();
          }
          return Interleaved.Pass.of(ncciCases.size(), sum);
        }));
    Interleaved.Result r = Interleaved.measure(candidates, o.warmup(), o.rounds(), o.passNanos(),
        Interleaved.currentThread(), out);
    Interleaved.print(r, List.of(
        new Interleaved.Comparison("ratefloat decide is this many times as fast as Drools DMN (target >= 30x)",
            "Drools DMN", "ratefloat decide", false),
        new Interleaved.Comparison("ratefloat decide takes this many times the hand-coded decision (target <= 2x)",
            "ratefloat decide", "hand-coded", false),
        new Interleaved.Comparison("ratefloat decide Hunan takes this many times the hand-coded Hunan (target <= 2x)",
            "ratefloat decide Hunan", "hand-coded Hunan", false),
        new Interleaved.Comparison("an NCCI decision takes this many times a Hunan one (target <= 2x)",
            "ratefloat decide NCCI", "ratefloat decide Hunan", false),
        new Interleaved.Comparison("ratefloat decide + record is this many times as fast as Drools DMN",
            "Drools DMN", "ratefloat decide + record", false)), out);
    out.printf(Locale.ROOT, "allocation, ratefloat / hand-coded (target <= 2x): Hangzhou %.2fx, Hunan %.2fx%n",
        r.medianAllocated("ratefloat decide") / r.medianAllocated("hand-coded"),
        r.medianAllocated("ratefloat decide Hunan") / r.medianAllocated("hand-coded Hunan"));
    return r;
  }

  // ------------------------------------------------------------------ batch

  /**
   * The CPU time and allocation of the batch's worker threads. Each worker samples its own counters
   * after every decision it makes; a worker is a new thread (its counters start at zero), so its last
   * sample is what it spent, short of encoding its very last record. Sampling costs well under a
   * microsecond a record, charged to the batch.
   */
  static final class Workers {
    private final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    private final com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) bean;
    private final Map<Long, long[]> current = new ConcurrentHashMap<>();
    private final Set<Long> earlier = new HashSet<>();

    Function<byte[], Decision> wrap(Function<byte[], Decision> decide) {
      return c -> {
        try {
          return decide.apply(c);
        } finally {
          sample();
        }
      };
    }

    private void sample() {
      long[] s = current.computeIfAbsent(Thread.currentThread().getId(), id -> {
        if (earlier.contains(id)) {
          throw new IllegalStateException("the batch reused worker thread " + id
              + "; this accounting assumes new threads for each run");
        }
        return new long[2];
      });
      s[0] = bean.getCurrentThreadCpuTime();
      s[1] = sun.getCurrentThreadAllocatedBytes();
    }

    /** What the workers of the last run spent: {CPU nanoseconds, bytes allocated}; starts a new run. */
    long[] collect() {
      long cpu = 0;
      long allocated = 0;
      for (long[] s : current.values()) {
        cpu += s[0];
        allocated += s[1];
      }
      earlier.addAll(current.keySet());
      current.clear();
      return new long[] {cpu, allocated};
    }
  }

  static Interleaved.Result batch(Options o, PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("ratefloat-harness");
    try {
      Path in = Portfolio.write(dir.resolve("portfolio.ndjson"), Portfolio.lines(o.employers(), 5));
      Path result = dir.resolve("decisions.ndjson");
      Path leanResult = dir.resolve("lean-decisions.ndjson");
      RuleTable table = RateFloat.loadTable(Portfolio.HUNAN);
      int cores = Runtime.getRuntime().availableProcessors();
      Workers workers = new Workers();
      out.println("batch: " + o.employers() + " employers, Hunan table, " + Files.size(in) + " bytes of NDJSON");
      List<Interleaved.Candidate> candidates = new ArrayList<>();
      candidates.add(new Interleaved.Candidate("batch, 1 worker", () -> runBatch(table, in, result, 1, false, workers)));
      candidates.add(new Interleaved.Candidate("batch lean, 1 worker",
          () -> runBatch(table, in, leanResult, 1, true, workers)));
      if (cores > 1) {
        candidates.add(new Interleaved.Candidate("batch, " + cores + " workers",
            () -> runBatch(table, in, result, cores, false, workers)));
      }
      candidates.add(new Interleaved.Candidate("bare readTree", () -> {
        long nodes = 0;
        long lines = 0;
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
          String line;
          while ((line = r.readLine()) != null) {
            nodes += BARE.readTree(line).size();
            lines++;
          }
        }
        return Interleaved.Pass.of(lines, nodes);
      }));
      Interleaved.Result r = Interleaved.measure(candidates, o.warmup(), o.rounds(), o.passNanos(),
          Interleaved.currentThread(), out);
      List<Interleaved.Comparison> comparisons = new ArrayList<>();
      comparisons.add(new Interleaved.Comparison("batch per core, as a share of the bare parse (target >= 40 %,"
          + " a record <= 2.5 bare parses)", "bare readTree", "batch, 1 worker", true));
      comparisons.add(new Interleaved.Comparison("lean batch per core, as a share of the bare parse (target >= 50 %,"
          + " a record <= 2 bare parses)", "bare readTree", "batch lean, 1 worker", true));
      if (cores > 1) {
        // wall time of one worker over that of several: their throughput's ratio
        comparisons.add(new Interleaved.Comparison(cores + " workers' throughput over 1 worker's (target >= 1.6x on 2)",
            "batch, 1 worker", "batch, " + cores + " workers", false));
        comparisons.add(new Interleaved.Comparison("batch on " + cores + " workers, as a share of one bare parse"
            + " (CPU: per core; wall: throughput)", "bare readTree", "batch, " + cores + " workers", true));
      }
      Interleaved.print(r, comparisons, out);
      out.printf(Locale.ROOT, "output: %.0f bytes a record (lean: %.0f) for %.0f bytes of input%n",
          (double) Files.size(result) / o.employers(), (double) Files.size(leanResult) / o.employers(),
          (double) Files.size(in) / o.employers());
      return r;
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  private static Interleaved.Pass runBatch(RuleTable table, Path in, Path out, int threads, boolean lean,
      Workers workers) throws IOException {
    Batch.Summary s = Batch.run(workers.wrap(table::decide), in, out,
        new Batch.Options(threads, Batch.Format.NDJSON, Batch.Format.NDJSON, false, lean), null);
    long[] spent = workers.collect();
    return new Interleaved.Pass(s.records(), spent[0], spent[1], s.decided());
  }

  // ------------------------------------------------------------------ stages

  static Interleaved.Result stages(Options o, PrintStream out) throws Exception {
    RuleTable table = RateFloat.loadTable(Portfolio.HUNAN);
    List<byte[]> lines = new ArrayList<>();
    List<byte[]> canonicals = new ArrayList<>();
    List<JsonNode> trees = new ArrayList<>();
    List<RatingCase> cases = new ArrayList<>();
    List<Decision> decisions = new ArrayList<>();
    long inBytes = 0;
    long outBytes = 0;
    int refused = 0;
    for (byte[] line : Portfolio.lines(o.employers(), 5)) {
      try {
        JsonNode tree = Stages.parse(line);
        RatingCase c = Stages.read(line);
        Decision d = Stages.decide(table, line);
        outBytes += Stages.write(lines.size() + 1, d).length;
        inBytes += line.length + 1;
        lines.add(line);
        canonicals.add(Stages.canonical(line));
        trees.add(tree);
        cases.add(c);
        decisions.add(d);
      } catch (RateFloatException e) {
        refused++;
      }
    }
    int n = lines.size();
    out.printf(Locale.ROOT, "stages: %d decided records of the Hunan batch (%d refused, left out), %.0f bytes of"
        + " input and %.0f bytes of output a record%n", n, refused, (double) inBytes / n, (double) outBytes / n);
    List<Interleaved.Candidate> candidates = List.of(
        new Interleaved.Candidate("bare readTree", () -> {
          long sum = 0;
          for (byte[] line : lines) {
            sum += BARE.readTree(line).size();
          }
          return Interleaved.Pass.of(n, sum);
        }),
        new Interleaved.Candidate("read", () -> {
          long sum = 0;
          for (byte[] line : lines) {
            sum += Stages.read(line).history().size();
          }
          return Interleaved.Pass.of(n, sum);
        }),
        new Interleaved.Candidate("tree parse", () -> {
          long sum = 0;
          for (byte[] line : lines) {
            sum += Stages.parse(line).size();
          }
          return Interleaved.Pass.of(n, sum);
        }),
        new Interleaved.Candidate("tree validate", () -> {
          long sum = 0;
          for (JsonNode tree : trees) {
            sum += Stages.validate(tree).history().size();
          }
          return Interleaved.Pass.of(n, sum);
        }),
        new Interleaved.Candidate("decide", () -> {
          long sum = 0;
          for (RatingCase c : cases) {
            sum += Stages.decide(table, c).newBand().offset();
          }
          return Interleaved.Pass.of(n, sum);
        }),
        new Interleaved.Candidate("input hash", () -> {
          long sum = 0;
          for (byte[] canonical : canonicals) {
            sum += Stages.inputHash(canonical).charAt(0);
          }
          return Interleaved.Pass.of(n, sum);
        }),
        new Interleaved.Candidate("write", () -> {
          long sum = 0;
          for (int i = 0; i < n; i++) {
            sum += Stages.write(i + 1, decisions.get(i)).length;
          }
          return Interleaved.Pass.of(n, sum);
        }),
        new Interleaved.Candidate("whole record", () -> {
          long sum = 0;
          for (int i = 0; i < n; i++) {
            sum += Stages.record(table, i + 1, lines.get(i)).length;
          }
          return Interleaved.Pass.of(n, sum);
        }));
    Interleaved.Result r = Interleaved.measure(candidates, o.warmup(), o.rounds(), o.passNanos(),
        Interleaved.currentThread(), out);
    Interleaved.print(r, List.of(
        new Interleaved.Comparison("whole record, as a share of the bare parse's throughput (one thread, no I/O)",
            "bare readTree", "whole record", true),
        new Interleaved.Comparison("read (bytes to the model, one pass), as a share of the bare parse's throughput",
            "bare readTree", "read", true)), out);
    String[] stages = {"read", "decide", "input hash", "write"};
    double sum = 0;
    for (String s : stages) {
      sum += r.medianCpu(s);
    }
    out.printf(Locale.ROOT, "%n%-14s %12s %8s %12s%n", "stage", "CPU us/rec", "share", "KB alloc/rec");
    for (String s : stages) {
      out.printf(Locale.ROOT, "%-14s %12.2f %7.0f%% %12.1f%n", s, r.medianCpu(s) / 1e3, 100 * r.medianCpu(s) / sum,
          r.medianAllocated(s) / 1024);
    }
    out.printf(Locale.ROOT, "%-14s %12.2f %8s%n", "sum of stages", sum / 1e3, "");
    out.printf(Locale.ROOT, "%-14s %12.2f %8s %12.1f%n", "whole record", r.medianCpu("whole record") / 1e3, "",
        r.medianAllocated("whole record") / 1024);
    out.printf(Locale.ROOT, "%-14s %12.2f %8s %12.1f%n", "bare readTree", r.medianCpu("bare readTree") / 1e3, "",
        r.medianAllocated("bare readTree") / 1024);
    // the tree path (decision records' input, CSV rows, the reader that reports faults), for comparison
    for (String s : List.of("tree parse", "tree validate")) {
      out.printf(Locale.ROOT, "%-14s %12.2f %8s %12.1f%n", s, r.medianCpu(s) / 1e3, "", r.medianAllocated(s) / 1024);
    }
    return r;
  }
}
