package org.ratefloat;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.TableRef;
import org.ratefloat.engine.Engine;
import org.ratefloat.json.Submitted;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.error.UndeterminedException;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.document.ClassificationSpec;
import org.ratefloat.rules.LoadedTable;

/**
 * A loaded, checked and compiled rule table that decides cases.
 *
 * <p>Immutable and thread-safe: load it once and share it between threads. Deciding does not
 * touch any global state, the clock or the file system.
 *
 * @since 0.1.0
 */
public final class RuleTable {
  private static final String LIBRARY = "ratefloat " + RateFloat.VERSION;

  private final Engine engine;

  RuleTable(LoadedTable table) {
    this.engine = Engine.compile(table);
  }

  /** The table's id, e.g. {@code cn-zj-hangzhou}. */
  public String id() {
    return engine.table().measure().id();
  }

  /** The table's version, e.g. {@code 2024.1}. */
  public String version() {
    return engine.table().measure().version();
  }

  /** Whether the table's sources confirm it. */
  public org.ratefloat.decision.TableStatus status() {
    return Engine.status(engine.table().measure().status());
  }

  /** SHA-256 (hex) of the table file's exact bytes. */
  public String sha256() {
    return engine.table().measure().sha256();
  }

  /** The title in {@code zh} or {@code en}. */
  public String title(String language) {
    requireNonNull(language, "language");
    return engine.table().measure().title().in(language);
  }

  /** Identities of this table and the tables it refers to, this one first. */
  public List<TableRef> tables() {
    return engine.refs();
  }

  /**
   * The files this table was read from: its own file, then each file it pulled in (its base table,
   * its classification, its reference data), as real paths (absolute, links and {@code ..}
   * resolved). A part taken from inside the library (a bundled table) or given as bytes has none,
   * so a bundled table has no files. What a run writes must be none of them.
   *
   * @since 0.1.0
   */
  public List<java.nio.file.Path> files() {
    return engine.table().files();
  }

  /** The parameters the sources do not confirm, as listed in the table. */
  public List<String> unverified() {
    return engine.table().measure().unverified();
  }

  /** The parts of the measure its sources lack, as listed in the table. */
  public List<String> gaps() {
    return engine.table().measure().gaps();
  }

  /** The sources the table cites: where each is and what was taken from it. */
  public List<Source> sources() {
    return engine.table().measure().sources().stream().map(r -> new Source(r.url(), r.took())).toList();
  }

  /** The table's indicators, in table order. */
  public List<Part> indicators() {
    return engine.table().measure().indicators().stream()
        .map(i -> new Part(i.id(), i.kind().jsonName(), i.label().zh(), i.label().en())).toList();
  }

  /** The table's steps, in the order they run. */
  public List<Part> steps() {
    return engine.table().measure().steps().stream()
        .map(st -> new Part(st.id(), st.kind().jsonName(), st.label().zh(), st.label().en())).toList();
  }

  /**
   * The worksheet an account of this table's decisions shows, line by line (a @2 table's
   * {@code worksheet}); empty if the table has none.
   */
  public List<WorksheetLine> worksheet() {
    return engine.table().measure().worksheet().stream()
        .map(w -> new WorksheetLine(w.line(), w.indicator())).toList();
  }

  /**
   * One line of a table's worksheet.
   *
   * @param line the line's name as the plan's printed worksheet names it, e.g. {@code A}
   * @param indicator the id of the indicator whose value the line shows
   * @since 0.1.0
   */
  public record WorksheetLine(String line, String indicator) {
    /** Checks that no component is null. */
    public WorksheetLine {
      requireNonNull(line, "line");
      requireNonNull(indicator, "indicator");
    }
  }

  /**
   * A source a table cites.
   *
   * @param url where the source is
   * @param took what the table took from it
   * @since 0.1.0
   */
  public record Source(String url, String took) {
    /** Checks that no component is null. */
    public Source {
      requireNonNull(url, "url");
      requireNonNull(took, "took");
    }
  }

  /**
   * An indicator or step of a table, as a reader of decisions needs it.
   *
   * @param id its id in the table, as decisions name it
   * @param kind its kind as written in the table, e.g. {@code ratio} or {@code table}
   * @param labelZh its label in Chinese
   * @param labelEn its label in English
   * @since 0.1.0
   */
  public record Part(String id, String kind, String labelZh, String labelEn) {
    /** Checks that no component is null. */
    public Part {
      requireNonNull(id, "id");
      requireNonNull(kind, "kind");
      requireNonNull(labelZh, "labelZh");
      requireNonNull(labelEn, "labelEn");
    }

    /** The label in {@code zh} or (anything else) {@code en}. */
    public String label(String language) {
      requireNonNull(language, "language");
      return "zh".equals(language) ? labelZh : labelEn;
    }
  }

