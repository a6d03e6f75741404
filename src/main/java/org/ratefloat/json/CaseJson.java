package org.ratefloat.json;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.model.Claim;
import org.ratefloat.model.ClassCodes;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Employer;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.InputRules;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.PriorFacts;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.SafetyStandardisation;
import org.ratefloat.model.Status;

/**
 * Reads a {@link RatingCase} from JSON and writes it back in canonical form (fixed key order,
 * decimals as plain strings), which is what a decision's input hash is computed over.
 *
 * <p>Reading checks the JSON itself (types, keys, the shape of dates and decimals, the {@code year}
 * shorthand); the rules on the values are those of the input records (see
 * {@link org.ratefloat.model.InputRules}), which report faults relative to the record, and this
 * reader places them at the record's pointer in the document. A case built in Java is therefore
 * held to exactly the rules of a case read here, and every case can be written and read back equal.
 */
public final class CaseJson {
  private static final StrictJson JSON = StrictJson.forInput();
  /** The years the {@code year} shorthand of a period accepts; other periods are written from/to. */
  private static final int FIRST_YEAR = 1900;
  private static final int LAST_YEAR = 2999;

  private CaseJson() {}

  /**
   * Parses and validates a case document in one streaming pass ({@link CaseStream}). A document that
   * pass refuses is read again as a tree, which reports the first fault with its code and pointer.
   */
  public static RatingCase read(byte[] bytes) {
    RatingCase c = CaseStream.read(bytes);
    return c != null ? c : readTree(bytes);
  }

  /** Parses a case document into a tree, then validates the tree: the reader that reports faults. */
  static RatingCase readTree(byte[] bytes) {
    return read(JsonValue.root(JSON.read(bytes, Faults.INPUT), Faults.INPUT));
  }

  /**
   * Refuses a history of more than {@link InputRules#MAX_PERIODS} periods (the model's rule);
   * readers that assemble a history (the CSV rows of one employer) check it as they go, before
   * holding the periods.
   *
   * @param pointer the history's pointer
   */
  public static void checkPeriods(long count, String pointer) {
    InputRules.size((int) Math.min(count, Integer.MAX_VALUE), InputRules.MAX_PERIODS, pointer, "periods");
  }

  /** Validates a case held in an already parsed tree (e.g. the input echoed in a decision). */
  public static RatingCase read(JsonValue value) {
    JsonObject root = value.asObject();
    Formats.requireCase(root);
    LocalDate asOf = root.date("asOf");
    Optional<BigDecimal> premiumBase = root.optDecimal("premiumBase");
    Employer employer = employer(root.object("employer"));
    List<JsonValue> historyValues = root.optArray("history");
    List<JsonValue> claimValues = root.optArray("claims");
    // refuse a large case before building its parts
    build(root, () -> RatingCase.checkSizes(historyValues.size(), claimValues.size()));
    ImmutableList.Builder<Period> periods = ImmutableList.builderWithExpectedSize(historyValues.size());
    for (JsonValue v : historyValues) {
      periods.add(period(v.asObject()));
    }
    ImmutableList.Builder<Claim> claims = ImmutableList.builderWithExpectedSize(claimValues.size());
    for (JsonValue v : claimValues) {
      claims.add(claim(v.asObject()));
    }
    root.finish();
    return build(root, () -> new RatingCase(employer, periods.build(), claims.build(), asOf, premiumBase));
  }

  /** Builds an input record, placing a fault it reports at the pointer of {@code o} in the document. */
  private static <T> T build(JsonObject o, Supplier<T> record) {
    try {
      return record.get();
    } catch (InputException e) {
      throw e.under(o.pointer());
    }
  }

  private static void build(JsonObject o, Runnable check) {
    build(o, () -> {
      check.run();
      return null;
    });
  }

