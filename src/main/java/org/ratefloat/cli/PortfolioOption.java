package org.ratefloat.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --in}: the portfolio a command reads, a file of case documents (NDJSON, one a line) or of CSV
 * rows, the format chosen by the extension; declared, documented and checked here once (a mixin).
 */
final class PortfolioOption {
  /** What {@code --in} holds, for the help of every command that reads a portfolio. */
  static final String DESCRIPTION = "the portfolio, .ndjson or .csv";

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = DESCRIPTION)
  Path in;

  /** The portfolio file, its extension checked (a usage error otherwise). */
  Path file() {
    return check(command, in);
  }

  /** Checks a portfolio file's extension, which chooses its format. */
  static Path check(CommandSpec command, Path in) {
    Usage.extension(command, "--in", in, ".ndjson", ".csv");
    return in;
  }
}
