package org.ratefloat;

import java.nio.file.Path;
import java.util.List;

/** Which files of {@code rules/} are documents of the portfolio tools rather than of the rule format. */
public final class ShippedFiles {
  /** The file-name suffixes of the portfolio tools' documents: ranking definitions, regions, industry names. */
  public static final List<String> PORTFOLIO_SUFFIXES = List.of(".ranking.json", ".regions.json",
      ".industry-names.json");

  private ShippedFiles() {}

  /** Whether a file is a ranking definition, a regions document or an industry-names document. */
  public static boolean isPortfolioDocument(Path file) {
    return isPortfolioDocument(file.getFileName().toString());
  }

  public static boolean isPortfolioDocument(String name) {
    return PORTFOLIO_SUFFIXES.stream().anyMatch(name::endsWith);
  }
}
