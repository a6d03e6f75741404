package org.ratefloat.ranking;

import org.ratefloat.document.DocumentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.Assertions2;
import org.ratefloat.Cases;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.model.RatingCase;
import org.ratefloat.document.TableStatus;

/**
 * The monthly ranking. Hand-computed cases: employers of division 47 (construction, class 6, a key
 * industry) in March 2025, ranked by accidents and by accidents per 1,000 workers (3 decimals, at
 * least 30 workers); only those with an accident are listed.
 *
 * <pre>
 *   A 5 accidents (5 injured) of 100 workers: rate 50.000      E 0 accidents of 500: not listed
 *   B 5 accidents (6 injured) of 200:          rate 25.000      F division 36 (class 4): not key
 *   C 2 accidents (2 injured) of 20:           below 30, none   G 1 accident (1 injured) of 1,000: 1.000
 *   D 1 accident with 5 injured, of 40:        rate 25.000
 * </pre>
 */
class RankingTest {
  private static final YearMonth MARCH = YearMonth.of(2025, 3);

  private static String definitionJson(String method, String ties, String cut, int top) {
    String score = method.equals("lexicographic") ? "" : ", \"scoreRound\": {\"scale\": 4, \"mode\": \"HALF_UP\"}";
    return """
        {"format": "ratefloat/ranking@2", "id": "t", "version": "1", "title": {"zh": "t", "en": "t"},
         "status": "provisional", "sources": [{"url": "u", "took": "t"}], "classification": "cn-annex-2015",
         "regions": "cn-hn", "industryNames": "gbt4754",
         "keyIndustries": [
           {"id": "coal", "name": {"zh": "煤矿", "en": "coal mines"}, "codes": {"GB/T 4754-2011": ["06"]}},
           {"id": "construction", "name": {"zh": "建筑施工", "en": "construction"},
            "codes": {"GB/T 4754-2011": ["47", "48"]}}],
         "indicators": [
           {"id": "accidents", "label": {"zh": "事故起数", "en": "a"}, "measure": "accidents", "weight": "0.5"},
           {"id": "rate", "label": {"zh": "事故率（‰）", "en": "r"}, "measure": "accidents", "per": "averageHeadcount",
            "multiplier": "1000", "round": {"scale": 3, "mode": "HALF_UP"}, "minExposure": "30", "weight": "0.5"}],
         "shown": [{"id": "injured", "label": {"zh": "受伤人数", "en": "i"}, "measure": "injuries"}],
         "listing": {"indicator": "accidents", "atLeast": "1"},
         "combine": {"method": "%s", "ties": "%s", "tiesAtCut": "%s"%s},
         "top": %d}
        """.formatted(method, ties, cut, score, top);
  }

  private static RankingDefinition definition(String method, String ties) {
    return parse(definitionJson(method, ties, "leaveOut", 10));
  }

  static RankingDefinition parse(String json) {
    return Ranking.parse("t.json", json.getBytes(StandardCharsets.UTF_8), DocumentFiles.directory(Path.of("rules")));
  }

  private static RatingCase employer(String id, String code, long accidents, long injured, String headcount) {
    return Cases.employer().code(code).asOf("2025-04-01")
        .period(Cases.range("2025-02-01", "2025-02-28").accidents(0).injuries(0))
        .period(Cases.range("2025-03-01", "2025-03-31").accidents(accidents).injuries(injured).headcount(headcount))
        .build().withId(id);
  }

  private static List<RatingCase> portfolio() {
    return List.of(employer("A", "47", 5, 5, "100"), employer("B", "47", 5, 6, "200"), employer("C", "47", 2, 2, "20"),
        employer("D", "47", 1, 5, "40"), employer("E", "47", 0, 0, "500"), employer("F", "36", 9, 9, "100"),
        employer("G", "47", 1, 1, "1000"));
  }

  private static RankingResult rank(RankingDefinition def, List<RatingCase> cases, Grouping by, int top) {
    RankingRun run = new RankingRun(def, MARCH, Optional.empty(), by, top);
    cases.forEach(run::add);
    return run.build();
  }

