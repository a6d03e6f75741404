package org.ratefloat.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ratefloat.json.CaseFormat;
import org.ratefloat.json.CaseFormatTest;
import org.ratefloat.json.CaseReaders;

/** The spreadsheet form of a case: its columns are the case format's, each placed where the format says. */
class CsvCasesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Map<String, String> employerRow() {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("id", "E-1");
    row.put("name", "长沙市某机械厂");
    row.put("creditCode", "91430102MA4L00001F");
    row.put("region", "430102");
    row.put("edition", "GB/T 4754-2011");
    row.put("code", "3411");
    row.put("riskClassOverride", "4");
    row.put("currentBand", "1.2");
    row.put("benchmarkRate", "0.009");
    row.put("asOf", "2025-01-01");
    row.put("premiumBase", "2000000");
    row.put("firstInsured", "2012-03-01");
    row.put("labourDispatch", "true");
    row.put("premiumArrears", "false");
    row.put("jointPunishment", "false");
    row.put("safetyStandardGrade", "2");
    row.put("safetyStandardValidUntil", "2026-06-30");
    row.put("safetyCreditRating", "A");
    return row;
  }

  private static Map<String, String> periodRow(Map<String, String> row) {
    row.put("year", "2024");
    row.put("payroll", "2000000");
    row.put("premiumsPaid", "18000");
    row.put("premiumsAtBenchmark", "18000");
    row.put("benefitsPaid", "5000");
    row.put("averageHeadcount", "100");
    row.put("injuries", "2");
    row.put("accidents", "1");
    row.put("deaths", "0");
    row.put("occupationalDiseaseCases", "0");
    row.put("maxDeathsSingleAccident", "0");
    row.put("maxSeriousInjuriesSingleAccident", "1");
    row.put("disability9", "1");
    row.put("disability10", "1");
    return row;
  }

  @Test
  void aRowOfEveryColumnIsTheCaseWrittenByHand() throws Exception {
    Map<String, String> first = periodRow(employerRow());
    Map<String, String> second = new LinkedHashMap<>();
    second.put("id", "E-1");
    second.put("from", "2023-01-01");
    second.put("to", "2023-12-31");
    second.put("payroll", "1800000");
    JsonNode expected = MAPPER.readTree("""
        {"employer": {"id": "E-1", "name": "长沙市某机械厂", "creditCode": "91430102MA4L00001F", "region": "430102",
          "industry": {"edition": "GB/T 4754-2011", "code": "3411"}, "riskClassOverride": 4, "currentBand": "1.2",
          "benchmarkRate": "0.009",
          "status": {"firstInsured": "2012-03-01", "labourDispatch": true, "premiumArrears": false,
            "jointPunishment": false, "safetyStandardisation": {"grade": 2, "validUntil": "2026-06-30"},
            "safetyCreditRating": "A"}},
         "asOf": "2025-01-01", "premiumBase": "2000000",
         "history": [
           {"year": 2024, "payroll": "2000000", "premiumsPaid": "18000", "premiumsAtBenchmark": "18000",
            "benefitsPaid": "5000", "averageHeadcount": "100", "injuries": 2, "accidents": 1, "deaths": 0,
            "occupationalDiseaseCases": 0, "maxDeathsSingleAccident": 0, "maxSeriousInjuriesSingleAccident": 1,
            "disabilityCases": {"9": 1, "10": 1}},
           {"from": "2023-01-01", "to": "2023-12-31", "payroll": "1800000"}]}
        """);
    JsonNode read = CsvCases.toCase(List.of(first, second));
    // re-read, so that whole numbers compare by value whatever node type holds them
    assertEquals(expected, MAPPER.readTree(MAPPER.writeValueAsBytes(read)));
    assertEquals("refused IN", CaseReaders.agree(MAPPER.writeValueAsBytes(read)).substring(0, 10),
        "periods out of order are refused, as in JSON");
  }

  /** Every field the case format gives a column is written by a row filling every column. */
  @Test
  void everyColumnOfTheFormatIsPlaced() {
    Map<String, String> row = new LinkedHashMap<>();
    for (String column : CsvCases.EMPLOYER_COLUMNS) {
      row.put(column, "1");
    }
    for (String column : CsvCases.PERIOD_COLUMNS) {
      row.put(column, "1");
    }
    TreeSet<String> expected = new TreeSet<>();
    CaseFormat.FIELDS.stream().filter(f -> f.column().isPresent()).forEach(f -> expected.add(f.pointer()));
    assertEquals(expected, new TreeSet<>(CaseFormatTest.leaves(CsvCases.toCase(List.of(row))).keySet()));
  }
}
