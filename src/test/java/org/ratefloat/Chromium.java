package org.ratefloat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for the tests that look at a page as its reader does (the report, the notices):
 * Debian's {@code chromium} at /usr/bin/chromium, which {@code .ci/run} installs; without it a test
 * is skipped and says so. Each run has a profile of its own in the test's folder, no network
 * services, and a time limit.
 */
public final class Chromium {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 120;

  private Chromium() {}

  /** Skips the calling test, saying what is not rendered, when Chromium is not installed. */
  public static void requireOrSkip(String what) {
    if (!Files.isExecutable(CHROMIUM)) {
      String why = "SKIPPED: " + CHROMIUM + " is not installed, so " + what + " not rendered in a real browser "
          + "(apt-get install chromium fonts-wqy-zenhei, as .ci/run does)";
      System.out.println(why);
      Assumptions.abort(why);
    }
  }

  /** The DOM after the page's scripts ran ({@code --dump-dom}). */
  public static String dom(Path dir, Path page) throws IOException, InterruptedException {
    return run(dir, List.of("--dump-dom"), page);
  }

  /** Prints the page to a PDF file, without header and footer. */
  public static void printToPdf(Path dir, Path page, Path pdf) throws IOException, InterruptedException {
    run(dir, List.of("--print-to-pdf=" + pdf, "--no-pdf-header-footer"), page);
  }

  /** Runs Chromium on a page with these switches; returns what it wrote to standard output. */
  private static String run(Path dir, List<String> switches, Path page) throws IOException, InterruptedException {
    Path profile = Files.createDirectories(dir.resolve("profile"));
    Path out = dir.resolve("chromium.out");
    Path err = dir.resolve("chromium.log");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
    command.addAll(switches);
    command.add(page.toUri().toString());
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + tail(err));
    }
    assertEquals(0, p.exitValue(), "chromium failed: " + tail(err));
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  /** Deletes a temporary folder and what it holds, as far as it can. */
  public static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | RuntimeException leftBehind) {
      // a temporary folder; the system cleans it up
    }
  }
}
