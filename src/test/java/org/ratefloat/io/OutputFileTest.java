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
import org.ratefloat.WritingRun;
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

  private static List<String> runFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".rf-")).sorted().toList();
    }
  }

  @Test
  void everyKilledRunsFilesInTheDirectoryAreRemovedByTheNextRunThere() throws Exception {
    // two runs to two outputs are killed as they write (kill -9); a file named as ours that no process
    // holds is a killed run's too
    WritingRun.killedWhileWriting(List.of(tmp.resolve("a.ndjson"), tmp.resolve("b.ndjson")));
    Path orphan = Files.writeString(tmp.resolve(".rf-000000000000-00000000.partial"), "a killed run's");
    Path orphanClaim = Files.writeString(tmp.resolve(".rf-000000000000.lock"), "a killed run's claim");
    Path notOurs = Files.writeString(tmp.resolve(".rf-notes.txt"), "a user's file");
    List<String> stale = runFiles(tmp);
    // each killed run left its temporary file and its claim, a second name of it
    assertEquals(7, stale.size(), stale.toString());
    assertEquals(3, temporaryFiles(tmp).size(), stale.toString());
    try (OutputFile other = OutputFile.create(tmp.resolve("c.ndjson"), List.of())) {
      // a run to a third output removes them all, and keeps its own
      List<String> now = runFiles(tmp);
      assertEquals(3, now.size(), "only the live run's temporary file and claim, and the user's file: " + now);
      assertTrue(now.contains(notOurs.getFileName().toString()));
      assertFalse(Files.exists(orphan) || Files.exists(orphanClaim));
      // a second run of this process to another output leaves the first one's alone
      try (OutputFile second = OutputFile.create(tmp.resolve("a.ndjson"), List.of())) {
        assertEquals(5, runFiles(tmp).size(), runFiles(tmp).toString());
        second.write(BYTES);
        second.commit();
      }
      other.write(BYTES);
      other.commit();
    }
    assertEquals(List.of(notOurs.getFileName().toString()), runFiles(tmp));
    assertArrayEquals(BYTES, Files.readAllBytes(tmp.resolve("a.ndjson")));
    assertArrayEquals(BYTES, Files.readAllBytes(tmp.resolve("c.ndjson")));
  }

  @Test
  void aSecondRunToAnOutputBeingWrittenIsRefusedAtOnceAndTheFirstFinishes() throws Exception {
    Path out = Files.writeString(tmp.resolve("out.ndjson"), "earlier\n");
    Path link = Files.createSymbolicLink(tmp.resolve("link.ndjson"), out.getFileName());
    // in this process
    try (OutputFile first = OutputFile.create(out, List.of())) {
      InputException e = assertThrows(InputException.class, () -> OutputFile.create(out, List.of()));
      assertTrue(e.getMessage().startsWith("IN032 /: " + out + ": another run is writing it now"), e.getMessage());
      // through another name of the same output
      e = assertThrows(InputException.class, () -> OutputFile.create(link, List.of()));
      assertTrue(e.getMessage().startsWith("IN032 /: " + link + ": another run is writing it now"), e.getMessage());
      first.write(BYTES);
      first.commit();
    }
    assertArrayEquals(BYTES, Files.readAllBytes(out));
    Files.delete(link);
    assertEquals(List.of(), runFiles(tmp));
    // and in another process, which writes until it is told to finish
    WritingRun live = WritingRun.start(out);
    try {
      InputException e = assertThrows(InputException.class, () -> OutputFile.create(out, List.of()));
      assertTrue(e.getMessage().startsWith("IN032 /: " + out + ": another run is writing it now"), e.getMessage());
      // a run to another output in the directory leaves the live run's files alone
      OutputFile.write(tmp.resolve("other.ndjson"), List.of(), BYTES);
      assertEquals(2, runFiles(tmp).size(), runFiles(tmp).toString());
      live.finish();
    } finally {
      live.destroy();
    }
    assertEquals(WritingRun.CONTENT, Files.readString(out));
    assertEquals(List.of(), runFiles(tmp));
    // once it has finished, the output is free again
    OutputFile.write(out, List.of(), BYTES);
    assertArrayEquals(BYTES, Files.readAllBytes(out));
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
  void aFifoThatNoProcessReadsIsRefusedNotWaitedForForever() throws Exception {
    Path fifo = FileFault.FIFO.make(tmp.resolve("out.ndjson"));
    // threads of other tests' outputs are not this test's business
    java.util.Set<Thread> before = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());
    InputException e = assertThrows(InputException.class, () -> OutputFile.write(fifo, List.of(), BYTES));
    assertEquals("IN032 /: " + fifo + ": is a FIFO that no process reads (none opened it within "
        + OutputFile.SPECIAL_OPEN_SECONDS + " s); start its reader first", e.getMessage());
    assertFalse(Files.isRegularFile(fifo), "the FIFO is still a FIFO");
    // the open that was given up ends too: no thread is left waiting on the FIFO (the class's
    // timeout guards this loop)
    while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && !before.contains(t)
        && (t.getName().equals("ratefloat-open-output") || t.getName().equals("ratefloat-release-output")))) {
      Thread.sleep(10);
    }
  }

  @Test
  void aSocketOrADiskIsNeverAnOutput() throws Exception {
    Path socket = tmp.resolve("out.ndjson");
    try (java.nio.channels.ServerSocketChannel server = java.nio.channels.ServerSocketChannel.open(
        java.net.StandardProtocolFamily.UNIX)) {
      server.bind(java.net.UnixDomainSocketAddress.of(socket));
      InputException e = assertThrows(InputException.class, () -> OutputFile.write(socket, List.of(), BYTES));
      assertEquals("IN032 /: " + socket + ": is a socket, not a file; write the output to a file", e.getMessage());
    }
    // a loop device that is not attached (size 0) is a block device whose writing could harm nothing
    Path disk = null;
    for (int i = 0; i < 8 && disk == null; i++) {
      Path size = Path.of("/sys/block/loop" + i + "/size");
      if (Files.exists(Path.of("/dev/loop" + i)) && Files.isReadable(size)
          && Files.readString(size).strip().equals("0")) {
        disk = Path.of("/dev/loop" + i);
      }
    }
    Assumptions.assumeTrue(disk != null, "no detached loop device to test a block device with");
    Path link = Files.createSymbolicLink(tmp.resolve("disk.ndjson"), disk);
    InputException e = assertThrows(InputException.class, () -> OutputFile.write(link, List.of(), BYTES));
    assertEquals("IN032 /: " + link + ": is a block device, not a file; write the output to a file", e.getMessage());
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
