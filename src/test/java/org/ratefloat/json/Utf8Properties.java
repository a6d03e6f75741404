package org.ratefloat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ratefloat.error.InputException;
import org.ratefloat.error.RateFloatException;

/**
 * Well-formed text: the UTF-8 check agrees with the JDK's strict decoder on any bytes, and a
 * document whose text is not well formed never reads as the text it resembles.
 */
class Utf8Properties {

  private static boolean wellFormedForTheJdk(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Provide
  Arbitrary<byte[]> nearlyText() {
    // lead bytes, continuation bytes and ASCII, so that most sequences are almost well formed
    Arbitrary<Byte> interesting = Arbitraries.of((byte) 0x41, (byte) 0x7f, (byte) 0x80, (byte) 0x8f, (byte) 0x90,
        (byte) 0x9f, (byte) 0xa0, (byte) 0xbf, (byte) 0xc0, (byte) 0xc1, (byte) 0xc2, (byte) 0xdf, (byte) 0xe0,
        (byte) 0xe1, (byte) 0xec, (byte) 0xed, (byte) 0xee, (byte) 0xef, (byte) 0xf0, (byte) 0xf1, (byte) 0xf3,
        (byte) 0xf4, (byte) 0xf5, (byte) 0xff);
    return Arbitraries.oneOf(interesting, Arbitraries.bytes()).array(byte[].class).ofMaxSize(12);
  }

  @Property(tries = 3000)
  void agreesWithTheJdksStrictDecoder(@ForAll("nearlyText") byte[] bytes) {
    assertEquals(wellFormedForTheJdk(bytes), Utf8.firstMalformed(bytes, 0, bytes.length) < 0,
        HexFormat.ofDelimiter(" ").formatHex(bytes));
  }

  @Property
  void everyStringIsWellFormedOnceEncoded(@ForAll String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // Java encodes an unpaired surrogate as '?': what comes out is always well formed
    assertEquals(-1, Utf8.firstMalformed(bytes, 0, bytes.length));
  }

  @Example
  void theBoundariesOfEachForm() {
    for (String ok : new String[] {"7f", "c280", "dfbf", "e0a080", "ed9fbf", "ee8080", "efbfbf", "f0908080",
        "f48fbfbf"}) {
      assertEquals(-1, Utf8.firstMalformed(HexFormat.of().parseHex(ok), 0, ok.length() / 2), ok);
    }
    for (String bad : new String[] {"80", "c0af", "c180", "e080af", "eda080", "edbfbf", "f08080af", "f4908080",
        "f5808080", "e4b8", "ff"}) {
      assertEquals(0, Utf8.firstMalformed(HexFormat.of().parseHex(bad), 0, bad.length() / 2), bad);
    }
  }

  @Example
  void unpairedSurrogates() {
    assertEquals(-1, Utf8.firstUnpairedSurrogate("a\ud83d\ude00b"));
    assertEquals(0, Utf8.firstUnpairedSurrogate("\ud800"));
    assertEquals(1, Utf8.firstUnpairedSurrogate("a\udc00"));
    assertEquals(0, Utf8.firstUnpairedSurrogate("\udc00\ud800"));
    assertEquals(1, Utf8.firstUnpairedSurrogate("x\ud800y"));
  }

  @Example
  void twoDocumentsThatLookAlikeAreNotReadAlike() {
    // before: C0 AF read as "/", "\ud800" as a lone surrogate that encodes to "?"
    StrictJson json = StrictJson.forInput();
    byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'};
    RateFloatException e = assertThrows(InputException.class, () -> json.read(overlong, Faults.INPUT));
    assertEquals("IN001 /a: invalid UTF-8 (byte 0xc0 at offset 6): not well-formed text", e.getMessage());
    e = assertThrows(InputException.class,
        () -> json.read("{\"a\": \"\\ud800\"}".getBytes(StandardCharsets.UTF_8), Faults.INPUT));
    assertEquals("IN001 /a: unpaired surrogate \\ud800 is not text", e.getMessage());
    e = assertThrows(RateFloatException.class, () -> StrictJson.forRuleTables()
        .read("{\"\\udfff\": 1}".getBytes(StandardCharsets.UTF_8), Faults.ruleTable("t.json")));
    assertEquals("RT001", e.code().name());
    assertEquals(1, json.read("{\"a\": \"\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8), Faults.INPUT)
        .get("a").textValue().codePointCount(0, 2), "a pair is one character");
  }

  @Example
  void aFileThatIsNotJsonIsNotQuoted() {
    String passwd = "root:x:0:0:root:/root:/bin/bash\n";
    RateFloatException e = assertThrows(InputException.class,
        () -> StrictJson.forInput().read(passwd.getBytes(StandardCharsets.UTF_8), Faults.INPUT));
    assertFalse(e.getMessage().contains("root"), e.getMessage());
    assertEquals("IN001 /: unrecognized token: expected a value (a string, number, object, array, true, false or "
        + "null) at line 1, column 1", e.getMessage());
    // nor a token inside a document
    e = assertThrows(InputException.class, () -> StrictJson.forInput()
        .read("{\"a\": secret-value-here}".getBytes(StandardCharsets.UTF_8), Faults.INPUT));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }
}