  private static RankingResult rank(RankingDefinition def, List<RatingCase> cases) {
    return rank(def, cases, Grouping.PROVINCE, 10);
  }

  /** The listed entries of each group as id:position(=score), groups separated by " | ". */
  private static String order(RankingResult r) {
    return r.groups().stream().map(g -> g.listed().stream().map(e -> e.observation().employerId() + ":"
        + e.position().toPlainString() + e.score().map(s -> "=" + s.toPlainString()).orElse("")
        + (e.chosenAtCut() ? "*" : "")).collect(Collectors.joining(" "))).collect(Collectors.joining(" | "));
  }

  @Test
  void lexicographicAccidentsFirstThenTheRate() {
    // accidents: A 5, B 5, C 2, D 1, G 1; among equals the rate: A 50 before B 25, D 25 before G 1
    RankingResult r = rank(definition("lexicographic", "MINIMUM"), portfolio());
    assertEquals("A:1 B:2 C:3 D:4 G:5", order(r));
    assertEquals(6, r.eligible(), "A, B, C, D, E and G are construction employers with March recorded");
    assertEquals(5, r.candidates(), "E had no accident");
    Entry d = r.groups().get(0).listed().get(3);
    assertEquals("D", d.observation().employerId());
    // one accident with five injured counts one accident; the injured are shown beside it
    assertEquals(Optional.of(new java.math.BigDecimal("1")), d.observation().value(0));
    assertEquals(Optional.of(new java.math.BigDecimal("5")), d.observation().value(2));
    assertEquals(Optional.empty(), r.groups().get(0).listed().get(2).observation().value(1), "C's rate: 20 workers");
  }

  @Test
  void aMonthRecordedWithoutAccidentsIsRefusedAndAddsNothing() throws Exception {
    RankingRun run = new RankingRun(definition("lexicographic", "MINIMUM"), MARCH, Optional.empty(), Grouping.PROVINCE,
        10);
    RatingCase noAccidents = Cases.employer().code("4700").asOf("2025-04-01")
        .period(Cases.range("2025-02-01", "2025-02-28").accidents(3).injuries(3))
        .period(Cases.range("2025-03-01", "2025-03-31").injuries(2).without(org.ratefloat.model.Measure.ACCIDENTS))
        .build().withId("N");
    RateFloatException e = assertThrows(RateFloatException.class, () -> run.add(noAccidents));
    assertEquals(ErrorCode.IN025, e.code());
    assertEquals("/history/1/accidents", e.pointer());
    run.refused(e.code());
    portfolio().forEach(run::add);
    RankingResult r = run.build();
    // neither its March nor its February (three accidents) counts: A, B, C, D, E and G only
    assertEquals(6, r.eligible());
    assertEquals(6, run.eligible(YearMonth.of(2025, 2)));
    assertEquals("A:1 B:2 C:3 D:4 G:5", order(r));
    assertEquals(java.util.Map.of(ErrorCode.IN025, 1L), r.refused());
    JsonNode json = new ObjectMapper().readTree(RankingJson.json(r));
    assertEquals(1, json.path("refused").path("total").intValue());
    assertEquals(1, json.path("refused").path("byCode").path("IN025").intValue());
  }

  @Test
  void theMethodInWordsNamesTheIndicatorsInOrderAndTheLeastExposure() throws Exception {
    JsonNode json = new ObjectMapper().readTree(RankingJson.json(rank(definition("lexicographic", "MINIMUM"),
        portfolio())));
    assertEquals("先按第一项指标排序（数值大者在前），相同者再按下一项指标排序。排名指标依次为：事故起数、事故率（‰）。"
        + "事故率（‰）仅对平均参保职工人数不少于 30 的单位排名，不足者排在其后。", json.path("methodWords").path("zh").textValue());
    assertEquals(0, json.path("refused").path("total").intValue());
    RankingDefinition weighted = definition("weighted", "MINIMUM");
    assertEquals("each indicator scaled to 0..1 by its minimum and maximum, a weighted sum, the largest first. The "
        + "indicators in order: a (weight 0.5), r (weight 0.5). r is ranked only where the average insured headcount "
        + "is at least 30; the others come after.", weighted.methodInWords().en());
  }

