package org.ratefloat.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.json.Fault;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;

/**
 * Parses the guards of rows and vetoes: condition groups on indicators, each checked against the
 * indicator's type, and intervals checked for emptiness.
 */
final class ConditionParser {
  private final ParseContext context;

  ConditionParser(ParseContext context) {
    this.context = context;
  }

  Guard guard(JsonObject o) {
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
      throw context.error(ErrorCode.RT004, o.pointer(), "empty condition group");
    }
    for (String key : keys) {
      list.add(condition(key, o.req(key)));
    }
    o.finish();
    return list.build();
  }

  private Condition condition(String indicator, JsonValue v) {
    IndicatorSpec spec = context.indicators.get(indicator);
    if (spec == null) {
      throw context.error(ErrorCode.RT008, v.pointer(), "unknown indicator \"" + indicator + "\"");
    }
    String p = v.pointer();
    switch (spec.type()) {
      case BOOLEAN -> {
        if (!v.isBoolean()) {
          throw context.error(ErrorCode.RT011, p, indicator + " is a yes/no flag; test it with true or false");
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
            throw context.error(ErrorCode.RT012, o.pointerOf("in"), "empty set of accepted values");
          }
          o.finish();
        } else {
          throw context.error(ErrorCode.RT011, p, indicator + " is a text; test it with a string or {\"in\": [...]}");
        }
        return new Condition(indicator, p, Optional.empty(), Optional.empty(), Optional.empty(), in);
      }
      default -> {
        if (!v.isObject()) {
          throw context.error(ErrorCode.RT011, p, indicator + " is a number; test it with an interval such as "
              + "{\"gt\": \"50\", \"le\": \"100\"}");
        }
        return interval(indicator, v.asObject());
      }
    }
  }

  Condition interval(String indicator, JsonObject o) {
    return interval(indicator, o, null);
  }

  Condition interval(String indicator, JsonObject o, String alsoKnown) {
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
        throw context.error(ErrorCode.RT009, p, "eq cannot be combined with gt, ge, lt or le");
      }
      Condition.Bound b = new Condition.Bound(eq.get(), true);
      return new Condition(indicator, p, Optional.of(b), Optional.of(b), Optional.empty(), ImmutableSet.of());
    }
    if (gt.isPresent() && ge.isPresent()) {
      throw context.error(ErrorCode.RT009, p, "give gt or ge, not both");
    }
    if (lt.isPresent() && le.isPresent()) {
      throw context.error(ErrorCode.RT009, p, "give lt or le, not both");
    }
    Optional<Condition.Bound> lower = gt.map(x -> new Condition.Bound(x, false))
        .or(() -> ge.map(x -> new Condition.Bound(x, true)));
    Optional<Condition.Bound> upper = lt.map(x -> new Condition.Bound(x, false))
        .or(() -> le.map(x -> new Condition.Bound(x, true)));
    if (lower.isEmpty() && upper.isEmpty()) {
      throw context.error(ErrorCode.RT004, p, "an interval needs at least one of eq, gt, ge, lt, le");
    }
    Condition c = new Condition(indicator, p, lower, upper, Optional.empty(), ImmutableSet.of());
    if (lower.isPresent() && upper.isPresent()) {
      int cmp = lower.get().value().compareTo(upper.get().value());
      if (cmp > 0 || (cmp == 0 && !(lower.get().inclusive() && upper.get().inclusive()))) {
        throw context.error(ErrorCode.RT012, p, "empty range " + c.describe().substring(indicator.length() + 4));
      }
    }
    return c;
  }
}