  private static Employer employer(JsonObject o) {
    String id = o.req("id").asString();
    String name = o.opt("name").map(v -> {
      String n = v.asString();
      if (n.isEmpty()) {
        throw v.failBy(Fault.BAD_VALUE, "json.case.emptyName");
      }
      return n;
    }).orElse("");
    IndustryCode industry = industry(o.object("industry"));
    OptionalInt override = o.opt("riskClassOverride").map(v -> OptionalInt.of(anyInt(v)))
        .orElse(OptionalInt.empty());
    Optional<BigDecimal> band = o.optDecimal("currentBand");
    Optional<BigDecimal> benchmark = o.optDecimal("benchmarkRate");
    Status status = o.optObject("status").map(CaseJson::status).orElse(Status.none());
    Optional<ClassCodes> classCodes = o.optObject("classCodes").map(CaseJson::classCodes);
    Optional<String> region = o.opt("region").map(JsonValue::asString);
    Optional<String> creditCode = o.opt("creditCode").map(JsonValue::asString);
    o.finish();
    return build(o, () -> new Employer(id, name, industry, override, band, benchmark, status, classCodes, region,
        creditCode));
  }

  private static ClassCodes classCodes(JsonObject o) {
    String system = o.req("system").asString();
    List<String> codes = o.array("codes").stream().map(JsonValue::asString).toList();
    o.finish();
    return build(o, () -> ClassCodes.of(system, codes));
  }