  @Test
  void rankSumAmongTheEmployersWithAnAccident() {
    // accidents: A, B 5 -> 1, 1; C 2 -> 3; D, G 1 -> 4, 4
    // rate: A 50 -> 1; B, D 25 -> 2, 2; G 1 -> 4; C none -> 5 (after the four that have one)
    // sums: A 2, B 3, D 6, C 8, G 8 -> positions 1, 2, 3, 4, 4 (C before G by id)
    assertEquals("A:1=2.0000 B:2=3.0000 D:3=6.0000 C:4=8.0000 G:4=8.0000",
        order(rank(definition("rankSum", "MINIMUM"), portfolio())));
    // AVERAGE: accidents A, B 1.5; C 3; D, G 4.5 -- rate A 1; B, D 2.5; G 4; C 5
    // sums: A 2.5, B 4.0, D 7.0, C 8.0, G 8.5
    assertEquals("A:1=2.5000 B:2=4.0000 D:3=7.0000 C:4=8.0000 G:5=8.5000",
        order(rank(definition("rankSum", "AVERAGE"), portfolio())));
  }

  @Test
  void weightedMinMaxScores() {
    // accidents 1..5: A 1, B 1, C 0.25, D 0, G 0 -- rate 1..50: A 1, B and D 24/49 = 0.4898 (4 places,
    // half up), G 0, C none (0); 0.5 x each: A 1.0000, B 0.7449, D 0.2449, C 0.1250, G 0.0000
    assertEquals("A:1=1.0000 B:2=0.7449 D:3=0.2449 C:4=0.1250 G:5=0.0000",
        order(rank(definition("weighted", "MINIMUM"), portfolio())));
  }

  @Test
  void aMonthWithThreeAccidentsOfOneHundredFiftyListsExactlyThose() {
    List<RatingCase> cases = new ArrayList<>();
    for (int i = 0; i < 147; i++) {
      cases.add(employer(String.format("Z%03d", i), i % 2 == 0 ? "4700" : "0610", 0, 0, "80"));
    }
    cases.add(employer("X1", "4700", 1, 5, "100")); // one accident, five injured
    cases.add(employer("X2", "0610", 2, 2, "31"));
    cases.add(employer("X3", "4811", 1, 1, "500"));
    RankingResult r = rank(parse(definitionJson("lexicographic", "MINIMUM", "leaveOut", 100)), cases);
    assertEquals(150, r.eligible());
    // X2 2 accidents; X1 and X3 one each, X1's rate 10.000 before X3's 2.000
    assertEquals("X2:1 X1:2 X3:3", order(r));
    // the injured count is there, but it is not what ranks
    assertEquals("5", r.groups().get(0).listed().get(1).observation().value(2).orElseThrow().toPlainString());
  }

