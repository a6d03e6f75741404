package org.ratefloat.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ratefloat.io.InputFiles;

/** File helpers of the command line. */
final class RateFloatFiles {
  private RateFloatFiles() {}

  /** An input document (a case, a decision record, the JSON of a simulation or a ranking). */
  static byte[] read(Path file) {
    return InputFiles.readInput(file);
  }

  /** Whether a document looks like a decision record (by its format key near the start). */
  static boolean isDecision(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
    return head.contains("\"ratefloat/decision@");
  }
}
