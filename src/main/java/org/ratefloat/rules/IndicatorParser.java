package org.ratefloat.rules;

import org.ratefloat.document.Rounding;
import org.ratefloat.document.Text;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.json.Fault;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;
import org.ratefloat.model.Claim;
import org.ratefloat.model.Measure;

/**
 * Parses the indicators of a table (kinds, windows, measures, formulas and declared domains) and
 * checks the formulas together: known numeric references, no cycle, bounded chains and size.
 */
final class IndicatorParser {
  /** Longest chain of formulas referring to formulas. */
  static final int MAX_FORMULA_DEPTH = 32;
  /** Operations, constants and references in one formula. */
  static final int MAX_FORMULA_NODES = 256;

  private final ParseContext context;
  private final ConditionParser conditions;

  IndicatorParser(ParseContext context, ConditionParser conditions) {
    this.context = context;
    this.conditions = conditions;
  }

  /**
   * An indicator of the table: its head (id, label, kind), then what its kind reads, then the domain
   * the table may declare for it.
   */
  IndicatorSpec indicator(JsonObject o) {
    Head h = head(o);
    context.allow(o);
    IndicatorSpec spec = body(o, h);
    declaredDomain(o, spec);
    o.finish();
    return spec;
  }

  /** What every indicator has: its id (new in the table), pointer, label and kind. */
  private record Head(String id, String pointer, Text label, IndicatorSpec.Kind kind) {}

  private Head head(JsonObject o) {
    String id = context.newId(o.req("id"));
    Text label = context.text(o.req("label"));
    JsonValue kindValue = o.req("kind");
    IndicatorSpec.Kind kind = IndicatorSpec.Kind.byJsonName(kindValue.asString()).orElseThrow(() -> context.error(
        ErrorCode.RT014, kindValue.pointer(), "unknown indicator kind \"" + kindValue.asString()
            + "\", expected ratio, total, streak, claims, flag, customFlag, safetyStandardGrade, "
            + "safetyCreditRating, insuredMonths, currentBand, covered or formula"
            + (context.version >= 2 ? " (in @2 also exposures, customValue or prior)" : "")));
    if (context.version < 2 && (kind == IndicatorSpec.Kind.EXPOSURES || kind == IndicatorSpec.Kind.CUSTOM_VALUE
        || kind == IndicatorSpec.Kind.PRIOR)) {
      throw context.error(ErrorCode.RT014, kindValue.pointer(), "indicator kind " + kind.jsonName()
          + " needs format ratefloat/rule-table@2");
    }
    return new Head(id, o.pointer(), label, kind);
  }

  /** The keys of the indicator's kind, one method a kind. */
  private IndicatorSpec body(JsonObject o, Head h) {
    String id = h.id();
    String p = h.pointer();
    Text label = h.label();
    return switch (h.kind()) {
      case RATIO -> ratio(o, h);
      case TOTAL -> total(o, h);
      case STREAK -> streak(o, h);
      case CLAIMS -> claims(o, h);
      case FLAG -> flag(o, h);
      case CUSTOM_FLAG -> new IndicatorSpec.CustomFlag(id, p, label, name(o.req("name"), "flag"),
          o.opt("whenAbsent").map(JsonValue::asBoolean));
      case SAFETY_STANDARD_GRADE -> new IndicatorSpec.SafetyStandardGrade(id, p, label);
      case SAFETY_CREDIT_RATING -> new IndicatorSpec.SafetyCreditRating(id, p, label,
          o.opt("whenAbsent").map(JsonValue::asText));
      case INSURED_MONTHS -> new IndicatorSpec.InsuredMonths(id, p, label,
          o.opt("whenUnknown").map(JsonValue::asNonNegativeDecimal));
      case CURRENT_BAND -> new IndicatorSpec.CurrentBand(id, p, label);
      case EXPOSURES -> new IndicatorSpec.Exposures(id, p, label, window(o.req("window")),
          lineItem(o.req("each"), LineItem.EXPOSURE));
      case PRIOR -> prior(o, h);
      case CUSTOM_VALUE -> {
        String name = name(o.req("name"), "value");
        RuleTableSpec.DeclaredDomain domain = requiredDomain(o, h, "a customValue");
        yield new IndicatorSpec.CustomValue(id, p, label, name, whenAbsentIn(o, domain), domain);
      }
      case COVERED -> new IndicatorSpec.Covered(id, p, label, window(o.req("window")));
      case FORMULA -> formula(o, h);
    };
  }