  @Test
  void theTopNeverListsMoreThanNAndSaysWhatATieAtTheCutLeftOut() {
    // rank sum (MINIMUM): A 1, B 2, D 3, then C and G tied at 4
    RankingDefinition leaveOut = parse(definitionJson("rankSum", "MINIMUM", "leaveOut", 4));
    RankingResult r = rank(leaveOut, portfolio(), Grouping.PROVINCE, 4);
    assertEquals("A:1=2.0000 B:2=3.0000 D:3=6.0000", order(r));
    assertEquals(Optional.of(new RankingResult.LeftOut(new java.math.BigDecimal("4"), 2)), r.groups().get(0).leftOut());
    // filled in employer-id order, the chosen one marked
    RankingDefinition byId = parse(definitionJson("rankSum", "MINIMUM", "byEmployerId", 4));
    assertEquals("A:1=2.0000 B:2=3.0000 D:3=6.0000 C:4=8.0000*", order(rank(byId, portfolio(), Grouping.PROVINCE, 4)));
    // a cut that falls between groups leaves nothing out
    RankingResult three = rank(leaveOut, portfolio(), Grouping.PROVINCE, 3);
    assertEquals("A:1=2.0000 B:2=3.0000 D:3=6.0000", order(three));
    assertEquals(Optional.empty(), three.groups().get(0).leftOut());
    // SEQUENTIAL leaves no tie, in the indicators' ranks too: accidents A 1, B 2, C 3, D 4, G 5; rate
    // A 1, B 2, D 3, G 4, C 5; sums A 2, B 4, D 7, C 8, G 9: the top 4 is full
    RankingDefinition sequential = parse(definitionJson("rankSum", "SEQUENTIAL", "leaveOut", 4));
    assertEquals("A:1=2.0000 B:2=4.0000 D:3=7.0000 C:4=8.0000", order(rank(sequential, portfolio(), Grouping.PROVINCE,
        4)));
  }

  /** The three months of an employer: January, February, March 2025 (accidents in each). */
  private static RatingCase months(String id, String region, long jan, long feb, long mar) {
    return Cases.employer().code("4700").asOf("2025-04-01").region(region)
        .period(Cases.range("2025-01-01", "2025-01-31").accidents(jan).injuries(jan))
        .period(Cases.range("2025-02-01", "2025-02-28").accidents(feb).injuries(feb))
        .period(Cases.range("2025-03-01", "2025-03-31").accidents(mar).injuries(mar))
        .build().withId(id);
  }

  @Test
  void consecutiveMonthsOnTheListAndWhoEnteredAndLeft() throws Exception {
    List<RatingCase> cases = List.of(months("A", "430102", 1, 1, 3), months("B", "430102", 0, 1, 2),
        months("C", "430102", 0, 0, 1), months("D", "430102", 2, 2, 0));
    RankingResult r = rank(definition("lexicographic", "MINIMUM"), cases);
    assertEquals(YearMonth.of(2025, 1), r.monthsFrom());
    assertEquals(Optional.of(YearMonth.of(2025, 2)), r.comparedWith());
    RankingResult.Group g = r.groups().get(0);
    assertEquals("A:1 B:2 C:3", order(r));
    // A listed in January, February and March; B in February and March; C only now
    assertEquals(List.of(3, 2, 1), g.listed().stream().map(Entry::monthsOnList).toList());
    assertEquals(List.of("C"), g.entered().stream().map(Observation::employerId).toList());
    assertEquals(List.of("D"), g.left().stream().map(Observation::employerId).toList());
    JsonNode json = new ObjectMapper().readTree(RankingJson.json(r));
    assertEquals("ratefloat/ranking-result@2", json.path("format").textValue());
    assertEquals("2025-02", json.path("comparedWith").textValue());
    assertEquals("D", json.path("groups").path(0).path("left").path(0).path("employerId").textValue());
    assertEquals(3, json.path("groups").path(0).path("entries").path(0).path("monthsOnList").intValue());
    assertEquals("4700", json.path("groups").path(0).path("entries").path(0).path("industry").path("code").textValue());
    assertEquals("房屋建筑业", json.path("groups").path(0).path("entries").path(0).path("industry").path("name")
        .textValue());
  }

