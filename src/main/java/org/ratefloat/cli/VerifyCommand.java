package org.ratefloat.cli;

import org.ratefloat.text.Printable;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.Verification;
import org.ratefloat.batch.LineReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ratefloat verify}: re-decides the input each decision record carries and checks that the
 * record's canonical form (RFC 8785) is that of the recomputed decision. It reads one record in any
 * layout, or a whole batch output (NDJSON, one record per line), streaming.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Re-decide the input a decision record carries and compare canonical forms (RFC 8785); "
        + "reads one record in any layout, or a whole NDJSON batch output. Exit 0 only if every record matches.")
final class VerifyCommand implements Callable<Integer> {
  /** Differences listed for one record. */
  static final int MAX_DIFFERENCES = 20;
  /** Mismatched records of a batch listed (the summary counts them all). */
  static final int MAX_LISTED = 10;
  /** Longest line of a batch output read (the longest document accepted, with its line end). */
  private static final int MAX_LINE = (16 << 20) + 2;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--rules", required = true, paramLabel = "FILE|ID",
      description = "the rule table: a file, or the id of a bundled table (e.g. cn-zj-hangzhou)")
  Path rules;

  @Parameters(paramLabel = "FILE", description = "a decision record (any layout), or a batch output (.ndjson)")
  Path file;

  private PrintWriter out;
  private long verified;
  private long mismatched;
  private long withoutInput;
  private long errorRecords;
  /** Lines read so far. */
  private long number;

  @Override
  public Integer call() throws IOException {
    out = spec.commandLine().getOut();
    RuleTable table = RateFloat.loadTable(rules.toString());
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      throw new InputException(ErrorCode.IN001, "", "CSV batch output carries no decision records, so it "
          + "cannot be verified: write the batch as NDJSON with --echo-input and verify that");
    }
    try (InputStream in = new BufferedInputStream(org.ratefloat.io.InputFiles.openInput(file), 1 << 16)) {
      LineReader lines = new LineReader(in, MAX_LINE);
      byte[] first = nextDocument(lines);
      long firstNumber = number;
      if (first == null) {
        return single(table, RateFloatFiles.read(file));
      }
      byte[] next = nextDocument(lines);
      // one document per line if the first or the second line is one (or too long to be a pretty
      // record's line): a first line that is damaged or too long is that line's fault, counted as
      // a mismatch, and the file is read on as a stream, whatever its size
      if (!lineWise(first) && (next == null || !lineWise(next))) {
        // not one document per line: the whole file is one document (a pretty record, say)
        return single(table, RateFloatFiles.read(file));
      }
      if (next == null && first != LineReader.TOO_LONG && first.length <= MAX_LINE - 2 && isJson(first)
          && RateFloat.isDecisionRecord(first)) {
        return single(table, first);
      }
      document(table, firstNumber, first);
      for (; next != null; next = nextDocument(lines)) {
        document(table, number, next);
      }
    } catch (NoSuchFileException e) {
      throw new InputException(ErrorCode.IN001, "", "no such file: " + file);
    }
    return summary();
  }

  /** The next line that is not blank (counting lines in {@link #number}), or null at the end. */
  private byte[] nextDocument(LineReader lines) throws IOException {
    byte[] line;
    while ((line = lines.next()) != null) {
      number++;
      if (line == LineReader.TOO_LONG || !new String(line, StandardCharsets.UTF_8).isBlank()) {
        return line;
      }
    }
    return null;
  }

  /** One record on its own (its layout does not matter). */
  private int single(RuleTable table, byte[] record) {
    Verification outcome = table.verify(record, MAX_DIFFERENCES);
    if (outcome instanceof Verification.WithoutInput || outcome instanceof Verification.ErrorRecord) {
      throw noInput(1, 0);
    }
    if (outcome instanceof Verification.Verified v) {
      out.println("OK: " + Printable.escape(file.toString()) + " is the decision " + Printable.escape(rules.toString())
          + " gives for the input it carries "
          + "(canonical form, RFC 8785, sha256 " + v.sha256() + ")");
      return Main.OK;
    }
    out.println("MISMATCH: " + Printable.escape(file.toString()) + " is not the decision "
        + Printable.escape(rules.toString()) + " gives for the input it carries");
    differences((Verification.Mismatched) outcome, "  ");
    return Main.MISMATCH;
  }

  /**
   * One line of a batch output: a decision record, a batch record with its decision, or a batch
   * error record (which has no decision to verify).
   */
  private void document(RuleTable table, long line, byte[] bytes) {
    String where = "line " + line;
    try {
      if (bytes == LineReader.TOO_LONG) {
        throw new InputException(ErrorCode.IN024, "", "line longer than " + MAX_LINE + " bytes");
      }
      Verification outcome = table.verify(bytes, MAX_DIFFERENCES);
      if (outcome instanceof Verification.Verified) {
        verified++;
      } else if (outcome instanceof Verification.WithoutInput) {
        withoutInput++;
      } else if (outcome instanceof Verification.ErrorRecord) {
        errorRecords++;
      } else if (++mismatched <= MAX_LISTED) {
        Verification.Mismatched m = (Verification.Mismatched) outcome;
        out.println("MISMATCH " + where + m.employerId().map(id -> " (employer " + Printable.escape(id) + ")")
            .orElse("") + ":");
        differences(m, "  ");
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
    out.println(verified + " verified, " + mismatched + " mismatched, " + withoutInput + " without input"
        + (errorRecords > 0 ? ", " + errorRecords + " error records (no decision to verify)" : ""));
    if (mismatched > 0) {
      return Main.MISMATCH;
    }
    if (withoutInput > 0) {
      throw noInput(withoutInput, verified + withoutInput);
    }
    return Main.OK;
  }

  private static InputException noInput(long missing, long of) {
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

  /**
   * Whether a line shows a file of one document per line: a whole JSON document, or a line longer
   * than a document may be (no line of a pretty record is).
   */
  private static boolean lineWise(byte[] line) {
    return line == LineReader.TOO_LONG || line.length > MAX_LINE - 2 || isJson(line);
  }

  /**
   * Whether a line is one whole JSON document, so the file is read as one document per line (its
   * strict reading, with codes and pointers, comes when the line is verified).
   */
  private static boolean isJson(byte[] line) {
    try (com.fasterxml.jackson.core.JsonParser p = LENIENT.createParser(line)) {
      LENIENT.readTree(p);
      return p.nextToken() == null;
    } catch (IOException notOneDocument) {
      return false;
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper LENIENT =
      new com.fasterxml.jackson.databind.ObjectMapper();
}
