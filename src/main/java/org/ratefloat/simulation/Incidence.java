package org.ratefloat.simulation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ratefloat.json.JsonOut;
import org.ratefloat.model.Measure;
import org.ratefloat.model.RatingCase;
import org.ratefloat.ranking.RankingDefinition;
import org.ratefloat.registry.Regions;
import org.ratefloat.document.Rounding;
import org.ratefloat.document.Text;

/**
 * Work-injury incidence by calendar year against a reduction path, per line: each risk class (all, or
 * those chosen), and, with a ranking definition, its key industries together, each key industry and
 * the key-industry employers of each city. A line's rates are per 1,000 average insured workers:
 * workers injured, accidents and occupational-disease cases (the last two only in years where every
 * employer of the line records them), rounded as {@link Roundings#incidence()} names; the path runs
 * from the base year's rate down by {@code reduction} percent over {@code years} years, in equal
 * steps. A line is tracked by its accidents where every employer of it records them in every year,
 * else by workers injured; the output says which ({@code tracked}) and gives the path's last target. Sums are exact: the average headcounts are added as headcount-days. Not thread-safe; feed it
 * from one thread.
 */
public final class Incidence {
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final BigDecimal THOUSAND = new BigDecimal("1000");
  private static final String[] CLASS_ZH = {"", "一类", "二类", "三类", "四类", "五类", "六类", "七类", "八类"};

  private static final Text KEY_INDUSTRIES = new Text("重点行业合计", "key industries, all");

  private final int baseYear;
  private final BigDecimal reduction;
  private final int years;
  private final Set<Integer> classes;
  private final Optional<RankingDefinition> keyIndustries;
  private final Roundings roundings;
  /** By line key (kind/code), the line. */
  private final Map<String, Line> lines = new LinkedHashMap<>();

  /** What a line gathers. */
  public enum Kind {
    /** A risk class. */
    CLASS("class"),
    /** The key industries of the definition, together. */
    KEY_INDUSTRIES("keyIndustries"),
    /** One key industry. */
    KEY_INDUSTRY("keyIndustry"),
    /** The key-industry employers of one city. */
    CITY("city");

    private final String jsonName;

    Kind(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }
  }

  private static final class Sums {
    long employers;
    BigDecimal injuries = BigDecimal.ZERO;
    BigDecimal accidents = BigDecimal.ZERO;
    long withoutAccidents;
    BigDecimal disease = BigDecimal.ZERO;
    long withoutDisease;
    BigDecimal headcountDays = BigDecimal.ZERO;
    long days;
  }

  private static final class Line {
    final Kind kind;
    final String code;
    final Text name;
    final SortedMap<Integer, Sums> byYear = new TreeMap<>();

    Line(Kind kind, String code, Text name) {
      this.kind = kind;
      this.code = code;
      this.name = name;
    }
  }

  /**
   * @param classes the risk classes tracked (empty: all)
   * @param keyIndustries the ranking definition whose key industries (and regions) are tracked too
   */
  public Incidence(int baseYear, BigDecimal reduction, int years, Set<Integer> classes,
      Optional<RankingDefinition> keyIndustries, Roundings roundings) {
    this.baseYear = baseYear;
    this.reduction = requireNonNull(reduction, "reduction");
    this.years = years;
    this.classes = Set.copyOf(classes);
    this.keyIndustries = requireNonNull(keyIndustries, "keyIndustries");
    this.roundings = requireNonNull(roundings, "roundings");
    // the key-industry lines first, in the definition's order; classes and cities as they come
    keyIndustries.ifPresent(d -> {
      line(Kind.KEY_INDUSTRIES, "all", KEY_INDUSTRIES);
      d.keyIndustries().forEach(k -> line(Kind.KEY_INDUSTRY, k.id(), k.name()));
    });
  }

  private Line line(Kind kind, String code, Text name) {
    return lines.computeIfAbsent(kind.jsonName() + "/" + code, k -> new Line(kind, code, name));
  }

