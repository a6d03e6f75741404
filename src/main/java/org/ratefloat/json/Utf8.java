package org.ratefloat.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/**
 * Well-formed UTF-8 (RFC 3629, Unicode table 3-7) and well-formed UTF-16 text: what ratefloat
 * accepts as the text of a document, JSON ({@link StrictJson}) or CSV ({@link #checked}).
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * Checks bytes one at a time: a stray continuation byte, an overlong form ({@code C0 AF} for
   * "/"), an encoded surrogate, a code point beyond U+10FFFF or a lead byte that never starts a
   * character is refused at the byte where it shows.
   */
  static final class Checker {
    private int need;
    private int low = 0x80;
    private int high = 0xbf;

    /** Takes the next byte; false if it cannot continue well-formed text. */
    boolean accept(int b) {
      if (need > 0) {
        if (b < low || b > high) {
          return false;
        }
        need--;
        low = 0x80;
        high = 0xbf;
        return true;
      }
      if (b < 0x80) {
        return true;
      }
      if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
      } else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        if (b == 0xe0) {
          low = 0xa0; // below: overlong
        } else if (b == 0xed) {
          high = 0x9f; // above: a surrogate
        }
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        if (b == 0xf0) {
          low = 0x90; // below: overlong
        } else if (b == 0xf4) {
          high = 0x8f; // above: beyond U+10FFFF
        }
      } else {
        return false; // 80..C1 (continuation or overlong lead) and F5..FF never start a character
      }
      return true;
    }

    /** Whether the bytes so far end where a character ends. */
    boolean atBoundary() {
      return need == 0;
    }
  }

  /**
   * The index of the first byte in {@code bytes[from, to)} that starts an ill-formed sequence, or -1
   * when the range is well formed.
   */
  static int firstMalformed(byte[] bytes, int from, int to) {
    Checker checker = new Checker();
    int start = Math.max(0, from);
    int end = Math.min(bytes.length, to);
    for (int i = start; i < end; i++) {
      if (checker.atBoundary()) {
        start = i;
      }
      if (!checker.accept(bytes[i] & 0xff)) {
        return start;
      }
    }
    return checker.atBoundary() ? -1 : start;
  }

  /** The index of the first surrogate in {@code text} that is not half of a pair, or -1. */
  static int firstUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Passes a stream of well-formed UTF-8 through unchanged; at the first byte that is not, reading
   * fails with {@code IN001}, naming the line and byte ({@code what} names the document, e.g. CSV).
   */
  public static InputStream checked(InputStream in, String what) {
    return new FilterInputStream(in) {
      private final Checker checker = new Checker();
      private long offset;
      private long line = 1;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          check(b);
        } else {
          end();
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        for (int i = 0; i < n; i++) {
          check(buffer[off + i] & 0xff);
        }
        if (n < 0) {
          end();
        }
        return n;
      }

      private void check(int b) {
        if (!checker.accept(b)) {
          throw new InputException(ErrorCode.IN001, "", what + " line " + line + ": not well-formed UTF-8 (byte 0x"
              + String.format(Locale.ROOT, "%02x", b) + " at offset " + offset + ")");
        }
        offset++;
        if (b == '\n') {
          line++;
        }
      }

      private void end() {
        if (!checker.atBoundary()) {
          throw new InputException(ErrorCode.IN001, "", what + " line " + line
              + ": not well-formed UTF-8 (the last character is cut short)");
        }
      }
    };
  }
}
