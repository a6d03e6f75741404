package org.ratefloat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.decision.Decision;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.json.DecisionJson;
import org.ratefloat.json.Fault;
import org.ratefloat.json.Faults;
import org.ratefloat.json.JsonDiff;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonOut;
import org.ratefloat.json.JsonValue;
import org.ratefloat.json.StrictJson;
import org.ratefloat.json.Submitted;
import java.util.List;

/**
 * Checks a decision record against a rule table, the one check behind {@link RuleTable#verify}:
 * re-decide the input the record carries and compare the canonical form (RFC 8785) of the record
 * with that of the recomputed decision. Differences are found by walking both trees, so the check
 * knows no field of the record but {@code format}, {@code tables} and {@code input}; of a batch
 * output line it knows {@code status}, {@code employerId} and {@code decision}.
 */
final class RecordCheck {
  private static final StrictJson JSON = StrictJson.forInput();

  private RecordCheck() {}

  /** Parses a document (strictly, as any input document). */
  static JsonValue parse(byte[] bytes) {
    return JsonValue.root(JSON.read(bytes, Faults.INPUT), Faults.INPUT);
  }

  /** Whether a document is a decision record (by its {@code format}). */
  static boolean isRecord(JsonValue document) {
    JsonNode format = document.node().get("format");
    return document.node().isObject() && format != null && format.isTextual()
        && DecisionJson.CHECKED.contains(format.textValue());
  }

  /** Whether a document is a line of a batch output: {@code status}, and a {@code decision} or an {@code error}. */
  static boolean isBatchLine(JsonValue document) {
    JsonNode n = document.node();
    return n.isObject() && !n.has("format") && n.path("status").isTextual()
        && (n.has("decision") || n.has("error"));
  }

  /**
   * Checks a decision record, or a batch output line ({@code status}, {@code employerId},
   * {@code decision}); differences are listed up to {@code limit}, with pointers into the document.
   *
   * @throws RateFloatException if the document is neither, or the input it carries cannot be read
   */
  static Verification check(RuleTable table, byte[] bytes, int limit) {
    JsonValue document = parse(bytes);
    if (isRecord(document) || !document.node().isObject() || !document.node().has("status")) {
      return check(table, document, Optional.empty(), limit);
    }
    JsonObject line = document.asObject();
    JsonValue status = line.req("status");
    if (status.asString().equals("error")) {
      return new Verification.ErrorRecord();
    }
    if (!status.asString().equals("ok")) {
      throw status.fail(Fault.BAD_VALUE, "neither a decision record nor a batch record of status ok or error");
    }
    return check(table, line.req("decision"), line.optText("employerId"), limit);
  }

  private static Verification check(RuleTable table, JsonValue record, Optional<String> employerId, int limit) {
    JsonObject o = record.asObject();
    String format = org.ratefloat.json.Formats.require(o, DecisionJson.FORMAT,
        List.of(DecisionJson.FORMAT_1, DecisionJson.FORMAT_LEAN));
    boolean names = names(table, record);
    String named = tablesNamed(record);
    if (!o.has("input")) {
      return new Verification.WithoutInput(names, named);
    }
    JsonValue echo = o.req("input");
    Submitted submitted = Submitted.of(echo);
    Optional<Verification.Altered> altered = altered(record, echo, submitted, format);
    List<Verification.Reason> why = new java.util.ArrayList<>();
    if (!names) {
      why.add(new Verification.Reason("verify.why.otherTables", org.ratefloat.text.Message.values("table", table.id(),
          "sha256", table.sha256().substring(0, 12) + "…")));
    }
    Decision recomputed;
    try {
      recomputed = table.decide(submitted);
    } catch (RateFloatException refused) {
      return Verification.Mismatched.of(why, Optional.of(refused), List.of(), 0,
          Optional.empty(), employerId, names, named, altered);
    }
    String recorded;
    try {
      recorded = CanonicalJson.jcs(record.node());
    } catch (JsonOut.NotCanonicalException outside) {
      recorded = null; // a value no record of ours holds, e.g. a decimal as a JSON number: a difference
    }
    String again = canonical(recomputed, format);
    if (again.equals(recorded)) {
      return new Verification.Verified(recomputed, sha256(again));
    }
    // who made the record is its provenance: with the recorded library, is every decided value equal?
    JsonNode library = record.node().get("library");
    Decision asRecorded = recomputed;
    if (library != null && library.isTextual() && !library.textValue().equals(recomputed.library())) {
      asRecorded = recomputed.toBuilder().library(library.textValue()).build();
      String same = canonical(asRecorded, format);
      if (same.equals(recorded)) {
        return new Verification.VerifiedByAnotherVersion(recomputed, sha256(same), library.textValue(),
            recomputed.library());
      }
      again = same;
    }
    JsonNode tree = JSON.read(again.getBytes(StandardCharsets.UTF_8), Faults.INPUT);
    JsonDiff.Result differences = JsonDiff.between(record.node(), tree, record.pointer(), limit);
    if (differences.isEmpty()) {
      // cannot happen while JsonDiff and the canonical form agree; never report a mismatch without a reason
      throw new IllegalStateException("canonical forms differ but no difference was found at " + record.pointer());
    }
    if (names) {
      // the table is the record's, but a file it reads (base, classification, reference data) is not
      why = otherFiles(record, recomputed);
    }
    if (asRecorded != recomputed) {
      why.add(new Verification.Reason("verify.why.madeBy", org.ratefloat.text.Message.values("recorded",
          library.textValue(), "library", recomputed.library())));
    }
    return Verification.Mismatched.of(why, Optional.empty(), differences.shown().stream()
        .map(d -> new Verification.Difference(d.pointer(), d.left(), d.right())).toList(), differences.total(),
        Optional.of(recomputed), employerId, names, named, altered);
  }

