package org.ratefloat.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.Verification;
import org.ratefloat.error.RateFloatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ratefloat explain}: a readable account of a decision. A decision record is first checked as
 * {@code verify} checks it; an account never presents the table's decision as the record's.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Print a readable account of a decision, from a case or from a decision record; a record is "
        + "checked as verify checks it (exit 5 and what differs if it does not match).")
final class ExplainCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--rules", required = true, paramLabel = "FILE|ID",
      description = "the rule table: a file, or the id of a bundled table (e.g. cn-zj-hangzhou)")
  Path rules;

  @Option(names = "--lang", defaultValue = "en", paramLabel = "zh|en",
      description = "language (default: ${DEFAULT-VALUE})")
  Explainer.Language lang;

  @Parameters(paramLabel = "FILE.json", description = "a case, or a decision record (checked, then explained)")
  Path file;

  @Override
  public Integer call() {
    RuleTable table = RateFloat.loadTable(rules.toString());
    byte[] bytes = RateFloatFiles.read(file);
    PrintWriter out = spec.commandLine().getOut();
    if (!RateFloat.isDecisionRecord(bytes)) {
      org.ratefloat.model.RatingCase input;
      try {
        input = RateFloat.readCase(bytes);
      } catch (InputException e) {
        // explain takes either kind of document: say so when the file is a third kind
        int found = e.detail().indexOf(", found ");
        throw e.code() != ErrorCode.IN040 || found < 0 ? e : new InputException(ErrorCode.IN040, e.pointer(),
            "expected a case or a decision record" + e.detail().substring(found));
      }
      out.print(Explainer.explain(table.decide(input), table, lang.name()));
      return Main.OK;
    }
    Verification outcome = table.verify(bytes, VerifyCommand.MAX_DIFFERENCES);
    if (outcome instanceof Verification.Mismatched m && !m.namesTable()) {
      throw foreign(m.tablesNamed(), table);
    }
    if (outcome instanceof Verification.WithoutInput w) {
      if (!w.namesTable()) {
        throw foreign(w.tablesNamed(), table);
      }
      throw new InputException(ErrorCode.IN004, "/input", "the record carries no input, so the rule table "
          + "cannot re-decide it; batch --echo-input writes records that carry it");
    }
    if (outcome instanceof Verification.Verified v) {
      out.print(Explainer.explain(v.decision(), table, lang.name()));
      return Main.OK;
    }
    out.print(Explainer.mismatch((Verification.Mismatched) outcome, table, lang.name()));
    return Main.MISMATCH;
  }

  private ForeignTable foreign(String tablesNamed, RuleTable table) {
    return new ForeignTable("the record was made with " + tablesNamed + ", not with " + table.id() + " "
        + table.sha256().substring(0, 12) + "… (" + rules + ")");
  }

  /** The refusal of {@code explain} given a table the record does not name. */
  static final class ForeignTable extends RateFloatException {
    private static final long serialVersionUID = 1L;

    ForeignTable(String detail) {
      super(ErrorCode.VR001, "/tables", detail);
    }
  }
}
