package org.ratefloat.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The differences between two JSON trees, each as the JSON pointer (RFC 6901) of a value that differs
 * and the two values, found by walking both trees: it knows no document's fields. Two trees without
 * differences have the same canonical form ({@link CanonicalJson#jcs}): key order does not count,
 * array order does, and numbers count by value ({@code 56.0} is {@code 56}).
 */
public final class JsonDiff {
  /** Longest rendering of one value before it is cut. */
  private static final int MAX_SHOWN = 120;

  private JsonDiff() {}

  /**
   * One value that differs. {@code left} and {@code right} are rendered for a reader: text as it is
   * when both sides are text, else as JSON; {@code (absent)} for a missing member or element.
   * Control, bidirectional and line-separator characters are escaped, and long values cut, so that a
   * rendering cannot disturb a terminal.
   */
  public record Difference(String pointer, String left, String right) {
    @Override
    public String toString() {
      return (pointer.isEmpty() ? "/" : pointer) + ": " + left + " \u2192 " + right;
    }
  }

  /** The differences found, at most {@code limit} of them, and how many there are in all. */
  public record Result(List<Difference> shown, int total) {
    public boolean isEmpty() {
      return total == 0;
    }
  }

  /** Compares {@code left} with {@code right}; pointers start with {@code base} (e.g. {@code ""}). */
  public static Result between(JsonNode left, JsonNode right, String base, int limit) {
    Walk walk = new Walk(limit);
    walk.compare(left, right, base);
    return new Result(List.copyOf(walk.shown), walk.total);
  }

  private static final class Walk {
    final int limit;
    final List<Difference> shown = new ArrayList<>();
    int total;

    Walk(int limit) {
      this.limit = limit;
    }

    void compare(JsonNode a, JsonNode b, String pointer) {
      if (a != null && b != null && a.isObject() && b.isObject()) {
        Set<String> keys = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
          compare(a.get(key), b.get(key), pointer + "/" + StrictJson.escape(key));
        }
      } else if (a != null && b != null && a.isArray() && b.isArray()) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
          compare(a.get(i), b.get(i), pointer + "/" + i);
        }
      } else if (!sameLeaf(a, b)) {
        total++;
        if (shown.size() < limit) {
          boolean text = a != null && b != null && a.isTextual() && b.isTextual();
          shown.add(new Difference(pointer, render(a, text), render(b, text)));
        }
      }
    }
  }

  private static boolean sameLeaf(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isContainerNode() || b.isContainerNode()) {
      return false;
    }
    return a.equals(b);
  }

  private static String render(JsonNode node, boolean asText) {
    if (node == null) {
      return "(absent)";
    }
    String s;
    if (asText) {
      s = node.textValue();
    } else if (node.isNumber()) {
      s = node.decimalValue().toPlainString();
    } else {
      s = CanonicalJson.compact(node);
    }
    return cut(org.ratefloat.text.Printable.escape(s));
  }

  private static String cut(String s) {
    if (s.length() <= MAX_SHOWN) {
      return s;
    }
    int end = MAX_SHOWN;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "\u2026";
  }
}
