package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decide --no-lint}: a table the analysis refuses decides the cases it covers when the user
 * asks for no analysis, and a case in the table's fault is refused by the engine; without the option
 * the table is refused whatever the case.
 */
class NoLintTest {
  /** Class 2 only; its rows leave a payout ratio in (50, 60] uncovered (RT020). */
  private static final String GAP = "src/test/resources/broken-tables/04-gap.json";

  @TempDir
  Path tmp;

  /** A class-2 employer whose last year's payout ratio is {@code benefits} per 1,000 of premiums. */
  private Path employer(String benefits) throws Exception {
    Path file = tmp.resolve("case-" + benefits + ".json");
    Files.writeString(file, """
        {
          "asOf": "2025-01-01",
          "employer": {
            "id": "T-1",
            "industry": {"edition": "GB/T 4754-2011", "code": "3484"},
            "riskClassOverride": 2,
            "currentBand": "1.0"
          },
          "history": [
            {"year": 2024, "payroll": "100000.00", "premiumsPaid": "1000.00", "benefitsPaid": "%s",
             "injuries": 0}
          ]
        }
        """.formatted(benefits));
    return file;
  }

  @Test
  void aTableWithAGapIsRefusedUnlessTheUserAsksForNoAnalysis() throws Exception {
    Path covered = employer("400.00"); // 40 %: row "low"
    CliRun.of("decide", "--rules", GAP, covered.toString()).assertRefused(4, "RT020", "/steps/0");

    CliRun decided = CliRun.of("decide", "--no-lint", "--rules", GAP, covered.toString());
    assertEquals(0, decided.code(), decided.err());
    assertTrue(decided.out().contains("\"row\": \"low\""), decided.out());

    // in the gap: the engine refuses the case, as the analysis would have refused the table
    Path inGap = employer("550.00");
    CliRun.of("decide", "--no-lint", "--rules", GAP, inGap.toString()).assertRefused(4, "RT016", "/steps/0");
  }

  @Test
  void aBundledTableDecidesTheSameWithAndWithoutAnalysis() {
    String hangzhou = "examples/cn-zj-hangzhou/standardised-workshop.json";
    CliRun analysed = CliRun.of("decide", "--rules", "cn-zj-hangzhou", hangzhou);
    CliRun unanalysed = CliRun.of("decide", "--no-lint", "--rules", "cn-zj-hangzhou", hangzhou);
    assertEquals(0, analysed.code(), analysed.err());
    assertEquals(analysed.out(), unanalysed.out());
  }
}
