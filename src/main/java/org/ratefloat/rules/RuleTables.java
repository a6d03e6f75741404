package org.ratefloat.rules;

import com.google.common.collect.ImmutableSet;
import java.nio.file.Path;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.io.InputFiles;
import org.ratefloat.json.JsonObject;

/**
 * Loads rule tables: parses and checks the file, then resolves the {@code base} and
 * {@code classification} it names from the same {@link Source} (by default, {@code <id>.json} in the
 * same directory) and checks the references.
 */
public final class RuleTables {
  private RuleTables() {}

  /** A named file's bytes. */
  public record Named(String name, byte[] bytes) {}

  /** Where referenced tables are found, by id. */
  @FunctionalInterface
  public interface Source {
    Optional<Named> find(String id);
  }

  /**
   * Tables named {@code <id>.json} in a directory; a missing file is an empty result (the referring
   * table reports the unknown reference), any other fault of the file a rule-table error.
   */
  public static Source directory(Path dir) {
    return id -> {
      Path file = dir.resolve(id + ".json");
      try {
        return Optional.of(read(file));
      } catch (RuleTableException e) {
        if (e.code() == ErrorCode.RT030) {
          return Optional.empty();
        }
        throw e;
      }
    };
  }

  /**
   * Reads a rule-table file (a regular file of at most 4 MiB, refused by its size before it is read),
   * reporting every fault of the file as a rule-table error.
   */
  public static Named read(Path file) {
    byte[] bytes = InputFiles.readTable(file);
    return new Named(file.getFileName().toString(), bytes);
  }

  /** Loads a measure or base table from a file, resolving references in its directory. */
  public static LoadedTable load(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return load(read(file), directory(dir));
  }

  /**
   * Loads a table from bytes, resolving references through {@code refs}, and analyses it.
   *
   * @throws RuleTableException with the first error the parser or the analysis finds
   */
  public static LoadedTable load(Named file, Source refs) {
    LoadedTable table = resolve(file, refs);
    for (Finding f : table.findings()) {
      if (f.severity() == Finding.Severity.ERROR) {
        throw new RuleTableException(f.code(), f.source(), f.pointer(), f.message());
      }
    }
    return table;
  }

  /** Parses and resolves a table and runs the analysis, keeping every finding (errors too). */
  static LoadedTable resolve(Named file, Source refs) {
    RuleTableSpec measure = parseTable(file);
    Optional<RuleTableSpec> base = measure.base().map(id -> {
      Named named = refs.find(id).orElseThrow(() -> new RuleTableException(ErrorCode.RT008,
          measure.source(), "/base", "base table \"" + id + "\" not found"));
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
    Optional<ClassificationSpec> classification = classificationId.map(id -> {
      String pointer = measure.classification().isPresent() ? "/classification" : "/base";
      Named named = refs.find(id).orElseThrow(() -> new RuleTableException(ErrorCode.RT008,
          measure.source(), pointer, "classification \"" + id + "\" not found"));
      ClassificationSpec spec = parseClassification(named);
      if (!spec.id().equals(id)) {
        throw new RuleTableException(ErrorCode.RT008, measure.source(), pointer,
            "file " + named.name() + " holds classification \"" + spec.id() + "\", not \"" + id + "\"");
      }
      return spec;
    });
    RateBasis basis = measure.rateBasis().or(() -> base.flatMap(RuleTableSpec::rateBasis))
        .orElseThrow(() -> new RuleTableException(ErrorCode.RT004, measure.source(), "/benchmarks",
            "neither the table nor its base gives benchmarks and ladders"));
    Rounding rate = measure.rateRounding().or(() -> base.flatMap(RuleTableSpec::rateRounding))
        .orElseThrow(() -> new RuleTableException(ErrorCode.RT004, measure.source(), "/rounding/rate",
            "neither the table nor its base names the rounding of the rate"));
    Rounding premium = measure.premiumRounding().or(() -> base.flatMap(RuleTableSpec::premiumRounding))
        .orElseThrow(() -> new RuleTableException(ErrorCode.RT004, measure.source(), "/rounding/premium",
            "neither the table nor its base names the rounding of the premium"));
    checkClasses(measure, basis);
    LoadedTable unchecked = new LoadedTable(measure, base, classification, basis, rate, premium,
        com.google.common.collect.ImmutableList.of());
    return new LoadedTable(measure, base, classification, basis, rate, premium,
        Analyzer.analyze(unchecked));
  }

  /** Loads a classification file on its own. */
  public static ClassificationSpec loadClassification(Path file) {
    return parseClassification(read(file));
  }

  /** Whether a file is a classification (rather than a rule table), judged by its format key. */
  public static boolean isClassification(Named file) {
    JsonObject root = RuleTableParser.root(file.name(), file.bytes());
    return root.has("format") && root.req("format").isString()
        && root.req("format").asString().equals(RuleTableParser.CLASSIFICATION_FORMAT);
  }

  private static RuleTableSpec parseTable(Named file) {
    return RuleTableParser.parseTable(file.name(), file.bytes(),
        RuleTableParser.root(file.name(), file.bytes()));
  }

  private static ClassificationSpec parseClassification(Named file) {
    return RuleTableParser.parseClassification(file.name(), file.bytes(),
        RuleTableParser.root(file.name(), file.bytes()));
  }

  private static void checkClasses(RuleTableSpec measure, RateBasis basis) {
    ImmutableSet<Integer> known = basis.benchmarks().keySet();
    for (StepSpec step : measure.steps()) {
      for (int c : step.classes()) {
        if (!known.contains(c)) {
          throw new RuleTableException(ErrorCode.RT009, measure.source(), step.pointer() + "/classes",
              "class " + c + " has no benchmark or ladder in this table; classes are " + known);
        }
      }
      if (step instanceof StepSpec.RateLimit limit && limit.classBenchmark().isPresent()) {
        int c = limit.classBenchmark().getAsInt();
        if (basis.benchmarks().get(c) == null || basis.benchmarks().get(c).isEmpty()) {
          throw new RuleTableException(ErrorCode.RT008, measure.source(),
              step.pointer() + "/rate/classBenchmark", "class " + c + " has no benchmark in this table");
        }
      }
    }
  }
}
