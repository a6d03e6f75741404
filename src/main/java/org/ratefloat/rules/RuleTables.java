package org.ratefloat.rules;

import org.ratefloat.document.ClassificationParser;
import org.ratefloat.document.ClassificationSpec;
import static org.ratefloat.document.DocumentFiles.beside;
import static org.ratefloat.document.DocumentFiles.bundled;
import static org.ratefloat.document.DocumentFiles.bundledFile;
import static org.ratefloat.document.DocumentFiles.bundledNames;
import static org.ratefloat.document.DocumentFiles.read;
import static org.ratefloat.document.DocumentFiles.recording;
import static org.ratefloat.document.DocumentFiles.asFile;
import static org.ratefloat.document.DocumentFiles.notFound;
import org.ratefloat.document.DocumentFiles;
import org.ratefloat.document.DocumentFiles.Named;
import org.ratefloat.document.DocumentFiles.Source;

import org.ratefloat.document.Rounding;
import org.ratefloat.error.Finding;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.json.JsonObject;

/**
 * Loads rule tables: parses and checks the file, then resolves the {@code base} and
 * {@code classification} it names from a {@link Source} and checks the references. A table read
 * from a file finds them as {@code <id>.json} next to it, then among the bundled tables; a bundled
 * table finds them among the bundled tables.
 *
 * <p>The bundled tables are the {@code rules/*.json} files of the source tree, copied byte for byte
 * into the jar under {@code org/ratefloat/rules/}: a bundled table has the same SHA-256 as its file.
 */
public final class RuleTables {
  private RuleTables() {}

  /** The ids of the bundled rule tables (measure and base tables; not classifications or rankings). */
  public static ImmutableList<String> bundledTableIds() {
    return BundledTables.IDS;
  }

  private static final class BundledTables {
    static final ImmutableList<String> IDS = bundledNames().stream()
        .filter(n -> java.util.Set.of(RuleTableParser.TABLE_FORMAT, RuleTableParser.TABLE_FORMAT_2)
            .contains(formatOf(bundledFile(n).orElseThrow())))
        .map(n -> n.substring(0, n.length() - ".json".length()))
        .collect(ImmutableList.toImmutableList());

    private static String formatOf(Named file) {
      JsonObject root = RuleTableParser.root(file.name(), file.bytes());
      return root.has("format") && root.req("format").isString() ? root.req("format").asString() : "";
    }
  }

  /**
   * Loads a measure or base table from a file, resolving references next to it, then among the
   * bundled tables.
   */
  public static LoadedTable load(Path file) {
    return load(file, true);
  }

  private static LoadedTable load(Path file, boolean analyse) {
    return load(read(file), beside(file), analyse);
  }

  /**
   * Loads a bundled table by id, resolving references among the bundled tables.
   *
   * @throws RuleTableException {@code RT030} if no table of that id is bundled
   */
  public static LoadedTable loadBundled(String id) {
    return loadBundled(id, true);
  }

  private static LoadedTable loadBundled(String id, boolean analyse) {
    Named named = bundledFile(id + ".json").orElseThrow(() -> new RuleTableException(ErrorCode.RT030, id, "",
        "no bundled table of this id (looked for " + bundled().where(id) + "; bundled: "
            + String.join(", ", bundledTableIds()) + ")"));
    LoadedTable table = load(named, bundled(), analyse);
    if (!table.measure().id().equals(id)) {
      throw new RuleTableException(ErrorCode.RT008, named.name(), "/id", "bundled file " + named.name()
          + " holds table \"" + table.measure().id() + "\", not \"" + id + "\"");
    }
    return table;
  }

  /**
   * Loads a table named on a command line or in a configuration: an existing file by that path wins;
   * otherwise a bundled table of that id.
   *
   * @throws RuleTableException {@code RT030} saying where it looked when there is neither
   */
  public static LoadedTable loadFileOrBundled(String fileOrId) {
    return loadFileOrBundled(fileOrId, true);
  }

