package org.ratefloat.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.Assertions2;
import org.ratefloat.Cases;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.model.Edition;
import org.ratefloat.model.RatingCase;
import org.ratefloat.rules.RuleTables;
import org.ratefloat.rules.TableStatus;

/**
 * The monthly ranking. Hand-computed cases: five employers of division 47 (class 6, a key industry)
 * in March 2025, ranked by accidents and by accidents per 1,000 workers (3 decimals, at least 30
 * workers), combined by rank sum or by weighted min-max scores.
 */
class RankingTest {
  private static final YearMonth MARCH = YearMonth.of(2025, 3);

  private static Ranking.Loaded definition(String method, String ties) {
    String json = """
        {"format": "ratefloat/ranking@1", "id": "t", "version": "1", "title": {"zh": "t", "en": "t"},
         "status": "provisional", "sources": [{"url": "u", "took": "t"}], "classification": "cn-annex-2015",
         "keyIndustries": {"classes": [5, 6, 7, 8]},
         "indicators": [
           {"id": "accidents", "label": {"zh": "a", "en": "a"}, "measure": "injuries", "weight": "0.5"},
           {"id": "rate", "label": {"zh": "r", "en": "r"}, "measure": "injuries", "per": "averageHeadcount",
            "multiplier": "1000", "round": {"scale": 3, "mode": "HALF_UP"}, "minExposure": "30", "weight": "0.5"}],
         "combine": {"method": "%s", "ties": "%s", "scoreRound": {"scale": 4, "mode": "HALF_UP"}},
         "top": 3}
        """.formatted(method, ties);
    return parse(json);
  }

  static Ranking.Loaded parse(String json) {
    return Ranking.parse("t.json", json.getBytes(StandardCharsets.UTF_8), RuleTables.directory(Path.of("rules")));
  }

  private static RatingCase employer(String id, String code, long injuries, String headcount) {
    return Cases.employer().code(code).asOf("2025-04-01")
        .period(Cases.range("2025-02-01", "2025-02-28").injuries(0))
        .period(Cases.range("2025-03-01", "2025-03-31").injuries(injuries).headcount(headcount))
        .build().withId(id);
  }

  /** A 5, B 5, C 2 of 20 workers (below the floor), D 1 of 40, E 0 of 500; F is class 4 (not key). */
  private static List<RatingCase> portfolio() {
    return List.of(employer("A", "47", 5, "100"), employer("B", "47", 5, "200"), employer("C", "47", 2, "20"),
        employer("D", "47", 1, "40"), employer("E", "47", 0, "500"), employer("F", "36", 9, "100"));
  }

  private static Ranking.Result rank(Ranking.Loaded def, List<RatingCase> cases) {
    Ranking.Builder b = new Ranking.Builder(def, MARCH);
    cases.forEach(b::add);
    return b.build();
  }

  private static String order(Ranking.Result r) {
    StringBuilder s = new StringBuilder();
    for (Ranking.Entry e : r.all()) {
      s.append(e.employerId()).append(':').append(e.position().toPlainString()).append('=')
          .append(e.score().toPlainString()).append(' ');
    }
    return s.toString().trim();
  }

  @Test
  void rankSumWithMinimumTies() {
    // accidents (most first): A 5, B 5 -> 1, 1; C -> 3; D -> 4; E -> 5
    // rate: A 50.000 -> 1; B 25.000, D 25.000 -> 2, 2; E 0.000 -> 4; C below 30 workers -> 5 (after all ranked)
    // sums: A 2, B 3, D 6, C 8, E 9; F is class 4, not a key industry
    Ranking.Result r = rank(definition("rankSum", "MINIMUM"), portfolio());
    assertEquals(5, r.eligible());
    assertEquals("A:1=2.0000 B:2=3.0000 D:3=6.0000 C:4=8.0000 E:5=9.0000", order(r));
    Ranking.Entry c = r.all().get(3);
    assertEquals(Optional.empty(), c.values().get(1), "the small firm's rate is not ranked");
    assertEquals(0, new BigDecimal("5").compareTo(c.ranks().get(1)));
  }

  @Test
  void rankSumWithAverageTies() {
    // accidents: A, B 1.5; C 3; D 4; E 5 -- rate: A 1; B, D 2.5; E 4; C 5
    // sums: A 2.5, B 4.0, D 6.5, C 8, E 9
    assertEquals("A:1=2.5000 B:2=4.0000 D:3=6.5000 C:4=8.0000 E:5=9.0000",
        order(rank(definition("rankSum", "AVERAGE"), portfolio())));
  }

