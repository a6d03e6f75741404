package org.ratefloat.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.text.Language;
import org.ratefloat.Cases;
import org.ratefloat.RuleTable;
import org.ratefloat.Verification;
import org.ratefloat.synthetic.PortfolioGenerator;

/**
 * The lean record ({@code batch --record lean}) says what the full record says of the decision, is
 * verified as the full record is (the table re-decides the echoed input and the lean form of its
 * decision is compared with the record), carries the full record's input hash when the input is not
 * echoed, and fails verification once anything in it is altered.
 */
class LeanRecordTest {
  private static final RuleTable HUNAN = Cases.table("cn-hn-provisional");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<String> full;
  private static List<String> lean;
  private static List<String> leanEchoed;

  @TempDir
  static Path tmp;

  @BeforeAll
  static void run() throws IOException {
    PortfolioGenerator gen = new PortfolioGenerator(17, 300, LocalDate.of(2025, 1, 1), 3);
    List<String> lines = new ArrayList<>();
    while (gen.hasNext()) {
      lines.add(JSON.writeValueAsString(gen.next()));
    }
    Path in = Files.write(tmp.resolve("in.ndjson"), lines, StandardCharsets.UTF_8);
    full = batch(in, "full.ndjson", new Batch.Options(2, Batch.Format.NDJSON, Batch.Format.NDJSON, false, false,
        Language.EN));
    lean = batch(in, "lean.ndjson", new Batch.Options(2, Batch.Format.NDJSON, Batch.Format.NDJSON, false, true,
        Language.EN));
    leanEchoed = batch(in, "lean-echo.ndjson", new Batch.Options(1, Batch.Format.NDJSON, Batch.Format.NDJSON, true,
        true, Language.EN));
  }

  private static List<String> batch(Path in, String name, Batch.Options options) throws IOException {
    Path out = tmp.resolve(name);
    Batch.run(HUNAN::decide, in, out, options, null);
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  @Test
  void saysWhatTheFullRecordSaysOfTheDecision() throws IOException {
    assertEquals(full.size(), lean.size());
    int decided = 0;
    for (int i = 0; i < full.size(); i++) {
      JsonNode f = JSON.readTree(full.get(i));
      JsonNode l = JSON.readTree(lean.get(i));
      if (!f.path("status").asText().equals("ok")) {
        assertEquals(f, l, "an error record is the same in both");
        continue;
      }
      decided++;
      JsonNode fd = f.get("decision");
      JsonNode ld = l.get("decision");
      assertEquals("ratefloat/decision-lean@1", ld.get("format").asText());
      for (String key : List.of("library", "tables", "inputSha256", "asOf", "employer", "industry", "benchmark",
          "previousBand", "newBand", "rate", "premium")) {
        assertEquals(fd.get(key), ld.get(key), key + " of line " + (i + 1));
      }
      // the fired steps, with their rows, in the full record's order
      List<String> fired = new ArrayList<>();
      for (JsonNode s : fd.get("steps")) {
        if (s.get("outcome").asText().equals("fired")) {
          fired.add(s.get("step").asText() + (s.has("row") ? "/" + s.get("row").asText() : ""));
        }
      }
      List<String> leanFired = new ArrayList<>();
      for (JsonNode s : ld.get("fired")) {
        leanFired.add(s.get("step").asText() + (s.has("row") ? "/" + s.get("row").asText() : ""));
      }
      assertEquals(fired, leanFired, "fired rows of line " + (i + 1));
      List<String> codes = new ArrayList<>();
      fd.get("warnings").forEach(w -> codes.add(w.get("code").asText()));
      List<String> leanCodes = new ArrayList<>();
      ld.get("warnings").forEach(w -> leanCodes.add(w.asText()));
      assertEquals(codes, leanCodes);
      assertTrue(lean.get(i).length() * 2 < full.get(i).length(), "a lean record is under half the full one");
    }
    assertTrue(decided >= 250, "decided " + decided);
  }

  @Test
  void verifiesAndExplainsWithTheFullTraceRecomputed() throws IOException {
    int verified = 0;
    for (int i = 0; i < leanEchoed.size(); i++) {
      byte[] line = leanEchoed.get(i).getBytes(StandardCharsets.UTF_8);
      Verification v = HUNAN.verify(line);
      if (v instanceof Verification.ErrorRecord) {
        continue;
      }
      Verification.Verified ok = assertInstanceOf(Verification.Verified.class, v, () -> leanEchoed.get(0));
      // the full trace, recomputed from the lean record, is the full record's
      JsonNode steps = JSON.readTree(full.get(i)).get("decision").get("steps");
      assertEquals(steps.size(), ok.decision().steps().size());
      for (int s = 0; s < steps.size(); s++) {
        assertEquals(steps.get(s).get("effect").asText(), ok.decision().steps().get(s).effect());
      }
      verified++;
    }
    assertTrue(verified >= 250, "verified " + verified);
    // without the input, the record names its hash: a case cannot be checked against it
    Verification without = HUNAN.verify(lean.get(0).getBytes(StandardCharsets.UTF_8));
    assertInstanceOf(Verification.WithoutInput.class, without);
  }

  @Test
  void anAlteredLeanRecordDoesNotVerify() throws IOException {
    String line = leanEchoed.stream().filter(l -> l.contains("\"status\":\"ok\"")).findFirst().orElseThrow();
    ObjectNode band = (ObjectNode) JSON.readTree(line);
    ObjectNode nb = (ObjectNode) band.get("decision").get("newBand");
    nb.put("offset", nb.get("offset").asInt() + 1);
    assertMismatched(band, "/decision/newBand/offset");

    ObjectNode row = (ObjectNode) JSON.readTree(line);
    ((ArrayNode) row.get("decision").get("fired")).remove(0);
    assertMismatched(row, "/decision/fired");

    ObjectNode input = (ObjectNode) JSON.readTree(line);
    ((ObjectNode) input.get("decision").get("input").get("employer")).put("id", "SOMEONE-ELSE");
    Verification v = HUNAN.verify(JSON.writeValueAsBytes(input));
    Verification.Mismatched m = assertInstanceOf(Verification.Mismatched.class, v);
    assertTrue(m.altered().isPresent(), "the echoed input no longer has the recorded hash");
  }

  private static void assertMismatched(JsonNode record, String under) throws IOException {
    Verification v = HUNAN.verify(JSON.writeValueAsBytes(record));
    Verification.Mismatched m = assertInstanceOf(Verification.Mismatched.class, v);
    assertTrue(m.differences().stream().anyMatch(d -> d.pointer().startsWith(under)),
        () -> "a difference under " + under + ": " + m.differences());
  }
}