  private IndicatorSpec ratio(JsonObject o, Head h) {
    Window window = window(o.req("window"));
    Measure num = measure(o.req("numerator"), false);
    Measure den = measure(o.req("denominator"), false);
    if (num == den) {
      throw context.error(ErrorCode.RT009, o.pointerOf("denominator"), "numerator and denominator are both " + num.jsonName());
    }
    BigDecimal multiplier = o.opt("multiplier").map(context::positive).orElse(BigDecimal.ONE);
    BigDecimal divisor = o.opt("divisor").map(context::positive).orElse(BigDecimal.ONE);
    Optional<Rounding> round = o.opt("round").map(Rounding::read);
    Optional<BigDecimal> zero = o.opt("zeroDenominator").map(JsonValue::asDecimal);
    return new IndicatorSpec.Ratio(h.id(), h.pointer(), h.label(), window, num, den, multiplier, divisor, round, zero);
  }

  private IndicatorSpec total(JsonObject o, Head h) {
    Window window = window(o.req("window"));
    JsonValue m = o.req("measure");
    if (m.asString().equals("disabilityCases")) {
      int[] grades = grades(o.req("grades"));
      return new IndicatorSpec.Total(h.id(), h.pointer(), h.label(), window, Optional.empty(), grades[0], grades[1]);
    }
    return new IndicatorSpec.Total(h.id(), h.pointer(), h.label(), window, Optional.of(measure(m, true)), 0, 0);
  }

  private IndicatorSpec streak(JsonObject o, Head h) {
    int years = o.req("maxYears").asInt(1, 50);
    ImmutableList.Builder<Measure> zero = ImmutableList.builder();
    List<JsonValue> values = o.array("zero");
    if (values.isEmpty()) {
      throw o.fail("zero", Fault.MISSING, "name at least one measure that must be zero");
    }
    for (JsonValue v : values) {
      zero.add(measure(v, true));
    }
    return new IndicatorSpec.Streak(h.id(), h.pointer(), h.label(), years, zero.build());
  }

  private IndicatorSpec claims(JsonObject o, Head h) {
    Window window = window(o.req("window"));
    Optional<Expr> each = Optional.empty();
    IndicatorSpec.ClaimMeasure measure;
    if (context.version >= 2 && o.has("each")) {
      each = Optional.of(lineItem(o.req("each"), LineItem.CLAIM));
      measure = IndicatorSpec.ClaimMeasure.EACH;
    } else {
      JsonValue m = o.req("measure");
      measure = java.util.Arrays.stream(IndicatorSpec.ClaimMeasure.values())
          .filter(c -> c != IndicatorSpec.ClaimMeasure.EACH && c.jsonName().equals(m.asString()))
          .findFirst().orElseThrow(() -> m.fail(Fault.BAD_VALUE,
              "claims measure must be count, paid or incurred: \"" + m.asString() + "\""));
    }
    ImmutableSet.Builder<Claim.ClaimKind> kinds = ImmutableSet.builder();
    for (JsonValue v : o.optArray("kinds")) {
      kinds.add(Claim.ClaimKind.byJsonName(v.asString()).orElseThrow(() -> v.fail(Fault.BAD_VALUE,
          "claim kind must be injury, death or occupationalDisease: \"" + v.asString() + "\"")));
    }
    int[] grades = o.opt("grades").map(this::grades).orElse(new int[] {0, 0});
    Optional<Boolean> medicalOnly = o.opt("medicalOnly").map(JsonValue::asBoolean);
    Optional<Expr> perAccident = Optional.empty();
    if (each.isPresent() && o.has("perAccident")) {
      Intervals.Range items = new Intervals(Map.of(), context.data, i -> Intervals.Range.ANY).of(each.get());
      if (items.lo().map(lo -> lo.signum() < 0).orElse(true)) {
        throw context.error(ErrorCode.RT009, o.pointerOf("perAccident"), "a per-accident limit sums line items "
            + "that must be proven not negative; each ranges over " + items.describe());
      }
      perAccident = Optional.of(lineItem(o.req("perAccident"), LineItem.ACCIDENT));
    }
    return new IndicatorSpec.Claims(h.id(), h.pointer(), h.label(), window, measure, kinds.build(), grades[0],
        grades[1], medicalOnly, each, perAccident);
  }

