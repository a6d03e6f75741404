package org.ratefloat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ratefloat.error.InputException;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.RateFloat;
import org.ratefloat.model.RatingCase;

/**
 * The canonical form is RFC 8785 (JSON Canonicalization Scheme). Conformance: the examples of the RFC
 * itself (section 3.2.2.2 string escaping, section 3.2.3 property sorting) and the test vectors
 * published with it (cyberphone/json-canonicalization, testdata/: french, structures, weird), written
 * here as Java literals, and the profile ratefloat adds: decimals are strings, so the only numbers are
 * integers within +-(2^53 - 1).
 */
class CanonicalJsonTest {
  private static JsonNode parse(String json) {
    return StrictJson.forInput().read(json.getBytes(StandardCharsets.UTF_8), Faults.INPUT);
  }

  @Test
  void rfc8785SortsPropertiesByUtf16CodeUnits() {
    // RFC 8785 section 3.2.3: the input, then the properties in the order the RFC lists them:
    // U+000D, "1", U+0080, U+00F6, U+20AC, U+1F600 (surrogates D83D DE00), U+FB33
    JsonNode input = parse("{\n"
        + "  \"\\u20ac\": \"Euro Sign\",\n"
        + "  \"\\r\": \"Carriage Return\",\n"
        + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
        + "  \"1\": \"One\",\n"
        + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
        + "  \"\\u0080\": \"Control\",\n"
        + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
        + "}");
    assertEquals("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
        CanonicalJson.jcs(input));
  }

  @Test
  void rfc8785EscapesStringsAsSection3222Says() {
    // RFC 8785 section 3.2.2.2 (and the "string" member of the section 3.2.2 example)
    JsonNode input = parse("{\"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\"}");
    String expected = "{\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    assertEquals(expected, CanonicalJson.jcs(input));
    // and in UTF-8: the euro sign is e2 82 ac, nothing else is outside ASCII
    byte[] utf8 = CanonicalJson.jcsBytes(input);
    assertEquals(expected.length() + 2, utf8.length);
    // the other short escapes; other control characters with four lower-case hex digits; DEL as is
    assertEquals("[\"\\b\\t\\n\\f\\r\",\"\\u0000\\u001f\\u000b\",\"\u007f\"]",
        CanonicalJson.jcs(parse("[\"\\b\\t\\n\\f\\r\", \"\\u0000\\u001F\\u000B\", \"\\u007f\"]")));
    // literals, and arrays keep their order
    assertEquals("{\"literals\":[null,true,false]}", CanonicalJson.jcs(parse("{\"literals\": [null, true, false]}")));
  }

  @Test
  void rfc8785TestVectors() {
    // testdata/input/french.json -> output/french.json: sorting ignores the locale
    assertEquals("{\"peach\":\"This sorting order\",\"p\u00e9ch\u00e9\":\"is wrong according to French\","
        + "\"p\u00eache\":\"but canonicalization MUST\",\"sin\":\"ingnore locale\"}",
        CanonicalJson.jcs(parse("{\n  \"peach\": \"This sorting order\",\n  \"p\u00e9ch\u00e9\": \"is wrong according"
            + " to French\",\n  \"p\u00eache\": \"but canonicalization MUST\",\n  \"sin\":   \"ingnore locale\"\n}")));
    // testdata/input/structures.json -> output/structures.json: nested sorting, 56.0 is the integer 56
    assertEquals("{\"\":\"empty\",\"1\":{\"\\n\":56,\"f\":{\"F\":5,\"f\":\"hi\"}},\"10\":{},\"111\":[{}],\"A\":{},\"a\":{}}",
        CanonicalJson.jcs(parse("{\n  \"1\": {\"f\": {\"f\": \"hi\",\"F\": 5} ,\"\\n\": 56.0},\n  \"10\": { },\n"
            + "  \"\": \"empty\",\n  \"a\": { },\n  \"111\": [ { } ],\n  \"A\": { }\n}")));
    // testdata/input/weird.json -> output/weird.json
    assertEquals("{\"1\":\"One\",\"</script>\":\"Browser Challenge\",\"\u0080\":\"Control\u007f\","
        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude02\":\"Smiley\","
        + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
        CanonicalJson.jcs(parse("{\n  \"\\u20ac\": \"Euro Sign\",\n  \"1\": \"One\",\n  \"\\u0080\": \"Control\\u007f\",\n"
            + "  \"\\ud83d\\ude02\": \"Smiley\",\n  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\",\n"
            + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n  \"</script>\": \"Browser Challenge\"\n}")));
  }

