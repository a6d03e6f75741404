package org.ratefloat.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.TableRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ratefloat verify}: re-decides the input a decision record carries and checks that the
 * record is reproduced byte for byte.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Recompute a decision from its record and check it byte for byte (exit 0 only on a match).")
final class VerifyCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--rules", required = true, paramLabel = "FILE", description = "the rule table")
  Path rules;

  @Parameters(paramLabel = "DECISION.json", description = "a decision record")
  Path decisionFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RuleTable table = RateFloat.loadTable(rules);
    byte[] recorded = RateFloatFiles.read(decisionFile);
    Decision record = RateFloat.readDecision(recorded);
    for (TableRef ref : record.tables()) {
      TableRef now = table.tables().stream().filter(t -> t.role().equals(ref.role())
          && t.id().equals(ref.id())).findFirst().orElse(null);
      if (now == null) {
        out.println("MISMATCH: the record names " + ref.role() + " table " + ref.id()
            + ", which " + rules + " does not use");
        return Main.MISMATCH;
      }
      if (!now.sha256().equals(ref.sha256())) {
        out.println("MISMATCH: " + ref.role() + " table " + ref.id() + " has sha256 " + now.sha256()
            + ", the record was made with " + ref.sha256());
        return Main.MISMATCH;
      }
    }
    byte[] again = RateFloat.toJson(table.decide(record.input()));
    if (Arrays.equals(recorded, again)) {
      out.println("OK: " + decisionFile + " reproduced byte for byte (" + recorded.length + " bytes, table "
          + table.id() + " " + table.sha256().substring(0, 12) + ")");
      return Main.OK;
    }
    out.println("MISMATCH: " + decisionFile + " differs from the recomputed decision");
    List<String> a = new String(recorded, StandardCharsets.UTF_8).lines().toList();
    List<String> b = new String(again, StandardCharsets.UTF_8).lines().toList();
    int shown = 0;
    for (int i = 0; i < Math.max(a.size(), b.size()) && shown < 20; i++) {
      String x = i < a.size() ? a.get(i) : "<end of file>";
      String y = i < b.size() ? b.get(i) : "<end of file>";
      if (!x.equals(y)) {
        out.println("line " + (i + 1) + ":");
        out.println("  recorded:   " + x.strip());
        out.println("  recomputed: " + y.strip());
        shown++;
      }
    }
    if (shown == 0) {
      out.println("  (the texts differ only in line ends or trailing bytes)");
    }
    return Main.MISMATCH;
  }
}
