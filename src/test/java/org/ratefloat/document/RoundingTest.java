package org.ratefloat.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.json.Faults;
import org.ratefloat.json.JsonValue;
import org.ratefloat.json.StrictJson;

/** A named rounding as a document declares it: read strictly, and said as the account says it. */
class RoundingTest {
  private static Rounding read(String json) {
    Faults faults = Faults.ruleTable("t.json");
    return Rounding.read(JsonValue.root(StrictJson.forRuleTables()
        .read(json.getBytes(StandardCharsets.UTF_8), faults), faults));
  }

  @Test
  void aRoundingIsItsScaleAndMode() {
    assertEquals(new Rounding(2, RoundingMode.HALF_UP), read("{\"scale\": 2, \"mode\": \"HALF_UP\"}"));
    assertEquals(new Rounding(0, RoundingMode.FLOOR), read("{\"mode\": \"FLOOR\", \"scale\": 0}"));
    assertEquals(new Rounding(12, RoundingMode.HALF_EVEN), read("{\"scale\": 12, \"mode\": \"HALF_EVEN\"}"));
  }

  @Test
  void anythingElseIsRefusedWhereItIs() {
    RuleTableException extra = assertThrows(RuleTableException.class,
        () -> read("{\"scale\": 2, \"mode\": \"HALF_UP\", \"digits\": 2}"));
    assertEquals("/digits", extra.pointer());
    assertEquals("/scale", assertThrows(RuleTableException.class,
        () -> read("{\"scale\": 13, \"mode\": \"HALF_UP\"}")).pointer());
    assertEquals("/mode", assertThrows(RuleTableException.class,
        () -> read("{\"scale\": 2, \"mode\": \"UNNECESSARY\"}")).pointer());
    RuleTableException unknown = assertThrows(RuleTableException.class,
        () -> read("{\"scale\": 2, \"mode\": \"ROUND\"}"));
    assertEquals("/mode", unknown.pointer());
    assertEquals(ErrorCode.RT009, unknown.code());
  }

  @Test
  void aRoundingSaysItselfTheSameWhateverItsScale() {
    assertEquals("scale 2 HALF_UP", new Rounding(2, RoundingMode.HALF_UP).describe());
    assertEquals("scale 0 DOWN", new Rounding(0, RoundingMode.DOWN).describe());
    assertEquals("scale 12 CEILING", new Rounding(12, RoundingMode.CEILING).describe());
  }
}
