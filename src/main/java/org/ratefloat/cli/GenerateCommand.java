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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ratefloat generate}: write a synthetic portfolio. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a seeded synthetic portfolio, one case document per line (NDJSON).")
final class GenerateCommand implements Callable<Integer> {
  /** Most employers one run writes. */
  static final long MAX_EMPLOYERS = 100_000_000L;
  /** Most calendar years of history. */
  static final int MAX_YEARS = 100;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

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
    Usage.extension(spec, "--out", out, ".ndjson");
    PortfolioGenerator generator = new PortfolioGenerator(seed, employers, asOf, years);
    try (OutputFile file = OutputFile.create(out, List.of())) {
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
