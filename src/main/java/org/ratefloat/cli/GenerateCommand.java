package org.ratefloat.cli;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.ratefloat.io.OutputFile;
import org.ratefloat.synthetic.PortfolioGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ratefloat generate}: write a synthetic portfolio. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a seeded synthetic portfolio, one case document per line (NDJSON): employers with Chinese "
        + "names, unified social credit codes and regions (Hunan's cities by default), their calendar years before "
        + "the as-of date, the last --months of them as monthly periods (for ratefloat rank), accidents and the "
        + "workers they injured.")
final class GenerateCommand implements Callable<Integer> {
  /** Most employers one run writes. */
  static final long MAX_EMPLOYERS = 100_000_000L;
  /** Most calendar years of history. */
  static final int MAX_YEARS = 100;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  LanguageOption lang;

  @Option(names = "--employers", required = true, paramLabel = "N",
      description = "how many employers, 1 to 100,000,000")
  long employers;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--as-of", defaultValue = "2025-01-01", paramLabel = "DATE",
      description = "as-of date of every case (default: ${DEFAULT-VALUE})")
  LocalDate asOf;

  @Option(names = "--years", defaultValue = "3", paramLabel = "N",
      description = "calendar years of history, 1 to 100 (default: ${DEFAULT-VALUE})")
  int years;

  @Option(names = "--months", defaultValue = "0", paramLabel = "N",
      description = "the last N months of the history as monthly periods, 0 to 12 x --years (default: ${DEFAULT-VALUE})")
  int months;

  @Option(names = "--regions", defaultValue = "cn-hn", paramLabel = "FILE|ID",
      description = "the administrative divisions employers are placed in (<id>.regions.json; default: "
          + "${DEFAULT-VALUE}, Hunan's 14 cities)")
  String regions;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "the .ndjson file to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    Usage.inRange(spec, "--employers", employers, 1, MAX_EMPLOYERS);
    Usage.inRange(spec, "--years", years, 1, MAX_YEARS);
    // every year of history must be one a case accepts (1900 to 2999)
    if (asOf.getYear() > 2999 || asOf.getYear() - years < 1900) {
      throw Usage.invalid(spec, "--as-of", "with --years " + years + " the as-of year must be from "
          + (1900 + years) + " to 2999: " + asOf);
    }
    Usage.inRange(spec, "--months", months, 0, 12L * years);
    Usage.extension(spec, "--out", out, ".ndjson");
    org.ratefloat.registry.Regions placed = org.ratefloat.registry.Regions.load(regions);
    PortfolioGenerator generator = new PortfolioGenerator(seed, employers, asOf, years, months, placed);
    // a regions file of the user's is an input the output must not overwrite; a bundled one is in the jar
    List<Path> inputs = java.nio.file.Files.exists(Path.of(regions)) ? List.of(Path.of(regions)) : List.of();
    try (OutputFile file = OutputFile.create(out, inputs)) {
      Writer w = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
      while (generator.hasNext()) {
        w.write(generator.nextLine());
        w.write('\n');
      }
      w.flush();
      file.commit();
    }
    return Main.OK;
  }
}
