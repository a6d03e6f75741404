package org.ratefloat.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.ratefloat.model.InputRules;
import java.util.Locale;

/**
 * Reads a JSON document into a tree with the strictness ratefloat needs before it trusts a number:
 * no duplicate keys, no trailing content, no NaN or Infinity, no exponents, bounded size, depth,
 * string and number length. Every fault is reported with the JSON pointer where it sits.
 *
 * <p>Text must be valid: UTF-8 that is not well formed (overlong forms such as {@code C0 AF},
 * encoded surrogates, code points beyond U+10FFFF) and escapes that leave a surrogate unpaired
 * (<code>"&#92;ud800"</code>) are refused, so that two different documents never read as the same text.
 * A message about malformed JSON never quotes more than one character of the document: a file that
 * is not JSON at all (say {@code /etc/passwd}) is not echoed; it says what is wrong in ratefloat's
 * words ({@link ParserWords}), never the parser's.
 *
 * <p>Decimals are kept exactly as written ({@code 1.20} stays {@code 1.20}). Instances are
 * immutable and thread-safe.
 */
public final class StrictJson {
  /** Longest number token accepted, in characters: the limit of a decimal in a case. */
  public static final int MAX_NUMBER_LENGTH = InputRules.MAX_DECIMAL_LENGTH;
  /** Most digits after the decimal point accepted in a number: the limit of a decimal in a case. */
  public static final int MAX_SCALE = InputRules.MAX_SCALE;
  /** Largest employer input document (a case, a decision record), in bytes: 16 MiB. */
  public static final int MAX_INPUT_BYTES = 16 << 20;
  /** Largest rule-table document (a table, a classification, a ranking definition), in bytes: 4 MiB. */
  public static final int MAX_TABLE_BYTES = 4 << 20;

  private final JsonFactory factory;
  private final int maxDocumentBytes;
  private final int maxDepth;

