package org.ratefloat.cli;

import java.nio.file.Path;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import picocli.CommandLine.TypeConversionException;

/**
 * What an option that names a rule table or another document of the rule format holds ({@code --rules},
 * {@code --compare}, {@code --definition}, the files of {@code lint}): a file, or the id of one shipped
 * inside the library. Which of the two it is the library decides when it loads it
 * ({@link RateFloat#loadTable(String)}: a file at that path wins, a name with a {@code /} is always a
 * file), so a reference keeps the name as given; the converter refuses only what can name neither.
 */
record TableReference(String name) {
  /** The converter of every such option: a usage error (exit 2) for an empty name or a folder's. */
  static TableReference parse(String text) {
    if (text.isEmpty()) {
      throw new TypeConversionException("empty: give a file or the id of a bundled table");
    }
    // a file name ending in a separator names a folder, as for every other file option
    Usage.path(text);
    return new TableReference(text);
  }

  /** The name as a path: where a file of that name would be (warnings look beside it). */
  Path path() {
    return Path.of(name);
  }

  /** The rule table: {@link RateFloat#loadTable(String)}, or without its analysis. */
  RuleTable load(boolean analyse) {
    return analyse ? RateFloat.loadTable(name) : RateFloat.loadTableWithoutAnalysis(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
