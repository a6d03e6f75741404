package org.ratefloat.batch;

import java.util.List;
import java.util.regex.Pattern;
import org.ratefloat.text.Printable;

/**
 * Writes CSV rows (RFC 4180, {@code \n} line ends) that a spreadsheet cannot run: every CSV file
 * ratefloat writes goes through here.
 *
 * <p>No cell carries a control character or a bidirectional override: they are escaped as an error
 * line on the terminal escapes them ({@link Printable}: {@code \u001b}, {@code \n}), so that
 * {@code cat} of the file cannot drive a terminal and a cell is one line. A cell that begins with
 * {@code =}, {@code +}, {@code -} or {@code @} would be taken as a formula by a spreadsheet
 * ({@code =HYPERLINK(...)}, {@code @SUM(...)}); such a cell is written with a leading apostrophe, as
 * OWASP recommends, so that it shows as text. A cell that is a plain decimal number ({@code -12.50})
 * is a number, not a formula, and is written as it is, so that numeric columns stay numbers. A cell
 * holding a comma, a double quote or a leading apostrophe is quoted, its quotes doubled.
 *
 * @since 0.1.0
 */
public final class CsvOut {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private CsvOut() {}

  /** One row, with its line end. */
  public static String row(List<String> cells) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    return out.append('\n').toString();
  }

  /** One cell: neutralised if a spreadsheet would run it, quoted if CSV needs it. */
  public static String cell(String value) {
    String safe = Printable.escape(value);
    String text = formulaLeading(safe) ? "'" + safe : safe;
    boolean quote = text.startsWith("'") || text.indexOf(',') >= 0 || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private static boolean formulaLeading(String value) {
    if (value.isEmpty()) {
      return false;
    }
    char c = value.charAt(0);
    return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !NUMBER.matcher(value).matches();
  }
}
