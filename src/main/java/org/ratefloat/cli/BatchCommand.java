package org.ratefloat.cli;

import org.ratefloat.text.Message;

import org.ratefloat.text.Language;

import org.ratefloat.text.Printable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ratefloat.RuleTable;
import org.ratefloat.batch.Batch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ratefloat batch}: decide a whole portfolio file. */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = "Decide every employer of a portfolio (NDJSON or CSV): one output record per input record, "
        + "in input order; the output file appears only when complete. A summary goes to stderr. "
        + "Exit 7 when some records are refused (0 with --allow-errors), 3 when none could be decided.")
final class BatchCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  LanguageOption lang;

  @Mixin
  TableOption rules;

  @Mixin
  PortfolioOption portfolio;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "decisions, .ndjson or .csv")
  Path out;

  @Option(names = "--threads", paramLabel = "N",
      description = "worker threads (default: the machine's cores; at most " + Batch.MAX_THREADS + ")")
  Integer threads;

  @Option(names = "--echo-input", description = "NDJSON decision records carry their input, as decide does")
  boolean echoInput;

  /** The kinds of NDJSON decision record a batch writes. */
  enum RecordKind { full, lean }

  @Option(names = "--record", defaultValue = "full", paramLabel = "full|lean",
      description = "NDJSON decision records: full (every indicator and step, as decide writes them) or lean "
          + "(the decision, the files used, the input's hash and the fired rows; verify and explain recompute "
          + "the rest); default: ${DEFAULT-VALUE}")
  RecordKind record;

  @Mixin
  Refusals refusals;

  @Option(names = "--thresholds", description = "NDJSON records also carry the thresholds of each employer's next "
      + "decision (as ratefloat thresholds --format json writes them), with the assumptions below")
  boolean thresholds;

  @Mixin
  NextOptions next;

  /** A count with thousands separated by commas, whatever the locale: {@code 12,345}. */
  static String grouped(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path in = portfolio.file();
    Usage.extension(spec, "--out", out, ".ndjson", ".csv");
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw Usage.invalidBy(spec, "--threads", "usage.atLeast", "min", 1, "value", n);
    }
    for (String option : List.of("--next-as-of", "--payroll", "--premiums", "--headcount", "--vary")) {
      Usage.requireWith(spec, option, "--thresholds");
    }
    if (record == RecordKind.lean && Batch.Format.of(out) == Batch.Format.CSV) {
      throw Usage.invalid(spec, "--record", "lean records are NDJSON (.ndjson); a CSV row is lean already");
    }
    if (thresholds && Batch.Format.of(out) == Batch.Format.CSV) {
      throw Usage.invalid(spec, "--thresholds", "written to NDJSON output only (.ndjson), not to CSV");
    }
    org.ratefloat.thresholds.NextPeriod assumptions = next.build(spec);
    RuleTable table = rules.load(in);
    long start = System.nanoTime();
    boolean terminal = System.console() != null;
    long[] lastShown = {0};
    Batch.Summary summary = Batch.run(table::decide, thresholds ? d -> table.thresholds(d, assumptions) : null, in, out,
        table.files(),
        new Batch.Options(n, Batch.Format.of(in), Batch.Format.of(out), echoInput, record == RecordKind.lean,
            lang.get()),
        (records, read, total) -> {
          long now = System.nanoTime();
          if (terminal && now - lastShown[0] > 1_000_000_000L) {
            lastShown[0] = now;
            long millis = Math.max(1, (now - start) / 1_000_000);
            long rate = records * 1000 / millis;
            long eta = read == 0 ? 0 : millis * (total - read) / read / 1000;
            err.print("\r" + progress(records, rate, eta, lang.get()) + "   ");
            err.flush();
          }
        });
    if (terminal) {
      err.println();
    }
    long refused = summary.records() - summary.decided();
    refusals.addAllSaid(summary.errors(), summary.examples());
    if (summary.decided() == 0) {
      throw Outcome.nothingComputed(summary.records() == 0 ? "error.IN041.batch" : "error.IN041.batch.where",
          Outcome.with(Outcome.counts(summary.records(), summary.errors()), "file", out));
    }
    long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
    Language l = lang.get();
    err.println(Printable.escape(Message.of("summary.batch", "file", out, "records", grouped(summary.records()),
        "seconds", millis / 1000 + "." + millis % 1000 / 100, "perSecond", grouped(summary.records() * 1000 / millis),
        "decided", grouped(summary.decided()), "refused", grouped(refused)).in(l)));
    for (Map.Entry<String, Long> e : summary.bands().entrySet()) {
      err.println("  " + Message.of("summary.batch.band", "band", String.format(java.util.Locale.ROOT, "%-22s", e.getKey()),
          "n", grouped(e.getValue())).in(l));
    }
    refusals.print(err, "summary.refused", l);
    return refusals.exitCode();
  }

  /**
   * The live progress line in a language: records done, records a second and the time still
   * needed, {@code 12,000 records, 3,100/s, ETA 1m4s} or 已处理 12,000 条，每秒 3,100 条，预计还需 1分4秒.
   */
  static String progress(long records, long rate, long etaSeconds, org.ratefloat.text.Language language) {
    String eta = Duration.ofSeconds(etaSeconds).toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    if (language == org.ratefloat.text.Language.ZH) {
      eta = eta.replace("h", "小时").replace("m", "分").replace("s", "秒");
    }
    return Message.of("batch.progress", "records", String.format(java.util.Locale.ROOT, "%,d", records), "rate",
        String.format(java.util.Locale.ROOT, "%,d", rate), "eta", eta).in(language);
  }
}
