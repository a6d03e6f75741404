package org.ratefloat.ranking;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.Hashing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.batch.CsvOut;
import org.ratefloat.json.Fault;
import org.ratefloat.json.Faults;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;
import org.ratefloat.json.StrictJson;
import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.InputRules;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.rules.ClassificationSpec;
import org.ratefloat.rules.DocumentFields;
import org.ratefloat.rules.Rounding;
import org.ratefloat.rules.RuleTables;
import org.ratefloat.rules.SourceRef;
import org.ratefloat.rules.TableStatus;
import org.ratefloat.rules.Text;

/**
 * Ranks the employers of key industries for one month. All arithmetic is decimal; equal values share
 * ranks by the definition's tie strategy; the order is deterministic (employer id breaks remaining
 * ties), so permuting the input never changes the result.
 *
 * @since 0.1.0
 */
public final class Ranking {
  public static final String FORMAT = "ratefloat/ranking@1";
  /** How the file of a ranking definition is named: {@code <id>.ranking.json}. */
  static final String BUNDLED_SUFFIX = ".ranking.json";
  private static final BigDecimal TWO = new BigDecimal("2");

  private Ranking() {}

  /**
   * One employer's month, immutable.
   *
   * @param values each indicator's value, in the definition's order; empty where a rate is not ranked
   *     (its denominator is zero or below the indicator's {@code minExposure})
   * @param ranks each indicator's rank, in the same order (empty until ranked)
   */
  public record Entry(String employerId, String name, int riskClass, List<Optional<BigDecimal>> values,
      List<BigDecimal> ranks, BigDecimal score, BigDecimal position) {
    public Entry {
      requireNonNull(employerId, "employerId");
      requireNonNull(name, "name");
      values = List.copyOf(values);
      ranks = List.copyOf(ranks);
      requireNonNull(score, "score");
      requireNonNull(position, "position");
    }
  }

  /**
   * A month's ranking.
   *
   * @param eligible employers of key industries with that month recorded
   * @param skipped employers of key industries without that month (or without a measure it needs)
   * @param all every eligible employer, best position first
   */
  public record Result(RankingSpec spec, YearMonth month, int eligible, int skipped, ImmutableList<Entry> all) {
    public Result {
      requireNonNull(spec, "spec");
      requireNonNull(month, "month");
      requireNonNull(all, "all");
    }

    /** The entries at positions up to the definition's top N (ties at the boundary included). */
    public ImmutableList<Entry> top(int n) {
      return all.stream().filter(e -> e.position().compareTo(BigDecimal.valueOf(n)) <= 0)
          .collect(ImmutableList.toImmutableList());
    }
  }

  // ------------------------------------------------------------------ definition

  /**
   * Loads a ranking definition and the classification it names: {@code <id>.json} next to the
   * definition, or else the bundled classification of that id.
   */
  public static Loaded load(Path file) {
    RuleTables.Named named = RuleTables.read(file);
    List<Path> read = new ArrayList<>(named.file().stream().toList());
    Loaded loaded = parse(named.name(), named.bytes(), RuleTables.recording(RuleTables.beside(file), read));
    return new Loaded(loaded.spec(), loaded.classification(), read);
  }

  /**
   * Loads a ranking definition named by a path or by the id of a bundled definition (the
   * {@code rules/<id>.ranking.json} shipped inside the library): a file at that path wins.
   *
   * @throws RuleTableException {@code RT030} if it is neither, saying where it looked
   */
  public static Loaded load(String fileOrId) {
    Optional<Path> file = RuleTables.asFile(fileOrId);
    if (file.isPresent()) {
      return load(file.get());
    }
    Optional<RuleTables.Named> bundled = RuleTables.bundledFile(fileOrId + BUNDLED_SUFFIX);
    if (bundled.isEmpty()) {
      throw RuleTables.notFound(fileOrId, "ranking definition", RuleTables.bundledWhere(fileOrId + BUNDLED_SUFFIX),
          bundledDefinitions());
    }
    Loaded loaded = parse(bundled.get().name(), bundled.get().bytes(), RuleTables.bundled());
    if (!loaded.spec().id().equals(fileOrId)) {
      throw new RuleTableException(ErrorCode.RT008, bundled.get().name(), "/id", "bundled file "
          + bundled.get().name() + " holds definition \"" + loaded.spec().id() + "\", not \"" + fileOrId + "\"");
    }
    return loaded;
  }

  /** The ids of the ranking definitions shipped inside the library, sorted. */
  public static List<String> bundledDefinitions() {
    return RuleTables.bundledNames().stream().filter(n -> n.endsWith(BUNDLED_SUFFIX))
        .map(n -> n.substring(0, n.length() - BUNDLED_SUFFIX.length())).toList();
  }