  @Test
  void listsByCityAndByKeyIndustry() {
    List<RatingCase> cases = List.of(
        months("CS1", "430102", 0, 0, 2), months("CS2", "430100", 0, 0, 1), // 长沙市 (芙蓉区, the city itself)
        months("ZZ1", "430202", 0, 0, 1),                                    // 株洲市 荷塘区
        months("XX1", "433101", 0, 0, 3),                                    // 湘西州 吉首市
        months("XX2", "433122", 0, 0, 0));                                   // 湘西州, no accident
    RankingResult byCity = rank(definition("lexicographic", "MINIMUM"), cases, Grouping.CITY, 10);
    assertEquals(14, byCity.groups().size(), "every one of Hunan's 14 cities has its list");
    assertEquals("430100", byCity.groups().get(0).key().code());
    assertEquals("长沙市", byCity.groups().get(0).key().name().zh());
    assertEquals("CS1:1 CS2:2", order(byCity).split(" \\| ")[0]);
    assertEquals("ZZ1:1", order(byCity).split(" \\| ")[1]);
    RankingResult.Group xiangxi = byCity.groups().get(13);
    assertEquals("湘西土家族苗族自治州", xiangxi.key().name().zh());
    assertEquals(2, xiangxi.eligible());
    assertEquals("XX1", xiangxi.listed().get(0).observation().employerId());
    // by key industry: a coal mine and the construction firms
    List<RatingCase> mixed = new ArrayList<>(cases);
    mixed.add(Cases.employer().code("0610").asOf("2025-04-01").region("431002")
        .period(Cases.range("2025-03-01", "2025-03-31").accidents(1).injuries(4)).build().withId("MINE"));
    RankingResult byIndustry = rank(definition("lexicographic", "MINIMUM"), mixed, Grouping.INDUSTRY, 10);
    assertEquals("MINE:1 | XX1:1 CS1:2 CS2:3 ZZ1:3", order(byIndustry));
    assertEquals(List.of("coal", "construction"), byIndustry.groups().stream().map(g -> g.key().code()).toList());
  }

  @Test
  void regionsAreCheckedAgainstTheList() {
    RankingDefinition def = definition("lexicographic", "MINIMUM");
    // 110105 is Beijing's 朝阳区: not in Hunan
    RankingRun run = new RankingRun(def, MARCH, Optional.empty(), Grouping.PROVINCE, 10);
    RateFloatException outside = assertThrows(RateFloatException.class, () -> run.add(months("BJ", "110105", 0, 0,
        1)));
    assertEquals(ErrorCode.IN060, outside.code());
    assertEquals("/employer/region", outside.pointer());
    // without a region: fine province-wide, refused when ranking by city
    RatingCase noRegion = employer("N", "47", 1, 1, "100");
    run.add(noRegion);
    RankingRun byCity = new RankingRun(def, MARCH, Optional.empty(), Grouping.CITY, 10);
    Assertions2.assertFails(ErrorCode.IN004, "/employer/region", () -> byCity.add(noRegion));
    // the province's own code: employers insured at the provincial level, a group of their own
    byCity.add(months("P", "430000", 0, 0, 1));
    assertEquals("430000", byCity.build().groups().get(0).key().code());
  }

  @Test
  void theChineseCsvIsNoticeReady() {
    List<RatingCase> cases = List.of(
        Cases.employer().code("4700").asOf("2025-04-01").region("430102").creditCode("91110000600037341L")
            .period(Cases.range("2025-02-01", "2025-02-28").accidents(0).injuries(0))
            .period(Cases.range("2025-03-01", "2025-03-31").accidents(1).injuries(5).headcount("100")).build()
            .withId("A"),
        months("B", "430202", 0, 1, 0));
    String csv = RankingCsv.csv(rank(definition("lexicographic", "MINIMUM"), cases), true);
    assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark for spreadsheet programs");
    String[] lines = csv.substring(1).split("\n");
    assertEquals("排名,单位名称,统一社会信用代码,行业,重点行业,市州,数据月份,事故起数,事故率（‰）,受伤人数,连续上榜月数,较2025年2月",
        lines[0]);
    // one accident with five injured: 1 accident, 10.000 per 1,000 of 100 workers, 5 injured
    assertEquals("1,test employer,91110000600037341L,4700 房屋建筑业,建筑施工,长沙市,2025年3月,1,10.000,5,1,新上榜", lines[1]);
    // B was listed in February (1 accident, 1 injured, of 100 workers) and not now: its February figures
    assertEquals(",test employer,,4700 房屋建筑业,建筑施工,株洲市,2025年2月,1,10.000,1,,退出（2025年2月数据）", lines[2]);
    String english = RankingCsv.csv(rank(definition("lexicographic", "MINIMUM"), cases), false);
    assertTrue(english.startsWith("position,employerId,name,creditCode,industryCode,industryName,keyIndustry,region,"
        + "city,month,accidents,rate,injured,monthsOnList,change\n1,A,test employer,91110000600037341L,4700,房屋建筑业,"
        + "construction,430102,430100,2025-03,1,10.000,5,1,entered\n"), english);
  }

