package org.ratefloat.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.FileFault;
import org.ratefloat.error.InputException;

/**
 * The one writer: never over an input, never renaming over what is not a regular file, complete or
 * absent, no temporary file left behind, not even by a killed run. The timeout guards against a
 * hang on a FIFO.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OutputFileTest {
  private static final byte[] BYTES = "decisions\n".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path tmp;

  private static List<String> temporaryFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList();
    }
  }

  @Test
  void theOutputAppearsWhenCompleteAndNotBefore() throws Exception {
    Path out = tmp.resolve("out.ndjson");
    try (OutputFile file = OutputFile.create(out, List.of())) {
      file.write(BYTES);
      assertFalse(Files.exists(out), "not before it is complete");
      List<String> temp = temporaryFiles(tmp);
      assertEquals(1, temp.size());
      assertTrue(temp.get(0).matches("\\.rf-[0-9a-f]{12}-[0-9a-f]{8}\\.partial"), temp.get(0));
      file.commit();
    }
    assertArrayEquals(BYTES, Files.readAllBytes(out));
    assertEquals(List.of(), temporaryFiles(tmp));
  }

  @Test
  void anUncommittedOutputLeavesNothingAndAnEarlierOutputIntact() throws Exception {
    Path out = Files.writeString(tmp.resolve("out.ndjson"), "earlier\n");
    try (OutputFile file = OutputFile.create(out, List.of())) {
      file.write(BYTES);
    }
    assertEquals("earlier\n", Files.readString(out));
    assertEquals(List.of(), temporaryFiles(tmp));
  }

  @Test
  void aFailedRenameRemovesTheTemporaryFile() throws Exception {
    Path out = tmp.resolve("out.ndjson");
    try (OutputFile file = OutputFile.create(out, List.of())) {
      file.write(BYTES);
      // something that is not a regular file takes the output's place while it is written
      Files.createDirectory(out);
      Files.writeString(out.resolve("inside"), "x");
      InputException e = assertThrows(InputException.class, file::commit);
      assertEquals("IN032", e.code().name());
    }
    assertTrue(Files.isDirectory(out));
    assertEquals(List.of(), temporaryFiles(tmp));
  }

  @Test
  void aTemporaryFileOfAKilledRunIsRemovedByTheNextRunToTheSameOutput() throws Exception {
    Path out = tmp.resolve("out.ndjson");
    // a child JVM opens the output, writes and halts as kill -9 would: no cleanup runs
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), KilledRun.class.getName(), out.toString())
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child ran");
    assertEquals(KilledRun.HALTED, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    List<String> stale = temporaryFiles(tmp);
    assertEquals(1, stale.size(), "the killed run left its temporary file");
    // a file of another output, and one a run of this process holds, are left alone
    Path other = Files.writeString(tmp.resolve(".rf-000000000000-00000000.partial"), "another output's");
    try (OutputFile live = OutputFile.create(out, List.of())) {
      List<String> now = temporaryFiles(tmp);
      assertFalse(now.contains(stale.get(0)), "stale file removed: " + now);
      assertTrue(Files.exists(other));
      try (OutputFile second = OutputFile.create(out, List.of())) {
        assertEquals(3, temporaryFiles(tmp).size(), "the live run's file is kept: " + temporaryFiles(tmp));
        second.write(BYTES);
        second.commit();
      }
      live.write(BYTES);
    }
    assertEquals(List.of(other.getFileName().toString()), temporaryFiles(tmp));
  }

  /** The child of {@link #aTemporaryFileOfAKilledRunIsRemovedByTheNextRunToTheSameOutput}. */
  public static final class KilledRun {
    static final int HALTED = 9;

    public static void main(String[] args) {
      OutputFile file = OutputFile.create(Path.of(args[0]), List.of());
      file.write(BYTES);
      Runtime.getRuntime().halt(HALTED);
    }
  }

  @Test
  void theOutputIsNeverAnInputAlsoThroughLinks() throws Exception {
    Path in = Files.writeString(tmp.resolve("portfolio.ndjson"), "input\n");
    Path symbolic = Files.createSymbolicLink(tmp.resolve("link.ndjson"), in.getFileName());
    Path hard = Files.createLink(tmp.resolve("hard.ndjson"), in);
    for (Path out : List.of(in, symbolic, hard, tmp.resolve(".").resolve("portfolio.ndjson"))) {
      InputException e = assertThrows(InputException.class, () -> OutputFile.create(out, List.of(in)));
      assertEquals("IN030 /: " + out + ": is the input " + in + "; write the output to another file", e.getMessage());
    }
    assertEquals("input\n", Files.readString(in));
    assertEquals(List.of(), temporaryFiles(tmp));
  }

  @Test
  void aSymbolicLinkIsFollowedAndKept() throws Exception {
    Path target = Files.writeString(tmp.resolve("target.ndjson"), "old\n");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    Path link = Files.createSymbolicLink(tmp.resolve("latest.ndjson"), target.getFileName());
    OutputFile.write(link, List.of(), BYTES);
    assertTrue(Files.isSymbolicLink(link));
    assertArrayEquals(BYTES, Files.readAllBytes(target));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)),
        "the replaced file's permissions are kept");
  }

  @Test
  void aDeviceIsWrittenInPlaceNeverRenamedOver() throws Exception {
    Path devNull = Path.of("/dev/null");
    OutputFile.write(devNull, List.of(), BYTES);
    assertFalse(Files.isRegularFile(devNull));
    // a full disk is one coded line naming the output
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.exists(full), "no /dev/full");
    InputException e = assertThrows(InputException.class, () -> OutputFile.write(full, List.of(), BYTES));
    assertEquals("IN032 /: /dev/full: cannot be written: no space left on device", e.getMessage());
    assertFalse(Files.isRegularFile(full));
  }

  @Test
  void aFifoIsWrittenAsTheOutputComes() throws Exception {
    Path fifo = FileFault.FIFO.make(tmp.resolve("out.ndjson"));
    CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return in.readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    OutputFile.write(fifo, List.of(), BYTES);
    assertArrayEquals(BYTES, reader.get(30, TimeUnit.SECONDS));
    assertFalse(Files.isRegularFile(fifo));
    assertEquals(List.of(), temporaryFiles(tmp));
  }

  @Test
  void eachOutputThatCannotBeWrittenHasItsCodeAndSaysWhere() throws Exception {
    List<String> messages = new ArrayList<>();
    Path missing = tmp.resolve("nowhere").resolve("out.ndjson");
    Path dangling = Files.createSymbolicLink(tmp.resolve("dangling.ndjson"), Path.of("nothing-here"));
    Path loop = FileFault.LINK_LOOP.make(tmp.resolve("loop.ndjson"));
    for (Path out : List.of(missing, tmp, dangling, loop)) {
      messages.add(assertThrows(InputException.class, () -> OutputFile.create(out, List.of())).getMessage());
    }
    assertEquals(List.of(
        "IN031 /: " + missing + ": no such directory: " + missing.getParent(),
        "IN032 /: " + tmp + ": is a directory, not a file",
        "IN032 /: " + dangling + ": is a symbolic link to nothing",
        "IN032 /: " + loop + ": cannot be written: too many levels of symbolic links (a link loop)"), messages);
    Path readOnly = FileFault.readOnlyDirectory(tmp);
    InputException e = assertThrows(InputException.class,
        () -> OutputFile.create(readOnly.resolve("out.ndjson"), List.of()));
    assertEquals("IN032 /: " + readOnly.resolve("out.ndjson") + ": cannot be written: directory " + readOnly
        + " is read-only or not ours", e.getMessage());
    assertEquals(List.of(), temporaryFiles(tmp));
  }

  @Test
  void theTemporaryNameIsShortWhateverTheOutputsName() throws Exception {
    Path out = tmp.resolve("n".repeat(249) + ".csv");
    assertEquals(253, out.getFileName().toString().getBytes(StandardCharsets.UTF_8).length);
    try (OutputFile file = OutputFile.create(out, List.of())) {
      assertEquals(33, temporaryFiles(tmp).get(0).length());
      file.write(BYTES);
      file.commit();
    }
    assertArrayEquals(BYTES, Files.readAllBytes(out));
  }
}
