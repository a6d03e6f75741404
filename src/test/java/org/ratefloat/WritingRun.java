package org.ratefloat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ratefloat.io.OutputFile;

/**
 * Another process writing an output, for the tests of runs that meet it: it opens the output, writes
 * a line, says so, and commits when a line on its stdin tells it to; or it is killed as
 * {@code kill -9} kills (no cleanup runs).
 */
public final class WritingRun {
  /** The line the child prints once it writes. */
  static final String WRITING = "writing";
  /** What the child writes to its output. */
  public static final String CONTENT = "live\n";

  private final Process process;

  private WritingRun(Process process) {
    this.process = process;
  }

  /** Starts a child writing {@code out} and returns once it writes. */
  public static WritingRun start(Path out) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), WritingRun.class.getName(), out.toString())
        .redirectErrorStream(true).start();
    String said = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    if (!WRITING.equals(said)) {
      p.destroyForcibly();
      throw new AssertionError("the child run did not start writing: " + said);
    }
    return new WritingRun(p);
  }

  /** Starts a child for each output, all writing at once, then kills them all (SIGKILL). */
  public static void killedWhileWriting(List<Path> outs) throws Exception {
    List<WritingRun> runs = new java.util.ArrayList<>();
    try {
      for (Path out : outs) {
        runs.add(start(out));
      }
    } finally {
      for (WritingRun r : runs) {
        r.process.destroyForcibly();
        assertTrue(r.process.waitFor(60, TimeUnit.SECONDS), "killed");
      }
    }
  }

  /** Tells the child to commit its output and waits for it to end well. */
  public void finish() throws Exception {
    process.getOutputStream().write('\n');
    process.getOutputStream().flush();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child run ended");
    assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** Ends the child however it stands (for a test that failed half-way). */
  public void destroy() {
    process.destroyForcibly();
  }

  /** The child: writes {@code args[0]} until told to finish. */
  public static void main(String[] args) throws Exception {
    try (OutputFile file = OutputFile.create(Path.of(args[0]), List.of())) {
      file.write(CONTENT.getBytes(StandardCharsets.UTF_8));
      System.out.println(WRITING);
      System.out.flush();
      System.in.read();
      file.commit();
    }
  }
}
