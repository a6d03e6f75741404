package org.ratefloat.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ratefloat.error.InputException;
import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.document.ClassificationSpec;
import org.ratefloat.rules.RuleTables;

/** The remembered classification answers exactly as the classification itself, every time. */
class ClassificationsTest {
  private static final ClassificationSpec ANNEX = RuleTables.loadClassification(Path.of("rules/cn-annex-2015.json"));

  /** Every code of 2 to 4 digits. */
  private static Iterable<String> codes() {
    var all = new java.util.ArrayList<String>();
    for (int len = 2; len <= 4; len++) {
      int n = (int) Math.pow(10, len);
      for (int v = 0; v < n; v++) {
        all.add(String.format("%0" + len + "d", v));
      }
    }
    return all;
  }

  @Test
  void everyCodeHasASlotOfItsOwn() {
    Set<Integer> slots = new HashSet<>();
    int count = 0;
    for (String code : codes()) {
      int slot = Classifications.slot(code);
      assertEquals(true, slot >= 0 && slot < Classifications.SLOTS, code);
      assertEquals(true, slots.add(slot), code);
      count++;
    }
    assertEquals(Classifications.SLOTS, count);
  }

  @Test
  void answersAsTheClassificationForEveryCodeTwice() {
    Classifications memo = new Classifications(ANNEX);
    int classified = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (Edition edition : Edition.values()) {
        for (String code : codes()) {
          IndustryCode c = new IndustryCode(edition, code);
          Object expected = outcome(() -> ANNEX.classify(c));
          assertEquals(expected, outcome(() -> memo.classify(c)), edition + " " + code + " pass " + pass);
          classified += expected instanceof Integer ? 1 : 0;
        }
      }
    }
    // the annex classes most codes: the comparison is not between two refusals
    assertEquals(true, classified > 10_000, "classified " + classified);
  }

  @Test
  void aRefusedCodeIsRefusedAgain() {
    Classifications memo = new Classifications(ANNEX);
    IndustryCode unknown = new IndustryCode(Edition.GBT_4754_2011, "99");
    InputException first = assertThrows(InputException.class, () -> memo.classify(unknown));
    InputException second = assertThrows(InputException.class, () -> memo.classify(unknown));
    assertEquals(first.getMessage(), second.getMessage());
  }

  /** The class, or the refusal's code, pointer and message. */
  private static Object outcome(java.util.function.IntSupplier classify) {
    try {
      return classify.getAsInt();
    } catch (InputException e) {
      return e.code() + " " + e.pointer() + " " + e.getMessage();
    }
  }
}
