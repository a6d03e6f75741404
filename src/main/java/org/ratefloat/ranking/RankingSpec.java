package org.ratefloat.ranking;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.Measure;
import org.ratefloat.rules.Rounding;
import org.ratefloat.rules.SourceRef;
import org.ratefloat.rules.TableStatus;
import org.ratefloat.rules.Text;

/**
 * A ranking definition: which employers count (key industries by risk class, by GB/T 4754 division
 * or longer code prefix, or both), the indicators of one month, how their ranks combine and how ties
 * are shared.
 *
 * @param sha256 SHA-256 of the definition file's exact bytes
 * @param title the definition's title in Chinese and English
 * @param classification the id of the classification the risk classes come from
 * @param keyClasses risk classes whose employers are ranked (empty: none by class)
 * @param keyDivisions per edition of GB/T 4754, the two-digit divisions (or longer code prefixes
 *     inside them) whose employers are ranked (empty: none by division)
 * @param status whether the sources confirm every parameter
 * @param sources the sources the definition rests on, at least one
 * @param unverified parameters the sources do not confirm (none if the status is verified)
 * @param method how the indicators' ranks combine
 * @param ties how equal values share ranks
 */
public record RankingSpec(
    String source,
    String sha256,
    String id,
    String version,
    Text title,
    TableStatus status,
    ImmutableList<SourceRef> sources,
    ImmutableList<String> unverified,
    String classification,
    ImmutableSet<Integer> keyClasses,
    ImmutableMap<Edition, ImmutableList<String>> keyDivisions,
    ImmutableList<Indicator> indicators,
    Method method,
    Ties ties,
    Rounding scoreRounding,
    int top) {

  /** How the indicators' ranks combine into a score. */
  public enum Method {
    /** Each indicator ranked (worst first), the ranks added, the smallest sum first. */
    RANK_SUM("rankSum"),
    /** Indicators scaled to 0..1 by their minimum and maximum, a weighted sum, the largest first. */
    WEIGHTED("weighted");

    private final String jsonName;

    Method(String jsonName) {
      this.jsonName = jsonName;
    }

    /** The name in a definition ({@code combine.method}) and in a ranking's JSON. */
    public String jsonName() {
      return jsonName;
    }

    static Optional<Method> byJsonName(String name) {
      return java.util.Arrays.stream(values()).filter(m -> m.jsonName.equals(name)).findFirst();
    }
  }

  /** How equal values (and equal scores) share ranks. */
  public enum Ties {
    /** All take the smallest rank of the group (1, 1, 3). */
    MINIMUM,
    /** All take the largest rank of the group (2, 2, 3). */
    MAXIMUM,
    /** All take the mean rank of the group (1.5, 1.5, 3). */
    AVERAGE,
    /** Consecutive ranks in employer-id order (1, 2, 3). */
    SEQUENTIAL;

    static Optional<Ties> byJsonName(String name) {
      return java.util.Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
  }

  /**
   * Whether an employer of this industry and risk class belongs to a key industry: its class is
   * listed, or its code, in its own edition, starts with a listed division or prefix.
   *
   * @throws InputException {@code IN013} if the definition lists divisions, but none for the code's
   *     edition, and the class does not decide it (codes of different editions cannot be compared);
   *     {@code IN015} if the code is too short to tell (a division of which only a part is listed)
   */
  public boolean isKey(IndustryCode industry, int riskClass) {
    if (keyClasses.contains(riskClass)) {
      return true;
    }
    if (keyDivisions.isEmpty()) {
      return false;
    }
    ImmutableList<String> prefixes = keyDivisions.get(industry.edition());
    if (prefixes == null) {
      throw new InputException(ErrorCode.IN013, "/employer/industry/edition", "ranking " + id
          + " lists key divisions of " + String.join(", ", keyDivisions.keySet().stream().map(Edition::label)
          .toList()) + ", not of " + industry.edition().label());
    }
    String code = industry.code();
    if (prefixes.stream().anyMatch(code::startsWith)) {
      return true;
    }
    Optional<String> inside = prefixes.stream().filter(p -> p.startsWith(code)).findFirst();
    if (inside.isPresent()) {
      throw new InputException(ErrorCode.IN015, "/employer/industry/code", "ranking " + id + " counts "
          + inside.get() + " inside " + code + " as a key industry: give the code to " + inside.get().length()
          + " digits");
    }
    return false;
  }

  /**
   * One ranked indicator of a month: a measure's value ({@code denominator} absent), or a rate
   * numerator ÷ denominator × multiplier, rounded. A rate is ranked only for employers whose
   * denominator reaches {@code minExposure}; the others share the last rank of that indicator. The
   * label, in Chinese and English, names the indicator and its unit.
   */
  public record Indicator(String id, Text label, Measure numerator, Optional<Measure> denominator,
      BigDecimal multiplier, Optional<Rounding> round, BigDecimal minExposure, BigDecimal weight) {}
}