  private IndicatorSpec flag(JsonObject o, Head h) {
    JsonValue f = o.req("flag");
    IndicatorSpec.StatusFlag flag = IndicatorSpec.StatusFlag.byJsonName(f.asString()).orElseThrow(() ->
        context.error(ErrorCode.RT008, f.pointer(), "unknown flag \"" + f.asString() + "\", expected one of "
            + java.util.Arrays.stream(IndicatorSpec.StatusFlag.values()).map(IndicatorSpec.StatusFlag::jsonName)
                .toList() + " (or kind customFlag)"));
    return new IndicatorSpec.Flag(h.id(), h.pointer(), h.label(), flag);
  }

  /** A fact of earlier ratings, or a named value of them the plan declares with its domain. */
  private IndicatorSpec prior(JsonObject o, Head h) {
    if (o.has("value")) {
      String name = name(o.req("value"), "value");
      if (o.has("fact")) {
        throw context.error(ErrorCode.RT009, o.pointerOf("fact"), "a prior indicator reads a fact or a named "
            + "value, not both");
      }
      RuleTableSpec.DeclaredDomain domain = requiredDomain(o, h, "a prior value");
      return new IndicatorSpec.PriorValue(h.id(), h.pointer(), h.label(), name, whenAbsentIn(o, domain), domain);
    }
    JsonValue f = o.req("fact");
    IndicatorSpec.PriorFact fact = IndicatorSpec.PriorFact.byJsonName(f.asString()).orElseThrow(() ->
        context.error(ErrorCode.RT008, f.pointer(), "unknown prior fact \"" + f.asString() + "\", expected one of "
            + java.util.Arrays.stream(IndicatorSpec.PriorFact.values()).map(IndicatorSpec.PriorFact::jsonName)
                .toList()));
    return new IndicatorSpec.Prior(h.id(), h.pointer(), h.label(), fact, o.opt("whenAbsent").map(JsonValue::asDecimal));
  }

  private IndicatorSpec formula(JsonObject o, Head h) {
    JsonValue e = o.req("expr");
    Expr expr = expr(e);
    if (nodes(expr) > MAX_FORMULA_NODES) {
      throw context.error(ErrorCode.RT017, e.pointer(), "formula " + h.id() + " has more than " + MAX_FORMULA_NODES
          + " operations, constants and references");
    }
    Optional<BigDecimal> zero = o.opt("zeroDenominator").map(JsonValue::asDecimal);
    // the record lists a formula's figures by name: the indicators it reads, and zeroDenominator for
    // the value it took for a division by zero; one name cannot be both
    if (zero.isPresent()) {
      for (Expr.Ref ref : refs(expr)) {
        if (ref.indicator().equals("zeroDenominator")) {
          throw context.error(ErrorCode.RT007, ref.pointer(), "formula " + h.id() + " reads an indicator named"
              + " \"zeroDenominator\", the name its record gives the value it takes for a division by zero;"
              + " rename the indicator");
        }
      }
    }
    return new IndicatorSpec.Formula(h.id(), h.pointer(), h.label(), expr, o.opt("round").map(Rounding::read), zero);
  }

  /** The name of a custom flag or value: letters, digits and _. */
  private static String name(JsonValue n, String what) {
    if (!n.asString().matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
      throw n.fail(Fault.BAD_VALUE, what + " names are letters, digits and _: \"" + n.asString() + "\"");
    }
    return n.asString();
  }

