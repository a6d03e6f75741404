package org.ratefloat.rules;

import org.ratefloat.document.DocumentFiles;
import org.ratefloat.error.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratefloat.error.ErrorCode;

/**
 * The list of bundled tables whose analysis is cached (src/main/resources/.../analysed-tables.txt) is
 * exactly what a fresh analysis of every bundled table gives: a table changed, added or removed, or
 * an analysis that now finds an error, fails here until the list is made again.
 */
class AnalysedTablesTest {
  private static final Path LIST = Path.of("src/main/resources/org/ratefloat/rules", AnalysedTables.RESOURCE);

  /** The lines a fresh, full analysis of every bundled table gives. */
  private static List<String> analysedAfresh() {
    List<String> lines = new ArrayList<>();
    for (String id : RuleTables.bundledTableIds()) {
      LoadedTable t = RuleTables.resolve(DocumentFiles.bundledFile(id + ".json").orElseThrow(), DocumentFiles.bundled());
      for (Finding f : t.findings()) {
        assertTrue(f.severity() != Finding.Severity.ERROR, id + ": " + f);
      }
      lines.add(AnalysedTables.line(t.measure(), t.base(), t.classification(), t.references()));
    }
    return lines;
  }

  @Test
  void listsEveryBundledTableAsAFreshAnalysisFindsIt() throws Exception {
    List<String> expected = analysedAfresh();
    List<String> listed = Files.readAllLines(LIST, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertEquals(String.join("\n", expected), String.join("\n", listed),
        "make " + LIST + " again: its comment lines, then the expected lines above");
    assertEquals(RuleTables.bundledTableIds().size(), listed.size());
  }

  @Test
  void aTableKnownByItsBytesOnly() {
    DocumentFiles.Named hangzhou = DocumentFiles.bundledFile("cn-zj-hangzhou.json").orElseThrow();
    LoadedTable shipped = RuleTables.resolve(hangzhou, DocumentFiles.bundled());
    assertTrue(AnalysedTables.knownClean(shipped.measure(), shipped.base(), shipped.classification(),
        shipped.references()));
    // one byte more (a trailing line end) is another file: analysed as any other
    byte[] changed = Arrays.copyOf(hangzhou.bytes(), hangzhou.bytes().length + 1);
    changed[changed.length - 1] = '\n';
    LoadedTable other = RuleTables.resolve(new DocumentFiles.Named("cn-zj-hangzhou.json", changed), DocumentFiles.bundled());
    assertFalse(AnalysedTables.knownClean(other.measure(), other.base(), other.classification(),
        other.references()));
  }

  @Test
  void aTableWithAnotherReferenceFileIsNotKnown() {
    DocumentFiles.Named blend = DocumentFiles.bundledFile("cn-credibility-blend.json").orElseThrow();
    LoadedTable shipped = RuleTables.resolve(blend, DocumentFiles.bundled());
    assertFalse(shipped.references().isEmpty(), "the example names its reference data");
    assertTrue(AnalysedTables.knownClean(shipped.measure(), shipped.base(), shipped.classification(),
        shipped.references()));
    // the same table with its reference file one byte longer: the data it reads is not the analysed data
    DocumentFiles.Source changed = id -> DocumentFiles.bundled().find(id).map(n -> !n.name().endsWith(".reference.json") ? n
        : new DocumentFiles.Named(n.name(), java.util.Arrays.copyOf(n.bytes(), n.bytes().length + 1)));
    LoadedTable other = RuleTables.resolve(blend, id -> changed.find(id).map(n -> {
      byte[] b = n.bytes();
      if (n.name().endsWith(".reference.json")) {
        b[b.length - 1] = '\n';
      }
      return new DocumentFiles.Named(n.name(), b);
    }));
    assertEquals(shipped.measure().sha256(), other.measure().sha256());
    assertFalse(AnalysedTables.knownClean(other.measure(), other.base(), other.classification(),
        other.references()));
  }

  @Test
  void withoutAnalysisATableWithAGapLoadsAndAnalysedItDoesNot() {
    Path gap = Path.of("src/test/resources/broken-tables/04-gap.json");
    org.ratefloat.Assertions2.assertFails(ErrorCode.RT020, "/steps/0", () -> RuleTables.loadFileOrBundled(gap.toString()));
    LoadedTable loaded = RuleTables.loadFileOrBundled(gap.toString(), false);
    assertEquals("broken", loaded.measure().id());
    assertEquals(List.of(), loaded.findings());
  }
}
