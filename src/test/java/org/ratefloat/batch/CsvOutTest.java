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
    assertEquals("\"'\t=1\"", CsvOut.cell("\t=1"));
    assertEquals("\"'\r=1\"", CsvOut.cell("\r=1"));
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
    assertEquals("a,\"b,c\",\"d\"\"e\",\"f\ng\",,x=1\n", CsvOut.row(List.of("a", "b,c", "d\"e", "f\ng", "", "x=1")));
    // a separator followed by a formula character is inside one quoted cell
    assertEquals("\"x,=1\"", CsvOut.cell("x,=1"));
    // a value that begins with an apostrophe is quoted, so that it is not taken for a neutralised one
    assertEquals("\"'a\"", CsvOut.cell("'a"));
  }
}
