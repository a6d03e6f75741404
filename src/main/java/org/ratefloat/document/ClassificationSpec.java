package org.ratefloat.document;

import org.ratefloat.document.TableStatus;
import org.ratefloat.document.Text;
import com.google.common.collect.ImmutableMap;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;

/**
 * An industry → risk-class table (such as the 2015 annex), per edition of GB/T 4754.
 *
 * @param sha256 SHA-256 of the file's exact bytes
 */
public record ClassificationSpec(
    String source,
    String sha256,
    String id,
    String version,
    Text title,
    ImmutableMap<Edition, EditionTable> editions) {

  /**
   * One edition's mapping.
   *
   * @param classes code prefix (2, 3 or 4 digits) → risk class, in code order; the longest matching
   *     prefix wins
   * @param unmapped codes with no class in this table, with the reason
   * @param needsDetail divisions whose class depends on a longer code, with the reason
   */
  public record EditionTable(
      TableStatus status,
      ImmutableMap<String, Integer> classes,
      ImmutableMap<String, String> unmapped,
      ImmutableMap<String, String> needsDetail) {}

  /**
   * The risk class of an industry code.
   *
   * @throws InputException IN013 if the edition is not covered, IN014 if the code has no class,
   *     IN015 if the code is too short to decide, IN012 if the code is unknown
   */
  public int classify(IndustryCode code) {
    String pointer = "/employer/industry/code";
    EditionTable table = editions.get(code.edition());
    if (table == null) {
      throw new InputException(ErrorCode.IN013, "/employer/industry/edition",
          "classification " + id + " does not cover " + code.edition().label());
    }
    String c = code.code();
    for (int len = c.length(); len >= 2; len--) {
      String reason = table.unmapped().get(c.substring(0, len));
      if (reason != null) {
        throw new InputException(ErrorCode.IN014, pointer, code.edition().label() + " code " + c
            + " has no risk class in " + id + " (" + reason + "); give riskClassOverride");
      }
    }
    for (int len = c.length(); len >= 2; len--) {
      Integer riskClass = table.classes().get(c.substring(0, len));
      if (riskClass != null) {
        return riskClass;
      }
      String detail = table.needsDetail().get(c.substring(0, len));
      if (detail != null) {
        throw new InputException(ErrorCode.IN015, pointer, code.edition().label() + " code " + c
            + " is ambiguous: " + detail);
      }
    }
    throw new InputException(ErrorCode.IN012, pointer,
        "unknown " + code.edition().label() + " code: " + c);
  }
}