  /**
   * A definition with its classification.
   *
   * @param files the real paths of the files read for it (the definition's, its classification's;
   *     none for a bundled one), which no output of the run may be
   */
  public record Loaded(RankingSpec spec, ClassificationSpec classification, List<Path> files) {
    public Loaded {
      requireNonNull(spec, "spec");
      requireNonNull(classification, "classification");
      files = List.copyOf(files);
    }

    /** A definition not read from files. */
    public Loaded(RankingSpec spec, ClassificationSpec classification) {
      this(spec, classification, List.of());
    }
  }

  /**
   * Parses a definition; {@code classifications} gives the classification it names, against which
   * its key divisions are checked.
   */
  static Loaded parse(String source, byte[] bytes, RuleTables.Source refs) {
    Faults faults = Faults.ruleTable(source);
    JsonObject o = JsonValue.root(StrictJson.forRuleTables().read(bytes, faults), faults).asObject();
    DocumentFields.format(o, FORMAT, source);
    String id = DocumentFields.id(o.req("id"));
    String version = o.text("version");
    Text title = DocumentFields.text(o.req("title"));
    TableStatus status = DocumentFields.status(o.req("status"));
    ImmutableList<SourceRef> sources = DocumentFields.sources(o);
    ImmutableList<String> unverified = DocumentFields.strings(o.optArray("unverified"));
    if (status == TableStatus.VERIFIED && !unverified.isEmpty()) {
      throw o.fail("status", Fault.BAD_VALUE,
          "a definition with unverified parameters must have status \"provisional\"");
    }
    JsonValue classificationValue = o.req("classification");
    String classificationId = DocumentFields.id(classificationValue);
    ClassificationSpec classification = RuleTables.classification(classificationId, refs, source,
        classificationValue.pointer());
    JsonObject key = o.object("keyIndustries");
    ImmutableSet<Integer> classes = keyClasses(key);
    ImmutableMap<Edition, ImmutableList<String>> divisions = key.optObject("divisions")
        .map(d -> keyDivisions(d, classification, source)).orElse(ImmutableMap.of());
    key.finish();
    if (classes.isEmpty() && divisions.isEmpty()) {
      throw o.fail("keyIndustries", Fault.MISSING, "name key industries by classes or divisions");
    }
    ImmutableList.Builder<RankingSpec.Indicator> indicators = ImmutableList.builder();
    List<JsonValue> values = o.array("indicators");
    if (values.isEmpty()) {
      throw o.fail("indicators", Fault.MISSING, "a ranking needs at least one indicator");
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (JsonValue v : values) {
      JsonObject i = v.asObject();
      String iid = DocumentFields.id(i.req("id"));
      if (!ids.add(iid)) {
        throw new RuleTableException(ErrorCode.RT007, source, i.pointerOf("id"), "duplicate id \"" + iid + "\"");
      }
      Text label = DocumentFields.text(i.req("label"));
      Measure num = measure(i.req("measure"), source);
      Optional<Measure> den = i.opt("per").map(x -> measure(x, source));
      BigDecimal multiplier = i.optDecimal("multiplier").orElse(BigDecimal.ONE);
      Optional<Rounding> round = i.opt("round").map(Rounding::read);
      if (den.isPresent() && round.isEmpty()) {
        throw i.fail("round", Fault.MISSING, "a rate needs its rounding");
      }
      BigDecimal minExposure = i.optDecimal("minExposure").orElse(BigDecimal.ZERO);
      BigDecimal weight = i.optDecimal("weight").orElse(BigDecimal.ONE);
      i.finish();
      indicators.add(new RankingSpec.Indicator(iid, label, num, den, multiplier, round, minExposure, weight));
    }
    JsonObject combine = o.object("combine");
    JsonValue methodValue = combine.req("method");
    RankingSpec.Method method = RankingSpec.Method.byJsonName(methodValue.asString()).orElseThrow(() ->
        methodValue.fail(Fault.BAD_VALUE, "method must be rankSum or weighted: \"" + methodValue.asString() + "\""));
    JsonValue tiesValue = combine.req("ties");
    RankingSpec.Ties ties = RankingSpec.Ties.byJsonName(tiesValue.asString()).orElseThrow(() ->
        tiesValue.fail(Fault.BAD_VALUE, "ties must be MINIMUM, MAXIMUM, AVERAGE or SEQUENTIAL: \""
            + tiesValue.asString() + "\""));
    Rounding scoreRounding = Rounding.read(combine.req("scoreRound"));
    combine.finish();
    int top = o.req("top").asInt(1, 1_000_000);
    o.finish();
    return new Loaded(new RankingSpec(source, Hashing.sha256().hashBytes(bytes).toString(), id, version, title, status,
        sources, unverified, classificationId, classes, divisions, indicators.build(), method, ties, scoreRounding,
        top), classification);
  }

  private static ImmutableSet<Integer> keyClasses(JsonObject key) {
    Set<Integer> classes = new LinkedHashSet<>();
    for (JsonValue v : key.optArray("classes")) {
      if (!classes.add(v.asInt(1, 99))) {
        throw v.fail(Fault.BAD_VALUE, "class listed twice: " + v.node().asText());
      }
    }
    return ImmutableSet.copyOf(classes);
  }

  /**
   * The key divisions by edition: each a two-digit division the classification knows in that
   * edition, or a three- or four-digit code prefix inside one; none inside another listed one.
   */
  private static ImmutableMap<Edition, ImmutableList<String>> keyDivisions(JsonObject o,
      ClassificationSpec classification, String source) {
    Map<Edition, ImmutableList<String>> byEdition = new LinkedHashMap<>();
    for (String label : o.keys()) {
      JsonValue list = o.req(label);
      Edition edition = Edition.parse(label).orElseThrow(() -> list.fail(Fault.BAD_VALUE, "unknown edition \""
          + label + "\", expected GB/T 4754-2011 or GB/T 4754-2017"));
      if (byEdition.containsKey(edition)) {
        throw list.fail(Fault.BAD_VALUE, edition.label() + " listed twice");
      }
      ClassificationSpec.EditionTable table = classification.editions().get(edition);
      if (table == null) {
        throw new RuleTableException(ErrorCode.RT008, source, list.pointer(), "classification "
            + classification.id() + " does not cover " + edition.label());
      }
      Set<String> known = new HashSet<>();
      for (Map<String, ?> codes : List.of(table.classes(), table.unmapped(), table.needsDetail())) {
        codes.keySet().forEach(c -> known.add(c.substring(0, 2)));
      }
      List<JsonValue> values = list.asArray();
      if (values.isEmpty()) {
        throw list.fail(Fault.BAD_VALUE, "list at least one division of " + edition.label() + " or leave it out");
      }
      List<String> prefixes = new ArrayList<>();
      for (JsonValue v : values) {
        String code = v.asString();
        if (!IndustryCode.isCode(code)) {
          throw v.fail(Fault.BAD_VALUE, "a division has two digits, a code prefix inside one three or four: \""
              + InputRules.abbreviate(code) + "\"");
        }
        if (!known.contains(code.substring(0, 2))) {
          throw new RuleTableException(ErrorCode.RT008, source, v.pointer(), edition.label() + " has no division "
              + code.substring(0, 2) + " in classification " + classification.id());
        }
        for (String earlier : prefixes) {
          if (code.startsWith(earlier) || earlier.startsWith(code)) {
            throw v.fail(Fault.BAD_VALUE, earlier.equals(code) ? "\"" + code + "\" listed twice"
                : "\"" + code + "\" and \"" + earlier + "\" overlap: list the division or the codes inside it");
          }
        }
        prefixes.add(code);
      }
      byEdition.put(edition, ImmutableList.copyOf(prefixes));
    }
    o.finish();
    return ImmutableMap.copyOf(byEdition);
  }

  private static Measure measure(JsonValue v, String source) {
    return Measure.byJsonName(v.asString()).orElseThrow(() -> new RuleTableException(ErrorCode.RT008, source,
        v.pointer(), "unknown measure \"" + v.asString() + "\""));
  }

  // ------------------------------------------------------------------ ranking

  /** Collects employers one by one (streaming input) and ranks them at the end. */
  public static final class Builder {
    private final RankingSpec spec;
    private final ClassificationSpec classification;
    private final YearMonth month;
    private final List<Entry> entries = new ArrayList<>();
    private int skipped;

    public Builder(Loaded loaded, YearMonth month) {
      this.spec = loaded.spec();
      this.classification = loaded.classification();
      this.month = month;
    }

    /** Adds an employer if it belongs to a key industry (classification errors propagate). */
    public void add(RatingCase c) {
      int riskClass = c.employer().riskClassOverride().orElseGet(() -> classification.classify(c.employer().industry()));
      if (!spec.isKey(c.employer().industry(), riskClass)) {
        return;
      }
      Optional<Period> period = c.history().stream().filter(p -> p.from().equals(month.atDay(1))
          && p.to().equals(month.atEndOfMonth())).findFirst();
      if (period.isEmpty()) {
        skipped++;
        return;
      }
      List<Optional<BigDecimal>> values = new ArrayList<>();
      for (RankingSpec.Indicator i : spec.indicators()) {
        Optional<BigDecimal> num = period.get().value(i.numerator());
        if (num.isEmpty()) {
          skipped++;
          return;
        }
        if (i.denominator().isEmpty()) {
          values.add(Optional.of(num.get().multiply(i.multiplier())));
          continue;
        }
        Optional<BigDecimal> den = period.get().value(i.denominator().get());
        if (den.isEmpty()) {
          skipped++;
          return;
        }
        if (den.get().signum() == 0 || den.get().compareTo(i.minExposure()) < 0) {
          values.add(Optional.empty());
        } else {
          Rounding r = i.round().orElseThrow();
          values.add(Optional.of(num.get().multiply(i.multiplier()).divide(den.get(), r.scale(), r.mode())));
        }
      }
      entries.add(new Entry(c.employer().id(), c.employer().name(), riskClass, values, List.of(), BigDecimal.ZERO,
          BigDecimal.ZERO));
    }

    public Result build() {
      return rank(spec, month, entries, skipped);
    }
  }

  static Result rank(RankingSpec spec, YearMonth month, List<Entry> input, int skipped) {
    List<Entry> entries = new ArrayList<>(input);
    entries.sort(Comparator.comparing(Entry::employerId));
    int n = entries.size();
    int k = spec.indicators().size();
    BigDecimal[][] ranks = new BigDecimal[n][k];
    BigDecimal[][] norms = new BigDecimal[n][k];
    Rounding sr = spec.scoreRounding();
    for (int j = 0; j < k; j++) {
      final int col = j;
      List<Integer> available = new ArrayList<>();
      BigDecimal min = null;
      BigDecimal max = null;
      for (int e = 0; e < n; e++) {
        BigDecimal v = entries.get(e).values().get(col).orElse(null);
        if (v != null) {
          available.add(e);
          min = min == null || v.compareTo(min) < 0 ? v : min;
          max = max == null || v.compareTo(max) > 0 ? v : max;
        }
      }
      // worst (largest) first; employer id order among equals (entries are sorted by id)
      available.sort((a, b) -> entries.get(b).values().get(col).orElseThrow()
          .compareTo(entries.get(a).values().get(col).orElseThrow()));
      BigDecimal[] r = ranksOf(available.stream().map(e -> entries.get(e).values().get(col).orElseThrow()).toList(),
          spec.ties());
      for (int x = 0; x < available.size(); x++) {
        ranks[available.get(x)][col] = r[x];
      }
      BigDecimal last = BigDecimal.valueOf(available.size() + 1L);
      for (int e = 0; e < n; e++) {
        BigDecimal v = entries.get(e).values().get(col).orElse(null);
        if (v == null) {
          ranks[e][col] = last;
          norms[e][col] = BigDecimal.ZERO;
        } else if (max.compareTo(min) == 0) {
          norms[e][col] = BigDecimal.ZERO;
        } else {
          norms[e][col] = v.subtract(min).divide(max.subtract(min), sr.scale(), sr.mode());
        }
      }
    }
    List<Entry> scored = new ArrayList<>(n);
    for (int e = 0; e < n; e++) {
      BigDecimal score = BigDecimal.ZERO;
      for (int j = 0; j < k; j++) {
        score = score.add(spec.method() == RankingSpec.Method.RANK_SUM ? ranks[e][j]
            : norms[e][j].multiply(spec.indicators().get(j).weight()));
      }
      score = sr.apply(score);
      Entry in = entries.get(e);
      scored.add(new Entry(in.employerId(), in.name(), in.riskClass(), in.values(), List.of(ranks[e]), score,
          BigDecimal.ZERO));
    }
    boolean ascending = spec.method() == RankingSpec.Method.RANK_SUM;
    Comparator<Entry> byScore = Comparator.comparing(Entry::score);
    scored.sort((ascending ? byScore : byScore.reversed()).thenComparing(Entry::employerId));
    BigDecimal[] positions = ranksOf(scored.stream().map(Entry::score).toList(), spec.ties());
    ImmutableList.Builder<Entry> all = ImmutableList.builder();
    for (int e = 0; e < n; e++) {
      Entry s = scored.get(e);
      all.add(new Entry(s.employerId(), s.name(), s.riskClass(), s.values(), s.ranks(), s.score(), positions[e]));
    }
    return new Result(spec, month, n, skipped, all.build());
  }

  /** Ranks 1..n of values already in ranking order, equal neighbours sharing by the tie strategy. */
  static BigDecimal[] ranksOf(List<BigDecimal> ordered, RankingSpec.Ties ties) {
    int n = ordered.size();
    BigDecimal[] r = new BigDecimal[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && ordered.get(j + 1).compareTo(ordered.get(i)) == 0) {
        j++;
      }
      for (int x = i; x <= j; x++) {
        r[x] = switch (ties) {
          case MINIMUM -> BigDecimal.valueOf(i + 1L);
          case MAXIMUM -> BigDecimal.valueOf(j + 1L);
          // a shared rank is whole or half: 1.5, never 1.0
          case AVERAGE -> (i + j) % 2 == 0 ? BigDecimal.valueOf((i + j) / 2 + 1L)
              : BigDecimal.valueOf(i + 1L + j + 1L).divide(TWO, 1, RoundingMode.UNNECESSARY);
          case SEQUENTIAL -> BigDecimal.valueOf(x + 1L);
        };
      }
      i = j + 1;
    }
    return r;
  }

