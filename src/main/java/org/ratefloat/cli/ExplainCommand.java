package org.ratefloat.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratefloat explain}: a readable account of a decision. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Print a readable account of a decision, from a case or from a decision record.")
final class ExplainCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--rules", required = true, paramLabel = "FILE", description = "the rule table")
  Path rules;

  @Option(names = "--lang", defaultValue = "en", paramLabel = "zh|en",
      description = "language (default: ${DEFAULT-VALUE})")
  Explainer.Language lang;

  @Parameters(paramLabel = "FILE.json", description = "a case, or a decision record (re-decided first)")
  Path file;

  @Override
  public Integer call() {
    RuleTable table = RateFloat.loadTable(rules);
    byte[] bytes = RateFloatFiles.read(file);
    Decision decision = RateFloatFiles.isDecision(bytes)
        ? table.decide(RateFloat.readDecision(bytes).input())
        : table.decide(RateFloat.readCase(bytes));
    spec.commandLine().getOut().print(Explainer.explain(decision, table, lang.name()));
    return Main.OK;
  }
}
