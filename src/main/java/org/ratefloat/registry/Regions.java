package org.ratefloat.registry;

import org.ratefloat.document.DocumentFiles;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.Hashing;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.json.Fault;
import org.ratefloat.json.Faults;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;
import org.ratefloat.json.StrictJson;
import org.ratefloat.model.InputRules;
import org.ratefloat.document.DocumentFields;
import org.ratefloat.document.SourceRef;
import org.ratefloat.document.TableStatus;
import org.ratefloat.document.Text;

/**
 * A province's administrative divisions (GB/T 2260), from a {@code ratefloat/regions@1} document: the
 * province and its prefecture-level divisions (市州), each with the county-level divisions the source
 * lists. An employer's six-digit region code lies in a city when its first four digits are the
 * city's (county codes change when counties are merged or renamed, so a county the list lacks is
 * still placed by its city), or is the province's own code (employers insured at the provincial
 * level). Immutable.
 *
 * @param sha256 SHA-256 of the file's exact bytes
 */
public record Regions(String source, String sha256, String id, String version, Text title, TableStatus status,
    ImmutableList<SourceRef> sources, ImmutableList<String> unverified, Division province,
    ImmutableList<City> cities) {
  /** The format of a regions document. */
  public static final String FORMAT = "ratefloat/regions@1";
  /** How a regions file is named: {@code <id>.regions.json}. */
  public static final String SUFFIX = ".regions.json";

  public Regions {
    requireNonNull(province, "province");
    requireNonNull(cities, "cities");
  }

  /** A division with its code and name. */
  public record Division(String code, Text name) {}

  /** A prefecture-level division and the county-level divisions listed under it (code to Chinese name). */
  public record City(String code, Text name, ImmutableSortedMap<String, String> counties) {
    public Division division() {
      return new Division(code, name);
    }
  }

  /**
   * The city a region code lies in, or the province itself for the province's own code.
   *
   * @throws InputException {@code IN060} at {@code pointer} if the code is neither
   */
  public Division placeOf(String region, String pointer) {
    if (region.equals(province.code())) {
      return province;
    }
    for (City c : cities) {
      if (region.regionMatches(0, c.code(), 0, 4)) {
        return c.division();
      }
    }
    throw new InputException(ErrorCode.IN060, pointer, "region " + region + " is not in " + province.name().zh()
        + " (" + province.code() + "): its first four digits are none of its " + cities.size()
        + " cities' (regions " + id + ")");
  }

  /** The name of a county-level division the list holds, if any. */
  public Optional<String> countyName(String region) {
    return cities.stream().filter(c -> region.regionMatches(0, c.code(), 0, 4)).findFirst()
        .flatMap(c -> Optional.ofNullable(c.counties().get(region)));
  }

  // ------------------------------------------------------------------ reading

  /** The ids of the regions shipped inside the library, sorted. */
  public static java.util.List<String> bundledIds() {
    return Documents.bundledIds(SUFFIX);
  }

  /**
   * Loads the document named by a path or by the id of a bundled one ({@code rules/<id>.regions.json} shipped
   * inside the library): a file at that path wins.
   */
  public static Regions load(String fileOrId) {
    java.util.Optional<java.nio.file.Path> file = DocumentFiles.asFile(fileOrId);
    return file.isPresent() ? load(file.get()) : find(fileOrId, DocumentFiles.bundled(), fileOrId, "");
  }

  /** Loads a file on its own (a regular file of at most 4 MiB, as a rule table is read). */
  public static Regions load(java.nio.file.Path file) {
    DocumentFiles.Named named = DocumentFiles.read(file);
    return parse(named.name(), named.bytes());
  }

  /** Loads the regions {@code id} through {@code refs} (next to the document naming it, then bundled). */
  public static Regions find(String id, DocumentFiles.Source refs, String source, String pointer) {
    return Documents.find(id, SUFFIX, "regions", refs, source, pointer, Regions::parse, Regions::id);
  }


  /** Parses a regions document, every fault a rule-table error of {@code source}. */
  public static Regions parse(String source, byte[] bytes) {
    Faults faults = Faults.ruleTable(source);
    JsonObject o = JsonValue.root(StrictJson.forRuleTables().read(bytes, faults), faults).asObject();
    DocumentFields.Header h = DocumentFields.header(o, FORMAT, source, "regions");
    JsonValue standard = o.req("standard");
    if (!standard.asString().equals("GB/T 2260")) {
      throw standard.fail(Fault.BAD_VALUE, "the codes are those of \"GB/T 2260\": \"" + standard.asString() + "\"");
    }
    JsonObject p = o.object("province");
    Division province = new Division(code(p.req("code"), true), DocumentFields.text(p.req("name")));
    p.finish();
    Set<String> seen = new HashSet<>();
    ImmutableList.Builder<City> cities = ImmutableList.builder();
    List<JsonValue> values = o.array("cities");
    if (values.isEmpty()) {
      throw o.fail("cities", Fault.MISSING, "list at least one city");
    }
    for (JsonValue v : values) {
      JsonObject c = v.asObject();
      JsonValue codeValue = c.req("code");
      String code = code(codeValue, false);
      if (!code.startsWith(province.code().substring(0, 2))) {
        throw codeValue.fail(Fault.BAD_VALUE, "city " + code + " is not in province " + province.code());
      }
      if (!seen.add(code)) {
        throw codeValue.fail(Fault.BAD_VALUE, "city " + code + " listed twice");
      }
      Text name = DocumentFields.text(c.req("name"));
      ImmutableSortedMap.Builder<String, String> counties = ImmutableSortedMap.naturalOrder();
      c.optObject("counties").ifPresent(m -> {
        for (String county : m.keys()) {
          JsonValue countyName = m.req(county);
          if (!isCode(county) || !county.startsWith(code.substring(0, 4)) || county.endsWith("00")) {
            throw countyName.fail(Fault.BAD_VALUE, "a county of " + code + " has six digits starting with "
                + code.substring(0, 4) + ", not ending in 00: \"" + InputRules.abbreviate(county) + "\"");
          }
          counties.put(county, countyName.asText());
        }
        m.finish();
      });
      c.finish();
      cities.add(new City(code, name, counties.build()));
    }
    o.finish();
    return new Regions(source, Hashing.sha256().hashBytes(bytes).toString(), h.id(), h.version(), h.title(), h.status(),
        h.sources(), h.unverified(), province, cities.build());
  }

  private static boolean isCode(String s) {
    return s.length() == 6 && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }

  /** A province's code (six digits, the last four 0) or a city's (the last two 0, not four). */
  private static String code(JsonValue v, boolean province) {
    String s = v.asString();
    boolean ok = isCode(s) && !s.startsWith("00") && (province ? s.endsWith("0000")
        : s.endsWith("00") && !s.endsWith("0000"));
    if (!ok) {
      throw v.fail(Fault.BAD_VALUE, province ? "a province's code has six digits, the last four 0: \""
          + InputRules.abbreviate(s) + "\"" : "a city's code has six digits, the last two 0 and not the two before: \""
          + InputRules.abbreviate(s) + "\"");
    }
    return s;
  }
}
