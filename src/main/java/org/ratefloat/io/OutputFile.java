package org.ratefloat.io;

import com.google.common.hash.Hashing;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/**
 * The one way ratefloat writes an output file: it never replaces an input, never renames over
 * something that is not a regular file, and leaves either the complete output or nothing.
 *
 * <ul>
 *   <li>A new name or a regular file is written under a temporary name beside it
 *       ({@code .rf-<12 hex of the name>-<8 random hex>.partial}, 33 bytes whatever the output's
 *       name) and renamed over it when complete; a run that fails removes it, and so does a later
 *       run to the same output when a run was killed (the temporary file is locked while in use,
 *       so only files no live process holds are removed). The replaced file's permissions are kept.
 *   <li>A symbolic link is followed: the file it points to is replaced, the link stays.
 *   <li>A device ({@code /dev/null}, {@code /dev/stdout} on a terminal or pipe), a FIFO or a socket is
 *       written in place as the output is produced, never renamed over; such an output is not
 *       "complete or absent".
 *   <li>Refused, each with its code and a one-line message naming the file: an output that is an
 *       input of the run, also through links ({@code IN030}); a missing directory ({@code IN031}); a
 *       directory, a read-only directory, a broken link, a full disk ({@code IN032}).
 * </ul>
 *
 * <p>Use one instance per output, from one thread: {@link #create}, write to {@link #stream()},
 * {@link #commit()}, and {@link #close()} in all cases (try-with-resources).
 */
public final class OutputFile implements Closeable {
  private static final String PREFIX = ".rf-";
  private static final String SUFFIX = ".partial";
  /**
   * The names of the temporary files this process is writing (random, so unique). The stale-file
   * sweep must not even open them: on POSIX systems closing any descriptor of a file drops the
   * process's lock on it.
   */
  private static final Set<String> WRITING = ConcurrentHashMap.newKeySet();

  private final Path path;
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final OutputStream stream;
  private final Thread cleanup;
  private boolean committed;

  private OutputFile(Path path, Path target, Path temp, FileChannel channel) {
    this.path = path;
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.stream = new BufferedOutputStream(new Coded(Channels.newOutputStream(channel)), 1 << 18);
    this.cleanup = temp == null ? null : new Thread(() -> deleteQuietly(temp), "ratefloat-cleanup");
    if (cleanup != null) {
      WRITING.add(temp.getFileName().toString());
      Runtime.getRuntime().addShutdownHook(cleanup);
    }
  }

