package org.ratefloat.rules;

import org.ratefloat.document.DocumentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;

/** A table's worksheet: the lines an account shows, each an indicator computed and recorded. */
class WorksheetTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MOD = Path.of("src/test/resources/format2/computed-mod.json");

  private static RuleTable load(ObjectNode table) throws Exception {
    return RateFloat.loadTable("worksheet.json", JSON.writeValueAsBytes(table), id -> Optional.empty());
  }

  private static ObjectNode withWorksheet(String... lineThenIndicator) throws Exception {
    ObjectNode t = (ObjectNode) JSON.readTree(Files.readAllBytes(MOD));
    ArrayNode lines = t.putArray("worksheet");
    for (int i = 0; i < lineThenIndicator.length; i += 2) {
      lines.addObject().put("line", lineThenIndicator[i]).put("indicator", lineThenIndicator[i + 1]);
    }
    return t;
  }

  @Test
  void theNcciTableLaysOutTheIllinoisWorksheetLines() {
    RuleTable ncci = RateFloat.bundledTable("us-ncci-mod");
    assertEquals(List.of("A W", "C Ee", "D E", "E Ep", "F Ae", "G B", "H H", "I Ap", "J J", "K K", "Mod mod"),
        ncci.worksheet().stream().map(l -> l.line() + " " + l.indicator()).toList());
  }

  @Test
  void everyLineIsComputedAndRecordedThoughNoStepReadsIt() throws Exception {
    RuleTable ncci = RateFloat.bundledTable("us-ncci-mod");
    Decision d = ncci.decide(RateFloat.readCase(Path.of("examples/us-ncci-mod/multi-class-contractor.json")));
    // H (actual incurred losses, as limited) is read by no step and no other indicator
    IndicatorValue h = d.indicators().stream().filter(v -> v.id().equals("H")).findFirst().orElseThrow();
    // lost-time 37,000.00 + medical-only at 30 % 1,200.0000 (NcciModTableTest works the case by hand)
    assertEquals("38200.0000", h.value().render());
    // J = I + C (1 - A) + G + A F and K = E + C (1 - A) + G + A C, the stabilizing value and the ratable
    // excess in whole dollars (J keeps the four places of Ap); the mod J / K as the worksheet prints it
    assertEquals("127581.0000", value(d, "J"));
    assertEquals("119585", value(d, "K"));
    assertEquals("1.07", value(d, "mod"));
    String record = new String(RateFloat.toJson(d), StandardCharsets.UTF_8);
    assertTrue(ncci.verify(record.getBytes(StandardCharsets.UTF_8)) instanceof org.ratefloat.Verification.Verified);
  }

  private static String value(Decision d, String id) {
    return d.indicators().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow().value().render();
  }

  @Test
  void aLineNamesAnIndicatorOfTheTableOnce() throws Exception {
    assertEquals(List.of("W w", "B b", "M mod"),
        load(withWorksheet("W", "w", "B", "b", "M", "mod")).worksheet().stream()
            .map(l -> l.line() + " " + l.indicator()).toList());
    RuleTableException unknown = assertThrows(RuleTableException.class,
        () -> load(withWorksheet("A", "w", "B", "ballast")));
    assertEquals(ErrorCode.RT008, unknown.code());
    assertEquals("/worksheet/1/indicator", unknown.pointer());
    RuleTableException twice = assertThrows(RuleTableException.class,
        () -> load(withWorksheet("A", "w", "A", "b")));
    assertEquals(ErrorCode.RT007, twice.code());
    assertEquals("/worksheet/1/line", twice.pointer());
    RuleTableException name = assertThrows(RuleTableException.class,
        () -> load(withWorksheet("line A", "w")));
    assertEquals("/worksheet/0/line", name.pointer());
  }

  @Test
  void aRuleTableOfFormatOneHasNoWorksheet() throws Exception {
    ObjectNode hangzhou = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("rules/cn-zj-hangzhou.json")));
    hangzhou.putArray("worksheet").addObject().put("line", "A").put("indicator", "payoutRatio");
    RuleTableException e = assertThrows(RuleTableException.class, () -> RateFloat.loadTable("hangzhou.json",
        JSON.writeValueAsBytes(hangzhou), id -> DocumentFiles.bundledFile(id + ".json").map(DocumentFiles.Named::bytes)));
    assertEquals(ErrorCode.RT003, e.code());
    assertEquals("/worksheet", e.pointer());
  }
}
