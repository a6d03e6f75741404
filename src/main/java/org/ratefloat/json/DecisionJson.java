package org.ratefloat.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.ratefloat.decision.Band;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.decision.Premium;
import org.ratefloat.decision.StepTrace;
import org.ratefloat.decision.TableRef;
import org.ratefloat.decision.Value;
import org.ratefloat.decision.Warning;
import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;

/**
 * The canonical JSON form of a {@link Decision} (format {@code ratefloat/decision@1}) and its
 * reader. Field order is fixed, decimals are plain strings, and nothing depends on the clock or the
 * machine, so the same decision always gives the same bytes.
 */
public final class DecisionJson {
  public static final String FORMAT = "ratefloat/decision@1";
  private static final StrictJson JSON = StrictJson.forInput();

  private DecisionJson() {}

  public static byte[] bytes(Decision d) {
    return CanonicalJson.bytes(tree(d));
  }

  public static ObjectNode tree(Decision d) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("format", FORMAT);
    root.put("library", d.library());
    ArrayNode tables = root.putArray("tables");
    for (TableRef t : d.tables()) {
      ObjectNode o = tables.addObject();
      o.put("role", t.role());
      o.put("id", t.id());
      o.put("version", t.version());
      o.put("status", t.status());
      o.put("sha256", t.sha256());
    }
    root.put("inputSha256", d.inputSha256());
    root.put("asOf", d.asOf().toString());
    ObjectNode employer = root.putObject("employer");
    employer.put("id", d.input().employer().id());
    if (!d.input().employer().name().isEmpty()) {
      employer.put("name", d.input().employer().name());
    }
    ObjectNode industry = root.putObject("industry");
    industry.put("edition", d.industry().edition().label());
    industry.put("code", d.industry().code());
    industry.put("riskClass", d.riskClass());
    industry.put("classSource", d.classSource());
    ObjectNode benchmark = root.putObject("benchmark");
    benchmark.put("rate", d.benchmark().toPlainString());
    benchmark.put("source", d.benchmarkSource());
    band(root.putObject("previousBand"), d.previousBand());
    band(root.putObject("newBand"), d.newBand());
    ObjectNode rate = root.putObject("rate");
    rate.put("unit", "percent of payroll");
    rate.put("unrounded", d.rateUnrounded().toPlainString());
    rate.put("value", d.rate().toPlainString());
    rate.put("rounding", d.rateRounding());
    d.premium().ifPresent(p -> {
      ObjectNode o = root.putObject("premium");
      o.put("payroll", p.payroll().toPlainString());
      o.put("payrollSource", p.payrollSource());
      o.put("amount", p.amount().toPlainString());
      o.put("rounding", p.rounding());
    });
    ArrayNode indicators = root.putArray("indicators");
    for (IndicatorValue v : d.indicators()) {
      ObjectNode o = indicators.addObject();
      o.put("id", v.id());
      o.put("kind", v.kind());
      v.from().ifPresent(x -> o.put("from", x.toString()));
      v.to().ifPresent(x -> o.put("to", x.toString()));
      ObjectNode operands = o.putObject("operands");
      v.operands().forEach(operands::put);
      value(o, "unrounded", v.unrounded());
      value(o, "value", v.value());
      if (!v.rounding().isEmpty()) {
        o.put("rounding", v.rounding());
      }
    }
    ArrayNode steps = root.putArray("steps");
    for (StepTrace s : d.steps()) {
      ObjectNode o = steps.addObject();
      o.put("step", s.step());
      o.put("kind", s.kind());
      o.put("outcome", s.outcome());
      s.row().ifPresent(r -> o.put("row", r));
      o.put("effect", s.effect());
    }
    ArrayNode warnings = root.putArray("warnings");
    for (Warning w : d.warnings()) {
      ObjectNode o = warnings.addObject();
      o.put("code", w.code());
      o.put("en", w.en());
      o.put("zh", w.zh());
    }
    root.set("input", CaseJson.write(d.input()));
    return root;
  }

  private static void band(ObjectNode o, Band b) {
    o.put("offset", b.offset());
    o.put("multiplier", b.multiplier().toPlainString());
  }

  private static void value(ObjectNode o, String key, Value v) {
    if (v instanceof Value.Num n) {
      o.put(key, n.value().toPlainString());
    } else if (v instanceof Value.Bool b) {
      o.put(key, b.value());
    } else {
      o.put(key, ((Value.Text) v).value());
      o.put(key + "Type", "text");
    }
  }

  // ------------------------------------------------------------------ reading

  /** Parses a decision record. */
  public static Decision read(byte[] bytes) {
    return read(JsonValue.root(JSON.read(bytes, Faults.INPUT), Faults.INPUT).asObject());
  }

  /** The parsed tree of a decision record, for tools that need single fields. */
  public static JsonObject readTree(byte[] bytes) {
    return JsonValue.root(JSON.read(bytes, Faults.INPUT), Faults.INPUT).asObject();
  }

  static Decision read(JsonObject o) {
    JsonValue format = o.req("format");
    if (!format.asString().equals(FORMAT)) {
      throw format.fail(Fault.BAD_VALUE, "not a decision record of format " + FORMAT);
    }
    String library = o.text("library");
    ImmutableList.Builder<TableRef> tables = ImmutableList.builder();
    for (JsonValue v : o.array("tables")) {
      JsonObject t = v.asObject();
      tables.add(new TableRef(t.text("role"), t.text("id"), t.text("version"), t.text("status"),
          t.text("sha256")));
      t.finish();
    }
    String inputSha = o.text("inputSha256");
    LocalDate asOf = o.date("asOf");
    o.object("employer");
    JsonObject industry = o.object("industry");
    JsonValue editionValue = industry.req("edition");
    Edition edition = Edition.parse(editionValue.asString())
        .orElseThrow(() -> editionValue.fail(Fault.BAD_VALUE, "unknown edition"));
    IndustryCode code = new IndustryCode(edition, industry.text("code"));
    int riskClass = industry.req("riskClass").asInt(1, 99);
    String classSource = industry.text("classSource");
    industry.finish();
    JsonObject benchmark = o.object("benchmark");
    BigDecimal bench = benchmark.decimal("rate");
    String benchSource = benchmark.text("source");
    benchmark.finish();
    Band previous = band(o.object("previousBand"));
    Band next = band(o.object("newBand"));
    JsonObject rate = o.object("rate");
    rate.text("unit");
    BigDecimal unrounded = rate.req("unrounded").asWideDecimal();
    BigDecimal value = rate.decimal("value");
    String rounding = rate.text("rounding");
    rate.finish();
    Optional<Premium> premium = o.optObject("premium").map(p -> {
      Premium result = new Premium(p.decimal("payroll"), p.text("payrollSource"), p.decimal("amount"),
          p.text("rounding"));
      p.finish();
      return result;
    });
    ImmutableList.Builder<IndicatorValue> indicators = ImmutableList.builder();
    for (JsonValue v : o.array("indicators")) {
      JsonObject i = v.asObject();
      ImmutableMap.Builder<String, String> operands = ImmutableMap.builder();
      JsonObject ops = i.object("operands");
      for (String key : ops.keys()) {
        operands.put(key, ops.req(key).asString());
      }
      ops.finish();
      String id = i.text("id");
      String kind = i.text("kind");
      Optional<LocalDate> from = i.optDate("from");
      Optional<LocalDate> to = i.optDate("to");
      Value un = value(i, "unrounded", true);
      Value val = value(i, "value", false);
      String r = i.opt("rounding").map(JsonValue::asString).orElse("");
      i.finish();
      indicators.add(new IndicatorValue(id, kind, from, to, operands.buildOrThrow(), un, val, r));
    }
    ImmutableList.Builder<StepTrace> steps = ImmutableList.builder();
    for (JsonValue v : o.array("steps")) {
      JsonObject s = v.asObject();
      steps.add(new StepTrace(s.text("step"), s.text("kind"), s.text("outcome"), s.optText("row"),
          s.text("effect")));
      s.finish();
    }
    ImmutableList.Builder<Warning> warnings = ImmutableList.builder();
    for (JsonValue v : o.array("warnings")) {
      JsonObject w = v.asObject();
      warnings.add(new Warning(w.text("code"), w.text("en"), w.text("zh")));
      w.finish();
    }
    var input = CaseJson.read(o.req("input"));
    o.finish();
    return new Decision(library, tables.build(), inputSha, asOf, code, riskClass, classSource, bench,
        benchSource, previous, next, unrounded, value, rounding, premium, indicators.build(),
        steps.build(), warnings.build(), input);
  }

  private static Band band(JsonObject o) {
    Band b = new Band(o.req("offset").asInt(-20, 20), o.decimal("multiplier"));
    o.finish();
    return b;
  }

  private static Value value(JsonObject o, String key, boolean wide) {
    boolean text = o.opt(key + "Type").map(JsonValue::asString).filter("text"::equals).isPresent();
    JsonValue v = o.req(key);
    if (text) {
      return new Value.Text(v.asString());
    }
    if (v.isBoolean()) {
      return new Value.Bool(v.asBoolean());
    }
    return new Value.Num(wide ? v.asWideDecimal() : v.asDecimal());
  }

  /** Reads the case echoed in a decision record's {@code input}. */
  public static org.ratefloat.model.RatingCase input(JsonObject decision) {
    return CaseJson.read(decision.req("input"));
  }

  static JsonNode node(JsonValue v) {
    return v.node();
  }
}
