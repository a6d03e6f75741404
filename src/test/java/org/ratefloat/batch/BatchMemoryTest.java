package org.ratefloat.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the file: 60,000 employers (about 64 MB in, 200 MB out) are decided in a
 * child JVM limited to a 64 MiB heap. The README shows the same for a million employers. Nor does it
 * grow with the number of one employer's rows.
 */
class BatchMemoryTest {
  @TempDir
  Path tmp;

  private static int run(Path dir, String... args) throws IOException, InterruptedException {
    return java(dir, "org.ratefloat.cli.Main", args);
  }

  private static int java(Path dir, String main, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-cp", System.getProperty("java.class.path"), main));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out");
    }
    return p.exitValue();
  }

  @Test
  void aLargeBatchRunsInSixtyFourMegabytes() throws Exception {
    Path in = tmp.resolve("portfolio.ndjson");
    Path out = tmp.resolve("decisions.ndjson");
    assertEquals(0, run(tmp, "generate", "--employers", "60000", "--seed", "3", "--out", in.toString()));
    int code = run(tmp, "batch", "--rules", "rules/cn-hn-provisional.json", "--in", in.toString(), "--out",
        out.toString(), "--threads", "2");
    String log = Files.readString(tmp.resolve("log.txt"), StandardCharsets.UTF_8);
    assertEquals(0, code, log);
    assertTrue(log.contains("60,000 records"), log);
    assertTrue(Files.size(out) > Files.size(in), "every decision written");
    try (var lines = Files.lines(out)) {
      assertEquals(60_000, lines.count());
    }
  }

  /**
   * A batch run in the child JVM, through the library (how a run with refused records exits is not
   * the question here): args are the rule table, the input, the output and the threads; prints the
   * summary.
   */
  public static final class Child {
    public static void main(String[] args) throws IOException {
      var table = org.ratefloat.RateFloat.loadTable(Path.of(args[0]));
      Path in = Path.of(args[1]);
      Path out = Path.of(args[2]);
      Batch.Summary s = Batch.run(table::decide, in, out,
          new Batch.Options(Integer.parseInt(args[3]), Batch.Format.of(in), Batch.Format.of(out), false), null);
      System.out.println("records " + s.records() + ", decided " + s.decided() + ", errors " + s.errors());
    }
  }

  @Test
  void oneEmployerOnAMillionCsvRowsIsOneErrorRecord() throws Exception {
    // about 60 MB: holding the rows as one group needs far more than 64 MiB
    Path in = tmp.resolve("one-employer.csv");
    String header = "id,name,edition,code,currentBand,asOf,firstInsured,premiumArrears,year,payroll,premiumsPaid,"
        + "benefitsPaid,averageHeadcount,injuries,deaths,maxDeathsSingleAccident,maxSeriousInjuriesSingleAccident\n";
    try (var w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
      w.write(header);
      for (int i = 0; i < 1_000_000; i++) {
        w.write("E1,Works,GB/T 4754-2011,36,1.0,2025-01-01,2010-01-01,false,2024,1000000,9000,100,50,0,0,0,0\n");
      }
      w.write("E2,Shop,GB/T 4754-2011,36,1.0,2025-01-01,2010-01-01,false,2024,1000000,9000,100,50,0,0,0,0\n");
    }
    Path out = tmp.resolve("one-employer.ndjson");
    int code = java(tmp, Child.class.getName(), "rules/cn-hn-provisional.json", in.toString(), out.toString(), "2");
    String log = Files.readString(tmp.resolve("log.txt"), StandardCharsets.UTF_8);
    assertEquals(0, code, log);
    assertTrue(log.contains("records 2, decided 1, errors {IN024=1}"), log);
    assertTrue(Files.readString(out).contains("\"1000000 periods exceed the limit of 600\""));
  }
}