  // ------------------------------------------------------------------ the definition

  @Test
  void theShippedDefinitionLoadsWithItsRegionsAndNames() {
    RankingDefinition def = Ranking.load("cn-hn-key-industries");
    assertEquals(TableStatus.PROVISIONAL, def.status());
    assertEquals(100, def.top());
    assertEquals(RankingDefinition.Method.LEXICOGRAPHIC, def.method());
    assertEquals(List.of("coal-mines", "non-coal-mines", "hazardous-chemicals", "construction"),
        def.keyIndustries().stream().map(RankingDefinition.KeyIndustry::id).toList());
    assertEquals(14, def.regions().orElseThrow().cities().size());
    String list = Ranking.industries(def, true);
    assertTrue(list.contains("非煤矿山 [non-coal-mines]\n"), list);
    assertTrue(list.contains("    747 地质勘查\n"), list);
    assertTrue(list.contains("    594 危险品仓储\n"), list);
    assertTrue(list.contains("    1190 其他开采辅助活动\n"), list);
  }

  /** An employer with one accident in March 2025. */
  private static RatingCase coded(String id, boolean edition2017, String code) {
    Cases c = Cases.employer().code(code).asOf("2025-04-01")
        .period(Cases.range("2025-03-01", "2025-03-31").accidents(1).injuries(1).headcount("50"));
    if (edition2017) {
      c.edition2017();
    }
    return c.build().withId(id);
  }

  /** The key industry of each employer, and the codes of those refused. */
  private static String selected(RankingDefinition def, List<RatingCase> cases) {
    List<String> out = new ArrayList<>();
    for (RatingCase c : cases) {
      int riskClass = def.classification().classify(c.employer().industry());
      try {
        out.add(c.employer().id() + "=" + def.keyIndustryOf(c.employer().industry(), riskClass)
            .map(RankingDefinition.KeyIndustry::id).orElse("-"));
      } catch (RateFloatException e) {
        out.add(c.employer().id() + " " + e.code());
      }
    }
    return String.join(" ", out);
  }

  @Test
  void theShippedHunanListFollowsTheProgrammesSectorsAsMapped() {
    RankingDefinition def = Ranking.load("cn-hn-key-industries");
    List<RatingCase> cases = List.of(
        coded("coal", false, "0610"), coded("ore", false, "0810"), coded("quarry", false, "1011"),
        coded("mineContractor", false, "1190"), coded("geology", false, "7471"), coded("chemicals", false, "2614"),
        coded("fireworks", false, "2672"), coded("refinery", false, "2511"), coded("coking", false, "2520"),
        coded("housing", false, "4700"), coded("railway", false, "4811"), coded("decoration", false, "5010"),
        coded("storage2017", true, "5942"), coded("chemicals2017", true, "2614"),
        // left out, each listed in the definition's unverified: oil and gas, oilfield services, nuclear
        // fuel, road freight, hazardous-goods road transport (2017), pharmaceuticals, other storage (2011)
        coded("oil", false, "0710"), coded("oilfield", false, "1120"), coded("nuclear", false, "2530"),
        coded("haulier", false, "5430"), coded("hazmatTransport", true, "5435"), coded("pharma", false, "2710"),
        coded("warehouse", false, "5990"),
        // too short to tell: only parts of 11, 25 and 74 are key
        coded("mining11", false, "11"), coded("division25", false, "25"), coded("division74", false, "74"));
    assertEquals("coal=coal-mines ore=non-coal-mines quarry=non-coal-mines mineContractor=non-coal-mines "
        + "geology=non-coal-mines chemicals=hazardous-chemicals fireworks=hazardous-chemicals "
        + "refinery=hazardous-chemicals coking=hazardous-chemicals housing=construction railway=construction "
        + "decoration=construction storage2017=hazardous-chemicals chemicals2017=hazardous-chemicals oil=- "
        + "oilfield=- nuclear=- haulier=- hazmatTransport=- pharma=- warehouse=- mining11 IN015 division25 IN015 "
        + "division74 IN015", selected(def, cases));
  }

