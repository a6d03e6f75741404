package org.ratefloat.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.FileFault;
import org.ratefloat.RateFloat;
import org.ratefloat.WritingRun;
import org.ratefloat.cli.CliRun;

/**
 * The hostile runs of src/test/resources/hostile-inputs/RUNS.tsv: command lines that aim an output
 * at a file the run reads through another, feed CSV that is ambiguous or malformed, point a run at a
 * FIFO nobody reads, carry terminal controls into an output, give verify an overlong first line, pass
 * the parsers' limits, end a name in /, and write where killed or live runs write. Each ends as the
 * corpus says, in ratefloat's words on one line, and leaves every file of its folder as it was, with
 * no temporary file behind. The timeouts guard against a hang (a FIFO), they say nothing of speed.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileRunsTest {
  private static final Path DIR = Path.of("src/test/resources/hostile-inputs");
  private static final Pattern PLACE = Pattern.compile("\\{(dir|runs|fifo|long-first-line|long-cell|wide-header|busy"
      + "|killed-runs)(?::([^}]+))?\\}");

  @TempDir
  Path tmp;

  static List<String[]> runs() throws Exception {
    List<String[]> runs = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve("RUNS.tsv"), StandardCharsets.UTF_8)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        runs.add(line.split("\t", -1));
      }
    }
    return runs;
  }

  @TestFactory
  Stream<DynamicTest> eachHostileRunEndsAsTheCorpusSays() throws Exception {
    // the class's timeout does not reach dynamic tests: each run has its own hang guard (a FIFO)
    return runs().stream().map(r -> DynamicTest.dynamicTest(r[0],
        () -> assertTimeoutPreemptively(Duration.ofSeconds(120), () -> run(r))));
  }

  @Test
  void theCorpusCoversEachCaseOfTheRound() throws Exception {
    List<String[]> runs = runs();
    assertTrue(runs.size() >= 25, "runs: " + runs.size());
    try (Stream<Path> files = Files.list(DIR.resolve("runs"))) {
      for (Path f : files.toList()) {
        assertTrue(runs.stream().anyMatch(r -> String.join("\t", r).contains("{runs}/" + f.getFileName())),
            f + " is used by a run");
      }
    }
  }

  private void run(String[] r) throws Exception {
    if (r[2].startsWith("npe:")) {
      javaCall(r[3], r[2].substring(4));
      return;
    }
    Path dir = fixture();
    List<WritingRun> live = new ArrayList<>();
    List<String> args = new ArrayList<>();
    for (String a : Arrays.copyOfRange(r, 3, r.length)) {
      args.add(places(a, dir, live));
    }
    Map<String, byte[]> before = contents(dir);
    CliRun run;
    Map<String, byte[]> after;
    try {
      run = CliRun.of(args.toArray(String[]::new));
      after = contents(dir);
    } finally {
      for (WritingRun w : live) {
        // the live run finishes its output now
        w.finish();
      }
    }
    String what = r[0] + ": " + String.join(" ", args);
    if (!r[1].equals("-")) {
      assertEquals(Integer.parseInt(r[1]), run.code(), what + "\n" + run.out() + run.err());
    }
    if (r[2].matches("(IN|RT|CL|DC|VR)[0-9]{3}")) {
      assertEquals("", run.out(), what);
      assertTrue(run.err().startsWith("ratefloat: " + r[2] + " ") && run.err().indexOf('\n') == run.err().length() - 1,
          what + ": one coded line: " + run.err());
      assertFalse(OurWordsTest.JAVA.matcher(run.err()).find(), what + ": Java in " + run.err());
      assertEquals(before.keySet(), after.keySet(), what + ": no file made or removed");
      before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), what + ": " + name + " unchanged"));
    } else if (r[2].startsWith("out:")) {
      assertEquals("", run.err(), what);
      assertTrue(run.out().contains(r[2].substring(4)), what + ": " + run.out());
      assertFalse(OurWordsTest.JAVA.matcher(run.out()).find(), what + ": Java in " + run.out());
    } else {
      assertEquals("ok", r[2], what);
      before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), what + ": " + name + " unchanged"));
      assertTrue(after.size() > before.size(), what + ": an output was written");
      for (Map.Entry<String, byte[]> f : after.entrySet()) {
        if (f.getKey().endsWith(".csv") && !before.containsKey(f.getKey())) {
          String text = new String(f.getValue(), StandardCharsets.UTF_8);
          assertFalse(text.chars().anyMatch(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f
              || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069), what + ": control character in " + text);
        }
      }
    }
    FileFault.assertNoTemporaryFiles(dir);
  }

  /** A call of the Java API given null, refused naming the parameter. */
  private static void javaCall(String call, String named) {
    NullPointerException e = switch (call) {
      case "java:title-null" -> assertThrows(NullPointerException.class,
          () -> RateFloat.bundledTable("cn-hn-provisional").title(null));
      default -> throw new IllegalArgumentException(call);
    };
    assertEquals(named, e.getMessage());
  }

  /** A fresh folder with the tables, the ranking definition and the portfolios the runs use. */
  private Path fixture() throws Exception {
    Path dir = Files.createTempDirectory(tmp, "run");
    for (String name : List.of("cn-hn-provisional.json", "cn-national-2015.json", "cn-annex-2015.json",
        "cn-credibility-blend.json", "cn-credibility-example.reference.json", "cn-hn-key-industries.ranking.json")) {
      Files.copy(Path.of("rules", name), dir.resolve(name));
    }
    String hunan = org.ratefloat.Cases.hunanPortfolio();
    Files.writeString(dir.resolve("hunan.ndjson"), hunan);
    Files.writeString(dir.resolve("portfolio.ndjson"), hunan
        + Files.readString(Path.of("examples/cn-credibility-blend/portfolio.ndjson")));
    Files.copy(Path.of("examples/cn-credibility-blend/portfolio.ndjson"), dir.resolve("credibility.ndjson"));
    Files.copy(Path.of("examples/hunan-monthly-portfolio.ndjson"), dir.resolve("monthly.ndjson"));
    return dir;
  }

  /** The argument with its places filled, making what they name. */
  private String places(String arg, Path dir, List<WritingRun> live) throws Exception {
    Matcher m = PLACE.matcher(arg);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(2);
      String value = switch (m.group(1)) {
        case "dir" -> dir.toString();
        case "runs" -> DIR.resolve("runs").toString();
        case "fifo" -> FileFault.FIFO.make(dir.resolve(name)).toString();
        case "long-first-line" -> longFirstLine(dir.resolve("long-first-line.ndjson")).toString();
        case "long-cell" -> Files.writeString(dir.resolve("long-cell.csv"), "id,name\nE1," + "n".repeat(70_000) + "\n")
            .toString();
        case "wide-header" -> wideHeader(dir.resolve("wide-header.csv")).toString();
        case "busy" -> {
          live.add(WritingRun.start(dir.resolve(name)));
          yield dir.resolve(name).toString();
        }
        case "killed-runs" -> {
          // both write at once, then both are killed, as kill -9 of two batches would
          WritingRun.killedWhileWriting(List.of(dir.resolve("a.ndjson"), dir.resolve("b.ndjson")));
          assertEquals(4, ours(dir).size(), "the killed runs left their temporary files and claims: " + ours(dir));
          yield dir.toString();
        }
        default -> throw new IllegalArgumentException(m.group());
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  private static List<String> ours(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".rf-")).toList();
    }
  }

  /** A batch output of three records carrying their input, after a first line of more than 16 MiB. */
  private static Path longFirstLine(Path file) throws Exception {
    Path in = file.resolveSibling("for-long-first-line.ndjson");
    Files.writeString(in, Files.readString(file.resolveSibling("hunan.ndjson")));
    Path records = file.resolveSibling("records.ndjson");
    assertEquals(0, CliRun.of("batch", "--rules", "cn-hn-provisional", "--in", in.toString(), "--out",
        records.toString(), "--echo-input").code());
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("{\"line\":1,\"employerId\":\"".getBytes(StandardCharsets.US_ASCII));
      byte[] block = new byte[1 << 20];
      Arrays.fill(block, (byte) 'x');
      for (int i = 0; i < 17; i++) {
        out.write(block);
      }
      out.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
      out.write(Files.readAllBytes(records));
    }
    Files.delete(in);
    Files.delete(records);
    return file;
  }

  private static Path wideHeader(Path file) throws Exception {
    StringBuilder header = new StringBuilder("id");
    for (int i = 1; i < 600_000; i++) {
      header.append(",c").append(i);
    }
    return Files.writeString(file, header.append("\nE1\n"));
  }

  /** The regular files of a folder and their bytes (a FIFO is not read). */
  private static Map<String, byte[]> contents(Path dir) throws Exception {
    Map<String, byte[]> contents = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && !f.getFileName().toString().startsWith(".rf-")) {
          contents.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
      }
    }
    return contents;
  }
}
