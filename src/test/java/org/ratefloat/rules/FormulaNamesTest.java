package org.ratefloat.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ratefloat.document.DocumentFiles;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;

/**
 * A formula's record names its figures: each indicator it reads by the indicator's id, and the value
 * it takes for a division by zero as {@code zeroDenominator}. A formula with that fallback that reads
 * an indicator of that id would give one name twice, so the table is refused where it is loaded.
 */
class FormulaNamesTest {
  private static LoadedTable table(String valueId, String fallback) {
    String json = """
        {"format": "ratefloat/rule-table@2", "kind": "measure", "id": "f", "version": "1", "jurisdiction": "X",
         "title": {"zh": "f", "en": "f"}, "effectiveFrom": "2015-10-01", "status": "verified",
         "sources": [{"url": "u", "took": "t"}],
         "benchmarks": {"2": "1.0"}, "ladders": {"default": ["1.0"]},
         "rounding": {"rate": {"scale": 4, "mode": "HALF_UP"}, "premium": {"scale": 2, "mode": "HALF_UP"}},
         "indicators": [
           {"id": "%1$s", "kind": "customValue", "name": "x", "domain": {"ge": "0"}, "label": {"zh": "x", "en": "x"}},
           {"id": "y", "kind": "formula", "expr": {"div": [{"const": "1"}, "%1$s"]}%2$s, "label": {"zh": "y", "en": "y"}}],
         "steps": [{"id": "s", "kind": "table", "label": {"zh": "s", "en": "s"}, "hitPolicy": "UNIQUE",
                    "rows": [{"id": "r", "when": {"y": {"ge": "0"}}, "then": {"band": 0}}]}]}
        """.formatted(valueId, fallback);
    return RuleTables.resolve(new DocumentFiles.Named("f.json", json.getBytes(StandardCharsets.UTF_8)),
        DocumentFiles.directory(Path.of("rules")));
  }

  @Test
  void aFormulaWithAFallbackCannotReadAnIndicatorOfItsName() {
    RuleTableException e = assertThrows(RuleTableException.class,
        () -> table("zeroDenominator", ", \"zeroDenominator\": \"0\""));
    assertEquals(ErrorCode.RT007, e.code());
    assertEquals("/indicators/1/expr/div/1", e.pointer());
    assertTrue(e.getMessage().contains("zeroDenominator"), e.getMessage());
  }

  @Test
  void theNameIsFreeWithoutAFallbackAndTheFallbackWithAnotherName() {
    table("zeroDenominator", "");
    table("x", ", \"zeroDenominator\": \"0\"");
  }
}
