package org.ratefloat.rules;

import org.ratefloat.document.DocumentFields;
import org.ratefloat.document.SourceRef;
import org.ratefloat.document.TableStatus;
import org.ratefloat.document.Text;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.json.Fault;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;

/**
 * The state one parse of a file shares between its parts (the file name, the ids used so far, the
 * indicators declared, their domains and acknowledged warnings) and the checks of values every part
 * reads: ids, bilingual texts, statuses, sources, positive decimals, choices, acknowledged codes.
 */
final class ParseContext {
  private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,79}";

  final String source;
  final Map<String, String> ids = new HashMap<>();
  final Map<String, IndicatorSpec> indicators = new HashMap<>();
  final Map<String, RuleTableSpec.DeclaredDomain> domains = new java.util.LinkedHashMap<>();
  final Map<String, ImmutableSet<String>> allowed = new java.util.LinkedHashMap<>();
  /** The table's format version: 1 or 2; the constructs of @2 are unknown keys in @1. */
  int version = 1;
  ReferenceData data = ReferenceData.NONE;

  ParseContext(String source) {
    this.source = source;
  }

  RuleTableException error(ErrorCode code, String pointer, String detail) {
    return new RuleTableException(code, source, pointer, detail);
  }

  void format(JsonObject o, String expected) {
    formatOneOf(o, expected);
  }

  /** The {@code format} key must name one of {@code accepted} ({@link DocumentFields#formatOneOf}). */
  void formatOneOf(JsonObject o, String... accepted) {
    DocumentFields.formatOneOf(o, source, accepted);
  }

  /** A document's effective period: {@code effectiveFrom}, and {@code effectiveTo} not before it. */
  record Effective(java.time.LocalDate from, java.util.Optional<java.time.LocalDate> to) {}

  /** Reads {@code effectiveFrom} and {@code effectiveTo} ({@code RT012} for an empty period). */
  Effective effective(JsonObject o) {
    java.time.LocalDate from = o.date("effectiveFrom");
    java.util.Optional<java.time.LocalDate> to = o.optDate("effectiveTo");
    if (to.isPresent() && to.get().isBefore(from)) {
      throw error(ErrorCode.RT012, o.pointerOf("effectiveTo"), "effective period is empty: " + from + ".." + to.get());
    }
    return new Effective(from, to);
  }

  String id(JsonValue v) {
    return DocumentFields.id(v);
  }

  /** An id that must be unique within the table (indicators, steps and rows share one namespace). */
  String newId(JsonValue v) {
    String id = id(v);
    String previous = ids.putIfAbsent(id, v.pointer());
    if (previous != null) {
      throw error(ErrorCode.RT007, v.pointer(), "duplicate id \"" + id + "\", first used at " + previous);
    }
    return id;
  }

  Text text(JsonValue v) {
    return DocumentFields.text(v);
  }

  TableStatus status(JsonValue v) {
    return DocumentFields.status(v);
  }

  ImmutableList<SourceRef> sources(JsonObject o) {
    return DocumentFields.sources(o);
  }

  ImmutableList<String> strings(List<JsonValue> values) {
    return DocumentFields.strings(values);
  }

  BigDecimal positive(JsonValue v) {
    BigDecimal value = v.asDecimal();
    if (value.signum() <= 0) {
      throw v.failBy(Fault.BAD_VALUE, "rules.positive", "value", value);
    }
    return value;
  }

  String choice(JsonObject o, String key, String absent, String... allowed) {
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
    throw v.get().failBy(Fault.BAD_VALUE, "rules.choice", "key", key, "allowed", List.of(allowed), "value", value);
  }

  /** Codes a step or row acknowledges; only warnings may be acknowledged. */
  void allow(JsonObject o) {
    List<JsonValue> codes = o.optArray("allow");
    if (codes.isEmpty()) {
      return;
    }
    ImmutableSet.Builder<String> set = ImmutableSet.builder();
    for (JsonValue v : codes) {
      String code = v.asString();
      if (!Set.of("RT022", "RT023", "RT025", "RT026", "RT028", "RT029", "RT035", "RT036", "RT037", "RT042").contains(code)) {
        throw v.fail(Fault.BAD_VALUE, "only warnings can be allowed (RT022, RT023, RT025, RT026, RT028, "
            + "RT029, RT035, RT036, RT037, RT042): \"" + code + "\"");
      }
      set.add(code);
    }
    allowed.put(o.pointer(), set.build());
  }
}