  /**
   * Adds an employer's calendar years.
   *
   * @throws org.ratefloat.error.RateFloatException as the definition classifies it or places its region
   *     ({@code IN013}, {@code IN015}, {@code IN060})
   */
  public void add(RatingCase c, int riskClass) {
    SortedMap<Integer, YearFigures> figures = YearFigures.of(c.history());
    if (classes.isEmpty() || classes.contains(riskClass)) {
      add(line(Kind.CLASS, String.valueOf(riskClass), className(riskClass)), figures);
    }
    if (keyIndustries.isEmpty()) {
      return;
    }
    RankingDefinition d = keyIndustries.get();
    Optional<RankingDefinition.KeyIndustry> key = d.keyIndustryOf(c.employer().industry(), riskClass);
    if (key.isEmpty()) {
      return;
    }
    add(line(Kind.KEY_INDUSTRIES, "all", KEY_INDUSTRIES), figures);
    add(line(Kind.KEY_INDUSTRY, key.get().id(), key.get().name()), figures);
    Optional<Regions.Division> city = d.regions().flatMap(r -> c.employer().region().map(code -> r.placeOf(code,
        "/employer/region")));
    city.ifPresent(x -> add(line(Kind.CITY, x.code(), x.name()), figures));
  }

  private static Text className(int riskClass) {
    return new Text(riskClass < CLASS_ZH.length ? CLASS_ZH[riskClass] : riskClass + "类", "class " + riskClass);
  }

  private static void add(Line line, SortedMap<Integer, YearFigures> figures) {
    for (YearFigures y : figures.values()) {
      Optional<BigDecimal> injuries = y.value(Measure.INJURIES);
      Optional<BigDecimal> headcountDays = y.headcountDays();
      if (injuries.isEmpty() || headcountDays.isEmpty()) {
        continue;
      }
      Sums s = line.byYear.computeIfAbsent(y.year(), k -> new Sums());
      s.employers++;
      s.days = y.days();
      s.injuries = s.injuries.add(injuries.get());
      s.headcountDays = s.headcountDays.add(headcountDays.get());
      Optional<BigDecimal> accidents = y.value(Measure.ACCIDENTS);
      if (accidents.isPresent()) {
        s.accidents = s.accidents.add(accidents.get());
      } else {
        s.withoutAccidents++;
      }
      Optional<BigDecimal> disease = y.value(Measure.OCCUPATIONAL_DISEASE_CASES);
      if (disease.isPresent()) {
        s.disease = s.disease.add(disease.get());
      } else {
        s.withoutDisease++;
      }
    }
  }

  /** Whether some line has an injury rate in the year (a path can start there). */
  public boolean covers(int year) {
    return lines.values().stream().anyMatch(l -> rate(l, year, Figure.INJURIES).isPresent());
  }

  private enum Figure { INJURIES, ACCIDENTS, DISEASE }

  /** A line's rate per 1,000 workers in a year; empty if not recorded (or no headcount). */
  private Optional<BigDecimal> rate(Line line, int year, Figure figure) {
    Sums s = line.byYear.get(year);
    if (s == null || s.headcountDays.signum() == 0) {
      return Optional.empty();
    }
    BigDecimal count = switch (figure) {
      case INJURIES -> s.injuries;
      case ACCIDENTS -> s.withoutAccidents > 0 ? null : s.accidents;
      case DISEASE -> s.withoutDisease > 0 ? null : s.disease;
    };
    if (count == null) {
      return Optional.empty();
    }
    // count ÷ (headcount-days ÷ days) × 1,000, one division
    Rounding r = roundings.incidence();
    return Optional.of(count.multiply(BigDecimal.valueOf(s.days)).multiply(THOUSAND).divide(s.headcountDays, r.scale(),
        r.mode()));
  }

  /** A line's target in a year on the path from the base year; empty outside the path. */
  private Optional<BigDecimal> target(Line line, int year, Figure figure) {
    Optional<BigDecimal> start = rate(line, baseYear, figure);
    if (start.isEmpty() || year < baseYear || year > baseYear + years) {
      return Optional.empty();
    }
    BigDecimal cut = reduction.multiply(BigDecimal.valueOf(year - baseYear))
        .divide(BigDecimal.valueOf(years).multiply(HUNDRED), roundings.pathStep().scale(), roundings.pathStep().mode());
    return Optional.of(roundings.incidence().apply(start.get().multiply(BigDecimal.ONE.subtract(cut))));
  }

  /** What a line is tracked by: accidents where every employer records them in every year, else injuries. */
  private static Figure tracked(Line line) {
    return line.byYear.values().stream().allMatch(s -> s.withoutAccidents == 0) ? Figure.ACCIDENTS : Figure.INJURIES;
  }

