package org.ratefloat.cli;

import org.ratefloat.text.Language;
import org.ratefloat.text.Message;
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
      out.println(say("verify.ok", "file", name, "table", given, "sha256", v.sha256()));
      return Main.OK;
    }
    if (outcome instanceof Verification.VerifiedByAnotherVersion v) {
      if (sameVersion) {
        out.println(say("verify.sameVersion", "file", name, "recorded", Printable.escape(v.recordedLibrary()),
            "library", v.library(), "table", given));
        return Main.MISMATCH;
      }
      out.println(say("verify.anotherVersion", "file", name, "table", given, "recorded",
          Printable.escape(v.recordedLibrary()), "library", v.library(), "sha256", v.sha256()));
      return Main.OK;
    }
    Verification.Mismatched m = (Verification.Mismatched) outcome;
    if (m.altered().isPresent()) {
      out.println(say("verify.altered", "file", name, "why", alteredText(m.altered().get(), lang.get())));
      out.println("  " + say("verify.altered.follows", "table", given));
      differences(m, "    ");
      return Main.MISMATCH;
    }
    out.println(say("verify.mismatch", "file", name, "table", given));
    differences(m, "  ");
    return Main.MISMATCH;
  }

  /** A sentence of the catalogue in the chosen language. */
  private String say(String key, Object... namesAndValues) {
    return Message.of(key, namesAndValues).in(lang.get());
  }

  /** The headline of an altered record, in a language. */
  static String alteredText(Verification.Altered a, Language language) {
    return Message.of("verify.alteredWhy", "code", ErrorCode.VR002, "echoed", a.echoedSha256(), "recorded",
        a.recordedSha256()).in(language);
  }

  /**
   * One line of a batch output: a decision record, a batch record with its decision, or a batch
   * error record (which has no decision to verify).
   */
  private void document(RuleTable table, long line, byte[] bytes) {
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
            out.println(say("verify.line.sameVersion", "line", line, "recorded",
                Printable.escape(v.recordedLibrary()), "library", v.library()));
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
          String employer = m.employerId().map(id -> say("account.listed.employer", "id", Printable.escape(id)))
              .orElse("");
          if (m.altered().isPresent()) {
            out.println(say("account.listed.altered", "line", line, "employer", employer, "why",
                alteredText(m.altered().get(), lang.get())));
            out.println("  " + say("verify.line.altered.follows"));
            differences(m, "    ");
          } else {
            out.println(say("account.listed.mismatch", "line", line, "employer", employer));
            differences(m, "  ");
          }
        }
      }
    } catch (RateFloatException unreadable) {
      if (++mismatched <= MAX_LISTED) {
        out.println(say("verify.line.unreadable", "line", line, "error",
            Printable.escape(unreadable.message(lang.get().locale()))));
      }
    }
  }

  private int summary() {
    if (mismatched > MAX_LISTED) {
      out.println(say("verify.listedOnly", "n", MAX_LISTED));
    }
    String others = otherVersion == 0 ? "" : say("verify.summary.others", "n", otherVersion, "libraries",
        Printable.escape(String.join(", ", otherLibraries)));
    out.println(say("verify.summary", "verified", verified + otherVersion, "others", others, "mismatched",
        mismatched, "altered", altered > 0 ? say("verify.summary.altered", "n", altered) : "", "without",
        withoutInput, "errors", errorRecords > 0 ? say("verify.summary.errors", "n", errorRecords) : ""));
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
    String why = m.why(lang.get().locale());
    if (!why.isEmpty()) {
      out.println(indent + Printable.escape(why));
    }
    for (Verification.Difference d : m.differences()) {
      out.println(indent + d);
    }
    int more = m.total() - m.differences().size();
    if (more > 0) {
      out.println(indent + say("account.moreDifferences", "n", more, "s", more == 1 ? "" : "s"));
    }
  }
}
