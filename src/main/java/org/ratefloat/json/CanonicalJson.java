package org.ratefloat.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree in ratefloat's canonical text form (see {@link JsonOut}): two-space indent,
 * {@code "key": value}, {@code \n} line ends, keys in the tree's insertion order, non-ASCII text as
 * UTF-8, a final newline; or the same on one line. The output depends on nothing but the tree.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  public static byte[] bytes(JsonNode node) {
    return text(node).getBytes(StandardCharsets.UTF_8);
  }

  public static String text(JsonNode node) {
    JsonOut out = new JsonOut(true);
    write(node, out);
    return out.text();
  }

  /** The same content on one line, without any white space between tokens and without a newline. */
  public static String compact(JsonNode node) {
    JsonOut out = new JsonOut(false);
    write(node, out);
    return out.text();
  }

  private static void write(JsonNode node, JsonOut out) {
    if (node.isObject()) {
      out.beginObject();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        out.name(field.getKey());
        write(field.getValue(), out);
      }
      out.endObject();
    } else if (node.isArray()) {
      out.beginArray();
      for (JsonNode item : node) {
        write(item, out);
      }
      out.endArray();
    } else if (node.isTextual()) {
      out.value(node.textValue());
    } else if (node.isInt() || node.isLong()) {
      out.value(node.longValue());
    } else if (node.isIntegralNumber()) {
      out.number(node.bigIntegerValue().toString());
    } else if (node.isNumber()) {
      out.number(node.decimalValue().toPlainString());
    } else if (node.isBoolean()) {
      out.value(node.booleanValue());
    } else if (node.isNull()) {
      out.nullValue();
    } else {
      throw new IllegalStateException("cannot write JSON node of type " + node.getNodeType());
    }
  }
}
