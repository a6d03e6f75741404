package org.ratefloat.ranking;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.Measure;
import org.ratefloat.registry.IndustryNames;
import org.ratefloat.registry.Regions;
import org.ratefloat.document.ClassificationSpec;
import org.ratefloat.document.Rounding;
import org.ratefloat.document.SourceRef;
import org.ratefloat.document.TableStatus;
import org.ratefloat.document.Text;

/**
 * A ranking definition ({@code ratefloat/ranking@2}): which employers count (the key industries, each
 * by risk classes and by GB/T 4754 codes per edition), the indicators of one month that are ranked
 * and those only shown, which employers may be listed at all, how the ranked indicators combine,
 * how ties share positions and how a tie at the cut is handled, how many are listed. With the
 * classification its classes come from, the regions its employers are grouped by and the names its
 * codes are printed with. Immutable.
 *
 * @param sha256 SHA-256 of the definition file's exact bytes
 * @param regions the province's divisions, by which employers are placed in cities (absent: no
 *     grouping by city, and an employer's region is not checked)
 * @param industryNames the names of the industry codes (absent: codes are printed without names)
 * @param indicators the indicators ranked, in the order they combine
 * @param shown indicators printed beside the ranked ones, not ranked
 * @param listing the least value of one indicator an employer must reach to be listed at all
 * @param scoreRounding how a score is rounded (rank sum and weighted scores; absent for the
 *     lexicographic order, which has no score)
 * @param files the real paths of the files read for it (the definition's and those of the documents
 *     it names; none for a bundled one), which no output of the run may be
 */
