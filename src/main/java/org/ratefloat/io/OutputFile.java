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
import java.util.regex.Pattern;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/**
 * The one way ratefloat writes an output file: it never replaces a file the run reads, never
 * renames over something that is not a regular file, never waits without bound, and leaves either
 * the complete output or nothing.
 *
 * <ul>
 *   <li>A new name or a regular file is written under a temporary name beside it
 *       ({@code .rf-<12 hex of the name>-<8 random hex>.partial}, 33 bytes whatever the output's
 *       name) and renamed over it when complete; a run that fails removes it. The temporary file is
 *       locked while in use, and a lock is released when its process ends, however it ends: every
 *       run that writes into a directory removes the temporary files there that no process holds
 *       (those of killed runs, whatever output they were for). The replaced file's permissions are
 *       kept.
 *   <li>One run at a time writes an output: while it does, a second name of its temporary file,
 *       {@code .rf-<12 hex of the name>.lock}, claims the output, and another run to the same output
 *       is refused at once ({@code IN032}) rather than racing it to the rename. A claim whose run
 *       was killed is removed as its temporary file is. (On a file system without hard links there
 *       is no claim, and the last run to finish wins.)
 *   <li>A symbolic link is followed: the file it points to is replaced, the link stays.
 *   <li>A character device ({@code /dev/null}, {@code /dev/stdout} on a terminal) or a FIFO (a named
 *       pipe, {@code /dev/stdout} on a pipe) is written in place as the output is produced, never
 *       renamed over; such an output is not "complete or absent". It is opened within
 *       {@value #SPECIAL_OPEN_SECONDS} seconds or refused ({@code IN032}): a FIFO that no process
 *       reads would otherwise hold the run forever. A socket or a block device (a disk) is refused.
 *   <li>Refused, each with its code and a one-line message naming the file: an output that is a
 *       file the run reads, also through links and {@code ..} ({@code IN030}); a missing directory
 *       ({@code IN031}); a directory, a read-only directory, a broken link, a full disk, an output
 *       another run is writing ({@code IN032}).
 * </ul>
 *
 * <p>Use one instance per output, from one thread: {@link #create}, write to {@link #stream()},
 * {@link #commit()}, and {@link #close()} in all cases (try-with-resources).
 */
public final class OutputFile implements Closeable {
  private static final String PREFIX = ".rf-";
  private static final String SUFFIX = ".partial";
  private static final String CLAIM = ".lock";
  /** The names of the files a run leaves beside its output: temporary files and claims. */
  private static final Pattern OURS = Pattern.compile("\\.rf-[0-9a-f]{12}(-[0-9a-f]{8}\\.partial|\\.lock)");
  /** Longest wait for a device or FIFO to open, in seconds. */
  public static final int SPECIAL_OPEN_SECONDS = 5;
  /**
   * The absolute paths of the temporary files and claims this process holds (random or claimed, so
   * unique). The stale-file sweep must not even open them: on POSIX systems closing any descriptor
   * of a file drops the process's lock on it.
   */
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

  private final Path path;
  private final Path target;
  private final Path temp;
  private final Path claim;
  private final FileChannel channel;
  private final OutputStream stream;
  private final Thread cleanup;
  private boolean committed;

