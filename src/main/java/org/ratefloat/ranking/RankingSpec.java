package org.ratefloat.ranking;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.Optional;
import org.ratefloat.model.Measure;
import org.ratefloat.rules.Rounding;
import org.ratefloat.rules.Text;

/**
 * A ranking definition: which employers count (key industries by risk class or code prefix), the
 * indicators of one month, how their ranks combine and how ties are shared.
 *
 * @param sha256 SHA-256 of the definition file's exact bytes
 * @param title the definition's title in Chinese and English
 * @param classification the id of the classification the risk classes come from
 * @param keyClasses risk classes whose employers are ranked (empty: none by class)
 * @param keyCodes GB/T 4754-2011 code prefixes whose employers are ranked (empty: none by code)
 * @param method {@code rankSum} (each indicator ranked, ranks added, smallest sum first) or
 *     {@code weighted} (indicators scaled to 0..1 by min and max, weighted sum, largest first)
 * @param ties how equal values share ranks: {@code MINIMUM}, {@code MAXIMUM}, {@code AVERAGE} or
 *     {@code SEQUENTIAL} (in employer-id order)
 */
public record RankingSpec(
    String source,
    String sha256,
    String id,
    String version,
    Text title,
    String status,
    String classification,
    ImmutableSet<Integer> keyClasses,
    ImmutableList<String> keyCodes,
    ImmutableList<Indicator> indicators,
    String method,
    String ties,
    Rounding scoreRounding,
    int top) {

  /**
   * One ranked indicator of a month: a measure's value ({@code denominator} absent), or a rate
   * numerator ÷ denominator × multiplier, rounded. A rate is ranked only for employers whose
   * denominator reaches {@code minExposure}; the others share the last rank of that indicator. The
   * label, in Chinese and English, names the indicator and its unit.
   */
  public record Indicator(String id, Text label, Measure numerator, Optional<Measure> denominator,
      BigDecimal multiplier, Optional<Rounding> round, BigDecimal minExposure, BigDecimal weight) {}
}
