package org.ratefloat.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.json.CaseJson;

/**
 * The rows of one employer at a time, read by {@link CsvRows} (which refuses the file, naming the
 * line and column, for a header or row that is not exactly what it must be); a record is refused,
 * without holding its rows, once it has more than
 * {@link org.ratefloat.model.InputRules#MAX_PERIODS} periods or {@link Batch#MAX_LINE} bytes.
 */
final class CsvSource implements Source {
  private final CsvRows rows;
  private final CountingStream counter;
  private CsvRows.Row held;

  CsvSource(InputStream in) throws IOException {
    this.counter = new CountingStream(in);
    this.rows = new CsvRows(counter);
  }

  @Override
  public Input next() throws IOException {
    List<Map<String, String>> group = new ArrayList<>();
    long start = counter.count;
    CsvRows.Row first = held != null ? held : rows.next();
    held = null;
    if (first == null) {
      return null;
    }
    group.add(first.cells());
    String id = first.cells().getOrDefault("id", "");
    long periods = CsvCases.hasPeriod(first.cells()) ? 1 : 0;
    boolean tooLarge = false;
    CsvRows.Row row;
    while ((row = rows.next()) != null) {
      if (!id.equals(row.cells().getOrDefault("id", "")) || id.isEmpty()) {
        held = row;
        break;
      }
      periods += CsvCases.hasPeriod(row.cells()) ? 1 : 0;
      // past a limit the rows are counted, not held
      tooLarge = tooLarge || periods > org.ratefloat.model.InputRules.MAX_PERIODS || counter.count - start > Batch.MAX_LINE;
      if (!tooLarge) {
        group.add(row.cells());
      }
    }
    long size = Math.max(1, counter.count - start);
    if (tooLarge) {
      RateFloatException refused;
      try {
        CaseJson.checkPeriods(periods, "/history");
        refused = new InputException(ErrorCode.IN024, "", "the rows of this employer hold more than "
            + Batch.MAX_LINE + " bytes");
      } catch (InputException e) {
        refused = e;
      }
      // the first row alone, so that the error record names the employer
      return new Input(first.line(), size, null, CsvCases.toCase(group.subList(0, 1)), refused);
    }
    return new Input(first.line(), size, null, CsvCases.toCase(group), null);
  }

  @Override
  public long bytesRead() {
    return counter.count;
  }

  /** Counts the bytes read through it, for progress. */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
