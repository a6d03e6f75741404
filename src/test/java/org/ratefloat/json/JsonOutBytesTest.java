package org.ratefloat.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The UTF-8 writer against the text a writer of Java strings gives (escaped as RFC 8785 says, then
 * {@link String#getBytes}): the same bytes for any text, in every layout, also when a writer is reused
 * and when a value is encoded once and copied.
 */
class JsonOutBytesTest {
  /** Characters that take every path: ASCII, escapes, controls, two- and three-byte, pairs, lone halves. */
  private static final String ALPHABET = "aZ09 \"\\/\n\r\t\b\f\u0000\u001f\u007f\u0080é\u07ff\u0800长沙\uffff\ud83d\ude00\ud800\udc00";

  private static String randomText(Random random, boolean pairedOnly) {
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(40);
    while (s.length() < n) {
      int pick = random.nextInt(ALPHABET.length() + 2);
      if (pick == ALPHABET.length()) {
        s.append(pairedOnly ? "\ud83d\ude00" : "\ud83d");
      } else if (pick == ALPHABET.length() + 1) {
        s.append(pairedOnly ? "x" : "\ude00");
      } else {
        char c = ALPHABET.charAt(pick);
        if (Character.isSurrogate(c)) {
          s.append(pairedOnly ? "\ud800\udc00" : String.valueOf(c));
        } else {
          s.append(c);
        }
      }
    }
    return s.toString();
  }

  /** The escaped JSON string as a writer of Java text makes it. */
  private static String reference(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> out.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
      }
    }
    return out.append('"').toString();
  }

  @Test
  void everyStringGivesTheBytesOfItsEscapedText() {
    Random random = new Random(8785);
    JsonOut reused = new JsonOut(false);
    for (int i = 0; i < 20_000; i++) {
      String key = randomText(random, false);
      String value = randomText(random, false);
      String expected = "{" + reference(key) + ":" + reference(value) + "}";
      JsonOut fresh = new JsonOut(false);
      fresh.beginObject().field(key, value).endObject();
      assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), fresh.bytes(), expected);
      reused.reset().beginObject().field(key, value).endObject();
      assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), reused.bytes(), expected);
    }
  }

  @Test
  void prettyLayoutIndentsAsBefore() {
    JsonOut out = new JsonOut(true);
    out.beginObject().field("a", "长").name("b").beginArray().value(1).value(true).nullValue().endArray()
        .name("c").beginObject().endObject().name("d").number("12.50").endObject();
    assertEquals("{\n  \"a\": \"长\",\n  \"b\": [\n    1,\n    true,\n    null\n  ],\n  \"c\": {},\n  \"d\": 12.50\n}\n",
        out.text());
  }

  @Test
  void canonicalFormSortsMembersOfEveryLength() {
    Random random = new Random(53);
    for (int i = 0; i < 2_000; i++) {
      int members = random.nextInt(6);
      List<String> keys = new java.util.ArrayList<>();
      JsonOut out = JsonOut.canonical();
      out.beginObject();
      java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
      for (int m = 0; m < members; m++) {
        String key = randomText(random, true);
        if (sorted.containsKey(key)) {
          continue;
        }
        String value = randomText(random, true);
        keys.add(key);
        sorted.put(key, value);
        out.name(key).beginArray().value(value).endArray();
      }
      out.endObject();
      StringBuilder expected = new StringBuilder("{");
      sorted.forEach((k, v) -> expected.append(expected.length() > 1 ? "," : "").append(reference(k))
          .append(":[").append(reference(v)).append(']'));
      expected.append('}');
      assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), out.bytes(), keys.toString());
    }
  }

  @Test
  void canonicalFormRefusesAnUnpairedSurrogate() {
    assertThrows(JsonOut.NotCanonicalException.class, () -> JsonOut.canonical().value("a\ud800b"));
    assertThrows(JsonOut.NotCanonicalException.class, () -> JsonOut.canonical().value("\ude00"));
  }

  @Test
  void aConstantIsCopiedWithTheBytesItWasWrittenWith() {
    List<String> table = List.of("长沙", "x\"y");
    java.util.function.BiConsumer<List<String>, JsonOut> write = (list, out) -> {
      out.beginArray();
      list.forEach(out::value);
      out.endArray();
    };
    JsonOut plain = new JsonOut(false);
    plain.beginObject().name("a").beginArray();
    write.accept(table, plain);
    plain.endArray().name("b");
    write.accept(table, plain);
    plain.endObject();
    JsonOut cached = new JsonOut(false);
    for (int round = 0; round < 3; round++) {
      cached.reset().beginObject().name("a").beginArray().constant(table, write).endArray().name("b")
          .constant(table, write).endObject();
      assertArrayEquals(plain.bytes(), cached.bytes());
    }
    assertThrows(IllegalStateException.class,
        () -> new JsonOut(false).beginArray().constant("two values", (s, out) -> out.value(s).value(s)));
  }

  @Test
  void theHashIsThatOfTheCanonicalBytes() {
    Random random = new Random(256);
    for (int i = 0; i < 500; i++) {
      String key = randomText(random, true);
      String value = randomText(random, true);
      String expected = Hashing.sha256().hashBytes(("{" + reference(key) + ":" + reference(value) + "}")
          .getBytes(StandardCharsets.UTF_8)).toString();
      assertEquals(expected, CanonicalJson.sha256(out -> out.beginObject().field(key, value).endObject()));
    }
    // a write that fails half-way leaves nothing behind for the next hash
    assertThrows(JsonOut.NotCanonicalException.class,
        () -> CanonicalJson.sha256(out -> out.beginObject().field("a", "\ud800")));
    assertEquals(Hashing.sha256().hashBytes("{}".getBytes(StandardCharsets.UTF_8)).toString(),
        CanonicalJson.sha256(out -> out.beginObject().endObject()));
  }
}