  /**
   * Decides a case built in Java (or read with {@code RateFloat.readCase}). Its submitted form is
   * {@link RateFloat#toJson(org.ratefloat.model.RatingCase)}: the record echoes that document and its
   * input hash is {@link RateFloat#inputSha256(org.ratefloat.model.RatingCase)}. To record a JSON
   * document exactly as it was submitted, decide its bytes ({@link #decide(byte[])}).
   *
   * @throws InputException if the case lacks something this table needs (a year of history, a
   *     flag, a class the table covers)
   * @throws UndeterminedException if the case falls where the table's sources are missing
   * @throws RuleTableException if the table proves inconsistent for this case (two UNIQUE rows
   *     match, no row of a required table matches)
   */
  public Decision decide(org.ratefloat.model.RatingCase input) {
    return decide(Submitted.built(requireNonNull(input, "input")));
  }

  /**
   * Decides a case document (UTF-8 JSON) as submitted: the record echoes the document as it is
   * (canonical form, RFC 8785) and its input hash is taken over it, so that anyone holding the
   * document can match it to its record with any RFC 8785 tool; what the engine assumed beyond it
   * (defaults, derived values) is listed in the decision's {@link Decision#assumed()}.
   *
   * @throws InputException if the document is not a valid case, or as {@link #decide(org.ratefloat.model.RatingCase)}
   * @throws UndeterminedException as {@link #decide(org.ratefloat.model.RatingCase)}
   * @throws RuleTableException as {@link #decide(org.ratefloat.model.RatingCase)}
   */
  public Decision decide(byte[] caseJson) {
    return decide(Submitted.read(requireNonNull(caseJson, "caseJson")));
  }

  /** Decides a case as submitted, listing what the engine assumed beyond it. */
  Decision decide(Submitted submitted) {
    return engine.decide(submitted.input(), LIBRARY, submitted.canonical(), submitted::assumed);
  }

  /** The library name and version this table's decisions record, e.g. {@code ratefloat 0.1.0}. */
  static String library() {
    return LIBRARY;
  }

  /**
   * The thresholds of the employer's next decision under the standard assumptions
   * ({@link org.ratefloat.thresholds.NextPeriod#standard()}): every band (and rate) the next
   * decision can reach and, for each, the exact bounds on the coming period's controllable
   * quantities (benefits paid, injuries, deaths …) that give it.
   *
   * @throws InputException if the case lacks something this table needs, or as
   *     {@link #thresholds(org.ratefloat.model.RatingCase, org.ratefloat.thresholds.NextPeriod)}
   * @throws UndeterminedException if this year's case falls where the table's sources are missing
   * @throws RuleTableException if the table proves inconsistent for this year's case
   * @since 0.1.0
   */
  public org.ratefloat.thresholds.Thresholds thresholds(org.ratefloat.model.RatingCase input) {
    return thresholds(input, org.ratefloat.thresholds.NextPeriod.standard());
  }

  /**
   * The thresholds of the employer's next decision: this case is decided, and the table's next
   * decision (as of one assessment period later, with the band this decision gives as the current
   * band and the history extended by the coming period, whose other figures {@code next} assumes)
   * is inverted exactly into the regions of the coming period's controllable quantities that give
   * each outcome it can reach.
   *
   * @param input this year's case
   * @param next what is assumed of the coming period
   * @throws InputException as {@link #decide}, and {@code IN070} for a next as-of date not after
   *     this one, {@code IN071} when the thresholds would take more than 200,000 decisions,
   *     {@code IN072} for a quantity to vary the next decision does not read so
   * @throws UndeterminedException if this year's case falls where the table's sources are missing
   * @throws RuleTableException if the table proves inconsistent for this year's case
   * @since 0.1.0
   */
  public org.ratefloat.thresholds.Thresholds thresholds(org.ratefloat.model.RatingCase input,
      org.ratefloat.thresholds.NextPeriod next) {
    requireNonNull(input, "input");
    requireNonNull(next, "next");
    return org.ratefloat.inverse.Inversion.find(engine, this::decide, input, decide(input), next);
  }

