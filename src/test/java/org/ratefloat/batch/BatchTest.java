package org.ratefloat.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.Cases;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.synthetic.PortfolioGenerator;

/** Batch runs: nothing lost, order kept, the same bytes for any number of threads, atomic output. */
class BatchTest {
  private static final RuleTable HUNAN = Cases.table("cn-hn-provisional");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> LINES = new ArrayList<>();
  private static final List<String> EXPECTED_ERRORS = new ArrayList<>();

  @TempDir
  static Path tmp;

  /**
   * 2,000 synthetic employers with every kind of malformed record mixed in: hostile corpus files
   * squeezed to one line, blank lines, garbage, a line too long to read.
   */
  @BeforeAll
  static void portfolio() throws IOException {
    PortfolioGenerator gen = new PortfolioGenerator(42, 2000, LocalDate.of(2025, 1, 1), 3);
    List<String> bad = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/hostile-inputs/EXPECTED.tsv"))) {
      String[] f = line.split("\t", -1);
      if (line.startsWith("#") || !(f[1].equals("read") || f[1].equals("decide:cn-hn-provisional"))) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/hostile-inputs", f[0]));
      try {
        StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
      } catch (java.nio.charset.CharacterCodingException notText) {
        continue; // a line of this file is text: invalid UTF-8 cannot be mixed in as a String
      }
      String text = new String(bytes, StandardCharsets.UTF_8).replace("\n", " ").replace("\r", " ");
      if (text.isBlank() || text.length() > 100_000) {
        continue;
      }
      bad.add(text);
      EXPECTED_ERRORS.add(f[2]);
    }
    int b = 0;
    int i = 0;
    while (gen.hasNext()) {
      LINES.add(CanonicalJson.compact(gen.next()));
      if (++i % 25 == 0 && b < bad.size()) {
        LINES.add(bad.get(b++));
      }
    }
    LINES.add("");
    LINES.add("   ");
    LINES.add("{\"employer\": ");
    LINES.add("x".repeat(Batch.MAX_LINE + 10));
    LINES.add(LINES.get(0));
    Files.write(tmp.resolve("in.ndjson"), LINES, StandardCharsets.UTF_8);
  }

  private static Path run(int threads, String name) throws IOException {
    Path out = tmp.resolve(name);
    Batch.run(HUNAN::decide, tmp.resolve("in.ndjson"), out,
        new Batch.Options(threads, Batch.Format.NDJSON, Batch.Format.NDJSON, false), null);
    return out;
  }

  @Test
  void everyInputLineHasItsOutputLineInOrder() throws IOException {
    Path out = run(2, "out.ndjson");
    List<String> lines = Files.readAllLines(out);
    assertEquals(LINES.size(), lines.size());
    int errors = 0;
    for (int i = 0; i < lines.size(); i++) {
      JsonNode record = JSON.readTree(lines.get(i));
      assertEquals(i + 1, record.get("line").asInt());
      if (record.get("status").asText().equals("ok")) {
        // the decision belongs to the employer on that input line
        assertEquals(JSON.readTree(LINES.get(i)).path("employer").path("id").asText(),
            record.get("employerId").asText());
        // and is the decision of that line's case as submitted, byte for byte: the record deciding the
        // line alone writes (its input hash and its assumed defaults are those of the submitted text),
        // in the batch's compact form without the echoed input
        org.ratefloat.json.JsonOut alone = new org.ratefloat.json.JsonOut(false);
        org.ratefloat.json.DecisionJson.write(HUNAN.decide(LINES.get(i).getBytes(StandardCharsets.UTF_8)), alone,
            false);
        String key = "\"decision\":";
        String line = lines.get(i);
        assertEquals(new String(alone.bytes(), StandardCharsets.UTF_8),
            line.substring(line.indexOf(key) + key.length(), line.length() - 1), "line " + (i + 1));
      } else {
        errors++;
        assertTrue(record.path("error").path("code").asText().matches("(IN|RT|DC)[0-9]{3}"), lines.get(i));
      }
    }
    // the mixed-in hostile records, then blank, blank, cut-off and too-long lines
    assertEquals(EXPECTED_ERRORS.size() + 4, errors);
  }

  @Test
  void errorRecordsNameLineEmployerCodeAndPointer() throws IOException {
    List<String> lines = Files.readAllLines(run(1, "errors.ndjson"));
    List<String> codes = new ArrayList<>();
    for (String l : lines) {
      JsonNode r = JSON.readTree(l);
      if (r.get("status").asText().equals("error")) {
        codes.add(r.path("error").path("code").asText());
      }
    }
    List<String> expected = new ArrayList<>(EXPECTED_ERRORS);
    expected.addAll(List.of("IN001", "IN001", "IN001", "IN024"));
    assertEquals(expected, codes);
    JsonNode negative = lines.stream().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }).filter(r -> r.path("error").path("code").asText().equals("IN007")).findFirst().orElseThrow();
    assertEquals("H-1", negative.get("employerId").asText());
    assertTrue(negative.path("error").path("pointer").asText().startsWith("/history/"));
  }

  @Test
  void outputBytesAreTheSameForOneTwoAndFourThreads() throws IOException {
    byte[] one = Files.readAllBytes(run(1, "t1.ndjson"));
    assertArrayEquals(one, Files.readAllBytes(run(2, "t2.ndjson")));
    assertArrayEquals(one, Files.readAllBytes(run(4, "t4.ndjson")));
    assertArrayEquals(one, Files.readAllBytes(run(4, "t4-again.ndjson")));
  }

  @Test
  void aRunThatFailsHalfWayLeavesNoOutputFile() throws IOException {
    Path out = tmp.resolve("failed.ndjson");
    AtomicInteger calls = new AtomicInteger();
    RuntimeException boom = assertThrows(IllegalStateException.class, () -> Batch.run(c -> {
      if (calls.incrementAndGet() == 700) {
        throw new IllegalStateException("simulated failure half way");
      }
      return HUNAN.decide(c);
    }, tmp.resolve("in.ndjson"), out, new Batch.Options(2, Batch.Format.NDJSON, Batch.Format.NDJSON, false), null));
    assertEquals("simulated failure half way", boom.getMessage());
    assertFalse(Files.exists(out));
    try (Stream<Path> left = Files.list(tmp)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "temporary file left");
    }
  }

  @Test
  void aFailedRunKeepsAnEarlierOutputIntact() throws IOException {
    Path out = run(2, "kept.ndjson");
    byte[] before = Files.readAllBytes(out);
    assertThrows(IllegalStateException.class, () -> Batch.run(c -> {
      throw new IllegalStateException("fails at once");
    }, tmp.resolve("in.ndjson"), out, new Batch.Options(2, Batch.Format.NDJSON, Batch.Format.NDJSON, false), null));
    assertArrayEquals(before, Files.readAllBytes(out));
  }

  @Test
  void csvInAndOut() throws IOException {
    Path in = tmp.resolve("in.csv");
    Files.writeString(in, String.join("\n",
        "id,name,edition,code,currentBand,asOf,firstInsured,premiumArrears,year,payroll,premiumsPaid,benefitsPaid,"
            + "averageHeadcount,injuries,deaths,maxDeathsSingleAccident,maxSeriousInjuriesSingleAccident,disability7",
        "E1,\"Works, Ltd\",GB/T 4754-2011,36,1.0,2025-01-01,2010-01-01,false,2023,1000000,9000,100,50,0,0,0,0,",
        "E1,\"Works, Ltd\",GB/T 4754-2011,36,1.0,2025-01-01,2010-01-01,false,2024,1000000,9000,13500,50,1,0,0,1,1",
        "E2,Shop,GB/T 4754-2011,52,1.0,2025-01-01,2010-01-01,false,2024,500000,-2000,0,10,0,0,0,0,",
        "E3,Mine,GB/T 4754-2011,06,1.5,2025-01-01,2010-01-01,true,2024,8000000,152000,0,90,0,0,0,0,",
        ""));
    Path out = tmp.resolve("out.csv");
    Batch.Summary s = Batch.run(HUNAN::decide, in, out,
        new Batch.Options(2, Batch.Format.CSV, Batch.Format.CSV, false), null);
    assertEquals(3, s.records());
    List<String> rows = Files.readAllLines(out);
    assertEquals(String.join(",", Batch.CSV_OUT), rows.get(0));
    // E1, 2024: 13500 / 9000 = 150 % -> +1; 1 injury in 50 = 2 % -> no add-on: 0.9 x 1.2 = 1.08
    assertTrue(rows.get(1).startsWith("2,E1,ok,4,0.9,1.0,1.2,1.0800,"), rows.get(1));
    // E2 paid negative premiums: the error names line 4 and the field
    assertTrue(rows.get(2).startsWith("4,E2,error,,,,,,,IN007,/history/0/premiumsPaid,"), rows.get(2));
    // E3: no payouts -> -2, but arrears veto the down-float; class 8 from 150 %: limited to 0 -> 1.9
    assertTrue(rows.get(3).startsWith("5,E3,ok,8,1.9,1.5,1.0,1.9000,"), rows.get(3));
  }

  private static final String CSV_HEADER = "id,name,edition,code,currentBand,asOf,firstInsured,premiumArrears,year,"
      + "payroll,premiumsPaid,benefitsPaid,averageHeadcount,injuries,deaths,maxDeathsSingleAccident,"
      + "maxSeriousInjuriesSingleAccident";

  private static String csvRow(String id, String name, int year) {
    return id + "," + name + ",GB/T 4754-2011,36,1.0,2025-01-01,2010-01-01,false," + year + ",1000000,9000,100,50,0,0,0,0";
  }

  private static List<String> errorCodes(Path out) throws IOException {
    List<String> codes = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      JsonNode r = JSON.readTree(line);
      codes.add(r.get("employerId").asText() + " " + r.get("status").asText() + " "
          + r.path("error").path("code").asText() + " " + r.path("error").path("pointer").asText());
    }
    return codes;
  }

  @Test
  void theCsvRowsOfOneEmployerAreLimitedWhileTheyAreGrouped() throws IOException {
    // 601 periods (years 1424..2024) of E1 are refused as one record, without holding them; E2 follows
    List<String> rows = new ArrayList<>(List.of(CSV_HEADER));
    for (int year = 1424; year <= 2024; year++) {
      rows.add(csvRow("E1", "Works", year));
    }
    rows.add(csvRow("E2", "Shop", 2023));
    rows.add(csvRow("E2", "Shop", 2024));
    Path in = Files.write(tmp.resolve("many-periods.csv"), rows);
    Path out = tmp.resolve("many-periods.ndjson");
    Batch.Summary s = Batch.run(HUNAN::decide, in, out,
        new Batch.Options(2, Batch.Format.CSV, Batch.Format.NDJSON, false), null);
    assertEquals(2, s.records());
    assertEquals(List.of("E1 error IN024 /history", "E2 ok  "), errorCodes(out));
    assertTrue(Files.readString(out).contains("\"601 periods exceed the limit of 600\""), Files.readString(out));
  }

  @Test
  void theCsvRowsOfOneEmployerAreLimitedInBytes() throws IOException {
    // 300 rows of 60,000-character names: 18 MB, more than one record may hold (16 MiB)
    List<String> rows = new ArrayList<>(List.of(CSV_HEADER));
    String name = "n".repeat(60_000);
    for (int i = 0; i < 300; i++) {
      rows.add(csvRow("E1", name, 1725 + i));
    }
    rows.add(csvRow("E2", "Shop", 2024));
    Path in = Files.write(tmp.resolve("wide.csv"), rows);
    Path out = tmp.resolve("wide.ndjson");
    Batch.run(HUNAN::decide, in, out, new Batch.Options(2, Batch.Format.CSV, Batch.Format.NDJSON, false), null);
    assertEquals(List.of("E1 error IN024 ", "E2 ok  "), errorCodes(out));
    assertTrue(Files.readString(out).contains("the rows of this employer hold more than 16777216 bytes"));
  }

  @Test
  void aCsvFileThatIsNotWellFormedIsRefusedAsAWholeWithItsLine() throws IOException {
    byte[] overlong = (CSV_HEADER + "\n" + csvRow("E1", "W\u00c0orks", 2024) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    // ISO-8859-1 wrote C0 alone: the same place holds C0 AF, an overlong "/", in the second file
    byte[] withSlash = (CSV_HEADER + "\n" + csvRow("E1", "W\u00c0\u00aforks", 2024) + "\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    String cell = "x".repeat(70_000);
    List<Object[]> files = List.of(
        new Object[] {overlong, "IN001", "CSV line 2: not well-formed UTF-8 (byte 0xc0 at offset "},
        new Object[] {withSlash, "IN001", "CSV line 2: not well-formed UTF-8 (byte 0xc0 at offset "},
        new Object[] {(CSV_HEADER + "\n" + csvRow("E1", "Works", 2024) + ",surplus\n").getBytes(StandardCharsets.UTF_8),
            "IN001", "CSV line 2, column 18: more cells than the header's 17 columns"},
        new Object[] {(CSV_HEADER + "\n" + csvRow("E1", cell, 2024) + "\n").getBytes(StandardCharsets.UTF_8),
            "IN024", "CSV line 2, column 2: a text of 70000 characters, more than the limit of 65536"});
    for (Object[] f : files) {
      Path in = Files.write(tmp.resolve("refused.csv"), (byte[]) f[0]);
      Path out = tmp.resolve("refused.ndjson");
      org.ratefloat.error.InputException e = assertThrows(org.ratefloat.error.InputException.class, () -> Batch.run(HUNAN::decide,
          in, out, new Batch.Options(1, Batch.Format.CSV, Batch.Format.NDJSON, false), null));
      assertEquals(f[1], e.code().name(), e.getMessage());
      assertTrue(e.detail().startsWith((String) f[2]), e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
      assertFalse(Files.exists(out));
    }
  }

  @Test
  void theInputInFlightIsBoundedWhateverTheThreadsAskedFor() throws Exception {
    // 40 decidable records of 1 MiB each (padded with spaces), on 100,000 threads, and no decision
    // finishes until released: the reader stops once 16 MiB are in flight, however many threads wait
    String line = Files.readString(Path.of("examples/cn-hn-provisional/machinery.json")).replace("\n", "");
    String padded = line.substring(0, line.length() - 1) + " ".repeat((1 << 20) - line.length()) + "}";
    Path in = Files.write(tmp.resolve("long-lines.ndjson"), java.util.Collections.nCopies(40, padded));
    Path out = tmp.resolve("long-lines-out.ndjson");
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    java.util.concurrent.FutureTask<Batch.Summary> run = new java.util.concurrent.FutureTask<>(() -> Batch.run(c -> {
      started.incrementAndGet();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return HUNAN.decide(c);
    }, in, out, new Batch.Options(100_000, Batch.Format.NDJSON, Batch.Format.NDJSON, false), null));
    new Thread(run, "batch under test").start();
    int seen = -1;
    while (started.get() != seen) {
      seen = started.get();
      Thread.sleep(300);
    }
    release.countDown();
    assertEquals(40, run.get().decided());
    // one record is one chunk (1 MiB is the chunk limit): 16 chunks fill the 16 MiB limit, and one
    // more is read before the reader waits; without the limit 64 (the thread cap) would be started
    assertEquals(16L << 20, Batch.MAX_IN_FLIGHT_BYTES);
    assertTrue(seen >= 1 && seen <= 17, "records in flight: " + seen);
  }

  @Test
  void moreThreadsThanTheCapGiveTheSameBytes() throws IOException {
    assertArrayEquals(Files.readAllBytes(run(1, "cap-1.ndjson")), Files.readAllBytes(run(100_000, "cap-max.ndjson")));
  }

  /**
   * A CSV file is read as strictly as JSON: each fault refuses the file with its code, its line and
   * its column (counted in cells, as a spreadsheet counts them), and no output is made.
   */
  @Test
  void aCsvHeaderOrRowThatIsNotExactlyWhatItMustBeIsRefusedWithItsLineAndColumn() throws IOException {
    String row = csvRow("E1", "Works", 2024);
    List<String[]> files = List.of(
        // payroll twice: the last one would silently win (a payroll of 5 for the premium)
        new String[] {CSV_HEADER + ",payroll\n" + row + ",5\n", "IN002",
            "CSV line 1, column 18: column \"payroll\" is named twice (also column 10)"},
        new String[] {CSV_HEADER + ",\n" + row + ",\n", "IN001", "CSV line 1, column 18: a column without a name"},
        new String[] {CSV_HEADER + ", \n" + row + ",\n", "IN001", "CSV line 1, column 18: a column without a name"},
        new String[] {CSV_HEADER + ",colour\n" + row + ",red\n", "IN003", "CSV line 1, column 18: unknown CSV column"},
        new String[] {CSV_HEADER + "\n" + row + ",7\n", "IN001",
            "CSV line 2, column 18: more cells than the header's 17 columns"},
        new String[] {CSV_HEADER + "\n" + row + "\n" + row.substring(0, row.lastIndexOf(",0,0")) + "\n", "IN001",
            "CSV line 3, column 16: the row ends after 15 cells, the header has 17 columns"},
        new String[] {CSV_HEADER + "\n" + row + "\n\n" + csvRow("E2", "Shop", 2024) + "\n", "IN001",
            "CSV line 3, column 2: the row ends after 1 cell, the header has 17 columns (an empty line)"},
        new String[] {CSV_HEADER + "\n" + csvRow("E1", "Wo\0rks", 2024) + "\n", "IN001",
            "CSV line 2, column 2: a NUL character (U+0000)"},
        new String[] {CSV_HEADER.replace("name", "na\0me") + "\n" + row + "\n", "IN001",
            "CSV line 1, column 2: a NUL character (U+0000)"},
        // a quoted cell over two lines counts from the line it starts on
        new String[] {CSV_HEADER + "\n" + csvRow("E1", "\"Two\nlines\"", 2024) + ",x\n", "IN001",
            "CSV line 2, column 18: more cells than the header's 17 columns"},
        new String[] {CSV_HEADER + "\n" + csvRow("E1", "\"Works", 2024) + "\n", "IN001",
            "CSV line 2, column 2: a quoted cell is not closed before the end of the file"},
        new String[] {"", "IN004", "the CSV file is empty: it has no header"});
    for (String[] f : files) {
      Path in = Files.writeString(tmp.resolve("strict.csv"), f[0], StandardCharsets.UTF_8);
      Path out = tmp.resolve("strict.ndjson");
      org.ratefloat.error.InputException e = assertThrows(org.ratefloat.error.InputException.class, () -> Batch.run(
          HUNAN::decide, in, out, new Batch.Options(1, Batch.Format.CSV, Batch.Format.NDJSON, false), null), f[0]);
      assertEquals(f[1], e.code().name(), e.getMessage());
      assertEquals("", e.pointer(), e.getMessage());
      assertTrue(e.detail().startsWith(f[2]), e.getMessage());
      assertFalse(Files.exists(out));
    }
  }

  @Test
  void aHeaderOfAMillionColumnsIsRefusedAtTheFirstOneTooMany() throws IOException {
    // every column name after the known ones is unknown or a repeat: refused at once, never held
    StringBuilder header = new StringBuilder("id");
    for (int i = 0; i < 1_000_000; i++) {
      header.append(",id");
    }
    Path in = Files.writeString(tmp.resolve("wide-header.csv"), header + "\nE1\n");
    org.ratefloat.error.InputException e = assertThrows(org.ratefloat.error.InputException.class, () -> Batch.run(
        HUNAN::decide, in, tmp.resolve("o.ndjson"), new Batch.Options(1, Batch.Format.CSV, Batch.Format.NDJSON,
            false), null));
    assertEquals("IN002 /: CSV line 1, column 2: column \"id\" is named twice (also column 1): which cell counts "
        + "would be a guess", e.getMessage());
  }

  @Test
  void csvWithAnUnknownColumnIsRefusedAsAWhole() throws IOException {
    Path in = tmp.resolve("bad.csv");
    Files.writeString(in, "id,colour\nE1,red\n");
    assertThrows(org.ratefloat.error.InputException.class, () -> Batch.run(HUNAN::decide, in, tmp.resolve("bad-out.csv"),
        new Batch.Options(1, Batch.Format.CSV, Batch.Format.CSV, false), null));
    assertFalse(Files.exists(tmp.resolve("bad-out.csv")));
  }
}
