package org.ratefloat.json;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.ratefloat.decision.Amount;
import org.ratefloat.decision.Assumption;
import org.ratefloat.decision.TableStatus;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
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
 * The JSON record of a {@link Decision} (format {@code ratefloat/decision@2}, and the earlier
 * {@code @1}, which is still read and written for checking records made in it) and its reader. Field
 * order is fixed, decimals are plain strings, and nothing depends on the clock or the machine, so the
 * same decision always gives the same bytes in each layout of {@link JsonOut}; records are compared
 * by their canonical form (RFC 8785).
 *
 * <p>{@code @2}: {@code inputSha256} is the SHA-256 of the canonical form of the case exactly as
 * submitted, which {@code input} echoes; what the engine assumed (defaults, derived values) is listed
 * in {@code assumed}. {@code @1}: {@code input} echoes the case as read, with defaults filled in, and
 * {@code inputSha256} is taken over that.
 */
public final class DecisionJson {
  /** The format records are written in. */
  public static final String FORMAT = "ratefloat/decision@2";
  /** The first format: still read, and written to check a record made in it. */
  public static final String FORMAT_1 = "ratefloat/decision@1";
  /** The formats read, the current one first. */
  public static final java.util.List<String> FORMATS = java.util.List.of(FORMAT, FORMAT_1);
  private static final StrictJson JSON = StrictJson.forInput();

  private DecisionJson() {}

  /** The record as decide prints it (pretty, with the input echoed); it is compared by its canonical form. */
  public static byte[] bytes(Decision d) {
    JsonOut out = new JsonOut(true);
    write(d, out, true);
    return out.bytes();
  }

  /** Writes a decision record in the current format; {@code withInput} adds the echoed case. */
  public static void write(Decision d, JsonOut out, boolean withInput) {
    write(d, out, withInput, FORMAT);
  }

  /**
   * Writes a decision record in {@code format} (one of {@link #FORMATS}); {@code withInput} adds the
   * echoed case.
   */
  public static void write(Decision d, JsonOut out, boolean withInput, String format) {
    boolean first = format.equals(FORMAT_1);
    if (!first && !format.equals(FORMAT)) {
      throw new IllegalArgumentException("not a decision format: " + format);
    }
    out.beginObject();
    out.field("format", format);
    out.field("library", d.library());
    // the same list for every decision of a table: encoded once by a compact writer
    out.name("tables").constant(d.tables(), DecisionJson::tables);
    // @1 hashed the case as read, which is what it echoed; @2 the case as submitted
    out.field("inputSha256", first ? CanonicalJson.sha256(o -> CaseJson.write(d.input(), o)) : d.inputSha256());
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
        .field("classSource", d.classSource().jsonName())
        .endObject();
    out.name("benchmark").beginObject().field("rate", d.benchmark()).field("source", d.benchmarkSource().jsonName())
        .endObject();
    band(out.name("previousBand"), d.previousBand());
    band(out.name("newBand"), d.newBand());
    out.name("rate").beginObject()
        .field("unit", "percent of payroll")
        .field("unrounded", d.rateUnrounded())
        .field("value", d.rate())
        .field("rounding", d.rateRounding())
        .endObject();
    d.premium().ifPresent(p -> {
      out.name("premium").beginObject()
          .field("payroll", p.payroll())
          .field("payrollSource", p.payrollSource().jsonName())
          .field("amount", p.amount())
          .field("rounding", p.rounding());
      if (!p.classes().isEmpty()) {
        // only a premium priced by class: every other record keeps its bytes
        out.name("classes").beginArray();
        for (Premium.ClassPremium c : p.classes()) {
          out.beginObject().field("code", c.code()).field("payroll", c.payroll()).field("rate", c.rate())
              .field("amount", c.amount()).endObject();
        }
        out.endArray();
      }
      out.endObject();
    });
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
      out.field("outcome", s.outcome().jsonName());
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
    if (!first) {
      out.name("assumed").beginArray();
      for (Assumption a : d.assumed()) {
        out.beginObject().field("pointer", a.pointer());
        a.indicator().ifPresent(i -> out.field("indicator", i));
        if (a.value() instanceof Value.Bool b) {
          out.field("value", b.value());
        } else {
          out.field("value", a.value().render());
        }
        if (a.value() instanceof Value.Text) {
          out.field("valueType", "text");
        }
        out.field("kind", a.kind().jsonName());
        a.from().ifPresent(f -> out.field("from", f));
        out.endObject();
      }
      out.endArray();
    }
    if (withInput) {
      out.name("input");
      if (first) {
        CaseJson.write(d.input(), out);
      } else {
        CanonicalJson.write(JSON.read(d.submittedInput().getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Faults.INPUT), out);
      }
    }
    out.endObject();
  }

