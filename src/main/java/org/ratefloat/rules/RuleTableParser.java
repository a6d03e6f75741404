package org.ratefloat.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.Hashing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.json.Fault;
import org.ratefloat.json.Faults;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;
import org.ratefloat.json.StrictJson;
import org.ratefloat.model.Claim;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Measure;

/**
 * Parses and checks one rule-table or classification file. Everything that can be checked within
 * the file is checked here: keys, types, exact decimals, ids, references to indicators, condition
 * types, empty ranges, ladders and step order. References to other files are resolved by
 * {@link RuleTables}.
 */
final class RuleTableParser {
  static final String TABLE_FORMAT = "ratefloat/rule-table@1";
  static final String CLASSIFICATION_FORMAT = "ratefloat/classification@1";
  static final int MAX_ROWS = 10_000;
  /** Longest chain of formulas referring to formulas. */
  static final int MAX_FORMULA_DEPTH = 32;
  /** Operations, constants and references in one formula. */
  static final int MAX_FORMULA_NODES = 256;
  private static final StrictJson JSON = StrictJson.forRuleTables();

  private final String source;
  private final Faults faults;
  private final Map<String, String> ids = new HashMap<>();
  private final Map<String, IndicatorSpec> indicators = new HashMap<>();
  private final Map<String, RuleTableSpec.DeclaredDomain> domains = new java.util.LinkedHashMap<>();
  private final Map<String, ImmutableSet<String>> allowed = new java.util.LinkedHashMap<>();

  private RuleTableParser(String source) {
    this.source = source;
    this.faults = Faults.ruleTable(source);
  }

  static String sha256(byte[] bytes) {
    return Hashing.sha256().hashBytes(bytes).toString();
  }

  /** Parses the document's {@code format} key only, to tell tables from classifications. */
  static JsonObject root(String source, byte[] bytes) {
    Faults faults = Faults.ruleTable(source);
    return JsonValue.root(JSON.read(bytes, faults), faults).asObject();
  }

  static RuleTableSpec parseTable(String source, byte[] bytes, JsonObject o) {
    return new RuleTableParser(source).table(sha256(bytes), o);
  }

  static ClassificationSpec parseClassification(String source, byte[] bytes, JsonObject o) {
    return new RuleTableParser(source).classification(sha256(bytes), o);
  }

  private RuleTableException error(ErrorCode code, String pointer, String detail) {
    return new RuleTableException(code, source, pointer, detail);
  }

  // ------------------------------------------------------------------ table

  private RuleTableSpec table(String sha256, JsonObject o) {
    format(o, TABLE_FORMAT);
    String kind = o.req("kind").asString();
    if (!kind.equals("measure") && !kind.equals("base")) {
      throw o.fail("kind", Fault.BAD_VALUE, "kind must be \"measure\" or \"base\": \"" + kind + "\"");
    }
    String id = id(o.req("id"));
    String version = o.text("version");
    String jurisdiction = o.text("jurisdiction");
    Text title = text(o.req("title"));
    LocalDate from = o.date("effectiveFrom");
    Optional<LocalDate> to = o.optDate("effectiveTo");
    if (to.isPresent() && to.get().isBefore(from)) {
      throw error(ErrorCode.RT012, o.pointerOf("effectiveTo"),
          "effective period is empty: " + from + ".." + to.get());
    }
    TableStatus status = status(o.req("status"));
    ImmutableList<SourceRef> sources = sources(o);
    ImmutableList<String> unverified = strings(o.optArray("unverified"));
    ImmutableList<String> gaps = strings(o.optArray("gaps"));
    strings(o.optArray("notes"));
    if (status == TableStatus.VERIFIED && !(unverified.isEmpty() && gaps.isEmpty())) {
      throw o.fail("status", Fault.BAD_VALUE,
          "a table with unverified parameters or gaps must have status \"provisional\"");
    }
    Optional<String> base = o.opt("base").map(this::id);
    Optional<String> classification = o.opt("classification").map(this::id);
    Optional<RateBasis> basis = rateBasis(o);
    Optional<Rounding> rateRounding = Optional.empty();
    Optional<Rounding> premiumRounding = Optional.empty();
    Optional<JsonObject> rounding = o.optObject("rounding");
    if (rounding.isPresent()) {
      rateRounding = rounding.get().opt("rate").map(Rounding::read);
      premiumRounding = rounding.get().opt("premium").map(Rounding::read);
      rounding.get().finish();
    }
    ImmutableList.Builder<IndicatorSpec> indicatorList = ImmutableList.builder();
    for (JsonValue v : o.optArray("indicators")) {
      IndicatorSpec spec = indicator(v.asObject());
      indicators.put(spec.id(), spec);
      indicatorList.add(spec);
    }
    checkFormulas(indicatorList.build());
    List<JsonValue> stepValues = o.optArray("steps");
    ImmutableList.Builder<StepSpec> steps = ImmutableList.builder();
    String rateStep = null;
    int rows = 0;
    for (JsonValue v : stepValues) {
      StepSpec step = step(v.asObject());
      if (step instanceof StepSpec.RateLimit) {
        rateStep = step.id();
      } else if (rateStep != null) {
        throw error(ErrorCode.RT013, step.pointer(), "step " + step.id() + " changes the band after "
            + "the rate limit " + rateStep + " fixed the rate; put rate floors and caps last");
      }
      if (step instanceof StepSpec.Rows r) {
        rows += r.rows().size();
        if (rows > MAX_ROWS) {
          throw error(ErrorCode.RT017, r.pointer(), "more than " + MAX_ROWS + " rows");
        }
      }
      steps.add(step);
    }
    o.finish();
    return new RuleTableSpec(source, sha256, kind, id, version, jurisdiction, title, from, to, status,
        sources, unverified, gaps, base, classification, basis, rateRounding, premiumRounding,
        indicatorList.build(), steps.build(), ImmutableMap.copyOf(domains), ImmutableMap.copyOf(allowed));
  }

