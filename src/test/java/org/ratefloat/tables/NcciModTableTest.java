package org.ratefloat.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;

/**
 * rules/us-ncci-mod.json, worksheet lines computed by hand (experience-rating-abroad.md §1: the
 * formula M = (Ap + W Ae + (1 − W) Ee + B) / (E + B); ERA 30 % of medical-only claims before the
 * split; W from Appendix A; B = 0.1 E + 2,500 E G / (E + 700 G), G = 11.90; maximum mod 1.10 +
 * 0.0004 E / G; class 8810 ELR 0.09, D 0.29, class 5403 ELR 3.09, D 0.21 (Appendix A, 2015); split
 * point $18,500; expected and expected primary losses rounded to whole dollars per class and policy
 * line; the stabilizing value and the ratable excess in whole dollars, as the Illinois worksheet
 * prints them; the latest three completed policies that took effect 21 to 57 months before the
 * rating date).
 */
class NcciModTableTest {
  private static final Path TABLE = Path.of("rules/us-ncci-mod.json");

  @TempDir
  Path tmp;

  /** A clerical risk (class 8810 alone) with the same payroll in the calendar-year policies 2021 to 2023. */
  private static String json(String payroll, String claims) {
    StringBuilder h = new StringBuilder();
    for (int y = 2021; y <= 2023; y++) {
      h.append(y > 2021 ? "," : "").append("{\"from\": \"").append(y).append("-01-01\", \"to\": \"").append(y)
          .append("-12-31\", \"payroll\": \"").append(payroll).append("\", \"exposures\": {\"8810\": \"")
          .append(payroll).append("\"}}");
    }
    return "{\"asOf\": \"2025-01-01\", \"employer\": {\"id\": \"T\", \"industry\": {\"edition\": \"GB/T 4754-2011\","
        + " \"code\": \"72\"}, \"riskClassOverride\": 1, \"benchmarkRate\": \"1.00\","
        + " \"classCodes\": {\"system\": \"NCCI\", \"codes\": [\"8810\"]}}, \"history\": [" + h
        + "], \"claims\": [" + claims + "]}";
  }

  private static String claim(String id, String date, String incurred, boolean medicalOnly) {
    return "{\"id\": \"" + id + "\", \"date\": \"" + date + "\", \"kind\": \"injury\", \"paid\": \"" + incurred
        + "\", \"incurred\": \"" + incurred + "\", \"medicalOnly\": " + medicalOnly + "}";
  }

  private static Map<String, String> lines(RuleTable table, String caseJson) {
    Decision d = table.decide(RateFloat.readCase(caseJson.getBytes(StandardCharsets.UTF_8)));
    Map<String, String> v = d.indicators().stream().collect(Collectors.toMap(IndicatorValue::id,
        i -> i.value().render()));
    v.put("rate", d.rate().toPlainString());
    return v;
  }