  @Test
  void codesAreParsedStrictly() {
    String good = definitionJson("lexicographic", "MINIMUM", "leaveOut", 10);
    record Bad(String from, String to, ErrorCode code, String pointer) {}
    for (Bad bad : List.of(
        new Bad("[\"47\", \"48\"]", "[\"47\", \"4\"]", ErrorCode.RT009, "/keyIndustries/1/codes/GB~1T 4754-2011/1"),
        new Bad("[\"47\", \"48\"]", "[\"47\", \"481\", \"48\"]", ErrorCode.RT009,
            "/keyIndustries/1/codes/GB~1T 4754-2011/2"),
        // the same code in two key industries
        new Bad("[\"47\", \"48\"]", "[\"47\", \"0610\"]", ErrorCode.RT009, "/keyIndustries/1/codes/GB~1T 4754-2011/1"),
        // 97 is a division of the 2017 edition only; 4799 is no class of 2011 (the names say so)
        new Bad("[\"47\", \"48\"]", "[\"47\", \"97\"]", ErrorCode.RT008, "/keyIndustries/1/codes/GB~1T 4754-2011/1"),
        new Bad("[\"47\", \"48\"]", "[\"4799\"]", ErrorCode.RT008, "/keyIndustries/1/codes/GB~1T 4754-2011/0"),
        // coal mines by class 6 would take every construction employer (division 47 is class 6) first
        new Bad("\"codes\": {\"GB/T 4754-2011\": [\"06\"]}", "\"classes\": [6]", ErrorCode.RT009,
            "/keyIndustries/1/codes/GB~1T 4754-2011/0"),
        new Bad("\"atLeast\": \"1\"", "\"atLeast\": \"0\"", ErrorCode.RT009, "/listing/atLeast"),
        new Bad("\"listing\": {\"indicator\": \"accidents\"", "\"listing\": {\"indicator\": \"rate\"", ErrorCode.RT009,
            "/listing/indicator"),
        new Bad("\"tiesAtCut\": \"leaveOut\"", "\"tiesAtCut\": \"all\"", ErrorCode.RT009, "/combine/tiesAtCut"),
        new Bad("\"tiesAtCut\": \"leaveOut\"", "\"tiesAtCut\": \"leaveOut\", \"scoreRound\": {\"scale\": 0, "
            + "\"mode\": \"HALF_UP\"}", ErrorCode.RT009, "/combine/scoreRound"),
        new Bad("\"regions\": \"cn-hn\"", "\"regions\": \"cn-nowhere\"", ErrorCode.RT008, "/regions"),
        new Bad("\"ratefloat/ranking@2\"", "\"ratefloat/ranking@1\"", ErrorCode.RT014, "/format"))) {
      assertTrue(good.contains(bad.from()), bad.from());
      Assertions2.assertFails(bad.code(), bad.pointer(), () -> parse(good.replace(bad.from(), bad.to())));
    }
    // by class 8 (coal mining's own class) nothing of construction is taken
    assertEquals(java.util.Set.of(8), parse(good.replace("\"codes\": {\"GB/T 4754-2011\": [\"06\"]}",
        "\"classes\": [8]")).keyIndustries().get(0).classes());
  }

