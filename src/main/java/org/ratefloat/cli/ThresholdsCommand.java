package org.ratefloat.cli;

import org.ratefloat.text.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.notice.ThresholdWords;
import org.ratefloat.text.Printable;
import org.ratefloat.thresholds.Thresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratefloat thresholds}: what would move an employer a band next year. */
@Command(name = "thresholds", mixinStandardHelpOptions = true,
    description = "Decide a case, then tell what next year's figures give each band the next decision can reach: "
        + "exact bounds on the benefits paid, injuries, deaths … of the coming period (a plain account in Chinese or "
        + "English, or JSON).")
final class ThresholdsCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  TableOption rules;

  /** {@code --lang}; the account is written for an employer, in Chinese unless told otherwise. */
  @Mixin
  LanguageOption lang;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "a readable account (text) or ratefloat/thresholds@1 (json); default: ${DEFAULT-VALUE}")
  Format format;

  @Mixin
  NextOptions next;

  @Parameters(paramLabel = "CASE.json", description = "this year's case")
  Path input;

  /** The output formats. */
  enum Format {
    text,
    json
  }

  @Override
  public Integer call() {
    RuleTable table = rules.load(input);
    Thresholds t = table.thresholds(RateFloat.readCase(input), next.build(spec));
    if (format == Format.json) {
      spec.commandLine().getOut().print(new String(RateFloat.toJson(t), StandardCharsets.UTF_8));
    } else {
      spec.commandLine().getOut().print(Printable.escapeLines(ThresholdWords.account(t, table, ThresholdWords.Language.valueOf(lang.or(Language.ZH).tag()))));
    }
    return Main.OK;
  }
}
