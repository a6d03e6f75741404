package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} of a batch output reads it line by line, as the README says: a line that is not a
 * readable record, also one over the line limit and also the first, is counted as mismatched with its
 * line number, and the lines after it are still checked; the size of the file is no reason to refuse
 * it.
 */
class VerifyLineByLineTest {
  private static final String HUNAN = "rules/cn-hn-provisional.json";
  /** One more byte than the longest line verify reads (a document of 16 MiB and its line end). */
  private static final int TOO_LONG = (16 << 20) + 3;

  @TempDir
  static Path shared;
  private static List<String> records;

  @TempDir
  Path tmp;

  @BeforeAll
  static void batch() throws Exception {
    Path in = shared.resolve("portfolio.ndjson");
    Files.writeString(in, org.ratefloat.Cases.hunanPortfolio());
    Path out = shared.resolve("decisions.ndjson");
    assertEquals(0, CliRun.of("batch", "--rules", HUNAN, "--in", in.toString(), "--out", out.toString(),
        "--echo-input").code());
    records = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(3, records.size());
  }

  /** A file of the given lines, a line given as null being one JSON document longer than the limit. */
  private Path file(String name, String... lines) throws Exception {
    Path file = tmp.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (String line : lines) {
        if (line == null) {
          out.write("{\"x\":\"".getBytes(StandardCharsets.US_ASCII));
          byte[] block = new byte[1 << 20];
          java.util.Arrays.fill(block, (byte) 'a');
          for (int i = 0; i < TOO_LONG >> 20; i++) {
            out.write(block);
          }
          out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        } else {
          out.write(line.getBytes(StandardCharsets.UTF_8));
        }
        out.write('\n');
      }
    }
    return file;
  }

  @Test
  void aFirstLineOverTheLimitIsOneMismatchAndTheOtherLinesAreChecked() throws Exception {
    Path file = file("long-first.ndjson", null, records.get(0), records.get(1), records.get(2));
    assertTrue(Files.size(file) > 16 << 20, "the file is larger than a document may be");
    CliRun r = CliRun.of("verify", "--rules", HUNAN, file.toString());
    assertEquals(Main.MISMATCH, r.code(), r.out() + r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("MISMATCH line 1: not a readable decision record: IN024 "), r.out());
    assertTrue(r.out().endsWith("3 verified, 1 mismatched, 0 without input\n"), r.out());
  }

  @Test
  void aLineOverTheLimitInTheMiddleIsCountedWithItsNumber() throws Exception {
    Path file = file("long-middle.ndjson", records.get(0), null, records.get(1), records.get(2));
    CliRun r = CliRun.of("verify", "--rules", HUNAN, file.toString());
    assertEquals(Main.MISMATCH, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("MISMATCH line 2: not a readable decision record: IN024 "), r.out());
    assertTrue(r.out().endsWith("3 verified, 1 mismatched, 0 without input\n"), r.out());
  }

  @Test
  void aDamagedFirstLineDoesNotMakeTheFileOneDocument() throws Exception {
    Path file = file("damaged-first.ndjson", records.get(0).substring(0, 40), records.get(1), records.get(2));
    CliRun r = CliRun.of("verify", "--rules", HUNAN, file.toString());
    assertEquals(Main.MISMATCH, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("MISMATCH line 1: not a readable decision record: IN001 "), r.out());
    assertTrue(r.out().endsWith("2 verified, 1 mismatched, 0 without input\n"), r.out());
  }

  @Test
  void aFileOfOneLineOverTheLimitIsOneMismatchNotARefusalOfTheFile() throws Exception {
    CliRun r = CliRun.of("verify", "--rules", HUNAN, file("long-only.ndjson", (String) null).toString());
    assertEquals(Main.MISMATCH, r.code(), r.out() + r.err());
    assertTrue(r.out().endsWith("0 verified, 1 mismatched, 0 without input\n"), r.out());
  }

  @Test
  void aPrettyRecordIsStillOneDocument() throws Exception {
    CliRun r = CliRun.of("verify", "--rules", HUNAN, "examples/cn-hn-provisional/machinery.decision.json");
    assertEquals(Main.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("OK: "), r.out());
  }
}
