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
 * child JVM limited to a 64 MiB heap. The README shows the same for a million employers.
 */
class BatchMemoryTest {
  @TempDir
  Path tmp;

  private static int run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-cp", System.getProperty("java.class.path"), "org.ratefloat.cli.Main"));
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
}
