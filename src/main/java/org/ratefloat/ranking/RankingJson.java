package org.ratefloat.ranking;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.ratefloat.json.JsonOut;
import org.ratefloat.registry.IndustryNames;
import org.ratefloat.document.Text;

/**
 * Writes a {@link RankingResult} as its JSON ({@value Ranking#RESULT_FORMAT}, pretty): the
 * definition's identity, the month, how the ranking was made (grouping, method and tie rules, in
 * words too), the counts, and each group's list with the employers that entered and left it.
 */
public final class RankingJson {
  private RankingJson() {}

  public static byte[] json(RankingResult r) {
    RankingDefinition d = r.definition();
    JsonOut out = new JsonOut(true);
    out.beginObject().field("format", Ranking.RESULT_FORMAT);
    out.name("definition").beginObject().field("id", d.id()).field("version", d.version())
        .field("status", d.status().jsonName()).field("sha256", d.sha256());
    text(out.name("title"), d.title());
    out.endObject();
    out.field("month", r.month().toString()).field("by", r.by().jsonName());
    text(out.name("byWords"), r.by().words());
    out.field("method", d.method().jsonName());
    text(out.name("methodWords"), d.methodInWords());
    out.field("ties", d.ties().name());
    text(out.name("tiesWords"), d.ties().words());
    out.field("tiesAtCut", d.tiesAtCut().jsonName());
    text(out.name("tiesAtCutWords"), d.tiesAtCut().words());
    out.name("listing").beginObject().field("indicator", d.listing().indicator())
        .field("atLeast", d.listing().atLeast()).endObject();
    out.field("top", r.top()).field("eligible", r.eligible()).field("skipped", r.skipped())
        .field("candidates", r.candidates());
    out.name("refused").beginObject().field("total", r.refusedTotal());
    out.name("byCode").beginObject();
    r.refused().forEach((code, n) -> out.field(code.name(), n));
    out.endObject().endObject();
    out.field("monthsFrom", r.monthsFrom().toString());
    r.comparedWith().ifPresent(m -> out.field("comparedWith", m.toString()));
    out.name("indicators").beginArray();
    for (RankingDefinition.Indicator i : d.allIndicators()) {
      out.beginObject().field("id", i.id());
      text(out.name("label"), i.label());
      out.field("ranked", d.indicators().contains(i)).endObject();
    }
    out.endArray();
    IndustryNames names = d.industryNames().orElse(null);
    out.name("groups").beginArray();
    for (RankingResult.Group g : r.groups()) {
      out.beginObject().field("kind", g.key().kind().jsonName()).field("code", g.key().code());
      text(out.name("name"), g.key().name());
      out.field("eligible", g.eligible()).field("candidates", g.candidates());
      g.leftOut().ifPresent(l -> out.name("leftOutAtCut").beginObject().field("position", l.position())
          .field("employers", l.employers()).endObject());
      out.name("entries").beginArray();
      for (Entry e : g.listed()) {
        out.beginObject().field("position", e.position());
        employer(out, e.observation(), names);
        out.name("indicators").beginArray();
        for (int j = 0; j < d.indicators().size(); j++) {
          out.beginObject().field("id", d.indicators().get(j).id());
          value(out, e.observation().value(j));
          if (!e.ranks().isEmpty()) {
            out.field("rank", e.ranks().get(j));
          }
          out.endObject();
        }
        out.endArray();
        out.name("shown").beginArray();
        for (int j = 0; j < d.shown().size(); j++) {
          out.beginObject().field("id", d.shown().get(j).id());
          value(out, e.observation().value(d.indicators().size() + j));
          out.endObject();
        }
        out.endArray();
        e.score().ifPresent(s -> out.field("score", s));
        out.field("monthsOnList", e.monthsOnList());
        if (e.chosenAtCut()) {
          out.field("chosenAtCut", true);
        }
        out.endObject();
      }
      out.endArray();
      if (r.comparedWith().isPresent()) {
        changes(out.name("entered"), g.entered());
        changes(out.name("left"), g.left());
      }
      out.endObject();
    }
    out.endArray().endObject();
    return out.bytes();
  }

  private static void employer(JsonOut out, Observation o, IndustryNames names) {
    out.field("employerId", o.employerId());
    if (!o.name().isEmpty()) {
      out.field("name", o.name());
    }
    o.creditCode().ifPresent(c -> out.field("creditCode", c));
    out.name("industry").beginObject().field("edition", o.industry().edition().label())
        .field("code", o.industry().code());
    Optional<String> name = names == null ? Optional.empty() : names.name(o.industry());
    name.ifPresent(n -> out.field("name", n));
    out.endObject();
    out.field("riskClass", o.riskClass());
    out.name("keyIndustry").beginObject().field("id", o.keyIndustry().id());
    text(out.name("name"), o.keyIndustry().name());
    out.endObject();
    o.region().ifPresent(x -> out.field("region", x));
    o.city().ifPresent(c -> {
      out.name("city").beginObject().field("code", c.code());
      text(out.name("name"), c.name());
      out.endObject();
    });
  }

  private static void changes(JsonOut out, List<Observation> employers) {
    out.beginArray();
    for (Observation o : employers) {
      out.beginObject().field("employerId", o.employerId());
      if (!o.name().isEmpty()) {
        out.field("name", o.name());
      }
      o.creditCode().ifPresent(c -> out.field("creditCode", c));
      out.endObject();
    }
    out.endArray();
  }

  private static void value(JsonOut out, Optional<BigDecimal> v) {
    if (v.isEmpty()) {
      out.name("value").nullValue();
    } else {
      out.field("value", v.get());
    }
  }

  private static void text(JsonOut out, Text text) {
    out.beginObject().field("zh", text.zh()).field("en", text.en()).endObject();
  }
}
