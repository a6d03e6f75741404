package org.ratefloat.ranking;

import org.ratefloat.document.ClassificationParser;
import org.ratefloat.document.DocumentFiles;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.Hashing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.json.Fault;
import org.ratefloat.json.Faults;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;
import org.ratefloat.json.StrictJson;
import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.InputRules;
import org.ratefloat.model.Measure;
import org.ratefloat.registry.IndustryNames;
import org.ratefloat.registry.Regions;
import org.ratefloat.document.ClassificationSpec;
import org.ratefloat.document.DocumentFields;
import org.ratefloat.document.Rounding;
import org.ratefloat.document.Text;

/**
 * Reads a ranking definition ({@code ratefloat/ranking@2}) strictly, with the rule tables' reader and
 * codes, and the documents it names (classification, regions, industry names) through
 * {@code refs}: next to the definition, then among the bundled ones.
 */
final class DefinitionParser {
  /** The format a definition of the first version named; refused with what changed. */
  static final String FORMAT_1 = "ratefloat/ranking@1";

  private DefinitionParser() {}

  static RankingDefinition parse(String source, byte[] bytes, DocumentFiles.Source refs) {
    Faults faults = Faults.ruleTable(source);
    JsonObject o = JsonValue.root(StrictJson.forRuleTables().read(bytes, faults), faults).asObject();
    if (o.has("format") && o.req("format").isString() && o.req("format").asString().equals(FORMAT_1)) {
      throw new RuleTableException(ErrorCode.RT014, source, o.pointerOf("format"), "format \"" + FORMAT_1
          + "\" is no longer read: its top N listed employers without an accident and ranked injured workers "
          + "by default; write it as \"" + Ranking.FORMAT + "\" (key industries as named lists, a listing "
          + "rule, combine.tiesAtCut; see rules/README.md)");
    }
    DocumentFields.Header h = DocumentFields.header(o, Ranking.FORMAT, source, "a definition");
    JsonValue classificationValue = o.req("classification");
    ClassificationSpec classification = ClassificationParser.find(DocumentFields.id(classificationValue), refs,
        source, classificationValue.pointer());
    Optional<Regions> regions = o.opt("regions").map(v -> Regions.find(DocumentFields.id(v), refs, source,
        v.pointer()));
    Optional<IndustryNames> names = o.opt("industryNames").map(v -> IndustryNames.find(DocumentFields.id(v), refs,
        source, v.pointer()));
    ImmutableList<RankingDefinition.KeyIndustry> keyIndustries = keyIndustries(o, classification, names, source);

    Set<String> ids = new HashSet<>();
    ImmutableList<RankingDefinition.Indicator> indicators = indicators(o.array("indicators"), ids, source);
    if (indicators.isEmpty()) {
      throw o.fail("indicators", Fault.MISSING, "a ranking needs at least one indicator");
    }
    ImmutableList<RankingDefinition.Indicator> shown = indicators(o.optArray("shown"), ids, source);
    RankingDefinition.Listing listing = listing(o.object("listing"), indicators, shown);

    JsonObject combine = o.object("combine");
    JsonValue methodValue = combine.req("method");
    RankingDefinition.Method method = RankingDefinition.Method.byJsonName(methodValue.asString()).orElseThrow(() ->
        methodValue.fail(Fault.BAD_VALUE, "method must be rankSum, weighted or lexicographic: \""
            + InputRules.abbreviate(methodValue.asString()) + "\""));
    JsonValue tiesValue = combine.req("ties");
    RankingDefinition.Ties ties = RankingDefinition.Ties.byJsonName(tiesValue.asString()).orElseThrow(() ->
        tiesValue.fail(Fault.BAD_VALUE, "ties must be MINIMUM, MAXIMUM, AVERAGE or SEQUENTIAL: \""
            + InputRules.abbreviate(tiesValue.asString()) + "\""));
    JsonValue cutValue = combine.req("tiesAtCut");
    RankingDefinition.TiesAtCut cut = RankingDefinition.TiesAtCut.byJsonName(cutValue.asString()).orElseThrow(() ->
        cutValue.fail(Fault.BAD_VALUE, "tiesAtCut must be leaveOut or byEmployerId: \""
            + InputRules.abbreviate(cutValue.asString()) + "\""));
    Optional<Rounding> scoreRounding;
    if (method == RankingDefinition.Method.LEXICOGRAPHIC) {
      if (combine.has("scoreRound")) {
        throw combine.fail("scoreRound", Fault.BAD_VALUE, "the lexicographic order has no score to round");
      }
      scoreRounding = Optional.empty();
    } else {
      scoreRounding = Optional.of(Rounding.read(combine.req("scoreRound")));
    }
    combine.finish();
    int top = o.req("top").asInt(1, 1_000_000);
    o.finish();
    return new RankingDefinition(source, Hashing.sha256().hashBytes(bytes).toString(), h.id(), h.version(), h.title(),
        h.status(), h.sources(), h.unverified(), classification, regions, names, keyIndustries, indicators, shown, listing, method,
        ties, cut, scoreRounding, top, ImmutableList.of());
  }

