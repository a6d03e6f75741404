package org.ratefloat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.ratefloat.Assertions2.assertFails;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratefloat.error.ErrorCode;

class StrictJsonTest {
  private static final StrictJson JSON = StrictJson.forInput();

  private static void read(String text) {
    JSON.read(text.getBytes(StandardCharsets.UTF_8), Faults.INPUT);
  }

  @Test
  void keepsDecimalsExactlyAsWritten() {
    var node = JSON.read("{\"a\": 1.20, \"b\": 0.1, \"c\": 12345678901234567890.5}".getBytes(StandardCharsets.UTF_8),
        Faults.INPUT);
    assertEquals(new BigDecimal("1.20"), node.get("a").decimalValue());
    assertEquals("1.20", node.get("a").decimalValue().toPlainString());
    assertEquals(new BigDecimal("0.1"), node.get("b").decimalValue());
    assertEquals(new BigDecimal("12345678901234567890.5"), node.get("c").decimalValue());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "{\"a\": 1, \"a\": 2}|IN002|/a",
      "{\"x\": {\"a\": 1, \"a\": 2}}|IN002|/x/a",
      "{\"a\": 1e3}|IN006|/a",
      "{\"a\": 1.5E-2}|IN006|/a",
      "{\"a\": [1, 2, NaN]}|IN001|/a/2",
      "{\"a\": Infinity}|IN001|/a",
      "{\"a\": 1} {\"b\": 2}|IN001|''",
      "{\"a\": 1,}|IN001|/a",
      "''|IN001|''",
      "{\"a\": 0.000000000000000000001}|IN006|/a",
  })
  void refuses(String text, ErrorCode code, String pointer) {
    assertFails(code, pointer, () -> read(text));
  }

  @Test
  void hugeExponentIsRefusedAtOnce() {
    // a short token that would stand for a number with a billion digits
    assertTimeoutPreemptively(Duration.ofSeconds(1), () ->
        assertFails(ErrorCode.IN006, "/a", () -> read("{\"a\": 1e999999999}")));
  }

  @Test
  void boundsDepthAndNumberLength() {
    // the pointer shows how deep the reader went before it stopped
    assertFails(ErrorCode.IN024, "/0".repeat(32), () -> read("[".repeat(40) + "]".repeat(40)));
    assertFails(ErrorCode.IN024, "", () -> read("{\"a\": " + "9".repeat(60) + "}"));
  }

  @Test
  void streamingWriterMatchesTheTreeWriter() {
    String doc = "{\"a\": \"x\\\"y\\\\z\\n\\u0001\u8d39\", \"b\": [], \"c\": {}, \"d\": [1, {\"e\": true}, [null]], \"f\": -7}";
    var tree = JSON.read(doc.getBytes(StandardCharsets.UTF_8), Faults.INPUT);
    for (boolean pretty : new boolean[] {true, false}) {
      JsonOut out = new JsonOut(pretty);
      out.beginObject().field("a", tree.get("a").textValue());
      out.name("b").beginArray().endArray();
      out.name("c").beginObject().endObject();
      out.name("d").beginArray().value(1).beginObject().field("e", true).endObject().beginArray().nullValue()
          .endArray().endArray();
      out.field("f", -7).endObject();
      assertEquals(pretty ? CanonicalJson.text(tree) : CanonicalJson.compact(tree), out.text());
    }
  }

  @Test
  void canonicalTextIsStable() {
    var node = JSON.read("{\"b\":[1,{\"c\":\"x\\ny\"}],\"a\":{},\"d\":[]}".getBytes(StandardCharsets.UTF_8), Faults.INPUT);
    assertEquals("{\n  \"b\": [\n    1,\n    {\n      \"c\": \"x\\ny\"\n    }\n  ],\n  \"a\": {},\n  \"d\": []\n}\n",
        CanonicalJson.text(node));
  }
}
