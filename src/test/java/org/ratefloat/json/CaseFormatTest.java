package org.ratefloat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ratefloat.model.RatingCase;

/**
 * The case format's table of fields ({@link CaseFormat#FIELDS}) against each place that reads or
 * writes a case: a hand-written document holding every field once is read alike by the tree reader
 * and the streaming reader, every field of it changes what is read, the writer writes every field
 * back, and the JSON Schema declares exactly the table's fields with the table's types. A field added
 * to the table and not to one of them, or to the schema or the writer and not to the table, fails here.
 */
public class CaseFormatTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode resource(String name) throws IOException {
    try (InputStream in = CaseFormatTest.class.getResourceAsStream(name)) {
      return MAPPER.readTree(in);
    }
  }

  private static JsonNode everyField() throws IOException {
    return resource("/org/ratefloat/json/case-every-field.json");
  }

  /** The fields of the table, by generalised pointer. */
  private static Map<String, CaseFormat.Type> table() {
    Map<String, CaseFormat.Type> fields = new TreeMap<>();
    CaseFormat.FIELDS.forEach(f -> assertEquals(null, fields.put(f.pointer(), f.type()), "twice: " + f.pointer()));
    return fields;
  }

  /**
   * The leaves of a document by generalised pointer: an array element is {@code -}, a key of an
   * object of named values ({@code customFlags}, {@code exposures} ...) is {@code *}.
   */
  public static Map<String, CaseFormat.Type> leaves(JsonNode doc) {
    Map<String, CaseFormat.Type> out = new TreeMap<>();
    leaves(doc, "", out);
    return out;
  }

  private static final java.util.Set<String> NAMED_VALUES = java.util.Set.of("customFlags", "customValues", "values",
      "disabilityCases", "exposures");

  private static void leaves(JsonNode node, String pointer, Map<String, CaseFormat.Type> out) {
    if (node.isObject()) {
      String last = pointer.substring(pointer.lastIndexOf('/') + 1);
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        leaves(e.getValue(), pointer + "/" + (NAMED_VALUES.contains(last) ? "*" : e.getKey()), out);
      }
    } else if (node.isArray()) {
      node.forEach(element -> leaves(element, pointer + "/-", out));
    } else {
      out.put(pointer, typeOf(node));
    }
  }

  private static CaseFormat.Type typeOf(JsonNode leaf) {
    if (leaf.isBoolean()) {
      return CaseFormat.Type.BOOLEAN;
    }
    if (leaf.isIntegralNumber()) {
      return CaseFormat.Type.INTEGER;
    }
    String text = leaf.asText();
    if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return CaseFormat.Type.DATE;
    }
    return text.matches("-?[0-9]+(\\.[0-9]+)?") ? CaseFormat.Type.DECIMAL : CaseFormat.Type.TEXT;
  }

  @Test
  void theDocumentOfEveryFieldHoldsExactlyTheTablesFields() throws IOException {
    Map<String, CaseFormat.Type> leaves = leaves(everyField());
    // a text that looks like a number (an id, a region, a class code) is text all the same
    for (String textual : new String[] {"/employer/region", "/employer/industry/code", "/employer/classCodes/codes/-"}) {
      leaves.put(textual, CaseFormat.Type.TEXT);
    }
    assertEquals(table(), leaves);
  }

  @Test
  void bothReadersReadEveryFieldAlike() throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(everyField());
    assertEquals("read", CaseReaders.agree(bytes));
  }

  /** Every field changes what is read: a field a reader dropped would leave the case as it was. */
  @Test
  void everyFieldIsRead() throws IOException {
    JsonNode doc = everyField();
    RatingCase whole = CaseJson.readTree(MAPPER.writeValueAsBytes(doc));
    for (String pointer : concretePointers(doc)) {
      JsonNode changed = doc.deepCopy();
      alter(changed, pointer);
      byte[] bytes = MAPPER.writeValueAsBytes(changed);
      // both readers read the changed document alike, or both refuse it: either way they look at the field
      if (CaseReaders.agree(bytes).equals("read")) {
        assertNotEquals(whole, CaseJson.readTree(bytes), "the readers ignore " + pointer);
      }
    }
  }

  @Test
  void theWriterWritesEveryField() throws IOException {
    RatingCase read = CaseJson.readTree(MAPPER.writeValueAsBytes(everyField()));
    Map<String, CaseFormat.Type> written = leaves(MAPPER.readTree(CaseJson.bytes(read)));
    assertEquals(table().keySet(), written.keySet());
    assertEquals(read, CaseJson.readTree(CaseJson.bytes(read)));
  }

  @Test
  void theSchemaDeclaresExactlyTheTablesFields() throws IOException {
    JsonNode schema = resource("/org/ratefloat/schema/case-1.schema.json");
    JsonNode common = resource("/org/ratefloat/schema/common-1.schema.json");
    Map<String, CaseFormat.Type> declared = new TreeMap<>();
    schemaLeaves(schema, schema, common, "", declared);
    assertEquals(table(), declared);
  }

  private static void schemaLeaves(JsonNode node, JsonNode schema, JsonNode common, String pointer,
      Map<String, CaseFormat.Type> out) {
    String ref = node.path("$ref").asText("");
    if (ref.startsWith("#/$defs/")) {
      ObjectNode merged = ((ObjectNode) schema.at(ref.substring(1))).deepCopy();
      node.properties().forEach(e -> {
        if (!e.getKey().equals("$ref")) {
          merged.set(e.getKey(), e.getValue());
        }
      });
      schemaLeaves(merged, schema, common, pointer, out);
    } else if (node.has("properties") || node.path("additionalProperties").isObject()) {
      node.path("properties").properties().forEach(
          e -> schemaLeaves(e.getValue(), schema, common, pointer + "/" + e.getKey(), out));
      if (node.path("additionalProperties").isObject()) {
        schemaLeaves(node.get("additionalProperties"), schema, common, pointer + "/*", out);
      }
    } else if (node.path("type").asText().equals("array")) {
      schemaLeaves(node.get("items"), schema, common, pointer + "/-", out);
    } else {
      out.put(pointer, schemaType(node, common));
    }
  }

  private static CaseFormat.Type schemaType(JsonNode node, JsonNode common) {
    String ref = node.path("$ref").asText("");
    if (ref.startsWith("common-1.schema.json#")) {
      JsonNode def = common.at(ref.substring(ref.indexOf('#') + 1));
      if (def.path("format").asText().equals("date")) {
        return CaseFormat.Type.DATE;
      }
      if (def.path("title").asText().contains("decimal")) {
        return CaseFormat.Type.DECIMAL;
      }
      return def.path("type").asText().equals("integer") ? CaseFormat.Type.INTEGER : CaseFormat.Type.TEXT;
    }
    return switch (node.path("type").asText("")) {
      case "integer" -> CaseFormat.Type.INTEGER;
      case "boolean" -> CaseFormat.Type.BOOLEAN;
      default -> CaseFormat.Type.TEXT;
    };
  }

  // ------------------------------------------------------------------ changing one field

  private static TreeSet<String> concretePointers(JsonNode doc) {
    TreeSet<String> out = new TreeSet<>();
    concrete(doc, "", out);
    return out;
  }

  private static void concrete(JsonNode node, String pointer, TreeSet<String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> concrete(e.getValue(), pointer + "/" + e.getKey(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        concrete(node.get(i), pointer + "/" + i, out);
      }
    } else {
      out.add(pointer);
    }
  }

  /** Replaces the leaf at {@code pointer} by another valid value of its kind. */
  private static void alter(JsonNode doc, String pointer) {
    String parentPointer = pointer.substring(0, pointer.lastIndexOf('/'));
    String key = pointer.substring(pointer.lastIndexOf('/') + 1);
    JsonNode parent = doc.at(parentPointer);
    JsonNode leaf = doc.at(pointer);
    JsonNode other = switch (pointer) {
      case "/employer/industry/edition" -> MAPPER.getNodeFactory().textNode("GB/T 4754-2017");
      case "/employer/industry/code" -> MAPPER.getNodeFactory().textNode("4720");
      case "/employer/creditCode" -> MAPPER.getNodeFactory().textNode("91430181MA4L000020");
      case "/employer/region" -> MAPPER.getNodeFactory().textNode("430100");
      case "/employer/status/safetyCreditRating" -> MAPPER.getNodeFactory().textNode("C");
      case "/claims/0/kind" -> MAPPER.getNodeFactory().textNode("death");
      case "/history/0/year" -> MAPPER.getNodeFactory().numberNode(2022);
      case "/history/1/from" -> MAPPER.getNodeFactory().textNode("2024-02-01");
      case "/history/1/to" -> MAPPER.getNodeFactory().textNode("2025-05-31");
      default -> null;
    };
    if (other == null) {
      if (leaf.isBoolean()) {
        other = MAPPER.getNodeFactory().booleanNode(!leaf.booleanValue());
      } else if (leaf.isIntegralNumber()) {
        other = MAPPER.getNodeFactory().numberNode(leaf.intValue() == 1 ? 3 : 1);
      } else if (typeOf(leaf) == CaseFormat.Type.DATE) {
        other = MAPPER.getNodeFactory().textNode(leaf.asText().substring(0, 8) + "15");
      } else if (typeOf(leaf) == CaseFormat.Type.DECIMAL) {
        other = MAPPER.getNodeFactory().textNode(leaf.asText() + (leaf.asText().contains(".") ? "1" : ".5"));
      } else {
        other = MAPPER.getNodeFactory().textNode(leaf.asText() + "X");
      }
    }
    if (parent.isArray()) {
      ((ArrayNode) parent).set(Integer.parseInt(key), other);
    } else {
      ((ObjectNode) parent).set(key, other);
    }
  }
}
