package org.ratefloat.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.ratefloat.error.RateFloatException;

/**
 * A JSON value together with its pointer, with typed accessors that report a precise fault instead
 * of coercing. Decimals may be written as JSON numbers or as strings ({@code "0.50"}).
 */
public final class JsonValue {
  private final JsonNode node;
  /** The pointer is built only when asked for (on a fault): parent pointer plus escaped key. */
  private final Object parent;
  private final String key;
  private String pointer;
  private final Faults faults;

  JsonValue(JsonNode node, String pointer, Faults faults) {
    this.node = node;
    this.pointer = pointer;
    this.parent = null;
    this.key = null;
    this.faults = faults;
  }

  /** A child value whose pointer is {@code parent} (a JsonObject or JsonValue) + "/" + key. */
  JsonValue(JsonNode node, Object parent, String key, Faults faults) {
    this.node = node;
    this.parent = parent;
    this.key = key;
    this.faults = faults;
  }

  /** Wraps a document's root. */
  public static JsonValue root(JsonNode node, Faults faults) {
    return new JsonValue(node, "", faults);
  }

  public String pointer() {
    String p = pointer;
    if (p == null) {
      String base = parent instanceof JsonObject o ? o.pointer() : ((JsonValue) parent).pointer();
      p = base + "/" + StrictJson.escape(key);
      pointer = p;
    }
    return p;
  }