  private static ImmutableList<RankingDefinition.KeyIndustry> keyIndustries(JsonObject o,
      ClassificationSpec classification, Optional<IndustryNames> names, String source) {
    List<JsonValue> values = o.array("keyIndustries");
    if (values.isEmpty()) {
      throw o.fail("keyIndustries", Fault.MISSING, "name at least one key industry");
    }
    Set<String> ids = new HashSet<>();
    Set<Integer> allClasses = new HashSet<>();
    Map<Edition, List<JsonValue>> allCodes = new LinkedHashMap<>();
    ImmutableList.Builder<RankingDefinition.KeyIndustry> list = ImmutableList.builder();
    // each key industry's classes, and the codes of each (with the edition), to find a code another's classes take
    List<Set<Integer>> classesOf = new ArrayList<>();
    List<List<Map.Entry<Edition, JsonValue>>> codesOf = new ArrayList<>();
    for (JsonValue v : values) {
      JsonObject k = v.asObject();
      String kid = DocumentFields.id(k.req("id"));
      if (!ids.add(kid)) {
        throw new RuleTableException(ErrorCode.RT007, source, k.pointerOf("id"), "duplicate id \"" + kid + "\"");
      }
      Text name = DocumentFields.text(k.req("name"));
      Set<Integer> classes = new LinkedHashSet<>();
      for (JsonValue c : k.optArray("classes")) {
        int riskClass = c.asInt(1, 99);
        if (!allClasses.add(riskClass)) {
          throw c.fail(Fault.BAD_VALUE, "class " + riskClass + " listed twice");
        }
        classes.add(riskClass);
      }
      Map<Edition, Integer> before = new LinkedHashMap<>();
      allCodes.forEach((e, l) -> before.put(e, l.size()));
      ImmutableMap<Edition, ImmutableList<String>> codes = k.optObject("codes")
          .map(c -> codes(c, classification, names, allCodes, source)).orElse(ImmutableMap.of());
      List<Map.Entry<Edition, JsonValue>> mine = new ArrayList<>();
      allCodes.forEach((e, l) -> l.subList(before.getOrDefault(e, 0), l.size()).forEach(c -> mine.add(
          Map.entry(e, c))));
      classesOf.add(classes);
      codesOf.add(mine);
      if (classes.isEmpty() && codes.isEmpty()) {
        throw k.fail("codes", Fault.MISSING, "name the industry's codes or risk classes");
      }
      k.finish();
      list.add(new RankingDefinition.KeyIndustry(kid, name, ImmutableSet.copyOf(classes), codes));
    }
    ImmutableList<RankingDefinition.KeyIndustry> built = list.build();
    // classes are matched before codes: a code whose class another key industry lists would never count as its own
    for (int a = 0; a < built.size(); a++) {
      for (int b = 0; b < built.size(); b++) {
        if (a == b || classesOf.get(a).isEmpty()) {
          continue;
        }
        for (Map.Entry<Edition, JsonValue> code : codesOf.get(b)) {
          ClassificationSpec.EditionTable table = classification.editions().get(code.getKey());
          String prefix = code.getValue().asString();
          for (Map.Entry<String, Integer> row : table.classes().entrySet()) {
            if ((row.getKey().startsWith(prefix) || prefix.startsWith(row.getKey()))
                && classesOf.get(a).contains(row.getValue())) {
              throw code.getValue().fail(Fault.BAD_VALUE, "\"" + prefix + "\" (" + code.getKey().label()
                  + ") is in risk class " + row.getValue() + " by classification " + classification.id()
                  + ", which key industry " + built.get(a).id() + " lists by class and which is matched first: "
                  + "the code would never count as " + built.get(b).id());
            }
          }
        }
      }
    }
    return built;
  }

