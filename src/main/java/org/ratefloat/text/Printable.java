package org.ratefloat.text;

/**
 * Makes text from files and arguments safe to print on one terminal line: control characters are
 * written as escapes ({@code \n}, {@code \r}, {@code \t}, else {@code \u001b} style) so that a
 * message stays one line and cannot move the cursor, recolour or retitle the terminal, or reorder
 * what follows it.
 *
 * <p>Escaped are the C0 controls, DEL, the C1 controls, the line and paragraph separators, the
 * bidirectional formatting characters and unpaired surrogates. The backslash itself is left alone,
 * so escaping twice changes nothing.
 */
public final class Printable {
  private Printable() {}

  /** The text with every unsafe character escaped; safe text is returned as it is. */
  public static String escape(String text) {
    int i = 0;
    while (i < text.length() && !unsafe(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (!unsafe(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  /** Escapes each line of a text as {@link #escape} does, keeping its line ends ({@code \n}). */
  public static String escapeLines(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      out.append(escape(text.substring(start, end))).append('\n');
      start = end + 1;
    }
    return out.append(escape(text.substring(start))).toString();
  }

  private static boolean unsafe(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)
        || c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u2028' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069') || Character.isSurrogate(c);
  }
}
