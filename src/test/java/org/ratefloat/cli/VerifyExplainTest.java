package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ratefloat.cli.CliTest.run;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.cli.CliTest.Run;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.batch.Batch;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.synthetic.PortfolioGenerator;

/**
 * {@code verify} and {@code explain} of records in the layouts an auditor receives them in: re-indented
 * by another JSON tool, keys in another order, one per line in a whole batch output; and each of them
 * with one digit changed.
 */
class VerifyExplainTest {
  private static final String HUNAN = "rules/cn-hn-provisional.json";
  private static final String RECORD = "examples/cn-hn-provisional/machinery.decision.json";
  private static final ObjectMapper JACKSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @TempDir
  Path tmp;

  private static String record() throws Exception {
    return Files.readString(Path.of(RECORD), StandardCharsets.UTF_8);
  }

  /** Re-indented as another tool might: 4 spaces, CRLF, " : ", non-ASCII as backslash-u escapes. */
  private static String reindented(String json) throws Exception {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("    ", "\r\n"))
        .withArrayIndenter(new DefaultIndenter("    ", "\r\n"));
    return JACKSON.writer(printer).with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(JACKSON.readTree(json));
  }

  /** Every object's keys in a random order, on one line. */
  private static String shuffled(String json, long seed) throws Exception {
    return JACKSON.writeValueAsString(shuffle(JACKSON.readTree(json), new Random(seed)));
  }

  private static JsonNode shuffle(JsonNode node, Random random) {
    if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      Collections.shuffle(keys, random);
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      keys.forEach(k -> copy.set(k, shuffle(node.get(k), random)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(shuffle(item, random)));
      return copy;
    }
    return node;
  }

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void verifyAcceptsARecordReindentedOrReorderedAndRejectsOneDigitChangedNamingThePointer() throws Exception {
    String pretty = record();
    String reindented = reindented(pretty);
    assertTrue(reindented.contains("\r\n    \"format\" : ") && reindented.contains("\\u957F\\u6C99"), reindented);
    String shuffled = shuffled(pretty, 8);
    assertFalse(shuffled.startsWith("{\"format\""), shuffled);
    String compact = CanonicalJson.compact(JACKSON.readTree(pretty));
    for (String copy : List.of(pretty, reindented, shuffled, compact)) {
      Run r = run("verify", "--rules", HUNAN, write("copy.json", copy).toString());
      assertEquals(0, r.code(), r.out() + r.err());
      assertTrue(r.out().startsWith("OK: "), r.out());
    }
    // machinery: premium 267300.00, rate 1.3500, class 4 (examples/cn-hn-provisional/machinery.decision.json)
    Run premium = run("verify", "--rules", HUNAN,
        write("premium.json", reindented.replace("\"267300.00\"", "\"267300.01\"")).toString());
    assertEquals(5, premium.code(), premium.out());
    assertTrue(premium.out().contains("\n  /premium/amount: 267300.01 \u2192 267300.00\n"), premium.out());
    Run rate = run("verify", "--rules", HUNAN,
        write("rate.json", shuffled.replace("\"1.3500\"", "\"1.3600\"")).toString());
    assertEquals(5, rate.code(), rate.out());
    assertTrue(rate.out().contains("\n  /rate/value: 1.3600 \u2192 1.3500\n"), rate.out());
    Run riskClass = run("verify", "--rules", HUNAN,
        write("class.json", compact.replace("\"riskClass\":4", "\"riskClass\":5")).toString());
    assertEquals(5, riskClass.code(), riskClass.out());
    assertTrue(riskClass.out().contains("\n  /industry/riskClass: 5 \u2192 4\n"), riskClass.out());
    // a figure of the echoed input: the recomputed decision is of that input, so its hash differs
    Run input = run("verify", "--rules", HUNAN,
        write("input.json", pretty.replace("\"231650.00\"", "\"231650.01\"")).toString());
    assertEquals(5, input.code(), input.out());
    assertTrue(input.out().startsWith("ALTERED: " + tmp.resolve("input.json") + ": the echoed input is not the one "
        + "that was decided, the record was altered (VR002: "), input.out());
    assertTrue(input.out().contains("\n    /inputSha256: "), input.out());
    // what follows from it, grouped under the headline: the payout ratio of 2024 computed anew
    assertTrue(input.out().contains("\n    /indicators/"), input.out());
  }

  /**
   * One digit changed anywhere in the record, in each layout, is never accepted: the check names the
   * value changed (or, for the echoed input, the input hash it no longer matches), or refuses the
   * record with a coded error at a pointer.
   */
  @Test
  void everySingleDigitChangeIsRejected() throws Exception {
    RuleTable table = RateFloat.loadTable(Path.of(HUNAN));
    String pretty = record();
    JsonNode original = JACKSON.readTree(pretty);
    int checked = 0;
    for (String layout : List.of(pretty, shuffled(pretty, 3))) {
      for (int i = 0; i < layout.length(); i++) {
        char c = layout.charAt(i);
        if (c < '0' || c > '9') {
          continue;
        }
        String edited = layout.substring(0, i) + (char) ('0' + (c - '0' + 1) % 10) + layout.substring(i + 1);
        String where = "digit at " + i + ": " + layout.substring(Math.max(0, i - 30), Math.min(layout.length(), i + 10));
        try {
          org.ratefloat.Verification outcome = table.verify(edited.getBytes(StandardCharsets.UTF_8), 50);
          if (changedLeaf(original, JACKSON.readTree(edited), "").equals("/library")) {
            // who made the record is its provenance: every decided value is still equal
            org.ratefloat.Verification.VerifiedByAnotherVersion v =
                assertInstanceOf(org.ratefloat.Verification.VerifiedByAnotherVersion.class, outcome, where);
            assertEquals(JACKSON.readTree(edited).get("library").textValue(), v.recordedLibrary(), where);
            assertEquals("ratefloat " + RateFloat.VERSION, v.library(), where);
            checked++;
            continue;
          }
          org.ratefloat.Verification.Mismatched m =
              assertInstanceOf(org.ratefloat.Verification.Mismatched.class, outcome, where);
          if (m.recomputed().isEmpty()) {
            // the edited input is one the table refuses (an as-of date outside its period, say)
            assertTrue(m.why().matches("the rule table does not decide the recorded input: [A-Z]{2}[0-9]{3} /.*"),
                where + " " + m.why());
            checked++;
            continue;
          }
          List<String> pointers = m.differences().stream().map(org.ratefloat.Verification.Difference::pointer).toList();
          String changed = changedLeaf(original, JACKSON.readTree(edited), "");
          if (changed.startsWith("/input")) {
            // the echo, or the hash it is named by (its value, or its key), no longer match: said
            // first, as the record altered
            assertTrue(m.altered().isPresent(), where);
            assertTrue(pointers.contains("/inputSha256"), where + " " + pointers);
          } else {
            assertTrue(m.altered().isEmpty(), where);
            assertTrue(pointers.contains(changed), where + " " + changed + " " + pointers);
          }
        } catch (RateFloatException refused) {
          assertTrue(refused.pointer().startsWith("/"), where + " " + refused.getMessage());
        }
        checked++;
      }
    }
    assertTrue(checked > 500, "digits checked: " + checked);
  }

  /**
   * The pointer of what differs between two trees that differ in one place: the leaf whose value
   * changed, or the key that is in {@code b} only.
   */
  private static String changedLeaf(JsonNode a, JsonNode b, String pointer) {
    if (a.isObject() && b.isObject()) {
      for (var e : b.properties()) {
        if (!a.has(e.getKey())) {
          return pointer + "/" + e.getKey();
        }
      }
      for (var e : a.properties()) {
        String found = changedLeaf(e.getValue(), b.get(e.getKey()), pointer + "/" + e.getKey());
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        String found = changedLeaf(a.get(i), b.get(i), pointer + "/" + i);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    return a.equals(b) ? null : pointer;
  }

  @Test
  void verifyTakesAWholeBatchOutputOfTenThousandRecords() throws Exception {
    Path in = tmp.resolve("portfolio.ndjson");
    PortfolioGenerator generator = new PortfolioGenerator(20_260_101L, 10_000, LocalDate.of(2025, 1, 1), 3);
    try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
      while (generator.hasNext()) {
        w.write(CanonicalJson.compact(generator.next()));
        w.write('\n');
      }
    }
    RuleTable table = RateFloat.loadTable(Path.of(HUNAN));
    Path out = tmp.resolve("decisions.ndjson");
    Batch.Summary summary = Batch.run(table::decide, in, out,
        new Batch.Options(2, Batch.Format.NDJSON, Batch.Format.NDJSON, true), null);
    assertEquals(10_000, summary.records());
    long errors = summary.records() - summary.decided();
    assertTrue(summary.decided() > 9_000, summary.toString());

    Run r = run("verify", "--rules", HUNAN, out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals(summary.decided() + " verified, 0 mismatched, 0 without input"
        + (errors > 0 ? ", " + errors + " error records (no decision to verify)" : "") + "\n", r.out());

    // one digit of one rate changed, and another line's keys shuffled: the change is found and named
    // (in the first 300 lines, to keep the test short)
    List<String> lines = new ArrayList<>(Files.readAllLines(out, StandardCharsets.UTF_8).subList(0, 300));
    int edited = -1;
    for (int i = 176; i < lines.size() && edited < 0; i++) {
      if (lines.get(i).contains("\"status\":\"ok\"")) {
        edited = i;
      }
    }
    Matcher m = Pattern.compile("\"rate\":\\{\"unit\":\"percent of payroll\",\"unrounded\":\"[0-9.]+\",\"value\":\"([0-9])")
        .matcher(lines.get(edited));
    assertTrue(m.find(), lines.get(edited));
    char digit = m.group(1).charAt(0);
    String before = lines.get(edited).substring(0, m.start(1));
    String after = lines.get(edited).substring(m.end(1));
    lines.set(edited, before + (char) ('0' + (digit - '0' + 1) % 10) + after);
    lines.set(10, shuffled(lines.get(10), 1));
    Path tampered = tmp.resolve("tampered.ndjson");
    Files.write(tampered, lines, StandardCharsets.UTF_8);
    Run t = run("verify", "--rules", HUNAN, tampered.toString());
    assertEquals(5, t.code(), t.out() + t.err());
    assertTrue(t.out().startsWith("MISMATCH line " + (edited + 1) + " (employer "), t.out());
    assertTrue(t.out().contains("\n  /decision/rate/value: "), t.out());
    long okLines = lines.stream().filter(l -> l.contains("\"status\":\"ok\"")).count();
    assertTrue(t.out().endsWith((okLines - 1) + " verified, 1 mismatched, 0 without input"
        + (okLines < 300 ? ", " + (300 - okLines) + " error records (no decision to verify)" : "") + "\n"), t.out());
  }

  @Test
  void batchOutputWithoutTheInputCannotBeVerified() throws Exception {
    Path in = tmp.resolve("two.ndjson");
    Files.writeString(in, String.join("\n",
        Files.readString(Path.of("examples/cn-hn-provisional/machinery.json")).replace("\n", ""),
        Files.readString(Path.of("examples/cn-hn-provisional/new-logistics-firm.json")).replace("\n", ""),
        "not json", ""));
    RuleTable table = RateFloat.loadTable(Path.of(HUNAN));
    Path plain = tmp.resolve("plain.ndjson");
    Batch.run(table::decide, in, plain, new Batch.Options(1, Batch.Format.NDJSON, Batch.Format.NDJSON, false), null);
    Run r = run("verify", "--rules", HUNAN, plain.toString());
    assertEquals(3, r.code(), r.out() + r.err());
    assertEquals("0 verified, 0 mismatched, 2 without input, 1 error records (no decision to verify)\n", r.out());
    assertEquals("ratefloat: IN004 /input: 2 of 2 records carry no input, so the rule table cannot re-decide them; "
        + "batch --echo-input writes records that carry it\n", r.err());
    Path echoed = tmp.resolve("echoed.ndjson");
    Batch.run(table::decide, in, echoed, new Batch.Options(1, Batch.Format.NDJSON, Batch.Format.NDJSON, true), null);
    Run e = run("verify", "--rules", HUNAN, echoed.toString());
    assertEquals(0, e.code(), e.out() + e.err());
    assertEquals("2 verified, 0 mismatched, 0 without input, 1 error records (no decision to verify)\n", e.out());
    // the same file, verified with another table: every record is a mismatch naming the tables
    Run other = run("verify", "--rules", "rules/cn-zj-hangzhou.json", echoed.toString());
    assertEquals(5, other.code(), other.out());
    assertTrue(other.out().contains("MISMATCH line 1 (employer HN-430100-000123):\n  the record names other tables "
        + "than cn-zj-hangzhou"), other.out());
    // CSV output has no column with the record
    Path csv = tmp.resolve("out.csv");
    Batch.run(table::decide, in, csv, new Batch.Options(1, Batch.Format.NDJSON, Batch.Format.CSV, false), null);
    Run c = run("verify", "--rules", HUNAN, csv.toString());
    assertEquals(3, c.code(), c.err());
    assertTrue(c.err().startsWith("ratefloat: IN001 /: CSV batch output carries no decision records"), c.err());
  }

  @Test
  void explainOfARecordThatDoesNotMatchSaysSoAndShowsBothSides() throws Exception {
    Path edited = write("edited.json", shuffled(record(), 5).replace("\"1.3500\"", "\"0.9000\""));
    Run en = run("explain", "--rules", HUNAN, edited.toString());
    assertEquals(5, en.code(), en.out() + en.err());
    assertTrue(en.out().startsWith("THE RECORD DOES NOT MATCH: for the input it carries, rule table cn-hn-provisional "
        + "gives another decision than the record says.\nWhat the record says \u2192 what the rule table gives:\n"
        + "  /rate/value: 0.9000 \u2192 1.3500\n"), en.out());
    // the recomputed account follows, labelled as the table's, never as the record's
    int label = en.out().indexOf("\nWhat the rule table gives (not what the record says):\nRate-floating decision: ");
    assertTrue(label > 0, en.out());
    assertTrue(en.out().indexOf("New rate: 1.3500 % of payroll") > label, en.out());
    assertFalse(en.out().contains("New rate: 0.9000"), en.out());
    Run zh = run("explain", "--rules", HUNAN, "--lang", "zh", edited.toString());
    assertEquals(5, zh.code());
    assertTrue(zh.out().startsWith("记录不符："), zh.out());
    assertTrue(zh.out().contains("  /rate/value: 0.9000 \u2192 1.3500\n"), zh.out());
    // an untouched record in another layout is explained as it is
    Run ok = run("explain", "--rules", HUNAN, write("ok.json", reindented(record())).toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().startsWith("VERIFIED: the record is the decision rule table cn-hn-provisional gives for the "
        + "input it carries (identical).\n\nRate-floating decision: HN-430100-000123"), ok.out());
  }

  @Test
  void explainRefusesATableTheRecordDoesNotName() throws Exception {
    Run other = run("explain", "--rules", "rules/cn-zj-hangzhou.json", RECORD);
    assertEquals(5, other.code(), other.out() + other.err());
    assertEquals("", other.out());
    assertTrue(other.err().startsWith("ratefloat: VR001 /tables: the record was made with cn-hn-provisional "), other.err());
    assertEquals(1, other.err().lines().count(), other.err());
    // the same id, but not the same bytes: a table edited since the record was made
    Path rules = Files.createDirectory(tmp.resolve("rules"));
    try (var files = Files.list(Path.of("rules"))) {
      for (Path f : files.toList()) {
        Files.copy(f, rules.resolve(f.getFileName()));
      }
    }
    Path hunan = rules.resolve("cn-hn-provisional.json");
    Files.writeString(hunan, Files.readString(hunan) + "\n");
    Run edited = run("explain", "--rules", hunan.toString(), RECORD);
    assertEquals(5, edited.code(), edited.out() + edited.err());
    assertTrue(edited.err().startsWith("ratefloat: VR001 /tables: "), edited.err());
    assertTrue(edited.err().contains(", not with cn-hn-provisional "), edited.err());
    // a record without its input cannot be checked, so it is not explained
    ObjectNode noInput = (ObjectNode) JACKSON.readTree(record());
    noInput.remove("input");
    Run without = run("explain", "--rules", HUNAN, write("no-input.json", noInput.toString()).toString());
    assertEquals(3, without.code(), without.out());
    assertTrue(without.err().startsWith("ratefloat: IN004 /input: the record carries no input"), without.err());
  }
}
