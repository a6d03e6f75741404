package org.ratefloat.cli;

import org.ratefloat.text.Language;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ratefloat.error.InputException;
import org.ratefloat.io.OutputFile;
import org.ratefloat.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ratefloat report}: one self-contained HTML file of a simulation and a ranking. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write a self-contained HTML report (charts inlined, no network needed), in Chinese or "
        + "English, of the JSON of 'ratefloat simulate' and/or 'ratefloat rank'.")
final class ReportCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--simulation", paramLabel = "FILE", description = "the JSON of ratefloat simulate")
  Path simulation;

  @Option(names = "--ranking", paramLabel = "FILE", description = "the JSON of ratefloat rank")
  Path ranking;

  @Mixin
  LanguageOption lang;

  @Option(names = "--title", paramLabel = "TEXT", description = "the title (default: one in the report's language)")
  String title;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "the .html file to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (simulation == null && ranking == null) {
      throw new Usage.Refusal(spec.commandLine(), UsageCode.CL002, "--simulation",
          "give --simulation, --ranking or both");
    }
    if (title != null && title.isBlank()) {
      throw Usage.invalidBy(spec, "--title", "usage.notBlank");
    }
    Usage.extension(spec, "--out", out, ".html");
    JsonNode sim = simulation == null ? null : read(simulation, Report::readSimulation);
    JsonNode rank = ranking == null ? null : read(ranking, Report::readRanking);
    OutputFile.write(out, java.util.Arrays.asList(simulation, ranking),
        Report.html(title == null ? Report.defaultTitle(Report.Language.valueOf(lang.get().tag())) : title, sim, rank,
            Report.Language.valueOf(lang.get().tag())).getBytes(StandardCharsets.UTF_8));
    return Main.OK;
  }

  /** Reads one input; a refusal names the file, as there are two. */
  private static JsonNode read(Path file, java.util.function.Function<byte[], JsonNode> reader) {
    byte[] bytes = RateFloatFiles.read(file);
    try {
      return reader.apply(bytes);
    } catch (InputException e) {
      throw new InputException(e.code(), e.pointer(), file + ": " + e.detail());
    }
  }
}