  /** The canonical form of a decision's record in {@code format}, with its input. */
  private static String canonical(Decision d, String format) {
    JsonOut out = JsonOut.canonical();
    DecisionJson.write(d, out, true, format);
    return out.text();
  }

  private static String sha256(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
  }

  /**
   * Whether the echoed input is the one the record's {@code inputSha256} names: in {@code @2} the
   * hash of the echo's canonical form, in {@code @1} too (it echoed the case as read, and hashed that).
   */
  private static Optional<Verification.Altered> altered(JsonValue record, JsonValue echo, Submitted submitted,
      String format) {
    String echoed;
    try {
      echoed = format.equals(DecisionJson.FORMAT_1) ? sha256(CanonicalJson.jcs(echo.node()))
          : submitted.canonical().sha256();
    } catch (JsonOut.NotCanonicalException outside) {
      echoed = "(no canonical form)";
    }
    JsonNode recorded = record.node().get("inputSha256");
    String named = recorded != null && recorded.isTextual() ? recorded.textValue() : String.valueOf(recorded);
    return named.equals(echoed) ? Optional.empty()
        : Optional.of(new Verification.Altered(org.ratefloat.text.Printable.escape(named), echoed));
  }

  /**
   * The files the table read that the record names with another SHA-256, e.g. {@code reference data
   * cn-credibility-example: the record names e762b2dc3451…, the table read d78044aa2505…}; empty if none.
   */
  private static List<Verification.Reason> otherFiles(JsonValue record, Decision recomputed) {
    JsonNode tables = record.node().get("tables");
    List<Verification.Reason> other = new java.util.ArrayList<>();
    for (org.ratefloat.decision.TableRef read : recomputed.tables()) {
      String recorded = null;
      if (tables != null && tables.isArray()) {
        for (JsonNode t : tables) {
          if (t.path("role").asText("").equals(read.role()) && t.path("id").asText("").equals(read.id())) {
            recorded = t.path("sha256").asText("");
          }
        }
      }
      if (recorded == null) {
        other.add(new Verification.Reason("verify.why.file.unnamed", org.ratefloat.text.Message.values("role",
            read.role(), "id", read.id())));
      } else if (!recorded.equals(read.sha256())) {
        other.add(new Verification.Reason("verify.why.file.other", org.ratefloat.text.Message.values("role",
            read.role(), "id", read.id(), "recorded", prefix(recorded), "read", prefix(read.sha256()))));
      }
    }
    return other;
  }

  private static String prefix(String sha) {
    return sha.substring(0, Math.min(12, sha.length())) + "…";
  }

  /** Whether the record names the table's own file (its id and SHA-256) among its {@code tables}. */
  private static boolean names(RuleTable table, JsonValue record) {
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
  private static String tablesNamed(JsonValue record) {
    JsonNode tables = record.node().get("tables");
    java.util.List<String> named = new java.util.ArrayList<>();
    if (tables != null && tables.isArray()) {
      for (JsonNode t : tables) {
        String sha = t.path("sha256").asText("");
        named.add(t.path("id").asText("?") + " " + sha.substring(0, Math.min(12, sha.length())) + "…");
      }
    }
    return named.isEmpty() ? "no tables" : org.ratefloat.text.Printable.escape(String.join(", ", named));
  }
}
