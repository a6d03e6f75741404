package org.ratefloat.engine;

import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.document.ClassificationSpec;

/**
 * A table's classification with the risk class of each code remembered once found: a code is 2 to
 * 4 digits, so an edition has at most 11,100 codes and the memory is one byte each (a risk class is
 * 1 to 99; 11 KB an edition, which stays in a core's cache). A code the classification refuses is
 * not remembered (it is looked up again and refused with the same error). Thread-safe: a byte is
 * written whole (JLS 17.6), a class found twice at once is the same class, and a thread that does
 * not yet see another's slot finds the class again.
 */
final class Classifications {
  /** Slots of an edition: 100 two-digit, 1,000 three-digit and 10,000 four-digit codes. */
  static final int SLOTS = 11_100;

  private final ClassificationSpec spec;
  private final byte[][] byEdition = new byte[Edition.values().length][];

  Classifications(ClassificationSpec spec) {
    this.spec = spec;
    for (Edition e : spec.editions().keySet()) {
      byEdition[e.ordinal()] = new byte[SLOTS];
    }
  }

  /** The risk class of a code, as {@link ClassificationSpec#classify} finds it. */
  int classify(IndustryCode code) {
    byte[] known = byEdition[code.edition().ordinal()];
    if (known == null) {
      return spec.classify(code); // an edition the classification does not cover: refused there
    }
    int slot = slot(code.code());
    int riskClass = known[slot];
    if (riskClass == 0) {
      riskClass = spec.classify(code);
      if (riskClass >= 1 && riskClass <= 99) {
        known[slot] = (byte) riskClass;
      }
    }
    return riskClass;
  }

  /** A code's own slot: 2 digits 0..99, 3 digits 100..1099, 4 digits 1100..11099. */
  static int slot(String code) {
    int value = 0;
    for (int i = 0; i < code.length(); i++) {
      value = value * 10 + (code.charAt(i) - '0');
    }
    return switch (code.length()) {
      case 2 -> value;
      case 3 -> 100 + value;
      default -> 1100 + value;
    };
  }
}
