package org.ratefloat.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratefloat decide}: print the decision record for a case. */
@Command(name = "decide", mixinStandardHelpOptions = true,
    description = "Decide a case and print the decision record (JSON, pretty printed; it is compared by its "
        + "canonical form, RFC 8785).")
final class DecideCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  TableOption table;

  @Option(names = "--no-lint", description = "load the table without its static analysis (faster;"
      + " for a table already checked with `ratefloat lint`)")
  boolean noLint;

  @Option(names = "--explain", description = "print a readable account instead of JSON")
  boolean explain;

  @Mixin
  LanguageOption lang;

  @Parameters(paramLabel = "INPUT.json", description = "the case: employer, history, as-of date")
  Path input;

  @Override
  public Integer call() {
    RuleTable rules = table.load(!noLint, input);
    // the case as submitted: the record echoes it and its input hash is taken over it
    Decision decision = rules.decide(RateFloatFiles.read(input));
    if (explain) {
      spec.commandLine().getOut().print(Explainer.explain(decision, rules, lang.get()));
    } else {
      spec.commandLine().getOut().print(new String(RateFloat.toJson(decision),
          java.nio.charset.StandardCharsets.UTF_8));
    }
    return Main.OK;
  }
}
