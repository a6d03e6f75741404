package org.ratefloat.registry;

import org.ratefloat.document.DocumentFiles;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.Hashing;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ratefloat.json.Fault;
import org.ratefloat.json.Faults;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;
import org.ratefloat.json.StrictJson;
import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.InputRules;
import org.ratefloat.document.DocumentFields;
import org.ratefloat.document.SourceRef;
import org.ratefloat.document.TableStatus;
import org.ratefloat.document.Text;

/**
 * The Chinese names of the codes of GB/T 4754 (国民经济行业分类) by edition, from a
 * {@code ratefloat/industry-names@1} document: its divisions (大类, two digits), groups (中类, three)
 * and classes (小类, four). Immutable.
 *
 * @param sha256 SHA-256 of the file's exact bytes
 */
public record IndustryNames(String source, String sha256, String id, String version, Text title,
    TableStatus status, ImmutableList<SourceRef> sources, ImmutableList<String> unverified,
    ImmutableMap<Edition, EditionNames> editions) {
  /** The format of an industry-names document. */
  public static final String FORMAT = "ratefloat/industry-names@1";
  /** The id of the bundled names of both editions. */
  public static final String BUNDLED = "gbt4754";
  /** How an industry-names file is named: {@code <id>.industry-names.json}. */
  public static final String SUFFIX = ".industry-names.json";

  public IndustryNames {
    requireNonNull(editions, "editions");
  }

  /** One edition's names, by code. */
  public record EditionNames(ImmutableSortedMap<String, String> divisions, ImmutableSortedMap<String, String> groups,
      ImmutableSortedMap<String, String> classes) {
    /** The name of a division, group or class, by the code's length; empty if the edition lacks it. */
    public Optional<String> name(String code) {
      return Optional.ofNullable(switch (code.length()) {
        case 2 -> divisions.get(code);
        case 3 -> groups.get(code);
        case 4 -> classes.get(code);
        default -> null;
      });
    }

    /**
     * Whether the edition has the code: a listed division or class, or a group that is listed or
     * has a listed class (not every group of the 2017 edition has a name in the source).
     */
    public boolean has(String code) {
      return switch (code.length()) {
        case 2 -> divisions.containsKey(code);
        case 3 -> groups.containsKey(code) || classes.keySet().stream().anyMatch(c -> c.startsWith(code));
        case 4 -> classes.containsKey(code);
        default -> false;
      };
    }

    /** The name of a code, or else of the longest listed code it starts with (a class's group or division). */
    public Optional<String> nameOrParent(String code) {
      for (int n = code.length(); n >= 2; n--) {
        Optional<String> name = name(code.substring(0, n));
        if (name.isPresent()) {
          return name;
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The name of an industry code in its edition; empty if the edition has no such code (a name of its
   * group or division is not given in its place: a code the standard lacks is shown as it is).
   */
  public Optional<String> name(IndustryCode code) {
    EditionNames e = editions.get(code.edition());
    return e == null ? Optional.empty() : e.name(code.code());
  }

  // ------------------------------------------------------------------ reading

  /** The ids of the industry names shipped inside the library, sorted. */
  public static java.util.List<String> bundledIds() {
    return Documents.bundledIds(SUFFIX);
  }

  /**
   * Loads the document named by a path or by the id of a bundled one ({@code rules/<id>.industry-names.json} shipped
   * inside the library): a file at that path wins.
   */
  public static IndustryNames load(String fileOrId) {
    java.util.Optional<java.nio.file.Path> file = DocumentFiles.asFile(fileOrId);
    return file.isPresent() ? load(file.get()) : find(fileOrId, DocumentFiles.bundled(), fileOrId, "");
  }

  /** Loads a file on its own (a regular file of at most 4 MiB, as a rule table is read). */
  public static IndustryNames load(java.nio.file.Path file) {
    DocumentFiles.Named named = DocumentFiles.read(file);
    return parse(named.name(), named.bytes());
  }

  /** Loads the names {@code id} through {@code refs} (next to the document naming it, then bundled). */
  public static IndustryNames find(String id, DocumentFiles.Source refs, String source, String pointer) {
    return Documents.find(id, SUFFIX, "industry names", refs, source, pointer, IndustryNames::parse, IndustryNames::id);
  }


  /** The bundled names of both editions of GB/T 4754. */
  public static IndustryNames bundled() {
    return Bundled.NAMES;
  }

  private static final class Bundled {
    static final IndustryNames NAMES = find(BUNDLED, DocumentFiles.bundled(), BUNDLED, "");
  }

  /** Parses an industry-names document, every fault a rule-table error of {@code source}. */
  public static IndustryNames parse(String source, byte[] bytes) {
    Faults faults = Faults.ruleTable(source);
    JsonObject o = JsonValue.root(StrictJson.forRuleTables().read(bytes, faults), faults).asObject();
    DocumentFields.Header h = DocumentFields.header(o, FORMAT, source, "names");
    JsonObject e = o.object("editions");
    Map<Edition, EditionNames> editions = new LinkedHashMap<>();
    for (String label : e.keys()) {
      JsonValue value = e.req(label);
      Edition edition = Edition.parse(label).orElseThrow(() -> value.fail(Fault.BAD_VALUE, "unknown edition \""
          + InputRules.abbreviate(label) + "\", expected GB/T 4754-2011 or GB/T 4754-2017"));
      if (editions.containsKey(edition)) {
        throw value.fail(Fault.BAD_VALUE, edition.label() + " listed twice");
      }
      JsonObject names = value.asObject();
      EditionNames en = new EditionNames(codes(names.object("divisions"), 2), codes(names.object("groups"), 3),
          codes(names.object("classes"), 4));
      names.finish();
      for (String group : en.groups().keySet()) {
        if (!en.divisions().containsKey(group.substring(0, 2))) {
          throw names.fail("groups", Fault.BAD_VALUE, "group " + group + " lies in no listed division");
        }
      }
      for (String c : en.classes().keySet()) {
        if (!en.divisions().containsKey(c.substring(0, 2))) {
          throw names.fail("classes", Fault.BAD_VALUE, "class " + c + " lies in no listed division");
        }
      }
      editions.put(edition, en);
    }
    e.finish();
    if (editions.isEmpty()) {
      throw o.fail("editions", Fault.MISSING, "name the codes of at least one edition");
    }
    o.finish();
    return new IndustryNames(source, Hashing.sha256().hashBytes(bytes).toString(), h.id(), h.version(), h.title(),
        h.status(), h.sources(), h.unverified(), ImmutableMap.copyOf(editions));
  }

  private static ImmutableSortedMap<String, String> codes(JsonObject o, int digits) {
    ImmutableSortedMap.Builder<String, String> codes = ImmutableSortedMap.naturalOrder();
    for (String code : o.keys()) {
      JsonValue name = o.req(code);
      if (code.length() != digits || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw name.fail(Fault.BAD_VALUE, "a code here has " + digits + " digits: \"" + InputRules.abbreviate(code)
            + "\"");
      }
      String text = name.asText();
      if (!text.equals(text.strip())) {
        throw name.fail(Fault.BAD_VALUE, "the name of " + code + " begins or ends with white space: \""
            + InputRules.abbreviate(text) + "\"");
      }
      codes.put(code, text);
    }
    o.finish();
    return codes.build();
  }
}
