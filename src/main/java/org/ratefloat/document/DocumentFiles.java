package org.ratefloat.document;

import com.google.common.collect.ImmutableList;
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
import org.ratefloat.json.StrictJson;

/**
 * Where the documents of the rule format are found, whatever they are (rule tables, reference data,
 * classifications, ranking definitions, region lists): a file by its path, a document by its id next
 * to the document that names it, or among the bundled files ({@code rules/*.json}, copied byte for
 * byte into the jar under {@code org/ratefloat/rules/}). What a document holds is read by its own
 * parser; this class only finds and reads the bytes, within the bound of a rule-format file.
 */
public final class DocumentFiles {
  private DocumentFiles() {}

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
  private static final String BUNDLED = "org/ratefloat/rules/";

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
    try (InputStream in = DocumentFiles.class.getResourceAsStream("/" + BUNDLED + name)) {
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

  private static final class BundledNames {
    static final ImmutableList<String> NAMES = list();
    private static ImmutableList<String> list() {
      CodeSource code = DocumentFiles.class.getProtectionDomain().getCodeSource();
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
}