  /** The ranking as canonical JSON (pretty): definition identity, month, counts, the top N, changes. */
  public static byte[] json(Result result, int top, Optional<Result> previous) {
    org.ratefloat.json.JsonOut out = new org.ratefloat.json.JsonOut(true);
    RankingSpec spec = result.spec();
    out.beginObject().field("format", "ratefloat/ranking-result@1");
    out.name("definition").beginObject().field("id", spec.id()).field("version", spec.version())
        .field("status", spec.status().jsonName()).field("sha256", spec.sha256());
    text(out.name("title"), spec.title());
    out.endObject();
    out.field("month", result.month().toString()).field("method", spec.method().jsonName())
        .field("ties", spec.ties().name());
    out.field("eligible", result.eligible()).field("skipped", result.skipped()).field("top", top);
    out.name("indicators").beginArray();
    for (RankingSpec.Indicator i : spec.indicators()) {
      out.beginObject().field("id", i.id());
      text(out.name("label"), i.label());
      out.endObject();
    }
    out.endArray();
    out.name("entries").beginArray();
    for (Entry e : result.top(top)) {
      out.beginObject().field("position", e.position()).field("employerId", e.employerId());
      if (!e.name().isEmpty()) {
        out.field("name", e.name());
      }
      out.field("riskClass", e.riskClass());
      out.name("indicators").beginArray();
      for (int j = 0; j < spec.indicators().size(); j++) {
        out.beginObject().field("id", spec.indicators().get(j).id());
        Optional<BigDecimal> v = e.values().get(j);
        if (v.isEmpty()) {
          out.name("value").nullValue();
        } else {
          out.field("value", v.get());
        }
        out.field("rank", e.ranks().get(j)).endObject();
      }
      out.endArray().field("score", e.score()).endObject();
    }
    out.endArray();
    previous.ifPresent(p -> {
      java.util.Set<String> now = ids(result.top(top));
      java.util.Set<String> before = ids(p.top(top));
      out.name("comparedWith").beginObject().field("month", p.month().toString());
      out.name("entered").beginArray();
      now.stream().filter(id -> !before.contains(id)).sorted().forEach(out::value);
      out.endArray().name("left").beginArray();
      before.stream().filter(id -> !now.contains(id)).sorted().forEach(out::value);
      out.endArray().endObject();
    });
    out.endObject();
    return out.bytes();
  }

  private static void text(org.ratefloat.json.JsonOut out, Text text) {
    out.beginObject().field("zh", text.zh()).field("en", text.en()).endObject();
  }

  private static java.util.Set<String> ids(List<Entry> entries) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    entries.forEach(e -> ids.add(e.employerId()));
    return ids;
  }

  /** The top N as CSV: position, employer, class, each indicator's value and rank, score. */
  public static String csv(Result result, int top) {
    List<String> header = new ArrayList<>(List.of("position", "employerId", "riskClass"));
    for (RankingSpec.Indicator i : result.spec().indicators()) {
      header.add(i.id() + "Value");
      header.add(i.id() + "Rank");
    }
    header.add("score");
    StringBuilder out = new StringBuilder(CsvOut.row(header));
    for (Entry e : result.top(top)) {
      List<String> row = new ArrayList<>(List.of(e.position().toPlainString(), e.employerId(),
          String.valueOf(e.riskClass())));
      for (int j = 0; j < e.values().size(); j++) {
        row.add(e.values().get(j).map(BigDecimal::toPlainString).orElse(""));
        row.add(e.ranks().get(j).toPlainString());
      }
      row.add(e.score().toPlainString());
      out.append(CsvOut.row(row));
    }
    return out.toString();
  }
}
