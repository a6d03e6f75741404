package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratefloat.FileFault;

/**
 * Every command, for every option that names a file, given a file it cannot use: a directory, a
 * missing file, {@code /dev/zero}, a FIFO nobody writes to, a link loop and a file over the size
 * limit. Each ends at once with the documented exit code and error code and one line on stderr,
 * without a stack trace. And every option that names an output, given a directory, a missing
 * directory, the input itself, a read-only directory, a device or a FIFO.
 *
 * <p>The timeout guards against a hang (a FIFO opened for reading waits for a writer forever); it
 * is generous and says nothing about speed.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CliFileFaultsTest {
  private static final String HUNAN = "rules/cn-hn-provisional.json";
  private static final String CASE = "examples/cn-hn-provisional/machinery.json";
  private static final String RECORD = "examples/cn-hn-provisional/machinery.decision.json";
  private static final String DEFINITION = "rules/cn-hn-key-industries.ranking.json";
  private static final String MONTHLY = "examples/hunan-monthly-portfolio.ndjson";

  @TempDir
  static Path shared;
  private static Path portfolio;
  private static Path years;
  private static Path simulation;
  private static Path ranking;

  @TempDir
  Path tmp;

  /** What the file given to an option holds. */
  enum Kind {
    /** A rule table, base table, classification or ranking definition: RT codes, exit 4. */
    TABLE,
    /** A case, decision record, simulation or ranking: IN codes, exit 3. */
    INPUT,
    /** A portfolio, streamed: IN codes, exit 3; a record over the limit is that record's fault. */
    PORTFOLIO,
    /**
     * A decision record or a batch output (verify, explain): IN codes, exit 3, for a file it cannot read; a
     * file over the limit is read as a stream, whose overlong line is a mismatch (exit 5).
     */
    RECORDS,
    /** A file given to lint: the finding is reported on stdout, exit 4. */
    LINTED
  }

  @BeforeAll
  static void inputs() throws Exception {
    portfolio = shared.resolve("portfolio.ndjson");
    Files.writeString(portfolio, Files.readString(Path.of(CASE)).replace("\n", "") + "\n"
        + Files.readString(Path.of("examples/cn-hn-provisional/new-logistics-firm.json")).replace("\n", "") + "\n");
    years = shared.resolve("years.ndjson");
    assertEquals(0, CliRun.of("generate", "--employers", "60", "--seed", "3", "--years", "3", "--out", years.toString())
        .code());
    simulation = shared.resolve("simulation.json");
    ranking = shared.resolve("ranking.json");
    assertEquals(0, CliRun.of("simulate", "--rules", HUNAN, "--in", portfolio.toString(), "--out", simulation.toString())
        .code());
    assertEquals(0, CliRun.of("rank", "--definition", DEFINITION, "--in", MONTHLY, "--month", "2025-03", "--out",
        ranking.toString()).code());
  }

  /** Every option that names a file to read, with {@code {F}} for the file. */
  static List<Object[]> fileOptions() {
    return List.of(
        new Object[] {Kind.TABLE, "decide --rules {F} " + CASE},
        new Object[] {Kind.INPUT, "decide --rules " + HUNAN + " {F}"},
        new Object[] {Kind.TABLE, "explain --rules {F} " + RECORD},
        // explain reads its file as verify does (RecordFile): an overlong line is that line's mismatch
        new Object[] {Kind.RECORDS, "explain --rules " + HUNAN + " {F}"},
        new Object[] {Kind.TABLE, "verify --rules {F} " + RECORD},
        new Object[] {Kind.RECORDS, "verify --rules " + HUNAN + " {F}"},
        new Object[] {Kind.LINTED, "lint {F}"},
        new Object[] {Kind.TABLE, "classify 36 --edition 2011 --rules {F}"},
        new Object[] {Kind.TABLE, "batch --rules {F} --in {portfolio} --out {out}.ndjson"},
        new Object[] {Kind.PORTFOLIO, "batch --rules " + HUNAN + " --in {F} --out {out}.ndjson"},
        new Object[] {Kind.TABLE, "simulate --rules {F} --in {portfolio}"},
        new Object[] {Kind.TABLE, "simulate --rules " + HUNAN + " --compare {F} --in {portfolio}"},
        new Object[] {Kind.PORTFOLIO, "simulate --rules " + HUNAN + " --in {F}"},
        new Object[] {Kind.TABLE, "credibility --rules {F} --in {portfolio}"},
        new Object[] {Kind.PORTFOLIO, "credibility --rules " + HUNAN + " --in {F}"},
        new Object[] {Kind.TABLE, "rank --definition {F} --in " + MONTHLY + " --month 2025-03"},
        new Object[] {Kind.PORTFOLIO, "rank --definition " + DEFINITION + " --in {F} --month 2025-03"},
        new Object[] {Kind.INPUT, "report --simulation {F} --out {out}.html"},
        new Object[] {Kind.INPUT, "report --simulation {sim} --ranking {F} --out {out}.html"});
  }

  static Stream<Arguments> inputFaults() {
    List<Arguments> cases = new ArrayList<>();
    for (Object[] option : fileOptions()) {
      for (FileFault fault : List.of(FileFault.MISSING, FileFault.DIRECTORY, FileFault.DEV_ZERO, FileFault.FIFO,
          FileFault.LINK_LOOP, FileFault.TOO_LARGE)) {
        cases.add(Arguments.of(option[1] + " <- " + fault, option[0], option[1], fault));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputFaults")
  void aFileThatCannotBeUsedIsOneCodedLine(String name, Kind kind, String template, FileFault fault)
      throws Exception {
    Path file = tmp.resolve(kind == Kind.PORTFOLIO ? "file.ndjson" : "file.json");
    if ((kind == Kind.PORTFOLIO || kind == Kind.RECORDS) && fault == FileFault.TOO_LARGE) {
      // a portfolio has no size limit, its records do: one line of 16 MiB + 1 zero bytes
      FileFault.sparse(file, (16 << 20) + 1);
    } else {
      fault.make(file);
    }
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of(args(template, file, out));
    String code = fault.code(kind == Kind.TABLE || kind == Kind.LINTED);
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    if (kind == Kind.LINTED) {
      assertEquals(Main.BAD_RULES, r.code(), r.out() + r.err());
      assertEquals("", r.err());
      assertTrue(r.out().startsWith(file + ": " + code + " error /: "), r.out());
    } else if (kind == Kind.PORTFOLIO && fault == FileFault.TOO_LARGE) {
      // the run goes on: the record is refused (how a run with refused records exits is the
      // business of the exit-code rules, not of file reading)
      assertNotEquals(Main.INTERNAL, r.code(), r.err());
      String reported = template.startsWith("batch") ? Files.readString(tmp.resolve("out.ndjson")) : r.err();
      assertTrue(reported.contains("IN024"), reported);
    } else if (kind == Kind.RECORDS && fault == FileFault.TOO_LARGE) {
      // a line over the limit is counted as a mismatch with its number, the file is not refused
      assertEquals(Main.MISMATCH, r.code(), r.out() + r.err());
      assertTrue(r.out().startsWith("MISMATCH line 1: not a readable decision record: IN024 "), r.out());
    } else {
      r.assertRefused(kind == Kind.TABLE ? Main.BAD_RULES : Main.BAD_INPUT, code, "");
      assertTrue(r.err().startsWith("ratefloat: " + code + " /: " + file + ": "), "names the file: " + r.err());
    }
    FileFault.assertNoTemporaryFiles(tmp);
  }

  private static String[] args(String template, Path file, Path out) {
    return resolve(template.replace("{F}", file.toString()).replace("{out}", out.toString())).split(" ");
  }

  private static String resolve(String text) {
    return text.replace("{portfolio}", portfolio.toString()).replace("{sim}", simulation.toString())
        .replace("{years}", years.toString());
  }

  // ------------------------------------------------------------------ outputs

  /** Every option that names an output, with {@code {O}} for it, and the input it must not be. */
  static List<Object[]> outputOptions() {
    return List.of(
        new Object[] {"batch --rules " + HUNAN + " --in {portfolio} --out {O}", "out.ndjson", "{portfolio}"},
        new Object[] {"simulate --rules " + HUNAN + " --in {portfolio} --out {O}", "out.json", "{portfolio}"},
        new Object[] {"credibility --rules " + HUNAN + " --in {years} --out {O}", "out.json", "{years}"},
        new Object[] {"rank --definition " + DEFINITION + " --in " + MONTHLY + " --month 2025-03 --out {O}", "out.json",
            MONTHLY},
        new Object[] {"report --simulation {sim} --out {O}", "out.html", "{sim}"},
        new Object[] {"generate --employers 3 --out {O}", "out.ndjson", null});
  }

  /** What the output path is made into. */
  enum OutputFault {
    DIRECTORY("IN032"),
    MISSING_DIRECTORY("IN031"),
    THE_INPUT("IN030"),
    READ_ONLY_DIRECTORY("IN032"),
    DEVICE(null),
    FIFO(null),
    FIFO_WITHOUT_READER("IN032");

    final String code;

    OutputFault(String code) {
      this.code = code;
    }
  }

  static Stream<Arguments> outputFaults() {
    List<Arguments> cases = new ArrayList<>();
    for (Object[] option : outputOptions()) {
      for (OutputFault fault : OutputFault.values()) {
        if (fault == OutputFault.THE_INPUT && option[2] == null) {
          continue;
        }
        cases.add(Arguments.of(option[0] + " <- " + fault, option[0], option[1], option[2], fault));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outputFaults")
  void anOutputThatCannotBeWrittenIsOneCodedLineAndNothingIsClobbered(String name, String template, String fileName,
      String input, OutputFault fault) throws Exception {
    Path dir = tmp;
    Path out = tmp.resolve(fileName);
    CompletableFuture<byte[]> drained = null;
    switch (fault) {
      case DIRECTORY -> Files.createDirectory(out);
      case MISSING_DIRECTORY -> out = tmp.resolve("nowhere").resolve(fileName);
      case THE_INPUT -> Files.createSymbolicLink(out, Path.of(resolve(input)).toAbsolutePath());
      case READ_ONLY_DIRECTORY -> {
        dir = FileFault.readOnlyDirectory(tmp);
        out = dir.resolve(fileName);
      }
      case DEVICE -> Files.createSymbolicLink(out, Path.of("/dev/null"));
      case FIFO_WITHOUT_READER -> FileFault.FIFO.make(out);
      case FIFO -> {
        FileFault.FIFO.make(out);
        Path fifo = out;
        drained = CompletableFuture.supplyAsync(() -> {
          try (InputStream in = Files.newInputStream(fifo)) {
            return in.readAllBytes();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      }
      default -> throw new IllegalStateException();
    }
    byte[] inputBefore = input == null ? null : Files.readAllBytes(Path.of(resolve(input)));
    CliRun r = CliRun.of(resolve(template.replace("{O}", out.toString())).split(" "));
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    if (fault.code != null) {
      r.assertRefused(Main.BAD_INPUT, fault.code, "");
      assertTrue(r.err().startsWith("ratefloat: " + fault.code + " /: " + out + ": "), "names the file: " + r.err());
    } else {
      assertEquals(Main.OK, r.code(), r.err());
    }
    if (inputBefore != null) {
      assertEquals(new String(inputBefore, StandardCharsets.UTF_8),
          Files.readString(Path.of(resolve(input))), "the input is untouched");
    }
    switch (fault) {
      case DIRECTORY -> assertTrue(Files.isDirectory(out));
      case DEVICE -> {
        assertTrue(Files.isSymbolicLink(out));
        assertFalse(Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still a device");
      }
      case FIFO -> {
        assertTrue(drained.get().length > 0, "the FIFO's reader got the output");
        assertFalse(Files.isRegularFile(out), "the FIFO is still a FIFO");
      }
      case FIFO_WITHOUT_READER -> {
        assertTrue(r.err().contains("is a FIFO that no process reads"), r.err());
        assertFalse(Files.isRegularFile(out), "the FIFO is still a FIFO");
      }
      default -> assertFalse(Files.isRegularFile(out) && !Files.isSymbolicLink(out), "no output made");
    }
    FileFault.assertNoTemporaryFiles(dir);
  }

  @Test
  void anOutputNameOf240CharactersWorks() throws Exception {
    Path out = tmp.resolve("d".repeat(233) + ".ndjson");
    assertEquals(240, out.getFileName().toString().length());
    CliRun r = CliRun.of("batch", "--rules", HUNAN, "--in", portfolio.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(2, Files.readAllLines(out).size());
    FileFault.assertNoTemporaryFiles(tmp);
  }

  @Test
  void ofTwoBatchesToOneOutputOneWinsAndTheOtherIsRefusedAtOnce() throws Exception {
    Path in = tmp.resolve("many.ndjson");
    assertEquals(0, CliRun.of("generate", "--employers", "20000", "--seed", "5", "--out", in.toString()).code());
    Path out = tmp.resolve("decisions.ndjson");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<CliRun> first = pool.submit(() -> CliRun.of("batch", "--rules", HUNAN, "--in",
          in.toString(), "--out", out.toString(), "--threads", "1"));
      // the second starts once the first has claimed the output, and so while it writes
      Path claim = null;
      while (claim == null && !first.isDone()) {
        try (Stream<Path> files = Files.list(tmp)) {
          claim = files.filter(f -> f.getFileName().toString().matches("\\.rf-[0-9a-f]{12}\\.lock")).findFirst()
              .orElse(null);
        }
        Thread.sleep(10);
      }
      assertTrue(claim != null, "the first batch claimed its output: " + (first.isDone() ? first.get().err() : ""));
      CliRun second = CliRun.of("batch", "--rules", HUNAN, "--in", in.toString(), "--out", out.toString());
      second.assertRefused(Main.BAD_INPUT, "IN032", "");
      assertTrue(second.err().startsWith("ratefloat: IN032 /: " + out + ": another run is writing it now"),
          second.err());
      // refused at once, not after waiting for the first or doing its own work: the first still writes
      assertFalse(first.isDone() && Files.exists(out), "the second was refused before the first finished");
      CliRun won = first.get();
      assertEquals(0, won.code(), won.err());
      assertEquals(20000, Files.readAllLines(out).size());
    } finally {
      pool.shutdownNow();
    }
    FileFault.assertNoTemporaryFiles(tmp);
  }

  @Test
  void theRuleTableIsNotABatchOutput() throws Exception {
    Path rules = tmp.resolve("rules.ndjson");
    Files.copy(Path.of(HUNAN), rules);
    for (String name : List.of("cn-national-2015.json", "cn-annex-2015.json")) {
      Files.copy(Path.of("rules", name), tmp.resolve(name));
    }
    byte[] before = Files.readAllBytes(rules);
    CliRun r = CliRun.of("batch", "--rules", rules.toString(), "--in", portfolio.toString(), "--out", rules.toString());
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertTrue(r.err().startsWith("ratefloat: IN030 /: " + rules + ": "), r.err());
    assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(rules));
  }
}
