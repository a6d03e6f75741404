package org.ratefloat.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes a JSON tree through {@link JsonOut}: in the canonical form, RFC 8785 (JSON Canonicalization
 * Scheme), the form hashes and comparisons are made over; or for presentation, pretty (two-space
 * indent, {@code "key": value}, {@code \n} line ends, keys in the tree's insertion order, non-ASCII
 * text as UTF-8, a final newline) or on one line. The output depends on nothing but the tree.
 */
public final class CanonicalJson {
  /** Most bytes of canonical text a thread keeps its buffer for between two hashes. */
  private static final int KEPT_BUFFER = 1 << 20;
  /** Per thread: a canonical writer and a SHA-256 digest, reused hash after hash. */
  private static final ThreadLocal<Hasher> HASHER = new ThreadLocal<>();

  private CanonicalJson() {}

  private record Hasher(JsonOut out, MessageDigest digest) {}

  /**
   * The SHA-256 (lower-case hex) of the RFC 8785 form of the document {@code write} writes: the
   * UTF-8 bytes go from the writer's buffer straight into the digest, with no text or array between.
   *
   * @throws JsonOut.NotCanonicalException if the document holds a value outside the canonical form
   */
  public static String sha256(Consumer<JsonOut> write) {
    Hasher h = HASHER.get();
    if (h == null) {
      try {
        h = new Hasher(JsonOut.canonical(), MessageDigest.getInstance("SHA-256"));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }
    // taken while in use, so that a write that hashes again (or fails half-way) never sees it
    HASHER.remove();
    h.out().reset();
    write.accept(h.out());
    h.out().digest(h.digest());
    String hex = HexFormat.of().formatHex(h.digest().digest());
    if (h.out().size() <= KEPT_BUFFER) {
      HASHER.set(h);
    }
    return hex;
  }

  /** The SHA-256 (lower-case hex) of {@code bytes}, by the thread's digest. */
  public static String sha256(byte[] bytes) {
    MessageDigest digest = DIGEST.get();
    if (digest == null) {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
      DIGEST.set(digest);
    }
    // digest() resets it for the next use
    return HexFormat.of().formatHex(digest.digest(bytes));
  }

  /** Per thread: a SHA-256 digest for bytes already at hand. */
  private static final ThreadLocal<MessageDigest> DIGEST = new ThreadLocal<>();

  /**
   * The RFC 8785 form of a tree (UTF-8 bytes of {@link #jcs(JsonNode)}).
   *
   * @throws JsonOut.NotCanonicalException if the tree holds a value outside the canonical form
   */
  public static byte[] jcsBytes(JsonNode node) {
    return jcs(node).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The RFC 8785 form of a tree: members sorted by key (UTF-16 code units), no white space, strings
   * escaped as the RFC says. Decimals are strings in ratefloat's documents, so the only numbers it
   * accepts are integers (also when written {@code 56.0}, which is the integer 56) within
   * &plusmn;(2<sup>53</sup> &minus; 1); for these RFC 8785's number form is their plain digits.
   *
   * @throws JsonOut.NotCanonicalException if the tree holds a fractional number, a larger integer or
   *     text with an unpaired surrogate
   */
  public static String jcs(JsonNode node) {
    JsonOut out = JsonOut.canonical();
    write(node, out);
    return out.text();
  }

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

  /** The integer a number node stands for in the canonical form ({@code 56.0} is 56). */
  private static long integer(JsonNode node) {
    return integer(node.decimalValue());
  }

  /** The integer a JSON number of this value stands for in the canonical form ({@code 56.0} is 56). */
  static long integer(java.math.BigDecimal value) {
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      throw new JsonOut.NotCanonicalException(
          "a fractional JSON number has no place in the canonical form, where decimals are strings: "
          + value.toPlainString());
    }
    java.math.BigInteger integer = value.toBigInteger();
    if (integer.bitLength() > 53) {
      throw new JsonOut.NotCanonicalException(
          "integer outside +-(2^53 - 1), which RFC 8785 cannot represent exactly: " + integer);
    }
    return integer.longValueExact();
  }

  /** Writes a tree through {@code out}, in its layout (canonical, pretty or on one line). */
  public static void write(JsonNode node, JsonOut out) {
    if (node.isObject()) {
      out.beginObject();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
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
    } else if (out.isCanonical() && node.isNumber()) {
      out.value(integer(node));
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