  private static void tables(java.util.List<TableRef> tables, JsonOut out) {
    out.beginArray();
    for (TableRef t : tables) {
      out.beginObject().field("role", t.role()).field("id", t.id()).field("version", t.version())
          .field("status", t.status().jsonName()).field("sha256", t.sha256()).endObject();
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
    String format = Formats.require(o, FORMAT, java.util.List.of(FORMAT_1));
    String library = o.text("library");
    ImmutableList.Builder<TableRef> tables = ImmutableList.builder();
    for (JsonValue v : o.array("tables")) {
      JsonObject t = v.asObject();
      tables.add(TableRef.builder().role(t.text("role")).id(t.text("id")).version(t.text("version"))
          .status(named(t.req("status"), TableStatus::byJsonName)).sha256(t.text("sha256")).build());
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
    Decision.ClassSource classSource = named(industry.req("classSource"), Decision.ClassSource::byJsonName);
    industry.finish();
    JsonObject benchmark = o.object("benchmark");
    BigDecimal bench = benchmark.decimal("rate");
    Decision.BenchmarkSource benchSource = named(benchmark.req("source"), Decision.BenchmarkSource::byJsonName);
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
      Premium.Builder result = Premium.builder().payroll(p.decimal("payroll"),
          named(p.req("payrollSource"), Premium.PayrollSource::byJsonName)).amount(p.req("amount").asExactDecimal())
          .rounding(p.text("rounding"));
      for (JsonValue v : p.optArray("classes")) {
        JsonObject c = v.asObject();
        result.classPremium(new Premium.ClassPremium(c.text("code"), c.decimal("payroll"),
            c.req("rate").asExactDecimal(), c.req("amount").asExactDecimal()));
        c.finish();
      }
      p.finish();
      return result.build();
    });
    ImmutableList.Builder<Amount> amounts = ImmutableList.builder();
    for (JsonValue v : o.optArray("amounts")) {
      JsonObject a = v.asObject();
      // an amount is derived (a formula's value): it may be longer than an input decimal
      Amount.Builder amount = Amount.builder().row(a.text("step"), a.text("row"));
      a.optText("indicator").ifPresent(amount::indicator);
      amounts.add(amount.amount(a.req("amount").asExactDecimal(), a.text("currency")).build());
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
      IndicatorValue.Builder indicator = IndicatorValue.builder().indicator(id, kind).operands(operands.buildOrThrow())
          .value(val).unrounded(un, r);
      if (from.isPresent() && to.isPresent()) {
        indicator.window(from.get(), to.get());
      }
      indicators.add(indicator.build());
    }
    ImmutableList.Builder<StepTrace> steps = ImmutableList.builder();
    for (JsonValue v : o.array("steps")) {
      JsonObject s = v.asObject();
      StepTrace.Builder step = StepTrace.builder().step(s.text("step")).kind(s.text("kind"))
          .outcome(named(s.req("outcome"), StepTrace.Outcome::byJsonName));
      s.optText("row").ifPresent(step::row);
      steps.add(step.effect(s.text("effect")).build());
      s.finish();
    }
    ImmutableList.Builder<Warning> warnings = ImmutableList.builder();
    for (JsonValue v : o.array("warnings")) {
      JsonObject w = v.asObject();
      warnings.add(new Warning(w.text("code"), w.text("en"), w.text("zh")));
      w.finish();
    }
    ImmutableList.Builder<Assumption> assumed = ImmutableList.builder();
    if (format.equals(FORMAT)) {
      for (JsonValue v : o.array("assumed")) {
        JsonObject a = v.asObject();
        String pointer = a.text("pointer");
        Optional<String> indicator = a.optText("indicator");
        Value used = value(a, "value", false);
        Assumption.Kind kind = named(a.req("kind"), Assumption.Kind::byJsonName);
        Optional<String> from = a.optText("from");
        assumed.add(kind == Assumption.Kind.DERIVED
            ? Assumption.derived(pointer, used, from.orElseThrow(() -> a.fail("from", Fault.BAD_VALUE,
                "a derived value names where it is taken from")))
            : indicator.map(i -> Assumption.forIndicator(pointer, i, used)).orElseGet(() -> Assumption.of(pointer, used)));
        a.finish();
      }
    }
    JsonValue echo = o.req("input");
    Submitted input = Submitted.of(echo);
    String submitted = format.equals(FORMAT_1) ? Submitted.canonical(input.input()) : input.canonical().toString();
    String hash = com.google.common.hash.Hashing.sha256().hashString(
        format.equals(FORMAT_1) ? CanonicalJson.jcs(echo.node()) : submitted, java.nio.charset.StandardCharsets.UTF_8)
        .toString();
    if (!hash.equals(inputSha)) {
      throw new InputException(ErrorCode.VR002, "/inputSha256", "the echoed input is not the one that was "
          + "decided: its SHA-256 is " + hash + ", the record names " + StrictJson.abbreviate(inputSha));
    }
    o.finish();
    Decision.Builder d = Decision.builder().library(library).tables(tables.build()).input(input.input(), submitted)
        .riskClass(riskClass, classSource).benchmark(bench, benchSource).bands(previous, next)
        .rate(unrounded, value, rounding).indicators(indicators.build()).steps(steps.build())
        .warnings(warnings.build()).amounts(amounts.build()).assumed(assumed.build());
    premium.ifPresent(d::premium);
    if (!asOf.equals(input.input().asOf()) || !code.equals(input.input().employer().industry())) {
      throw new InputException(ErrorCode.VR002, "/asOf", "the record's as-of date and industry are not those of "
          + "the input it echoes");
    }
    return d.build();
  }

  /** A closed set's member named by its JSON name, or a fault naming the value. */
  private static <T> T named(JsonValue v, java.util.function.Function<String, Optional<T>> byName) {
    String name = v.asString();
    return byName.apply(name).orElseThrow(() -> v.fail(Fault.BAD_VALUE, "unknown value \""
        + StrictJson.abbreviate(name) + "\""));
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
