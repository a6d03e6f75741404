package org.ratefloat.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.ratefloat.RateFloat;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.batch.LineReader;

/**
 * The documents of a file {@code verify} and {@code explain} read: one document in any layout (a
 * pretty record, a case, one batch line), or a whole batch output (NDJSON, one record per line),
 * streamed. A CSV batch output carries no decision records and is refused.
 */
final class RecordFile {
  /** Longest line of a batch output read (the longest document accepted, with its line end). */
  static final int MAX_LINE = (16 << 20) + 2;

  /** Told each document of the file: its line (1 for a single document) and its bytes. */
  @FunctionalInterface
  interface Visitor {
    /** {@code bytes} is {@link LineReader#TOO_LONG} for a line longer than {@link #MAX_LINE}. */
    void document(long line, byte[] bytes);
  }

  private RecordFile() {}

  /** Refuses a CSV batch output, which carries no decision records (what it lacks, and what to use). */
  static void refuseCsv(Path file, String done, String command) {
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      throw new InputException(ErrorCode.IN001, "", "CSV batch output carries no decision records, so it "
          + "cannot be " + done + ": a row holds the band, rate and hashes but neither the input nor the "
          + "indicators and steps; write the batch as NDJSON with --echo-input and " + command + " that");
    }
  }

  /**
   * Reads the file: {@code single} gets the one document of a file that is not one document per
   * line, or of a one-line file whose line {@code alone} accepts; else {@code lines} gets each
   * non-blank line in turn.
   *
   * @return whether the file was one document
   */
  static boolean read(Path file, java.util.function.Predicate<byte[]> alone, java.util.function.Consumer<byte[]> single,
      Visitor lines) throws IOException {
    try (InputStream in = new BufferedInputStream(org.ratefloat.io.InputFiles.openInput(file), 1 << 16)) {
      LineReader reader = new LineReader(in, MAX_LINE);
      long[] number = {0};
      byte[] first = next(reader, number);
      long firstNumber = number[0];
      if (first == null) {
        single.accept(RateFloatFiles.read(file));
        return true;
      }
      byte[] next = next(reader, number);
      // one document per line if the first or the second line is one (or too long to be a line of a
      // pretty document): a first line that is damaged or too long is that line's fault, and the
      // file is read on as a stream, whatever its size
      if (!lineWise(first) && (next == null || !lineWise(next))) {
        // not one document per line: the whole file is one document (a pretty record, say)
        single.accept(RateFloatFiles.read(file));
        return true;
      }
      if (next == null && first != LineReader.TOO_LONG && first.length <= MAX_LINE - 2 && isJson(first)
          && alone.test(first)) {
        single.accept(first);
        return true;
      }
      lines.document(firstNumber, first);
      for (; next != null; next = next(reader, number)) {
        lines.document(number[0], next);
      }
      return false;
    } catch (NoSuchFileException e) {
      throw new InputException(ErrorCode.IN001, "", "no such file: " + file);
    }
  }

  /** Whether a line is a decision record on its own (not a line of a batch output). */
  static boolean isRecord(byte[] line) {
    try {
      return RateFloat.isDecisionRecord(line);
    } catch (InputException notStrict) {
      return false;
    }
  }

  /** Whether a line is a line of a batch output ({@code line}, {@code employerId}, {@code status}). */
  static boolean isBatchLine(byte[] line) {
    try {
      return RateFloat.isBatchRecord(line);
    } catch (InputException notStrict) {
      return false;
    }
  }

  /** The next line that is not blank (counting lines in {@code number[0]}), or null at the end. */
  private static byte[] next(LineReader lines, long[] number) throws IOException {
    byte[] line;
    while ((line = lines.next()) != null) {
      number[0]++;
      if (line == LineReader.TOO_LONG || !new String(line, StandardCharsets.UTF_8).isBlank()) {
        return line;
      }
    }
    return null;
  }

  /**
   * Whether a line shows a file of one document per line: a whole JSON document, or a line longer
   * than a document may be (no line of a pretty document is).
   */
  private static boolean lineWise(byte[] line) {
    return line == LineReader.TOO_LONG || line.length > MAX_LINE - 2 || isJson(line);
  }

  /**
   * Whether a line is one whole JSON document, so the file is read as one document per line (its
   * strict reading, with codes and pointers, comes when the line is checked).
   */
  private static boolean isJson(byte[] line) {
    return org.ratefloat.batch.LenientLines.isOneDocument(line);
  }
}
