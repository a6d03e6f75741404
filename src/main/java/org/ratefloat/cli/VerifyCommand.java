package org.ratefloat.cli;

import org.ratefloat.text.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.Verification;
import org.ratefloat.batch.LineReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ratefloat verify}: re-decides the input each decision record carries and checks that the
 * record's canonical form (RFC 8785) is that of the recomputed decision. It reads one record in any
 * layout, or a whole batch output (NDJSON, one record per line), streaming.
 *
 * <p>Verdicts: verified (identical), verified and made by another version (every decided value
 * equal; only the library that made it differs), mismatched. Both verified verdicts exit 0 unless
 * {@code --same-version} is given; a record whose echoed input was altered is said so first.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Re-decide the input a decision record carries and compare canonical forms (RFC 8785); "
        + "reads one record in any layout, or a whole NDJSON batch output. Exit 0 if every record is verified "
        + "(identical, or made by another version with every decided value equal), 5 if one is not.")
final class VerifyCommand implements Callable<Integer> {
  /** Differences listed for one record. */
  static final int MAX_DIFFERENCES = 20;
  /** Mismatched records of a batch listed (the summary counts them all). */
  static final int MAX_LISTED = 10;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  LanguageOption lang;

  @Mixin
  TableOption rules;

  @Option(names = "--same-version", description = "a record made by another version of ratefloat fails "
      + "(exit 5) even when every decided value is equal")
  boolean sameVersion;

  @Parameters(paramLabel = "FILE", description = "a decision record (any layout), or a batch output (.ndjson)")
  Path file;

  private PrintWriter out;
  private long verified;
  private long otherVersion;
  private final TreeSet<String> otherLibraries = new TreeSet<>();
  private long mismatched;
  private long altered;
  private long withoutInput;
  private long errorRecords;

  @Override
  public Integer call() throws IOException {
    out = spec.commandLine().getOut();
    RuleTable table = rules.load(file);
    RecordFile.refuseCsv(file, "verified", "verify");
    int[] single = {-1};
    RecordFile.read(file, RecordFile::isRecord, record -> single[0] = single(table, record),
        (line, bytes) -> document(table, line, bytes));
    return single[0] >= 0 ? single[0] : summary();
  }

  /** One record on its own (its layout does not matter). */
  private int single(RuleTable table, byte[] record) {
    Verification outcome = table.verify(record, MAX_DIFFERENCES);
    if (outcome instanceof Verification.WithoutInput || outcome instanceof Verification.ErrorRecord) {
      throw noInput(1, 0);
    }
    String name = Printable.escape(file.toString());
    String given = Printable.escape(rules.toString());
    if (outcome instanceof Verification.Verified v) {
      out.println("OK: " + name + " is the decision " + given + " gives for the input it carries "
          + "(verified: identical; canonical form, RFC 8785, sha256 " + v.sha256() + ")");
      return Main.OK;
    }
    if (outcome instanceof Verification.VerifiedByAnotherVersion v) {
      if (sameVersion) {
        out.println("MISMATCH: " + name + " was made by " + Printable.escape(v.recordedLibrary()) + ", not by "
            + v.library() + " (--same-version); every decided value is what " + given + " gives");
        return Main.MISMATCH;
      }
      out.println("OK: " + name + " is the decision " + given + " gives for the input it carries "
          + "(verified, made by another version: the record names " + Printable.escape(v.recordedLibrary())
          + ", this is " + v.library() + "; every decided value is equal; sha256 " + v.sha256() + ")");
      return Main.OK;
    }
    Verification.Mismatched m = (Verification.Mismatched) outcome;
    if (m.altered().isPresent()) {
      out.println("ALTERED: " + name + ": " + alteredText(m.altered().get()));
      out.println("  what follows from the altered input, as " + given + " gives it (record \u2192 table):");
      differences(m, "    ");
      return Main.MISMATCH;
    }
    out.println("MISMATCH: " + name + " is not the decision " + given + " gives for the input it carries");
    differences(m, "  ");
    return Main.MISMATCH;
  }

