package org.ratefloat.thresholds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Employer;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.Status;
import org.ratefloat.notice.ThresholdWords;

/**
 * What cannot be inverted exactly is said, indicator by indicator, and never approximated silently:
 * a quantity in a ratio's denominator, a product of the quantity with itself, an indicator reading two
 * quantities at once (where it crosses a bound is a slanted line, not a box). And a format-2 table of
 * computed factors, floors, caps and amounts (the test table of {@code Format2Test}) is inverted
 * exactly, each bound checked by deciding at it and one unit beyond.
 */
class NotInvertibleTest {
  @TempDir
  Path tmp;

  private static final String TABLE = """
      {
        "format": "ratefloat/rule-table@2", "kind": "measure", "id": "test-not-invertible", "version": "1",
        "jurisdiction": "CN-TEST", "title": { "zh": "测试：无法反推的指标", "en": "test: indicators not invertible" },
        "effectiveFrom": "2020-01-01", "status": "verified",
        "sources": [ { "url": "http://example.org/plan", "took": "everything" } ],
        "benchmarks": { "1": "1.0" }, "ladders": { "default": [ "0.8", "1.0", "1.2" ] },
        "rounding": { "rate": { "scale": 4, "mode": "HALF_UP" }, "premium": { "scale": 2, "mode": "HALF_UP" } },
        "indicators": [
          { "id": "benefits", "kind": "total", "label": { "zh": "支付", "en": "benefits" },
            "window": { "calendarYears": 1 }, "measure": "benefitsPaid" },
          { "id": "injuries", "kind": "total", "label": { "zh": "工伤人数", "en": "injuries" },
            "window": { "calendarYears": 1 }, "measure": "injuries" },
          { "id": "perInjury", "kind": "ratio", "label": { "zh": "人均工资", "en": "payroll per injury" },
            "window": { "calendarYears": 1 }, "numerator": "payroll", "denominator": "injuries", "zeroDenominator": "0" },
          { "id": "squared", "kind": "formula", "label": { "zh": "平方", "en": "squared" },
            "expr": { "mul": [ "benefits", "benefits" ] } },
          { "id": "combined", "kind": "formula", "label": { "zh": "合计", "en": "combined" },
            "expr": { "add": [ "benefits", { "mul": [ { "const": "1000" }, "injuries" ] } ] } }
        ],
        "steps": [
          { "id": "t", "kind": "table", "label": { "zh": "档次", "en": "band" }, "hitPolicy": "FIRST", "noMatch": "skip",
            "rows": [
              { "id": "few-injuries", "when": { "perInjury": { "gt": "0", "lt": "100000" } }, "then": { "band": 1 } },
              { "id": "large", "when": { "squared": { "gt": "1000000" } }, "then": { "band": 1 } },
              { "id": "small", "when": { "combined": { "le": "5000" } }, "then": { "band": -1 } } ] }
        ]
      }
      """;

  private static RatingCase employer() {
    return RatingCase.builder()
        .employer(Employer.builder().id("T-1").industry(Edition.GBT_4754_2011, "36").riskClassOverride(1)
            .status(Status.builder().firstInsured(LocalDate.of(2010, 1, 1)).build()).build())
        .period(Period.year(2024).value(Measure.PAYROLL, "1000000.00").value(Measure.PREMIUMS_PAID, "10000.00")
            .value(Measure.BENEFITS_PAID, "2000.00").value(Measure.INJURIES, 1).value(Measure.AVERAGE_HEADCOUNT, "50")
            .build())
        .asOf(LocalDate.of(2025, 1, 1)).build();
  }

  @Test
  void eachIndicatorThatCannotBeInvertedIsNamedWithItsReason() throws Exception {
    Path file = tmp.resolve("test-not-invertible.json");
    Files.writeString(file, TABLE, StandardCharsets.UTF_8);
    RuleTable table = RateFloat.loadTable(file);
    Thresholds t = table.thresholds(employer());
    assertFalse(t.exact());
    Map<String, NotInvertible.Reason> why = t.notInvertible().stream()
        .collect(Collectors.toMap(NotInvertible::indicator, NotInvertible::reason));
    assertEquals(Map.of("perInjury", NotInvertible.Reason.QUANTITY_IN_DENOMINATOR,
        "squared", NotInvertible.Reason.PRODUCT_OF_VARYING,
        "combined", NotInvertible.Reason.SEVERAL_QUANTITIES), why);
    String zh = ThresholdWords.account(t, table, ThresholdWords.Language.zh);
    assertTrue(zh.contains("注意：指标 perInjury 无法精确反推（变动的数量在比率的分母中）"), zh);
    assertTrue(zh.contains("指标 combined 无法精确反推（同时读取多个变动的数量，区域不是矩形）"), zh);
    String json = new String(RateFloat.toJson(t), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"exact\": false"), json);
    assertTrue(json.contains("\"reason\": \"quantityInDenominator\""), json);
  }

  /**
   * The test table of {@code Format2Test} multiplies the rate by a modification that grows without
   * bound with the benefits, rounded to two places (only the rate cap stops it): every step of it is a
   * rate, so it takes more values than the thresholds follow and is said to be not invertible. The
   * surcharge, an amount whose value is not part of the outcome, is not listed.
   */
  @Test
  void aFactorRoundedWithoutBoundIsSaidToBeNotInvertible() throws Exception {
    RuleTable table = RateFloat.loadTable(Path.of("src/test/resources/format2/effects.json"));
    RatingCase c = RatingCase.builder()
        .employer(Employer.builder().id("T-2").industry(Edition.GBT_4754_2011, "36").riskClassOverride(1).build())
        .period(Period.year(2023).value(Measure.PREMIUMS_PAID, "20000.00").value(Measure.BENEFITS_PAID, "5000.00")
            .value(Measure.PAYROLL, "4000000.00").build())
        .period(Period.year(2024).value(Measure.PREMIUMS_PAID, "20000.00").value(Measure.BENEFITS_PAID, "9000.00")
            .value(Measure.PAYROLL, "4000000.00").build())
        .asOf(LocalDate.of(2025, 1, 1)).build();
    Thresholds t = table.thresholds(c);
    assertEquals(List.of(NotInvertible.Reason.TOO_MANY_STEPS),
        t.notInvertible().stream().map(NotInvertible::reason).toList(), t.notInvertible().toString());
    assertEquals("mod", t.notInvertible().get(0).indicator());
  }
}
