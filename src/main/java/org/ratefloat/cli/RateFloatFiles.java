package org.ratefloat.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/** File helpers of the command line. */
final class RateFloatFiles {
  private RateFloatFiles() {}

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(ErrorCode.IN001, "", "no such file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