  private void format(JsonObject o, String expected) {
    DocumentFields.format(o, expected, source);
  }

  private String id(JsonValue v) {
    return DocumentFields.id(v);
  }

  /** An id that must be unique within the table (indicators, steps and rows share one namespace). */
  private String newId(JsonValue v) {
    String id = id(v);
    String previous = ids.putIfAbsent(id, v.pointer());
    if (previous != null) {
      throw error(ErrorCode.RT007, v.pointer(), "duplicate id \"" + id + "\", first used at " + previous);
    }
    return id;
  }

  private Text text(JsonValue v) {
    return DocumentFields.text(v);
  }

  private TableStatus status(JsonValue v) {
    return DocumentFields.status(v);
  }

  private ImmutableList<SourceRef> sources(JsonObject o) {
    return DocumentFields.sources(o);
  }

  private ImmutableList<String> strings(List<JsonValue> values) {
    return DocumentFields.strings(values);
  }

  private Optional<RateBasis> rateBasis(JsonObject o) {
    Optional<JsonObject> benchmarks = o.optObject("benchmarks");
    Optional<JsonObject> ladders = o.optObject("ladders");
    if (benchmarks.isEmpty() && ladders.isEmpty()) {
      return Optional.empty();
    }
    if (benchmarks.isEmpty() || ladders.isEmpty()) {
      String missing = benchmarks.isEmpty() ? "benchmarks" : "ladders";
      throw o.fail(missing, Fault.MISSING, "benchmarks and ladders go together; \"" + missing
          + "\" is missing");
    }
    TreeMap<Integer, Optional<BigDecimal>> bench = new TreeMap<>();
    JsonObject b = benchmarks.get();
    for (String key : b.keys()) {
      int riskClass = classKey(b, key);
      JsonValue v = b.opt(key).orElse(null);
      if (v == null) {
        b.has(key);
        bench.put(riskClass, Optional.empty());
      } else {
        BigDecimal rate = v.asDecimal();
        if (rate.signum() <= 0) {
          throw v.fail(Fault.BAD_VALUE, "benchmark rate must be positive: " + rate.toPlainString());
        }
        bench.put(riskClass, Optional.of(rate));
      }
    }
    b.finish();
    if (bench.isEmpty()) {
      throw error(ErrorCode.RT004, b.pointer(), "no risk class has a benchmark");
    }
    JsonObject l = ladders.get();
    Optional<ImmutableList<BigDecimal>> fallback = l.opt("default").map(this::ladder);
    Map<Integer, ImmutableList<BigDecimal>> byClass = new TreeMap<>();
    l.optObject("byClass").ifPresent(c -> {
      for (String key : c.keys()) {
        int riskClass = classKey(c, key);
        if (!bench.containsKey(riskClass)) {
          throw c.fail(key, Fault.BAD_VALUE, "class " + riskClass + " has a ladder but no benchmark");
        }
        byClass.put(riskClass, ladder(c.req(key)));
      }
      c.finish();
    });
    l.finish();
    ImmutableSortedMap.Builder<Integer, ImmutableList<BigDecimal>> all = ImmutableSortedMap.naturalOrder();
    for (int riskClass : bench.keySet()) {
      ImmutableList<BigDecimal> ladder = byClass.containsKey(riskClass) ? byClass.get(riskClass)
          : fallback.orElseThrow(() -> error(ErrorCode.RT010, l.pointer(),
              "class " + riskClass + " has no ladder and there is no default ladder"));
      all.put(riskClass, ladder);
    }
    return Optional.of(new RateBasis(ImmutableSortedMap.copyOf(bench), all.build()));
  }

  private int classKey(JsonObject o, String key) {
    if (!key.matches("[1-9][0-9]?")) {
      throw o.fail(key, Fault.BAD_VALUE, "risk classes are numbered 1 to 99: \"" + key + "\"");
    }
    return Integer.parseInt(key);
  }