  private OutputFile(Path path, Path target, Path temp, Path claim, FileChannel channel) {
    this.path = path;
    this.target = target;
    this.temp = temp;
    this.claim = claim;
    this.channel = channel;
    this.stream = new BufferedOutputStream(new Coded(Channels.newOutputStream(channel)), 1 << 18);
    this.cleanup = temp == null ? null : new Thread(() -> {
      deleteQuietly(claim);
      deleteQuietly(temp);
    }, "ratefloat-cleanup");
    if (cleanup != null) {
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
      return new OutputFile(out, out, null, null, openSpecial(out));
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
    String name = PREFIX + Hashing.sha256().hashString(target.getFileName().toString(),
        StandardCharsets.UTF_8).toString().substring(0, 12);
    removeStale(dir);
    for (int attempt = 0; attempt < 10; attempt++) {
      Path temp = dir.resolve(name + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + SUFFIX)
          .toAbsolutePath();
      FileChannel channel = null;
      // known before it exists, so that no sweep of this process ever opens it
      WRITING.add(temp);
      try {
        channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        channel.lock();
        if (!Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
          // removed as stale by another run's sweep in the instant before it was locked
          channel.close();
          WRITING.remove(temp);
          continue;
        }
        Path claim = claim(out, dir.resolve(name + CLAIM).toAbsolutePath(), temp);
        if (attributes != null) {
          keepPermissions(target, temp);
        }
        return new OutputFile(out, target, temp, claim, channel);
      } catch (FileAlreadyExistsException e) {
        // another name
        WRITING.remove(temp);
      } catch (AccessDeniedException e) {
        WRITING.remove(temp);
        throw fail(ErrorCode.IN032, out, "cannot be written: directory " + dir + " is read-only or not ours");
      } catch (IOException | RuntimeException e) {
        deleteQuietly(temp);
        closeQuietly(channel);
        WRITING.remove(temp);
        throw e instanceof IOException io ? fail(ErrorCode.IN032, out, "cannot be written: " + InputFiles.reason(io))
            : (RuntimeException) e;
      }
    }
    throw fail(ErrorCode.IN032, out, "no free temporary name in " + dir);
  }

  /**
   * Claims the output for this run: {@code claim} becomes a second name of the run's (locked)
   * temporary file, made only if there is none ({@code link} fails if the name exists), so that of
   * two runs to one output exactly one makes it. A claim whose file no process holds is a killed
   * run's and is removed; one a live run holds refuses this run at once.
   *
   * @return the claim, or null on a file system without hard links (no claim can be made there)
   */
  private static Path claim(Path out, Path claim, Path temp) {
    if (!WRITING.add(claim)) {
      throw busy(out, claim);
    }
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        Files.createLink(claim, temp);
        return claim;
      } catch (FileAlreadyExistsException taken) {
        if (removeIfStale(claim) == Stale.HELD) {
          WRITING.remove(claim);
          throw busy(out, claim);
        }
        // removed, or changed meanwhile: try again
      } catch (IOException | UnsupportedOperationException | SecurityException noHardLinks) {
        WRITING.remove(claim);
        return null;
      }
    }
    WRITING.remove(claim);
    throw busy(out, claim);
  }

  private static InputException busy(Path out, Path claim) {
    return fail(ErrorCode.IN032, out, "another run is writing it now (it holds " + claim.getFileName()
        + "); run again when that one has finished");
  }

  /**
   * Opens a device or FIFO for writing in place, waiting at most {@value #SPECIAL_OPEN_SECONDS}
   * seconds: opening a FIFO waits for a reader, which may never come. A socket or a block device is
   * refused.
   */
  private static FileChannel openSpecial(Path out) {
    String kind = specialKind(out);
    if (kind.equals("socket") || kind.equals("block device")) {
      throw fail(ErrorCode.IN032, out, "is a " + kind + ", not a file; write the output to a file");
    }
    java.util.concurrent.CompletableFuture<FileChannel> opening = new java.util.concurrent.CompletableFuture<>();
    Thread opener = new Thread(() -> {
      try {
        opening.complete(FileChannel.open(out, StandardOpenOption.WRITE));
      } catch (Throwable e) {
        opening.completeExceptionally(e);
      }
    }, "ratefloat-open-output");
    opener.setDaemon(true);
    opener.start();
    try {
      return opening.get(SPECIAL_OPEN_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      release(out, kind, opening);
      throw fail(ErrorCode.IN032, out, kind.equals("FIFO")
          ? "is a FIFO that no process reads (none opened it within " + SPECIAL_OPEN_SECONDS
              + " s); start its reader first"
          : "is a " + kind + " that did not open within " + SPECIAL_OPEN_SECONDS + " s");
    } catch (java.util.concurrent.ExecutionException e) {
      throw fail(ErrorCode.IN032, out, "cannot be written: " + (e.getCause() instanceof IOException io
          ? InputFiles.reason(io) : "it cannot be opened"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      release(out, kind, opening);
      throw fail(ErrorCode.IN032, out, "cannot be written: interrupted while it was opened");
    }
  }

  /**
   * Ends an open that was given up: a FIFO's waiting open ends when a reader comes, so one is opened
   * and closed at once; the channel the open returns, if any, is closed.
   */
  private static void release(Path out, String kind, java.util.concurrent.CompletableFuture<FileChannel> opening) {
    opening.whenComplete((channel, e) -> closeQuietly(channel));
    if (kind.equals("FIFO")) {
      Thread reader = new Thread(() -> {
        try {
          // nothing to read: opening it lets the waiting open end
          FileChannel.open(out, StandardOpenOption.READ).close();
        } catch (IOException ignored) {
          // gone meanwhile: the open ended some other way
        }
      }, "ratefloat-release-output");
      reader.setDaemon(true);
      reader.start();
    }
  }

  /** What a special file is, from its mode where the file system tells it. */
  private static String specialKind(Path out) {
    try {
      int mode = (Integer) Files.getAttribute(out, "unix:mode");
      return switch (mode & 0170000) {
        case 0010000 -> "FIFO";
        case 0140000 -> "socket";
        case 0060000 -> "block device";
        case 0020000 -> "character device";
        default -> "special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException
        | SecurityException unknown) {
      return "special file";
    }
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
        // the claim goes while the lock is still held, so no run can take it for a killed run's
        deleteQuietly(claim);
      }
      committed = true;
    } catch (IOException e) {
      throw fail(ErrorCode.IN032, path, "cannot be written: " + InputFiles.reason(e));
    }
  }

  /** Closes the output; unless {@link #commit()} succeeded, the temporary file is removed. */
  @Override
  public void close() {
    if (temp != null) {
      // removed while the lock is held: no other run can mistake them for a killed run's meanwhile
      deleteQuietly(claim);
      if (!committed) {
        deleteQuietly(temp);
      }
    }
    closeQuietly(channel);
    if (temp != null) {
      WRITING.remove(temp);
      if (claim != null) {
        WRITING.remove(claim);
      }
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
  }

  /**
   * Removes the temporary files and claims in {@code dir} that no process holds any more, whatever
   * output they were for: their runs were killed. A run in progress holds a lock on its temporary
   * file (and so on its claim, a second name of it); a lock is released when its process ends,
   * however it ends.
   */
  private static void removeStale(Path dir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
      for (Path file : files) {
        if (OURS.matcher(file.getFileName().toString()).matches() && !WRITING.contains(file.toAbsolutePath())) {
          removeIfStale(file);
        }
      }
    } catch (IOException | RuntimeException unlistable) {
      // best effort: the run itself still works
    }
  }

  /** What {@link #removeIfStale} found. */
  private enum Stale {
    /** A live run holds it, or it is not ours to remove. */
    HELD,
    /** It was no process's and is gone now. */
    REMOVED,
    /** It was replaced while it was looked at: look again. */
    CHANGED
  }

  /**
   * Removes {@code file} if no process holds its lock. It is removed only if the name still names
   * the file whose lock was taken (a claim may be removed and made again meanwhile), and while the
   * lock is held, so that no other run removes the same name at once.
   */
  private static Stale removeIfStale(Path file) {
    Object before = fileKey(file);
    if (before == null) {
      return Stale.REMOVED;
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Stale.HELD;
    }
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock lock = c.tryLock();
      if (lock == null) {
        return Stale.HELD;
      }
      if (!before.equals(fileKey(file))) {
        return Stale.CHANGED;
      }
      Files.deleteIfExists(file);
      return Stale.REMOVED;
    } catch (OverlappingFileLockException inUseHere) {
      // a run of this process is writing it
      return Stale.HELD;
    } catch (NoSuchFileException gone) {
      return Stale.REMOVED;
    } catch (IOException notOurs) {
      // another user's file: leave it
      return Stale.HELD;
    }
  }

  /** The identity of the file a name stands for (not following links), or null if there is none. */
  private static Object fileKey(Path file) {
    try {
      Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
      return key == null ? file : key;
    } catch (IOException e) {
      return null;
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
    if (file == null) {
      return;
    }
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
