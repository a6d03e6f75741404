package org.ratefloat;

import org.ratefloat.document.DocumentFiles;
import org.ratefloat.error.Finding;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.error.UndeterminedException;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ratefloat.decision.Decision;
import org.ratefloat.io.InputFiles;
import org.ratefloat.json.CaseJson;
import org.ratefloat.json.DecisionJson;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.model.RatingCase;
import org.ratefloat.rules.RuleTables;

/**
 * The front door of ratefloat: load a rule table, read a case, and turn decisions into canonical
 * JSON.
 *
 * <pre>{@code
 * RuleTable table = RateFloat.loadTable(Path.of("rules/cn-zj-hangzhou.json"));
 * RatingCase input = RateFloat.readCase(Path.of("examples/cn-zj-hangzhou/standardised-workshop.json"));
 * Decision decision = table.decide(input);
 * byte[] record = RateFloat.toJson(decision);
 * }</pre>
 *
 * <p>The shipped rule tables are also inside the jar: {@code RateFloat.bundledTable("cn-zj-hangzhou")}
 * loads the same bytes as {@code rules/cn-zj-hangzhou.json} (so its decisions record the same table
 * SHA-256), from any working directory.
 *
 * <p>Stateless; every method is thread-safe. Errors in the caller's data are
 * {@link InputException}, {@link RuleTableException} or {@link UndeterminedException}, each with a
 * stable {@link ErrorCode} and a JSON pointer.
 *
 * @since 0.1.0
 */
public final class RateFloat {
  /** The library version recorded in every decision. */
  public static final String VERSION = Version.VALUE;

  private RateFloat() {}

  /**
   * Loads, checks and compiles a rule table; the tables it refers to ({@code base},
   * {@code classification}) are read from the same directory as {@code <id>.json}, or, when there is
   * no such file there, taken from the bundled tables.
   *
   * @throws RuleTableException if the table or a table it refers to is malformed or inconsistent,
   *     or its file cannot be read (missing, not a regular file, larger than 4 MiB, unreadable)
   */
  public static RuleTable loadTable(Path file) {
    return new RuleTable(RuleTables.load(requireNonNull(file, "file")));
  }

  /**
   * Loads a rule table shipped inside the library by its id (e.g. {@code "cn-zj-hangzhou"}): the
   * bytes of {@code rules/<id>.json}, with the tables it refers to taken from the bundled tables too.
   *
   * @throws RuleTableException {@code RT030} if no table of that id is bundled (the message lists
   *     the bundled ids), or another code if the table is refused
   */
  public static RuleTable bundledTable(String id) {
    return new RuleTable(RuleTables.loadBundled(requireNonNull(id, "id")));
  }

  /** The ids of the rule tables shipped inside the library, sorted; each loads with {@link #bundledTable}. */
  public static List<String> bundledTables() {
    return RuleTables.bundledTableIds();
  }

  /**
   * Loads a rule table named by a path or a bundled id, as the command line's {@code --rules} does: a
   * file at that path wins (see {@link #loadTable(Path)}); otherwise the bundled table of that id
   * (see {@link #bundledTable(String)}).
   *
   * @throws RuleTableException {@code RT030} if it is neither, saying where it looked
   */
  public static RuleTable loadTable(String fileOrId) {
    return new RuleTable(RuleTables.loadFileOrBundled(requireNonNull(fileOrId, "fileOrId")));
  }

  /**
   * Loads a rule table as {@link #loadTable(String)} does but without its static analysis: the table
   * is parsed and its references and classes checked, but its rows are not searched for gaps,
   * overlaps and rows that never fire (what {@code ratefloat lint} reports). For a table already
   * checked, when the start matters; a fault the analysis would have found shows, if a case meets
   * it, as the engine's refusal of that case ({@code RT015}, {@code RT016}, {@code RT035}) or as a
   * band move clamped to the ladder, which the trace says. A bundled table, byte
   * for byte, is never analysed again anyway (its analysis is cached in the jar).
   *
   * @throws RuleTableException if the table or a table it refers to is malformed, or cannot be read
   */
  public static RuleTable loadTableWithoutAnalysis(String fileOrId) {
    return new RuleTable(RuleTables.loadFileOrBundled(requireNonNull(fileOrId, "fileOrId"), false));
  }

  /**
   * Loads a rule table from bytes; {@code refs} returns the bytes of a referenced table by id.
   *
   * @param name the file name to report in errors
   */
  public static RuleTable loadTable(String name, byte[] bytes, Function<String, Optional<byte[]>> refs) {
    requireNonNull(name, "name");
    requireNonNull(bytes, "bytes");
    requireNonNull(refs, "refs");
    return new RuleTable(RuleTables.load(new DocumentFiles.Named(name, bytes.clone()),
        id -> refs.apply(id).map(b -> new DocumentFiles.Named(id + ".json", b))));
  }

  /**
   * Reads and validates a case from JSON (UTF-8).
   *
   * @throws InputException with the JSON pointer of the first fault
   */
  public static RatingCase readCase(byte[] json) {
    return CaseJson.read(requireNonNull(json, "json"));
  }

  /**
   * Reads a case from a file: a regular file of at most 16 MiB, refused by its size before it is
   * read.
   *
   * @throws InputException if the file is missing, not a regular file, unreadable, too large or not
   *     a valid case
   */
  public static RatingCase readCase(Path file) {
    return readCase(InputFiles.readInput(requireNonNull(file, "file")));
  }