  private ImmutableList<BigDecimal> ladder(JsonValue v) {
    List<JsonValue> items = v.asArray();
    ImmutableList.Builder<BigDecimal> ladder = ImmutableList.builder();
    BigDecimal previous = null;
    boolean benchmark = false;
    for (JsonValue item : items) {
      BigDecimal m = item.asDecimal();
      if (m.signum() <= 0) {
        throw error(ErrorCode.RT010, item.pointer(), "band multiplier must be positive: " + m.toPlainString());
      }
      if (previous != null && m.compareTo(previous) <= 0) {
        throw error(ErrorCode.RT010, item.pointer(), "ladder must rise strictly: "
            + previous.toPlainString() + " then " + m.toPlainString());
      }
      benchmark |= m.compareTo(BigDecimal.ONE) == 0;
      previous = m;
      ladder.add(m);
    }
    if (!benchmark) {
      throw error(ErrorCode.RT010, v.pointer(), "ladder must contain the benchmark band 1.0");
    }
    return ladder.build();
  }

  // ------------------------------------------------------------------ indicators

  private IndicatorSpec indicator(JsonObject o) {
    String id = newId(o.req("id"));
    String p = o.pointer();
    Text label = text(o.req("label"));
    JsonValue kindValue = o.req("kind");
    IndicatorSpec.Kind kind = IndicatorSpec.Kind.byJsonName(kindValue.asString()).orElseThrow(() -> error(
        ErrorCode.RT014, kindValue.pointer(), "unknown indicator kind \"" + kindValue.asString()
            + "\", expected ratio, total, streak, claims, flag, customFlag, safetyStandardGrade, "
            + "safetyCreditRating, insuredMonths, currentBand, covered or formula"));
    allow(o);
    IndicatorSpec spec = switch (kind) {
      case RATIO -> {
        Window window = window(o.req("window"));
        Measure num = measure(o.req("numerator"), false);
        Measure den = measure(o.req("denominator"), false);
        if (num == den) {
          throw error(ErrorCode.RT009, o.pointerOf("denominator"), "numerator and denominator are both " + num.jsonName());
        }
        BigDecimal multiplier = o.opt("multiplier").map(this::positive).orElse(BigDecimal.ONE);
        BigDecimal divisor = o.opt("divisor").map(this::positive).orElse(BigDecimal.ONE);
        Optional<Rounding> round = o.opt("round").map(Rounding::read);
        Optional<BigDecimal> zero = o.opt("zeroDenominator").map(JsonValue::asDecimal);
        yield new IndicatorSpec.Ratio(id, p, label, window, num, den, multiplier, divisor, round, zero);
      }
      case TOTAL -> {
        Window window = window(o.req("window"));
        JsonValue m = o.req("measure");
        if (m.asString().equals("disabilityCases")) {
          int[] grades = grades(o.req("grades"));
          yield new IndicatorSpec.Total(id, p, label, window, Optional.empty(), grades[0], grades[1]);
        }
        yield new IndicatorSpec.Total(id, p, label, window, Optional.of(measure(m, true)), 0, 0);
      }
      case STREAK -> {
        int years = o.req("maxYears").asInt(1, 50);
        ImmutableList.Builder<Measure> zero = ImmutableList.builder();
        List<JsonValue> values = o.array("zero");
        if (values.isEmpty()) {
          throw o.fail("zero", Fault.MISSING, "name at least one measure that must be zero");
        }
        for (JsonValue v : values) {
          zero.add(measure(v, true));
        }
        yield new IndicatorSpec.Streak(id, p, label, years, zero.build());
      }
      case CLAIMS -> {
        Window window = window(o.req("window"));
        JsonValue m = o.req("measure");
        IndicatorSpec.ClaimMeasure measure = java.util.Arrays.stream(IndicatorSpec.ClaimMeasure.values())
            .filter(c -> c.jsonName().equals(m.asString())).findFirst().orElseThrow(() -> m.fail(
                Fault.BAD_VALUE, "claims measure must be count, paid or incurred: \"" + m.asString() + "\""));
        ImmutableSet.Builder<Claim.ClaimKind> kinds = ImmutableSet.builder();
        for (JsonValue v : o.optArray("kinds")) {
          kinds.add(Claim.ClaimKind.byJsonName(v.asString()).orElseThrow(() -> v.fail(Fault.BAD_VALUE,
              "claim kind must be injury, death or occupationalDisease: \"" + v.asString() + "\"")));
        }
        int[] grades = o.opt("grades").map(this::grades).orElse(new int[] {0, 0});
        Optional<Boolean> medicalOnly = o.opt("medicalOnly").map(JsonValue::asBoolean);
        yield new IndicatorSpec.Claims(id, p, label, window, measure, kinds.build(), grades[0], grades[1],
            medicalOnly);
      }
      case FLAG -> {
        JsonValue f = o.req("flag");
        IndicatorSpec.StatusFlag flag = IndicatorSpec.StatusFlag.byJsonName(f.asString()).orElseThrow(() ->
            error(ErrorCode.RT008, f.pointer(), "unknown flag \"" + f.asString() + "\", expected one of "
                + java.util.Arrays.stream(IndicatorSpec.StatusFlag.values()).map(IndicatorSpec.StatusFlag::jsonName)
                    .toList() + " (or kind customFlag)"));
        yield new IndicatorSpec.Flag(id, p, label, flag);
      }
      case CUSTOM_FLAG -> {
        JsonValue n = o.req("name");
        if (!n.asString().matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
          throw n.fail(Fault.BAD_VALUE, "flag names are letters, digits and _: \"" + n.asString() + "\"");
        }
        yield new IndicatorSpec.CustomFlag(id, p, label, n.asString(),
            o.opt("whenAbsent").map(JsonValue::asBoolean));
      }
      case SAFETY_STANDARD_GRADE -> new IndicatorSpec.SafetyStandardGrade(id, p, label);
      case SAFETY_CREDIT_RATING -> new IndicatorSpec.SafetyCreditRating(id, p, label,
          o.opt("whenAbsent").map(JsonValue::asText));
      case INSURED_MONTHS -> new IndicatorSpec.InsuredMonths(id, p, label,
          o.opt("whenUnknown").map(JsonValue::asNonNegativeDecimal));
      case CURRENT_BAND -> new IndicatorSpec.CurrentBand(id, p, label);
      case COVERED -> new IndicatorSpec.Covered(id, p, label, window(o.req("window")));
      case FORMULA -> {
        JsonValue e = o.req("expr");
        Expr expr = expr(e);
        if (nodes(expr) > MAX_FORMULA_NODES) {
          throw error(ErrorCode.RT017, e.pointer(), "formula " + id + " has more than " + MAX_FORMULA_NODES
              + " operations, constants and references");
        }
        yield new IndicatorSpec.Formula(id, p, label, expr, o.opt("round").map(Rounding::read),
            o.opt("zeroDenominator").map(JsonValue::asDecimal));
      }
    };
    o.optObject("domain").ifPresent(d -> {
      if (spec.type() != ValueType.NUMBER) {
        throw error(ErrorCode.RT011, d.pointer(), "only numeric indicators have a domain");
      }
      BigDecimal step = d.opt("step").map(v -> {
        BigDecimal x = v.asDecimal();
        if (x.signum() < 0) {
          throw v.fail(Fault.BAD_VALUE, "step must not be negative: " + x.toPlainString());
        }
        return x;
      }).orElse(BigDecimal.ZERO);
      domains.put(spec.id(), new RuleTableSpec.DeclaredDomain(interval(spec.id(), d, "step"), step));
    });
    o.finish();
    return spec;
  }

