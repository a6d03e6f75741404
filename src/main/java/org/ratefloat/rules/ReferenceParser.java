package org.ratefloat.rules;

import org.ratefloat.document.TableStatus;
import org.ratefloat.document.Text;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.json.Fault;
import org.ratefloat.json.JsonObject;

/**
 * Parses a reference-data file ({@code ratefloat/reference@1}): the document fields of a rule
 * table (id, version, title, effective period, status, sources), its {@code data} read as a
 * table's own data is (scalars, step tables, class rows keyed by the codes of a classification), and
 * {@code byClass}: values keyed by risk class.
 */
final class ReferenceParser {
  static final String FORMAT = "ratefloat/reference@1";
  /** Class codes of {@code byClass}: letters, digits, {@code . _ -}, up to 16 (NCCI {@code 8810}, risk class {@code 4}). */
  private static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,15}";
  /** Rows of one {@code byClass} table. */
  static final int MAX_CLASS_ROWS = 10_000;

  private ReferenceParser() {}

  static ReferenceSpec parse(String source, String sha256, JsonObject o) {
    ParseContext context = new ParseContext(source);
    context.format(o, FORMAT);
    String id = context.id(o.req("id"));
    String version = o.text("version");
    Text title = context.text(o.req("title"));
    ParseContext.Effective effective = context.effective(o);
    LocalDate from = effective.from();
    Optional<LocalDate> to = effective.to();
    TableStatus status = context.status(o.req("status"));
    context.sources(o);
    var unverified = context.strings(o.optArray("unverified"));
    context.strings(o.optArray("notes"));
    if (status == TableStatus.VERIFIED && !unverified.isEmpty()) {
      throw o.fail("status", Fault.BAD_VALUE,
          "reference data with unverified parameters must have status \"provisional\"");
    }
    ReferenceData data = o.optObject("data").map(d -> RuleTableParser.data(source, d))
        .orElse(ReferenceData.NONE);
    ImmutableMap.Builder<String, ReferenceData.ByClass> byClass = ImmutableMap.builder();
    o.optObject("byClass").ifPresent(b -> {
      for (String name : b.keys()) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
          throw b.fail(name, Fault.BAD_VALUE, "reference data names are letters, digits and _: \"" + name + "\"");
        }
        if (data.names().contains(name)) {
          throw context.error(ErrorCode.RT007, b.pointerOf(name), "duplicate name \"" + name
              + "\" in the reference data");
        }
        byClass.put(name, rows(context, name, b.object(name)));
      }
      b.finish();
    });
    ImmutableMap<String, ReferenceData.ByClass> classes = byClass.buildOrThrow();
    o.optObject("domains").ifPresent(d -> checkDomains(context, d, data, classes));
    o.finish();
    ReferenceData all = new ReferenceData(data.scalars(), data.steps(), classes, data.classes());
    if (all.isEmpty()) {
      throw o.fail("data", Fault.MISSING, "reference data without data or byClass");
    }
    return new ReferenceSpec(source, sha256, id, version, title, from, to, status, all);
  }

  private static ReferenceData.ByClass rows(ParseContext context, String name, JsonObject o) {
    ImmutableMap.Builder<String, BigDecimal> rows = ImmutableMap.builder();
    if (o.keys().isEmpty()) {
      throw context.error(ErrorCode.RT009, o.pointer(), "values by class " + name + " need at least one class");
    }
    if (o.keys().size() > MAX_CLASS_ROWS) {
      throw context.error(ErrorCode.RT017, o.pointer(), "values by class " + name + " have more than "
          + MAX_CLASS_ROWS + " classes");
    }
    for (String code : o.keys()) {
      if (!code.matches(CODE)) {
        throw o.fail(code, Fault.BAD_VALUE, "a class code is letters, digits, '.', '_' or '-', up to 16: \""
            + code + "\"");
      }
      rows.put(code, o.req(code).asDecimal());
    }
    String pointer = o.pointer();
    o.finish();
    return new ReferenceData.ByClass(name, context.source, pointer, rows.buildOrThrow());
  }

  /**
   * The values a name of the data may take ({@code "domains": {"k": {"ge": "0"}}}), checked here for
   * every value of it: a scalar, or each class's value ({@code RT012} at the value outside, {@code RT008}
   * for a name the file does not hold). A credibility K below 0, say, cannot be an estimate.
   */
  private static void checkDomains(ParseContext context, JsonObject domains, ReferenceData data,
      ImmutableMap<String, ReferenceData.ByClass> classes) {
    ConditionParser conditions = new ConditionParser(context);
    for (String name : domains.keys()) {
      JsonObject d = domains.object(name);
      Condition interval = conditions.interval(name, d);
      d.finish();
      if (data.scalars().containsKey(name)) {
        BigDecimal v = data.scalars().get(name);
        if (!interval.admits(v)) {
          throw context.error(ErrorCode.RT012, "/data/scalars/" + name, name + " must lie in its domain "
              + describe(interval) + ": " + v.toPlainString());
        }
      } else if (classes.containsKey(name)) {
        ReferenceData.ByClass rows = classes.get(name);
        rows.rows().forEach((code, v) -> {
          if (!interval.admits(v)) {
            throw context.error(ErrorCode.RT012, rows.pointer() + "/" + code, name + " of class " + code
                + " must lie in its domain " + describe(interval) + ": " + v.toPlainString());
          }
        });
      } else {
        throw context.error(ErrorCode.RT008, domains.pointerOf(name), "a domain for \"" + name
            + "\", which the reference data does not hold");
      }
    }
    domains.finish();
  }

  private static String describe(Condition interval) {
    return new RuleTableSpec.DeclaredDomain(interval, BigDecimal.ZERO).describe();
  }
}