  /** The injury rate of a risk class in a year (per 1,000 workers); empty if not recorded. */
  public Optional<BigDecimal> classRate(int riskClass, int year) {
    Line line = lines.get(Kind.CLASS.jsonName() + "/" + riskClass);
    return line == null ? Optional.empty() : rate(line, year, Figure.INJURIES);
  }

  /** The injury-rate target of a risk class in a year on the path; empty outside it. */
  public Optional<BigDecimal> classTarget(int riskClass, int year) {
    Line line = lines.get(Kind.CLASS.jsonName() + "/" + riskClass);
    return line == null ? Optional.empty() : target(line, year, Figure.INJURIES);
  }

  void write(JsonOut out) {
    out.beginObject().field("baseYear", baseYear).field("reductionPercent", reduction).field("years", years)
        .field("per", "1000");
    keyIndustries.ifPresent(d -> {
      out.name("keyIndustries").beginObject().field("id", d.id()).field("version", d.version())
          .field("status", d.status().jsonName()).field("sha256", d.sha256());
      text(out.name("title"), d.title());
      out.endObject();
    });
    out.name("lines").beginArray();
    List<Line> ordered = new java.util.ArrayList<>(lines.values());
    // key-industry lines in their order, then cities and classes by code
    ordered.sort(java.util.Comparator.comparingInt((Line l) -> switch (l.kind) {
      case KEY_INDUSTRIES -> 0;
      case KEY_INDUSTRY -> 1;
      case CITY -> 2;
      case CLASS -> 3;
    }).thenComparing(l -> l.kind == Kind.KEY_INDUSTRY ? "" : l.code));
    for (Line l : ordered) {
      out.beginObject().field("kind", l.kind.jsonName()).field("code", l.code);
      text(out.name("name"), l.name);
      Figure tracked = tracked(l);
      out.field("tracked", tracked == Figure.ACCIDENTS ? Measure.ACCIDENTS.jsonName() : Measure.INJURIES.jsonName());
      Optional<BigDecimal> last = target(l, baseYear + years, tracked);
      if (last.isPresent()) {
        out.name("finalTarget").beginObject().field("year", baseYear + years).field("value", last.get()).endObject();
      }
      out.name("years").beginArray();
      for (Map.Entry<Integer, Sums> e : l.byYear.entrySet()) {
        int year = e.getKey();
        Sums s = e.getValue();
        out.beginObject().field("year", year).field("employers", s.employers).field("injuries", s.injuries);
        if (s.withoutAccidents == 0) {
          out.field("accidents", s.accidents);
        }
        if (s.withoutDisease == 0) {
          out.field("occupationalDiseaseCases", s.disease);
        }
        out.field("averageHeadcount", average(s.headcountDays, s.days));
        for (Figure f : Figure.values()) {
          String name = switch (f) {
            case INJURIES -> "injury";
            case ACCIDENTS -> "accident";
            case DISEASE -> "disease";
          };
          Optional<BigDecimal> rate = rate(l, year, f);
          out.field(name + "Rate", orEmpty(rate));
          if (f != Figure.DISEASE) {
            Optional<BigDecimal> target = target(l, year, f);
            out.field(name + "Target", orEmpty(target));
            out.field(name + "OnPath", rate.isPresent() && target.isPresent() && rate.get().compareTo(target.get()) <= 0);
          }
        }
        out.endObject();
      }
      out.endArray().endObject();
    }
    out.endArray().endObject();
  }

  /** Headcount-days ÷ days: exact where the division ends, else rounded as the incidence is. */
  private BigDecimal average(BigDecimal headcountDays, long days) {
    try {
      return headcountDays.divide(BigDecimal.valueOf(days));
    } catch (ArithmeticException nonTerminating) {
      return headcountDays.divide(BigDecimal.valueOf(days), roundings.incidence().scale(), roundings.incidence().mode());
    }
  }

  private static String orEmpty(Optional<BigDecimal> figure) {
    return figure.map(BigDecimal::toPlainString).orElse("");
  }

  private static void text(JsonOut out, Text text) {
    out.beginObject().field("zh", text.zh()).field("en", text.en()).endObject();
  }
}
