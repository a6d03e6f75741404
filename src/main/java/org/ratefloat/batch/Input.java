package org.ratefloat.batch;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;
import org.ratefloat.RateFloat;
import org.ratefloat.decision.Decision;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.json.CaseJson;
import org.ratefloat.json.Faults;
import org.ratefloat.json.JsonValue;
import org.ratefloat.model.RatingCase;

/**
 * One input record: its first line, its size in bytes and either its document or why it could not
 * be read.
 */
record Input(long line, long size, byte[] bytes, JsonNode tree, RateFloatException unreadable) {
  /**
   * The decision of the case the record holds, as submitted: the NDJSON line as it is, or the
   * case document the CSV rows of one employer make.
   */
  Decision decide(Function<byte[], Decision> decide) {
    if (unreadable != null) {
      throw unreadable;
    }
    byte[] document = tree != null ? CanonicalJson.compact(tree).getBytes(StandardCharsets.UTF_8) : bytes;
    try {
      return decide.apply(document);
    } catch (InputException refused) {
      // a blank line is never a case: told apart only once refused, not decoded for every record
      if (tree == null && new String(bytes, StandardCharsets.UTF_8).isBlank()) {
        throw new InputException(ErrorCode.IN001, "", "empty line");
      }
      throw refused;
    }
  }

  /** The case the record holds, checked as any case document is. */
  RatingCase toCase() {
    if (unreadable != null) {
      throw unreadable;
    }
    if (tree != null) {
      return CaseJson.read(JsonValue.root(tree, Faults.INPUT));
    }
    try {
      return RateFloat.readCase(bytes);
    } catch (InputException refused) {
      // a blank line is never a case: told apart only once refused, not decoded for every record
      if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
        throw new InputException(ErrorCode.IN001, "", "empty line");
      }
      throw refused;
    }
  }
}
