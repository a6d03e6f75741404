package org.ratefloat.rules;

import org.ratefloat.document.ClassificationSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ratefloat.Assertions2.assertFails;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;

/**
 * rules/cn-annex-2015.json. Sources: cn-floating-rules.md §3 (the annex and the 96 divisions) and
 * §3.4 (the GB/T 4754-2017 shifts).
 */
class ClassificationTest {
  private static final ClassificationSpec ANNEX = RuleTables.loadClassification(Path.of("rules/cn-annex-2015.json"));

  private static int classify(Edition edition, String code) {
    return ANNEX.classify(new IndustryCode(edition, code));
  }

  @Test
  void the2011AnnexPartitionsTheNinetySixDivisions() {
    // §3.1: 15/19/16/23/9/7/3/4 divisions in classes 1-8, 96 in all, each exactly once
    var classes = ANNEX.editions().get(Edition.GBT_4754_2011).classes();
    assertEquals(96, classes.size());
    Map<Integer, Integer> perClass = new TreeMap<>();
    classes.forEach((code, c) -> perClass.merge(c, 1, Integer::sum));
    assertEquals(Map.of(1, 15, 2, 19, 3, 16, 4, 23, 5, 9, 6, 7, 7, 3, 8, 4), perClass);
  }

  @Property
  void everyDivisionHasExactlyOneClassInOneToEight(@ForAll @IntRange(min = 1, max = 96) int division) {
    String code = String.format("%02d", division);
    int c = classify(Edition.GBT_4754_2011, code);
    assertEquals(true, c >= 1 && c <= 8);
    // a four-digit code falls in its division's class
    assertEquals(c, classify(Edition.GBT_4754_2011, code + "11"));
  }

  @Test
  void matchesTheSharedCsv() throws Exception {
    var lines = java.nio.file.Files.readAllLines(Path.of("rules/cn-annex-2015.json"));
    assertEquals(true, lines.size() > 100);
    for (String line : java.nio.file.Files.readAllLines(
        Path.of("src/test/resources/gbt4754-2011-risk-classes.csv")).subList(1, 97)) {
      String[] f = line.split(",");
      assertEquals(Integer.parseInt(f[f.length - 1]), classify(Edition.GBT_4754_2011, f[0]), line);
    }
  }

  @ParameterizedTest(name = "2017 code {0} -> class {1}")
  @CsvSource({
      "01, 4", "36, 4", "57, 4", "60, 2", "78, 3",
      // §3.4: 58 stays with class 5; 5910 loading and unloading -> 5; warehousing -> 2
      "58, 5", "5910, 5", "591, 5", "5920, 2", "5941, 2", "5990, 2",
      // §3.4: 80..97 are 2011's 79..96 shifted by one
      "80, 2", "81, 3", "82, 2", "83, 2", "84, 2", "85, 1", "86, 2", "87, 1", "88, 2", "89, 4", "90, 3",
      "91, 1", "97, 1",
  })
  void edition2017(String code, int riskClass) {
    assertEquals(riskClass, classify(Edition.GBT_4754_2017, code));
  }

  @Test
  void edition2017Refusals() {
    // 59 mixes class 5 and class 2 activities
    assertFails(ErrorCode.IN015, "/employer/industry/code", () -> classify(Edition.GBT_4754_2017, "59"));
    // 79 land management is new and unclassed
    assertFails(ErrorCode.IN014, "/employer/industry/code", () -> classify(Edition.GBT_4754_2017, "79"));
    assertFails(ErrorCode.IN014, "/employer/industry/code", () -> classify(Edition.GBT_4754_2017, "7910"));
    // 98 does not exist
    assertFails(ErrorCode.IN012, "/employer/industry/code", () -> classify(Edition.GBT_4754_2017, "98"));
    assertFails(ErrorCode.IN012, "/employer/industry/code", () -> classify(Edition.GBT_4754_2011, "97"));
    assertFails(ErrorCode.IN012, "/employer/industry/code", () -> classify(Edition.GBT_4754_2011, "00"));
  }
}
