package org.ratefloat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ratefloat.io.OutputFile;
import org.ratefloat.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ratefloat report}: one self-contained HTML file of a simulation and a ranking. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write a self-contained HTML report (charts inlined, no network needed) of the JSON of "
        + "'ratefloat simulate' and/or 'ratefloat rank'.")
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--simulation", paramLabel = "FILE", description = "the JSON of ratefloat simulate")
  Path simulation;

  @Option(names = "--ranking", paramLabel = "FILE", description = "the JSON of ratefloat rank")
  Path ranking;

  @Option(names = "--title", defaultValue = "ratefloat report", paramLabel = "TEXT", description = "the title")
  String title;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "the .html file to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (simulation == null && ranking == null) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "give --simulation, --ranking or both");
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode sim = simulation == null ? null : json.readTree(RateFloatFiles.read(simulation));
    JsonNode rank = ranking == null ? null : json.readTree(RateFloatFiles.read(ranking));
    OutputFile.write(out, java.util.Arrays.asList(simulation, ranking),
        Report.html(title, sim, rank).getBytes(StandardCharsets.UTF_8));
    return Main.OK;
  }
}