  /**
   * Checks {@code out} and opens it for writing: the temporary file is created (or the device
   * opened) now, so that an output that cannot be written fails before any work is done.
   *
   * @param inputs the files the run reads, which the output must not be
   * @throws InputException {@code IN030}, {@code IN031} or {@code IN032}
   */
  public static OutputFile create(Path out, Collection<Path> inputs) {
    BasicFileAttributes attributes = attributes(out, out);
    if (attributes == null && Files.isSymbolicLink(out)) {
      throw fail(ErrorCode.IN032, out, "is a symbolic link to nothing");
    }
    requireNotAnInput(out, inputs);
    if (attributes != null && attributes.isDirectory()) {
      throw fail(ErrorCode.IN032, out, "is a directory, not a file");
    }
    if (attributes != null && !attributes.isRegularFile()) {
      try {
        return new OutputFile(out, out, null, FileChannel.open(out, StandardOpenOption.WRITE));
      } catch (IOException e) {
        throw fail(ErrorCode.IN032, out, "cannot be written: " + InputFiles.reason(e));
      }
    }
    Path target = out;
    if (attributes != null && Files.isSymbolicLink(out)) {
      try {
        target = out.toRealPath();
      } catch (IOException e) {
        throw fail(ErrorCode.IN032, out, "cannot be written: " + InputFiles.reason(e));
      }
    }
    Path dir = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      throw fail(ErrorCode.IN031, out, "no such directory: " + dir);
    }
    String prefix = PREFIX + Hashing.sha256().hashString(target.getFileName().toString(),
        StandardCharsets.UTF_8).toString().substring(0, 12) + "-";
    removeStale(dir, prefix);
    for (int attempt = 0; attempt < 10; attempt++) {
      Path temp = dir.resolve(prefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + SUFFIX);
      FileChannel channel = null;
      try {
        channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        channel.lock();
        if (!Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
          // removed as stale by a run to the same output in the instant before it was locked
          channel.close();
          continue;
        }
        if (attributes != null) {
          keepPermissions(target, temp);
        }
        return new OutputFile(out, target, temp, channel);
      } catch (FileAlreadyExistsException e) {
        // another name
      } catch (AccessDeniedException e) {
        throw fail(ErrorCode.IN032, out, "cannot be written: directory " + dir + " is read-only or not ours");
      } catch (IOException e) {
        closeQuietly(channel);
        deleteQuietly(temp);
        throw fail(ErrorCode.IN032, out, "cannot be written: " + InputFiles.reason(e));
      }
    }
    throw fail(ErrorCode.IN032, out, "no free temporary name in " + dir);
  }

  /**
   * Refuses an output that is one of the run's inputs (the same file, also through symbolic or hard
   * links).
   */
  public static void requireNotAnInput(Path out, Collection<Path> inputs) {
    for (Path in : inputs) {
      if (in != null && sameFile(out, in)) {
        throw fail(ErrorCode.IN030, out, "is the input " + in + "; write the output to another file");
      }
    }
  }

  /** Writes {@code bytes} to {@code out} through an {@link OutputFile}. */
  public static void write(Path out, Collection<Path> inputs, byte[] bytes) {
    try (OutputFile file = create(out, inputs)) {
      file.write(bytes);
      file.commit();
    }
  }

  /** Writes bytes; a write error is reported with {@code IN032}, naming the file. */
  public void write(byte[] bytes) {
    try {
      stream.write(bytes);
    } catch (IOException e) {
      throw fail(ErrorCode.IN032, path, "cannot be written: " + InputFiles.reason(e));
    }
  }

  /** The stream to write to (buffered); a write error is reported with {@code IN032}. */
  public OutputStream stream() {
    return stream;
  }

  /**
   * Makes the output complete: flushes, forces the bytes to the disk and renames the temporary file
   * over the output (a device or FIFO is only flushed).
   */
  public void commit() {
    try {
      stream.flush();
      if (temp != null) {
        channel.force(true);
        BasicFileAttributes now = attributes(path, target);
        if (now != null && !now.isRegularFile()) {
          throw fail(ErrorCode.IN032, path, "was replaced by something that is not a regular file while writing");
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      committed = true;
    } catch (IOException e) {
      throw fail(ErrorCode.IN032, path, "cannot be written: " + InputFiles.reason(e));
    }
  }

  /** Closes the output; unless {@link #commit()} succeeded, the temporary file is removed. */
  @Override
  public void close() {
    closeQuietly(channel);
    if (temp != null) {
      if (!committed) {
        deleteQuietly(temp);
      }
      WRITING.remove(temp.getFileName().toString());
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
  }

  /**
   * Removes temporary files of earlier runs to the same output that no process holds any more (their
   * run was killed). A run in progress holds a lock on its temporary file; a lock is released when
   * its process ends, however it ends.
   */
  private static void removeStale(Path dir, String prefix) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*" + SUFFIX)) {
      for (Path file : files) {
        if (WRITING.contains(file.getFileName().toString()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
          FileLock lock = c.tryLock();
          if (lock != null) {
            Files.deleteIfExists(file);
          }
        } catch (OverlappingFileLockException inUseHere) {
          // a run of this process is writing it
        } catch (IOException notOurs) {
          // another user's file, or gone meanwhile: leave it
        }
      }
    } catch (IOException | RuntimeException unlistable) {
      // best effort: the run itself still works
    }
  }

  private static BasicFileAttributes attributes(Path out, Path target) {
    try {
      return Files.readAttributes(target, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw fail(ErrorCode.IN032, out, "cannot be written: " + InputFiles.reason(e));
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static void keepPermissions(Path from, Path to) {
    try {
      Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // best effort: the usual permissions then
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // best effort: the next run to this output removes it
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // nothing more to lose
    }
  }

  private static InputException fail(ErrorCode code, Path out, String detail) {
    return new InputException(code, "", out + ": " + detail);
  }

  /** Reports a write error with {@code IN032} and the file's name, however the stream is used. */
  private final class Coded extends FilterOutputStream {
    Coded(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw fail(ErrorCode.IN032, path, "cannot be written: " + InputFiles.reason(e));
      }
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw fail(ErrorCode.IN032, path, "cannot be written: " + InputFiles.reason(e));
      }
    }
  }
}
