package org.ratefloat.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.ratefloat.io.OutputFile;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.synthetic.PortfolioGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ratefloat generate}: write a synthetic portfolio. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a seeded synthetic portfolio, one case document per line (NDJSON).")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--employers", required = true, paramLabel = "N", description = "how many employers")
  long employers;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--as-of", defaultValue = "2025-01-01", paramLabel = "DATE",
      description = "as-of date of every case (default: ${DEFAULT-VALUE})")
  LocalDate asOf;

  @Option(names = "--years", defaultValue = "3", paramLabel = "N",
      description = "calendar years of history (default: ${DEFAULT-VALUE})")
  int years;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "the .ndjson file to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    PortfolioGenerator generator = new PortfolioGenerator(seed, employers, asOf, years);
    try (OutputFile file = OutputFile.create(out, List.of())) {
      Writer w = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
      while (generator.hasNext()) {
        ObjectNode employer = generator.next();
        w.write(CanonicalJson.compact(employer));
        w.write('\n');
      }
      w.flush();
      file.commit();
    }
    return Main.OK;
  }
}