  /**
   * The JSON of a case, pretty printed: fixed key order, decimals as plain strings (its input hash is
   * computed over the RFC 8785 form of the same content). Every case that can be built can be
   * written, and {@link #readCase(byte[])} reads the bytes back as an equal case as long as they stay
   * within an input document's 16 MiB.
   */
  public static byte[] toJson(RatingCase input) {
    return CaseJson.bytes(requireNonNull(input, "input"));
  }

  /**
   * SHA-256 (hex) of the canonical form of a case's JSON: RFC 8785 (JSON Canonicalization Scheme)
   * over the document {@link #toJson(RatingCase)} prints, so any copy of that document, re-indented
   * or with its keys in another order, has the same hash. This is the {@code inputSha256} of a
   * decision of a case built in Java ({@link RuleTable#decide(RatingCase)}): its submitted form is
   * {@code toJson(input)}.
   */
  public static String inputSha256(RatingCase input) {
    requireNonNull(input, "input");
    return CanonicalJson.sha256(out -> CaseJson.write(input, out));
  }

  /**
   * SHA-256 (hex) of the canonical form (RFC 8785) of a case document exactly as given: the
   * {@code inputSha256} of its decision by {@link RuleTable#decide(byte[])}, and what
   * {@code jcs < case.json | sha256sum} prints with any RFC 8785 tool.
   *
   * @throws InputException if the document is not a valid case
   */
  public static String inputSha256(byte[] caseJson) {
    return org.ratefloat.json.Submitted.read(requireNonNull(caseJson, "caseJson")).canonical().sha256();
  }

  /**
   * The JSON record of a decision, pretty printed: the same decision always gives the same bytes.
   * Records are compared by their canonical form (RFC 8785), whatever their layout.
   */
  public static byte[] toJson(Decision decision) {
    return DecisionJson.bytes(requireNonNull(decision, "decision"));
  }

  /**
   * The JSON of an employer's thresholds ({@code ratefloat/thresholds@1}), pretty printed: the next
   * decision's date and coming period, the assumptions, each quantity's role, and every outcome with
   * its boxes ({@code min} and {@code max} of each quantity varied, both included; {@code null}
   * where unbounded).
   *
   * @since 0.1.0
   */
  public static byte[] toJson(org.ratefloat.thresholds.Thresholds thresholds) {
    return org.ratefloat.json.ThresholdsJson.bytes(requireNonNull(thresholds, "thresholds"));
  }

  /**
   * Reads a decision record written by {@link #toJson(Decision)}, of the current format
   * ({@code ratefloat/decision@2}) or the first ({@code @1}).
   *
   * @throws InputException if it is not a decision record; {@code VR002} if its echoed input is not
   *     the one its {@code inputSha256} names (the record was altered)
   */
  public static Decision readDecision(byte[] json) {
    return DecisionJson.read(requireNonNull(json, "json"));
  }

  /**
   * Whether a JSON document is a decision record (it says so by its {@code format}); a case is the
   * one document without a {@code format}.
   *
   * @throws InputException if the bytes are not strict JSON (or larger than an input document)
   */
  public static boolean isDecisionRecord(byte[] json) {
    return RecordCheck.isRecord(RecordCheck.parse(requireNonNull(json, "json")));
  }

  /**
   * Whether a JSON document is a line of a batch output ({@code line}, {@code employerId},
   * {@code status} and the {@code decision} or the {@code error}), which {@link RuleTable#verify}
   * also checks.
   *
   * @throws InputException if the bytes are not strict JSON (or larger than an input document)
   */
  public static boolean isBatchRecord(byte[] json) {
    return RecordCheck.isBatchLine(RecordCheck.parse(requireNonNull(json, "json")));
  }

  /**
   * Checks rule-table and classification files, alone and against each other, as the command line's
   * {@code lint} does: every load error and every finding of the static analysis of each file, and
   * two versions of one table whose effective periods overlap. A file named twice, or through
   * another path to it, is checked once. Never throws for a fault of a file: that is a finding.
   *
   * @return one report a file, in the order given
   */
  public static List<LintReport> lint(List<Path> files) {
    return org.ratefloat.rules.Linter.lint(List.copyOf(requireNonNull(files, "files"))).stream()
        .map(r -> new LintReport(r.file(), r.findings())).toList();
  }

  /**
   * Checks rule tables, classifications and reference data as {@link #lint} does, each named as
   * {@link #loadTable(String)} names a table: a file at that path, else the bundled document of that
   * id (a table, a classification, or reference data {@code <id>.reference.json}); an id that names
   * none of them is a finding, {@code RT030}. A file named twice, or through another path to it, and
   * an id named twice are checked once.
   *
   * @return one report a file or id, in the order given; the report's {@code file} is the name as given
   * @since 0.1.0
   */
  public static List<LintReport> lintFilesOrIds(List<String> filesOrIds) {
    return org.ratefloat.rules.Linter.lintFilesOrIds(List.copyOf(requireNonNull(filesOrIds, "filesOrIds"))).stream()
        .map(r -> new LintReport(r.file(), r.findings())).toList();
  }

  /**
   * What {@link #lint} found in one file.
   *
   * @param file the file as named
   * @param findings its findings in the order the checks found them; empty if it is clean
   * @since 0.1.0
   */
  public record LintReport(Path file, List<org.ratefloat.error.Finding> findings) {
    /** Copies the findings; checks that no component is null. */
    public LintReport {
      requireNonNull(file, "file");
      findings = List.copyOf(requireNonNull(findings, "findings"));
    }
  }
}
