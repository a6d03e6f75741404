package org.ratefloat.ranking;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.registry.Regions;
import org.ratefloat.document.Rounding;
import org.ratefloat.document.Text;

/**
 * Ranks the key-industry employers of a portfolio for one month, read one employer at a time: each
 * employer's calendar-month periods of that month, of the twelve before it (to count how many
 * consecutive months an employer has been listed) and of the month compared with are taken; only
 * those that reach the listing threshold are kept (the others are counted), so memory follows the
 * employers with events, not the portfolio. Not thread-safe; feed it from one thread.
 */
public final class RankingRun {
  /** How many months before the ranked one are looked back to for the months on the list. */
  public static final int LOOK_BACK = 12;

  private final RankingDefinition definition;
  private final YearMonth month;
  private final Optional<YearMonth> previous;
  private final Grouping by;
  private final int top;
  private final Set<YearMonth> months = new TreeSet<>();
  /** By month, by group code: the group's counts and candidates. */
  private final Map<YearMonth, Map<String, GroupData>> data = new TreeMap<>();
  private long eligible;
  private long skipped;
  private final Map<ErrorCode, Long> refused = new TreeMap<>();

  private static final class GroupData {
    final RankingResult.GroupKey key;
    long eligible;
    final List<Observation> candidates = new ArrayList<>();

    GroupData(RankingResult.GroupKey key) {
      this.key = key;
    }
  }

  /**
   * @param previous the month whose lists entered and left employers are taken against (absent: the
   *     month before, where the portfolio holds it)
   * @param top the most employers a group lists
   * @throws IllegalArgumentException for a grouping by city with a definition that names no regions
   */
  public RankingRun(RankingDefinition definition, YearMonth month, Optional<YearMonth> previous, Grouping by,
      int top) {
    this.definition = requireNonNull(definition, "definition");
    this.month = requireNonNull(month, "month");
    this.previous = requireNonNull(previous, "previous");
    this.by = requireNonNull(by, "by");
    if (by == Grouping.CITY && definition.regions().isEmpty()) {
      throw new IllegalArgumentException("ranking " + definition.id() + " names no regions to group by city");
    }
    this.top = top;
    for (int back = 0; back <= LOOK_BACK; back++) {
      months.add(month.minusMonths(back));
    }
    previous.ifPresent(months::add);
  }

  /**
   * Adds an employer if it belongs to a key industry.
   *
   * @throws org.ratefloat.error.RateFloatException if it cannot be classified, its region is not
   *     among the definition's ({@code IN060}), the grouping by city has no region for it
   *     ({@code IN004}), or a month taken lacks a measure the ranking needs ({@code IN025}); an
   *     employer refused adds nothing to the run
   */
  public void add(RatingCase c) {
    var employer = c.employer();
    int riskClass = employer.riskClassOverride().orElseGet(() -> definition.classification().classify(
        employer.industry()));
    Optional<RankingDefinition.KeyIndustry> key = definition.keyIndustryOf(employer.industry(), riskClass);
    if (key.isEmpty()) {
      return;
    }
    Optional<Regions.Division> city = definition.regions().flatMap(r -> employer.region().map(code -> r.placeOf(
        code, "/employer/region")));
    if (by == Grouping.CITY && city.isEmpty()) {
      throw new InputException(ErrorCode.IN004, "/employer/region", "ranking by city needs the employer's region "
          + "(a GB/T 2260 code of " + definition.regions().orElseThrow().province().name().zh() + ")");
    }
    RankingResult.GroupKey group = switch (by) {
      case PROVINCE -> provinceKey();
      case CITY -> new RankingResult.GroupKey(Grouping.CITY, city.orElseThrow().code(), city.orElseThrow().name());
      case INDUSTRY -> new RankingResult.GroupKey(Grouping.INDUSTRY, key.get().id(), key.get().name());
    };
    List<RankingDefinition.Indicator> indicators = definition.allIndicators();
    // every month taken is read before any is counted: an employer refused adds nothing
    Map<YearMonth, List<Optional<BigDecimal>>> taken = new TreeMap<>();
    for (int index = 0; index < c.history().size(); index++) {
      Period p = c.history().get(index);
      if (p.from().getDayOfMonth() != 1) {
        continue;
      }
      YearMonth m = YearMonth.from(p.from());
      if (months.contains(m) && p.to().equals(m.atEndOfMonth())) {
        taken.put(m, values(p, index, indicators));
      }
    }
    taken.forEach((m, values) -> {
      GroupData g = data.computeIfAbsent(m, x -> new LinkedHashMap<>()).computeIfAbsent(group.code(),
          x -> new GroupData(group));
      g.eligible++;
      BigDecimal listingValue = values.get(definition.listing().index()).orElse(BigDecimal.ZERO);
      if (listingValue.compareTo(definition.listing().atLeast()) >= 0) {
        g.candidates.add(new Observation(employer.id(), employer.name(), employer.creditCode(), employer.industry(),
            riskClass, key.get(), employer.region(), city, values));
      }
    });
    if (taken.containsKey(month)) {
      eligible++;
    } else {
      skipped++;
    }
  }

