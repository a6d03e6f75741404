package org.ratefloat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.batch.Batch;
import org.ratefloat.decision.Decision;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.json.CaseJson;
import org.ratefloat.json.Faults;
import org.ratefloat.json.JsonOut;
import org.ratefloat.json.JsonValue;
import org.ratefloat.json.StrictJson;
import org.ratefloat.json.Submitted;
import org.ratefloat.model.RatingCase;

/**
 * The stages of one NDJSON batch record, each callable alone, made of the calls the batch makes:
 * read the line into the case model (one streaming pass, which also writes the line's canonical form,
 * RFC 8785), decide, hash the input as submitted (the SHA-256 of that canonical form), write the decision record (without the input echo, batch's
 * default) as UTF-8 bytes. The batch decides the line as submitted ({@link #decide(RuleTable, byte[])},
 * which reads it too); the decide stage alone decides a case already read. The tree path, a strict parse and
 * then validating the tree into the model, is kept for comparison: it reads the input of a decision
 * record and a CSV employer, and says why a document is refused. They reach into the
 * library's internals (the {@code json} package), and only here: when the batch's pipeline changes,
 * this class changes with it; {@code StagesTest} checks that the stages together still give the
 * batch's own output, byte for byte.
 */
final class Stages {
  private static final StrictJson JSON = StrictJson.forInput();
  private static final Batch.Options OPTIONS = new Batch.Options(1, Batch.Format.NDJSON, Batch.Format.NDJSON, false);
  private static final ThreadLocal<JsonOut> WRITER = ThreadLocal.withInitial(() -> new JsonOut(false));

  private Stages() {}

  /**
   * Read: the case model from the bytes of one line, in one streaming pass, as the batch reads it;
   * the same pass writes the line's canonical form (RFC 8785), which the input hash is taken over.
   */
  static RatingCase read(byte[] line) {
    return Submitted.read(line).input();
  }

  /** The canonical form of a line as the read makes it, UTF-8: what {@link #inputHash} hashes. */
  static byte[] canonical(byte[] line) {
    return Submitted.read(line).canonical().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Parse, on the tree path: the strict reader's tree of one line. */
  static JsonNode parse(byte[] line) {
    return JSON.read(line, Faults.INPUT);
  }

  /** Validate, on the tree path: the case model from a parsed tree, every input rule checked. */
  static RatingCase validate(JsonNode tree) {
    return CaseJson.read(JsonValue.root(tree, Faults.INPUT));
  }

  /** Decide: the decision of a case already read, its input hash not yet computed. */
  static Decision decide(RuleTable table, RatingCase c) {
    return table.decide(c);
  }

  /** Read and decide a line as the batch does: as submitted, its input hash not yet computed. */
  static Decision decide(RuleTable table, byte[] line) {
    return table.decide(line);
  }

  /**
   * Input hash: the SHA-256 of a line's canonical form (RFC 8785, as {@link #canonical} gives it),
   * as a record of the line names it.
   */
  static String inputHash(byte[] canonical) {
    return CanonicalJson.sha256(canonical);
  }

  /**
   * Write: the output line of a decided record (its input hash already known), UTF-8, by the batch's
   * own writer, reused record after record on a thread as a batch worker reuses it.
   */
  static byte[] write(long line, Decision d) {
    JsonOut out = WRITER.get().reset();
    Batch.decisionRecord(out, line, d, OPTIONS);
    return out.bytes();
  }

  /** All of it for one line: the output line of its record. */
  static byte[] record(RuleTable table, long line, byte[] bytes) {
    return write(line, decide(table, bytes));
  }
}
