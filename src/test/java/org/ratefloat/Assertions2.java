package org.ratefloat;

import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RateFloatException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.function.Executable;
import org.ratefloat.decision.Decision;

/** Assertions shared by the table tests. */
public final class Assertions2 {
  private Assertions2() {}

  /** The decision's band offset and rate (compared by value, not scale). */
  public static void assertDecision(Decision d, int band, String rate) {
    assertEquals(band, d.newBand().offset(), "band offset");
    assertEquals(0, new BigDecimal(rate).compareTo(d.rate()),
        () -> "rate: expected " + rate + " but was " + d.rate().toPlainString());
  }

  /** The call fails with the given code and pointer. */
  public static RateFloatException assertFails(ErrorCode code, String pointer, Executable call) {
    RateFloatException e = assertThrows(RateFloatException.class, call);
    assertEquals(code, e.code(), () -> "code of: " + e.getMessage());
    assertEquals(pointer, e.pointer(), () -> "pointer of: " + e.getMessage());
    return e;
  }

  public static boolean hasWarning(Decision d, String code) {
    return d.warnings().stream().anyMatch(w -> w.code().equals(code));
  }
}