  private static void assertLine(String expected, String actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)), expected + " vs " + actual);
  }

  @Test
  void aMidSizedClericalRiskLineByLine() {
    // payroll 3 x $20,000,000; claims: lost-time $40,000; medical-only $60,000 and $2,000
    Map<String, String> v = lines(RateFloat.loadTable(TABLE), json("20000000.00", String.join(",",
        claim("a", "2021-05-12", "40000.00", false), claim("b", "2022-08-03", "60000.00", true),
        claim("c", "2023-02-20", "2000.00", true))));
    // D  E  = 60,000,000 / 100 x 0.09 = 54,000
    assertLine("54000", v.get("E"));
    // E  Ep = 54,000 x 0.29 = 15,660;  C  Ee = 54,000 - 15,660 = 38,340
    assertLine("15660", v.get("Ep"));
    assertLine("38340", v.get("Ee"));
    // I  Ap = min(40,000, 18,500) + min(0.3 x 60,000 = 18,000, 18,500) + min(0.3 x 2,000 = 600, 18,500)
    //       = 18,500 + 18,000 + 600 = 37,100
    assertLine("37100", v.get("Ap"));
    // F  Ae = (40,000 + 18,000 + 600) - 37,100 = 21,500
    assertLine("21500", v.get("Ae"));
    // A  W: 33,815 <= 54,000 < 56,558 -> 0.09
    assertLine("0.09", v.get("W"));
    // G  B = 5,400 + 2,500 x 54,000 x 11.90 / (54,000 + 8,330) = 5,400 + 25,774.11 = 31,174.11 -> 31,174
    assertLine("31174", v.get("B"));
    // stabilizing 0.91 x 38,340 + 31,174 = 34,889.4 + 31,174 = 66,063.4 -> 66,063 (whole dollars, as printed)
    assertLine("66063", v.get("stabilizing"));
    // J  = 37,100 + 66,063 + 0.09 x 21,500 (1,935) = 105,098
    assertLine("105098", v.get("J"));
    // K  = 15,660 + 66,063 + 0.09 x 38,340 (3,450.6 -> 3,451) = 85,174
    assertLine("85174", v.get("K"));
    //    mod = 105,098 / 85,174 = 1.23392... -> 1.23 (max 1.10 + 0.0004 x 54,000 / 11.90 = 2.915 not reached)
    assertLine("1.23", v.get("mod"));
    assertLine("1.23", v.get("rate"));
  }

  @Test
  void theMaximumModificationBindsASmallRisk() {
    // payroll 3 x $1,000,000: E = 2,700; Ep = 783; Ee = 1,917; one lost-time claim of $50,000:
    // Ap = 18,500, Ae = 31,500; W (2,492 <= E < 10,075) = 0.05;
    // B = 270 + 2,500 x 2,700 x 11.90 / (2,700 + 8,330) = 270 + 7,282.41 = 7,552.41 -> 7,552
    // unlimited = (18,500 + 1,575 + 1,821.15 + 7,552) / (2,700 + 7,552) = 29,448.15 / 10,252 = 2.87
    // max = 1.10 + 0.0004 x 2,700 / 11.90 = 1.10 + 0.0907... = 1.1907... -> mod 1.19
    Map<String, String> v = lines(RateFloat.loadTable(TABLE), json("1000000.00",
        claim("a", "2022-03-01", "50000.00", false)));
    assertLine("2700", v.get("E"));
    assertLine("783", v.get("Ep"));
    assertLine("0.05", v.get("W"));
    assertLine("7552", v.get("B"));
    // 1.10 + 1.08 / 11.90 = 1,309/1,190 + 108/1,190 = 1,417/1,190, kept exact
    assertEquals("1417/1190", v.get("maxMod"));
    assertLine("1.19", v.get("mod"));
  }

  @Test
  void theIowaBureauExampleOfTheEraReduction() throws Exception {
    // ICRB, http://compclues.icrb.net/public/CompClues/details.aspx?Item=200: a $60,000 medical-only
    // claim enters at $18,000; at a split point of $16,500 it is $16,500 primary and $1,500 excess,
    // at $18,000 it is $18,000 primary and no excess
    for (String[] split : new String[][] {{"16500", "16500", "1500"}, {"18000", "18000", "0"}}) {
      Path table = tmp.resolve("us-ncci-mod.json");
      Files.writeString(table, Files.readString(TABLE).replace("\"splitPoint\": \"18500\"",
          "\"splitPoint\": \"" + split[0] + "\""));
      Map<String, String> v = lines(RateFloat.loadTable(table), json("20000000.00",
          claim("m", "2022-08-03", "60000.00", true)));
      assertLine("18000", v.get("lossesMedical"));
      assertLine(split[1], v.get("Ap"));
      assertLine(split[2], v.get("Ae"));
    }
  }

  private RuntimeException refusedWith(String from, String to) throws Exception {
    String text = Files.readString(TABLE);
    org.junit.jupiter.api.Assertions.assertTrue(text.contains(from), from);
    Path table = tmp.resolve("us-ncci-mod.json");
    Files.writeString(table, text.replace(from, to));
    return org.junit.jupiter.api.Assertions.assertThrows(org.ratefloat.error.RuleTableException.class,
        () -> RateFloat.loadTable(table));
  }

  @Test
  void aLineItemReadsTheClaimDataAndConstantsOnly() throws Exception {
    // an indicator inside each would let a line item take part in a cycle
    var e = (org.ratefloat.error.RuleTableException) refusedWith(
        "\"each\": {\n        \"claim\": \"incurred\"\n      }",
        "\"each\": {\n        \"min\": [{\"claim\": \"incurred\"}, \"E\"]\n      }");
    assertEquals("RT011", e.code().name(), e.getMessage());
    // a claim field outside each means nothing
    e = (org.ratefloat.error.RuleTableException) refusedWith("\"sub\": [\n          \"E\",\n          \"Ep\"",
        "\"sub\": [\n          {\"claim\": \"paid\"},\n          \"Ep\"");
    assertEquals("RT009", e.code().name(), e.getMessage());
    // Ee, the third indicator since E and Ep are sums over exposures
    assertEquals("/indicators/2/expr/sub/0/claim", e.pointer());
  }

  @Test
  void aMultiClassContractorLineByLine() throws Exception {
    // examples/us-ncci-mod/multi-class-contractor.json: classes 5403 (carpentry) and 8810 (clerical),
    // July-June policies 2021/22 to 2024/25, rated as of 2025-07-01
    Map<String, String> v = lines(RateFloat.loadTable(TABLE),
        Files.readString(Path.of("examples/us-ncci-mod/multi-class-contractor.json")));
    // the experience period: policies starting 2021-07-01 to 2024-06-30, so 2021/22, 2022/23 and 2023/24;
    // 2024/25, the latest, is left out with its claim of $90,000
    // D  E, per class and policy, payroll / 100 x ELR rounded to whole dollars:
    //    5403 (ELR 3.09): 8,000 x 3.09 = 24,720; 9,000 x 3.09 = 27,810; 10,000 x 3.09 = 30,900
    //    8810 (ELR 0.09): 2,000 x 0.09 = 180; 2,500 x 0.09 = 225; 3,000 x 0.09 = 270
    //    E = 24,720 + 27,810 + 30,900 + 180 + 225 + 270 = 84,105
    assertLine("84105", v.get("E"));
    // E  Ep, each line x D rounded: 5403 (D 0.21): 5,191.2 -> 5,191; 5,840.1 -> 5,840; 6,489
    //    8810 (D 0.29): 52.2 -> 52; 65.25 -> 65; 78.3 -> 78;  Ep = 17,715
    assertLine("17715", v.get("Ep"));
    // C  Ee = 84,105 - 17,715 = 66,390
    assertLine("66390", v.get("Ee"));
    // I  Ap = min(25,000, 18,500) + min(0.3 x 4,000 = 1,200, 18,500) + min(12,000, 18,500) = 31,700
    assertLine("31700", v.get("Ap"));
    // F  Ae = (25,000 + 1,200 + 12,000) - 31,700 = 6,500
    assertLine("6500", v.get("Ae"));
    // A  W: 56,558 <= 84,105 < 84,188 -> 0.10
    assertLine("0.10", v.get("W"));
    // G  B = 8,410.5 + 2,500 x 84,105 x 11.90 / (84,105 + 8,330) = 8,410.5 + 27,069.008 = 35,479.508 -> 35,480
    assertLine("35480", v.get("B"));
    // H  31,700 + 0.10 x 6,500 + 0.90 x 66,390 + 35,480 = 31,700 + 650 + 59,751 + 35,480 = 127,581
    //    E + B = 119,585;  K  mod = 127,581 / 119,585 = 1.06686... -> 1.07 (max 1.10 + 0.0004 x 84,105 / 11.90 = 3.93)
    assertLine("1.07", v.get("mod"));
    // rate = benchmark 6.65 x 1.07 = 7.1155
    assertLine("7.1155", v.get("rate"));
  }

  /**
   * The same contractor's premium, priced by class (premiumByClass): the latest policy's payroll of each
   * class at the class's own loss cost (emod package, 2015: 5403 6.65, 8810 0.16 per $100) times the mod.
   */
  @Test
  void aMultiClassContractorsPremiumByClass() throws Exception {
    Decision d = RateFloat.loadTable(TABLE).decide(RateFloat.readCase(
        Files.readString(Path.of("examples/us-ncci-mod/multi-class-contractor.json")).getBytes(StandardCharsets.UTF_8)));
    var p = d.premium().orElseThrow();
    // 2024/25 exposures: 5403 $1,200,000, 8810 $300,000
    // 5403: rate 6.65 x 1.07 = 7.1155; premium 1,200,000 x 7.1155 / 100 = 85,386.00
    // 8810: rate 0.16 x 1.07 = 0.1712; premium 300,000 x 0.1712 / 100 = 513.60
    assertEquals(2, p.classes().size());
    assertEquals("5403", p.classes().get(0).code());
    assertLine("1200000", p.classes().get(0).payroll().toPlainString());
    assertLine("7.1155", p.classes().get(0).rate().toPlainString());
    assertLine("85386.00", p.classes().get(0).amount().toPlainString());
    assertEquals("8810", p.classes().get(1).code());
    assertLine("0.1712", p.classes().get(1).rate().toPlainString());
    assertLine("513.60", p.classes().get(1).amount().toPlainString());
    // total 85,386.00 + 513.60 = 85,899.60 (at one rate, 1,500,000 x 7.1155 / 100 = 106,732.50 would price
    // the clerical payroll at the carpentry rate)
    assertLine("85899.60", p.amount().toPlainString());
    assertLine("1500000", p.payroll().toPlainString());
  }

  @Test
  void aPremiumByClassCannotPriceOnePayrollNorBeCappedAsOneRate() throws Exception {
    String c = Files.readString(Path.of("examples/us-ncci-mod/multi-class-contractor.json"))
        .replace("\"asOf\": \"2025-07-01\",", "\"asOf\": \"2025-07-01\", \"premiumBase\": \"1500000.00\",");
    org.ratefloat.Assertions2.assertFails(org.ratefloat.error.ErrorCode.IN023, "/premiumBase",
        () -> RateFloat.loadTable(TABLE).decide(RateFloat.readCase(c.getBytes(StandardCharsets.UTF_8))));
    // a rate cap after the mod is applied: it would bound one rate, and each class has its own
    var e = (org.ratefloat.error.RuleTableException) refusedWith("    }\n  ],\n  \"worksheet\"", "    },\n"
        + "    {\"id\": \"cap\", \"kind\": \"rateCap\", \"label\": {\"zh\": \"c\", \"en\": \"c\"},"
        + " \"rate\": {\"percent\": \"50\"}}\n  ],\n  \"worksheet\"");
    assertEquals("RT009", e.code().name(), e.getMessage());
    assertEquals("/premiumByClass", e.pointer());
  }

  @Test
  void aClassWithoutARowIsNamed() {
    // class 5183 (plumbing) has no row in the table's data
    String c = json("1000000.00", "").replace("\"codes\": [\"8810\"]", "\"codes\": [\"5183\", \"8810\"]");
    var e = org.ratefloat.Assertions2.assertFails(org.ratefloat.error.ErrorCode.IN053, "/employer/classCodes/codes/0",
        () -> RateFloat.loadTable(TABLE).decide(RateFloat.readCase(c.getBytes(StandardCharsets.UTF_8))));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("NCCI class 5183 is not among the 4 classes the rule table rates"), e.getMessage());
  }

  /**
   * The summary lines of a published NCCI worksheet (Illinois, CT Mechanical LLC, rating effective
   * 2013-02-22), https://pdf4pro.com/view/workers-compensation-experience-rating-13db75.html: W .10,
   * Ee 101,412, E 117,881, Ep 16,469, Ae 0, B 52,800, actual incurred 0, Ap 0; (J) 144,071,
   * (K) 170,681, mod .84. The stored copy lacks the class lines (payroll, ELR, D-ratio by class) and
   * Illinois's W and B tables of 2013, so E, Ep, W and B enter as the printed values (custom values
   * of the case) and the table's own formulas compute Ee, Ap, Ae, the maximum and the mod. The dates
   * are ours (the table is effective from 2022), no claim is given, as on the worksheet.
   */
  @Test
  void thePublishedIllinoisWorksheetSummaryReproducesItsMod() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode table =
        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(Files.readAllBytes(TABLE));
    com.fasterxml.jackson.databind.node.ArrayNode indicators =
        (com.fasterxml.jackson.databind.node.ArrayNode) table.get("indicators");
    int replaced = 0;
    for (int i = 0; i < indicators.size(); i++) {
      String id = indicators.get(i).get("id").asText();
      if (java.util.Set.of("E", "Ep", "W", "B").contains(id)) {
        com.fasterxml.jackson.databind.node.ObjectNode printed = mapper.createObjectNode();
        printed.put("id", id).put("kind", "customValue").put("name", "printed" + id);
        printed.set("label", indicators.get(i).get("label"));
        printed.putObject("domain").put("ge", "0");
        indicators.set(i, printed);
        replaced++;
      }
    }
    assertEquals(4, replaced);
    Path variant = tmp.resolve("us-ncci-mod.json");
    Files.write(variant, mapper.writeValueAsBytes(table));
    String caseJson = json("1000000.00", "").replace("\"riskClassOverride\"", "\"status\": {\"customValues\": {"
        + "\"printedE\": \"117881\", \"printedEp\": \"16469\", \"printedW\": \"0.10\", \"printedB\": \"52800\"}},"
        + " \"riskClassOverride\"");
    Map<String, String> v = lines(RateFloat.loadTable(variant), caseJson);
    // (C) Ee = 117,881 - 16,469 = 101,412, as printed
    assertLine("101412", v.get("Ee"));
    assertLine("0", v.get("Ap"));
    assertLine("0", v.get("Ae"));
    // (H) actual incurred losses 0, as printed
    assertLine("0", v.get("H"));
    // stabilizing value C x (1 - A) + G = 101,412 x 0.90 + 52,800 = 144,070.8, printed 144,071
    assertLine("144071", v.get("stabilizing"));
    // (J) = I + stabilizing + A x F = 0 + 144,071 + 0.10 x 0 = 144,071, as printed
    assertLine("144071", v.get("J"));
    // (K) = E + stabilizing + A x C = 16,469 + 144,071 + 10,141 (0.10 x 101,412 = 10,141.2, printed 10,141)
    //     = 170,681, as printed
    assertLine("170681", v.get("K"));
    // mod = J / K = 144,071 / 170,681 = 0.84409... -> .84, as printed
    assertLine("0.84", v.get("mod"));
  }

  /** Class 8810 alone, one policy a line: {start, end, payroll}, with the given claims, rated as of a date. */
  private static String policies(String asOf, String[][] lines, String claims) {
    StringBuilder h = new StringBuilder();
    for (String[] l : lines) {
      h.append(h.length() == 0 ? "" : ",").append("{\"from\": \"").append(l[0]).append("\", \"to\": \"").append(l[1])
          .append("\", \"payroll\": \"").append(l[2]).append("\", \"exposures\": {\"8810\": \"").append(l[2])
          .append("\"}}");
    }
    return json("1", claims).replaceFirst("\"asOf\": \"2025-01-01\"", "\"asOf\": \"" + asOf + "\"")
        .replaceFirst("\"history\": \\[.*\\], \"claims\"", java.util.regex.Matcher.quoteReplacement(
            "\"history\": [" + h + "], \"claims\""));
  }

  private static Decision decision(String caseJson) {
    return RateFloat.loadTable(TABLE).decide(RateFloat.readCase(caseJson.getBytes(StandardCharsets.UTF_8)));
  }

  private static IndicatorValue indicator(Decision d, String id) {
    return d.indicators().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * The hidden anniversary: calendar-year policies and a rating date of 2025-07-01. A policy counts if
   * it took effect at least 21 months (on or before 2023-10-01) and at most 57 months (on or after
   * 2020-10-01) before the rating date: 2021, 2022 and 2023. The 2024 policy (18 months, ended six
   * months before the rating date) and the 2020 policy (66 months) do not, nor their claims.
   */
  @Test
  void calendarPoliciesRatedInJulyTakeTheThreeYearsEndingOneAndAHalfYearsBefore() {
    String c = policies("2025-07-01", new String[][] {
        {"2020-01-01", "2020-12-31", "1000000.00"}, {"2021-01-01", "2021-12-31", "2000000.00"},
        {"2022-01-01", "2022-12-31", "3000000.00"}, {"2023-01-01", "2023-12-31", "4000000.00"},
        {"2024-01-01", "2024-12-31", "5000000.00"}},
        String.join(",", claim("old", "2020-05-01", "50000.00", false), claim("in", "2021-06-01", "10000.00", false),
            claim("late", "2024-03-01", "30000.00", false)));
    Decision d = decision(c);
    Map<String, String> v = d.indicators().stream().collect(Collectors.toMap(IndicatorValue::id,
        i -> i.value().render()));
    // the record's window of E is the first selected policy's first day to the last one's last day
    assertEquals(java.time.LocalDate.of(2021, 1, 1), indicator(d, "E").from().orElseThrow());
    assertEquals(java.time.LocalDate.of(2023, 12, 31), indicator(d, "E").to().orElseThrow());
    // D  E = 2,000,000 / 100 x 0.09 + 3,000,000 / 100 x 0.09 + 4,000,000 / 100 x 0.09 = 1,800 + 2,700 + 3,600
    //      = 8,100 (2022 to 2024, the old reading, gives 2,700 + 3,600 + 4,500 = 10,800)
    assertLine("8100", v.get("E"));
    // E  Ep = 1,800 x 0.29 = 522 + 2,700 x 0.29 = 783 + 3,600 x 0.29 = 1,044 -> 2,349;  C  Ee = 5,751
    assertLine("2349", v.get("Ep"));
    assertLine("5751", v.get("Ee"));
    // I  Ap = min(10,000, 18,500) = 10,000 (only the 2021 claim);  F  Ae = 0
    assertLine("10000", v.get("Ap"));
    assertLine("0", v.get("Ae"));
    // A  W: 2,492 <= 8,100 < 10,075 -> 0.05
    assertLine("0.05", v.get("W"));
    // G  B = 810 + 2,500 x 8,100 x 11.90 / (8,100 + 8,330) = 810 + 240,975,000 / 16,430 = 810 + 14,666.77
    //      = 15,476.77 -> 15,477
    assertLine("15477", v.get("B"));
    // stabilizing 5,751 x 0.95 + 15,477 = 5,463.45 + 15,477 = 20,940.45 -> 20,940
    assertLine("20940", v.get("stabilizing"));
    // J = 10,000 + 20,940 + 0.05 x 0 = 30,940;  K = 2,349 + 20,940 + 0.05 x 5,751 (287.55 -> 288) = 23,577
    assertLine("30940", v.get("J"));
    assertLine("23577", v.get("K"));
    // mod = 30,940 / 23,577 = 1.31229... -> 1.31 (max 1.10 + 0.0004 x 8,100 / 11.90 = 1.3723 not reached)
    assertLine("1.31", v.get("mod"));
  }

  /**
   * A rating date on the policies' anniversary: July-June policies rated as of 2025-07-01. The policy
   * of 2021-07-01 took effect 48 months before, 2022-07-01 36 and 2023-07-01 24: they count; the
   * policy of 2024-07-01 (12 months) and of 2020-07-01 (60 months) do not.
   */
  @Test
  void policiesStartingOnTheRatingDatesAnniversary() {
    String c = policies("2025-07-01", new String[][] {
        {"2020-07-01", "2021-06-30", "1000000.00"}, {"2021-07-01", "2022-06-30", "2000000.00"},
        {"2022-07-01", "2023-06-30", "3000000.00"}, {"2023-07-01", "2024-06-30", "4000000.00"},
        {"2024-07-01", "2025-06-30", "5000000.00"}}, "");
    Decision d = decision(c);
    assertEquals(java.time.LocalDate.of(2021, 7, 1), indicator(d, "E").from().orElseThrow());
    assertEquals(java.time.LocalDate.of(2024, 6, 30), indicator(d, "E").to().orElseThrow());
    // E = 1,800 + 2,700 + 3,600 = 8,100, as above; without claims Ap = Ae = 0
    assertLine("8100", indicator(d, "E").value().render());
    // J = 0 + 20,940 + 0 = 20,940; K = 23,577; mod = 20,940 / 23,577 = 0.88815... -> 0.89
    assertLine("0.89", indicator(d, "mod").value().render());
  }

  /**
   * Both ends included: as of 2025-10-01 the calendar policy of 2024 took effect exactly 21 months
   * before and that of 2021 exactly 57, so four policies qualify and the latest three, 2022 to 2024,
   * are taken; as of 2025-09-30 the 2024 policy is 20 months and 29 days old and does not count.
   */
  @Test
  void theMonthsIncludeBothEndsAndTheLatestThreeAreTaken() {
    String[][] years = {
        {"2021-01-01", "2021-12-31", "2000000.00"}, {"2022-01-01", "2022-12-31", "3000000.00"},
        {"2023-01-01", "2023-12-31", "4000000.00"}, {"2024-01-01", "2024-12-31", "5000000.00"}};
    // 2,700 + 3,600 + 4,500 = 10,800
    assertLine("10800", indicator(decision(policies("2025-10-01", years, "")), "E").value().render());
    // 1,800 + 2,700 + 3,600 = 8,100
    assertLine("8100", indicator(decision(policies("2025-09-30", years, "")), "E").value().render());
  }
}
