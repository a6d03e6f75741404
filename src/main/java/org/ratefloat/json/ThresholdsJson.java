package org.ratefloat.json;

import java.math.BigDecimal;
import java.util.Map;
import org.ratefloat.thresholds.Assumption;
import org.ratefloat.thresholds.Box;
import org.ratefloat.thresholds.Interval;
import org.ratefloat.thresholds.NotInvertible;
import org.ratefloat.thresholds.Outcome;
import org.ratefloat.thresholds.Quantity;
import org.ratefloat.thresholds.Reach;
import org.ratefloat.thresholds.Thresholds;
import org.ratefloat.thresholds.Variable;

/**
 * The JSON of an employer's thresholds ({@code ratefloat/thresholds@1}): fixed key order, decimals as
 * plain strings, enums by their JSON names. Written only; nothing reads it back.
 */
public final class ThresholdsJson {
  /** The format of a thresholds document. */
  public static final String FORMAT = "ratefloat/thresholds@1";

  private ThresholdsJson() {}

  /** The document, pretty printed, UTF-8. */
  public static byte[] bytes(Thresholds t) {
    JsonOut out = new JsonOut(true);
    write(t, out);
    return out.bytes();
  }

  /** Writes the document as one value. */
  public static void write(Thresholds t, JsonOut out) {
    out.beginObject().field("format", FORMAT);
    out.name("table").beginObject().field("id", t.decision().table().id())
        .field("version", t.decision().table().version()).field("status", t.decision().table().status().jsonName())
        .field("sha256", t.decision().table().sha256()).endObject();
    out.field("employerId", t.decision().input().employer().id());
    out.name("thisDecision").beginObject().field("asOf", t.decision().asOf().toString())
        .field("riskClass", t.decision().riskClass()).field("benchmark", t.decision().benchmark())
        .field("band", t.currentBand().multiplier()).field("offset", t.currentBand().offset())
        .field("rate", t.decision().rate()).endObject();
    out.name("next").beginObject().field("asOf", t.asOf().toString()).field("currentBand", t.currentBand().multiplier())
        .name("period").beginObject().field("from", t.periodFrom().toString()).field("to", t.periodTo().toString())
        .endObject().endObject();
    out.name("assumptions").beginArray();
    for (Assumption a : t.assumptions()) {
      out.beginObject().field("measure", a.measure().jsonName());
      if (a.value().isPresent()) {
        out.field("value", a.value().get());
      } else {
        out.name("value").nullValue();
      }
      out.field("basis", name(a.basis())).endObject();
    }
    out.endArray();
    out.name("quantities").beginArray();
    for (Quantity q : t.quantities()) {
      out.beginObject().field("name", q.variable().name()).field("unit", q.unit()).field("role", name(q.role()))
          .field("heldAt", q.heldAt());
      bound(out, "lastYear", q.lastYear().orElse(null));
      bound(out, "least", q.least().orElse(null));
      out.endObject();
    }
    out.endArray();
    out.name("reaches").beginArray();
    for (Reach r : t.reaches()) {
      out.beginObject();
      if (r.outcome() instanceof Outcome.Decided d) {
        out.field("band", d.band().multiplier()).field("offset", d.band().offset()).field("rate", d.rate());
        out.name("amountRows").beginArray();
        d.amountRows().forEach(out::value);
        out.endArray();
      } else {
        Outcome.Refused x = (Outcome.Refused) r.outcome();
        out.name("refused").beginObject().field("code", x.code().name()).field("pointer", x.pointer())
            .field("message", x.message()).endObject();
      }
      out.name("limitedBy").beginArray();
      r.limitedBy().forEach(out::value);
      out.endArray();
      out.name("boxes").beginArray();
      for (Box b : r.boxes()) {
        out.beginObject();
        for (Map.Entry<Variable, Interval> e : b.bounds().entrySet()) {
          out.name(e.getKey().name()).beginObject();
          bound(out, "min", e.getValue().lower().orElse(null));
          bound(out, "max", e.getValue().upper().orElse(null));
          out.endObject();
        }
        out.endObject();
      }
      out.endArray().endObject();
    }
    out.endArray();
    out.name("notInvertible").beginArray();
    for (NotInvertible n : t.notInvertible()) {
      out.beginObject().field("indicator", n.indicator()).field("reason", name(n.reason()))
          .field("detail", n.detail()).endObject();
    }
    out.endArray();
    out.field("exact", t.exact()).field("decisions", t.decisions());
    out.endObject();
  }

  private static void bound(JsonOut out, String key, BigDecimal b) {
    if (b == null) {
      out.name(key).nullValue();
    } else {
      out.field(key, b);
    }
  }

  /** An enum constant as JSON names it: {@code LAST_YEAR} is {@code lastYear}. */
  static String name(Enum<?> e) {
    StringBuilder s = new StringBuilder();
    boolean upper = false;
    for (char c : e.name().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        s.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return s.toString();
  }
}