  /** The headline of an altered record. */
  static String alteredText(Verification.Altered a) {
    return "the echoed input is not the one that was decided, the record was altered (" + ErrorCode.VR002
        + ": the input's canonical form has sha256 " + a.echoedSha256() + ", the record's inputSha256 is "
        + a.recordedSha256() + ")";
  }

  /**
   * One line of a batch output: a decision record, a batch record with its decision, or a batch
   * error record (which has no decision to verify).
   */
  private void document(RuleTable table, long line, byte[] bytes) {
    String where = "line " + line;
    try {
      if (bytes == LineReader.TOO_LONG) {
        throw new InputException(ErrorCode.IN024, "", "line longer than " + RecordFile.MAX_LINE + " bytes");
      }
      Verification outcome = table.verify(bytes, MAX_DIFFERENCES);
      if (outcome instanceof Verification.Verified) {
        verified++;
      } else if (outcome instanceof Verification.VerifiedByAnotherVersion v) {
        otherLibraries.add(v.recordedLibrary());
        if (sameVersion) {
          if (++mismatched <= MAX_LISTED) {
            out.println("MISMATCH " + where + ": made by " + Printable.escape(v.recordedLibrary()) + ", not by "
                + v.library() + " (--same-version); every decided value is equal");
          }
        } else {
          otherVersion++;
        }
      } else if (outcome instanceof Verification.WithoutInput) {
        withoutInput++;
      } else if (outcome instanceof Verification.ErrorRecord) {
        errorRecords++;
      } else {
        Verification.Mismatched m = (Verification.Mismatched) outcome;
        altered += m.altered().isPresent() ? 1 : 0;
        if (++mismatched <= MAX_LISTED) {
          String employer = m.employerId().map(id -> " (employer " + Printable.escape(id) + ")").orElse("");
          if (m.altered().isPresent()) {
            out.println("ALTERED " + where + employer + ": " + alteredText(m.altered().get()));
            out.println("  what follows from the altered input (record \u2192 table):");
            differences(m, "    ");
          } else {
            out.println("MISMATCH " + where + employer + ":");
            differences(m, "  ");
          }
        }
      }
    } catch (RateFloatException unreadable) {
      if (++mismatched <= MAX_LISTED) {
        out.println("MISMATCH " + where + ": not a readable decision record: "
            + Printable.escape(unreadable.getMessage()));
      }
    }
  }

  private int summary() {
    if (mismatched > MAX_LISTED) {
      out.println("(the first " + MAX_LISTED + " mismatched records are listed)");
    }
    String others = otherVersion == 0 ? "" : " (" + otherVersion + " of them made by another version: "
        + Printable.escape(String.join(", ", otherLibraries)) + "; every decided value is equal)";
    out.println((verified + otherVersion) + " verified" + others + ", " + mismatched + " mismatched"
        + (altered > 0 ? " (" + altered + " altered)" : "") + ", " + withoutInput + " without input"
        + (errorRecords > 0 ? ", " + errorRecords + " error records (no decision to verify)" : ""));
    if (mismatched > 0) {
      return Main.MISMATCH;
    }
    if (withoutInput > 0) {
      throw noInput(withoutInput, verified + otherVersion + withoutInput);
    }
    return Main.OK;
  }

  static InputException noInput(long missing, long of) {
    return new InputException(ErrorCode.IN004, "/input", (of == 0 ? "the record carries" : missing + " of " + of
        + " records carry") + " no input, so the rule table cannot re-decide "
        + (of == 0 ? "it" : "them") + "; batch --echo-input writes records that carry it");
  }

  private void differences(Verification.Mismatched m, String indent) {
    if (!m.why().isEmpty()) {
      out.println(indent + Printable.escape(m.why()));
    }
    for (Verification.Difference d : m.differences()) {
      out.println(indent + d);
    }
    int more = m.total() - m.differences().size();
    if (more > 0) {
      out.println(indent + "… and " + more + " more difference" + (more == 1 ? "" : "s"));
    }
  }
}
