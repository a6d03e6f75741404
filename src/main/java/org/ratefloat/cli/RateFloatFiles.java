package org.ratefloat.cli;

import java.nio.file.Path;
import org.ratefloat.io.InputFiles;

/** File helpers of the command line. */
final class RateFloatFiles {
  private RateFloatFiles() {}

  /** An input document (a case, a decision record, the JSON of a simulation or a ranking). */
  static byte[] read(Path file) {
    return InputFiles.readInput(file);
  }
}