  /**
   * The thresholds of the next decision after a decision already made of this case (as
   * {@link #thresholds(org.ratefloat.model.RatingCase, org.ratefloat.thresholds.NextPeriod)}, without
   * deciding the case again).
   *
   * @param decision this year's decision, made by this table; its input is the case
   * @param next what is assumed of the coming period
   * @throws IllegalArgumentException if the decision was not made by this table
   * @throws InputException as {@link #thresholds(org.ratefloat.model.RatingCase, org.ratefloat.thresholds.NextPeriod)}
   * @since 0.1.0
   */
  public org.ratefloat.thresholds.Thresholds thresholds(Decision decision, org.ratefloat.thresholds.NextPeriod next) {
    requireNonNull(decision, "decision");
    requireNonNull(next, "next");
    if (!decision.table().sha256().equals(sha256())) {
      throw new IllegalArgumentException("the decision was made by " + decision.table().id() + ", not by " + id());
    }
    return org.ratefloat.inverse.Inversion.find(engine, this::decide, decision.input(), decision, next);
  }

  /** Differences a {@link #verify(byte[])} lists at most (it counts them all). */
  public static final int DEFAULT_MAX_DIFFERENCES = 20;

  /**
   * Checks a decision record against this table, as the command line's {@code verify} does: the
   * table re-decides the input the record carries and the canonical forms (RFC 8785) of the record
   * and of the recomputed decision are compared, so a record verifies from any copy, whatever its
   * layout, and with any later version of the library: a record that differs only in the library
   * that made it is {@link Verification.VerifiedByAnotherVersion}. Records of the first format
   * ({@code ratefloat/decision@1}) are checked in their own form. The echoed input is first checked
   * against the record's own {@code inputSha256} ({@link Verification.Mismatched#altered()}). The
   * document may be a decision record or a line of a batch output ({@code status},
   * {@code employerId}, {@code decision}); up to {@link #DEFAULT_MAX_DIFFERENCES} differences are
   * listed.
   *
   * @param document the JSON (UTF-8) of the record or the batch line
   * @throws InputException if the document is not a decision record (nor a batch line), is not
   *     strict JSON, or the input it carries is not a valid case
   */
  public Verification verify(byte[] document) {
    return verify(document, DEFAULT_MAX_DIFFERENCES);
  }

  /**
   * As {@link #verify(byte[])}, listing at most {@code maxDifferences} differences.
   *
   * @param document the JSON (UTF-8) of the record or the batch line
   * @param maxDifferences the most differences listed, at least 0 (all are counted)
   * @throws IllegalArgumentException if {@code maxDifferences} is negative
   * @throws InputException as {@link #verify(byte[])}
   */
  public Verification verify(byte[] document, int maxDifferences) {
    requireNonNull(document, "document");
    if (maxDifferences < 0) {
      throw new IllegalArgumentException("maxDifferences must not be negative: " + maxDifferences);
    }
    return RecordCheck.check(this, document, maxDifferences);
  }

  /**
   * The risk class of an industry code under this table's classification, with its benchmark.
   *
   * @throws InputException {@code IN020} if the table has no classification; {@code IN012} (unknown),
   *     {@code IN013} (edition not covered), {@code IN014} (no class) or {@code IN015} (ambiguous), with
   *     a pointer within the code's JSON form ({@code /code}, {@code /edition})
   */
  public RiskClass classify(IndustryCode code) {
    requireNonNull(code, "code");
    LoadedTable t = engine.table();
    ClassificationSpec cl = t.classification().orElseThrow(() -> new InputException(ErrorCode.IN020,
        "", "rule table " + id() + " has no industry classification"));
    int riskClass;
    try {
      riskClass = cl.classify(code);
    } catch (InputException e) {
      // the fault lies in the code given, not in a case: its pointer is within the code's own JSON form
      String inCase = "/employer/industry";
      throw e.pointer().startsWith(inCase + "/")
          ? new InputException(e.code(), e.pointer().substring(inCase.length()), e.detail()) : e;
    }
    Optional<BigDecimal> benchmark = Optional.ofNullable(t.basis().benchmarks().get(riskClass))
        .flatMap(b -> b);
    return new RiskClass(code, riskClass, benchmark,
        Optional.ofNullable(t.basis().ladders().get(riskClass)).orElse(ImmutableList.of()),
        cl.id(), Engine.status(cl.editions().get(code.edition()).status()));
  }

  /**
   * An industry code's risk class as a table sees it.
   *
   * @param benchmark the class's benchmark in percent of payroll, if the table gives it
   * @param ladder the class's band multipliers
   * @param classification the id of the classification used
   * @param status the status of that classification's edition
   * @since 0.1.0
   */
  public record RiskClass(IndustryCode code, int riskClass, Optional<BigDecimal> benchmark,
      List<BigDecimal> ladder, String classification, org.ratefloat.decision.TableStatus status) {
    /** Copies the ladder; checks that no component is null. */
    public RiskClass {
      requireNonNull(code, "code");
      requireNonNull(benchmark, "benchmark");
      ladder = List.copyOf(requireNonNull(ladder, "ladder"));
      requireNonNull(classification, "classification");
      requireNonNull(status, "status");
    }
  }
}
