package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import java.util.SortedSet;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/**
 * An employer's classes in a classification other than GB/T 4754: the system's name and the codes,
 * as the system writes them (NCCI class codes such as {@code 8810}, Japanese 事業の種類 numbers,
 * German Gefahrtarifstellen). An employer can have several classes; its exposures
 * ({@link Period#exposures()}) name only these codes.
 *
 * <p>The rules of {@link InputRules} apply, with pointers relative to this object: the system by
 * {@link InputRules#classSystem} ({@code IN013} at {@code /system}), each code by
 * {@link InputRules#classCode} ({@code IN012} at {@code /codes/0}), at least one code ({@code IN023}
 * at {@code /codes}), at most {@link InputRules#MAX_CLASS_CODES} ({@code IN024}) and none twice
 * ({@code IN023} at the repeat). Codes are held in code order.
 *
 * @param system the classification's name, e.g. {@code NCCI}
 * @param codes the employer's class codes, sorted
 * @since 0.1.0
 */
public record ClassCodes(String system, SortedSet<String> codes) {
  /** Checks every component by the input rules ({@link InputRules}), with the pointer a JSON document gets; copies collections. */
  public ClassCodes {
    InputRules.classSystem(requireNonNull(system, "system"), "/system");
    codes = ImmutableSortedSet.copyOf(requireNonNull(codes, "codes"));
    InputRules.size(codes.size(), InputRules.MAX_CLASS_CODES, "/codes", "class codes");
    if (codes.isEmpty()) {
      throw new InputException(ErrorCode.IN023, "/codes", "model.classCodes.none", org.ratefloat.text.Message.values("system", system));
    }
    int i = 0;
    for (String code : codes) {
      InputRules.classCode(code, "/codes/" + i++);
    }
  }

  /**
   * The classes of {@code system} with these codes, in the order given; a code given twice is refused
   * ({@code IN023} at {@code /codes/i}), as in JSON.
   */
  public static ClassCodes of(String system, java.util.List<String> codes) {
    requireNonNull(system, "system");
    requireNonNull(codes, "codes");
    java.util.TreeSet<String> set = new java.util.TreeSet<>();
    InputRules.size(codes.size(), InputRules.MAX_CLASS_CODES, "/codes", "class codes");
    for (int i = 0; i < codes.size(); i++) {
      String code = InputRules.classCode(requireNonNull(codes.get(i), "code"), "/codes/" + i);
      if (!set.add(code)) {
        throw new InputException(ErrorCode.IN023, "/codes/" + i, "model.classCodes.twice", org.ratefloat.text.Message.values("code", code));
      }
    }
    return new ClassCodes(system, set);
  }

  /** The classes of {@code system} with these codes, e.g. {@code of("NCCI", "8810", "5183")}. */
  public static ClassCodes of(String system, String... codes) {
    requireNonNull(system, "system");
    requireNonNull(codes, "codes");
    return of(system, java.util.List.of(codes));
  }

  /** Whether {@code code} is one of the employer's classes. */
  public boolean has(String code) {
    requireNonNull(code, "code");
    return codes.contains(code);
  }
}