  /**
   * A definition is read by the rule tables' strict reader, its shared fields by the same code: the
   * same fault has the same code and pointer in both.
   */
  @Test
  void faultsOfTheSharedFieldsHaveTheRuleTablesCodes() throws Exception {
    String good = Files.readString(Path.of("rules/cn-hn-key-industries.ranking.json"));
    String table = Files.readString(Path.of("rules/cn-zj-hangzhou.json"));
    record Fault(String from, String to, ErrorCode code, String pointer) {}
    List<Fault> faults = List.of(
        new Fault("\"sources\": [", "\"sources\": [42, ", ErrorCode.RT005, "/sources/0"),
        new Fault("\"title\": {", "\"title\": {\"bogus\": 1, ", ErrorCode.RT003, "/title/bogus"),
        new Fault("\"status\": \"provisional\"", "\"status\": \"draft\"", ErrorCode.RT009, "/status"),
        new Fault("\"sources\": [", "\"sources\": [{\"url\": \"u\"}, ", ErrorCode.RT004, "/sources/0/took"));
    for (Fault f : faults) {
      RuleTableException inDefinition = assertThrows(RuleTableException.class, () -> parse(good.replaceFirst(
          java.util.regex.Pattern.quote(f.from()), java.util.regex.Matcher.quoteReplacement(f.to()))), f.to());
      assertEquals(f.code(), inDefinition.code(), inDefinition.getMessage());
      assertEquals(f.pointer(), inDefinition.pointer());
      assertTrue(table.contains(f.from()), f.from());
      RuleTableException inTable = assertThrows(RuleTableException.class, () -> org.ratefloat.RateFloat.loadTable(
          "t.json", table.replaceFirst(java.util.regex.Pattern.quote(f.from()),
              java.util.regex.Matcher.quoteReplacement(f.to())).getBytes(StandardCharsets.UTF_8),
          id -> Optional.empty()));
      assertEquals(inTable.code(), inDefinition.code(), f.to());
      assertEquals(inTable.pointer(), inDefinition.pointer(), f.to());
    }
  }

  /** {@code ratefloat lint} refuses what the loader refuses: "sources": [42] is not "ok". */
  @Test
  void lintReportsTheSameCode(@TempDir Path dir) throws Exception {
    String good = Files.readString(Path.of("rules/cn-hn-key-industries.ranking.json"));
    Path file = dir.resolve("d.ranking.json");
    Files.writeString(file, good.replaceFirst("\"sources\": \\[", "\"sources\": [42, "));
    org.ratefloat.cli.CliRun lint = org.ratefloat.cli.CliRun.of("lint", file.toString());
    assertEquals(4, lint.code(), lint.out() + lint.err());
    assertTrue(lint.out().contains(file + ": RT005 error /sources/0"), lint.out());
    // the classification, regions and names are not next to it: they are the bundled ones
    Files.writeString(file, good);
    org.ratefloat.cli.CliRun ok = org.ratefloat.cli.CliRun.of("lint", file.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
  }

  @Property(tries = 150)
  void theListsDoNotDependOnInputOrder(@ForAll @IntRange(min = 1, max = 60) int size, @ForAll long seed) {
    Random random = new Random(seed);
    List<RatingCase> cases = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      long accidents = random.nextInt(4);
      cases.add(months(String.format("E%03d", i), random.nextBoolean() ? "430102" : "431002", random.nextInt(2),
          random.nextInt(2), accidents));
    }
    for (String method : List.of("rankSum", "weighted", "lexicographic")) {
      for (Grouping by : Grouping.values()) {
        RankingDefinition def = parse(definitionJson(method, "MINIMUM", "leaveOut", 5));
        String expected = new String(RankingJson.json(rank(def, cases, by, 5)), StandardCharsets.UTF_8);
        List<RatingCase> shuffled = new ArrayList<>(cases);
        Collections.shuffle(shuffled, random);
        assertEquals(expected, new String(RankingJson.json(rank(def, shuffled, by, 5)), StandardCharsets.UTF_8));
        RankingResult r = rank(def, shuffled, by, 5);
        for (RankingResult.Group g : r.groups()) {
          assertTrue(g.listed().size() <= 5);
          assertFalse(g.listed().stream().anyMatch(e -> e.observation().value(0).orElseThrow().signum() == 0),
              "an employer without an accident is never listed");
        }
      }
    }
  }
}