  /** A JSON integer that fits an int; the record it goes into checks its range. */
  private static int anyInt(JsonValue v) {
    return v.asInt(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  private static IndustryCode industry(JsonObject o) {
    if (!o.has("edition")) {
      throw new InputException(ErrorCode.IN013, o.pointerOf("edition"),
          "an industry code needs its edition (GB/T 4754-2011 or GB/T 4754-2017)");
    }
    JsonValue editionValue = o.req("edition");
    String editionText = editionValue.asString();
    Edition edition = Edition.parse(editionText).orElseThrow(() -> new InputException(ErrorCode.IN013,
        editionValue.pointer(), "unknown edition \"" + StrictJson.abbreviate(editionText)
            + "\", expected GB/T 4754-2011 or GB/T 4754-2017 (codes of another classification go in"
            + " employer.classCodes)"));
    String code = o.req("code").asString();
    o.finish();
    return build(o, () -> new IndustryCode(edition, code));
  }

  private static Status status(JsonObject o) {
    boolean dispatch = o.bool("labourDispatch", false);
    Optional<SafetyStandardisation> standard = o.optObject("safetyStandardisation").map(s -> {
      int grade = anyInt(s.req("grade"));
      LocalDate until = s.date("validUntil");
      s.finish();
      return build(s, () -> new SafetyStandardisation(grade, until));
    });
    Optional<String> rating = o.opt("safetyCreditRating").map(JsonValue::asString);
    boolean arrears = o.bool("premiumArrears", false);
    boolean punished = o.bool("jointPunishment", false);
    Optional<LocalDate> firstInsured = o.optDate("firstInsured");
    ImmutableSortedMap.Builder<String, Boolean> custom = ImmutableSortedMap.naturalOrder();
    o.optObject("customFlags").ifPresent(c -> {
      for (String key : c.keys()) {
        custom.put(key, c.req(key).asBoolean());
      }
      c.finish();
    });
    java.util.SortedMap<String, BigDecimal> values = new TreeMap<>();
    o.optObject("customValues").ifPresent(c -> {
      for (String key : c.keys()) {
        values.put(key, c.req(key).asDecimal());
      }
      c.finish();
    });
    PriorFacts prior = o.optObject("prior").map(p -> {
      Optional<BigDecimal> amount = p.optDecimal("surchargeAmount");
      Optional<BigDecimal> percent = p.optDecimal("surchargePercent");
      Optional<LocalDate> last = p.optDate("lastSurcharge");
      Optional<LocalDate> since = p.optDate("memberSince");
      java.util.SortedMap<String, BigDecimal> named = new TreeMap<>();
      p.optObject("values").ifPresent(c -> {
        for (String key : c.keys()) {
          named.put(key, c.req(key).asDecimal());
        }
        c.finish();
      });
      p.finish();
      return build(p, () -> new PriorFacts(amount, percent, last, since, named));
    }).orElse(PriorFacts.NONE);
    o.finish();
    return build(o, () -> new Status(dispatch, standard, rating, arrears, punished, firstInsured, custom.build(),
        values, prior));
  }

  private static Period period(JsonObject o) {
    LocalDate from;
    LocalDate to;
    if (o.has("year")) {
      if (o.has("from") || o.has("to")) {
        throw o.failBy("year", Fault.BAD_VALUE, "json.case.yearAndRange");
      }
      int year = o.req("year").asInt(FIRST_YEAR, LAST_YEAR);
      from = LocalDate.of(year, 1, 1);
      to = LocalDate.of(year, 12, 31);
    } else {
      from = o.date("from");
      to = o.date("to");
    }
    Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
    for (Measure m : Measure.values()) {
      o.opt(m.jsonName()).ifPresent(v -> values.put(m, m.integral() ? v.asInteger() : v.asDecimal()));
    }
    Optional<java.util.SortedMap<Integer, Long>> disability = o.optObject("disabilityCases").map(d -> {
      Map<Integer, Long> byGrade = new TreeMap<>();
      for (String key : d.keys()) {
        if (!isWholeNumber(key)) {
          throw d.failBy(key, Fault.BAD_VALUE, "json.case.grade", "value", StrictJson.abbreviate(key));
        }
        BigDecimal cases = d.req(key).asInteger();
        String what = "disability cases of grade " + key;
        // narrowed to the record's type by the record's own rule for counts
        byGrade.put(Integer.valueOf(key), build(d, () -> InputRules.count(cases, "/" + key, what)));
      }
      d.finish();
      return (java.util.SortedMap<Integer, Long>) ImmutableSortedMap.copyOf(byGrade);
    });
    Map<String, BigDecimal> exposures = new TreeMap<>();
    o.optObject("exposures").ifPresent(x -> {
      if (x.keys().isEmpty()) {
        throw o.failBy("exposures", Fault.BAD_VALUE, "json.case.noExposures");
      }
      for (String key : x.keys()) {
        exposures.put(key, x.req(key).asDecimal());
      }
      x.finish();
    });
    o.finish();
    return build(o, () -> new Period(from, to, ImmutableSortedMap.copyOf(values), disability,
        ImmutableSortedMap.copyOf(exposures)));
  }

  /** A grade key that {@link Integer#valueOf(String)} reads, written without leading zeros. */
  private static final java.util.regex.Pattern WHOLE_NUMBER = java.util.regex.Pattern.compile("0|-?[1-9][0-9]{0,8}");

  static boolean isWholeNumber(String key) {
    return WHOLE_NUMBER.matcher(key).matches();
  }

  private static Claim claim(JsonObject o) {
    String id = o.req("id").asString();
    LocalDate date = o.date("date");
    JsonValue kindValue = o.req("kind");
    String kindText = kindValue.asString();
    Claim.ClaimKind kind = Claim.ClaimKind.byJsonName(kindText).orElseThrow(() -> kindValue.fail(
        Fault.BAD_VALUE, "claim kind must be injury, death or occupationalDisease: \""
            + StrictJson.abbreviate(kindText) + "\""));
    OptionalInt grade = o.opt("disabilityGrade").map(v -> OptionalInt.of(anyInt(v))).orElse(OptionalInt.empty());
    BigDecimal paid = o.decimal("paid");
    Optional<BigDecimal> incurred = o.optDecimal("incurred");
    boolean medicalOnly = o.bool("medicalOnly", false);
    Optional<String> accident = o.opt("accident").map(JsonValue::asString);
    o.finish();
    return build(o, () -> new Claim(id, date, kind, grade, paid, incurred, medicalOnly, accident));
  }

  // ---------------------------------------------------------------- canonical form

  /** The canonical JSON of a case (pretty): fixed key order, decimals as plain strings. */
  public static byte[] bytes(RatingCase c) {
    JsonOut out = new JsonOut(true);
    write(c, out);
    return out.bytes();
  }

  /** Writes a case in canonical form: fixed key order, decimals as plain strings. */
  public static void write(RatingCase c, JsonOut out) {
    out.beginObject();
    out.field("asOf", c.asOf().toString());
    c.premiumBase().ifPresent(b -> out.field("premiumBase", b));
    Employer e = c.employer();
    out.name("employer").beginObject();
    out.field("id", e.id());
    if (!e.name().isEmpty()) {
      out.field("name", e.name());
    }
    e.creditCode().ifPresent(code -> out.field("creditCode", code));
    e.region().ifPresent(r -> out.field("region", r));
    out.name("industry").beginObject()
        .field("edition", e.industry().edition().label())
        .field("code", e.industry().code())
        .endObject();
    e.riskClassOverride().ifPresent(r -> out.field("riskClassOverride", r));
    e.currentBand().ifPresent(b -> out.field("currentBand", b));
    e.benchmarkRate().ifPresent(b -> out.field("benchmarkRate", b));
    Status s = e.status();
    out.name("status").beginObject();
    out.field("labourDispatch", s.labourDispatch());
    s.safetyStandardisation().ifPresent(ss -> out.name("safetyStandardisation").beginObject()
        .field("grade", ss.grade())
        .field("validUntil", ss.validUntil().toString())
        .endObject());
    s.safetyCreditRating().ifPresent(r -> out.field("safetyCreditRating", r));
    out.field("premiumArrears", s.premiumArrears());
    out.field("jointPunishment", s.jointPunishment());
    s.firstInsured().ifPresent(d -> out.field("firstInsured", d.toString()));
    if (!s.customFlags().isEmpty()) {
      out.name("customFlags").beginObject();
      s.customFlags().forEach(out::field);
      out.endObject();
    }
    if (!s.customValues().isEmpty()) {
      out.name("customValues").beginObject();
      s.customValues().forEach(out::field);
      out.endObject();
    }
    if (!s.prior().isEmpty()) {
      PriorFacts p = s.prior();
      out.name("prior").beginObject();
      p.surchargeAmount().ifPresent(a -> out.field("surchargeAmount", a));
      p.surchargePercent().ifPresent(a -> out.field("surchargePercent", a));
      p.lastSurcharge().ifPresent(d -> out.field("lastSurcharge", d.toString()));
      p.memberSince().ifPresent(d -> out.field("memberSince", d.toString()));
      if (!p.values().isEmpty()) {
        out.name("values").beginObject();
        p.values().forEach(out::field);
        out.endObject();
      }
      out.endObject();
    }
    out.endObject();
    e.classCodes().ifPresent(cc -> {
      out.name("classCodes").beginObject().field("system", cc.system());
      out.name("codes").beginArray();
      cc.codes().forEach(out::value);
      out.endArray();
      out.endObject();
    });
    out.endObject();
    out.name("history").beginArray();
    for (Period p : c.history()) {
      out.beginObject();
      if (p.isCalendarYear() && p.from().getYear() >= FIRST_YEAR && p.from().getYear() <= LAST_YEAR) {
        out.field("year", p.from().getYear());
      } else {
        out.field("from", p.from().toString());
        out.field("to", p.to().toString());
      }
      p.values().forEach((m, v) -> {
        if (m.integral()) {
          out.field(m.jsonName(), v.longValueExact());
        } else {
          out.field(m.jsonName(), v);
        }
      });
      p.disabilityCases().ifPresent(d -> {
        out.name("disabilityCases").beginObject();
        d.forEach((g, n) -> out.field(String.valueOf(g), n));
        out.endObject();
      });
      if (!p.exposures().isEmpty()) {
        out.name("exposures").beginObject();
        p.exposures().forEach(out::field);
        out.endObject();
      }
      out.endObject();
    }
    out.endArray();
    if (!c.claims().isEmpty()) {
      out.name("claims").beginArray();
      for (Claim cl : c.claims()) {
        out.beginObject();
        out.field("id", cl.id());
        out.field("date", cl.date().toString());
        out.field("kind", cl.kind().jsonName());
        cl.disabilityGrade().ifPresent(g -> out.field("disabilityGrade", g));
        out.field("paid", cl.paid());
        cl.incurred().ifPresent(i -> out.field("incurred", i));
        out.field("medicalOnly", cl.medicalOnly());
        cl.accident().ifPresent(a -> out.field("accident", a));
        out.endObject();
      }
      out.endArray();
    }
    out.endObject();
  }
}