  /** The domain a named value of the case must declare (the values the plan admits). */
  private RuleTableSpec.DeclaredDomain requiredDomain(JsonObject o, Head h, String what) {
    if (!o.has("domain")) {
      throw o.fail("domain", Fault.MISSING, what + " declares its domain (the values the plan admits)");
    }
    return declaredDomain(h.id(), o.object("domain"));
  }

  /**
   * The domain the table declares for a numeric indicator, for the analysis: a named value's own (already
   * read), or an optional {@code domain} of any other numeric kind (RT011 for a flag or a text).
   */
  private void declaredDomain(JsonObject o, IndicatorSpec spec) {
    if (spec instanceof IndicatorSpec.CustomValue v) {
      context.domains.put(spec.id(), v.domain());
    } else if (spec instanceof IndicatorSpec.PriorValue v) {
      context.domains.put(spec.id(), v.domain());
    } else {
      o.optObject("domain").ifPresent(d -> {
        if (spec.type() != ValueType.NUMBER) {
          throw context.error(ErrorCode.RT011, d.pointer(), "only numeric indicators have a domain");
        }
        context.domains.put(spec.id(), declaredDomain(spec.id(), d));
      });
    }
  }

  /** The value a named value takes when the case lacks it, inside the declared domain (RT012 otherwise). */
  private Optional<BigDecimal> whenAbsentIn(JsonObject o, RuleTableSpec.DeclaredDomain domain) {
    return o.opt("whenAbsent").map(v -> {
      BigDecimal x = v.asDecimal();
      if (!domain.admits(x)) {
        throw context.error(ErrorCode.RT012, v.pointer(), "whenAbsent " + x.toPlainString()
            + " lies outside the domain " + domain.describe());
      }
      return x;
    });
  }

