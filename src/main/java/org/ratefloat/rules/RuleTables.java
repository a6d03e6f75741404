package org.ratefloat.rules;

import org.ratefloat.error.Finding;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.io.InputFiles;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.StrictJson;

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

  /**
   * A named file's bytes and the real path they were read from ({@link InputFiles#realPath}); none
   * for a bundled file (inside the jar) or bytes given by a caller.
   */
  public record Named(String name, byte[] bytes, Optional<Path> file) {
    /** Bytes that were not read from a file. */
    public Named(String name, byte[] bytes) {
      this(name, bytes, Optional.empty());
    }
  }

  /** How a reference-data file is named: {@code <id>.reference.json}. */
  public static final String REFERENCE_SUFFIX = ".reference";

  /** Where the bundled files lie among the resources (the jar's copy of {@code rules/}). */
  static final String BUNDLED = "org/ratefloat/rules/";

  /** Where referenced tables are found, by id. */
  @FunctionalInterface
  public interface Source {
    Optional<Named> find(String id);

    /** Where {@link #find} looks for {@code id}, for the error that says it is not there. */
    default String where(String id) {
      return "the tables given for references";
    }

    /** This source, then {@code next} for an id this one does not have. */
    default Source then(Source next) {
      Source first = this;
      return new Source() {
        @Override
        public Optional<Named> find(String id) {
          return first.find(id).or(() -> next.find(id));
        }

        @Override
        public String where(String id) {
          return first.where(id) + ", then " + next.where(id);
        }
      };
    }
  }

  /**
   * Tables named {@code <id>.json} in a directory; a missing file is an empty result (the referring
   * table reports the unknown reference), any other fault of the file a rule-table error.
   */
  public static Source directory(Path dir) {
    return new Source() {
      @Override
      public Optional<Named> find(String id) {
        if (!id.matches(DocumentFields.ID)) {
          return Optional.empty();
        }
        Path file = dir.resolve(id + ".json");
        try {
          return Optional.of(read(file));
        } catch (RuleTableException e) {
          if (e.code() == ErrorCode.RT030) {
            return Optional.empty();
          }
          throw e;
        }
      }

      @Override
      public String where(String id) {
        return dir.resolve(id + ".json").toString();
      }
    };
  }

  /** The references of a table read from {@code file}: next to it, then among the bundled tables. */
  public static Source beside(Path file) {
    return directory(file.toAbsolutePath().getParent()).then(bundled());
  }

  /** The bundled tables, classifications and ranking definitions, by id ({@code <id>.json}). */
  public static Source bundled() {
    return new Source() {
      @Override
      public Optional<Named> find(String id) {
        return bundledFile(id + ".json");
      }

      @Override
      public String where(String id) {
        return bundledWhere(id + ".json");
      }
    };
  }

  /** Where the bundled file {@code name} would be, for errors. */
  public static String bundledWhere(String name) {
    return "the bundled " + BUNDLED + name + " (inside the ratefloat jar)";
  }

  /**
   * A bundled file by its name (e.g. {@code cn-zj-hangzhou.json}); empty if there is none or the name
   * is not a plain file name.
   */
  public static Optional<Named> bundledFile(String name) {
    if (!name.matches(DocumentFields.ID) || name.contains("..")) {
      return Optional.empty();
    }
    try (InputStream in = RuleTables.class.getResourceAsStream("/" + BUNDLED + name)) {
      if (in == null) {
        return Optional.empty();
      }
      // the bundled files are the project's own and small; the bound is the same as for a file
      byte[] bytes = in.readNBytes(StrictJson.MAX_TABLE_BYTES + 1);
      if (bytes.length > StrictJson.MAX_TABLE_BYTES) {
        throw new RuleTableException(ErrorCode.RT017, name, "", "bundled file larger than "
            + StrictJson.MAX_TABLE_BYTES + " bytes");
      }
      return Optional.of(new Named(name, bytes));
    } catch (IOException e) {
      throw new RuleTableException(ErrorCode.RT033, name, "", "cannot read the bundled file: " + e.getMessage());
    }
  }

  /**
   * The names of the bundled files ({@code *.json} under {@code org/ratefloat/rules/}), sorted; read
   * from the jar or the classes directory this class was loaded from.
   */
  public static ImmutableList<String> bundledNames() {
    return BundledNames.NAMES;
  }

  /** The ids of the bundled rule tables (measure and base tables; not classifications or rankings). */
  public static ImmutableList<String> bundledTableIds() {
    return BundledNames.TABLES;
  }

  private static final class BundledNames {
    static final ImmutableList<String> NAMES = list();
    static final ImmutableList<String> TABLES = NAMES.stream()
        .filter(n -> java.util.Set.of(RuleTableParser.TABLE_FORMAT, RuleTableParser.TABLE_FORMAT_2)
            .contains(formatOf(bundledFile(n).orElseThrow())))
        .map(n -> n.substring(0, n.length() - ".json".length()))
        .collect(ImmutableList.toImmutableList());

    private static String formatOf(Named file) {
      JsonObject root = RuleTableParser.root(file.name(), file.bytes());
      return root.has("format") && root.req("format").isString() ? root.req("format").asString() : "";
    }

    private static ImmutableList<String> list() {
      CodeSource code = RuleTables.class.getProtectionDomain().getCodeSource();
      if (code == null || code.getLocation() == null) {
        return ImmutableList.of();
      }
      List<String> names = new ArrayList<>();
      try {
        Path location = Path.of(code.getLocation().toURI());
        if (Files.isDirectory(location)) {
          Path dir = location.resolve(BUNDLED);
          if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
              files.map(f -> f.getFileName().toString()).forEach(names::add);
            }
          }
        } else {
          try (JarFile jar = new JarFile(location.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
              String entry = e.nextElement().getName();
              if (entry.startsWith(BUNDLED) && entry.indexOf('/', BUNDLED.length()) < 0) {
                names.add(entry.substring(BUNDLED.length()));
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the bundled rule tables", e);
      } catch (URISyntaxException | IllegalArgumentException | UnsupportedOperationException e) {
        // loaded from somewhere that is not a file or a jar on disk: the ids still resolve one by one
        return ImmutableList.of();
      }
      return names.stream().filter(n -> n.endsWith(".json") && n.matches(DocumentFields.ID)).sorted()
          .collect(ImmutableList.toImmutableList());
    }
  }

  /**
   * Reads a rule-table file (a regular file of at most 4 MiB, refused by its size before it is read),
   * reporting every fault of the file as a rule-table error.
   */
  public static Named read(Path file) {
    byte[] bytes = InputFiles.readTable(file);
    return new Named(file.getFileName().toString(), bytes, Optional.of(InputFiles.realPath(file)));
  }

  /**
   * {@code refs}, telling {@code read} the real path of every file it finds (a bundled file has
   * none): how a load knows every file it read.
   */
  public static Source recording(Source refs, List<Path> read) {
    return new Source() {
      @Override
      public Optional<Named> find(String id) {
        Optional<Named> found = refs.find(id);
        found.flatMap(Named::file).filter(f -> !read.contains(f)).ifPresent(read::add);
        return found;
      }

      @Override
      public String where(String id) {
        return refs.where(id);
      }
    };
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
   * The path {@code name} names, if it is to be read as a file: anything that is there (a file, a
   * directory, a link, even a broken one: the load says what is wrong with it), and any name that
   * cannot be an id (with a path separator, for instance), which the load then reports as missing.
   * Empty for an id-shaped name with nothing there: a bundled id.
   */
  public static Optional<Path> asFile(String name) {
    Path path;
    try {
      path = Path.of(name);
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
    boolean there;
    try {
      there = Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (SecurityException e) {
      there = false;
    }
    // a name that ends in .json names a file (ids have no extension): missing, it is a missing file
    return there || !name.matches(DocumentFields.ID) || name.contains("..") || name.endsWith(".json")
        ? Optional.of(path) : Optional.empty();
  }

  /** {@code RT030}: neither a file nor a bundled document; says where both were looked for. */
  public static RuleTableException notFound(String fileOrId, String what, String bundledWhere,
      List<String> bundledIds) {
    String looked;
    try {
      looked = "no file " + Path.of(fileOrId).toAbsolutePath();
    } catch (java.nio.file.InvalidPathException | SecurityException e) {
      looked = "not a file name";
    }
    return new RuleTableException(ErrorCode.RT030, fileOrId, "", looked + ", and not the id of a bundled "
        + what + " (looked for " + bundledWhere + "; bundled: "
        + (bundledIds.isEmpty() ? "none" : String.join(", ", bundledIds)) + ")");
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
    Optional<ClassificationSpec> classification = classificationId.map(id -> classification(id, refs,
        measure.source(), measure.classification().isPresent() ? "/classification" : "/base"));
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
    String file = id + REFERENCE_SUFFIX;
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

  /**
   * Finds and loads the classification {@code id} through {@code refs}, checking that the file holds
   * that classification.
   *
   * @param source the document that names it, for errors
   * @param pointer where that document names it
   */
  public static ClassificationSpec classification(String id, Source refs, String source, String pointer) {
    Named named = refs.find(id).orElseThrow(() -> new RuleTableException(ErrorCode.RT008, source, pointer,
        "classification \"" + id + "\" not found (looked for " + refs.where(id) + ")"));
    ClassificationSpec spec = parseClassification(named);
    if (!spec.id().equals(id)) {
      throw new RuleTableException(ErrorCode.RT008, source, pointer,
          "file " + named.name() + " holds classification \"" + spec.id() + "\", not \"" + id + "\"");
    }
    return spec;
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

  static ClassificationSpec parseClassification(Named file) {
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