  private StrictJson(int maxDocumentBytes, int maxDepth, int maxStringLength) {
    this.maxDocumentBytes = maxDocumentBytes;
    this.maxDepth = maxDepth;
    this.factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(maxDepth + 1)
            .maxStringLength(maxStringLength)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build())
        .build();
  }

  /** Limits for employer input documents: 16 MiB, depth 32, strings as long as a case's texts. */
  public static StrictJson forInput() {
    return new StrictJson(MAX_INPUT_BYTES, 32, InputRules.MAX_TEXT_LENGTH);
  }

  /** Limits for rule tables: 4 MiB, depth 32, strings of 64 KiB. */
  public static StrictJson forRuleTables() {
    return new StrictJson(MAX_TABLE_BYTES, 32, 64 << 10);
  }

  /**
   * A streaming parser of {@code bytes} with this reader's limits on nesting, strings and numbers;
   * the size of the document and the other checks are its caller's.
   */
  JsonParser parser(byte[] bytes) throws IOException {
    return factory.createParser(bytes);
  }

  /** Parses {@code bytes} (UTF-8) into a tree, reporting faults through {@code faults}. */
  public JsonNode read(byte[] bytes, Faults faults) {
    if (bytes.length > maxDocumentBytes) {
      throw faults.fault(Fault.TOO_LARGE, "",
          "document of " + bytes.length + " bytes exceeds the limit of " + maxDocumentBytes);
    }
    try (JsonParser parser = factory.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw faults.fault(Fault.MALFORMED, "", "json.empty", java.util.Map.of());
      }
      JsonNode root = readValue(parser, bytes, null, 0, faults);
      if (parser.nextToken() != null) {
        throw faults.fault(Fault.MALFORMED, "", "trailing content after the JSON value at "
            + location(parser));
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw faults.fault(Fault.TOO_LARGE, "", ParserWords.describe(e));
    } catch (JsonParseException e) {
      JsonParser p = e.getProcessor();
      String pointer = p == null ? "" : p.getParsingContext().pathAsPointer().toString();
      throw faults.fault(Fault.MALFORMED, pointer, ParserWords.describe(e) + " at " + location(e));
    } catch (IOException e) {
      // the parser reads bytes in memory: nothing else can fail, but it is still said in our words
      throw faults.fault(Fault.MALFORMED, "", "not well-formed JSON");
    }
  }

  /** Where a value sits, rendered as a JSON pointer only when a fault needs it. */
  private record Path(Path parent, String key) {
    @Override
    public String toString() {
      return parent == null ? "/" + escape(key) : parent + "/" + escape(key);
    }
  }

  private static String pointer(Path path) {
    return path == null ? "" : path.toString();
  }

  private JsonNode readValue(JsonParser p, byte[] bytes, Path path, int depth, Faults faults)
      throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT: {
        checkDepth(depth, path, faults);
        ObjectNode object = nodes.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Path child = new Path(path, key);
          checkText(p, bytes, key, child, faults);
          if (object.has(key)) {
            throw faults.fault(Fault.DUPLICATE_KEY, pointer(child), "json.duplicateKey", org.ratefloat.text.Message.values("key", key));
          }
          p.nextToken();
          object.set(key, readValue(p, bytes, child, depth + 1, faults));
        }
        return object;
      }
      case START_ARRAY: {
        checkDepth(depth, path, faults);
        ArrayNode array = nodes.arrayNode();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(p, bytes, new Path(path, String.valueOf(index)), depth + 1, faults));
          index++;
        }
        return array;
      }
      case VALUE_STRING: {
        String text = p.getText();
        checkText(p, bytes, text, path, faults);
        return nodes.textNode(text);
      }
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? nodes.numberNode(new BigInteger(p.getText())) : nodes.numberNode(p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return nodes.numberNode(exactDecimal(p.getText(), pointer(path), faults));
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        throw faults.fault(Fault.MALFORMED, pointer(path), "unexpected token " + token);
    }
  }

  private void checkDepth(int depth, Path path, Faults faults) {
    if (depth >= maxDepth) {
      throw faults.fault(Fault.TOO_LARGE, pointer(path), "nesting deeper than " + maxDepth + " levels");
    }
  }

  /**
   * Refuses a key or string whose bytes are not well-formed UTF-8 or whose text holds an unpaired
   * surrogate. The parser decodes overlong forms and code points beyond U+10FFFF without complaint,
   * so the bytes of the token (from its opening quote to where the parser stands, which may take in
   * a few ASCII bytes after it) are checked here.
   */
  private static void checkText(JsonParser p, byte[] bytes, String text, Path path, Faults faults) {
    int from = (int) p.currentTokenLocation().getByteOffset();
    int to = (int) p.currentLocation().getByteOffset();
    int bad = Utf8.firstMalformed(bytes, from, to);
    if (bad >= 0) {
      throw faults.fault(Fault.MALFORMED, pointer(path), "invalid UTF-8 (byte 0x"
          + String.format(Locale.ROOT, "%02x", bytes[bad] & 0xff) + " at offset " + bad
          + "): not well-formed text");
    }
    int lone = Utf8.firstUnpairedSurrogate(text);
    if (lone >= 0) {
      throw faults.fault(Fault.MALFORMED, pointer(path), "unpaired surrogate \\u"
          + String.format(Locale.ROOT, "%04x", (int) text.charAt(lone)) + " is not text");
    }
  }

  /**
   * Accepts {@code -?digits(.digits)?} only: exponents would let a short token stand for an
   * enormous number, so they are refused before any arithmetic happens.
   */
  static BigDecimal exactDecimal(String text, String pointer, Faults faults) {
    if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      throw faults.fault(Fault.NOT_DECIMAL, pointer,
          "exponent notation is not accepted, write the plain decimal: " + abbreviate(text));
    }
    BigDecimal value = new BigDecimal(text);
    if (value.scale() > MAX_SCALE) {
      throw faults.fault(Fault.NOT_DECIMAL, pointer,
          "more than " + MAX_SCALE + " decimal places: " + abbreviate(text));
    }
    return value;
  }

  /** Escapes a key for use in a JSON pointer (RFC 6901). */
  public static String escape(String key) {
    return InputRules.escape(key);
  }

  /** A value as shown in a message: on one line, cut to 48 characters. */
  static String abbreviate(String text) {
    return InputRules.abbreviate(text);
  }

  private static String location(JsonParser p) {
    return "line " + p.currentTokenLocation().getLineNr() + ", column "
        + p.currentTokenLocation().getColumnNr();
  }

  private static String location(JsonParseException e) {
    return e.getLocation() == null ? "unknown position"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
