package org.ratefloat.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.error.RuleTableException;

/** The message catalogue: both languages complete, values put where each language wants them. */
class CatalogueTest {
  private static final Catalogue C = Catalogue.bundled();

  @Test
  void everyKeyIsInBothLanguages() {
    assertEquals(C.keys(Language.EN), C.keys(Language.ZH));
    assertTrue(C.keys(Language.EN).size() > 150, "the catalogue was read: " + C.keys(Language.EN).size());
  }

  @Test
  void everyErrorCodeHasItsMeaningInBothLanguages() {
    for (ErrorCode code : ErrorCode.values()) {
      assertTrue(C.keys(Language.EN).contains("code." + code.name()), code.name());
      assertFalse(code.summary(Locale.CHINA).isBlank(), code.name());
      assertFalse(code.summary(Locale.CHINA).equals(code.summary()), code.name());
    }
    // the English meanings are those the codes always had (README's table)
    assertEquals("history lacks a value the rule table needs", ErrorCode.IN025.summary());
    assertEquals("no row matched and the step requires one", ErrorCode.RT016.summary(Locale.ENGLISH));
    assertEquals("历史期间缺少费率表所需的数值", ErrorCode.IN025.summary(Locale.SIMPLIFIED_CHINESE));
  }

  @Test
  void everyMessageFormatsInBothLanguages() {
    for (Language lang : Language.values()) {
      for (String key : C.keys(lang)) {
        Map<String, String> values = new HashMap<>();
        for (String name : C.placeholders(lang, key)) {
          values.put(name, "1");
        }
        String text = C.format(lang, key, values);
        assertFalse(text.contains("{"), key + " in " + lang + ": " + text);
      }
    }
  }

  @Test
  void aRoundingIsSaidInWords() {
    // the measures' own wording: 保留4位小数（四舍五入）
    assertEquals("保留4位小数（四舍五入）", Catalogue.rounding("scale 4 HALF_UP", Language.ZH));
    assertEquals("取整数（向零舍去）", Catalogue.rounding("scale 0 DOWN", Language.ZH));
    assertEquals("scale 2 HALF_UP", Catalogue.rounding("scale 2 HALF_UP", Language.EN));
  }

  @Test
  void aFractionShowsItsDecimalValue() {
    // 6200 / 117 = 52.99145299…, to six places 52.991453
    assertEquals("6200/117 (≈ 52.991453)", Catalogue.fraction("6200/117"));
    assertEquals("1.35", Catalogue.fraction("1.35"));
  }

  @Test
  void aCatalogueMessageIsSaidInEitherLanguage() {
    InputException e = new InputException(ErrorCode.IN007, "/history/1/injuries", "error.values",
        Map.of("summary", "injuries must not be negative", "values", "-6"));
    assertEquals("IN007 /history/1/injuries: injuries must not be negative: -6", e.getMessage());
    assertEquals(e.getMessage(), e.message(Locale.ENGLISH));
    assertEquals(e.getMessage(), e.message(Locale.ROOT));
    assertEquals("error.values", e.messageKey().orElseThrow());
    assertEquals("-6", e.values().get("values"));
    assertEquals("IN007 /history/1/injuries: injuries must not be negative: -6",
        e.under("/x").message(Locale.US).replace("/x", ""));
  }

  @Test
  void aMessageTheCatalogueDoesNotHoldIsToldByItsCodeAndValues() {
    InputException e = new InputException(ErrorCode.IN007, "/history/1/injuries", "injuries must not be negative: -6");
    assertEquals("IN007 /history/1/injuries: injuries must not be negative: -6", e.getMessage());
    assertEquals("IN007 /history/1/injuries：金额或人数为负数：-6", e.message(Locale.CHINA));
    RuleTableException r = new RuleTableException(ErrorCode.RT012, "t.json", "/steps/1/rows/7/when/payoutRatio",
        "empty range (0.8, 0.5]");
    assertEquals("RT012 /steps/1/rows/7/when/payoutRatio: t.json: empty range (0.8, 0.5]", r.getMessage());
    assertEquals("RT012 /steps/1/rows/7/when/payoutRatio：t.json：取值区间为空：(0.8, 0.5]", r.message(Locale.CHINA));
    RuleTableException fraction = new RuleTableException(ErrorCode.RT016, "", "/steps/2",
        "no row of step payout matches {payoutRatio=6200/117}");
    assertEquals("RT016 /steps/2：该步骤须有一行适用，但没有任何一行适用：支缴率 = 6200/117 (≈ 52.991453)",
        fraction.message(Locale.CHINA));
  }

  @Test
  void aStepWithoutARowShowsTheFractionWithItsDecimalValue() {
    RuleTableException e = new RuleTableException(ErrorCode.RT016, "", "/steps/2", "error.RT016.none",
        Message.values("step", "payout-band", "values", "{payoutRatio=6200/117}"));
    // the English line is the one the engine always wrote
    assertEquals("RT016 /steps/2: no row of step payout-band matches {payoutRatio=6200/117}", e.getMessage());
    // 6200 / 117 = 52.991453 to six places; the ratio by its name in the measures, 支缴率
    assertEquals("RT016 /steps/2：步骤 payout-band 没有任何一行适用：支缴率 6200/117 (≈ 52.991453)",
        e.message(Locale.CHINA));
    assertEquals("error.RT016.none", e.messageKey().orElseThrow());
    assertEquals(Map.of("step", "payout-band", "values", "{payoutRatio=6200/117}"), e.values());
  }

  @Test
  void aPointerIsSaidInWords() {
    assertEquals("第2期 工伤保险基金支付", Glossary.bundled().pointer("/history/1/benefitsPaid", Language.ZH));
    assertEquals(List.of("一类", "八类", "十二类"), List.of(Glossary.riskClass(1, Language.ZH),
        Glossary.riskClass(8, Language.ZH), Glossary.riskClass(12, Language.ZH)));
  }
}