  /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}, without a regular expression. */
  static boolean isPlainDecimal(String t) {
    return org.ratefloat.model.InputRules.isPlainDecimal(t);
  }

  static boolean isDateShape(String t) {
    if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = t.charAt(i);
      if (i != 4 && i != 7 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  public JsonNode node() {
    return node;
  }

  public Faults faults() {
    return faults;
  }

  public boolean isNull() {
    return node.isNull();
  }

  public boolean isString() {
    return node.isTextual();
  }

  public boolean isNumber() {
    return node.isNumber();
  }

  public boolean isBoolean() {
    return node.isBoolean();
  }

  public boolean isObject() {
    return node.isObject();
  }

  /** A fault at this value's pointer. */
  public RateFloatException fail(Fault fault, String detail) {
    return faults.fault(fault, pointer(), detail);
  }

  /** A fault at this value's pointer, told by a sentence of the message catalogue. */
  public RateFloatException failBy(Fault fault, String key, Object... namesAndValues) {
    return faults.fault(fault, pointer(), key, org.ratefloat.text.Message.values(namesAndValues));
  }

  public JsonObject asObject() {
    if (!node.isObject()) {
      throw wrongType("an object");
    }
    return new JsonObject(node, this, faults);
  }

  public List<JsonValue> asArray() {
    if (!node.isArray()) {
      throw wrongType("an array");
    }
    List<JsonValue> items = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      items.add(new JsonValue(node.get(i), this, String.valueOf(i), faults));
    }
    return items;
  }

  public String asString() {
    if (!node.isTextual()) {
      throw wrongType("a string");
    }
    return node.textValue();
  }

  /** A non-blank string. */
  public String asText() {
    String text = asString();
    if (text.isBlank()) {
      throw failBy(Fault.BAD_VALUE, "json.blank");
    }
    return text;
  }

  public boolean asBoolean() {
    if (!node.isBoolean()) {
      throw wrongType("true or false");
    }
    return node.booleanValue();
  }

  /** An exact decimal, written as a plain JSON number or a string such as {@code "12.50"}. */
  public BigDecimal asDecimal() {
    if (node.isTextual()) {
      String text = node.textValue();
      if (text.length() > StrictJson.MAX_NUMBER_LENGTH || !isPlainDecimal(text)) {
        throw failBy(Fault.NOT_DECIMAL, "model.plainDecimal", "value", StrictJson.abbreviate(text));
      }
      BigDecimal value = new BigDecimal(text);
      if (value.scale() > StrictJson.MAX_SCALE) {
        throw failBy(Fault.NOT_DECIMAL, "model.places", "max", StrictJson.MAX_SCALE, "value",
            StrictJson.abbreviate(text));
      }
      return value;
    }
    if (node.isBigDecimal()) {
      return node.decimalValue();
    }
    if (node.isIntegralNumber()) {
      return new BigDecimal(node.bigIntegerValue());
    }
    throw wrongType("a decimal");
  }

  /**
   * A decimal written as a string with up to 64 characters and any scale: for the unrounded values
   * in decision records, which keep 34 significant digits.
   */
  public BigDecimal asWideDecimal() {
    String text = asString();
    if (text.length() > 64 || !isPlainDecimal(text)) {
      throw fail(Fault.NOT_DECIMAL, "expected a plain decimal of at most 64 characters: \""
          + StrictJson.abbreviate(text) + "\"");
    }
    return new BigDecimal(text);
  }

  /**
   * An exact value as a record writes it: a plain decimal of any scale, up to
   * {@link org.ratefloat.decision.Value#EXACT_TEXT_LIMIT} characters (an exact quotient such as 1 / 2^23 has many places).
   */
  public BigDecimal asExactDecimal() {
    String text = asString();
    if (text.length() > org.ratefloat.decision.Value.EXACT_TEXT_LIMIT || !isPlainDecimal(text)) {
      throw fail(Fault.NOT_DECIMAL, "expected a plain decimal of at most "
          + org.ratefloat.decision.Value.EXACT_TEXT_LIMIT + " characters: \"" + StrictJson.abbreviate(text) + "\"");
    }
    return new BigDecimal(text);
  }

  /** A decimal that is not negative. */
  public BigDecimal asNonNegativeDecimal() {
    BigDecimal value = asDecimal();
    if (value.signum() < 0) {
      throw failBy(Fault.BAD_VALUE, "json.negative", "value", value);
    }
    return value;
  }

  /** A JSON integer (no decimal point), of any size. */
  public BigDecimal asInteger() {
    if (!node.isIntegralNumber()) {
      throw wrongType("an integer");
    }
    return new BigDecimal(node.bigIntegerValue());
  }

  /** A JSON integer (no decimal point) within [min, max]. */
  public long asLong(long min, long max) {
    if (!node.isIntegralNumber()) {
      throw wrongType("an integer");
    }
    BigInteger value = node.bigIntegerValue();
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw failBy(Fault.BAD_VALUE, "json.range", "min", min, "max", max, "value", value);
    }
    return value.longValueExact();
  }

  public int asInt(int min, int max) {
    return (int) asLong(min, max);
  }

  /** An ISO date {@code yyyy-mm-dd}. */
  public LocalDate asDate() {
    String text = asString();
    if (!isDateShape(text)) {
      throw failBy(Fault.BAD_VALUE, "json.date", "value", StrictJson.abbreviate(text));
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw failBy(Fault.BAD_VALUE, "json.calendarDate", "value", text);
    }
  }

  private RateFloatException wrongType(String expected) {
    String kind = switch (expected) {
      case "a decimal" -> "decimal";
      case "a string" -> "string";
      case "an array" -> "array";
      case "an integer" -> "integer";
      case "an object" -> "object";
      default -> "boolean";
    };
    String shown = node.isTextual() ? " \"" + StrictJson.abbreviate(node.textValue()) + "\""
        : node.isNumber() ? " " + StrictJson.abbreviate(node.asText())
        : node.isBoolean() ? " " + node.booleanValue() : "";
    String found = node.isNull() ? "null" : node.isTextual() ? "string" : node.isNumber() ? "number"
        : node.isBoolean() ? "boolean" : node.isArray() ? "array" : "object";
    return failBy(Fault.WRONG_TYPE, "json.wrongType", "expected", expected, "found", describe(node), "expectedKind",
        kind, "foundKind", found, "shown", shown);
  }

  static String describe(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "the string \"" + StrictJson.abbreviate(node.textValue()) + "\"";
    }
    if (node.isNumber()) {
      return "the number " + StrictJson.abbreviate(node.asText());
    }
    if (node.isBoolean()) {
      return String.valueOf(node.booleanValue());
    }
    return node.isArray() ? "an array" : "an object";
  }
}
