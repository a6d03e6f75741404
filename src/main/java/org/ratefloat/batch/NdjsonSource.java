package org.ratefloat.batch;

import java.io.IOException;
import java.io.InputStream;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/** The records of an NDJSON portfolio: one case document a line, a line at most {@link Batch#MAX_LINE} bytes. */
final class NdjsonSource implements Source {
  private final LineReader lines;
  private long line;

  NdjsonSource(InputStream in) {
    this.lines = new LineReader(in, Batch.MAX_LINE);
  }

  @Override
  public Input next() throws IOException {
    byte[] bytes = lines.next();
    if (bytes == null) {
      return null;
    }
    line++;
    if (bytes == LineReader.TOO_LONG) {
      return new Input(line, Batch.MAX_LINE, null, null, new InputException(ErrorCode.IN024, "",
          "line longer than " + Batch.MAX_LINE + " bytes"));
    }
    // an empty line is found by the worker that reads the record (Input.toCase)
    return new Input(line, bytes.length, bytes, null, null);
  }

  @Override
  public long bytesRead() {
    return lines.bytesRead();
  }
}
