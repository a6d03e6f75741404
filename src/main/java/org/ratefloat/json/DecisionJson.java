package org.ratefloat.json;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.ratefloat.decision.Amount;
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
 * The JSON record of a {@link Decision} (format {@code ratefloat/decision@1}) and its reader. Field
 * order is fixed, decimals are plain strings, and nothing depends on the clock or the machine, so the
 * same decision always gives the same bytes in each layout of {@link JsonOut}; records are compared
 * by their canonical form (RFC 8785).
 */
public final class DecisionJson {
  public static final String FORMAT = "ratefloat/decision@1";
  private static final StrictJson JSON = StrictJson.forInput();

  private DecisionJson() {}

  /** The canonical record (pretty, with the input echoed). */
  public static byte[] bytes(Decision d) {
    JsonOut out = new JsonOut(true);
    write(d, out, true);
    return out.bytes();
  }

  /** Writes a decision record; {@code withInput} adds the echoed case. */
  public static void write(Decision d, JsonOut out, boolean withInput) {
    out.beginObject();
    out.field("format", FORMAT);
    out.field("library", d.library());
    // the same list for every decision of a table: encoded once by a compact writer
    out.name("tables").constant(d.tables(), DecisionJson::tables);
    out.field("inputSha256", d.inputSha256());
    out.field("asOf", d.asOf().toString());
    out.name("employer").beginObject();
    out.field("id", d.input().employer().id());
    if (!d.input().employer().name().isEmpty()) {
      out.field("name", d.input().employer().name());
    }
    out.endObject();
    out.name("industry").beginObject()
        .field("edition", d.industry().edition().label())
        .field("code", d.industry().code())
        .field("riskClass", d.riskClass())
        .field("classSource", d.classSource())
        .endObject();
    out.name("benchmark").beginObject().field("rate", d.benchmark()).field("source", d.benchmarkSource())
        .endObject();
    band(out.name("previousBand"), d.previousBand());
    band(out.name("newBand"), d.newBand());
    out.name("rate").beginObject()
        .field("unit", "percent of payroll")
        .field("unrounded", d.rateUnrounded())
        .field("value", d.rate())
        .field("rounding", d.rateRounding())
        .endObject();
    d.premium().ifPresent(p -> out.name("premium").beginObject()
        .field("payroll", p.payroll())
        .field("payrollSource", p.payrollSource())
        .field("amount", p.amount())
        .field("rounding", p.rounding())
        .endObject());
    if (!d.amounts().isEmpty()) {
      // only where a row added money: every other record keeps its bytes
      out.name("amounts").beginArray();
      for (Amount a : d.amounts()) {
        out.beginObject().field("step", a.step()).field("row", a.row());
        a.indicator().ifPresent(i -> out.field("indicator", i));
        out.field("amount", a.amount()).field("currency", a.currency()).endObject();
      }
      out.endArray();
    }
    out.name("indicators").beginArray();
    for (IndicatorValue v : d.indicators()) {
      out.beginObject();
      out.field("id", v.id());
      out.field("kind", v.kind());
      v.from().ifPresent(x -> out.field("from", x.toString()));
      v.to().ifPresent(x -> out.field("to", x.toString()));
      out.name("operands").beginObject();
      v.operands().forEach(out::field);
      out.endObject();
      value(out, "unrounded", v.unrounded());
      value(out, "value", v.value());
      if (!v.rounding().isEmpty()) {
        out.field("rounding", v.rounding());
      }
      if (v.unrounded() instanceof Value.Fraction f) {
        out.field("display", f.display());
      }
      out.endObject();
    }
    out.endArray();
    out.name("steps").beginArray();
    for (StepTrace s : d.steps()) {
      out.beginObject();
      out.field("step", s.step());
      out.field("kind", s.kind());
      out.field("outcome", s.outcome());
      s.row().ifPresent(r -> out.field("row", r));
      out.field("effect", s.effect());
      out.endObject();
    }
    out.endArray();
    out.name("warnings").beginArray();
    for (Warning w : d.warnings()) {
      // a table's own warnings are the same objects decision after decision: encoded once
      out.constant(w, DecisionJson::warning);
    }
    out.endArray();
    if (withInput) {
      out.name("input");
      CaseJson.write(d.input(), out);
    }
    out.endObject();
  }

  private static void tables(java.util.List<TableRef> tables, JsonOut out) {
    out.beginArray();
    for (TableRef t : tables) {
      out.beginObject().field("role", t.role()).field("id", t.id()).field("version", t.version())
          .field("status", t.status()).field("sha256", t.sha256()).endObject();
    }
    out.endArray();
  }

  private static void warning(Warning w, JsonOut out) {
    out.beginObject().field("code", w.code()).field("en", w.en()).field("zh", w.zh()).endObject();
  }

  private static void band(JsonOut out, Band b) {
    out.beginObject().field("offset", b.offset()).field("multiplier", b.multiplier()).endObject();
  }

  private static void value(JsonOut out, String key, Value v) {
    if (v instanceof Value.Num n) {
      out.field(key, n.value());
    } else if (v instanceof Value.Fraction f) {
      out.field(key, f.render());
    } else if (v instanceof Value.Bool b) {
      out.field(key, b.value());
    } else {
      out.field(key, ((Value.Text) v).value());
      out.field(key + "Type", "text");
    }
  }

  // ------------------------------------------------------------------ reading

  /** Parses a decision record. */
  public static Decision read(byte[] bytes) {
    return read(JsonValue.root(JSON.read(bytes, Faults.INPUT), Faults.INPUT).asObject());
  }

  static Decision read(JsonObject o) {
    Formats.require(o, FORMAT);
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
      // a premium is derived (payroll x rate): it may be longer than an input decimal
      Premium result = new Premium(p.decimal("payroll"), p.text("payrollSource"), p.req("amount").asExactDecimal(),
          p.text("rounding"));
      p.finish();
      return result;
    });
    ImmutableList.Builder<Amount> amounts = ImmutableList.builder();
    for (JsonValue v : o.optArray("amounts")) {
      JsonObject a = v.asObject();
      // an amount is derived (a formula's value): it may be longer than an input decimal
      amounts.add(new Amount(a.text("step"), a.text("row"), a.optText("indicator"),
          a.req("amount").asExactDecimal(), a.text("currency")));
      a.finish();
    }
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
      // presentation of an exact fraction, derived from it: read so that the key is known, not trusted
      i.opt("display").map(JsonValue::asWideDecimal);
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
    return new Decision(library, tables.build(), org.ratefloat.decision.InputHash.of(inputSha), asOf, code, riskClass, classSource, bench,
        benchSource, previous, next, unrounded, value, rounding, premium, indicators.build(),
        steps.build(), warnings.build(), input, amounts.build());
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
    if (v.isString()) {
      Optional<Value.Fraction> f = Value.Fraction.parse(v.asString());
      if (f.isPresent()) {
        return f.get();
      }
      return new Value.Num(v.asExactDecimal());
    }
    return new Value.Num(wide ? v.asWideDecimal() : v.asDecimal());
  }
}
