package org.ratefloat.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.Cases;
import org.ratefloat.RuleTable;
import org.ratefloat.error.InputException;

/**
 * Records are read on a thread of their own while earlier chunks are written: a fault the reading
 * finds after many chunks were written still refuses the file as a whole, with no output left.
 */
class BatchReadingTest {
  private static final RuleTable HUNAN = Cases.table("cn-hn-provisional");
  private static final String HEADER = "id,name,edition,code,currentBand,asOf,firstInsured,premiumArrears,year,"
      + "payroll,premiumsPaid,benefitsPaid,averageHeadcount,injuries,deaths,maxDeathsSingleAccident,"
      + "maxSeriousInjuriesSingleAccident";

  @TempDir
  Path tmp;

  private static String row(String id, int year) {
    return id + ",Works,GB/T 4754-2011,36,1.0,2025-01-01,2010-01-01,false," + year + ",1000000,9000,100,50,0,0,0,0";
  }

  @Test
  void aFaultReadAfterManyWrittenChunksRefusesTheFileAndLeavesNoOutput() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    int good = 20 * Batch.CHUNK;
    for (int i = 0; i < good; i++) {
      csv.append(row("E" + i, 2024)).append('\n');
    }
    csv.append(row("E-last", 2024)).append(",surplus\n");
    Path in = Files.writeString(tmp.resolve("late-fault.csv"), csv, StandardCharsets.UTF_8);
    Path out = tmp.resolve("late-fault.ndjson");
    for (int threads : new int[] {1, 2, 8}) {
      AtomicLong written = new AtomicLong();
      InputException e = assertThrows(InputException.class, () -> Batch.run(HUNAN::decide, in, out,
          new Batch.Options(threads, Batch.Format.CSV, Batch.Format.NDJSON, false),
          (records, read, total) -> written.set(records)));
      assertEquals("IN001", e.code().name(), e.getMessage());
      assertTrue(e.detail().startsWith("CSV line " + (good + 2) + ", column 18: "), e.getMessage());
      assertTrue(written.get() > 0 && written.get() <= good, "chunks were written before the fault: " + written);
      assertFalse(Files.exists(out));
    }
  }

  @Test
  void theSameFileGivesTheSameBytesOnAnyNumberOfThreads() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 5 * Batch.CHUNK + 7; i++) {
      csv.append(row("E" + i, 2020 + i % 6)).append('\n');
    }
    Path in = Files.writeString(tmp.resolve("many.csv"), csv, StandardCharsets.UTF_8);
    byte[] one = null;
    for (int threads : new int[] {1, 2, 3, 16}) {
      Path out = tmp.resolve("many-" + threads + ".ndjson");
      Batch.Summary s = Batch.run(HUNAN::decide, in, out,
          new Batch.Options(threads, Batch.Format.CSV, Batch.Format.NDJSON, false), null);
      assertEquals(5 * Batch.CHUNK + 7, s.records());
      byte[] bytes = Files.readAllBytes(out);
      if (one == null) {
        one = bytes;
      } else {
        assertTrue(java.util.Arrays.equals(one, bytes), threads + " threads");
      }
    }
  }
}
