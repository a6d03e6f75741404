package org.ratefloat.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.io.OutputFile;
import org.ratefloat.ranking.Ranking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ratefloat rank}: the monthly accident ranking of key-industry employers. */
@Command(name = "rank", mixinStandardHelpOptions = true,
    description = "Rank the key-industry employers of a portfolio (NDJSON, monthly periods) for a month, by a "
        + "ranking definition; print the top N as JSON (or CSV with --out F.csv). Exit 7 when some employers "
        + "are refused (0 with --allow-errors), 3 when no employer has the month.")
final class RankCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--definition", required = true, paramLabel = "FILE|ID",
      description = "the ranking definition: a file, or the id of a bundled one (e.g. cn-hn-key-industries)")
  Path definition;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "the portfolio, .ndjson or .csv")
  Path in;

  @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the month ranked")
  YearMonth month;

  @Option(names = "--previous-month", paramLabel = "YYYY-MM", description = "also list who entered and left the top N")
  YearMonth previousMonth;

  @Option(names = "--top", paramLabel = "N", description = "how many, 1 to 1,000,000 (default: the definition's)")
  Integer top;

  @Option(names = "--out", paramLabel = "FILE", description = "write here (.json or .csv) instead of printing JSON")
  Path out;

  @Option(names = "--allow-errors", description = "exit 0, not 7, when some employers are refused")
  boolean allowErrors;

  /** Every file the run reads: the definition's files (its classification too) and the portfolio. */
  private List<Path> reads(Ranking.Loaded loaded) {
    List<Path> reads = new java.util.ArrayList<>(loaded.files());
    reads.add(in);
    return reads;
  }

  @Override
  public Integer call() throws Exception {
    Usage.extension(spec, "--in", in, ".ndjson", ".csv");
    Usage.extension(spec, "--out", out, ".json", ".csv");
    if (top != null) {
      Usage.inRange(spec, "--top", top, 1, 1_000_000);
    }
    if (previousMonth != null && !previousMonth.isBefore(month)) {
      throw Usage.invalid(spec, "--previous-month", "must come before --month " + month + ": " + previousMonth);
    }
    Ranking.Loaded loaded = Ranking.load(definition.toString());
    Ranking.Builder current = new Ranking.Builder(loaded, month);
    Ranking.Builder previous = previousMonth == null ? null : new Ranking.Builder(loaded, previousMonth);
    Map<String, Integer> errors = new TreeMap<>();
    long[] records = {0};
    Ranking.Result result;
    int n;
    // the output is checked and opened before the portfolio is read
    try (OutputFile file = out == null ? null : OutputFile.create(out, reads(loaded))) {
      org.ratefloat.batch.Batch.read(in, c -> {
        records[0]++;
        try {
          current.add(c);
          if (previous != null) {
            previous.add(c);
          }
        } catch (RateFloatException e) {
          errors.merge(e.code().name(), 1, Integer::sum);
        }
      }, (line, e) -> {
        records[0]++;
        errors.merge(e.code().name(), 1, Integer::sum);
      });
      result = current.build();
      Optional<Ranking.Result> before = previous == null ? Optional.empty() : Optional.of(previous.build());
      for (Ranking.Result r : before.isPresent() ? List.of(result, before.get()) : List.of(result)) {
        if (r.eligible() == 0) {
          throw Outcome.nothingComputed("no key-industry employer has a period for " + r.month() + " ("
              + Outcome.counts(records[0], "record", errors) + ", " + r.skipped() + " without that month)");
        }
      }
      n = top == null ? loaded.spec().top() : top;
      if (file != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
        file.write(Ranking.csv(result, n).getBytes(StandardCharsets.UTF_8));
        file.commit();
      } else if (file != null) {
        file.write(Ranking.json(result, n, before));
        file.commit();
      } else {
        spec.commandLine().getOut().print(new String(Ranking.json(result, n, before), StandardCharsets.UTF_8));
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "%s: %d eligible, %d without that month, top %d, %d refused%n", month, result.eligible(),
        result.skipped(), n, errors.values().stream().mapToInt(Integer::intValue).sum());
    errors.forEach((code, count) -> err.printf(Locale.ROOT, "  refused %s %d%n", code, count));
    return Outcome.exitCode(!errors.isEmpty(), allowErrors);
  }
}
