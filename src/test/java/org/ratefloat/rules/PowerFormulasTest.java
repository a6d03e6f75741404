package org.ratefloat.rules;

import org.ratefloat.document.DocumentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ratefloat.decision.Decision;
import org.ratefloat.engine.Engine;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.Finding;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Employer;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.Status;

/** {@code sqrt} and {@code pow} in a table: parsed, analysed and decided, against values worked by hand. */
class PowerFormulasTest {
  /** A table whose formula y is {@code expr} over the custom value x of domain {@code domain}. */
  private static LoadedTable table(String domain, String expr) {
    String json = """
        {"format": "ratefloat/rule-table@2", "kind": "measure", "id": "p", "version": "1", "jurisdiction": "X",
         "title": {"zh": "p", "en": "p"}, "effectiveFrom": "2015-10-01", "status": "verified",
         "sources": [{"url": "u", "took": "t"}],
         "benchmarks": {"2": "1.0"}, "ladders": {"default": ["1.0"]},
         "rounding": {"rate": {"scale": 4, "mode": "HALF_UP"}, "premium": {"scale": 2, "mode": "HALF_UP"}},
         "indicators": [
           {"id": "x", "kind": "customValue", "name": "x", "domain": %s, "label": {"zh": "x", "en": "x"}},
           {"id": "y", "kind": "formula", "expr": %s, "label": {"zh": "y", "en": "y"}}],
         "steps": [{"id": "s", "kind": "table", "label": {"zh": "s", "en": "s"}, "hitPolicy": "UNIQUE",
                    "rows": [{"id": "r", "when": {"x": {"ge": "-100"}}, "then": {"band": 0}}]}],
         "worksheet": [{"line": "Y", "indicator": "y"}]}
        """.formatted(domain, expr);
    return RuleTables.resolve(new DocumentFiles.Named("p.json", json.getBytes(StandardCharsets.UTF_8)),
        DocumentFiles.directory(Path.of("rules")));
  }

  private static String y(LoadedTable t, String x) {
    RatingCase c = RatingCase.builder().asOf(java.time.LocalDate.of(2025, 1, 1)).employer(Employer.builder().id("E")
        .industry(Edition.GBT_4754_2011, "36").riskClassOverride(2).status(Status.builder().customValue("x", x)
            .build()).build()).build();
    Decision d = Engine.compile(t).decide(c, "test", "");
    return d.indicators().stream().filter(i -> i.id().equals("y")).findFirst().orElseThrow().value().render();
  }

  private static final String POW = "{\"pow\": {\"base\": \"x\", \"exponent\": \"1.5\", \"to\": {\"scale\": 4,"
      + " \"mode\": \"HALF_UP\"}}}";
  private static final String SQRT = "{\"sqrt\": {\"value\": \"x\", \"to\": {\"scale\": 2, \"mode\": \"HALF_EVEN\"}}}";

  @Test
  void powersAreDecidedAsDeclared() {
    LoadedTable t = table("{\"ge\": \"0\"}", POW);
    // 2.25^1.5 = 2.25 x 1.5 = 3.375 exactly
    assertEquals("3.3750", y(t, "2.25"));
    // 2^1.5 = 2 sqrt(2) = 2.8284271...: 2.8284^2 = 7.99984..., 2.82845^2 = 8.00013 > 8 -> 2.8284
    assertEquals("2.8284", y(t, "2"));
    // sqrt(0.0625) = 0.25 exactly; sqrt(0.1225) = 0.35 exactly; sqrt(0.126025) = 0.355: a tie at 2 places,
    // to the even 0.36
    LoadedTable s = table("{\"ge\": \"0\"}", SQRT);
    assertEquals("0.25", y(s, "0.0625"));
    assertEquals("0.36", y(s, "0.126025"));
  }

  @Test
  void aRootOfANegativeValueStopsTheDecisionAndLintSaysItMay() {
    LoadedTable t = table("{\"ge\": \"-10\"}", SQRT);
    assertTrue(t.findings().stream().map(Finding::code).anyMatch(ErrorCode.RT042::equals), t.findings().toString());
    RuleTableException e = assertThrows(RuleTableException.class, () -> y(t, "-4"));
    assertEquals(ErrorCode.RT009, e.code());
    assertEquals("/indicators/1/expr/sqrt", e.pointer());
    assertTrue(e.getMessage().contains("square root of -4"), e.getMessage());
    // a base proven not negative is not flagged
    assertTrue(table("{\"ge\": \"0\"}", SQRT).findings().stream().map(Finding::code)
        .noneMatch(ErrorCode.RT042::equals));
  }

  @Test
  void anExponentIsASmallFraction() {
    RuleTableException e = assertThrows(RuleTableException.class, () -> table("{\"ge\": \"0\"}",
        POW.replace("\"1.5\"", "\"0.333\"")));
    assertEquals(ErrorCode.RT009, e.code());
    assertEquals("/indicators/1/expr/pow/exponent", e.pointer());
  }
}
