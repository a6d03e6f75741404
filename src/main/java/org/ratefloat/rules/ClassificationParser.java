package org.ratefloat.rules;

import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.json.Fault;
import org.ratefloat.json.JsonObject;
import org.ratefloat.model.Edition;

/** Parses a classification file: industry codes by edition, mapped to risk classes. */
final class ClassificationParser {
  private final ParseContext context;

  ClassificationParser(ParseContext context) {
    this.context = context;
  }

  ClassificationSpec classification(String sha256, JsonObject o) {
    context.format(o, RuleTableParser.CLASSIFICATION_FORMAT);
    String id = context.id(o.req("id"));
    String version = o.text("version");
    Text title = context.text(o.req("title"));
    context.sources(o);
    context.strings(o.optArray("notes"));
    JsonObject editions = o.object("editions");
    Map<Edition, ClassificationSpec.EditionTable> map = new EnumMap<>(Edition.class);
    for (String key : editions.keys()) {
      Edition edition = Edition.parse(key).filter(e -> e.label().equals(key)).orElseThrow(() ->
          editions.fail(key, Fault.BAD_VALUE, "unknown edition \"" + key
              + "\", expected GB/T 4754-2011 or GB/T 4754-2017"));
      map.put(edition, editionTable(editions.object(key)));
    }
    editions.finish();
    o.finish();
    return new ClassificationSpec(context.source, sha256, id, version, title, ImmutableMap.copyOf(map));
  }

  private ClassificationSpec.EditionTable editionTable(JsonObject o) {
    TableStatus status = context.status(o.req("status"));
    JsonObject classes = o.object("classes");
    TreeMap<String, Integer> map = new TreeMap<>();
    for (String code : classes.keys()) {
      codeKey(classes, code);
      map.put(code, classes.req(code).asInt(1, 99));
    }
    classes.finish();
    TreeMap<String, String> unmapped = reasons(o, "unmapped", map);
    TreeMap<String, String> needsDetail = reasons(o, "needsDetail", map);
    o.finish();
    return new ClassificationSpec.EditionTable(status, ImmutableMap.copyOf(map),
        ImmutableMap.copyOf(unmapped), ImmutableMap.copyOf(needsDetail));
  }

  private TreeMap<String, String> reasons(JsonObject o, String key, Map<String, Integer> classes) {
    TreeMap<String, String> map = new TreeMap<>();
    o.optObject(key).ifPresent(r -> {
      for (String code : r.keys()) {
        codeKey(r, code);
        if (classes.containsKey(code)) {
          throw context.error(ErrorCode.RT009, r.pointerOf(code), "code " + code + " is both classed and " + key);
        }
        map.put(code, r.text(code));
      }
      r.finish();
    });
    return map;
  }

  private void codeKey(JsonObject o, String code) {
    if (!code.matches("[0-9]{2,4}")) {
      throw o.fail(code, Fault.BAD_VALUE, "industry codes have 2 to 4 digits: \"" + code + "\"");
    }
  }
}
