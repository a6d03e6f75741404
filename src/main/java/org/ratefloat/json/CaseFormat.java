package org.ratefloat.json;

import java.util.List;
import java.util.Optional;

/**
 * The case format declared once: every field a case document may hold, where it lies, what it
 * holds, and the spreadsheet column it is read from, if any. The spreadsheet reader builds its
 * columns and their types from this table; the tree reader ({@link CaseJson}), the streaming reader
 * ({@link CaseStream}), the writer and the JSON Schema ({@code case-1.schema.json}) are held to it by
 * a test that reads and writes every field through each of them and walks the schema, so a field
 * added to any one of them and not to this table, or to this table and not to one of them, fails the
 * build. Immutable.
 */
public final class CaseFormat {
  private CaseFormat() {}

  /** What a field holds. */
  public enum Type {
    /** A string of text. */
    TEXT,
    /** A date, yyyy-mm-dd. */
    DATE,
    /** A decimal of the input form, written as a string. */
    DECIMAL,
    /** A whole number, written as a JSON number. */
    INTEGER,
    /** true or false. */
    BOOLEAN
  }

  /**
   * One field. {@code pointer} is a JSON pointer in which {@code -} stands for any element of an
   * array and {@code *} for any key of an object of named values.
   *
   * @param column the spreadsheet column it is read from (with {@code *}: the column's name with the
   *     key in place of the star, e.g. {@code disability3}), if any
   */
  public record Field(String pointer, Type type, Optional<String> column) {
    /** Whether the field belongs to a period ({@code /history/-/...}). */
    public boolean inPeriod() {
      return pointer.startsWith(PERIOD);
    }

    /** The pointer below the period, e.g. {@code payroll}, {@code disabilityCases/*}. */
    public String inPeriodPointer() {
      return pointer.substring(PERIOD.length());
    }
  }

  /** Where the fields of a period lie. */
  public static final String PERIOD = "/history/-/";

  private static Field f(String pointer, Type type) {
    return new Field(pointer, type, Optional.empty());
  }

  private static Field f(String pointer, Type type, String column) {
    return new Field(pointer, type, Optional.of(column));
  }

  /** Every field of a case, by object; the spreadsheet columns in the order a sheet's header lists them. */
  public static final List<Field> FIELDS = List.of(
      f("/employer/id", Type.TEXT, "id"),
      f("/employer/name", Type.TEXT, "name"),
      f("/employer/creditCode", Type.TEXT, "creditCode"),
      f("/employer/region", Type.TEXT, "region"),
      f("/employer/industry/edition", Type.TEXT, "edition"),
      f("/employer/industry/code", Type.TEXT, "code"),
      f("/employer/riskClassOverride", Type.INTEGER, "riskClassOverride"),
      f("/employer/currentBand", Type.DECIMAL, "currentBand"),
      f("/employer/benchmarkRate", Type.DECIMAL, "benchmarkRate"),
      f("/asOf", Type.DATE, "asOf"),
      f("/premiumBase", Type.DECIMAL, "premiumBase"),
      f("/employer/status/firstInsured", Type.DATE, "firstInsured"),
      f("/employer/status/labourDispatch", Type.BOOLEAN, "labourDispatch"),
      f("/employer/status/premiumArrears", Type.BOOLEAN, "premiumArrears"),
      f("/employer/status/jointPunishment", Type.BOOLEAN, "jointPunishment"),
      f("/employer/status/safetyStandardisation/grade", Type.INTEGER, "safetyStandardGrade"),
      f("/employer/status/safetyStandardisation/validUntil", Type.DATE, "safetyStandardValidUntil"),
      f("/employer/status/safetyCreditRating", Type.TEXT, "safetyCreditRating"),
      f("/employer/status/customFlags/*", Type.BOOLEAN),
      f("/employer/status/customValues/*", Type.DECIMAL),
      f("/employer/status/prior/surchargeAmount", Type.DECIMAL),
      f("/employer/status/prior/surchargePercent", Type.DECIMAL),
      f("/employer/status/prior/lastSurcharge", Type.DATE),
      f("/employer/status/prior/memberSince", Type.DATE),
      f("/employer/status/prior/values/*", Type.DECIMAL),
      f("/employer/classCodes/system", Type.TEXT),
      f("/employer/classCodes/codes/-", Type.TEXT),
      f("/history/-/year", Type.INTEGER, "year"),
      f("/history/-/from", Type.DATE, "from"),
      f("/history/-/to", Type.DATE, "to"),
      f("/history/-/payroll", Type.DECIMAL, "payroll"),
      f("/history/-/premiumsPaid", Type.DECIMAL, "premiumsPaid"),
      f("/history/-/premiumsAtBenchmark", Type.DECIMAL, "premiumsAtBenchmark"),
      f("/history/-/benefitsPaid", Type.DECIMAL, "benefitsPaid"),
      f("/history/-/averageHeadcount", Type.DECIMAL, "averageHeadcount"),
      f("/history/-/injuries", Type.INTEGER, "injuries"),
      f("/history/-/accidents", Type.INTEGER, "accidents"),
      f("/history/-/deaths", Type.INTEGER, "deaths"),
      f("/history/-/occupationalDiseaseCases", Type.INTEGER, "occupationalDiseaseCases"),
      f("/history/-/maxDeathsSingleAccident", Type.INTEGER, "maxDeathsSingleAccident"),
      f("/history/-/maxSeriousInjuriesSingleAccident", Type.INTEGER, "maxSeriousInjuriesSingleAccident"),
      f("/history/-/disabilityCases/*", Type.INTEGER, "disability*"),
      f("/history/-/exposures/*", Type.DECIMAL),
      f("/claims/-/id", Type.TEXT),
      f("/claims/-/date", Type.DATE),
      f("/claims/-/kind", Type.TEXT),
      f("/claims/-/disabilityGrade", Type.INTEGER),
      f("/claims/-/paid", Type.DECIMAL),
      f("/claims/-/incurred", Type.DECIMAL),
      f("/claims/-/medicalOnly", Type.BOOLEAN),
      f("/claims/-/accident", Type.TEXT));

  /** The disability grades a period's {@code disabilityCases} (and its spreadsheet columns) name. */
  public static final List<String> DISABILITY_GRADES = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

  /** The spreadsheet columns of an employer's first row, in table order. */
  public static List<Field> employerColumns() {
    return FIELDS.stream().filter(x -> x.column().isPresent() && !x.inPeriod()).toList();
  }

  /** The spreadsheet columns of a period row, in table order. */
  public static List<Field> periodColumns() {
    return FIELDS.stream().filter(x -> x.column().isPresent() && x.inPeriod()).toList();
  }

  /** The column names of a field: one, or one per key of a starred column ({@code disability1} ...). */
  public static List<String> columnNames(Field field) {
    String column = field.column().orElseThrow();
    return column.endsWith("*") ? DISABILITY_GRADES.stream().map(g -> column.replace("*", g)).toList()
        : List.of(column);
  }
}
