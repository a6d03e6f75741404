package org.ratefloat.engine;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.rules.ClassificationSpec;

/**
 * A table's classification with the risk class of each code remembered once found: a code is 2 to
 * 4 digits, so an edition has at most 11,100 codes and the memory is one slot each (44 KB an edition). A code the classification refuses is not remembered (it is looked up again
 * and refused with the same error). Thread-safe: a class found twice at once is the same class.
 */
final class Classifications {
  /** Slots of an edition: 100 two-digit, 1,000 three-digit and 10,000 four-digit codes. */
  static final int SLOTS = 11_100;

  private final ClassificationSpec spec;
  private final AtomicIntegerArray[] byEdition = new AtomicIntegerArray[Edition.values().length];

  Classifications(ClassificationSpec spec) {
    this.spec = spec;
    for (Edition e : spec.editions().keySet()) {
      byEdition[e.ordinal()] = new AtomicIntegerArray(SLOTS);
    }
  }

  /** The risk class of a code, as {@link ClassificationSpec#classify} finds it. */
  int classify(IndustryCode code) {
    AtomicIntegerArray known = byEdition[code.edition().ordinal()];
    if (known == null) {
      return spec.classify(code); // an edition the classification does not cover: refused there
    }
    int slot = slot(code.code());
    int riskClass = known.get(slot);
    if (riskClass == 0) {
      riskClass = spec.classify(code);
      known.set(slot, riskClass);
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