  private RankingResult.GroupKey provinceKey() {
    return definition.regions().map(r -> new RankingResult.GroupKey(Grouping.PROVINCE, r.province().code(),
        r.province().name())).orElse(new RankingResult.GroupKey(Grouping.PROVINCE, "province", new Text("全省",
        "province-wide")));
  }

  /**
   * The month's value of each indicator (a shown figure the period lacks is left empty).
   *
   * @throws InputException {@code IN025} at the measure if the period lacks one that a ranked
   *     indicator or the listing needs: a month recorded without it can be neither ranked nor left out
   */
  private List<Optional<BigDecimal>> values(Period p, int index, List<RankingDefinition.Indicator> indicators) {
    List<Optional<BigDecimal>> values = new ArrayList<>(indicators.size());
    for (int x = 0; x < indicators.size(); x++) {
      RankingDefinition.Indicator i = indicators.get(x);
      boolean required = x < definition.indicators().size() || x == definition.listing().index();
      Optional<BigDecimal> num = p.value(i.numerator());
      Optional<BigDecimal> den = i.denominator().flatMap(p::value);
      if (num.isEmpty() || i.denominator().isPresent() && den.isEmpty()) {
        if (required) {
          var missing = num.isEmpty() ? i.numerator() : i.denominator().orElseThrow();
          throw new InputException(ErrorCode.IN025, "/history/" + index + "/" + missing.jsonName(), "the month "
              + YearMonth.from(p.from()) + " lacks " + missing.jsonName() + ", which ranking " + definition.id()
              + " needs for indicator " + i.id());
        }
        values.add(Optional.empty());
      } else if (i.denominator().isEmpty()) {
        values.add(Optional.of(num.get().multiply(i.multiplier())));
      } else if (den.get().signum() == 0 || den.get().compareTo(i.minExposure()) < 0) {
        values.add(Optional.empty());
      } else {
        Rounding r = i.round().orElseThrow();
        values.add(Optional.of(num.get().multiply(i.multiplier()).divide(den.get(), r.scale(), r.mode())));
      }
    }
    return values;
  }

  /**
   * Counts a record of the portfolio that was refused: one that could not be read, or one that
   * {@link #add} refused. The result states them, so that a list never hides whom it could not rank.
   */
  public void refused(ErrorCode code) {
    refused.merge(requireNonNull(code, "code"), 1L, Long::sum);
  }

  /** How many key-industry employers had a given month recorded (of the months this run takes). */
  public long eligible(YearMonth m) {
    return data.getOrDefault(m, Map.of()).values().stream().mapToLong(g -> g.eligible).sum();
  }

