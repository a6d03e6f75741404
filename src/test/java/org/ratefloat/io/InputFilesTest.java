package org.ratefloat.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ratefloat.FileFault;
import org.ratefloat.error.InputException;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.json.Faults;

/**
 * The one reader: only regular files, whole documents refused by their size before reading, every
 * fault coded for the kind of document. The timeout guards against a hang on a FIFO.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InputFilesTest {
  @TempDir
  Path tmp;

  @Test
  void readsARegularFileUpToTheLimitAndNotAByteMore() throws Exception {
    Path file = Files.write(tmp.resolve("ten.json"), "0123456789".getBytes());
    assertArrayEquals("0123456789".getBytes(), InputFiles.read(file, 10, Faults.INPUT));
    InputException e = assertThrows(InputException.class, () -> InputFiles.read(file, 9, Faults.inputFile(file)));
    assertEquals("IN024 /: " + file + ": 10 bytes exceed the limit of 9", e.getMessage());
  }

  @Test
  void aFileThatReportsNoSizeIsStillReadBounded() throws Exception {
    // files of /proc are regular files of size 0 with content; a growing file is the same case
    Path status = Path.of("/proc/self/status");
    Assumptions.assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "no /proc");
    InputException e = assertThrows(InputException.class, () -> InputFiles.read(status, 16, Faults.inputFile(status)));
    assertEquals("IN024 /: /proc/self/status: more than 16 bytes (the limit)", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = FileFault.class, names = "LINK_TO_PASSWD", mode = EnumSource.Mode.EXCLUDE)
  void eachFaultHasItsCodeForInputAndForRuleTables(FileFault fault) throws Exception {
    Path file = fault.make(tmp.resolve("doc.json"));
    RateFloatException input = assertThrows(InputException.class, () -> InputFiles.readInput(file));
    assertEquals(fault.code(false), input.code().name(), input.getMessage());
    assertTrue(input.getMessage().startsWith(fault.code(false) + " /: " + file + ": "), input.getMessage());
    RuleTableException table = assertThrows(RuleTableException.class, () -> InputFiles.readTable(file));
    assertEquals(fault.code(true), table.code().name(), table.getMessage());
    assertEquals(file.toString(), table.source());
    if (fault != FileFault.TOO_LARGE) {
      // a stream has no size limit (a portfolio), the other faults are the same
      assertEquals(fault.code(false), assertThrows(InputException.class,
          () -> InputFiles.open(file, Faults.inputFile(file))).code().name());
    }
  }

  @Test
  void theMessagesSayWhatIsWrong() throws Exception {
    assertEquals("IN027 /: " + tmp + ": is a directory, not a file",
        assertThrows(InputException.class, () -> InputFiles.readInput(tmp)).getMessage());
    Path zero = Path.of("/dev/zero");
    assertEquals("IN028 /: /dev/zero: is not a regular file but a device, FIFO or socket",
        assertThrows(InputException.class, () -> InputFiles.readInput(zero)).getMessage());
    Path loop = FileFault.LINK_LOOP.make(tmp.resolve("loop.json"));
    assertEquals("IN029 /: " + loop + ": cannot be read: too many levels of symbolic links (a link loop)",
        assertThrows(InputException.class, () -> InputFiles.readInput(loop)).getMessage());
    Path file = Files.writeString(tmp.resolve("file"), "{}");
    Path under = file.resolve("x.json");
    assertEquals("IN026 /: " + under + ": no such file (a part of the path is not a directory)",
        assertThrows(InputException.class, () -> InputFiles.readInput(under)).getMessage());
  }

  @Test
  void aFileWithoutReadPermissionIsUnreadable() throws Exception {
    Path file = Files.writeString(tmp.resolve("secret.json"), "{}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
    Assumptions.assumeFalse(Files.isReadable(file), "the superuser reads anything");
    assertEquals("IN029 /: " + file + ": cannot be read: permission denied",
        assertThrows(InputException.class, () -> InputFiles.readInput(file)).getMessage());
  }

  @Test
  void aPortfolioIsStreamedWhateverItsSize() throws Exception {
    Path big = FileFault.sparse(tmp.resolve("big.ndjson"), (20 << 20) + 5);
    assertEquals((20 << 20) + 5, InputFiles.regularFile(big, Faults.INPUT));
    try (InputStream in = InputFiles.open(big, Faults.INPUT)) {
      assertEquals((20 << 20) + 5, in.transferTo(java.io.OutputStream.nullOutputStream()));
    }
    assertFalse(Files.isDirectory(big));
  }
}