  /**
   * As {@link #loadFileOrBundled(String)}; with {@code analyse} false, without the static analysis
   * (the command line's {@code decide --no-lint}): the table is parsed and its references and classes
   * checked, but its rows are not searched for gaps, overlaps and rows that never fire.
   */
  public static LoadedTable loadFileOrBundled(String fileOrId, boolean analyse) {
    Optional<Path> file = asFile(fileOrId);
    if (file.isPresent()) {
      return load(file.get(), analyse);
    }
    if (bundledFile(fileOrId + ".json").isPresent()) {
      return loadBundled(fileOrId, analyse);
    }
    throw notFound(fileOrId, "table", bundled().where(fileOrId), bundledTableIds());
  }

  /**
   * Loads a table from bytes, resolving references through {@code refs}, and analyses it, unless its
   * files are byte for byte those of a bundled table whose analysis is known to find no error
   * ({@link AnalysedTables}).
   *
   * @throws RuleTableException with the first error the parser or the analysis finds
   */
  public static LoadedTable load(Named file, Source refs) {
    return load(file, refs, true);
  }

  private static LoadedTable load(Named file, Source refs, boolean analyse) {
    LoadedTable table = resolve(file, refs, analyse ? Analysis.UNLESS_KNOWN : Analysis.NONE);
    for (Finding f : table.findings()) {
      if (f.severity() == Finding.Severity.ERROR) {
        throw new RuleTableException(f.code(), f.source(), f.pointer(), f.message());
      }
    }
    return table;
  }

  /** Parses and resolves a table and runs the analysis, keeping every finding (errors too). */
  static LoadedTable resolve(Named file, Source refs) {
    return resolve(file, refs, Analysis.FULL);
  }

  /** Whether a load runs the static analysis. */
  enum Analysis {
    /** Always (lint). */
    FULL,
    /** Unless the files are those of a bundled table whose analysis found no error (deciding). */
    UNLESS_KNOWN,
    /** Never (the user's {@code --no-lint}). */
    NONE
  }

  private static LoadedTable resolve(Named file, Source given, Analysis analysis) {
    List<Path> read = new ArrayList<>();
    file.file().ifPresent(read::add);
    Source refs = recording(given, read);
    List<ReferenceSpec> references = new ArrayList<>();
    RuleTableSpec measure = RuleTableParser.parseTable(file.name(), file.bytes(),
        RuleTableParser.root(file.name(), file.bytes()), (id, source, pointer) -> {
          ReferenceSpec r = reference(id, refs, source, pointer);
          references.add(r);
          return r;
        });
    Optional<RuleTableSpec> base = measure.base().map(id -> {
      Named named = refs.find(id).orElseThrow(() -> new RuleTableException(ErrorCode.RT008,
          measure.source(), "/base", "base table \"" + id + "\" not found (looked for " + refs.where(id) + ")"));
      RuleTableSpec spec = parseTable(named);
      if (!spec.id().equals(id)) {
        throw new RuleTableException(ErrorCode.RT008, measure.source(), "/base",
            "file " + named.name() + " holds table \"" + spec.id() + "\", not \"" + id + "\"");
      }
      if (!spec.kind().equals("base") || spec.base().isPresent()) {
        throw new RuleTableException(ErrorCode.RT009, measure.source(), "/base",
            "\"" + id + "\" is not a base table (kind base, without a base of its own)");
      }
      return spec;
    });
    Optional<String> classificationId = measure.classification()
        .or(() -> base.flatMap(RuleTableSpec::classification));
    Optional<ClassificationSpec> classification = classificationId.map(id -> ClassificationParser.find(id, refs,
        measure.source(), measure.classification().isPresent() ? "/classification" : "/base"));
    RateBasis basis = measure.rateBasis().or(() -> base.flatMap(RuleTableSpec::rateBasis))
        .orElseThrow(() -> new RuleTableException(ErrorCode.RT004, measure.source(), "/benchmarks",
            "rules.noBenchmarks", java.util.Map.of()));
    Rounding rate = measure.rateRounding().or(() -> base.flatMap(RuleTableSpec::rateRounding))
        .orElseThrow(() -> new RuleTableException(ErrorCode.RT004, measure.source(), "/rounding/rate",
            "rules.noRateRounding", java.util.Map.of()));
    Rounding premium = measure.premiumRounding().or(() -> base.flatMap(RuleTableSpec::premiumRounding))
        .orElseThrow(() -> new RuleTableException(ErrorCode.RT004, measure.source(), "/rounding/premium",
            "rules.noPremiumRounding", java.util.Map.of()));
    checkClasses(measure, basis);
    LoadedTable unchecked = new LoadedTable(measure, base, classification, basis, rate, premium,
        com.google.common.collect.ImmutableList.of(), ImmutableList.copyOf(references), ImmutableList.copyOf(read));
    if (analysis == Analysis.NONE || analysis == Analysis.UNLESS_KNOWN
        && AnalysedTables.knownClean(measure, base, classification, references)) {
      return unchecked;
    }
    return new LoadedTable(measure, base, classification, basis, rate, premium,
        Analyzer.analyze(unchecked), ImmutableList.copyOf(references), ImmutableList.copyOf(read));
  }