  /** Ranks every month and group taken, and gives the ranked month's lists. */
  public RankingResult build() {
    Map<YearMonth, Map<String, Ranker.Cut>> cuts = new TreeMap<>();
    Map<YearMonth, Map<String, Set<String>>> listedIds = new TreeMap<>();
    data.forEach((m, groups) -> groups.forEach((code, g) -> {
      Ranker.Cut cut = Ranker.cut(definition, Ranker.order(definition, g.candidates), top);
      cuts.computeIfAbsent(m, x -> new TreeMap<>()).put(code, cut);
      Set<String> ids = new HashSet<>();
      cut.listed().forEach(e -> ids.add(e.employerId()));
      listedIds.computeIfAbsent(m, x -> new TreeMap<>()).put(code, ids);
    }));
    YearMonth from = data.keySet().stream().filter(m -> !m.isAfter(month) && !m.isBefore(month.minusMonths(LOOK_BACK)))
        .findFirst().orElse(month);
    Optional<YearMonth> compared = previous.or(() -> data.containsKey(month.minusMonths(1))
        ? Optional.of(month.minusMonths(1)) : Optional.empty());
    ImmutableList.Builder<RankingResult.Group> groups = ImmutableList.builder();
    Map<String, GroupData> now = data.getOrDefault(month, Map.of());
    for (RankingResult.GroupKey key : groupKeys(now)) {
      GroupData g = now.get(key.code());
      Ranker.Cut cut = cuts.getOrDefault(month, Map.of()).get(key.code());
      List<Entry> listed = new ArrayList<>();
      if (cut != null) {
        for (Entry e : cut.listed()) {
          int run = 1;
          for (YearMonth m = month.minusMonths(1); !m.isBefore(from); m = m.minusMonths(1)) {
            if (!listedIds.getOrDefault(m, Map.of()).getOrDefault(key.code(), Set.of()).contains(e.employerId())) {
              break;
            }
            run++;
          }
          listed.add(e.withMonthsOnList(run));
        }
      }
      List<Observation> entered = new ArrayList<>();
      List<Observation> left = new ArrayList<>();
      if (compared.isPresent()) {
        Set<String> before = listedIds.getOrDefault(compared.get(), Map.of()).getOrDefault(key.code(), Set.of());
        Set<String> current = listedIds.getOrDefault(month, Map.of()).getOrDefault(key.code(), Set.of());
        listed.stream().filter(e -> !before.contains(e.employerId())).map(Entry::observation).forEach(entered::add);
        Ranker.Cut then = cuts.getOrDefault(compared.get(), Map.of()).get(key.code());
        if (then != null) {
          then.listed().stream().filter(e -> !current.contains(e.employerId())).map(Entry::observation)
              .forEach(left::add);
        }
        entered.sort(java.util.Comparator.comparing(Observation::employerId));
        left.sort(java.util.Comparator.comparing(Observation::employerId));
      }
      groups.add(new RankingResult.Group(key, g == null ? 0 : g.eligible, g == null ? 0 : g.candidates.size(),
          ImmutableList.copyOf(listed), cut == null ? Optional.empty() : cut.leftOut(), ImmutableList.copyOf(entered),
          ImmutableList.copyOf(left)));
    }
    return new RankingResult(definition, month, by, top, compared, from, eligible, skipped,
        ImmutableSortedMap.copyOf(refused), groups.build());
  }

  /**
   * The groups of the ranked month: the province; every city of the regions, by code (and the
   * province itself where employers are insured at the provincial level); every key industry, in
   * the definition's order.
   */
  private List<RankingResult.GroupKey> groupKeys(Map<String, GroupData> now) {
    List<RankingResult.GroupKey> keys = new ArrayList<>();
    switch (by) {
      case PROVINCE -> keys.add(provinceKey());
      case CITY -> {
        Regions regions = definition.regions().orElseThrow();
        if (now.containsKey(regions.province().code())) {
          keys.add(new RankingResult.GroupKey(Grouping.CITY, regions.province().code(), regions.province().name()));
        }
        regions.cities().forEach(c -> keys.add(new RankingResult.GroupKey(Grouping.CITY, c.code(), c.name())));
      }
      case INDUSTRY -> definition.keyIndustries().forEach(k -> keys.add(new RankingResult.GroupKey(Grouping.INDUSTRY,
          k.id(), k.name())));
    }
    return keys;
  }
}
