package org.ratefloat.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A streaming writer of ratefloat's JSON, without building a tree ({@link CanonicalJson} writes trees
 * through it), in one of three layouts:
 *
 * <ul>
 *   <li><b>canonical</b> ({@link #canonical()}): the JSON Canonicalization Scheme, RFC 8785. No white
 *       space, the members of every object sorted by their keys as UTF-16 code units, integers as
 *       plain digits. This is the form hashes and comparisons are computed over.
 *   <li><b>pretty</b> ({@code new JsonOut(true)}): two-space indent, {@code "key": value}, {@code \n},
 *       empty containers as {@code {}} and {@code []}, a final newline, keys in the order written.
 *       Presentation only.
 *   <li><b>compact</b> ({@code new JsonOut(false)}): the same on one line, without white space.
 * </ul>
 *
 * <p>Strings are escaped as RFC 8785 (section 3.2.2.2) prescribes, in every layout: {@code \"},
 * {@code \\}, {@code \b \t \n \f \r}, other control characters as backslash-u escapes with four
 * lower-case hex digits; all other text, Chinese included, is written as it is. Decimals are strings,
 * so the only JSON numbers are integers; the canonical layout accepts those within
 * &plusmn;(2<sup>53</sup> &minus; 1), where every JSON reader agrees on their value (RFC 8785 section
 * 3.2.2.3), and refuses text with an unpaired surrogate (the other layouts write it as {@code ?}, as
 * {@link String#getBytes} would).
 *
 * <p>The text is encoded to UTF-8 as it is written, into one buffer that {@link #reset()} lets a
 * thread reuse document after document; {@link #writeTo} and {@link #digest} hand the bytes on
 * without a copy. Not thread-safe.
 */
public final class JsonOut {
  /** Largest integer magnitude every JSON reader represents exactly (I-JSON, RFC 7493). */
  static final long MAX_EXACT_INTEGER = (1L << 53) - 1;
  /** Most values a compact writer keeps encoded; past it, it starts again. */
  static final int MAX_CONSTANTS = 256;

  private final boolean pretty;
  private final boolean canonical;
  /** The document so far, as UTF-8. */
  private byte[] buf;
  private int len;
  private boolean[] hasElements = new boolean[32];
  /** Canonical layout: the members written so far of the object open at each depth. */
  private Members[] members;
  /** Canonical layout: where a region is copied while its members are put in order. */
  private byte[] scratch;
  /** Compact layout: values encoded once, by the identity of what they were written from. */
  private java.util.IdentityHashMap<Object, byte[]> constants;
  private int depth;
  private boolean afterName;
  /** The depth at which {@link #constant} is writing its one value, or -1. */
  private int constantDepth = -1;

  /** A writer in the pretty ({@code true}) or compact layout, keys in the order written. */
  public JsonOut(boolean pretty) {
    this(pretty, false);
  }

  private JsonOut(boolean pretty, boolean canonical) {
    this.pretty = pretty;
    this.canonical = canonical;
    this.members = canonical ? new Members[32] : null;
    this.buf = new byte[pretty ? 8192 : 4096];
  }

  /** A writer of the canonical form, RFC 8785 (JSON Canonicalization Scheme). */
  public static JsonOut canonical() {
    return new JsonOut(false, true);
  }

  /** Whether this writer writes the canonical form. */
  public boolean isCanonical() {
    return canonical;
  }

  /**
   * Empties the writer for the next document, keeping its buffer (and, in the compact layout, the
   * values it encoded once), so that one writer serves document after document on one thread.
   */
  public JsonOut reset() {
    len = 0;
    depth = 0;
    afterName = false;
    constantDepth = -1;
    hasElements[0] = false;
    return this;
  }

  public JsonOut beginObject() {
    beforeValue();
    put((byte) '{');
    push();
    if (canonical) {
      if (members.length <= depth) {
        members = java.util.Arrays.copyOf(members, depth * 2);
      }
      Members m = members[depth];
      if (m == null) {
        m = new Members();
        members[depth] = m;
      }
      m.reset(len);
    }
    return this;
  }

  public JsonOut endObject() {
    if (canonical) {
      members[depth].sort(this);
    }
    pop((byte) '}');
    return this;
  }

  public JsonOut beginArray() {
    beforeValue();
    put((byte) '[');
    push();
    return this;
  }

  public JsonOut endArray() {
    pop((byte) ']');
    return this;
  }

  /** A key; the next call writes its value. */
  public JsonOut name(String key) {
    separator();
    if (canonical) {
      members[depth].add(key, len);
    }
    string(key);
    if (pretty) {
      ensure(2);
      buf[len++] = ':';
      buf[len++] = ' ';
    } else {
      put((byte) ':');
    }
    afterName = true;
    return this;
  }

  public JsonOut value(String s) {
    beforeValue();
    string(s);
    return this;
  }

  public JsonOut value(long n) {
    if (canonical && (n > MAX_EXACT_INTEGER || n < -MAX_EXACT_INTEGER)) {
      throw new NotCanonicalException("integer outside +-(2^53 - 1), which RFC 8785 cannot represent exactly: " + n);
    }
    beforeValue();
    digits(n);
    return this;
  }

  public JsonOut value(boolean b) {
    beforeValue();
    ascii(b ? "true" : "false");
    return this;
  }

  /**
   * A number written as it is, e.g. {@code 12.50} (only plain digits, sign and point); not in the
   * canonical layout, which has integers only ({@link #value(long)}).
   */
  public JsonOut number(String plain) {
    if (canonical) {
      throw new NotCanonicalException("a decimal JSON number has no place in the canonical form: " + plain);
    }
    beforeValue();
    text(plain);
    return this;
  }

  public JsonOut nullValue() {
    beforeValue();
    ascii("null");
    return this;
  }

  /** A decimal, as a plain string ({@code "1.20"}). */
  public JsonOut decimal(BigDecimal d) {
    return value(d.toPlainString());
  }

  public JsonOut field(String key, String value) {
    return name(key).value(value);
  }

  public JsonOut field(String key, long value) {
    return name(key).value(value);
  }

  public JsonOut field(String key, boolean value) {
    return name(key).value(value);
  }

  public JsonOut field(String key, BigDecimal value) {
    return name(key).decimal(value);
  }

  /**
   * A value that stays the same for as long as {@code key} lives (a rule table's identity, a warning
   * it gives): in the compact layout it is encoded once by {@code write}, which must write exactly
   * one value, and copied on every later call with the same {@code key} (the same object, not an
   * equal one); in the other layouts it is simply written. The bytes are those {@code write} gives.
   */
  public <T> JsonOut constant(T key, java.util.function.BiConsumer<T, JsonOut> write) {
    if (pretty || canonical) {
      write.accept(key, this);
      return this;
    }
    if (constants == null) {
      constants = new java.util.IdentityHashMap<>();
    }
    beforeValue();
    byte[] encoded = constants.get(key);
    if (encoded != null) {
      ensure(encoded.length);
      System.arraycopy(encoded, 0, buf, len, encoded.length);
      len += encoded.length;
      return this;
    }
    int start = len;
    int startDepth = depth;
    int outer = constantDepth;
    // a second value or member at this depth would need a separator: refused there
    constantDepth = depth;
    afterName = true;
    try {
      write.accept(key, this);
    } finally {
      constantDepth = outer;
    }
    if (depth != startDepth || afterName) {
      throw new IllegalStateException("a constant must be exactly one value");
    }
    if (constants.size() >= MAX_CONSTANTS) {
      constants.clear();
    }
    constants.put(key, java.util.Arrays.copyOfRange(buf, start, len));
    return this;
  }

  /** Ends a line of the compact layout, between top-level documents written one after the other. */
  public JsonOut endLine() {
    if (depth != 0 || pretty || canonical) {
      throw new IllegalStateException("a line ends between compact top-level documents");
    }
    put((byte) '\n');
    return this;
  }

  /** The document; pretty documents end with a newline. */
  public String text() {
    finish();
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  /** The document as UTF-8 (the bytes of {@link #text()}); pretty documents end with a newline. */
  public byte[] bytes() {
    finish();
    return java.util.Arrays.copyOf(buf, len);
  }

  /** How many bytes have been written. */
  public int size() {
    return len;
  }

  /** Writes the bytes so far (UTF-8) to {@code out}, without copying them. */
  public void writeTo(java.io.OutputStream out) throws java.io.IOException {
    out.write(buf, 0, len);
  }

  /** Feeds the document (UTF-8) to {@code digest}, without copying it. */
  public void digest(java.security.MessageDigest digest) {
    if (depth != 0) {
      throw new IllegalStateException("unclosed JSON container");
    }
    digest.update(buf, 0, len);
  }

  private void finish() {
    if (depth != 0) {
      throw new IllegalStateException("unclosed JSON container");
    }
    if (pretty) {
      put((byte) '\n');
    }
  }

  private void push() {
    if (++depth == hasElements.length) {
      hasElements = java.util.Arrays.copyOf(hasElements, depth * 2);
    }
    hasElements[depth] = false;
  }

  private void pop(byte close) {
    if (hasElements[depth] && pretty) {
      newline(depth - 1);
    }
    depth--;
    put(close);
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      separator();
    }
  }

  private void separator() {
    if (depth == constantDepth) {
      throw new IllegalStateException("a constant must be exactly one value");
    }
    if (hasElements[depth]) {
      put((byte) ',');
    }
    hasElements[depth] = true;
    if (pretty) {
      newline(depth);
    }
  }

  private void newline(int level) {
    ensure(1 + 2 * level);
    buf[len++] = '\n';
    for (int i = 0; i < 2 * level; i++) {
      buf[len++] = ' ';
    }
  }

  private void put(byte b) {
    if (len == buf.length) {
      grow(1);
    }
    buf[len++] = b;
  }

  private void ensure(int more) {
    if (buf.length - len < more) {
      grow(more);
    }
  }

  private void grow(int more) {
    long wanted = Math.max((long) buf.length * 2, (long) len + more);
    if (wanted > Integer.MAX_VALUE - 16) {
      if ((long) len + more > Integer.MAX_VALUE - 16) {
        throw new OutOfMemoryError("JSON document larger than 2 GiB");
      }
      wanted = Integer.MAX_VALUE - 16;
    }
    buf = java.util.Arrays.copyOf(buf, (int) wanted);
  }

  /** Text known to be ASCII. */
  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    byte[] b = buf;
    int at = len;
    for (int i = 0; i < n; i++) {
      b[at++] = (byte) s.charAt(i);
    }
    len = at;
  }

  /** An integer's digits (and sign), written as {@link Long#toString(long)} writes them, without a string. */
  private void digits(long n) {
    if (n == Long.MIN_VALUE) {
      ascii(Long.toString(n));
      return;
    }
    ensure(20);
    if (n < 0) {
      buf[len++] = '-';
      n = -n;
    }
    int count = 1;
    for (long m = n; m >= 10; m /= 10) {
      count++;
    }
    int end = len + count;
    for (int at = end - 1; at >= len; at--) {
      buf[at] = (byte) ('0' + (int) (n % 10));
      n /= 10;
    }
    len = end;
  }

  /** Text as UTF-8, unescaped; an unpaired surrogate becomes {@code ?}, as {@link String#getBytes} makes it. */
  private void text(String s) {
    int n = s.length();
    ensure(3 * n);
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      if (ch < 0x80) {
        buf[len++] = (byte) ch;
      } else {
        i = encode(s, i, ch);
      }
    }
  }

  /**
   * Writes the non-ASCII character at {@code i} (room for three bytes ensured) and returns the index
   * of the last char it used.
   */
  private int encode(String s, int i, char ch) {
    if (ch < 0x800) {
      buf[len++] = (byte) (0xc0 | (ch >> 6));
      buf[len++] = (byte) (0x80 | (ch & 0x3f));
      return i;
    }
    if (!Character.isSurrogate(ch)) {
      buf[len++] = (byte) (0xe0 | (ch >> 12));
      buf[len++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
      buf[len++] = (byte) (0x80 | (ch & 0x3f));
      return i;
    }
    if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
      int cp = Character.toCodePoint(ch, s.charAt(i + 1));
      // four bytes for two chars: the room of the two is six
      buf[len++] = (byte) (0xf0 | (cp >> 18));
      buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
      buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
      buf[len++] = (byte) (0x80 | (cp & 0x3f));
      return i + 1;
    }
    if (canonical) {
      throw new NotCanonicalException(String.format(java.util.Locale.ROOT, "text with an unpaired surrogate \\u%04x", (int) ch));
    }
    buf[len++] = '?';
    return i;
  }

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** The ASCII characters written as they are inside a string: not a control character, not {@code "} or {@code \\}. */
  private static final boolean[] PLAIN = new boolean[128];

  static {
    for (int c = 0x20; c < 0x80; c++) {
      PLAIN[c] = c != '"' && c != '\\';
    }
  }

  private void string(String s) {
    int n = s.length();
    // three bytes a char at most, except escapes, which make room for themselves
    ensure(3 * n + 2);
    byte[] b = buf;
    int at = len;
    b[at++] = '"';
    // the common text, plain ASCII, in one tight loop; the rest from the first other character on
    int i = 0;
    for (; i < n; i++) {
      char ch = s.charAt(i);
      if (ch >= 0x80 || !PLAIN[ch]) {
        break;
      }
      b[at++] = (byte) ch;
    }
    len = at;
    if (i < n) {
      rest(s, i);
    }
    buf[len++] = '"';
  }

  /** The text of a string from index {@code i} on, room for it ensured as {@link #string} ensures it. */
  private void rest(String s, int i) {
    int n = s.length();
    for (; i < n; i++) {
      char ch = s.charAt(i);
      if (ch >= 0x20 && ch < 0x80 && ch != '"' && ch != '\\') {
        buf[len++] = (byte) ch;
      } else if (ch >= 0x80) {
        i = encode(s, i, ch);
      } else {
        ensure(6 + 3 * (n - i) + 1);
        buf[len++] = '\\';
        switch (ch) {
          case '"' -> buf[len++] = '"';
          case '\\' -> buf[len++] = '\\';
          case '\n' -> buf[len++] = 'n';
          case '\r' -> buf[len++] = 'r';
          case '\t' -> buf[len++] = 't';
          case '\b' -> buf[len++] = 'b';
          case '\f' -> buf[len++] = 'f';
          default -> {
            buf[len++] = 'u';
            buf[len++] = '0';
            buf[len++] = '0';
            buf[len++] = HEX[ch >> 4];
            buf[len++] = HEX[ch & 0xf];
          }
        }
      }
    }
  }

  /**
   * The members of one object in the canonical layout: each key and where its member starts in the
   * output, so that the object can be put in key order when it is closed.
   */
  private static final class Members {
    private String[] keys = new String[16];
    private int[] starts = new int[16];
    /** Most members sorted by insertion; more are sorted in n log n steps. */
    private static final int INSERTION_SORT = 32;
    /** The members' indexes in key order, made when the object is closed. */
    private int[] order = new int[16];
    private int size;
    /** Where the first member starts: just after the opening brace. */
    private int begin;

    void reset(int begin) {
      this.begin = begin;
      this.size = 0;
    }

    void add(String key, int start) {
      if (size == keys.length) {
        keys = java.util.Arrays.copyOf(keys, size * 2);
        starts = java.util.Arrays.copyOf(starts, size * 2);
      }
      keys[size] = key;
      starts[size] = start;
      size++;
    }

    /**
     * Rewrites the members, {@code "k":v} separated by commas, from {@code begin} to the end of
     * {@code out} in the order of their keys compared as UTF-16 code units (RFC 8785 section 3.2.3,
     * which is {@link String#compareTo}).
     */
    void sort(JsonOut out) {
      boolean sorted = true;
      for (int i = 1; i < size && sorted; i++) {
        sorted = keys[i - 1].compareTo(keys[i]) < 0;
      }
      if (sorted) {
        return;
      }
      if (order.length < size) {
        order = new int[keys.length];
      }
      if (size <= INSERTION_SORT) {
        // the common object, of a handful of members: an insertion sort of their indexes, nothing boxed
        for (int i = 0; i < size; i++) {
          String key = keys[i];
          int j = i - 1;
          while (j >= 0 && keys[order[j]].compareTo(key) > 0) {
            order[j + 1] = order[j];
            j--;
          }
          order[j + 1] = i;
        }
      } else {
        // a large one: n log n, whatever the document
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
          boxed[i] = i;
        }
        java.util.Arrays.sort(boxed, (a, b) -> keys[a].compareTo(keys[b]));
        for (int i = 0; i < size; i++) {
          order[i] = boxed[i];
        }
      }
      int length = out.len - begin;
      if (out.scratch == null || out.scratch.length < length) {
        out.scratch = new byte[Math.max(length, 1024)];
      }
      byte[] region = out.scratch;
      System.arraycopy(out.buf, begin, region, 0, length);
      out.len = begin;
      for (int i = 0; i < size; i++) {
        int m = order[i];
        if (i > 0) {
          if (keys[order[i - 1]].equals(keys[m])) {
            throw new IllegalStateException("duplicate key in canonical JSON: " + keys[m]);
          }
          out.buf[out.len++] = ',';
        }
        int from = starts[m] - begin;
        // a member ends at the comma before the next member, or at the end of the object
        int to = m + 1 < size ? starts[m + 1] - begin - 1 : length;
        System.arraycopy(region, from, out.buf, out.len, to - from);
        out.len += to - from;
      }
    }
  }

  /** A value the canonical form (RFC 8785 as ratefloat uses it) cannot represent. */
  public static final class NotCanonicalException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    NotCanonicalException(String message) {
      super(message);
    }
  }
}
