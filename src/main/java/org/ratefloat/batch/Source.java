package org.ratefloat.batch;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the records of a portfolio come from, one at a time and in file order, in constant memory:
 * an NDJSON file ({@link NdjsonSource}) or a CSV file ({@link CsvSource}), chosen by its format. Its
 * one job is cutting a file into records; deciding and writing them are others'.
 */
interface Source {
  /** The next record, or null at the end. */
  Input next() throws IOException;

  /** The bytes of the file read so far, for progress. */
  long bytesRead();

  /** The source of a portfolio file of {@code format}. */
  static Source of(Batch.Format format, InputStream in) throws IOException {
    return format == Batch.Format.CSV ? new CsvSource(in) : new NdjsonSource(in);
  }
}
