package org.ratefloat.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.Verification;

/**
 * The compatibility corpus: decision records written by released builds, kept as files under
 * {@code src/test/resources/compat/<format>/<table-id>/}, each checked against the table it names: the
 * bundled table of its folder's id, or, where that table has since had a new version, the earlier
 * version's file kept under {@code compat/tables/<table-id>/<version>.json} (the file an auditor keeps
 * beside a record), read by this build. Every record (and every line of a batch output) must verify, identical or made
 * by another version, unless {@code EXCEPTIONS.tsv} lists it with the reason it no longer does (a
 * documented change of a table or of the engine's semantics, see the README's compatibility
 * section). A listed record that verifies again, or a listed file that is not there, fails too, so
 * the list stays true.
 *
 * <p>Records of each release are added as it is made; none is ever regenerated.
 */
class CompatibilityCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/compat");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The corpus's record files (a record, or a batch output), relative to {@link #CORPUS}, sorted. */
  static List<Path> files() throws IOException {
    try (Stream<Path> all = Files.walk(CORPUS)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".decision.json") || p.toString().endsWith(".ndjson"))
          .map(CORPUS::relativize).sorted().toList();
    }
  }

  /** Earlier versions of tables, each the file a record of an earlier release names. */
  static final Path TABLES = CORPUS.resolve("tables");

  /**
   * The table a corpus file was made with: the bundled table of its folder's id when the file's
   * records name its SHA-256, else the kept file of the earlier version they name.
   */
  static RuleTable table(Path file) throws IOException {
    String id = file.getParent().getFileName().toString();
    RuleTable bundled = RateFloat.bundledTable(id);
    String named = namedSha256(file, id);
    if (named.equals(bundled.sha256())) {
      return bundled;
    }
    Path folder = TABLES.resolve(id);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> kept = Files.list(folder)) {
        for (Path version : kept.sorted().toList()) {
          RuleTable earlier = RateFloat.loadTable(version);
          if (earlier.sha256().equals(named)) {
            return earlier;
          }
        }
      }
    }
    fail(file + " names table " + id + " of SHA-256 " + named + ", neither the bundled one nor one kept in " + folder);
    return bundled;
  }

  /** The SHA-256 of the table of this id that a corpus file's first decided record names. */
  private static String namedSha256(Path file, String id) throws IOException {
    for (byte[] record : records(file)) {
      JsonNode tree = JSON.readTree(record);
      JsonNode decision = tree.has("decision") ? tree.get("decision") : tree;
      for (JsonNode t : decision.path("tables")) {
        if (t.path("id").asText().equals(id)) {
          return t.path("sha256").asText();
        }
      }
    }
    throw new AssertionError(file + " has no decided record naming table " + id);
  }

  /** The records of a file: the one record, or every line of a batch output. */
  static List<byte[]> records(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(CORPUS.resolve(file));
    if (!file.toString().endsWith(".ndjson")) {
      return List.of(bytes);
    }
    List<byte[]> lines = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      lines.add(line.getBytes(StandardCharsets.UTF_8));
    }
    return lines;
  }

  /** {@code EXCEPTIONS.tsv}: corpus file → why it no longer verifies. */
  static Map<Path, String> exceptions() throws IOException {
    Map<Path, String> listed = new LinkedHashMap<>();
    for (String line : Files.readAllLines(CORPUS.resolve("EXCEPTIONS.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      assertEquals(2, cells.length, "EXCEPTIONS.tsv: a file and a reason, tab-separated: " + line);
      assertTrue(cells[1].strip().length() >= 20, "EXCEPTIONS.tsv: say why " + cells[0] + " no longer verifies");
      listed.put(Path.of(cells[0]), cells[1]);
    }
    return listed;
  }

  /** Whether every record of a file verifies (identical, or made by another version). */
  private static List<String> failures(Path file) throws IOException {
    RuleTable table = table(file);
    List<String> failed = new ArrayList<>();
    int n = 0;
    for (byte[] record : records(file)) {
      n++;
      Verification v = table.verify(record);
      if (!(v instanceof Verification.Verified || v instanceof Verification.VerifiedByAnotherVersion
          || v instanceof Verification.ErrorRecord)) {
        failed.add("record " + n + ": " + v);
      }
    }
    return failed;
  }

  @TestFactory
  Stream<DynamicTest> everyRecordOfEveryReleaseStillVerifies() throws IOException {
    Map<Path, String> exceptions = exceptions();
    return files().stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      List<String> failed = failures(file);
      if (exceptions.containsKey(file)) {
        assertFalse(failed.isEmpty(), file + " is listed in EXCEPTIONS.tsv but verifies: take it off the list");
      } else if (!failed.isEmpty()) {
        fail(file + " no longer verifies; if a documented change made it so, list it in EXCEPTIONS.tsv with the "
            + "reason: " + failed);
      }
    }));
  }

  /** Every kept earlier version is one a record of the corpus names, and no longer the bundled one. */
  @Test
  void everyKeptTableIsAnEarlierVersionARecordNames() throws IOException {
    List<String> named = new ArrayList<>();
    for (Path file : files()) {
      named.add(namedSha256(file, file.getParent().getFileName().toString()));
    }
    try (Stream<Path> kept = Files.walk(TABLES)) {
      for (Path version : kept.filter(Files::isRegularFile).toList()) {
        RuleTable earlier = RateFloat.loadTable(version);
        assertTrue(named.contains(earlier.sha256()), version + " is named by no record of the corpus");
        String id = version.getParent().getFileName().toString();
        assertFalse(RateFloat.bundledTable(id).sha256().equals(earlier.sha256()), version + " is the bundled "
            + id + " itself");
        assertEquals(version.getFileName().toString(), earlier.version() + ".json", "named by its version");
      }
    }
  }

  /** How many single records of the first format the corpus was made with: frozen. */
  private static final long FIRST_FORMAT_RECORDS = 24;

  @Test
  void theCorpusHoldsEveryFormatEveryExampleABatchAndEveryListedException() throws IOException {
    List<Path> files = files();
    for (String format : List.of("decision@1", "decision@2")) {
      // a record of every example in the current format, made with every shipped measure table; the
      // first format's records are frozen as that release wrote them (an example added since has none),
      // and none of them may go
      boolean current = format.equals("decision@2");
      try (Stream<Path> examples = Files.walk(Path.of("examples"))) {
        for (Path example : examples.filter(p -> p.toString().endsWith(".decision.json")).toList()) {
          Path kept = Path.of(format).resolve(Path.of("examples").relativize(example));
          assertTrue(!current || files.contains(kept), "the corpus lacks " + kept);
        }
      }
      assertTrue(files.stream().filter(f -> f.startsWith(format) && f.toString().endsWith(".decision.json")).count()
          >= (current ? 1 : FIRST_FORMAT_RECORDS), "the corpus of " + format + " lost records");
      assertTrue(files.stream().anyMatch(f -> f.startsWith(format) && f.toString().endsWith(".ndjson")),
          "the corpus lacks a batch output of " + format);
    }
    // the lean record is written only by batch --record lean: its first release's batch output is kept
    assertTrue(files.contains(Path.of("decision-lean@1/cn-hn-provisional/batch.ndjson")),
        "the corpus lacks a batch output of decision-lean@1");
    for (Path listed : exceptions().keySet()) {
      assertTrue(files.contains(listed), "EXCEPTIONS.tsv lists " + listed + ", which is not in the corpus");
    }
  }

  /**
   * A build whose version alone differs verifies every record of the corpus as made by another
   * version: the record's library is its provenance, compared apart from what was decided. Here
   * every record is given another library, as a release would see it.
   */
  @Test
  void everyRecordMadeByAnotherVersionVerifiesAsSuch() throws IOException {
    Map<Path, String> exceptions = exceptions();
    int checked = 0;
    for (Path file : files()) {
      if (exceptions.containsKey(file)) {
        continue;
      }
      RuleTable table = table(file);
      for (byte[] record : records(file)) {
        JsonNode tree = JSON.readTree(record);
        ObjectNode decision = (ObjectNode) (tree.has("decision") ? tree.get("decision") : tree);
        if (tree.path("status").asText("ok").equals("error")) {
          continue;
        }
        decision.put("library", "ratefloat 9.9.9");
        Verification v = table.verify(JSON.writeValueAsBytes(tree));
        Verification.VerifiedByAnotherVersion other =
            assertInstanceOf(Verification.VerifiedByAnotherVersion.class, v, file.toString());
        assertEquals("ratefloat 9.9.9", other.recordedLibrary());
        assertEquals("ratefloat " + RateFloat.VERSION, other.library());
        checked++;
      }
    }
    assertTrue(checked >= 2 * 24, "records checked: " + checked);
  }
}