public record RankingDefinition(
    String source,
    String sha256,
    String id,
    String version,
    Text title,
    TableStatus status,
    ImmutableList<SourceRef> sources,
    ImmutableList<String> unverified,
    ClassificationSpec classification,
    Optional<Regions> regions,
    Optional<IndustryNames> industryNames,
    ImmutableList<KeyIndustry> keyIndustries,
    ImmutableList<Indicator> indicators,
    ImmutableList<Indicator> shown,
    Listing listing,
    Method method,
    Ties ties,
    TiesAtCut tiesAtCut,
    Optional<Rounding> scoreRounding,
    int top,
    ImmutableList<java.nio.file.Path> files) {

  public RankingDefinition {
    requireNonNull(classification, "classification");
    requireNonNull(regions, "regions");
    requireNonNull(industryNames, "industryNames");
    requireNonNull(keyIndustries, "keyIndustries");
    requireNonNull(listing, "listing");
    requireNonNull(files, "files");
  }

  /** The definition as read from these files. */
  RankingDefinition withFiles(java.util.List<java.nio.file.Path> read) {
    return new RankingDefinition(source, sha256, id, version, title, status, sources, unverified, classification,
        regions, industryNames, keyIndustries, indicators, shown, listing, method, ties, tiesAtCut, scoreRounding, top,
        ImmutableList.copyOf(read));
  }

  /** How the ranked indicators combine into an order. */
  public enum Method {
    /** Each indicator ranked (most first), the ranks added, the smallest sum first. */
    RANK_SUM("rankSum", new Text(
        "各指标分别排名（数值大者名次在前），名次相加，和小者在前",
        "each indicator ranked (largest first), the ranks added, the smallest sum first")),
    /** Indicators scaled to 0..1 by their minimum and maximum, a weighted sum, the largest first. */
    WEIGHTED("weighted", new Text(
        "各指标按最小值和最大值归一到 0 至 1，加权求和，得分高者在前",
        "each indicator scaled to 0..1 by its minimum and maximum, a weighted sum, the largest first")),
    /** The first indicator decides, most first; the next only among equals, and so on. */
    LEXICOGRAPHIC("lexicographic", new Text(
        "先按第一项指标排序（数值大者在前），相同者再按下一项指标排序",
        "the first indicator decides (largest first); the next decides only among equals, and so on"));

    private final String jsonName;
    private final Text words;

    Method(String jsonName, Text words) {
      this.jsonName = jsonName;
      this.words = words;
    }

    /** The name in a definition ({@code combine.method}) and in a ranking's JSON. */
    public String jsonName() {
      return jsonName;
    }

    /** The method in words, for a reader. */
    public Text words() {
      return words;
    }

    static Optional<Method> byJsonName(String name) {
      return Arrays.stream(values()).filter(m -> m.jsonName.equals(name)).findFirst();
    }
  }

  /** How equal values (and equal scores) share positions. */
  public enum Ties {
    /** All take the smallest position of the group (1, 1, 3). */
    MINIMUM(new Text("并列者取最小名次（如 1、1、3）", "tied employers share the smallest position (1, 1, 3)")),
    /** All take the largest position of the group (2, 2, 3). */
    MAXIMUM(new Text("并列者取最大名次（如 2、2、3）", "tied employers share the largest position (2, 2, 3)")),
    /** All take the mean position of the group (1.5, 1.5, 3). */
    AVERAGE(new Text("并列者取平均名次（如 1.5、1.5、3）", "tied employers share the mean position (1.5, 1.5, 3)")),
    /** Consecutive positions in employer-id order (1, 2, 3): no tie is left. */
    SEQUENTIAL(new Text("并列者按单位编号顺序依次排名", "tied employers are placed in employer-id order"));

    private final Text words;

    Ties(Text words) {
      this.words = words;
    }

    /** The rule in words, for a reader. */
    public Text words() {
      return words;
    }

    static Optional<Ties> byJsonName(String name) {
      return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
  }

  /** What happens when employers tied on every ranked indicator straddle the cut at {@code top}. */
  public enum TiesAtCut {
    /** The whole tied group is left out: fewer than {@code top} are listed, and the result says how many. */
    LEAVE_OUT("leaveOut", new Text("并列跨越名单末位的单位全部不列入（名单可少于规定名额）",
        "employers tied across the cut are all left out (the list may be shorter)")),
    /** The tied group fills the list to {@code top} in employer-id order; those so chosen are marked. */
    BY_EMPLOYER_ID("byEmployerId", new Text("并列跨越名单末位的单位按单位编号顺序补足名额，并予标注",
        "employers tied across the cut fill the list in employer-id order, and are marked"));

    private final String jsonName;
    private final Text words;

    TiesAtCut(String jsonName, Text words) {
      this.jsonName = jsonName;
      this.words = words;
    }

    public String jsonName() {
      return jsonName;
    }

    public Text words() {
      return words;
    }

    static Optional<TiesAtCut> byJsonName(String name) {
      return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
    }
  }

  /**
   * A key industry: employers of these risk classes, or whose code, in its own edition, starts with
   * one of the listed codes (a division or a longer code inside one).
   */
  public record KeyIndustry(String id, Text name, ImmutableSet<Integer> classes,
      ImmutableMap<Edition, ImmutableList<String>> codes) {
    /** The key industry's name in {@code zh} or {@code en}. */
    public String name(String language) {
      return name.in(language);
    }
  }

  /**
   * One indicator of a month: a measure's value ({@code denominator} absent), or numerator ÷
   * denominator × multiplier, rounded. A rate is ranked only for employers whose denominator reaches
   * {@code minExposure}; the others come after all that have one. The label names the indicator
   * and its unit, in Chinese and English.
   */
  public record Indicator(String id, Text label, Measure numerator, Optional<Measure> denominator,
      BigDecimal multiplier, Optional<Rounding> round, BigDecimal minExposure, BigDecimal weight) {
    /** Whether the indicator is a rate (has a denominator). */
    public boolean isRate() {
      return denominator.isPresent();
    }
  }

  /**
   * Who may be listed: an employer whose value of the indicator at {@code index} (of the ranked, then
   * the shown indicators) is below {@code atLeast} is not ranked at all (at least 1, so that an
   * employer without an accident in the month is never listed).
   */
  public record Listing(String indicator, int index, BigDecimal atLeast) {}

  /**
   * How the order is made, in words a reader can check a list against: the method, the ranked
   * indicators in their order (with their weights for a weighted sum), and the least exposure a rate
   * needs to be ranked.
   */
  public Text methodInWords() {
    StringBuilder zh = new StringBuilder(method.words().zh()).append("。排名指标依次为：");
    StringBuilder en = new StringBuilder(method.words().en()).append(". The indicators in order: ");
    for (int i = 0; i < indicators.size(); i++) {
      Indicator x = indicators.get(i);
      zh.append(i == 0 ? "" : "、").append(x.label().zh());
      en.append(i == 0 ? "" : ", ").append(x.label().en());
      if (method == Method.WEIGHTED) {
        zh.append("（权重 ").append(x.weight().toPlainString()).append("）");
        en.append(" (weight ").append(x.weight().toPlainString()).append(")");
      }
    }
    zh.append("。");
    en.append(".");
    for (Indicator x : indicators) {
      if (x.isRate() && x.minExposure().signum() > 0) {
        Measure per = x.denominator().orElseThrow();
        zh.append(x.label().zh()).append("仅对").append(per.zh()).append("不少于 ").append(x.minExposure()
            .toPlainString()).append(" 的单位排名，不足者排在其后。");
        en.append(" ").append(x.label().en()).append(" is ranked only where the ").append(per.en())
            .append(" is at least ").append(x.minExposure().toPlainString()).append("; the others come after.");
      }
    }
    return new Text(zh.toString(), en.toString());
  }

  /** The ranked and the shown indicators, in that order (the indices of {@link Listing}). */
  public ImmutableList<Indicator> allIndicators() {
    return ImmutableList.<Indicator>builder().addAll(indicators).addAll(shown).build();
  }

  /**
   * The key industry of an employer of this industry and risk class: the first whose classes hold
   * the class or whose codes, in the code's own edition, a prefix of the code is; empty if none.
   *
   * @throws InputException {@code IN013} if key industries list codes, but none of the code's
   *     edition, and no class decides it; {@code IN015} if the code is too short to tell (a
   *     division of which only a part is listed)
   */
  public Optional<KeyIndustry> keyIndustryOf(IndustryCode industry, int riskClass) {
    for (KeyIndustry k : keyIndustries) {
      if (k.classes().contains(riskClass)) {
        return Optional.of(k);
      }
    }
    boolean anyCodes = keyIndustries.stream().anyMatch(k -> !k.codes().isEmpty());
    if (!anyCodes) {
      return Optional.empty();
    }
    if (keyIndustries.stream().noneMatch(k -> k.codes().containsKey(industry.edition()))) {
      throw new InputException(ErrorCode.IN013, "/employer/industry/edition", "ranking " + id
          + " lists key industries by codes of " + String.join(", ", keyIndustries.stream()
              .flatMap(k -> k.codes().keySet().stream()).distinct().map(Edition::label).toList())
          + ", not of " + industry.edition().label());
    }
    String code = industry.code();
    for (KeyIndustry k : keyIndustries) {
      if (k.codes().getOrDefault(industry.edition(), ImmutableList.of()).stream().anyMatch(code::startsWith)) {
        return Optional.of(k);
      }
    }
    for (KeyIndustry k : keyIndustries) {
      Optional<String> inside = k.codes().getOrDefault(industry.edition(), ImmutableList.of()).stream()
          .filter(p -> p.startsWith(code)).findFirst();
      if (inside.isPresent()) {
        throw new InputException(ErrorCode.IN015, "/employer/industry/code", "error.IN015.keyIndustry",
            java.util.Map.of("ranking", id, "inside", inside.get(), "code", code, "name", k.name().zh(),
                "digits", Integer.toString(inside.get().length())));
      }
    }
    return Optional.empty();
  }
}
