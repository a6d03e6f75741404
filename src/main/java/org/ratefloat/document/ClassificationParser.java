package org.ratefloat.document;

import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.ratefloat.document.DocumentFiles.Named;
import org.ratefloat.document.DocumentFiles.Source;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.json.Fault;
import org.ratefloat.json.JsonObject;
import org.ratefloat.model.Edition;

/**
 * Reads a classification: industry codes by edition, mapped to risk classes. A document of its own,
 * which rule tables and ranking definitions name by id.
 */
public final class ClassificationParser {
  /** The format a classification names. */
  public static final String FORMAT = "ratefloat/classification@1";

  private final String source;

  private ClassificationParser(String source) {
    this.source = source;
  }

  private static JsonObject root(Named file) {
    return DocumentFields.root(file.name(), file.bytes());
  }

  /** Whether a file is a classification (rather than a rule table), judged by its format key. */
  public static boolean isClassification(Named file) {
    JsonObject root = root(file);
    return root.has("format") && root.req("format").isString() && root.req("format").asString().equals(FORMAT);
  }

  /** Reads a classification file. */
  public static ClassificationSpec parse(Named file) {
    return new ClassificationParser(file.name()).classification(
        Hashing.sha256().hashBytes(file.bytes()).toString(), root(file));
  }

  /**
   * Finds and reads the classification {@code id} through {@code refs}, checking that the file holds
   * that classification.
   *
   * @param source the document that names it, for errors
   * @param pointer where that document names it
   */
  public static ClassificationSpec find(String id, Source refs, String source, String pointer) {
    Named named = refs.find(id).orElseThrow(() -> new RuleTableException(ErrorCode.RT008, source, pointer,
        "classification \"" + id + "\" not found (looked for " + refs.where(id) + ")"));
    ClassificationSpec spec = parse(named);
    if (!spec.id().equals(id)) {
      throw new RuleTableException(ErrorCode.RT008, source, pointer,
          "file " + named.name() + " holds classification \"" + spec.id() + "\", not \"" + id + "\"");
    }
    return spec;
  }

  private ClassificationSpec classification(String sha256, JsonObject o) {
    DocumentFields.format(o, FORMAT, source);
    String id = DocumentFields.id(o.req("id"));
    String version = o.text("version");
    Text title = DocumentFields.text(o.req("title"));
    DocumentFields.sources(o);
    DocumentFields.strings(o.optArray("notes"));
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
    return new ClassificationSpec(source, sha256, id, version, title, ImmutableMap.copyOf(map));
  }

  private ClassificationSpec.EditionTable editionTable(JsonObject o) {
    TableStatus status = DocumentFields.status(o.req("status"));
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
          throw new RuleTableException(ErrorCode.RT009, source, r.pointerOf(code), "code " + code + " is both classed and " + key);
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
