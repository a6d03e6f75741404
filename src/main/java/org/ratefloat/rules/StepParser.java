package org.ratefloat.rules;

import org.ratefloat.document.Text;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.json.Fault;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;

/** Parses the steps of a table, their rows and the rows' outcomes. */
final class StepParser {
  private final ParseContext context;
  private final ConditionParser conditions;

  StepParser(ParseContext context, ConditionParser conditions) {
    this.context = context;
    this.conditions = conditions;
  }

  StepSpec step(JsonObject o) {
    String id = context.newId(o.req("id"));
    String p = o.pointer();
    Text label = context.text(o.req("label"));
    ImmutableSet<Integer> classes = classes(o);
    JsonValue kindValue = o.req("kind");
    StepSpec.Kind kind = StepSpec.Kind.byJsonName(kindValue.asString()).orElseThrow(() -> context.error(
        ErrorCode.RT014, kindValue.pointer(), "unknown step kind \"" + kindValue.asString()
            + "\", expected gate, table, veto, limitMove, rateFloor or rateCap"));
    context.allow(o);
    StepSpec step = switch (kind) {
      case GATE, TABLE -> {
        StepSpec.HitPolicy hit = StepSpec.HitPolicy.FIRST;
        if (kind == StepSpec.Kind.TABLE) {
          JsonValue h = o.req("hitPolicy");
          hit = switch (h.asString()) {
            case "UNIQUE" -> StepSpec.HitPolicy.UNIQUE;
            case "FIRST" -> StepSpec.HitPolicy.FIRST;
            default -> throw h.failBy(Fault.BAD_VALUE, "rules.hitPolicy", "value", h.asString());
          };
        }
        boolean noMatchIsError = context.choice(o, "noMatch", kind == StepSpec.Kind.TABLE ? "error" : "skip",
            "error", "skip").equals("error");
        boolean relativeToCurrent = context.choice(o, "relativeTo", "benchmark", "benchmark", "current")
            .equals("current");
        List<JsonValue> rowValues = o.array("rows");
        if (rowValues.isEmpty()) {
          throw o.fail("rows", Fault.MISSING, "a " + kind.jsonName() + " needs at least one row");
        }
        ImmutableList.Builder<RowSpec> rows = ImmutableList.builder();
        for (JsonValue v : rowValues) {
          rows.add(row(v.asObject(), kind));
        }
        yield kind == StepSpec.Kind.GATE
            ? new StepSpec.Gate(id, p, label, classes, noMatchIsError, relativeToCurrent, rows.build())
            : new StepSpec.Table(id, p, label, classes, hit, noMatchIsError, relativeToCurrent, rows.build());
      }
      case VETO -> {
        Guard when = conditions.guard(o);
        boolean belowCurrent = context.choice(o, "forbid", null, "belowBenchmark", "belowCurrent")
            .equals("belowCurrent");
        yield new StepSpec.Veto(id, p, label, classes, when, belowCurrent);
      }
      case LIMIT_MOVE -> new StepSpec.LimitMove(id, p, label, classes, o.req("maxBands").asInt(0, 20));
      case RATE_FLOOR, RATE_CAP -> {
        JsonObject rate = o.object("rate");
        Optional<BigDecimal> percent = rate.opt("percent").map(context::positive);
        OptionalInt classBenchmark = rate.opt("classBenchmark")
            .map(v -> OptionalInt.of(v.asInt(1, 99))).orElse(OptionalInt.empty());
        Optional<String> indicator = Optional.empty();
        boolean timesBenchmark = false;
        if (context.version >= 2) {
          Optional<JsonValue> byValue = rate.opt("indicator");
          Optional<JsonValue> timesValue = rate.opt("benchmarkTimes");
          if (byValue.isPresent() && timesValue.isPresent()) {
            throw context.error(ErrorCode.RT009, rate.pointer(), "give one of indicator or benchmarkTimes");
          }
          timesBenchmark = timesValue.isPresent();
          indicator = byValue.or(() -> timesValue).map(v -> roundedFormula(v, "a computed rate bound"));
        }
        int given = (percent.isPresent() ? 1 : 0) + (classBenchmark.isPresent() ? 1 : 0)
            + (indicator.isPresent() ? 1 : 0);
        if (given != 1) {
          throw context.error(ErrorCode.RT009, rate.pointer(), "give exactly one of percent or classBenchmark"
              + (context.version >= 2 ? " (or indicator, or benchmarkTimes)" : ""));
        }
        rate.finish();
        yield kind == StepSpec.Kind.RATE_FLOOR
            ? new StepSpec.RateFloor(id, p, label, classes, percent, classBenchmark, indicator, timesBenchmark)
            : new StepSpec.RateCap(id, p, label, classes, percent, classBenchmark, indicator, timesBenchmark);
      }
    };
    o.finish();
    return step;
  }

  private ImmutableSet<Integer> classes(JsonObject o) {
    Set<Integer> classes = new LinkedHashSet<>();
    for (JsonValue v : o.optArray("classes")) {
      if (!classes.add(v.asInt(1, 99))) {
        throw v.failBy(Fault.BAD_VALUE, "rules.classTwice", "class", v.node().asText());
      }
    }
    return ImmutableSet.copyOf(classes);
  }