  /**
   * Finds and parses the reference-data file {@code id} ({@code <id>.reference.json}) through
   * {@code refs} (next to the table, then among the bundled files), checking that it is reference
   * data of that id.
   *
   * @param source the table that names it, for errors
   * @param pointer where the table names it
   */
  static ReferenceSpec reference(String id, Source refs, String source, String pointer) {
    String file = id + DocumentFiles.REFERENCE_SUFFIX;
    Named named = refs.find(file).orElseThrow(() -> new RuleTableException(ErrorCode.RT008, source, pointer,
        "reference data \"" + id + "\" not found (looked for " + refs.where(file) + ")"));
    if (!isReference(named)) {
      throw new RuleTableException(ErrorCode.RT008, source, pointer, "file " + named.name()
          + " is not reference data (format " + ReferenceParser.FORMAT + ")");
    }
    ReferenceSpec spec = parseReference(named);
    if (!spec.id().equals(id)) {
      throw new RuleTableException(ErrorCode.RT008, source, pointer,
          "file " + named.name() + " holds reference data \"" + spec.id() + "\", not \"" + id + "\"");
    }
    return spec;
  }

  /** Loads a reference-data file on its own. */
  public static ReferenceSpec loadReference(Path file) {
    return parseReference(read(file));
  }

  /** Whether a file is reference data ({@code ratefloat/reference@1}), judged by its format key. */
  public static boolean isReference(Named file) {
    JsonObject root = RuleTableParser.root(file.name(), file.bytes());
    return root.has("format") && root.req("format").isString()
        && root.req("format").asString().equals(ReferenceParser.FORMAT);
  }

  static ReferenceSpec parseReference(Named file) {
    return ReferenceParser.parse(file.name(), RuleTableParser.sha256(file.bytes()),
        RuleTableParser.root(file.name(), file.bytes()));
  }

  /** Loads a classification file on its own. */
  public static ClassificationSpec loadClassification(Path file) {
    return parseClassification(read(file));
  }

  /** Whether a file is a classification (rather than a rule table), judged by its format key. */
  public static boolean isClassification(Named file) {
    return ClassificationParser.isClassification(file);
  }

  private static RuleTableSpec parseTable(Named file) {
    return RuleTableParser.parseTable(file.name(), file.bytes(),
        RuleTableParser.root(file.name(), file.bytes()));
  }

  static ClassificationSpec parseClassification(Named file) {
    return ClassificationParser.parse(file);
  }

  private static void checkClasses(RuleTableSpec measure, RateBasis basis) {
    ImmutableSet<Integer> known = basis.benchmarks().keySet();
    for (StepSpec step : measure.steps()) {
      for (int c : step.classes()) {
        if (!known.contains(c)) {
          throw new RuleTableException(ErrorCode.RT009, measure.source(), step.pointer() + "/classes",
              "rules.classUnknown", org.ratefloat.text.Message.values("class", c, "known", known));
        }
      }
      if (step instanceof StepSpec.RateLimit limit && limit.classBenchmark().isPresent()) {
        int c = limit.classBenchmark().getAsInt();
        if (basis.benchmarks().get(c) == null || basis.benchmarks().get(c).isEmpty()) {
          throw new RuleTableException(ErrorCode.RT008, measure.source(),
              step.pointer() + "/rate/classBenchmark", "rules.classNoBenchmark", org.ratefloat.text.Message.values("class", c));
        }
      }
    }
  }
}