  /** Codes a step or row acknowledges; only warnings may be acknowledged. */
  private void allow(JsonObject o) {
    List<JsonValue> codes = o.optArray("allow");
    if (codes.isEmpty()) {
      return;
    }
    ImmutableSet.Builder<String> set = ImmutableSet.builder();
    for (JsonValue v : codes) {
      String code = v.asString();
      if (!Set.of("RT022", "RT023", "RT025", "RT026", "RT028", "RT029").contains(code)) {
        throw v.fail(Fault.BAD_VALUE, "only warnings can be allowed (RT022, RT023, RT025, RT026, RT028, "
            + "RT029): \"" + code + "\"");
      }
      set.add(code);
    }
    allowed.put(o.pointer(), set.build());
  }

  private Expr expr(JsonValue v) {
    if (v.isString()) {
      return new Expr.Ref(v.asString(), v.pointer());
    }
    if (v.isNumber()) {
      return new Expr.Const(v.asDecimal());
    }
    JsonObject o = v.asObject();
    List<String> keys = o.keys();
    if (keys.size() != 1) {
      throw error(ErrorCode.RT009, o.pointer(), "an expression has exactly one of const, add, sub, mul, div, "
          + "min, max; found " + keys);
    }
    String key = keys.get(0);
    if (key.equals("const")) {
      return new Expr.Const(o.decimal("const"));
    }
    Expr.Operator op = Expr.Operator.byJsonName(key).orElseThrow(() -> error(ErrorCode.RT003,
        o.pointerOf(key), "unknown operation \"" + key + "\", expected const, add, sub, mul, div, min or max"));
    List<JsonValue> args = o.array(key);
    boolean binary = op.binary();
    if (binary ? args.size() != 2 : args.size() < 2) {
      throw error(ErrorCode.RT009, o.pointerOf(key), key + " takes " + (binary ? "exactly two" : "two or more")
          + " arguments, found " + args.size());
    }
    ImmutableList.Builder<Expr> parsed = ImmutableList.builder();
    for (JsonValue a : args) {
      parsed.add(expr(a));
    }
    o.finish();
    return new Expr.Op(op, parsed.build(), o.pointerOf(key));
  }

  /** Every formula refers to known numeric indicators, and no formula depends on itself. */
  private void checkFormulas(List<IndicatorSpec> all) {
    for (IndicatorSpec spec : all) {
      if (spec instanceof IndicatorSpec.Formula f) {
        for (Expr.Ref ref : refs(f.expr())) {
          IndicatorSpec target = indicators.get(ref.indicator());
          if (target == null) {
            throw error(ErrorCode.RT008, ref.pointer(), "unknown indicator \"" + ref.indicator() + "\"");
          }
          if (target.type() != ValueType.NUMBER) {
            throw error(ErrorCode.RT011, ref.pointer(), ref.indicator() + " is not a number and cannot be "
                + "used in a formula");
          }
        }
      }
    }
    chains(all);
  }