  private RowSpec row(JsonObject o, StepSpec.Kind stepKind) {
    String id = context.newId(o.req("id"));
    Guard when = conditions.guard(o);
    Outcome then = outcome(o.object("then"), stepKind);
    Evidence evidence = o.opt("evidence").map(v -> {
      try {
        return Evidence.valueOf(v.asString().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw v.fail(Fault.BAD_VALUE, "evidence must be published, reconstructed, derived or borrowed: \""
            + v.asString() + "\"");
      }
    }).orElse(Evidence.PUBLISHED);
    Optional<Text> note = o.opt("note").map(context::text);
    context.allow(o);
    o.finish();
    return new RowSpec(id, o.pointer(), when, then, evidence, note);
  }

  private Outcome outcome(JsonObject o, StepSpec.Kind stepKind) {
    List<String> keys = o.keys();
    if (context.version >= 2 && keys.size() > 1 && RATE_EFFECTS.containsAll(keys)
        && stepKind != StepSpec.Kind.GATE) {
      ImmutableList.Builder<Outcome> all = ImmutableList.builder();
      for (String key : keys) {
        all.add(single(o, key));
      }
      o.finish();
      return new Outcome.RateEffects(all.build());
    }
    if (keys.size() != 1) {
      throw context.error(ErrorCode.RT009, o.pointer(), "then has exactly one of band, addBands, addRatePoints, "
          + "multiplyRate, undetermined" + (context.version >= 2
              ? ", addAmount (or several of addRatePoints, multiplyRate and addAmount)" : "")
          + "; found " + keys);
    }
    String key = keys.get(0);
    Outcome outcome = single(o, key);
    if (stepKind == StepSpec.Kind.GATE
        && !(outcome instanceof Outcome.SetBand || outcome instanceof Outcome.Undetermined)) {
      throw context.error(ErrorCode.RT009, o.pointerOf(key), "a gate row sets the band (or is undetermined); "
          + key + " belongs in a table");
    }
    o.finish();
    return outcome;
  }

  /** The effects on the rate (and the money amount) that one row may combine (@2). */
  private static final java.util.Set<String> RATE_EFFECTS =
      java.util.Set.of("multiplyRate", "addRatePoints", "addAmount");

  private Outcome single(JsonObject o, String key) {
    JsonValue v = o.req(key);
    return switch (key) {
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
      case "multiplyRate" -> context.version >= 2 && v.isObject() ? multiplyBy(v.asObject())
          : new Outcome.MultiplyRate(context.positive(v));
      case "undetermined" -> new Outcome.Undetermined(context.text(v));
      case "addAmount" -> {
        if (context.version < 2) {
          throw context.error(ErrorCode.RT003, o.pointerOf(key), "unknown key \"" + key + "\"");
        }
        yield amount(v.asObject());
      }
      default -> throw context.error(ErrorCode.RT003, o.pointerOf(key), "unknown key \"" + key + "\"");
    };
  }

  /**
   * {@code {"indicator": "mod"}} (@2): the rate times a formula's value, rounded by the formula so
   * that the factor is a decimal.
   */
  private Outcome multiplyBy(JsonObject o) {
    JsonValue ref = o.req("indicator");
    String indicator = roundedFormula(ref, "a factor of the rate");
    o.finish();
    return new Outcome.MultiplyRateBy(indicator, ref.pointer());
  }

  /**
   * {@code {"amount": "-150.00", "currency": "EUR"}} or {@code {"indicator": "surcharge", "currency":
   * "EUR"}} (@2): money added to the decision, a constant or a formula's value rounded by the formula.
   */
  private Outcome amount(JsonObject o) {
    Optional<BigDecimal> amount = o.opt("amount").map(JsonValue::asDecimal);
    Optional<String> indicator = o.opt("indicator").map(v -> roundedFormula(v, "an amount of money"));
    if (amount.isPresent() == indicator.isPresent()) {
      throw context.error(ErrorCode.RT009, o.pointer(), "addAmount has exactly one of amount or indicator");
    }
    JsonValue currency = o.req("currency");
    if (!currency.asString().matches("[A-Z]{3}")) {
      throw currency.fail(Fault.BAD_VALUE, "currency is an ISO 4217 code of three capital letters: \""
          + currency.asString() + "\"");
    }
    o.finish();
    return new Outcome.AddAmount(amount, indicator, currency.asString(), o.pointer());
  }

  /**
   * The id of the formula a reference names, which must have its own {@code round} so that its value
   * is a decimal ({@code RT008} for an unknown indicator, {@code RT011} for another kind): the check
   * of every effect that uses a computed value.
   */
  private String roundedFormula(JsonValue ref, String purpose) {
    IndicatorSpec spec = context.indicators.get(ref.asString());
    if (spec == null) {
      throw context.error(ErrorCode.RT008, ref.pointer(), "unknown indicator \"" + ref.asString() + "\"");
    }
    if (!(spec instanceof IndicatorSpec.Formula f) || f.round().isEmpty()) {
      throw context.error(ErrorCode.RT011, ref.pointer(), ref.asString() + " must be a formula with a "
          + "round to be " + purpose);
    }
    return spec.id();
  }
}
