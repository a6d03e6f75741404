package org.ratefloat.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.json.ParserWords;
import org.ratefloat.json.Utf8;

/**
 * The rows of a CSV portfolio, read as strictly as a JSON document is: the header names each
 * column once ({@code IN002} for a name twice, as for a duplicate key), with a known name
 * ({@code IN003}) that is not empty or blank ({@code IN001}); every row has exactly as many cells as
 * the header ({@code IN001}, an empty line too); no cell holds a NUL character ({@code IN001}); text
 * is well-formed UTF-8 and no cell is longer than {@value #MAX_CELL} characters ({@code IN024}). Each
 * fault refuses the file with one line that names the CSV line and, where there is one, the column.
 *
 * <p>A row is read cell by cell and checked as it comes, so a header or row of a million cells is
 * refused at the first cell too many, never held. Not thread-safe.
 */
final class CsvRows {
  /** Longest cell, in characters: as long as a JSON string may be. */
  static final int MAX_CELL = 64 << 10;
  private static final CsvFactory CSV = CsvFactory.builder()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_CELL).build())
      .build();

  /** One row: the line it starts on and its cells by column name (an empty cell is ""). */
  record Row(long line, Map<String, String> cells) {}

  private final JsonParser parser;
  private final List<String> header;
  /** The line of the row being read and the cells of it read so far, for the place of a fault. */
  private long line;
  private int cells;
  private boolean inRow;

  /** Reads and checks the header. */
  CsvRows(InputStream in) throws IOException {
    this.parser = step(() -> CSV.createParser(Utf8.checked(in, "CSV")));
    if (step(parser::nextToken) != JsonToken.START_ARRAY) {
      throw new InputException(ErrorCode.IN004, "", "the CSV file is empty: it has no header");
    }
    List<String> row = row();
    if (row == null) {
      throw new InputException(ErrorCode.IN004, "", "the CSV file is empty: it has no header");
    }
    this.header = Collections.unmodifiableList(row);
    if (!header.contains("id")) {
      throw new InputException(ErrorCode.IN004, "", "the CSV header has no id column");
    }
  }

  /** The next row, or null at the end of the file. */
  Row next() throws IOException {
    List<String> row = row();
    if (row == null) {
      return null;
    }
    Map<String, String> byName = new LinkedHashMap<>();
    for (int i = 0; i < row.size(); i++) {
      byName.put(header.get(i), row.get(i));
    }
    return new Row(line, byName);
  }

  /** The line the last row read starts on. */
  long line() {
    return line;
  }

  /**
   * The cells of the next row, checked as they are read (the header's against the known column
   * names, a row's against the header's count); null at the end.
   */
  private List<String> row() throws IOException {
    JsonToken token = step(parser::nextToken);
    if (token == null || token == JsonToken.END_ARRAY) {
      return null;
    }
    cells = 0;
    inRow = true;
    line = parser.currentLocation().getLineNr();
    List<String> row = new ArrayList<>(header == null ? 16 : header.size());
    Map<String, Integer> seen = header == null ? new HashMap<>() : null;
    while ((token = step(parser::nextToken)) == JsonToken.VALUE_STRING) {
      if (cells == 0) {
        line = parser.currentTokenLocation().getLineNr();
      }
      String cell = step(parser::getText);
      cells++;
      if (cell.indexOf('\0') >= 0) {
        throw fault(ErrorCode.IN001, "a NUL character (U+0000), which no text of a case holds");
      }
      if (header == null) {
        checkName(cell, seen);
      } else if (cells > header.size()) {
        throw fault(ErrorCode.IN001, "more cells than the header's " + header.size() + " columns");
      }
      row.add(cell);
    }
    if (token != JsonToken.END_ARRAY) {
      throw fault(ErrorCode.IN001, "not a row of cells");
    }
    inRow = false;
    if (header != null && cells < header.size()) {
      cells++;
      throw fault(ErrorCode.IN001, "the row ends after " + (cells - 1) + " cell" + (cells == 2 ? "" : "s")
          + ", the header has " + header.size() + " columns" + (cells == 2 && row.get(0).isEmpty()
              ? " (an empty line)" : ""));
    }
    return row;
  }

  /** A header cell: a known column name, not blank, not given before. */
  private void checkName(String name, Map<String, Integer> seen) {
    if (name.isBlank()) {
      throw fault(ErrorCode.IN001, "a column without a name (the header cell is empty or blank)");
    }
    if (!CsvCases.known(name)) {
      throw fault(ErrorCode.IN003, "unknown CSV column " + CsvCases.quoted(name) + "; columns are "
          + CsvCases.EMPLOYER_COLUMNS + " and " + CsvCases.PERIOD_COLUMNS);
    }
    Integer before = seen.putIfAbsent(name, cells);
    if (before != null) {
      throw fault(ErrorCode.IN002, "column \"" + name + "\" is named twice (also column " + before
          + "): which cell counts would be a guess");
    }
  }

  private InputException fault(ErrorCode code, String detail) {
    return new InputException(code, "", "CSV line " + line + ", column " + cells + ": " + detail);
  }

  /** A step of the parser, whose faults refuse the file in our words, with the line. */
  @FunctionalInterface
  private interface Step<T> {
    T run() throws IOException;
  }

  private <T> T step(Step<T> step) throws IOException {
    try {
      return step.run();
    } catch (JsonProcessingException e) {
      // within a row, the line it starts on (a quoted cell may span lines, to the end of the file)
      long at = inRow || e.getLocation() == null || e.getLocation().getLineNr() <= 0 ? Math.max(line, 1)
          : e.getLocation().getLineNr();
      throw new InputException(ParserWords.isLimit(e) ? ErrorCode.IN024 : ErrorCode.IN001, "", "CSV line " + at
          + (cells > 0 ? ", column " + (cells + 1) : "") + ": " + ParserWords.describe(e));
    }
  }
}