  /**
   * Refuses a formula that depends on itself (RT018) or sits on a chain of more than
   * {@link #MAX_FORMULA_DEPTH} formulas (RT017). Iterative, so that no table can exhaust the stack
   * here, and the engine, which follows the same chains, never meets a deeper one.
   */
  private void chains(List<IndicatorSpec> all) {
    // depth of each formula: 1 + the deepest formula it refers to, computed in dependency order
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> users = new HashMap<>();
    java.util.ArrayDeque<String> ready = new java.util.ArrayDeque<>();
    Map<String, Integer> depth = new HashMap<>();
    for (IndicatorSpec spec : all) {
      int formulas = 0;
      if (spec instanceof IndicatorSpec.Formula f) {
        for (String ref : new java.util.LinkedHashSet<>(refs(f.expr()).stream().map(Expr.Ref::indicator).toList())) {
          if (indicators.get(ref) instanceof IndicatorSpec.Formula) {
            formulas++;
            users.computeIfAbsent(ref, k -> new java.util.ArrayList<>()).add(spec.id());
          }
        }
      }
      waiting.put(spec.id(), formulas);
      if (formulas == 0) {
        ready.add(spec.id());
        depth.put(spec.id(), spec instanceof IndicatorSpec.Formula ? 1 : 0);
      }
    }
    while (!ready.isEmpty()) {
      String id = ready.poll();
      int d = depth.get(id);
      if (d > MAX_FORMULA_DEPTH) {
        throw error(ErrorCode.RT017, indicators.get(id).pointer() + "/expr", "formula " + id
            + " sits on a chain of more than " + MAX_FORMULA_DEPTH + " formulas");
      }
      for (String user : users.getOrDefault(id, List.of())) {
        depth.merge(user, d + 1, Math::max);
        if (waiting.merge(user, -1, Integer::sum) == 0) {
          ready.add(user);
        }
      }
    }
    for (IndicatorSpec spec : all) {
      if (waiting.get(spec.id()) > 0) {
        // on or behind a cycle: walk the unresolved references until one repeats
        List<String> path = new java.util.ArrayList<>();
        Map<String, Integer> at = new HashMap<>();
        String id = spec.id();
        while (!at.containsKey(id)) {
          at.put(id, path.size());
          path.add(id);
          IndicatorSpec.Formula f = (IndicatorSpec.Formula) indicators.get(id);
          id = refs(f.expr()).stream().map(Expr.Ref::indicator).filter(r -> waiting.get(r) > 0)
              .findFirst().orElseThrow();
        }
        List<String> loop = new java.util.ArrayList<>(path.subList(at.get(id), path.size()));
        loop.add(id);
        throw error(ErrorCode.RT018, indicators.get(id).pointer() + "/expr", "circular definition: "
            + String.join(" -> ", loop));
      }
    }
  }

  /** Nodes of an expression (its depth is bounded by the JSON reader's depth limit). */
  private static int nodes(Expr e) {
    if (e instanceof Expr.Op op) {
      int n = 1;
      for (Expr a : op.args()) {
        n += nodes(a);
        if (n > MAX_FORMULA_NODES) {
          return n;
        }
      }
      return n;
    }
    return 1;
  }

  static List<Expr.Ref> refs(Expr e) {
    List<Expr.Ref> refs = new java.util.ArrayList<>();
    collect(e, refs);
    return refs;
  }

  private static void collect(Expr e, List<Expr.Ref> refs) {
    if (e instanceof Expr.Ref r) {
      refs.add(r);
    } else if (e instanceof Expr.Op op) {
      op.args().forEach(a -> collect(a, refs));
    }
  }

  private BigDecimal positive(JsonValue v) {
    BigDecimal value = v.asDecimal();
    if (value.signum() <= 0) {
      throw v.fail(Fault.BAD_VALUE, "must be positive: " + value.toPlainString());
    }
    return value;
  }

  private int[] grades(JsonValue v) {
    List<JsonValue> pair = v.asArray();
    if (pair.size() != 2) {
      throw v.fail(Fault.BAD_VALUE, "grades is a pair [from, to] of disability grades 1..10");
    }
    int from = pair.get(0).asInt(1, 10);
    int to = pair.get(1).asInt(1, 10);
    if (to < from) {
      throw error(ErrorCode.RT012, v.pointer(), "empty grade range [" + from + ", " + to + "]");
    }
    return new int[] {from, to};
  }

  private Measure measure(JsonValue v, boolean peakAllowed) {
    String name = v.asString();
    Measure m = Measure.byJsonName(name).orElseThrow(() -> error(ErrorCode.RT008, v.pointer(),
        "unknown measure \"" + name + "\""));
    if (!peakAllowed && m.kind() == Measure.Kind.PEAK) {
      throw error(ErrorCode.RT011, v.pointer(), "a ratio cannot use the peak measure " + name);
    }
    return m;
  }

