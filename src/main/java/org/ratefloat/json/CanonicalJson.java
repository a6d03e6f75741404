package org.ratefloat.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree in ratefloat's canonical text form: two-space indent, {@code "key": value},
 * {@code \n} line ends, keys in the tree's insertion order, non-ASCII text as UTF-8, a final
 * newline. The output depends on nothing but the tree, so equal trees give equal bytes on every
 * machine.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  public static byte[] bytes(JsonNode node) {
    return text(node).getBytes(StandardCharsets.UTF_8);
  }

  public static String text(JsonNode node) {
    StringBuilder out = new StringBuilder(4096);
    write(node, out, 0);
    out.append('\n');
    return out.toString();
  }

  /** The same content on one line, without any white space between tokens and without a newline. */
  public static String compact(JsonNode node) {
    StringBuilder out = new StringBuilder(2048);
    write(node, out, -1);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out, int depth) {
    if (depth < 0) {
      writeCompact(node, out);
      return;
    }
    if (node.isObject()) {
      if (node.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        indent(out, depth + 1);
        string(field.getKey(), out);
        out.append(": ");
        write(field.getValue(), out, depth + 1);
        out.append(fields.hasNext() ? ",\n" : "\n");
      }
      indent(out, depth);
      out.append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < node.size(); i++) {
        indent(out, depth + 1);
        write(node.get(i), out, depth + 1);
        out.append(i + 1 < node.size() ? ",\n" : "\n");
      }
      indent(out, depth);
      out.append(']');
    } else if (node.isTextual()) {
      string(node.textValue(), out);
    } else if (node.isInt() || node.isLong()) {
      out.append(node.longValue());
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue().toString());
    } else if (node.isNumber()) {
      out.append(node.decimalValue().toPlainString());
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isNull()) {
      out.append("null");
    } else {
      throw new IllegalStateException("cannot write JSON node of type " + node.getNodeType());
    }
  }

  private static void writeCompact(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        string(field.getKey(), out);
        out.append(':');
        writeCompact(field.getValue(), out);
        if (fields.hasNext()) {
          out.append(',');
        }
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeCompact(node.get(i), out);
      }
      out.append(']');
    } else {
      write(node, out, 0);
    }
  }

  /** Indentation strings by level, appended in one copy each. */
  private static final String[] INDENTS = new String[64];

  static {
    for (int i = 0; i < INDENTS.length; i++) {
      INDENTS[i] = "  ".repeat(i);
    }
  }

  private static void indent(StringBuilder out, int depth) {
    if (depth < INDENTS.length) {
      out.append(INDENTS[depth]);
    } else {
      out.append("  ".repeat(depth));
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    int clean = 0;
    int length = s.length();
    while (clean < length) {
      char ch = s.charAt(clean);
      if (ch < 0x20 || ch == '"' || ch == '\\') {
        break;
      }
      clean++;
    }
    if (clean == length) {
      // the usual case: nothing to escape
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
