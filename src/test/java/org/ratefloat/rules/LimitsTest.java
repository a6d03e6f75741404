package org.ratefloat.rules;

import org.ratefloat.document.DocumentFiles;
import org.ratefloat.error.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ratefloat.Assertions2;
import org.ratefloat.Cases;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;

/**
 * Tables built to exhaust the analysis, the stack or the arithmetic are refused or reported within
 * their limits, with a code and a pointer: the repro of each class of fault and its neighbours.
 */
class LimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path VALID = Path.of("src/test/resources/broken-tables/helper-valid.json");

  private static ObjectNode valid() throws Exception {
    return (ObjectNode) JSON.readTree(Files.readAllBytes(VALID));
  }

  private static LoadedTable load(ObjectNode table) throws Exception {
    return RuleTables.load(new DocumentFiles.Named("limits.json", JSON.writeValueAsBytes(table)),
        id -> Optional.empty());
  }

  private static ObjectNode label(ObjectNode o) {
    o.putObject("label").put("zh", "测").put("en", "test");
    return o;
  }

  private static ObjectNode formula(String id, ObjectNode expr) {
    ObjectNode f = JSON.createObjectNode().put("id", id).put("kind", "formula");
    label(f).set("expr", expr);
    return f;
  }

  private static ObjectNode op(String name, String... args) {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode a = o.putArray(name);
    for (String arg : args) {
      a.add(arg);
    }
    return o;
  }

  /** A step that tests {@code indicator} so that it is analysed and computed. */
  private static void use(ObjectNode table, String indicator) {
    ObjectNode step = JSON.createObjectNode().put("id", "uses-" + indicator).put("kind", "table");
    label(step).put("hitPolicy", "UNIQUE").put("noMatch", "skip");
    ObjectNode row = step.putArray("rows").addObject().put("id", "any");
    row.putObject("when").putObject(indicator).put("ge", "0");
    row.putObject("then").put("addRatePoints", "0");
    ((ArrayNode) table.get("steps")).insert(1, step);
  }

  @Test
  void twoThousandOverlappingRowsAreCountedNotListed() throws Exception {
    // "injuries le i", i = 1..2000, all under UNIQUE: 1,999,000 overlapping pairs of rows
    ObjectNode t = valid();
    ObjectNode step = (ObjectNode) ((ArrayNode) t.get("steps")).get(1);
    ArrayNode rows = step.putArray("rows");
    for (int i = 1; i <= 2000; i++) {
      ObjectNode row = rows.addObject().put("id", "r" + i);
      row.putObject("when").putObject("injuries").put("le", String.valueOf(i));
      row.putObject("then").put("addBands", 1);
    }
    var e = Assertions2.assertFails(ErrorCode.RT021, "/steps/1/rows/0", () -> load(t));
    List<Finding> findings = RuleTables.resolve(new DocumentFiles.Named("limits.json",
        JSON.writeValueAsBytes(t)), id -> Optional.empty()).findings();
    long listed = findings.stream().filter(f -> f.code() == ErrorCode.RT021).count();
    assertEquals(Analyzer.MAX_OVERLAPS_PER_STEP + 1, listed, findings.toString());
    assertTrue(findings.stream().anyMatch(f -> f.text().equals("RT021 error /steps/1: and 1998990 more "
        + "overlapping pairs of rows in step injury-add-on")), findings.toString());
    assertTrue(e.getMessage().contains("overlaps"), e.getMessage());
  }

  @Test
  void aLongChainOfFormulasIsRefusedWithoutExhaustingTheStack() throws Exception {
    ObjectNode t = valid();
    ArrayNode indicators = (ArrayNode) t.get("indicators");
    indicators.add(formula("f0", op("add", "ratio", "ratio")));
    for (int i = 1; i < 20_000; i++) {
      indicators.add(formula("f" + i, op("add", "f" + (i - 1), "ratio")));
    }
    use(t, "f19999");
    var e = Assertions2.assertFails(ErrorCode.RT017, "/indicators/36/expr", () -> load(t));
    assertTrue(e.getMessage().contains("more than 32 formulas"), e.getMessage());
  }

  @Test
  void aLongCycleOfFormulasIsNamedWithoutExhaustingTheStack() throws Exception {
    ObjectNode t = valid();
    ArrayNode indicators = (ArrayNode) t.get("indicators");
    for (int i = 0; i < 20_000; i++) {
      indicators.add(formula("f" + i, op("add", "f" + ((i + 1) % 20_000), "ratio")));
    }
    use(t, "f0");
    var e = Assertions2.assertFails(ErrorCode.RT018, "/indicators/4/expr", () -> load(t));
    assertTrue(e.getMessage().contains("circular definition: f0 -> f1 -> f2"), e.getMessage());
    assertTrue(e.getMessage().contains("f19999 -> f0"), e.getMessage());
  }

  @Test
  void aFormulaWithTooManyOperandsIsRefused() throws Exception {
    ObjectNode t = valid();
    String[] args = new String[80_000];
    java.util.Arrays.fill(args, "ratio");
    ((ArrayNode) t.get("indicators")).add(formula("bomb", op("mul", args)));
    use(t, "bomb");
    var e = Assertions2.assertFails(ErrorCode.RT017, "/indicators/4/expr", () -> load(t));
    assertTrue(e.getMessage().contains("more than 256"), e.getMessage());
  }

  @Test
  void anIntermediateValueBeyondTheDigitLimitIsRefusedAtDecision() throws Exception {
    // 200 factors of 4500100.00/90000.00 (the exact ratio 50.0011 %) reach more than 1,000 digits
    ObjectNode t = valid();
    ((ObjectNode) t.get("indicators").get(0)).remove("round");
    String[] args = new String[200];
    java.util.Arrays.fill(args, "ratio");
    ((ArrayNode) t.get("indicators")).add(formula("power", op("mul", args)));
    use(t, "power");
    RuleTable table = RateFloat.loadTable("limits.json", JSON.writeValueAsBytes(t), id -> Optional.empty());
    var c = Cases.employer().riskClass(2).period(Cases.year(2024).premiums("90000.00").benefits("45001.00"));
    var e = Assertions2.assertFails(ErrorCode.RT017, "/indicators/4/expr/mul", () -> c.decide(table));
    assertTrue(e.getMessage().contains("more than 1000 digits"), e.getMessage());
    // 50 factors stay within the limit and decide: the ratio is over 50 %, so the band is 0
    String[] fewer = new String[50];
    java.util.Arrays.fill(fewer, "ratio");
    ((ObjectNode) ((ArrayNode) t.get("indicators")).get(4)).set("expr", op("mul", fewer));
    RuleTable ok = RateFloat.loadTable("limits.json", JSON.writeValueAsBytes(t), id -> Optional.empty());
    assertEquals(0, c.decide(ok).newBand().offset());
  }
}
