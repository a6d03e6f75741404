package org.ratefloat.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A streaming writer of ratefloat's canonical JSON, pretty (two-space indent, {@code "key": value},
 * {@code \n}, empty containers as {@code {}} and {@code []}, a final newline) or compact (no white
 * space), without building a tree ({@link CanonicalJson} writes trees through it). Control characters
 * are written as backslash-u escapes with four lower-case hex digits; other text, Chinese included,
 * is written as it is. Not thread-safe; one per document.
 */
public final class JsonOut {
  /** Newline and indentation by level, appended in one copy each. */
  private static final String[] NEWLINE_INDENT = new String[64];

  static {
    for (int i = 0; i < NEWLINE_INDENT.length; i++) {
      NEWLINE_INDENT[i] = "\n" + "  ".repeat(i);
    }
  }

  private final StringBuilder out;
  private final boolean pretty;
  private boolean[] hasElements = new boolean[32];
  private int depth;
  private boolean afterName;

  public JsonOut(boolean pretty) {
    this.pretty = pretty;
    this.out = new StringBuilder(pretty ? 8192 : 4096);
  }

  public JsonOut beginObject() {
    beforeValue();
    out.append('{');
    push();
    return this;
  }

  public JsonOut endObject() {
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
    beforeValue();
    out.append(n);
    return this;
  }

  public JsonOut value(boolean b) {
    beforeValue();
    out.append(b);
    return this;
  }

  /** A number written as it is, e.g. {@code 12.50} (only plain digits, sign and point). */
  public JsonOut number(String plain) {
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
      if (ch < 0x20 || ch == '"' || ch == '\\') {
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
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    out.append('"');
  }
}
