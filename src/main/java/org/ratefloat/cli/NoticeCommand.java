package org.ratefloat.cli;

import org.ratefloat.text.Message;

import org.ratefloat.text.Language;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.io.OutputFile;
import org.ratefloat.model.RatingCase;
import org.ratefloat.notice.Notice;
import org.ratefloat.notice.ThresholdWords;
import org.ratefloat.text.Printable;
import org.ratefloat.thresholds.NextPeriod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratefloat notice}: the notice (告知书) for one employer or a whole portfolio. */
@Command(name = "notice", mixinStandardHelpOptions = true,
    description = "Write each employer's notice (告知书): a self-contained, print-ready HTML page (A4) with this "
        + "year's decision, its reasons and next year's thresholds, in Chinese by default. One case to one .html file; "
        + "a portfolio (--in) to one .html file, each notice on pages of its own, or to a directory, one file each. "
        + "Exit 7 when some employers are refused (0 with --allow-errors), 3 when none could be decided.")
final class NoticeCommand implements Callable<Integer> {
  /** Longest part of a file name taken from an employer id. */
  private static final int NAME_CHARS = 64;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  TableOption rules;

  @Option(names = "--in", paramLabel = "FILE", description = PortfolioOption.DESCRIPTION + " (instead of one case)")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "FILE.html|DIR",
      description = "the .html file to write, or (with --in) an existing directory: one file per employer")
  Path out;

  /** {@code --lang}; a notice is written for an employer, in Chinese unless told otherwise. */
  @Mixin
  LanguageOption lang;

  private ThresholdWords.Language words() {
    return ThresholdWords.Language.valueOf(lang.or(Language.ZH).tag());
  }

  @Mixin
  Refusals refusals;

  @Mixin
  NextOptions next;

  @Parameters(arity = "0..1", paramLabel = "CASE.json", description = "one employer's case")
  Path input;

  @Override
  public Integer call() throws Exception {
    if ((input == null) == (in == null)) {
      throw new Usage.Refusal(spec.commandLine(), input == null ? UsageCode.CL002 : UsageCode.CL003, "--in", "give one case (CASE.json) or a portfolio (--in), not "
          + (input == null ? "neither" : "both"));
    }
    boolean toDirectory = in != null && Files.isDirectory(out) && !out.toString().endsWith(".html");
    if (!toDirectory) {
      Usage.extension(spec, "--out", out, ".html");
    }
    if (in != null) {
      PortfolioOption.check(spec, in);
    }
    NextPeriod assumptions = next.build(spec);
    RuleTable table = rules.load(input != null ? input : in);
    // every file the run reads, also those the table pulls in, which no notice may be written over
    List<Path> inputs = new ArrayList<>(table.files());
    inputs.add(input != null ? input : in);
    if (input != null) {
      Notice.Entry entry = entry(table, RateFloat.readCase(input), assumptions);
      OutputFile.write(out, inputs, Notice.html(List.of(entry), table, words()).getBytes(StandardCharsets.UTF_8));
      return Main.OK;
    }
    long[] written = {0};
    long[] seen = {0};
    if (toDirectory) {
      org.ratefloat.batch.Batch.read(in, c -> {
        seen[0]++;
        Notice.Entry entry = decided(table, c, assumptions, refusals);
        if (entry != null) {
          Path file = out.resolve(fileName(seen[0], c.employer().id()));
          OutputFile.write(file, inputs, Notice.html(List.of(entry), table, words()).getBytes(StandardCharsets.UTF_8));
          written[0]++;
        }
      }, (line, e) -> {
        seen[0]++;
        refusals.add(e);
      });
    } else {
      try (OutputFile output = OutputFile.create(out, inputs)) {
        OutputStream stream = output.stream();
        stream.write(Notice.head(words(), "").getBytes(StandardCharsets.UTF_8));
        List<java.io.IOException> failed = new ArrayList<>();
        org.ratefloat.batch.Batch.read(in, c -> {
          Notice.Entry entry = decided(table, c, assumptions, refusals);
          if (entry != null && failed.isEmpty()) {
            try {
              stream.write(Notice.section(entry, table, words()).getBytes(StandardCharsets.UTF_8));
              written[0]++;
            } catch (java.io.IOException e) {
              failed.add(e);
            }
          }
        }, (line, e) -> refusals.add(e));
        if (!failed.isEmpty()) {
          throw failed.get(0);
        }
        stream.write(Notice.tail().getBytes(StandardCharsets.UTF_8));
        if (written[0] > 0) {
          output.commit();
        }
      }
    }
    long total = written[0] + refusals.total();
    if (written[0] == 0) {
      throw Outcome.nothingComputed("error.IN041.notice", Outcome.counts(total, refusals.counts()));
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(Printable.escape(String.format(java.util.Locale.ROOT, "%s: %,d notices, %,d employers refused", out,
        written[0], total - written[0])));
    refusals.print(err, "summary.refused", lang.get());
    return refusals.exitCode();
  }

  /** The entry of an employer, or null (counted by code) if its case cannot be decided. */
  private static Notice.Entry decided(RuleTable table, RatingCase c, NextPeriod next, Refusals refused) {
    try {
      return entry(table, c, next);
    } catch (RateFloatException e) {
      refused.add(e);
      return null;
    }
  }

  /** Decides a case and finds its thresholds; a case that cannot be decided is refused (thrown). */
  private static Notice.Entry entry(RuleTable table, RatingCase c, NextPeriod next) {
    Decision d = table.decide(c);
    try {
      return Notice.Entry.of(table.thresholds(d, next));
    } catch (RateFloatException e) {
      return Notice.Entry.without(d, e);
    }
  }

  /**
   * A notice's file name: the record's number and the employer id, every character but letters,
   * digits, '_' and '-' replaced, so that no id can name another directory or a hidden file.
   */
  static String fileName(long record, String employerId) {
    StringBuilder s = new StringBuilder();
    employerId.codePoints().limit(NAME_CHARS).forEach(cp -> s.append(cp < 128
        && (Character.isLetterOrDigit(cp) || cp == '_' || cp == '-') ? (char) cp : '_'));
    return String.format(java.util.Locale.ROOT, "%06d-%s.html", record, s);
  }
}
