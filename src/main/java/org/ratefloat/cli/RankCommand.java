package org.ratefloat.cli;

import org.ratefloat.text.Message;

import org.ratefloat.text.Language;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.io.OutputFile;
import org.ratefloat.ranking.Grouping;
import org.ratefloat.ranking.Ranking;
import org.ratefloat.ranking.RankingCsv;
import org.ratefloat.ranking.RankingDefinition;
import org.ratefloat.ranking.RankingJson;
import org.ratefloat.ranking.RankingResult;
import org.ratefloat.ranking.RankingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ratefloat rank}: the monthly accident ranking of key-industry employers. */
@Command(name = "rank", mixinStandardHelpOptions = true,
    description = "Rank the key-industry employers of a portfolio (monthly periods) for a month, by a ranking "
        + "definition: province-wide, by city or by key industry; print the lists as JSON (or CSV with --out "
        + "F.csv, Chinese with a byte-order mark with --lang zh). Only employers that reach the definition's "
        + "listing threshold (an accident in the month) are listed, at most N a list. With --list-industries, "
        + "print which industry codes the definition counts. Exit 7 when some employers are refused (0 with "
        + "--allow-errors), 3 when no employer has the month.")
final class RankCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--definition", required = true, paramLabel = "FILE|ID",
      description = "the ranking definition: a file, or the id of a bundled one (e.g. cn-hn-key-industries)")
  TableReference definition;

  /** Not the shared mixin: {@code --in} is required here only without {@code --list-industries}. */
  @Option(names = "--in", paramLabel = "FILE", description = PortfolioOption.DESCRIPTION)
  Path in;

  @Option(names = "--month", paramLabel = "YYYY-MM", description = "the month ranked")
  YearMonth month;

  @Option(names = "--previous-month", paramLabel = "YYYY-MM",
      description = "the month whose lists entered and left employers are taken against (default: the month "
          + "before, where the portfolio holds it)")
  YearMonth previousMonth;

  @Option(names = "--by", defaultValue = "province", paramLabel = "province|city|industry",
      description = "one list for the province, one per city (市州, by the employers' regions) or one per key "
          + "industry (default: ${DEFAULT-VALUE})")
  String by;

  @Option(names = "--top", paramLabel = "N", description = "how many a list holds at most, 1 to 1,000,000 "
      + "(default: the definition's)")
  Integer top;

  @Option(names = "--out", paramLabel = "FILE", description = "write here (.json or .csv) instead of printing JSON")
  Path out;

  @Mixin
  LanguageOption lang;

  @Option(names = "--list-industries", description = "print the key industries' codes with their names, and stop")
  boolean listIndustries;

  @Mixin
  Refusals refusals;

  /** Every file the run reads: the definition's files (and those of the documents it names) and the portfolio. */
  private List<Path> reads(RankingDefinition loaded) {
    List<Path> reads = new java.util.ArrayList<>(loaded.files());
    reads.add(in);
    return reads;
  }

  @Override
  public Integer call() throws Exception {
    boolean chinese = lang.get() == Language.ZH;
    if (listIndustries) {
      for (String option : List.of("--in", "--month", "--previous-month", "--by", "--top", "--out", "--allow-errors")) {
        if (Usage.given(spec, option)) {
          throw Usage.invalidBy(spec, option, "usage.notWith", "option", "--list-industries");
        }
      }
      spec.commandLine().getOut().print(Ranking.industries(Ranking.load(definition.name()), chinese));
      return Main.OK;
    }
    if (in == null) {
      throw Usage.missingBy(spec, "--in", "usage.rank.in");
    }
    if (month == null) {
      throw Usage.missingBy(spec, "--month", "usage.rank.month");
    }
    PortfolioOption.check(spec, in);
    Usage.extension(spec, "--out", out, ".json", ".csv");
    boolean csv = out != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    Grouping grouping = Grouping.byJsonName(by).orElseThrow(() -> Usage.invalid(spec, "--by",
        "must be province, city or industry: " + by));
    if (top != null) {
      Usage.inRange(spec, "--top", top, 1, 1_000_000);
    }
    if (previousMonth != null && !previousMonth.isBefore(month)) {
      throw Usage.invalidBy(spec, "--previous-month", "usage.rank.previousMonth", "month", month, "previous", previousMonth);
    }
    RankingDefinition loaded = Ranking.load(definition.name());
    if (grouping == Grouping.CITY && loaded.regions().isEmpty()) {
      throw Usage.invalid(spec, "--by", "ranking " + loaded.id() + " names no regions, so it cannot list by city");
    }
    int n = top == null ? loaded.top() : top;
    RankingRun run = new RankingRun(loaded, month, Optional.ofNullable(previousMonth), grouping, n);
    long[] records = {0};
    RankingResult result;
    // the output is checked and opened before the portfolio is read
    try (OutputFile file = out == null ? null : OutputFile.create(out, reads(loaded))) {
      org.ratefloat.batch.Batch.read(in, c -> {
        records[0]++;
        try {
          run.add(c);
        } catch (RateFloatException e) {
          run.refused(e.code());
          refusals.add(e);
        }
      }, (line, e) -> {
        records[0]++;
        run.refused(e.code());
        refusals.add(e);
      });
      result = run.build();
      for (YearMonth m : previousMonth == null ? List.of(month) : List.of(month, previousMonth)) {
        if (run.eligible(m) == 0) {
          throw Outcome.nothingComputed("error.IN041.rank", Outcome.with(Outcome.counts(records[0],
              refusals.counts()), "month", m));
        }
      }
      if (file != null) {
        file.write(csv ? RankingCsv.csv(result, chinese).getBytes(StandardCharsets.UTF_8) : RankingJson.json(result));
        file.commit();
      } else {
        spec.commandLine().getOut().print(new String(RankingJson.json(result), StandardCharsets.UTF_8));
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    long listed = result.groups().stream().mapToLong(g -> g.listed().size()).sum();
    err.println(Message.of("summary.rank", "month", month, "eligible", result.eligible(), "skipped", result.skipped(),
        "candidates", result.candidates(), "listed", listed, "lists", result.groups().size(), "top", n,
        "refused", refusals.total()).in(lang.get()));
    Ranking.leftOutAtCut(result, lang.get().locale()).forEach(line -> err.println(org.ratefloat.text.Printable.escape("  " + line)));
    refusals.print(err, "summary.refused", lang.get());
    return refusals.exitCode();
  }
}
