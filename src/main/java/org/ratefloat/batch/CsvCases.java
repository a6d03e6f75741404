package org.ratefloat.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spreadsheet form of cases: one row per employer and period, the rows of one employer next to
 * each other (same {@code id}). Employer columns are read from an employer's first row. A cell left
 * empty is absent. The rows become the same JSON document a case file holds, so every check and
 * every error pointer is the same as for JSON input.
 */
final class CsvCases {
  static final List<String> EMPLOYER_COLUMNS = List.of("id", "name", "creditCode", "region", "edition", "code",
      "riskClassOverride",
      "currentBand", "benchmarkRate", "asOf", "premiumBase", "firstInsured", "labourDispatch", "premiumArrears",
      "jointPunishment", "safetyStandardGrade", "safetyStandardValidUntil", "safetyCreditRating");
  static final List<String> PERIOD_COLUMNS = List.of("year", "from", "to", "payroll", "premiumsPaid",
      "premiumsAtBenchmark", "benefitsPaid", "averageHeadcount", "injuries", "accidents", "deaths",
      "occupationalDiseaseCases",
      "maxDeathsSingleAccident", "maxSeriousInjuriesSingleAccident", "disability1", "disability2", "disability3",
      "disability4", "disability5", "disability6", "disability7", "disability8", "disability9", "disability10");
  private static final Set<String> INTEGERS = Set.of("riskClassOverride", "safetyStandardGrade", "year", "injuries",
      "accidents",
      "deaths", "occupationalDiseaseCases", "maxDeathsSingleAccident", "maxSeriousInjuriesSingleAccident");
  private static final Set<String> BOOLEANS = Set.of("labourDispatch", "premiumArrears", "jointPunishment");

  private CsvCases() {}

  static boolean known(String column) {
    return EMPLOYER_COLUMNS.contains(column) || PERIOD_COLUMNS.contains(column);
  }

  /** The case document of one employer's rows. */
  static ObjectNode toCase(List<Map<String, String>> rows) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    Map<String, String> first = rows.get(0);
    ObjectNode root = f.objectNode();
    put(root, "asOf", first);
    put(root, "premiumBase", first);
    ObjectNode employer = root.putObject("employer");
    put(employer, "id", first);
    put(employer, "name", first);
    put(employer, "creditCode", first);
    put(employer, "region", first);
    ObjectNode industry = employer.putObject("industry");
    put(industry, "edition", first);
    put(industry, "code", first);
    put(employer, "riskClassOverride", first);
    put(employer, "currentBand", first);
    put(employer, "benchmarkRate", first);
    ObjectNode status = employer.putObject("status");
    put(status, "firstInsured", first);
    put(status, "labourDispatch", first);
    put(status, "premiumArrears", first);
    put(status, "jointPunishment", first);
    put(status, "safetyCreditRating", first);
    if (present(first, "safetyStandardGrade") || present(first, "safetyStandardValidUntil")) {
      ObjectNode cert = status.putObject("safetyStandardisation");
      cert.set("grade", cell("safetyStandardGrade", first.get("safetyStandardGrade")));
      cert.set("validUntil", cell("safetyStandardValidUntil", first.get("safetyStandardValidUntil")));
    }
    ArrayNode history = root.putArray("history");
    for (Map<String, String> row : rows) {
      if (!hasPeriod(row)) {
        continue;
      }
      ObjectNode period = history.addObject();
      for (String c : PERIOD_COLUMNS) {
        if (c.startsWith("disability")) {
          if (present(row, c)) {
            ObjectNode grades = period.has("disabilityCases") ? (ObjectNode) period.get("disabilityCases")
                : period.putObject("disabilityCases");
            grades.set(c.substring("disability".length()), integer(row.get(c)));
          }
        } else {
          put(period, c, row);
        }
      }
    }
    return root;
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

  private static void put(ObjectNode o, String column, Map<String, String> row) {
    if (present(row, column)) {
      o.set(column, cell(column, row.get(column)));
    }
  }

  private static JsonNode cell(String column, String value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value == null) {
      return f.nullNode();
    }
    if (INTEGERS.contains(column)) {
      return integer(value);
    }
    if (BOOLEANS.contains(column) && (value.equals("true") || value.equals("false"))) {
      return f.booleanNode(Boolean.parseBoolean(value));
    }
    return f.textNode(value);
  }

  private static JsonNode integer(String value) {
    return value.matches("-?[0-9]{1,18}") ? JsonNodeFactory.instance.numberNode(Long.parseLong(value))
        : JsonNodeFactory.instance.textNode(value);
  }
}
