package org.ratefloat.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.Cases;
import org.ratefloat.FileFault;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.cli.CliRun;
import org.ratefloat.cli.Main;

/**
 * The corpus of hostile and malformed inputs in src/test/resources/hostile-inputs: each is refused
 * with the code and pointer listed in EXPECTED.tsv, at reading or at deciding, and by
 * {@code ratefloat decide} with exit code 3 and one line on stderr in ratefloat's words; the files
 * listed in FILES.tsv (a directory, /dev/zero ...) are made when the test runs. The time of each case is printed (not
 * asserted: a unit test never asserts a time).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard (a FIFO), not a speed test
class HostileInputsTest {
  private static final Path DIR = Path.of("src/test/resources/hostile-inputs");
  private static final Map<String, RuleTable> TABLES = new HashMap<>();
  private static final Map<String, Long> NANOS = new java.util.concurrent.ConcurrentHashMap<>();

  @TempDir
  Path tmp;

  private static List<String[]> cases() throws Exception {
    return tsv("EXPECTED.tsv");
  }

  private static List<String[]> tsv(String name) throws Exception {
    List<String[]> cases = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve(name))) {
      if (!line.startsWith("#") && !line.isBlank()) {
        cases.add(line.split("\t", -1));
      }
    }
    return cases;
  }

  private static RuleTable table(String id) {
    return TABLES.computeIfAbsent(id, Cases::table);
  }

  @TestFactory
  Stream<DynamicTest> eachHostileInputIsRefusedWithItsCodeAndPointer() throws Exception {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c[0], () -> {
      byte[] bytes = Files.readAllBytes(DIR.resolve(c[0]));
      RuleTable table = c[1].startsWith("decide:") ? table(c[1].substring(7)) : null;
      try {
        var input = RateFloat.readCase(bytes);
        if (table != null) {
          table.decide(input);
        }
        fail("accepted: " + c[0]);
      } catch (RateFloatException e) {
        NANOS.put(c[0], fastest(bytes, table));
        assertEquals(ErrorCode.valueOf(c[2]), e.code(), e.getMessage());
        assertEquals(c[3], e.pointer(), e.getMessage());
        assertTrue(table != null || !c[1].startsWith("decide"), "stage");
        assertNotShown(c, e.getMessage());
      }
      Path file = DIR.resolve(c[0]);
      assertRefusedByTheCommandLine(c[1].startsWith("decide:") ? c[1].substring(7) : "cn-hn-provisional", file,
          c[2], c[3], c);
    }));
  }

  @TestFactory
  Stream<DynamicTest> eachFileThatCannotBeReadIsRefusedWithItsCode() throws Exception {
    return tsv("FILES.tsv").stream().map(f -> DynamicTest.dynamicTest(f[0], () -> {
      // as a line of EXPECTED.tsv: file, stage, code, pointer, text not to show
      String[] c = {f[0], "read", f[1], "", f.length > 2 ? f[2] : ""};
      Path dir = Files.createTempDirectory(tmp, f[0]);
      Path file = FileFault.valueOf(f[0]).make(dir.resolve("case.json"));
      RateFloatException e = assertThrows(RateFloatException.class, () -> RateFloat.readCase(file));
      assertEquals(ErrorCode.valueOf(c[2]), e.code(), e.getMessage());
      assertEquals(c[3], e.pointer(), e.getMessage());
      assertNotShown(c, e.getMessage());
      assertRefusedByTheCommandLine("cn-hn-provisional", file, c[2], c[3], c);
    }));
  }

  /** {@code ratefloat decide}: exit 3 and one coded line on stderr, no stack trace. */
  private static void assertRefusedByTheCommandLine(String table, Path file, String code, String pointer,
      String[] c) {
    CliRun r = CliRun.of("decide", "--rules", "rules/" + table + ".json", file.toString())
        .assertRefused(Main.BAD_INPUT, code, pointer);
    assertNotShown(c, r.err());
    // in our words: no Java class, method or option of the parser that found the fault
    assertFalse(OurWordsTest.JAVA.matcher(r.err().replace(file.toString(), "FILE")).find(), "Java in: " + r.err());
  }

  /** The optional last column: text of the file the message must not show. */
  private static void assertNotShown(String[] c, String message) {
    if (c.length > 4 && !c[4].isEmpty()) {
      assertFalse(message.contains(c[4]), "the message shows the file's content: " + message);
    }
  }

  /** The fastest of a few refusals, so that the figure shows the work, not class loading. */
  private static long fastest(byte[] bytes, RuleTable table) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      try {
        var input = RateFloat.readCase(bytes);
        if (table != null) {
          table.decide(input);
        }
      } catch (RateFloatException expected) {
        best = Math.min(best, System.nanoTime() - start);
      }
    }
    return best;
  }

  @Test
  void theCorpusIsLargeAndComplete() throws Exception {
    List<String[]> cases = cases();
    assertTrue(cases.size() >= 40, "at least 40 hostile inputs");
    Set<String> listed = new HashSet<>();
    cases.forEach(c -> listed.add(c[0]));
    try (Stream<Path> files = Files.list(DIR)) {
      files.filter(p -> p.toString().endsWith(".json"))
          .forEach(p -> assertTrue(listed.contains(p.getFileName().toString()), p + " is not in EXPECTED.tsv"));
    }
  }

  @Test
  void anOversizedDocumentIsRefusedBeforeParsing() {
    byte[] big = ("{\"asOf\": \"" + "x".repeat(17 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
    try {
      RateFloat.readCase(big);
      fail("accepted");
    } catch (RateFloatException e) {
      NANOS.put("17 MiB document", fastest(big, null));
      assertEquals(ErrorCode.IN024, e.code());
      assertEquals("", e.pointer());
    }
  }

  @AfterAll
  static void report() {
    var slowest = NANOS.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    var exponent = NANOS.entrySet().stream().filter(e -> e.getKey().contains("huge-exponent")).findFirst()
        .orElseThrow();
    System.out.printf("hostile inputs: %d cases; slowest %s in %d us; %s in %d us%n", NANOS.size(),
        slowest.getKey(), slowest.getValue() / 1000, exponent.getKey(), exponent.getValue() / 1000);
  }
}
