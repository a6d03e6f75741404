package org.ratefloat.cli;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.error.ErrorCode;

/**
 * Loads the rule table {@code --rules} names, as {@link RateFloat#loadTable(String)} does (a file at
 * that path wins, else the bundled table of that id), and warns when an id resolves to the bundled
 * copy while a file of that id with other bytes lies where a user would expect it to be read: under
 * the working directory as {@code rules/<id>.json}, or next to the file the command reads. The
 * warning is one coded line ({@code RT041}) on the error stream; the bundled copy is used, and every
 * decision names it by its SHA-256.
 */
final class Tables {
  /** Largest rule-table file compared (the limit a rule table is read with). */
  private static final long MAX_TABLE = 4L << 20;

  private Tables() {}

  /**
   * The table {@code rules} names, with its static analysis or without; {@code near} are the files the
   * command reads.
   */
  static RuleTable load(picocli.CommandLine.Model.CommandSpec spec, TableReference rules, boolean analyse,
      Path... near) {
    String given = rules.name();
    RuleTable table = rules.load(analyse);
    shadowing(table, given, List.of(near)).ifPresent(w -> Main.print(spec.commandLine().getErr(), w));
    return table;
  }

  /**
   * The warning for a table named by an id that resolved to the bundled copy while a file of that id
   * with other bytes lies in {@code rules/} or next to one of {@code near}; empty if there is none.
   */
  static java.util.Optional<String> shadowing(RuleTable table, String given, List<Path> near) {
    if (given.contains("/") || given.contains(java.io.File.separator) || !RateFloat.bundledTables().contains(given)
        || Files.exists(Path.of(given), LinkOption.NOFOLLOW_LINKS)) {
      return java.util.Optional.empty(); // a file named, read as such
    }
    Set<Path> candidates = new LinkedHashSet<>();
    candidates.add(Path.of("rules", given + ".json"));
    for (Path p : near) {
      Path dir = p.toAbsolutePath().getParent();
      if (dir != null) {
        candidates.add(relative(dir.resolve(given + ".json")));
        candidates.add(relative(dir.resolve("rules").resolve(given + ".json")));
      }
    }
    List<String> other = new ArrayList<>();
    for (Path c : candidates) {
      String sha = sha256(c);
      if (sha != null && !sha.equals(table.sha256())) {
        other.add(c + " (sha256 " + sha.substring(0, 12) + "…)");
      }
    }
    if (other.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("ratefloat: warning: " + ErrorCode.RT041 + " /: --rules " + given
        + " is the bundled table " + table.id() + " " + table.version() + " (sha256 "
        + table.sha256().substring(0, 12) + "…), which this run uses and its decisions name; "
        + String.join(" and ", other) + (other.size() == 1 ? " has" : " have") + " other bytes: to use "
        + (other.size() == 1 ? "it" : "one") + ", give its path to --rules");
  }

  private static Path relative(Path p) {
    Path here = Path.of("").toAbsolutePath();
    return p.startsWith(here) ? here.relativize(p) : p;
  }

  /** SHA-256 of a regular file of at most a rule table's size, or null if there is none such. */
  private static String sha256(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_TABLE) {
        return null;
      }
      // bounded as it is read too: a file that grew since its size was taken is no table
      try (java.io.InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes((int) MAX_TABLE + 1);
        return bytes.length > MAX_TABLE ? null : Hashing.sha256().hashBytes(bytes).toString();
      }
    } catch (IOException | SecurityException unreadable) {
      return null; // nothing to compare with: no warning
    }
  }
}
