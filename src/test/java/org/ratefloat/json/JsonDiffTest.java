package org.ratefloat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Differences between two JSON trees, by pointer, with renderings a terminal can show safely. */
class JsonDiffTest {
  private static JsonNode parse(String json) {
    return StrictJson.forInput().read(json.getBytes(StandardCharsets.UTF_8), Faults.INPUT);
  }

  private static List<String> diff(String a, String b) {
    return JsonDiff.between(parse(a), parse(b), "", 100).shown().stream().map(Object::toString).toList();
  }

  @Test
  void keyOrderAndLayoutDoNotCountArrayOrderDoes() {
    assertEquals(List.of(), diff("{\"a\": 1, \"b\": {\"c\": [1, 2], \"d\": \"x\"}}",
        "{\"b\":{\"d\":\"x\",\"c\":[1,2]},\"a\":1}"));
    // 56.0 is the integer 56 in the canonical form, and so here
    assertEquals(List.of(), diff("[56.0]", "[56]"));
    assertEquals(List.of("/0: 1 \u2192 2", "/1: 2 \u2192 1"), diff("[1, 2]", "[2, 1]"));
  }

  @Test
  void eachDifferenceIsNamedByItsPointer() {
    assertEquals(List.of("/rate/value: 0.3500 \u2192 0.4500"),
        diff("{\"rate\": {\"value\": \"0.3500\"}}", "{\"rate\": {\"value\": \"0.4500\"}}"));
    // RFC 6901 escapes in keys; members and elements on one side only; a change of type shows JSON
    assertEquals(List.of("/a~1b/c~0d: 1 \u2192 2", "/only: \"x\" \u2192 (absent)", "/list/2: (absent) \u2192 3",
        "/n: \"5\" \u2192 5", "/o: {\"k\":[true,null]} \u2192 (absent)", "/new: (absent) \u2192 \"y\""),
        diff("{\"a/b\": {\"c~d\": 1}, \"only\": \"x\", \"list\": [1, 2], \"n\": \"5\", \"o\": {\"k\": [true, null]}}",
            "{\"a/b\": {\"c~d\": 2}, \"list\": [1, 2, 3], \"n\": 5, \"new\": \"y\"}"));
  }

  @Test
  void theListIsBoundedButTheCountIsNot() {
    JsonDiff.Result r = JsonDiff.between(parse("[1, 2, 3, 4, 5]"), parse("[0, 0, 0, 0, 0]"), "/decision", 2);
    assertEquals(5, r.total());
    assertEquals(List.of("/decision/0: 1 \u2192 0", "/decision/1: 2 \u2192 0"),
        r.shown().stream().map(Object::toString).toList());
  }

  @Test
  void renderingsCannotActOnATerminal() {
    // ESC, C1, bidi override and line separator are escaped; Chinese and emoji stay
    List<String> d = diff("{\"name\": \"\\u001b[2J\u5317\u4eac\\u202e\\u0085\\u2028\ud83d\ude00\"}", "{\"name\": \"x\"}");
    assertEquals(List.of("/name: \\u001b[2J\u5317\u4eac\\u202e\\u0085\\u2028\ud83d\ude00 \u2192 x"), d);
    assertEquals("a\\ud800b", org.ratefloat.text.Printable.escape("a\ud800b"));
    // and long values are cut
    String longText = "9".repeat(500);
    String shown = diff("[\"" + longText + "\"]", "[\"1\"]").get(0);
    assertTrue(shown.length() < 200 && shown.contains("\u2026"), shown);
  }
}