  @Test
  void weightedMinMaxScores() {
    // accidents 0..5: A 1, B 1, C 0.4, D 0.2, E 0 -- rate 0..50 (C not ranked, 0): A 1, B 0.5, D 0.5, E 0
    // 0.5 x each: A 1.0000, B 0.7500, D 0.3500, C 0.2000, E 0.0000 (largest first)
    assertEquals("A:1=1.0000 B:2=0.7500 D:3=0.3500 C:4=0.2000 E:5=0.0000",
        order(rank(definition("weighted", "MINIMUM"), portfolio())));
  }

  @Test
  void equalScoresShareThePositionAndTheTopIncludesTiesAtTheBoundary() {
    List<RatingCase> cases = new ArrayList<>(portfolio());
    cases.add(employer("B2", "47", 5, "200")); // the same as B
    Ranking.Result r = rank(definition("rankSum", "MINIMUM"), cases);
    // accidents: A, B, B2 -> 1; C 4; D 5; E 6 -- rate: A 1; B, B2, D -> 2; E 5; C 6
    // sums: A 2, B 3, B2 3, D 7, C 10, E 11 -> positions 1, 2, 2, 4, 5, 6
    assertEquals("A:1=2.0000 B:2=3.0000 B2:2=3.0000 D:4=7.0000 C:5=10.0000 E:6=11.0000", order(r));
    assertEquals(3, r.top(2).size());
  }

