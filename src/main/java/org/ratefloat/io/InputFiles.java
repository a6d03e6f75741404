package org.ratefloat.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.json.Fault;
import org.ratefloat.json.Faults;
import org.ratefloat.json.StrictJson;

/**
 * The one way ratefloat reads a file. Only a regular file is opened (a directory, a device such as
 * {@code /dev/zero}, a FIFO or a socket is refused before opening, so that nothing can block or
 * stream forever); a whole document is refused by its size before a byte is read, and read through
 * a bounded stream besides (a file that grows, or reports no size, cannot exceed the limit either).
 * Every fault is reported through the document's {@link Faults}: {@code IN} codes for input,
 * {@code RT} codes for rule tables, each message naming the file.
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * An employer input document: a case, a decision record, the JSON of a simulation or a ranking;
   * at most {@link StrictJson#MAX_INPUT_BYTES}.
   */
  public static byte[] readInput(Path file) {
    return read(file, StrictJson.MAX_INPUT_BYTES, Faults.inputFile(file));
  }

  /**
   * A rule-table document: a measure or base table, a classification, a ranking definition; at most
   * {@link StrictJson#MAX_TABLE_BYTES}.
   */
  public static byte[] readTable(Path file) {
    return read(file, StrictJson.MAX_TABLE_BYTES, Faults.ruleTable(file.toString()));
  }

  /** The whole of a regular file of at most {@code maxBytes}, refused by its size before reading. */
  static byte[] read(Path file, int maxBytes, Faults faults) {
    long size = regularFile(file, faults);
    if (size > maxBytes) {
      throw faults.fault(Fault.TOO_LARGE, "", size + " bytes exceed the limit of " + maxBytes);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw faults.fault(Fault.TOO_LARGE, "", "more than " + maxBytes + " bytes (the limit)");
      }
      return bytes;
    } catch (IOException e) {
      throw fault(e, faults);
    }
  }

  /**
   * Opens a regular file as a stream of any length (a portfolio); a read error while streaming is
   * reported through {@code faults} as well.
   */
  public static InputStream open(Path file, Faults faults) {
    regularFile(file, faults);
    try {
      return new FilterInputStream(Files.newInputStream(file)) {
        @Override
        public int read() throws IOException {
          try {
            return super.read();
          } catch (IOException e) {
            throw fault(e, faults);
          }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          try {
            return super.read(b, off, len);
          } catch (IOException e) {
            throw fault(e, faults);
          }
        }
      };
    } catch (IOException e) {
      throw fault(e, faults);
    }
  }

  /**
   * Checks that {@code file} (links followed) is a regular file and returns its size.
   *
   * @throws RateFloatException if it is missing, a directory, not a regular file or unreadable
   */
  public static long regularFile(Path file, Faults faults) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw fault(e, faults);
    }
    if (attributes.isDirectory()) {
      throw faults.fault(Fault.DIRECTORY, "", "is a directory, not a file");
    }
    if (!attributes.isRegularFile()) {
      throw faults.fault(Fault.NOT_REGULAR, "", "is not a regular file but a device, FIFO or socket");
    }
    return attributes.size();
  }

  private static RateFloatException fault(IOException e, Faults faults) {
    if (e instanceof NoSuchFileException) {
      return faults.fault(Fault.NO_SUCH_FILE, "", "no such file");
    }
    if (e instanceof FileSystemException f && "Not a directory".equals(f.getReason())) {
      return faults.fault(Fault.NO_SUCH_FILE, "", "no such file (a part of the path is not a directory)");
    }
    return faults.fault(Fault.UNREADABLE, "", "cannot be read: " + reason(e));
  }

  /** The operating system's reason, lower-case, without the path Java repeats in it. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
    if (reason == null || reason.isBlank()) {
      return e.getClass().getSimpleName();
    }
    if (reason.startsWith("Too many levels of symbolic links")) {
      return "too many levels of symbolic links (a link loop)";
    }
    return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
  }
  /**
   * The files in the order given, each once: a file named twice, or through another path to it (a
   * link, {@code ./}, {@code ..}), is one file, not two versions of a table whose periods overlap.
   */
  public static List<Path> distinct(List<Path> files) {
    Map<Path, Path> byIdentity = new LinkedHashMap<>();
    for (Path f : files) {
      byIdentity.putIfAbsent(realPath(f), f);
    }
    return List.copyOf(byIdentity.values());
  }

  /**
   * The file's real path: absolute, links and {@code ..} resolved, so that two names of one file
   * are one path; a path that cannot be resolved (the file is missing or unreadable) is made
   * absolute and normalised.
   */
  public static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException | SecurityException unresolvable) {
      // the load reports why the file cannot be read; until then it is known by its name
      return file.toAbsolutePath().normalize();
    }
  }

  /** Opens an employer input document or a batch file for streaming (see {@link #open}). */
  public static InputStream openInput(Path file) {
    return open(file, Faults.inputFile(file));
  }

}
