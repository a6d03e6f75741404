package org.ratefloat.rules;

import org.ratefloat.document.DocumentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ratefloat.Assertions2.assertFails;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;

/** Load errors of rule tables: each fault is found at load with its code and pointer. */
class RuleTableLoadTest {
  private static final String VALID = """
      {
        "format": "ratefloat/rule-table@1",
        "kind": "measure",
        "id": "test",
        "version": "1",
        "jurisdiction": "X",
        "title": {"zh": "测试", "en": "test"},
        "effectiveFrom": "2015-10-01",
        "status": "verified",
        "sources": [{"url": "http://example.org", "took": "everything"}],
        "base": "cn-national-2015",
        "indicators": [
          {"id": "ratio", "kind": "ratio", "label": {"zh": "比", "en": "ratio"}, "window": {"calendarYears": 1},
           "numerator": "benefitsPaid", "denominator": "premiumsPaid", "multiplier": "100",
           "round": {"scale": 2, "mode": "HALF_UP"}},
          {"id": "arrears", "kind": "flag", "label": {"zh": "欠费", "en": "arrears"}, "flag": "premiumArrears"}
        ],
        "steps": [
          {"id": "band", "kind": "table", "label": {"zh": "档", "en": "band"}, "hitPolicy": "UNIQUE", "rows": [
            {"id": "low", "when": {"ratio": {"le": "50"}}, "then": {"band": -1}},
            {"id": "high", "when": {"ratio": {"gt": "50"}}, "then": {"band": 1}}
          ]},
          {"id": "veto", "kind": "veto", "label": {"zh": "否决", "en": "veto"}, "when": {"arrears": true}, "forbid": "belowBenchmark"},
          {"id": "floor", "kind": "rateFloor", "label": {"zh": "下限", "en": "floor"}, "rate": {"classBenchmark": 1}}
        ]
      }
      """;

  private static void load(String text) {
    RuleTables.load(new DocumentFiles.Named("test.json", text.getBytes(StandardCharsets.UTF_8)),
        DocumentFiles.directory(Path.of("rules")));
  }

  @Test
  void loadsTheValidTable() {
    load(VALID);
  }

