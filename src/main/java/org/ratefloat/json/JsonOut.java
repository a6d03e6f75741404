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
 * 3.2.2.3), and refuses text with an unpaired surrogate. Not thread-safe; one per document.
 */
public final class JsonOut {
  /** Largest integer magnitude every JSON reader represents exactly (I-JSON, RFC 7493). */
  static final long MAX_EXACT_INTEGER = (1L << 53) - 1;

  /** Newline and indentation by level, appended in one copy each. */
  private static final String[] NEWLINE_INDENT = new String[64];

  static {
    for (int i = 0; i < NEWLINE_INDENT.length; i++) {
      NEWLINE_INDENT[i] = "\n" + "  ".repeat(i);
    }
  }

  private final StringBuilder out;
  private final boolean pretty;
  private final boolean canonical;
  private boolean[] hasElements = new boolean[32];
  /** Canonical layout: the members written so far of the object open at each depth. */
  private Members[] members;
  private int depth;
  private boolean afterName;

  /** A writer in the pretty ({@code true}) or compact layout, keys in the order written. */
  public JsonOut(boolean pretty) {
    this(pretty, false);
  }

  private JsonOut(boolean pretty, boolean canonical) {
    this.pretty = pretty;
    this.canonical = canonical;
    this.members = canonical ? new Members[32] : null;
    this.out = new StringBuilder(pretty ? 8192 : 4096);
  }

  /** A writer of the canonical form, RFC 8785 (JSON Canonicalization Scheme). */
  public static JsonOut canonical() {
    return new JsonOut(false, true);
  }

  /** Whether this writer writes the canonical form. */
  public boolean isCanonical() {
    return canonical;
  }

  public JsonOut beginObject() {
    beforeValue();
    out.append('{');
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
      m.reset(out.length());
    }
    return this;
  }

  public JsonOut endObject() {
    if (canonical) {
      members[depth].sort(out);
    }
    pop('}');
    return this;
  }

  public JsonOut beginArray() {
    beforeValue();
    out.append('[');
    push();
    return this;
  }

  public JsonOut endArray() {
    pop(']');
    return this;
  }

  /** A key; the next call writes its value. */
  public JsonOut name(String key) {
    separator();
    if (canonical) {
      members[depth].add(key, out.length());
    }
    string(key);
    out.append(pretty ? ": " : ":");
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
    out.append(n);
    return this;
  }

  public JsonOut value(boolean b) {
    beforeValue();
    out.append(b);
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
    out.append(plain);
    return this;
  }

  public JsonOut nullValue() {
    beforeValue();
    out.append("null");
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

  /** The document; pretty documents end with a newline. */
  public String text() {
    if (depth != 0) {
      throw new IllegalStateException("unclosed JSON container");
    }
    if (pretty) {
      out.append('\n');
    }
    return out.toString();
  }

  public byte[] bytes() {
    return text().getBytes(StandardCharsets.UTF_8);
  }

  private void push() {
    if (++depth == hasElements.length) {
      hasElements = java.util.Arrays.copyOf(hasElements, depth * 2);
    }
    hasElements[depth] = false;
  }

  private void pop(char close) {
    if (hasElements[depth] && pretty) {
      newline(depth - 1);
    }
    depth--;
    out.append(close);
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
    if (hasElements[depth]) {
      out.append(',');
    }
    hasElements[depth] = true;
    if (pretty) {
      newline(depth);
    }
  }

  private void newline(int level) {
    out.append(level < NEWLINE_INDENT.length ? NEWLINE_INDENT[level] : "\n" + "  ".repeat(level));
  }

  private void string(String s) {
    out.append('"');
    int length = s.length();
    int clean = 0;
    while (clean < length) {
      char ch = s.charAt(clean);
      if (ch < 0x20 || ch == '"' || ch == '\\' || (canonical && Character.isSurrogate(ch))) {
        break;
      }
      clean++;
    }
    if (clean == length) {
      // the usual case: one bulk copy
      out.append(s).append('"');
      return;
    }
    out.append(s.substring(0, clean));
    for (int i = clean; i < length; i++) {
      char ch = s.charAt(i);
      if (canonical && Character.isSurrogate(ch)) {
        if (Character.isHighSurrogate(ch) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
          out.append(ch).append(s.charAt(++i));
          continue;
        }
        throw new NotCanonicalException(String.format(java.util.Locale.ROOT, "text with an unpaired surrogate \\u%04x", (int) ch));
      }
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (ch < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * The members of one object in the canonical layout: each key and where its member starts in the
   * output, so that the object can be put in key order when it is closed.
   */
  private static final class Members {
    private String[] keys = new String[16];
    private int[] starts = new int[16];
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
    void sort(StringBuilder out) {
      boolean sorted = true;
      for (int i = 1; i < size && sorted; i++) {
        sorted = keys[i - 1].compareTo(keys[i]) < 0;
      }
      if (sorted) {
        return;
      }
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
      String region = out.substring(begin);
      out.setLength(begin);
      for (int i = 0; i < size; i++) {
        int m = order[i];
        if (i > 0) {
          if (keys[order[i - 1]].equals(keys[m])) {
            throw new IllegalStateException("duplicate key in canonical JSON: " + keys[m]);
          }
          out.append(',');
        }
        int from = starts[m] - begin;
        // a member ends at the comma before the next member, or at the end of the object
        int to = m + 1 < size ? starts[m + 1] - begin - 1 : region.length();
        out.append(region, from, to);
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