  private Window window(JsonValue v) {
    JsonObject o = v.asObject();
    Window window;
    if (o.has("calendarYears")) {
      int years = o.req("calendarYears").asInt(1, 50);
      int skip = o.opt("skip").map(s -> s.asInt(0, 50)).orElse(0);
      window = Window.calendarYears(years, skip);
    } else {
      LocalDate from = o.date("from");
      LocalDate to = o.date("to");
      if (to.isBefore(from)) {
        throw error(ErrorCode.RT012, o.pointerOf("to"), "empty window " + from + ".." + to);
      }
      window = Window.range(from, to);
    }
    o.finish();
    return window;
  }

  // ------------------------------------------------------------------ steps

  private StepSpec step(JsonObject o) {
    String id = newId(o.req("id"));
    String p = o.pointer();
    Text label = text(o.req("label"));
    ImmutableSet<Integer> classes = classes(o);
    JsonValue kindValue = o.req("kind");
    StepSpec.Kind kind = StepSpec.Kind.byJsonName(kindValue.asString()).orElseThrow(() -> error(
        ErrorCode.RT014, kindValue.pointer(), "unknown step kind \"" + kindValue.asString()
            + "\", expected gate, table, veto, limitMove, rateFloor or rateCap"));
    allow(o);
    StepSpec step = switch (kind) {
      case GATE, TABLE -> {
        StepSpec.HitPolicy hit = StepSpec.HitPolicy.FIRST;
        if (kind == StepSpec.Kind.TABLE) {
          JsonValue h = o.req("hitPolicy");
          hit = switch (h.asString()) {
            case "UNIQUE" -> StepSpec.HitPolicy.UNIQUE;
            case "FIRST" -> StepSpec.HitPolicy.FIRST;
            default -> throw h.fail(Fault.BAD_VALUE,
                "hitPolicy must be UNIQUE or FIRST: \"" + h.asString() + "\"");
          };
        }
        boolean noMatchIsError = choice(o, "noMatch", kind == StepSpec.Kind.TABLE ? "error" : "skip",
            "error", "skip").equals("error");
        boolean relativeToCurrent = choice(o, "relativeTo", "benchmark", "benchmark", "current")
            .equals("current");
        List<JsonValue> rowValues = o.array("rows");
        if (rowValues.isEmpty()) {
          throw o.fail("rows", Fault.MISSING, "a " + kind.jsonName() + " needs at least one row");
        }
        ImmutableList.Builder<RowSpec> rows = ImmutableList.builder();
        for (JsonValue v : rowValues) {
          rows.add(row(v.asObject(), kind));
        }
        yield new StepSpec.Rows(id, p, label, classes, kind, hit, noMatchIsError, relativeToCurrent,
            rows.build());
      }
      case VETO -> {
        Guard when = guard(o);
        boolean belowCurrent = choice(o, "forbid", null, "belowBenchmark", "belowCurrent")
            .equals("belowCurrent");
        yield new StepSpec.Veto(id, p, label, classes, when, belowCurrent);
      }
      case LIMIT_MOVE -> new StepSpec.LimitMove(id, p, label, classes, o.req("maxBands").asInt(0, 20));
      case RATE_FLOOR, RATE_CAP -> {
        JsonObject rate = o.object("rate");
        Optional<BigDecimal> percent = rate.opt("percent").map(this::positive);
        OptionalInt classBenchmark = rate.opt("classBenchmark")
            .map(v -> OptionalInt.of(v.asInt(1, 99))).orElse(OptionalInt.empty());
        if (percent.isPresent() == classBenchmark.isPresent()) {
          throw error(ErrorCode.RT009, rate.pointer(), "give exactly one of percent or classBenchmark");
        }
        rate.finish();
        yield new StepSpec.RateLimit(id, p, label, classes, kind, percent, classBenchmark);
      }
    };
    o.finish();
    return step;
  }

  private String choice(JsonObject o, String key, String absent, String... allowed) {
    Optional<JsonValue> v = o.opt(key);
    if (v.isEmpty()) {
      if (absent == null) {
        throw o.fail(key, Fault.MISSING, "required key \"" + key + "\" is missing");
      }
      return absent;
    }
    String value = v.get().asString();
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw v.get().fail(Fault.BAD_VALUE, key + " must be one of " + List.of(allowed) + ": \"" + value + "\"");
  }

  private ImmutableSet<Integer> classes(JsonObject o) {
    Set<Integer> classes = new LinkedHashSet<>();
    for (JsonValue v : o.optArray("classes")) {
      if (!classes.add(v.asInt(1, 99))) {
        throw v.fail(Fault.BAD_VALUE, "class listed twice: " + v.node().asText());
      }
    }
    return ImmutableSet.copyOf(classes);
  }