  @ParameterizedTest(name = "{2} at {3}")
  @CsvSource(delimiter = '|', value = {
      "\"version\": \"1\",|\"version\": \"1\", \"versoin\": \"2\",|RT003|/versoin",
      "\"version\": \"1\",|\"version\": \"1\", \"version\": \"2\",|RT002|/version",
      "\"id\": \"high\"|\"id\": \"low\"|RT007|/steps/0/rows/1/id",
      "\"id\": \"veto\"|\"id\": \"ratio\"|RT007|/steps/1/id",
      "{\"le\": \"50\"}|{\"le\": 5e1}|RT006|/steps/0/rows/0/when/ratio/le",
      "{\"le\": \"50\"}|{\"le\": \"fifty\"}|RT006|/steps/0/rows/0/when/ratio/le",
      "\"when\": {\"ratio\": {\"le\": \"50\"}}|\"when\": {\"ratoi\": {\"le\": \"50\"}}|RT008|/steps/0/rows/0/when/ratoi",
      "\"when\": {\"arrears\": true}|\"when\": {\"arrears\": {\"gt\": \"0\"}}|RT011|/steps/1/when/arrears",
      "{\"le\": \"50\"}|true|RT011|/steps/0/rows/0/when/ratio",
      "{\"gt\": \"50\"}|{\"gt\": \"50\", \"lt\": \"50\"}|RT012|/steps/0/rows/1/when/ratio",
      "{\"gt\": \"50\"}|{\"gt\": \"60\", \"le\": \"55\"}|RT012|/steps/0/rows/1/when/ratio",
      "{\"gt\": \"50\"}|{\"gt\": \"50\", \"ge\": \"50\"}|RT009|/steps/0/rows/1/when/ratio",
      "\"hitPolicy\": \"UNIQUE\"|\"hitPolicy\": \"ANY\"|RT009|/steps/0/hitPolicy",
      "\"then\": {\"band\": 1}|\"then\": {\"band\": 1, \"addBands\": 1}|RT009|/steps/0/rows/1/then",
      "\"then\": {\"band\": 1}|\"then\": {\"bands\": 1}|RT003|/steps/0/rows/1/then/bands",
      "\"kind\": \"veto\"|\"kind\": \"script\"|RT014|/steps/1/kind",
      "\"format\": \"ratefloat/rule-table@1\"|\"format\": \"ratefloat/rule-table@9\"|RT014|/format",
      "\"base\": \"cn-national-2015\"|\"base\": \"cn-nowhere\"|RT008|/base",
      "\"base\": \"cn-national-2015\"|\"base\": \"cn-zj-hangzhou\"|RT009|/base",
      "\"effectiveFrom\": \"2015-10-01\"|\"effectiveFrom\": \"2015-10-01\", \"effectiveTo\": \"2015-09-30\"|RT012|/effectiveTo",
      "\"status\": \"verified\"|\"status\": \"verified\", \"gaps\": [\"x\"]|RT009|/status",
      "\"status\": \"verified\"|\"status\": \"done\"|RT009|/status",
      "\"measure\",|\"measure\", \"benchmarks\": {\"1\": \"0.2\"},|RT004|/ladders",
      "\"mode\": \"HALF_UP\"|\"mode\": \"UNNECESSARY\"|RT009|/indicators/0/round/mode",
      "\"numerator\": \"benefitsPaid\"|\"numerator\": \"benefitPaid\"|RT008|/indicators/0/numerator",
      "\"numerator\": \"benefitsPaid\"|\"numerator\": \"premiumsPaid\"|RT009|/indicators/0/denominator",
      "\"flag\": \"premiumArrears\"|\"flag\": \"java.lang.Runtime\"|RT008|/indicators/1/flag",
      "\"rate\": {\"classBenchmark\": 1}|\"rate\": {\"classBenchmark\": 9}|RT008|/steps/2/rate/classBenchmark",
      "{\"id\": \"veto\"|{\"id\": \"veto\", \"classes\": [9]|RT009|/steps/1/classes",
      "\"sources\": [{\"url\": \"http://example.org\", \"took\": \"everything\"}]|\"sources\": []|RT004|/sources",
  })
  void refuses(String from, String to, ErrorCode code, String pointer) {
    String text = VALID.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    if (text.equals(VALID)) {
      throw new AssertionError("the mutation did not apply: " + from);
    }
    assertFails(code, pointer, () -> load(text));
  }

  @Test
  void bandStepAfterARateLimitIsRefused() {
    String text = VALID.replace("""
          {"id": "floor", "kind": "rateFloor", "label": {"zh": "下限", "en": "floor"}, "rate": {"classBenchmark": 1}}""",
        """
          {"id": "floor", "kind": "rateFloor", "label": {"zh": "下限", "en": "floor"}, "rate": {"classBenchmark": 1}},
          {"id": "late", "kind": "limitMove", "label": {"zh": "迟", "en": "late"}, "maxBands": 1}""");
    assertFails(ErrorCode.RT013, "/steps/3", () -> load(text));
  }

  @Test
  void errorsNameTheFile() {
    RuleTableException e = (RuleTableException) assertFails(ErrorCode.RT001, "/format",
        () -> load("{\"format\": "));
    assertEquals("test.json", e.source());
  }

  @Test
  void everyShippedTableLoads() throws Exception {
    try (var files = Files.list(Path.of("rules"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json") && !org.ratefloat.ShippedFiles.isPortfolioDocument(p))
          .sorted().toList()) {
        DocumentFiles.Named named = DocumentFiles.read(f);
        if (RuleTables.isClassification(named)) {
          RuleTables.loadClassification(f);
        } else if (RuleTables.isReference(named)) {
          assertEquals(f.getFileName().toString(), RuleTables.loadReference(f).id() + ".reference.json");
        } else {
          LoadedTable t = RuleTables.load(f);
          assertEquals(f.getFileName().toString(), t.measure().id() + ".json");
          assertEquals(Optional.of(t.measure().sha256()).get().length(), 64);
        }
      }
    }
  }
}
