package org.ratefloat.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import org.ratefloat.error.InputException;
import org.ratefloat.RuleTable;
import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratefloat classify}: the risk class and benchmark of an industry code. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Print the risk class, benchmark and bands of a GB/T 4754 industry code.")
final class ClassifyCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  LanguageOption lang;

  @Parameters(paramLabel = "CODE", description = "a 2-, 3- or 4-digit GB/T 4754 code")
  String code;

  @Option(names = "--edition", required = true, paramLabel = "2011|2017",
      description = "the edition of GB/T 4754 the code is from")
  String edition;

  @Option(names = "--rules", defaultValue = "cn-national-2015", paramLabel = "FILE|ID",
      description = "a rule table with a classification: a file, or the id of a bundled table "
          + "(default: the bundled ${DEFAULT-VALUE})")
  TableReference rules;

  @Override
  public Integer call() {
    // an option, not a document: a wrong value is a usage error (exit 2), as for every option
    Edition e = Edition.parse(edition).orElseThrow(() -> Usage.invalid(spec, "--edition",
        "must be 2011 or 2017: " + edition));
    RuleTable table = rules.load(true);
    RuleTable.RiskClass c;
    try {
      c = table.classify(new IndustryCode(e, code));
    } catch (InputException fault) {
      throw new ArgumentFault("CODE", fault);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(e.label() + " " + code + ": class " + c.riskClass()
        + ", benchmark " + c.benchmark().map(b -> b.toPlainString() + " % of payroll").orElse("not given")
        + ", bands " + c.ladder().stream().map(BigDecimal::toPlainString).toList()
        + " (" + c.classification() + ", " + c.status().jsonName() + "; " + table.id() + ")");
    return Main.OK;
  }
}
