package org.ratefloat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.json.CaseJson;
import org.ratefloat.json.DecisionJson;
import org.ratefloat.json.Fault;
import org.ratefloat.json.Faults;
import org.ratefloat.json.JsonDiff;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonOut;
import org.ratefloat.json.JsonValue;
import org.ratefloat.json.StrictJson;
import org.ratefloat.model.RatingCase;

/**
 * Checks a decision record against a rule table, the one check {@code verify} and {@code explain}
 * make: re-decide the input the record carries and compare the canonical form (RFC 8785) of the
 * record with that of the recomputed decision. The record may come in any layout (pretty, on one
 * line, re-indented, keys in any order): only its canonical form counts. Differences are found by
 * walking both trees, so the check knows no field of the record but {@code format}, {@code tables}
 * and {@code input}.
 */
final class RecordCheck {
  private static final StrictJson JSON = StrictJson.forInput();

  private RecordCheck() {}

  /** What checking one record found. */
  sealed interface Outcome permits Verified, Mismatched, WithoutInput {}

  /**
   * The record is the decision the table gives for its input.
   *
   * @param sha256 SHA-256 of the record's canonical form
   */
  record Verified(Decision decision, String sha256) implements Outcome {}

  /**
   * The record is not what the table gives for its input.
   *
   * @param why a sentence when the comparison alone does not say it (other tables, a case the table
   *     refuses), else empty
   * @param differences each differing value, recorded → recomputed
   * @param recomputed what the table gives, unless it refuses the case
   */
  record Mismatched(String why, JsonDiff.Result differences, Optional<Decision> recomputed) implements Outcome {}

  /** The record does not carry its input (a batch written without {@code --echo-input}). */
  record WithoutInput() implements Outcome {}

  /** Parses a document (strictly, as any input document). */
  static JsonValue parse(byte[] bytes) {
    return JsonValue.root(JSON.read(bytes, Faults.INPUT), Faults.INPUT);
  }

  /** Whether a document is a decision record (by its {@code format}), wherever that key sits. */
  static boolean isRecord(JsonValue document) {
    JsonNode format = document.node().get("format");
    return document.node().isObject() && format != null && format.isTextual()
        && format.textValue().equals(DecisionJson.FORMAT);
  }

  /** Whether the record names the table's own file (its id and SHA-256) among its {@code tables}. */
  static boolean names(RuleTable table, JsonValue record) {
    JsonNode tables = record.node().get("tables");
    if (tables == null || !tables.isArray()) {
      return false;
    }
    for (JsonNode t : tables) {
      if (t.path("id").asText("").equals(table.id()) && t.path("sha256").asText("").equals(table.sha256())) {
        return true;
      }
    }
    return false;
  }

  /** The tables a record names, for a message: {@code id sha256-prefix…}, comma-separated. */
  static String tablesNamed(JsonValue record) {
    JsonNode tables = record.node().get("tables");
    java.util.List<String> named = new java.util.ArrayList<>();
    if (tables != null && tables.isArray()) {
      for (JsonNode t : tables) {
        String sha = t.path("sha256").asText("");
        named.add(t.path("id").asText("?") + " " + sha.substring(0, Math.min(12, sha.length())) + "…");
      }
    }
    return named.isEmpty() ? "no tables" : JsonDiff.printable(String.join(", ", named));
  }

  /**
   * Checks one record; differences are listed up to {@code limit}, with pointers into the document
   * the record came from.
   *
   * @throws RateFloatException if the record is not a decision record or its input cannot be read
   */
  static Outcome check(RuleTable table, JsonValue record, int limit) {
    JsonObject o = record.asObject();
    org.ratefloat.json.Formats.require(o, DecisionJson.FORMAT);
    if (!o.has("input")) {
      return new WithoutInput();
    }
    RatingCase input = CaseJson.read(o.req("input"));
    String why = names(table, record) ? "" : "the record names other tables than " + table.id() + " ("
        + table.sha256().substring(0, 12) + "…)";
    Decision recomputed;
    try {
      recomputed = table.decide(input);
    } catch (RateFloatException refused) {
      String reason = "the rule table does not decide the recorded input: " + refused.getMessage();
      return new Mismatched(why.isEmpty() ? reason : why + "; " + reason, new JsonDiff.Result(java.util.List.of(), 0),
          Optional.empty());
    }
    JsonOut out = JsonOut.canonical();
    DecisionJson.write(recomputed, out, true);
    String again = out.text();
    String recorded;
    try {
      recorded = CanonicalJson.jcs(record.node());
    } catch (JsonOut.NotCanonicalException outside) {
      recorded = null; // a value no record of ours holds, e.g. a decimal as a JSON number: a difference
    }
    if (again.equals(recorded)) {
      return new Verified(recomputed, Hashing.sha256().hashString(again, StandardCharsets.UTF_8).toString());
    }
    JsonNode tree = JSON.read(again.getBytes(StandardCharsets.UTF_8), Faults.INPUT);
    JsonDiff.Result differences = JsonDiff.between(record.node(), tree, record.pointer(), limit);
    if (differences.isEmpty()) {
      // cannot happen while JsonDiff and the canonical form agree; never report a mismatch without a reason
      throw new IllegalStateException("canonical forms differ but no difference was found at " + record.pointer());
    }
    return new Mismatched(why, differences, Optional.of(recomputed));
  }

  /** The refusal of {@code explain} given a table the record does not name. */
  static final class ForeignTable extends RateFloatException {
    private static final long serialVersionUID = 1L;

    ForeignTable(String detail) {
      super(ErrorCode.VR001, "/tables", detail);
    }
  }
}