  private RowSpec row(JsonObject o, StepSpec.Kind stepKind) {
    String id = newId(o.req("id"));
    Guard when = guard(o);
    Outcome then = outcome(o.object("then"), stepKind);
    Evidence evidence = o.opt("evidence").map(v -> {
      try {
        return Evidence.valueOf(v.asString().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw v.fail(Fault.BAD_VALUE, "evidence must be published, reconstructed, derived or borrowed: \""
            + v.asString() + "\"");
      }
    }).orElse(Evidence.PUBLISHED);
    Optional<Text> note = o.opt("note").map(this::text);
    allow(o);
    o.finish();
    return new RowSpec(id, o.pointer(), when, then, evidence, note);
  }

  private Outcome outcome(JsonObject o, StepSpec.Kind stepKind) {
    List<String> keys = o.keys();
    if (keys.size() != 1) {
      throw error(ErrorCode.RT009, o.pointer(), "then has exactly one of band, addBands, addRatePoints, "
          + "multiplyRate, undetermined; found " + keys);
    }
    String key = keys.get(0);
    JsonValue v = o.req(key);
    Outcome outcome = switch (key) {
      case "band" -> {
        if (v.isString()) {
          yield switch (v.asString()) {
            case "top" -> new Outcome.SetBand(Outcome.Target.TOP, 0);
            case "bottom" -> new Outcome.SetBand(Outcome.Target.BOTTOM, 0);
            case "current" -> new Outcome.SetBand(Outcome.Target.CURRENT, 0);
            default -> throw v.fail(Fault.BAD_VALUE,
                "band is an integer offset or top, bottom, current: \"" + v.asString() + "\"");
          };
        }
        yield new Outcome.SetBand(Outcome.Target.OFFSET, v.asInt(-20, 20));
      }
      case "addBands" -> new Outcome.AddBands(v.asInt(-20, 20));
      case "addRatePoints" -> new Outcome.AddRatePoints(v.asDecimal());
      case "multiplyRate" -> new Outcome.MultiplyRate(positive(v));
      case "undetermined" -> new Outcome.Undetermined(text(v));
      default -> throw error(ErrorCode.RT003, o.pointerOf(key), "unknown key \"" + key + "\"");
    };
    if (stepKind == StepSpec.Kind.GATE
        && !(outcome instanceof Outcome.SetBand || outcome instanceof Outcome.Undetermined)) {
      throw error(ErrorCode.RT009, o.pointerOf(key), "a gate row sets the band (or is undetermined); "
          + key + " belongs in a table");
    }
    o.finish();
    return outcome;
  }

  private Guard guard(JsonObject o) {
    ImmutableList<Condition> all = o.optObject("when").map(this::conditions).orElse(ImmutableList.of());
    ImmutableList.Builder<ImmutableList<Condition>> any = ImmutableList.builder();
    List<JsonValue> groups = o.optArray("whenAny");
    if (groups.size() == 1) {
      throw o.fail("whenAny", Fault.BAD_VALUE, "whenAny with one group is when; give two or more");
    }
    for (JsonValue g : groups) {
      any.add(conditions(g.asObject()));
    }
    return new Guard(all, any.build());
  }

  private ImmutableList<Condition> conditions(JsonObject o) {
    ImmutableList.Builder<Condition> list = ImmutableList.builder();
    List<String> keys = o.keys();
    if (keys.isEmpty()) {
      throw error(ErrorCode.RT004, o.pointer(), "empty condition group");
    }
    for (String key : keys) {
      list.add(condition(key, o.req(key)));
    }
    o.finish();
    return list.build();
  }

  private Condition condition(String indicator, JsonValue v) {
    IndicatorSpec spec = indicators.get(indicator);
    if (spec == null) {
      throw error(ErrorCode.RT008, v.pointer(), "unknown indicator \"" + indicator + "\"");
    }
    String p = v.pointer();
    switch (spec.type()) {
      case BOOLEAN -> {
        if (!v.isBoolean()) {
          throw error(ErrorCode.RT011, p, indicator + " is a yes/no flag; test it with true or false");
        }
        return new Condition(indicator, p, Optional.empty(), Optional.empty(), Optional.of(v.asBoolean()),
            ImmutableSet.of());
      }
      case TEXT -> {
        ImmutableSet<String> in;
        if (v.isString()) {
          in = ImmutableSet.of(v.asString());
        } else if (v.isObject() && v.node().has("in")) {
          JsonObject o = v.asObject();
          in = o.array("in").stream().map(JsonValue::asText).collect(ImmutableSet.toImmutableSet());
          if (in.isEmpty()) {
            throw error(ErrorCode.RT012, o.pointerOf("in"), "empty set of accepted values");
          }
          o.finish();
        } else {
          throw error(ErrorCode.RT011, p, indicator + " is a text; test it with a string or {\"in\": [...]}");
        }
        return new Condition(indicator, p, Optional.empty(), Optional.empty(), Optional.empty(), in);
      }
      default -> {
        if (!v.isObject()) {
          throw error(ErrorCode.RT011, p, indicator + " is a number; test it with an interval such as "
              + "{\"gt\": \"50\", \"le\": \"100\"}");
        }
        return interval(indicator, v.asObject());
      }
    }
  }

  private Condition interval(String indicator, JsonObject o) {
    return interval(indicator, o, null);
  }

  private Condition interval(String indicator, JsonObject o, String alsoKnown) {
    if (alsoKnown != null) {
      o.has(alsoKnown);
    }
    Optional<BigDecimal> eq = o.optDecimal("eq");
    Optional<BigDecimal> gt = o.optDecimal("gt");
    Optional<BigDecimal> ge = o.optDecimal("ge");
    Optional<BigDecimal> lt = o.optDecimal("lt");
    Optional<BigDecimal> le = o.optDecimal("le");
    o.finish();
    String p = o.pointer();
    if (eq.isPresent()) {
      if (gt.isPresent() || ge.isPresent() || lt.isPresent() || le.isPresent()) {
        throw error(ErrorCode.RT009, p, "eq cannot be combined with gt, ge, lt or le");
      }
      Condition.Bound b = new Condition.Bound(eq.get(), true);
      return new Condition(indicator, p, Optional.of(b), Optional.of(b), Optional.empty(), ImmutableSet.of());
    }
    if (gt.isPresent() && ge.isPresent()) {
      throw error(ErrorCode.RT009, p, "give gt or ge, not both");
    }
    if (lt.isPresent() && le.isPresent()) {
      throw error(ErrorCode.RT009, p, "give lt or le, not both");
    }
    Optional<Condition.Bound> lower = gt.map(x -> new Condition.Bound(x, false))
        .or(() -> ge.map(x -> new Condition.Bound(x, true)));
    Optional<Condition.Bound> upper = lt.map(x -> new Condition.Bound(x, false))
        .or(() -> le.map(x -> new Condition.Bound(x, true)));
    if (lower.isEmpty() && upper.isEmpty()) {
      throw error(ErrorCode.RT004, p, "an interval needs at least one of eq, gt, ge, lt, le");
    }
    Condition c = new Condition(indicator, p, lower, upper, Optional.empty(), ImmutableSet.of());
    if (lower.isPresent() && upper.isPresent()) {
      int cmp = lower.get().value().compareTo(upper.get().value());
      if (cmp > 0 || (cmp == 0 && !(lower.get().inclusive() && upper.get().inclusive()))) {
        throw error(ErrorCode.RT012, p, "empty range " + c.describe().substring(indicator.length() + 4));
      }
    }
    return c;
  }

  // ------------------------------------------------------------------ classification

  private ClassificationSpec classification(String sha256, JsonObject o) {
    format(o, CLASSIFICATION_FORMAT);
    String id = id(o.req("id"));
    String version = o.text("version");
    Text title = text(o.req("title"));
    sources(o);
    strings(o.optArray("notes"));
    JsonObject editions = o.object("editions");
    Map<Edition, ClassificationSpec.EditionTable> map = new EnumMap<>(Edition.class);
    for (String key : editions.keys()) {
      Edition edition = Edition.parse(key).filter(e -> e.label().equals(key)).orElseThrow(() ->
          editions.fail(key, Fault.BAD_VALUE, "unknown edition \"" + key
              + "\", expected GB/T 4754-2011 or GB/T 4754-2017"));
      map.put(edition, editionTable(editions.object(key)));
    }
    editions.finish();
    o.finish();
    return new ClassificationSpec(source, sha256, id, version, title, ImmutableMap.copyOf(map));
  }

  private ClassificationSpec.EditionTable editionTable(JsonObject o) {
    TableStatus status = status(o.req("status"));
    JsonObject classes = o.object("classes");
    TreeMap<String, Integer> map = new TreeMap<>();
    for (String code : classes.keys()) {
      codeKey(classes, code);
      map.put(code, classes.req(code).asInt(1, 99));
    }
    classes.finish();
    TreeMap<String, String> unmapped = reasons(o, "unmapped", map);
    TreeMap<String, String> needsDetail = reasons(o, "needsDetail", map);
    o.finish();
    return new ClassificationSpec.EditionTable(status, ImmutableMap.copyOf(map),
        ImmutableMap.copyOf(unmapped), ImmutableMap.copyOf(needsDetail));
  }

  private TreeMap<String, String> reasons(JsonObject o, String key, Map<String, Integer> classes) {
    TreeMap<String, String> map = new TreeMap<>();
    o.optObject(key).ifPresent(r -> {
      for (String code : r.keys()) {
        codeKey(r, code);
        if (classes.containsKey(code)) {
          throw error(ErrorCode.RT009, r.pointerOf(code), "code " + code + " is both classed and " + key);
        }
        map.put(code, r.text(code));
      }
      r.finish();
    });
    return map;
  }

  private void codeKey(JsonObject o, String code) {
    if (!code.matches("[0-9]{2,4}")) {
      throw o.fail(code, Fault.BAD_VALUE, "industry codes have 2 to 4 digits: \"" + code + "\"");
    }
  }
}