  @Test
  void numbersAreIntegersWithinTheExactRange() {
    assertEquals("[0,0,9007199254740991,-9007199254740991,56]",
        CanonicalJson.jcs(parse("[0, -0, 9007199254740991, -9007199254740991, 56.000]")));
    // decimals are strings in ratefloat's documents: a fractional number or a larger integer is refused
    for (String outside : List.of("[4.50]", "[0.001]", "[9007199254740992]",
        "[-9007199254740992]", "[123456789012345678901234567890]")) {
      assertThrows(JsonOut.NotCanonicalException.class, () -> CanonicalJson.jcs(parse(outside)), outside);
    }
    assertThrows(JsonOut.NotCanonicalException.class, () -> JsonOut.canonical().value(1L << 53));
    assertThrows(JsonOut.NotCanonicalException.class, () -> JsonOut.canonical().value(Long.MIN_VALUE));
  }

  @Test
  void unpairedSurrogatesHaveNoCanonicalForm() {
    ObjectNode lone = JsonNodeFactory.instance.objectNode().put("name", "a\ud800b");
    assertThrows(JsonOut.NotCanonicalException.class, () -> CanonicalJson.jcs(lone));
    ObjectNode loneKey = JsonNodeFactory.instance.objectNode().put("\udc00", "x");
    assertThrows(JsonOut.NotCanonicalException.class, () -> CanonicalJson.jcs(loneKey));
    // and the strict reader refuses them where they come in, with the pointer
    InputException e = assertThrows(InputException.class,
        () -> parse("{\"employer\": {\"name\": \"A\\ud800\"}}"));
    assertEquals(ErrorCode.IN001, e.code());
    assertEquals("/employer/name", e.pointer());
    for (String key : List.of("{\"\\udfff\": 1}", "{\"a\": {\"\\ud800\": 1}}")) {
      assertEquals(ErrorCode.IN001, assertThrows(InputException.class, () -> parse(key)).code(), key);
    }
  }

  @Test
  void theWriterSortsWhatItIsGivenInAnyOrder() {
    JsonOut out = JsonOut.canonical();
    out.beginObject().field("b", 1).name("a").beginObject().field("z", true).field("y", "x").endObject()
        .name("c").beginArray().beginObject().field("n", 2).field("m", 1).endObject().endArray().endObject();
    assertEquals("{\"a\":{\"y\":\"x\",\"z\":true},\"b\":1,\"c\":[{\"m\":1,\"n\":2}]}", out.text());
    JsonOut twice = JsonOut.canonical();
    twice.beginObject().field("k", 1).field("a", 0).field("k", 2);
    assertThrows(IllegalStateException.class, twice::endObject);
    assertThrows(JsonOut.NotCanonicalException.class, () -> JsonOut.canonical().decimal(new BigDecimal("1.5"))
        .number("1.5"));
  }

  private static JsonNode reversed(JsonNode node) {
    if (node.isObject()) {
      List<String> keys = new java.util.ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      java.util.Collections.reverse(keys);
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      keys.forEach(k -> copy.set(k, reversed(node.get(k))));
      return copy;
    }
    if (node.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(reversed(item)));
      return copy;
    }
    return node;
  }

  @Test
  void theInputHashIsSha256OfTheRfc8785FormOfTheCaseJson() throws IOException {
    // for every example case: the pretty JSON, re-read as a tree and canonicalised by the tree walker,
    // gives the bytes the streaming writer hashes
    List<Path> cases;
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      cases = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".decision.json")
          && !p.getFileName().toString().equals("README.json")).sorted().toList();
    }
    assertTrue(cases.size() >= 10, cases.toString());
    for (Path p : cases) {
      RatingCase c = RateFloat.readCase(p);
      byte[] canonical = CanonicalJson.jcsBytes(parse(new String(RateFloat.toJson(c), StandardCharsets.UTF_8)));
      assertEquals(Hashing.sha256().hashBytes(canonical).toString(), RateFloat.inputSha256(c), p.toString());
      // a copy on one line with every object's keys reversed has the same canonical form
      String reversed = CanonicalJson.compact(reversed(parse(new String(RateFloat.toJson(c), StandardCharsets.UTF_8))));
      assertEquals(new String(canonical, StandardCharsets.UTF_8), CanonicalJson.jcs(parse(reversed)), p.toString());
    }
  }
}
