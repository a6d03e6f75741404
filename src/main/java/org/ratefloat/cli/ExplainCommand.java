package org.ratefloat.cli;

import org.ratefloat.text.Language;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.Verification;
import org.ratefloat.batch.LineReader;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.text.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ratefloat explain}: a readable account of a decision. A decision record (on its own, as a
 * line of a batch output, or chosen from a whole batch output) is first checked as {@code verify}
 * checks it; an account never presents the table's decision as the record's.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Print a readable account of a decision, from a case, a decision record, a line of a batch "
        + "output or a whole batch output (--employer or --line chooses the record; without them the mismatched "
        + "records are listed); a record is checked as verify checks it (exit 5 and what differs if it does not "
        + "match).")
final class ExplainCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  TableOption rules;

  @Mixin
  LanguageOption lang;

  @Option(names = "--employer", paramLabel = "ID", description = "of a batch output: explain the record of this employer")
  String employer;

  @Option(names = "--line", paramLabel = "N", description = "of a batch output: explain the record on this line")
  Long line;

  @Option(names = "--same-version", description = "a record made by another version of ratefloat fails "
      + "(exit 5) even when every decided value is equal")
  boolean sameVersion;

  @Parameters(paramLabel = "FILE", description = "a case, a decision record, a batch output line, or a whole batch "
      + "output (.ndjson)")
  Path file;

  private PrintWriter out;
  private RuleTable table;

  @Override
  public Integer call() throws IOException {
    if (employer != null && line != null) {
      throw Usage.invalidBy(spec, "--line", "usage.explain.both");
    }
    if (line != null) {
      Usage.inRange(spec, "--line", line, 1, Long.MAX_VALUE);
    }
    table = rules.load(file);
    RecordFile.refuseCsv(file, "explained", "explain");
    out = spec.commandLine().getOut();
    int[] code = {-1};
    Batch batch = new Batch();
    boolean single = RecordFile.read(file, bytes -> true, bytes -> code[0] = single(bytes, batch), batch::line);
    if (single) {
      return code[0];
    }
    return batch.end();
  }

  /** A file of one document: a case, a decision record or one line of a batch output. */
  private int single(byte[] bytes, Batch batch) {
    if ((employer != null || line != null) && RecordFile.isBatchLine(bytes)) {
      // a batch output of one line: the record chosen, if it is the one
      batch.line(1, bytes);
      return batch.end();
    }
    if (employer != null || line != null) {
      throw Usage.invalid(spec, employer != null ? "--employer" : "--line", "chooses a record of a batch output "
          + "(one record per line); " + file + " is one document");
    }
    if (RecordFile.isRecord(bytes) || RecordFile.isBatchLine(bytes)) {
      return record(bytes, "");
    }
    try {
      RateFloat.readCase(bytes);
    } catch (InputException e) {
      // explain takes either kind of document: say so when the file is a third kind
      int found = e.detail().indexOf(", found ");
      throw e.code() != ErrorCode.IN040 || found < 0 ? e : new InputException(ErrorCode.IN040, e.pointer(),
          "expected a case, a decision record or a batch output" + e.detail().substring(found));
    }
    out.print(Explainer.explain(table.decide(bytes), table, lang.get()));
    return Main.OK;
  }

  /** Checks a decision record (or a batch line) and explains it; {@code where} names its line, if any. */
  private int record(byte[] bytes, String where) {
    Verification outcome = table.verify(bytes, VerifyCommand.MAX_DIFFERENCES);
    if (outcome instanceof Verification.Mismatched m && !m.namesTable()) {
      throw foreign(m.tablesNamed(), table);
    }
    if (outcome instanceof Verification.WithoutInput w) {
      if (!w.namesTable()) {
        throw foreign(w.tablesNamed(), table);
      }
      throw new InputException(ErrorCode.IN004, "/input", where + "the record carries no input, so the rule table "
          + "cannot re-decide it; batch --echo-input writes records that carry it");
    }
    if (outcome instanceof Verification.ErrorRecord) {
      throw new InputException(ErrorCode.IN004, "/decision", where + "a batch error record: the case was refused, "
          + "there is no decision to explain");
    }
    if (outcome instanceof Verification.Verified v) {
      out.print(Explainer.verified(v, table, lang.get()));
      return Main.OK;
    }
    if (outcome instanceof Verification.VerifiedByAnotherVersion v) {
      out.print(Explainer.anotherVersion(v, table, lang.get(), sameVersion));
      return sameVersion ? Main.MISMATCH : Main.OK;
    }
    out.print(Explainer.mismatch((Verification.Mismatched) outcome, table, lang.get()));
    return Main.MISMATCH;
  }

  /** The lines of a whole batch output: the chosen record explained, or the mismatched ones listed. */
  private final class Batch {
    private long lines;
    private long chosen;
    private long verified;
    private long mismatched;
    private long errorRecords;
    private long withoutInput;
    private int code = Main.OK;

    void line(long number, byte[] bytes) {
      lines++;
      boolean choosing = employer != null || line != null;
      if (choosing) {
        if (line != null ? number != line : !employer.equals(employerOf(bytes))) {
          return;
        }
        chosen++;
        if (chosen > 1) {
          out.println();
        }
        out.println(org.ratefloat.text.Message.of("account.line", "line", number).in(lang.get()));
        if (bytes == LineReader.TOO_LONG) {
          throw new InputException(ErrorCode.IN024, "", "line " + number + " is longer than " + RecordFile.MAX_LINE
              + " bytes");
        }
        code = Math.max(code, record(bytes, "line " + number + ": "));
        return;
      }
      Verification outcome;
      try {
        if (bytes == LineReader.TOO_LONG) {
          throw new InputException(ErrorCode.IN024, "", "line longer than " + RecordFile.MAX_LINE + " bytes");
        }
        outcome = table.verify(bytes, VerifyCommand.MAX_DIFFERENCES);
      } catch (RateFloatException unreadable) {
        mismatched++;
        out.println(org.ratefloat.text.Message.of("verify.line.unreadable", "line", number, "error",
            Printable.escape(unreadable.message(lang.get().locale()))).in(lang.get()));
        return;
      }
      if (outcome instanceof Verification.Mismatched m) {
        mismatched++;
        out.print(Explainer.listed(m, number, lang.get()));
      } else if (outcome instanceof Verification.Verified
          || outcome instanceof Verification.VerifiedByAnotherVersion && !sameVersion) {
        verified++;
      } else if (outcome instanceof Verification.VerifiedByAnotherVersion v) {
        mismatched++;
        out.println(org.ratefloat.text.Message.of("explain.line.sameVersion", "line", number, "recorded",
            Printable.escape(v.recordedLibrary()), "library", v.library()).in(lang.get()));
      } else if (outcome instanceof Verification.ErrorRecord) {
        errorRecords++;
      } else {
        withoutInput++;
      }
    }

    int end() {
      if (employer != null || line != null) {
        if (chosen == 0) {
          throw Usage.invalid(spec, employer != null ? "--employer" : "--line", (employer != null
              ? "no record of employer " + employer : "no record on line " + line) + " in " + file + " (" + lines
              + " records)");
        }
        return code;
      }
      Language l = lang.get();
      out.println(org.ratefloat.text.Message.of("explain.batch", "lines", lines, "verified", verified,
          "mismatched", mismatched,
          "errors", errorRecords > 0 ? org.ratefloat.text.Message.of("explain.batch.errors", "n", errorRecords).in(l) : "",
          "without", withoutInput > 0 ? org.ratefloat.text.Message.of("explain.batch.without", "n", withoutInput).in(l) : "")
          .in(l));
      if (mismatched > 0) {
        return Main.MISMATCH;
      }
      if (withoutInput > 0) {
        throw VerifyCommand.noInput(withoutInput, verified + withoutInput);
      }
      return Main.OK;
    }
  }

  /** The employer a batch line names (its {@code employerId}, or its decision's), or null. */
  private static String employerOf(byte[] bytes) {
    if (bytes == LineReader.TOO_LONG) {
      return null;
    }
    try {
      JsonNode n = org.ratefloat.batch.LenientLines.tree(bytes);
      JsonNode id = n.has("employerId") ? n.get("employerId") : n.path("employer").path("id");
      return id.isTextual() ? id.textValue() : null;
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
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