  /**
   * The codes of one key industry by edition: each a two-digit division the classification knows in
   * that edition, or a three- or four-digit code inside one (that the edition has, when names are
   * given); none inside another listed one, of this or another key industry.
   */
  private static ImmutableMap<Edition, ImmutableList<String>> codes(JsonObject o, ClassificationSpec classification,
      Optional<IndustryNames> names, Map<Edition, List<JsonValue>> earlier, String source) {
    Map<Edition, ImmutableList<String>> byEdition = new LinkedHashMap<>();
    for (String label : o.keys()) {
      JsonValue list = o.req(label);
      Edition edition = Edition.parse(label).orElseThrow(() -> list.fail(Fault.BAD_VALUE, "unknown edition \""
          + InputRules.abbreviate(label) + "\", expected GB/T 4754-2011 or GB/T 4754-2017"));
      if (byEdition.containsKey(edition)) {
        throw list.fail(Fault.BAD_VALUE, edition.label() + " listed twice");
      }
      ClassificationSpec.EditionTable table = classification.editions().get(edition);
      if (table == null) {
        throw new RuleTableException(ErrorCode.RT008, source, list.pointer(), "classification "
            + classification.id() + " does not cover " + edition.label());
      }
      Set<String> known = new HashSet<>();
      for (Map<String, ?> m : List.of(table.classes(), table.unmapped(), table.needsDetail())) {
        m.keySet().forEach(c -> known.add(c.substring(0, 2)));
      }
      List<JsonValue> values = list.asArray();
      if (values.isEmpty()) {
        throw list.fail(Fault.BAD_VALUE, "list at least one code of " + edition.label() + " or leave it out");
      }
      List<JsonValue> seen = earlier.computeIfAbsent(edition, e -> new ArrayList<>());
      List<String> prefixes = new ArrayList<>();
      for (JsonValue v : values) {
        String code = v.asString();
        if (!IndustryCode.isCode(code)) {
          throw v.fail(Fault.BAD_VALUE, "a division has two digits, a code inside one three or four: \""
              + InputRules.abbreviate(code) + "\"");
        }
        if (!known.contains(code.substring(0, 2))) {
          throw new RuleTableException(ErrorCode.RT008, source, v.pointer(), edition.label() + " has no division "
              + code.substring(0, 2) + " in classification " + classification.id());
        }
        Optional<IndustryNames.EditionNames> editionNames = names.flatMap(n -> Optional.ofNullable(
            n.editions().get(edition)));
        if (editionNames.isPresent() && !editionNames.get().has(code)) {
          throw new RuleTableException(ErrorCode.RT008, source, v.pointer(), edition.label() + " has no code "
              + code + " (industry names " + names.get().id() + ")");
        }
        for (JsonValue before : seen) {
          String e = before.asString();
          if (code.startsWith(e) || e.startsWith(code)) {
            throw v.fail(Fault.BAD_VALUE, e.equals(code) ? "\"" + code + "\" listed twice (also at "
                + before.pointer() + ")" : "\"" + code + "\" and \"" + e + "\" (at " + before.pointer()
                + ") overlap: list the division or the codes inside it, once");
          }
        }
        seen.add(v);
        prefixes.add(code);
      }
      byEdition.put(edition, ImmutableList.copyOf(prefixes));
    }
    o.finish();
    return ImmutableMap.copyOf(byEdition);
  }

  private static ImmutableList<RankingDefinition.Indicator> indicators(List<JsonValue> values, Set<String> ids,
      String source) {
    ImmutableList.Builder<RankingDefinition.Indicator> list = ImmutableList.builder();
    for (JsonValue v : values) {
      JsonObject i = v.asObject();
      String iid = DocumentFields.id(i.req("id"));
      if (!ids.add(iid)) {
        throw new RuleTableException(ErrorCode.RT007, source, i.pointerOf("id"), "duplicate id \"" + iid + "\"");
      }
      Text label = DocumentFields.text(i.req("label"));
      Measure num = measure(i.req("measure"), source);
      Optional<Measure> den = i.opt("per").map(x -> measure(x, source));
      BigDecimal multiplier = i.optDecimal("multiplier").orElse(BigDecimal.ONE);
      Optional<Rounding> round = i.opt("round").map(Rounding::read);
      if (den.isPresent() && round.isEmpty()) {
        throw i.fail("round", Fault.MISSING, "a rate needs its rounding");
      }
      BigDecimal minExposure = i.optDecimal("minExposure").orElse(BigDecimal.ZERO);
      BigDecimal weight = i.optDecimal("weight").orElse(BigDecimal.ONE);
      i.finish();
      list.add(new RankingDefinition.Indicator(iid, label, num, den, multiplier, round, minExposure, weight));
    }
    return list.build();
  }

  private static RankingDefinition.Listing listing(JsonObject o, List<RankingDefinition.Indicator> ranked,
      List<RankingDefinition.Indicator> shown) {
    JsonValue which = o.req("indicator");
    List<RankingDefinition.Indicator> all = new ArrayList<>(ranked);
    all.addAll(shown);
    int index = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).id().equals(which.asString())) {
        index = i;
      }
    }
    if (index < 0) {
      throw which.fail(Fault.BAD_VALUE, "the listing reads one of the indicators or shown figures: \""
          + InputRules.abbreviate(which.asString()) + "\"");
    }
    RankingDefinition.Indicator indicator = all.get(index);
    if (indicator.isRate() || !indicator.numerator().integral()) {
      throw which.fail(Fault.BAD_VALUE, "the listing reads a count (accidents, injuries ...), not a rate or an "
          + "amount: \"" + indicator.id() + "\"");
    }
    JsonValue atLeastValue = o.req("atLeast");
    BigDecimal atLeast = atLeastValue.asDecimal();
    if (atLeast.compareTo(BigDecimal.ONE) < 0 || atLeast.stripTrailingZeros().scale() > 0) {
      throw atLeastValue.fail(Fault.BAD_VALUE, "at least 1 (an employer without an event in the month is never "
          + "listed), a whole number: " + atLeast.toPlainString());
    }
    o.finish();
    return new RankingDefinition.Listing(indicator.id(), index, atLeast);
  }

  private static Measure measure(JsonValue v, String source) {
    return Measure.byJsonName(v.asString()).orElseThrow(() -> new RuleTableException(ErrorCode.RT008, source,
        v.pointer(), "unknown measure \"" + InputRules.abbreviate(v.asString()) + "\""));
  }
}