  private RuleTableSpec.DeclaredDomain declaredDomain(String id, JsonObject d) {
    BigDecimal step = d.opt("step").map(v -> {
      BigDecimal x = v.asDecimal();
      if (x.signum() < 0) {
        throw v.fail(Fault.BAD_VALUE, "step must not be negative: " + x.toPlainString());
      }
      return x;
    }).orElse(BigDecimal.ZERO);
    return new RuleTableSpec.DeclaredDomain(conditions.interval(id, d, "step"), step);
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
      throw context.error(ErrorCode.RT009, o.pointer(), "an expression has exactly one of const, add, sub, mul, div, "
          + "min, max" + (context.version >= 2 ? ", data, lookup, clamp, round, sqrt, pow" : "") + "; found " + keys);
    }
    String key = keys.get(0);
    if (key.equals("const")) {
      return new Expr.Const(o.decimal("const"));
    }
    if (context.version >= 2) {
      Expr e = expr2(o, key);
      if (e != null) {
        o.finish();
        return e;
      }
    }
    Expr.Operator op = Expr.Operator.byJsonName(key).orElseThrow(() -> context.error(ErrorCode.RT003,
        o.pointerOf(key), "unknown operation \"" + key + "\", expected const, add, sub, mul, div, min or max"
            + (context.version >= 2 ? ", data, lookup, clamp, round, sqrt or pow" : "")));
    List<JsonValue> args = o.array(key);
    boolean binary = op.binary();
    if (binary ? args.size() != 2 : args.size() < 2) {
      throw context.error(ErrorCode.RT009, o.pointerOf(key), key + " takes " + (binary ? "exactly two" : "two or more")
          + " arguments, found " + args.size());
    }
    ImmutableList.Builder<Expr> parsed = ImmutableList.builder();
    for (JsonValue a : args) {
      parsed.add(expr(a));
    }
    o.finish();
    return new Expr.Op(op, parsed.build(), o.pointerOf(key));
  }

  /** What a line item is evaluated for: a claim or an exposure (payroll of one class code in one period). */
  private enum LineItem {
    CLAIM("claim", "the each of a claims indicator"),
    EXPOSURE("exposure", "the each of an exposures indicator"),
    ACCIDENT("accident", "the perAccident of a claims indicator");

    private final String name;
    private final String place;

    LineItem(String name, String place) {
      this.name = name;
      this.place = place;
    }
  }

  /**
   * The expression of a line item: the fields of its claim ({@code {"claim": "incurred"}}) or
   * exposure ({@code {"exposure": "payroll"}}, {@code {"classData": "elr"}}), data and constants
   * under any operation, but no indicator (so no line item can depend on itself).
   */
  private Expr lineItem(JsonValue v, LineItem kind) {
    lineItem = kind;
    try {
      Expr e = expr(v);
      if (nodes(e) > MAX_FORMULA_NODES) {
        throw context.error(ErrorCode.RT017, v.pointer(), "a line item has more than " + MAX_FORMULA_NODES
            + " operations, constants and references");
      }
      List<Expr.Ref> refs = refs(e);
      if (!refs.isEmpty()) {
        throw context.error(ErrorCode.RT011, refs.get(0).pointer(), "a line item per " + kind.name + " reads the "
            + kind.name + ", data and constants, not the indicator \"" + refs.get(0).indicator() + "\"");
      }
      return e;
    } finally {
      lineItem = null;
    }
  }

  /** The line item being read, whose fields are known, or null. */
  private LineItem lineItem;

  /** The expressions of @2, or null for a key that is none of them. */
  private Expr expr2(JsonObject o, String key) {
    String p = o.pointerOf(key);
    return switch (key) {
      case "claim" -> {
        JsonValue f = lineField(o, key, LineItem.CLAIM, "a claim field");
        yield new Expr.ClaimField(switch (f.asString()) {
          case "paid" -> Expr.ClaimField.Field.PAID;
          case "incurred" -> Expr.ClaimField.Field.INCURRED;
          default -> throw f.fail(Fault.BAD_VALUE, "a claim field is paid or incurred: \"" + f.asString() + "\"");
        }, p);
      }
      case "accident" -> {
        only(lineField(o, key, LineItem.ACCIDENT, "an accident's sum"), "an accident field", "sum");
        yield new Expr.AccidentSum(p);
      }
      case "exposure" -> {
        only(lineField(o, key, LineItem.EXPOSURE, "an exposure field"), "an exposure field", "payroll");
        yield new Expr.ExposurePayroll(p);
      }
      case "classData" -> {
        JsonValue c = lineField(o, key, LineItem.EXPOSURE, "a class's data");
        ReferenceData.ClassRows rows = context.data.classes().orElseThrow(() -> context.error(ErrorCode.RT008, p,
            "no class rows in the reference data (data.classes)"));
        if (rows.column(c.asString()) < 0) {
          throw context.error(ErrorCode.RT008, c.pointer(), "no column \"" + c.asString()
              + "\" in the class rows; they have " + rows.columns());
        }
        yield new Expr.ClassData(c.asString(), p);
      }
      case "data" -> {
        String name = o.req(key).asString();
        if (!context.data.readable(name)) {
          throw context.error(ErrorCode.RT008, p, "no scalar \"" + name + "\" in the reference data");
        }
        yield new Expr.Data(name, p);
      }
      case "lookup" -> {
        JsonObject l = o.object(key);
        JsonValue t = l.req("table");
        if (!context.data.steps().containsKey(t.asString())) {
          throw context.error(ErrorCode.RT008, t.pointer(), "no step table \"" + t.asString()
              + "\" in the reference data");
        }
        Expr k = expr(l.req("key"));
        l.finish();
        yield new Expr.Lookup(t.asString(), k, p);
      }
      case "clamp" -> {
        List<JsonValue> args = o.array(key);
        if (args.size() != 3) {
          throw context.error(ErrorCode.RT009, p, "clamp takes exactly three arguments [value, low, high], found "
              + args.size());
        }
        yield new Expr.Clamp(expr(args.get(0)), expr(args.get(1)), expr(args.get(2)), p);
      }
      case "round" -> {
        JsonObject r = o.object(key);
        Expr value = expr(r.req("value"));
        Rounding rounding = Rounding.read(r.req("to"));
        r.finish();
        yield new Expr.Round(value, rounding, p);
      }
      case "sqrt" -> {
        JsonObject r = o.object(key);
        Expr value = expr(r.req("value"));
        Rounding rounding = Rounding.read(r.req("to"));
        r.finish();
        yield new Expr.Power(value, 1, 2, rounding, p);
      }
      case "pow" -> {
        JsonObject r = o.object(key);
        Expr base = expr(r.req("base"));
        int[] exponent = exponent(r.req("exponent"));
        Rounding rounding = Rounding.read(r.req("to"));
        r.finish();
        yield new Expr.Power(base, exponent[0], exponent[1], rounding, p);
      }
      default -> null;
    };
  }

  /**
   * The exponent of a {@code pow}: a decimal constant p/q in lowest terms, with |p| and q at most
   * {@link Powers#MAX_EXPONENT} (so {@code 0.5}, {@code 1.5}, {@code -2}, not {@code 0.333}).
   */
  private int[] exponent(JsonValue v) {
    BigDecimal e = v.asDecimal().stripTrailingZeros();
    java.math.BigInteger p = e.scale() > 0 ? e.unscaledValue() : e.toBigIntegerExact();
    java.math.BigInteger q = e.scale() > 0 ? java.math.BigInteger.TEN.pow(e.scale()) : java.math.BigInteger.ONE;
    java.math.BigInteger g = p.gcd(q);
    if (g.signum() > 0) {
      p = p.divide(g);
      q = q.divide(g);
    }
    java.math.BigInteger max = java.math.BigInteger.valueOf(Powers.MAX_EXPONENT);
    if (p.abs().compareTo(max) > 0 || q.compareTo(max) > 0) {
      throw context.error(ErrorCode.RT009, v.pointer(), "an exponent is a fraction p/q with |p| and q at most "
          + Powers.MAX_EXPONENT + " in lowest terms: " + e.toPlainString());
    }
    return new int[] {p.intValueExact(), q.intValueExact()};
  }

  /** The value of a field of a line item, which means something only in that kind of line item (RT009 elsewhere). */
  private JsonValue lineField(JsonObject o, String key, LineItem where, String what) {
    if (lineItem != where) {
      throw context.error(ErrorCode.RT009, o.pointerOf(key), what + " is known only in " + where.place);
    }
    return o.req(key);
  }

  /** A field whose only name is {@code name}. */
  private static void only(JsonValue f, String what, String name) {
    if (!f.asString().equals(name)) {
      throw f.fail(Fault.BAD_VALUE, what + " is " + name + ": \"" + f.asString() + "\"");
    }
  }

  /** Every formula refers to known numeric indicators, and no formula depends on itself. */
  void checkFormulas(List<IndicatorSpec> all) {
    for (IndicatorSpec spec : all) {
      if (spec instanceof IndicatorSpec.Formula f) {
        for (Expr.Ref ref : refs(f.expr())) {
          IndicatorSpec target = context.indicators.get(ref.indicator());
          if (target == null) {
            throw context.error(ErrorCode.RT008, ref.pointer(), "unknown indicator \"" + ref.indicator() + "\"");
          }
          if (target.type() != ValueType.NUMBER) {
            throw context.error(ErrorCode.RT011, ref.pointer(), ref.indicator() + " is not a number and cannot be "
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
          if (context.indicators.get(ref) instanceof IndicatorSpec.Formula) {
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
        throw context.error(ErrorCode.RT017, context.indicators.get(id).pointer() + "/expr", "formula " + id
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
          IndicatorSpec.Formula f = (IndicatorSpec.Formula) context.indicators.get(id);
          id = refs(f.expr()).stream().map(Expr.Ref::indicator).filter(r -> waiting.get(r) > 0)
              .findFirst().orElseThrow();
        }
        List<String> loop = new java.util.ArrayList<>(path.subList(at.get(id), path.size()));
        loop.add(id);
        throw context.error(ErrorCode.RT018, context.indicators.get(id).pointer() + "/expr", "circular definition: "
            + String.join(" -> ", loop));
      }
    }
  }

  /** Nodes of an expression (its depth is bounded by the JSON reader's depth limit). */
  private static int nodes(Expr e) {
    int n = 1;
    for (Expr a : children(e)) {
      n += nodes(a);
      if (n > MAX_FORMULA_NODES) {
        return n;
      }
    }
    return n;
  }

  /** The subexpressions of an expression, in order. */
  static List<Expr> children(Expr e) {
    if (e instanceof Expr.Op op) {
      return op.args();
    } else if (e instanceof Expr.Lookup l) {
      return List.of(l.key());
    } else if (e instanceof Expr.Clamp c) {
      return List.of(c.value(), c.low(), c.high());
    } else if (e instanceof Expr.Round r) {
      return List.of(r.value());
    } else if (e instanceof Expr.Power w) {
      return List.of(w.base());
    }
    // Ref, Const, Data, ClaimField, ClassData, ExposurePayroll and AccidentSum have none
    return List.of();
  }

  static List<Expr.Ref> refs(Expr e) {
    List<Expr.Ref> refs = new java.util.ArrayList<>();
    collect(e, refs);
    return refs;
  }

  private static void collect(Expr e, List<Expr.Ref> refs) {
    if (e instanceof Expr.Ref r) {
      refs.add(r);
    } else {
      children(e).forEach(a -> collect(a, refs));
    }
  }

  private int[] grades(JsonValue v) {
    List<JsonValue> pair = v.asArray();
    if (pair.size() != 2) {
      throw v.fail(Fault.BAD_VALUE, "grades is a pair [from, to] of disability grades 1..10");
    }
    int from = pair.get(0).asInt(1, 10);
    int to = pair.get(1).asInt(1, 10);
    if (to < from) {
      throw context.error(ErrorCode.RT012, v.pointer(), "empty grade range [" + from + ", " + to + "]");
    }
    return new int[] {from, to};
  }

  private Measure measure(JsonValue v, boolean peakAllowed) {
    String name = v.asString();
    Measure m = Measure.byJsonName(name).orElseThrow(() -> context.error(ErrorCode.RT008, v.pointer(),
        "unknown measure \"" + name + "\""));
    if (!peakAllowed && m.kind() == Measure.Kind.PEAK) {
      throw context.error(ErrorCode.RT011, v.pointer(), "a ratio cannot use the peak measure " + name);
    }
    return m;
  }

  private Window window(JsonValue v) {
    JsonObject o = v.asObject();
    Window window;
    if (context.version >= 2 && o.has("policies")) {
      int count = o.req("policies").asInt(1, 50);
      JsonValue months = o.req("effectiveMonthsBefore");
      List<JsonValue> pair = months.asArray();
      if (pair.size() != 2) {
        throw months.fail(Fault.BAD_VALUE, "effectiveMonthsBefore is a pair [least, most] of months, 0 to 1200");
      }
      int least = pair.get(0).asInt(0, 1200);
      int most = pair.get(1).asInt(0, 1200);
      if (most < least) {
        throw context.error(ErrorCode.RT012, months.pointer(), "empty range of months [" + least + ", " + most + "]");
      }
      window = Window.policies(least, most, count);
    } else if (context.version >= 2 && o.has("policyYears")) {
      int years = o.req("policyYears").asInt(1, 50);
      int skip = o.opt("skip").map(s -> s.asInt(0, 50)).orElse(0);
      window = Window.policyYears(years, skip);
    } else if (context.version >= 2 && o.has("insuranceYears")) {
      int years = o.req("insuranceYears").asInt(1, 50);
      int month = o.req("startMonth").asInt(1, 12);
      int skip = o.opt("skip").map(s -> s.asInt(0, 50)).orElse(0);
      window = Window.yearsFrom(month, years, skip);
    } else if (o.has("calendarYears")) {
      int years = o.req("calendarYears").asInt(1, 50);
      int skip = o.opt("skip").map(s -> s.asInt(0, 50)).orElse(0);
      window = Window.calendarYears(years, skip);
    } else {
      LocalDate from = o.date("from");
      LocalDate to = o.date("to");
      if (to.isBefore(from)) {
        throw context.error(ErrorCode.RT012, o.pointerOf("to"), "empty window " + from + ".." + to);
      }
      window = Window.range(from, to);
    }
    o.finish();
    return window;
  }
}
