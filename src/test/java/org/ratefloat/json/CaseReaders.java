package org.ratefloat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.model.RatingCase;

/**
 * The two case readers side by side, for tests in any package: the streaming pass and the tree
 * reader it must agree with (the reference, which also reports every fault).
 */
public final class CaseReaders {
  private CaseReaders() {}

  /** The streaming pass alone: the case, or {@code null} where it refuses the document. */
  public static RatingCase stream(byte[] bytes) {
    return CaseStream.read(bytes);
  }

  /** The reference: the strict tree of the document, then the case read from the tree. */
  public static RatingCase tree(byte[] bytes) {
    return CaseJson.readTree(bytes);
  }

  /**
   * Asserts that the readers agree on {@code bytes}: the streaming pass reads an equal case where
   * the tree reader reads one and refuses the document where the tree reader refuses it, and
   * {@link RateFloat#readCase(byte[])} gives the same case, or the same code, pointer and message.
   *
   * @return {@code "read"}, or {@code "refused "} and the code
   */
  public static String agree(byte[] bytes) {
    RatingCase reference;
    try {
      reference = tree(bytes);
    } catch (RateFloatException refused) {
      assertNull(stream(bytes), () -> "the streaming pass reads what the tree reader refuses with " + refused
          + ": " + shown(bytes));
      assertNull(CaseStream.submission(bytes), () -> "the pass over a submission reads what the tree reader "
          + "refuses with " + refused + ": " + shown(bytes));
      RateFloatException e = assertThrowsRateFloat(bytes);
      assertEquals(refused.code(), e.code(), () -> "code: " + shown(bytes));
      assertEquals(refused.pointer(), e.pointer(), () -> "pointer: " + shown(bytes));
      assertEquals(refused.getMessage(), e.getMessage(), () -> "message: " + shown(bytes));
      return "refused " + refused.code();
    }
    RatingCase streamed = stream(bytes);
    assertNotNull(streamed, () -> "the streaming pass refuses what the tree reader reads: " + shown(bytes));
    assertEquals(reference, streamed, () -> "the streaming pass reads another case: " + shown(bytes));
    assertEquals(reference, RateFloat.readCase(bytes));
    sameSubmission(bytes, reference);
    return "read";
  }

  /**
   * Asserts that the pass over a submitted document gives what the tree gives: the same case, the
   * canonical form {@link CanonicalJson#jcs} writes from the strict tree (or none where that refuses
   * the tree), and the status flags and {@code medicalOnly} keys the tree has.
   */
  static void sameSubmission(byte[] bytes, RatingCase reference) {
    com.fasterxml.jackson.databind.JsonNode tree = StrictJson.forInput().read(bytes, Faults.INPUT);
    CaseStream.Submission s = CaseStream.submission(bytes);
    assertNotNull(s, () -> "the pass refuses a submission the tree reader reads: " + shown(bytes));
    assertEquals(reference, s.input(), () -> "the pass reads another case: " + shown(bytes));
    String canonical;
    try {
      canonical = CanonicalJson.jcs(tree);
    } catch (JsonOut.NotCanonicalException e) {
      canonical = null;
    }
    String copied = s.canonical() == null ? null : new String(s.canonical(), StandardCharsets.UTF_8);
    String expected = canonical;
    assertEquals(expected, copied, () -> "the canonical form written as read differs from the tree's: "
        + shown(bytes));
    String[] flags = {"labourDispatch", "premiumArrears", "jointPunishment"};
    for (int f = 0; f < flags.length; f++) {
      boolean given = !tree.at("/employer/status/" + flags[f]).isMissingNode();
      assertEquals(given, (s.statusGiven() & (1 << f)) != 0, flags[f] + " given: " + shown(bytes));
    }
    for (int i = 0; i < reference.claims().size(); i++) {
      boolean given = !tree.at("/claims/" + i + "/medicalOnly").isMissingNode();
      assertEquals(given, s.medicalOnlyGiven().get(i), "claim " + i + " medicalOnly given: " + shown(bytes));
    }
    assertTrue(s.medicalOnlyGiven().length() <= reference.claims().size(),
        () -> "medicalOnly given beyond the claims: " + shown(bytes));
  }

  private static RateFloatException assertThrowsRateFloat(byte[] bytes) {
    try {
      RatingCase c = RateFloat.readCase(bytes);
      throw new AssertionError("readCase reads what the tree reader refuses: " + c + " from " + shown(bytes));
    } catch (RateFloatException e) {
      return e;
    }
  }

  private static String shown(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() < 3000 ? text : text.substring(0, 3000) + "...";
  }
}
