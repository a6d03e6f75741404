package org.ratefloat.rules;

import org.ratefloat.document.Text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The format reference states each kind's values as the kind declares them ({@link
 * IndicatorSpec#domain}): for the kinds whose values do not depend on their keys, the words of
 * rules/README.md's table are the declared domain's own description.
 */
class DomainsDocumentedTest {
  private static final Text LABEL = new Text("x", "x");

  /** The kinds whose values are fixed, each with the domain it declares. */
  private static Map<String, ValueDomain> fixed() {
    IndicatorSpec.DomainContext none = new IndicatorSpec.DomainContext() {
      @Override
      public ValueDomain.Numbers bounds(Expr e) {
        throw new AssertionError("a fixed domain reads no expression");
      }

      @Override
      public ValueDomain.Numbers bandOffsets() {
        throw new AssertionError("a fixed domain reads no ladder");
      }
    };
    Map<String, ValueDomain> out = new LinkedHashMap<>();
    out.put("safetyStandardGrade", new IndicatorSpec.SafetyStandardGrade("g", "", LABEL).domain(none));
    out.put("safetyCreditRating", new IndicatorSpec.SafetyCreditRating("r", "", LABEL, Optional.empty()).domain(none));
    out.put("flag", new IndicatorSpec.Flag("f", "", LABEL, IndicatorSpec.StatusFlag.PREMIUM_ARREARS).domain(none));
    out.put("customFlag", new IndicatorSpec.CustomFlag("c", "", LABEL, "x", Optional.empty()).domain(none));
    out.put("covered", new IndicatorSpec.Covered("v", "", LABEL, Window.calendarYears(1, 0)).domain(none));
    return out;
  }

  @Test
  void theFormatReferenceStatesTheDeclaredValues() throws Exception {
    Map<String, String> documented = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("rules/README.md"))) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\| `(\\w+)` \\| ([^|]+) \\|$").matcher(line);
      if (m.matches()) {
        documented.putIfAbsent(m.group(1), m.group(2).trim());
      }
    }
    fixed().forEach((kind, domain) -> {
      String words = documented.get(kind);
      // a text kind may name its whenAbsent after the declared values
      String stated = words == null ? null : words.replaceFirst(", and `whenAbsent`.*$", "");
      assertEquals(domain.describe(), stated, "rules/README.md on the values of " + kind);
    });
  }
}
