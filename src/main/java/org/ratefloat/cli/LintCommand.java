package org.ratefloat.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ratefloat.RateFloatException;
import org.ratefloat.rules.RuleTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratefloat lint}: load and check rule tables and classifications. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Check rule tables (and the tables they refer to); exit 4 if any has an error.")
final class LintCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "rule-table or classification files")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int errors = 0;
    for (Path file : files) {
      try {
        RuleTables.Named named = RuleTables.read(file);
        if (RuleTables.isClassification(named)) {
          RuleTables.loadClassification(file);
        } else {
          RuleTables.load(file);
        }
        out.println("ok    " + file);
      } catch (RateFloatException e) {
        errors++;
        out.println("error " + file + ": " + e.getMessage());
      }
    }
    return errors == 0 ? Main.OK : Main.BAD_RULES;
  }
}
