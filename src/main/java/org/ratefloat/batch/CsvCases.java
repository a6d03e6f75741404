package org.ratefloat.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.ratefloat.json.CaseFormat;

/**
 * The spreadsheet form of cases: one row per employer and period, the rows of one employer next to
 * each other (same {@code id}). Employer columns are read from an employer's first row. A cell left
 * empty is absent. The rows become the same JSON document a case file holds, so every check and
 * every error pointer is the same as for JSON input.
 */
final class CsvCases {
  /** The columns of an employer's first row and of a period row: those of the case format ({@link CaseFormat}). */
  static final List<String> EMPLOYER_COLUMNS = CaseFormat.employerColumns().stream()
      .flatMap(f -> CaseFormat.columnNames(f).stream()).toList();
  static final List<String> PERIOD_COLUMNS = CaseFormat.periodColumns().stream()
      .flatMap(f -> CaseFormat.columnNames(f).stream()).toList();
  /** Each column's field of the case format. */
  private static final Map<String, CaseFormat.Field> FIELD = fields();

  private static Map<String, CaseFormat.Field> fields() {
    Map<String, CaseFormat.Field> byColumn = new java.util.HashMap<>();
    for (CaseFormat.Field f : CaseFormat.FIELDS) {
      if (f.column().isPresent()) {
        CaseFormat.columnNames(f).forEach(c -> byColumn.put(c, f));
      }
    }
    return Map.copyOf(byColumn);
  }

  private CsvCases() {}

  static boolean known(String column) {
    return FIELD.containsKey(column);
  }

  /**
   * The case document of one employer's rows: each filled column's value at its field's place in the
   * case format, the employer's from its first row, a period from each row that has one. The
   * industry and the status are always written (a missing industry code is reported as such), and a
   * certificate with either of its columns filled is written with both (the other null, reported as
   * missing).
   */
  static ObjectNode toCase(List<Map<String, String>> rows) {
    Map<String, String> first = rows.get(0);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode employer = root.putObject("employer");
    employer.putObject("industry");
    employer.putObject("status");
    for (CaseFormat.Field f : CaseFormat.employerColumns()) {
      String column = f.column().orElseThrow();
      if (present(first, column)) {
        place(root, f.pointer(), cell(f, first.get(column)));
      }
    }
    JsonNode status = employer.get("status");
    if (status.has("safetyStandardisation")) {
      ObjectNode cert = (ObjectNode) status.get("safetyStandardisation");
      for (String key : List.of("grade", "validUntil")) {
        if (!cert.has(key)) {
          cert.putNull(key);
        }
      }
    }
    ArrayNode history = root.putArray("history");
    for (Map<String, String> row : rows) {
      if (!hasPeriod(row)) {
        continue;
      }
      ObjectNode period = history.addObject();
      for (CaseFormat.Field f : CaseFormat.periodColumns()) {
        List<String> columns = CaseFormat.columnNames(f);
        for (int i = 0; i < columns.size(); i++) {
          if (present(row, columns.get(i))) {
            String key = f.column().orElseThrow().endsWith("*") ? CaseFormat.DISABILITY_GRADES.get(i) : "";
            place(period, "/" + f.inPeriodPointer().replace("*", key), cell(f, row.get(columns.get(i))));
          }
        }
      }
    }
    return root;
  }

  /** Sets a value at a pointer below {@code o}, making the objects on the way. */
  private static void place(ObjectNode o, String pointer, JsonNode value) {
    String[] keys = pointer.substring(1).split("/");
    ObjectNode at = o;
    for (int i = 0; i < keys.length - 1; i++) {
      at = at.has(keys[i]) ? (ObjectNode) at.get(keys[i]) : at.putObject(keys[i]);
    }
    at.set(keys[keys.length - 1], value);
  }

  /**
   * A column name or id for a message: quoted when it is a plain name, else only described, so that
   * a file that is not a portfolio (any text file read as CSV) is not echoed.
   */
  static String quoted(String name) {
    return name.matches("[A-Za-z0-9_.-]{1,48}") ? "\"" + name + "\"" : "(" + name.length() + " characters, not a plain name)";
  }

  /** Whether a row holds a period (any period column filled), rather than employer columns only. */
  static boolean hasPeriod(Map<String, String> row) {
    return PERIOD_COLUMNS.stream().anyMatch(c -> present(row, c));
  }

  private static boolean present(Map<String, String> row, String column) {
    String v = row.get(column);
    return v != null && !v.isEmpty();
  }

  /** A cell as the case format's type of its field reads it: a whole number or a yes/no when it is one, else text. */
  private static JsonNode cell(CaseFormat.Field field, String value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (field.type() == CaseFormat.Type.INTEGER) {
      return integer(value);
    }
    if (field.type() == CaseFormat.Type.BOOLEAN && (value.equals("true") || value.equals("false"))) {
      return f.booleanNode(Boolean.parseBoolean(value));
    }
    return f.textNode(value);
  }

  private static JsonNode integer(String value) {
    return value.matches("-?[0-9]{1,18}") ? JsonNodeFactory.instance.numberNode(Long.parseLong(value))
        : JsonNodeFactory.instance.textNode(value);
  }
}
