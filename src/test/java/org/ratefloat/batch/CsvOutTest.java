package org.ratefloat.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV cells a spreadsheet cannot run (OWASP, CSV injection) and that stay in their column. */
class CsvOutTest {
  @Test
  void formulaLeadingCellsAreWrittenAsText() {
    assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", CsvOut.cell("=HYPERLINK(\"http://x\",\"y\")"));
    assertEquals("\"'+1+2\"", CsvOut.cell("+1+2"));
    assertEquals("\"'-2+3\"", CsvOut.cell("-2+3"));
    assertEquals("\"'@SUM(A1:A9)\"", CsvOut.cell("@SUM(A1:A9)"));
    // a tab or carriage return is escaped (below), so it cannot lead a formula either
    assertEquals("\\t=1", CsvOut.cell("\t=1"));
    assertEquals("\\r=1", CsvOut.cell("\r=1"));
    assertEquals("\"'-\"", CsvOut.cell("-"));
    assertEquals("\"'=\"", CsvOut.cell("="));
  }

  @Test
  void plainNumbersStayNumbers() {
    assertEquals("-12.50", CsvOut.cell("-12.50"));
    assertEquals("-3", CsvOut.cell("-3"));
    assertEquals("1.3500", CsvOut.cell("1.3500"));
    // not plain decimals: a spreadsheet could read a formula or a date into them
    assertEquals("\"'-1e5\"", CsvOut.cell("-1e5"));
    assertEquals("\"'-1.\"", CsvOut.cell("-1."));
  }

  @Test
  void quotingKeepsEveryCellInItsColumn() {
    assertEquals("a,\"b,c\",\"d\"\"e\",f\\ng,,x=1\n", CsvOut.row(List.of("a", "b,c", "d\"e", "f\ng", "", "x=1")));
    // a separator followed by a formula character is inside one quoted cell
    assertEquals("\"x,=1\"", CsvOut.cell("x,=1"));
    // a value that begins with an apostrophe is quoted, so that it is not taken for a neutralised one
    assertEquals("\"'a\"", CsvOut.cell("'a"));
  }

  @Test
  void noCellCarriesAControlCharacterOrABidirectionalOverride() {
    // ESC ] 0 ; title BEL retitles a terminal, ESC [ 31 m recolours it: escaped as in an error line
    assertEquals("E1\\u001b]0;owned\\u0007\\u001b[31m", CsvOut.cell("E1\u001b]0;owned\u0007\u001b[31m"));
    // C1 CSI, DEL, NUL, a line separator, a right-to-left override and an isolate
    assertEquals("a\\u009bb\\u007fc\\u0000d\\u2028e", CsvOut.cell("a\u009bb\u007fc\u0000d\u2028e"));
    assertEquals("\\u202eexe.txt\\u2066x\\u2069", CsvOut.cell("\u202eexe.txt\u2066x\u2069"));
    // Chinese text and other printable characters are written as they are
    assertEquals("湖南机械厂", CsvOut.cell("湖南机械厂"));
    String row = CsvOut.row(List.of("\u001b[2J", "\n=cmd", "\u0085"));
    assertEquals(row.length() - 1, row.indexOf('\n'), "one line: " + row);
    assertEquals(0, row.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f).count(), row);
  }
}
