package org.ratefloat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Files that are not what a reader expects, made at a given path when a test runs (a corpus in
 * src/test/resources cannot hold them: the build copies resources, and copying {@code /dev/zero}
 * or a FIFO never ends).
 */
public enum FileFault {
  /** Nothing at the path. */
  MISSING,
  /** An empty directory. */
  DIRECTORY,
  /** A link to {@code /dev/zero}: endless, and not a regular file. */
  DEV_ZERO,
  /** A FIFO nobody writes to: opening it for reading would wait forever. */
  FIFO,
  /** A symbolic link to itself. */
  LINK_LOOP,
  /** A sparse file of 3 GiB: refused by its size, it costs nothing; read first, it cannot fit an array. */
  TOO_LARGE,
  /** A link to a text file that is not JSON, like {@code /etc/passwd}, whose content must not be echoed. */
  LINK_TO_PASSWD;

  /** The first word of {@link #LINK_TO_PASSWD}'s target, which no message may show. */
  public static final String SECRET = "root";

  /** Makes the fault at {@code path}; its parent directory must exist. */
  public Path make(Path path) throws IOException, InterruptedException {
    switch (this) {
      case MISSING -> Files.deleteIfExists(path);
      case DIRECTORY -> Files.createDirectory(path);
      case DEV_ZERO -> Files.createSymbolicLink(path, Path.of("/dev/zero"));
      case FIFO -> {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IOException("mkfifo " + path + " failed");
        }
      }
      case LINK_LOOP -> Files.createSymbolicLink(path, path.getFileName());
      case TOO_LARGE -> sparse(path, 3L << 30);
      case LINK_TO_PASSWD -> {
        Path passwd = path.resolveSibling(path.getFileName() + ".passwd");
        Files.writeString(passwd, SECRET + ":x:0:0:" + SECRET + ":/" + SECRET + ":/bin/bash\n"
            + "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(path, passwd.getFileName());
      }
      default -> throw new IllegalStateException(name());
    }
    return path;
  }

  /** The code a reader gives this fault, for a rule table or for an input document. */
  public String code(boolean table) {
    return switch (this) {
      case MISSING -> table ? "RT030" : "IN026";
      case DIRECTORY -> table ? "RT031" : "IN027";
      case DEV_ZERO, FIFO -> table ? "RT032" : "IN028";
      case LINK_LOOP -> table ? "RT033" : "IN029";
      case TOO_LARGE -> table ? "RT017" : "IN024";
      case LINK_TO_PASSWD -> table ? "RT001" : "IN001";
    };
  }

  /** Asserts that no temporary output file ({@code .rf-*.partial}) is left in {@code dir}. */
  public static void assertNoTemporaryFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> left = files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".rf-") && (n.endsWith(".partial") || n.endsWith(".lock"))).toList();
      assertEquals(List.of(), left, "temporary files left in " + dir);
    }
  }

  /**
   * A directory in which no file can be created: made read-only under {@code parent}, or, for the
   * superuser, whom permissions do not stop, {@code /sys}.
   */
  public static Path readOnlyDirectory(Path parent) throws IOException {
    Path dir = Files.createDirectory(parent.resolve("read-only"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    if (!canCreateIn(dir)) {
      return dir;
    }
    Path kernel = Path.of("/sys");
    Assumptions.assumeTrue(Files.isDirectory(kernel) && !canCreateIn(kernel),
        "no read-only directory to test with (running as the superuser, without /sys)");
    return kernel;
  }

  private static boolean canCreateIn(Path dir) {
    Path probe = dir.resolve(".probe");
    try {
      Files.createFile(probe);
      Files.delete(probe);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A file of {@code size} zero bytes that takes no room on disk. */
  public static Path sparse(Path path, long size) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
      f.setLength(size);
    }
    return path;
  }
}
