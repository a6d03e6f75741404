package org.ratefloat.rules;

import org.ratefloat.document.DocumentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ratefloat.Assertions2;
import org.ratefloat.RateFloat;
import org.ratefloat.decision.Decision;
import org.ratefloat.engine.Engine;
import org.ratefloat.error.ErrorCode;

/**
 * A cap relative to the prior modification (experience-rating-abroad.md §1.9: for Delaware rating
 * dates from 12/1/2024 to 11/30/2025 the final mod is the lower of the maximum and the prior mod ×
 * 1.40, https://dcrb.com/?p=5886): a named value of earlier ratings the table declares, read from the
 * case's {@code status.prior.values}.
 */
class PriorValueTest {
  private static final LoadedTable TABLE = RuleTables.resolve(new DocumentFiles.Named("p.json", """
      {"format": "ratefloat/rule-table@2", "kind": "measure", "id": "p", "version": "1", "jurisdiction": "X",
       "title": {"zh": "p", "en": "p"}, "effectiveFrom": "2015-10-01", "status": "verified",
       "sources": [{"url": "https://dcrb.com/?p=5886", "took": "the prior mod x 1.40 cap"}],
       "benchmarks": {"2": "1.0"}, "ladders": {"default": ["1.0"]},
       "rounding": {"rate": {"scale": 4, "mode": "HALF_UP"}, "premium": {"scale": 2, "mode": "HALF_UP"}},
       "indicators": [
         {"id": "unlimited", "kind": "customValue", "name": "unlimited", "domain": {"gt": "0"},
          "label": {"zh": "u", "en": "the mod before the cap"}},
         {"id": "priorMod", "kind": "prior", "value": "mod", "domain": {"gt": "0", "le": "10"},
          "label": {"zh": "m", "en": "the prior mod"}},
         {"id": "mod", "kind": "formula", "label": {"zh": "mod", "en": "mod"},
          "expr": {"min": ["unlimited", {"mul": ["priorMod", {"const": "1.40"}]}]},
          "round": {"scale": 2, "mode": "HALF_UP"}}],
       "steps": [{"id": "s", "kind": "table", "label": {"zh": "s", "en": "s"}, "hitPolicy": "UNIQUE",
                  "rows": [{"id": "r", "when": {"unlimited": {"gt": "0"}}, "then": {"multiplyRate": {"indicator": "mod"}}}]}]}
      """.getBytes(StandardCharsets.UTF_8)), DocumentFiles.directory(Path.of("rules")));

  private static Decision decide(String prior) {
    String json = "{\"asOf\": \"2025-01-01\", \"employer\": {\"id\": \"E\", \"industry\": {\"edition\": \"GB/T 4754-2011\","
        + " \"code\": \"36\"}, \"riskClassOverride\": 2, \"status\": {\"customValues\": {\"unlimited\": \"1.35\"}"
        + (prior == null ? "" : ", \"prior\": {\"values\": {\"mod\": \"" + prior + "\"}}") + "}}}";
    return Engine.compile(TABLE).decide(RateFloat.readCase(json.getBytes(StandardCharsets.UTF_8)), "test", "");
  }

  private static String mod(Decision d) {
    return d.indicators().stream().filter(i -> i.id().equals("mod")).findFirst().orElseThrow().value().render();
  }

  @Test
  void theCapIsThePriorModTimesOnePointFour() {
    // prior 0.90: cap 0.90 x 1.40 = 1.26 < 1.35, so the mod is 1.26 and the rate 1.0 x 1.26
    Decision d = decide("0.90");
    assertEquals("1.26", mod(d));
    assertEquals(0, new java.math.BigDecimal("1.26").compareTo(d.rate()));
    // prior 1.00: cap 1.40 > 1.35, the mod stays 1.35
    assertEquals("1.35", mod(decide("1.00")));
    // the record shows the prior value it read
    assertEquals("1.00", decide("1.00").indicators().stream().filter(i -> i.id().equals("priorMod")).findFirst()
        .orElseThrow().value().render());
  }

  @Test
  void anAbsentOrImpossiblePriorModIsRefused() {
    Assertions2.assertFails(ErrorCode.IN025, "/employer/status/prior/values/mod", () -> decide(null));
    Assertions2.assertFails(ErrorCode.IN023, "/employer/status/prior/values/mod", () -> decide("0"));
  }
}
