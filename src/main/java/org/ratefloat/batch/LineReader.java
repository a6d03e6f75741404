package org.ratefloat.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as bytes (so that invalid UTF-8 is the record's fault, not the file's), without ever
 * holding more than {@code maxLine} bytes of one line: a longer line is skipped to its end and
 * reported as too long. Line ends are {@code \n} or {@code \r\n}. Not thread-safe.
 */
public final class LineReader {
  /** Returned in place of a line longer than the limit. */
  public static final byte[] TOO_LONG = new byte[0];

  private final InputStream in;
  private final int maxLine;
  /** Reads of a mebibyte: few calls into the stream below, each line copied once. */
  private final byte[] buffer = new byte[1 << 20];
  private int pos;
  private int len;
  private long bytesRead;
  private boolean eof;

  /** Reads lines of {@code in} (which it does not close), each up to {@code maxLine} bytes. */
  public LineReader(InputStream in, int maxLine) {
    this.in = in;
    this.maxLine = maxLine;
  }

  long bytesRead() {
    return bytesRead;
  }

  /** The next line without its line end, {@link #TOO_LONG}, or null at the end of the input. */
  public byte[] next() throws IOException {
    byte[] line = null;
    int size = 0;
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == len) {
        if (eof || !fill()) {
          if (!any) {
            return null;
          }
          break;
        }
      }
      any = true;
      // the rest of the line in the buffer, found in one scan and taken in one copy
      int start = pos;
      int end = start;
      while (end < len && buffer[end] != '\n') {
        end++;
      }
      boolean found = end < len;
      int n = end - start;
      pos = found ? end + 1 : end;
      bytesRead += found ? n + 1 : n;
      if (!tooLong) {
        if (size + n > maxLine) {
          tooLong = true;
          line = null;
        } else {
          if (line == null || line.length < size + n) {
            int capacity = found ? size + n : Math.min(maxLine, Math.max(size + n, size * 2));
            line = line == null ? new byte[capacity] : Arrays.copyOf(line, capacity);
          }
          System.arraycopy(buffer, start, line, size, n);
          size += n;
        }
      }
      if (found) {
        break;
      }
    }
    if (tooLong) {
      return TOO_LONG;
    }
    if (size > 0 && line[size - 1] == '\r') {
      size--;
    }
    if (line == null) {
      return new byte[0];
    }
    return line.length == size ? line : Arrays.copyOf(line, size);
  }

  private boolean fill() throws IOException {
    len = in.read(buffer);
    pos = 0;
    if (len <= 0) {
      len = 0;
      eof = true;
      return false;
    }
    return true;
  }
}