  @Test
  void monthOverMonthChanges() throws Exception {
    Ranking.Loaded def = definition("rankSum", "MINIMUM");
    Ranking.Result march = rank(def, portfolio());
    Ranking.Builder feb = new Ranking.Builder(def, YearMonth.of(2025, 2));
    portfolio().forEach(feb::add);
    String json = new String(Ranking.json(march, 2, Optional.of(feb.build())), StandardCharsets.UTF_8);
    // February: nobody had an accident, all tie at position 1: the top 2 was everyone (A..E)
    var compared = new ObjectMapper().readTree(json).path("comparedWith");
    assertEquals("2025-02", compared.path("month").textValue(), json);
    assertEquals(new ObjectMapper().createArrayNode(), compared.path("entered"), json);
    assertEquals(new ObjectMapper().createArrayNode().add("C").add("D").add("E"), compared.path("left"), json);
    assertTrue(Ranking.csv(march, 2).startsWith("position,employerId,riskClass,accidentsValue,accidentsRank,"
        + "rateValue,rateRank,score\n1,A,6,5,1,50.000,1,2.0000\n2,B,6,5,1,25.000,2,3.0000\n"));
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
    // the classification is not next to it: it is the bundled one
    Files.writeString(file, good);
    org.ratefloat.cli.CliRun ok = org.ratefloat.cli.CliRun.of("lint", file.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
  }

  @Test
  void idsSourcesAndStatusAreChecked() {
    String base = """
        {"format": "ratefloat/ranking@1", "id": "%s", "version": "1", "title": {"zh": "t", "en": "t"},
         "status": "%s", "sources": %s, %s "classification": "%s",
         "keyIndustries": {"classes": [5]},
         "indicators": [{"id": "%s", "label": {"zh": "a", "en": "a"}, "measure": "injuries"}],
         "combine": {"method": "rankSum", "ties": "%s", "scoreRound": {"scale": 0, "mode": "HALF_UP"}},
         "top": 10}
        """;
    String src = "[{\"url\": \"u\", \"took\": \"t\"}]";
    Object[][] cases = {
        {"a b", "provisional", src, "", "cn-annex-2015", "x", "MINIMUM", ErrorCode.RT009, "/id"},
        {"t", "provisional", "[]", "", "cn-annex-2015", "x", "MINIMUM", ErrorCode.RT004, "/sources"},
        {"t", "verified", src, "\"unverified\": [\"/top: assumed\"],", "cn-annex-2015", "x", "MINIMUM",
            ErrorCode.RT009, "/status"},
        {"t", "provisional", src, "\"unverified\": [7],", "cn-annex-2015", "x", "MINIMUM", ErrorCode.RT005,
            "/unverified/0"},
        {"t", "provisional", src, "", "../cn-annex-2015", "x", "MINIMUM", ErrorCode.RT009, "/classification"},
        {"t", "provisional", src, "", "cn-nowhere", "x", "MINIMUM", ErrorCode.RT008, "/classification"},
        {"t", "provisional", src, "", "cn-annex-2015", "x/y", "MINIMUM", ErrorCode.RT009, "/indicators/0/id"},
        {"t", "provisional", src, "", "cn-annex-2015", "x", "minimum", ErrorCode.RT009, "/combine/ties"}};
    for (Object[] c : cases) {
      String json = base.formatted(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
      RuleTableException e = assertThrows(RuleTableException.class, () -> parse(json), json);
      assertEquals(c[7], e.code(), e.getMessage());
      assertEquals(c[8], e.pointer(), e.getMessage());
    }
    assertEquals(TableStatus.VERIFIED, parse(base.formatted("t", "verified", src, "", "cn-annex-2015", "x",
        "SEQUENTIAL")).spec().status());
  }

  @Test
  void theShippedDefinitionLoads() {
    Ranking.Loaded def = Ranking.load(Path.of("rules/cn-hn-key-industries.ranking.json"));
    assertEquals(TableStatus.PROVISIONAL, def.spec().status());
    assertEquals(100, def.spec().top());
  }

  // ------------------------------------------------------------------ key industries by division

  private static Ranking.Loaded byDivisions(String keyIndustries) {
    return parse("""
        {"format": "ratefloat/ranking@1", "id": "d", "version": "1", "title": {"zh": "d", "en": "d"},
         "status": "provisional", "sources": [{"url": "u", "took": "t"}], "classification": "cn-annex-2015",
         "keyIndustries": %s,
         "indicators": [{"id": "accidents", "label": {"zh": "a", "en": "a"}, "measure": "injuries"}],
         "combine": {"method": "rankSum", "ties": "MINIMUM", "scoreRound": {"scale": 0, "mode": "HALF_UP"}},
         "top": 10}
        """.formatted(keyIndustries));
  }

  /** An employer with one accident in March 2025. */
  private static RatingCase coded(String id, boolean edition2017, String code, int riskClassOverride) {
    Cases c = Cases.employer().code(code).asOf("2025-04-01")
        .period(Cases.range("2025-03-01", "2025-03-31").injuries(1).headcount("50"));
    if (edition2017) {
      c.edition2017();
    }
    if (riskClassOverride > 0) {
      c.riskClass(riskClassOverride);
    }
    return c.build().withId(id);
  }

  /** The ids ranked, in id order, and the codes of the employers refused, in input order. */
  private static String selected(Ranking.Loaded def, List<RatingCase> cases) {
    Ranking.Builder b = new Ranking.Builder(def, MARCH);
    List<String> refused = new ArrayList<>();
    for (RatingCase c : cases) {
      try {
        b.add(c);
      } catch (org.ratefloat.error.InputException e) {
        refused.add(c.employer().id() + " " + e.code() + " " + e.pointer());
      }
    }
    return b.build().all().stream().map(Ranking.Entry::employerId).sorted().toList() + " refused " + refused;
  }

  @Test
  void keyIndustriesByDivisionAndLongerPrefixes() {
    Ranking.Loaded def = byDivisions("""
        {"divisions": {"GB/T 4754-2011": ["06", "481", "4822"], "GB/T 4754-2017": ["26"]}}""");
    List<RatingCase> cases = List.of(
        coded("A", false, "06", 0),    // the division itself
        coded("B", false, "0610", 0),  // a class inside 06
        coded("C", false, "4811", 0),  // inside group 481
        coded("D", false, "4820", 0),  // group 482, but only class 4822 is listed
        coded("E", false, "4822", 0),  // the listed class
        coded("F", false, "48", 0),    // division 48: part of it is key, part not: too short to tell
        coded("G", false, "26", 0),    // 26 is listed for the 2017 edition only
        coded("H", true, "2614", 0),   // 2017 code inside 26
        coded("I", true, "0610", 0),   // 06 is listed for 2011 only
        coded("J", false, "3610", 8)); // class 8 by override, but this definition selects by division only
    assertEquals("[A, B, C, E, H] refused [F IN015 /employer/industry/code]", selected(def, cases));
  }

  @Test
  void keyIndustriesByClassAndDivision() {
    Ranking.Loaded def = byDivisions("""
        {"classes": [8], "divisions": {"GB/T 4754-2011": ["47"]}}""");
    List<RatingCase> cases = List.of(
        coded("A", false, "4710", 0),  // division 47 (class 6)
        coded("B", false, "3610", 8),  // class 8 by override
        coded("C", false, "0610", 0),  // class 8 by the 2011 annex
        coded("D", true, "0610", 0),   // class 8 by the 2017 mapping: the class decides, editions aside
        coded("E", true, "3610", 0),   // class 4, and the definition names no 2017 divisions: cannot tell
        coded("F", false, "3610", 0)); // class 4, not 47
    assertEquals("[A, B, C, D] refused [E IN013 /employer/industry/edition]", selected(def, cases));
  }

  @Test
  void theShippedHunanListFollowsTheProgrammesSectors() {
    Ranking.Loaded def = Ranking.load(Path.of("rules/cn-hn-key-industries.ranking.json"));
    List<RatingCase> cases = List.of(
        coded("coal", false, "0610", 0), coded("ore", false, "0810", 0), coded("chemicals", false, "2614", 0),
        coded("housing", false, "4710", 0), coded("railway", false, "4811", 0), coded("installation", false, "4910", 0),
        coded("decoration", false, "5010", 0), coded("chemicals2017", true, "2614", 0),
        // high-risk classes the programme does not name: oil and gas (class 7), petroleum (7),
        // freight forwarding (5), road transport (5), building materials (6)
        coded("oil", false, "0710", 0), coded("refinery", false, "2511", 0), coded("forwarder", false, "5810", 0),
        coded("haulier", false, "5430", 0), coded("cement", false, "3011", 0));
    assertEquals("[chemicals, chemicals2017, coal, decoration, housing, installation, ore, railway] refused []",
        selected(def, cases));
  }

  @Test
  void theListIsSwappedByEditingItAsTheExampleDoes() throws Exception {
    // examples/swap-key-industries.sh: of construction only 47, 481 and 482, under another id
    String shipped = Files.readString(Path.of("rules/cn-hn-key-industries.ranking.json"));
    String list = "[\"06\", \"08\", \"09\", \"10\", \"26\", \"47\", \"48\", \"49\", \"50\"]";
    String narrowList = "[\"06\", \"08\", \"09\", \"10\", \"26\", \"47\", \"481\", \"482\"]";
    assertEquals(2, shipped.split(java.util.regex.Pattern.quote(list), -1).length - 1, "one list per edition");
    Ranking.Loaded narrow = parse(shipped.replace("\"id\": \"cn-hn-key-industries\"",
        "\"id\": \"cn-hn-key-industries-narrow\"").replace(list, narrowList));
    Ranking.Loaded wide = Ranking.load(Path.of("rules/cn-hn-key-industries.ranking.json"));
    Ranking.Builder a = new Ranking.Builder(wide, MARCH);
    Ranking.Builder b = new Ranking.Builder(narrow, MARCH);
    for (String line : Files.readAllLines(Path.of("examples/hunan-monthly-portfolio.ndjson"))) {
      RatingCase c = org.ratefloat.RateFloat.readCase(line.getBytes(StandardCharsets.UTF_8));
      a.add(c);
      b.add(c);
    }
    // the example's 40 employers: 4 in 06, 5 in 08, 4 in 47, 2 in 49, 2 in 50, none in 48
    assertEquals(17, a.build().eligible());
    assertEquals(13, b.build().eligible());
    assertEquals("cn-hn-key-industries-narrow", narrow.spec().id());
  }

  @Test
  void divisionsAreParsedStrictly() {
    String valid = "{\"GB/T 4754-2011\": [\"06\"]}";
    record Bad(String divisions, ErrorCode code, String pointer) {}
    for (Bad bad : List.of(
        new Bad("{\"GB/T 4754-2011\": [\"6\"]}", ErrorCode.RT009, "/keyIndustries/divisions/GB~1T 4754-2011/0"),
        new Bad("{\"GB/T 4754-2011\": [\"06\", \"0A\"]}", ErrorCode.RT009,
            "/keyIndustries/divisions/GB~1T 4754-2011/1"),
        new Bad("{\"GB/T 4754-2011\": [\"06101\"]}", ErrorCode.RT009, "/keyIndustries/divisions/GB~1T 4754-2011/0"),
        new Bad("{\"GB/T 4754-2011\": [6]}", ErrorCode.RT005, "/keyIndustries/divisions/GB~1T 4754-2011/0"),
        // GB/T 4754-2011 has 96 divisions (01-96); 97 exists in the 2017 edition only
        new Bad("{\"GB/T 4754-2011\": [\"97\"]}", ErrorCode.RT008, "/keyIndustries/divisions/GB~1T 4754-2011/0"),
        new Bad("{\"GB/T 4754-2011\": [\"0010\"]}", ErrorCode.RT008, "/keyIndustries/divisions/GB~1T 4754-2011/0"),
        new Bad("{\"GB/T 4754-2011\": [\"06\", \"06\"]}", ErrorCode.RT009,
            "/keyIndustries/divisions/GB~1T 4754-2011/1"),
        new Bad("{\"GB/T 4754-2011\": [\"481\", \"48\"]}", ErrorCode.RT009,
            "/keyIndustries/divisions/GB~1T 4754-2011/1"),
        new Bad("{\"GB/T 4754-2011\": []}", ErrorCode.RT009, "/keyIndustries/divisions/GB~1T 4754-2011"),
        new Bad("{\"GB/T 4754-2011\": \"06\"}", ErrorCode.RT005, "/keyIndustries/divisions/GB~1T 4754-2011"),
        new Bad("{\"GB/T 4754-2002\": [\"06\"]}", ErrorCode.RT009, "/keyIndustries/divisions/GB~1T 4754-2002"),
        new Bad("{\"GB/T 4754-2011\": [\"06\"], \"2011\": [\"08\"]}", ErrorCode.RT009,
            "/keyIndustries/divisions/2011"),
        new Bad("{}", ErrorCode.RT004, "/keyIndustries"))) {
      Assertions2.assertFails(bad.code(), bad.pointer(), () -> byDivisions("{\"divisions\": " + bad.divisions() + "}"));
    }
    Assertions2.assertFails(ErrorCode.RT003, "/keyIndustries/codes2011", () -> byDivisions(
        "{\"divisions\": " + valid + ", \"codes2011\": [\"06\"]}"));
    Assertions2.assertFails(ErrorCode.RT009, "/keyIndustries/classes/1", () -> byDivisions(
        "{\"classes\": [8, 8]}"));
    assertEquals(List.of("06"), byDivisions("{\"divisions\": " + valid + "}").spec().keyDivisions()
        .get(Edition.GBT_4754_2011));
  }

  @Test
  void anEditionTheClassificationLacksIsRefused(@TempDir Path dir) throws Exception {
    // a copy of the annex without its 2017 edition
    ObjectMapper json = new ObjectMapper();
    ObjectNode annex = (ObjectNode) json.readTree(Files.readAllBytes(Path.of("rules/cn-annex-2015.json")));
    ((ObjectNode) annex.get("editions")).remove("GB/T 4754-2017");
    Files.write(dir.resolve("cn-annex-2015.json"), json.writeValueAsBytes(annex));
    Files.writeString(dir.resolve("d.ranking.json"), """
        {"format": "ratefloat/ranking@1", "id": "d", "version": "1", "title": {"zh": "d", "en": "d"},
         "status": "provisional", "sources": [{"url": "u", "took": "t"}], "classification": "cn-annex-2015",
         "keyIndustries": {"divisions": {"GB/T 4754-2011": ["06"], "GB/T 4754-2017": ["06"]}},
         "indicators": [{"id": "accidents", "label": {"zh": "a", "en": "a"}, "measure": "injuries"}],
         "combine": {"method": "rankSum", "ties": "MINIMUM", "scoreRound": {"scale": 0, "mode": "HALF_UP"}},
         "top": 10}
        """);
    RuleTableException e = assertThrows(RuleTableException.class, () -> Ranking.load(dir.resolve("d.ranking.json")));
    assertEquals(ErrorCode.RT008, e.code());
    assertEquals("/keyIndustries/divisions/GB~1T 4754-2017", e.pointer());
  }

  @Property(tries = 200)
  void theTopDoesNotDependOnInputOrder(@ForAll @IntRange(min = 1, max = 60) int size, @ForAll long seed) {
    Random random = new Random(seed);
    List<RatingCase> cases = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      cases.add(employer(String.format("E%03d", i), random.nextBoolean() ? "47" : "06", random.nextInt(6),
          String.valueOf(10 + random.nextInt(100))));
    }
    for (String method : List.of("rankSum", "weighted")) {
      Ranking.Loaded def = definition(method, "MINIMUM");
      String expected = order(rank(def, cases));
      List<RatingCase> shuffled = new ArrayList<>(cases);
      Collections.shuffle(shuffled, random);
      assertEquals(expected, order(rank(def, shuffled)));
    }
  }
}
