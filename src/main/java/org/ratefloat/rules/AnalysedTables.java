package org.ratefloat.rules;

import org.ratefloat.document.ClassificationSpec;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The bundled rule tables whose static analysis is known to find no error, by the SHA-256 of the
 * files each is made of (the measure, its base and its classification): deciding with a table whose
 * files are byte for byte those need not analyse it again. The list is a resource of the jar,
 * {@code analysed-tables.txt} beside this class; {@code AnalysedTablesTest} analyses every bundled
 * table afresh and fails unless the list is exactly what that analysis gives, so it cannot go stale.
 * A file that differs by one byte has other hashes and is analysed as any other.
 */
final class AnalysedTables {
  static final String RESOURCE = "analysed-tables.txt";

  private AnalysedTables() {}

  /** Whether the table made of these files is listed as analysed without error. */
  static boolean knownClean(RuleTableSpec measure, Optional<RuleTableSpec> base,
      Optional<ClassificationSpec> classification, java.util.List<ReferenceSpec> references) {
    return Listed.LINES.contains(line(measure, base, classification, references));
  }

  /**
   * The line that lists a table: its id and the SHA-256 of each of its files ({@code -}: none), the
   * reference-data files it names last, in its order.
   */
  static String line(RuleTableSpec measure, Optional<RuleTableSpec> base,
      Optional<ClassificationSpec> classification, java.util.List<ReferenceSpec> references) {
    return measure.id() + " " + measure.sha256() + " " + base.map(RuleTableSpec::sha256).orElse("-") + " "
        + classification.map(ClassificationSpec::sha256).orElse("-")
        + references.stream().map(r -> " " + r.sha256()).collect(java.util.stream.Collectors.joining());
  }

  /** The listed lines, read when first needed. */
  private static final class Listed {
    static final ImmutableSet<String> LINES = read();

    private static ImmutableSet<String> read() {
      try (InputStream in = AnalysedTables.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          return ImmutableSet.of(); // not packaged: every table is analysed
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#")).collect(ImmutableSet.toImmutableSet());
      } catch (IOException e) {
        return ImmutableSet.of(); // unreadable: every table is analysed, which is only slower
      }
    }
  }
}
