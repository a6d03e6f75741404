package org.ratefloat.json;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.ratefloat.ErrorCode;
import org.ratefloat.InputException;
import org.ratefloat.model.Claim;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Employer;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.SafetyStandardisation;
import org.ratefloat.model.Status;

/**
 * Reads a {@link RatingCase} from JSON, refusing every malformed or inconsistent value with its
 * JSON pointer, and writes it back in canonical form (fixed key order, decimals as plain strings),
 * which is what a decision's input hash is computed over.
 */
public final class CaseJson {
  private static final StrictJson JSON = StrictJson.forInput();
  /** Most history periods and claims accepted for one employer. */
  public static final int MAX_PERIODS = 600;
  public static final int MAX_CLAIMS = 100_000;

  private CaseJson() {}

  /** Parses and validates a case document. */
  public static RatingCase read(byte[] bytes) {
    return read(JsonValue.root(JSON.read(bytes, Faults.INPUT), Faults.INPUT));
  }

  /**
   * Refuses a history of more than {@link #MAX_PERIODS} periods; readers that assemble a history
   * (the CSV rows of one employer) check it as they go, before holding the periods.
   *
   * @param pointer the history's pointer
   */
  public static void checkPeriods(long count, String pointer) {
    if (count > MAX_PERIODS) {
      throw new InputException(ErrorCode.IN024, pointer, count + " periods exceed the limit of " + MAX_PERIODS);
    }
  }

  /** Validates a case held in an already parsed tree (e.g. the input echoed in a decision). */
  public static RatingCase read(JsonValue value) {
    JsonObject root = value.asObject();
    LocalDate asOf = root.date("asOf");
    Optional<BigDecimal> premiumBase = root.opt("premiumBase").map(JsonValue::asNonNegativeDecimal);
    Employer employer = employer(root.object("employer"));
    List<JsonValue> historyValues = root.optArray("history");
    checkPeriods(historyValues.size(), root.pointerOf("history"));
    List<PeriodAt> periods = new ArrayList<>();
    for (JsonValue v : historyValues) {
      periods.add(new PeriodAt(period(v.asObject()), v.pointer()));
    }
    List<JsonValue> claimValues = root.optArray("claims");
    if (claimValues.size() > MAX_CLAIMS) {
      throw new InputException(ErrorCode.IN024, root.pointerOf("claims"),
          claimValues.size() + " claims exceed the limit of " + MAX_CLAIMS);
    }
    List<Claim> claims = new ArrayList<>();
    for (JsonValue v : claimValues) {
      claims.add(claim(v.asObject(), asOf));
    }
    root.finish();

    for (int i = 1; i < periods.size(); i++) {
      Period previous = periods.get(i - 1).period;
      PeriodAt current = periods.get(i);
      if (!current.period.from().isAfter(previous.to())) {
        boolean overlap = !current.period.to().isBefore(previous.from());
        throw new InputException(ErrorCode.IN009, current.pointer, overlap
            ? "period " + range(current.period) + " overlaps or repeats period " + range(previous)
            : "periods must be in date order: " + range(current.period) + " comes after " + range(previous));
      }
    }
    if (!periods.isEmpty()) {
      Period last = periods.get(periods.size() - 1).period;
      if (!last.to().isBefore(asOf)) {
        throw new InputException(ErrorCode.IN010, "/asOf", "as-of date " + asOf
            + " must come after the history, which runs to " + last.to());
      }
    }
    return new RatingCase(employer, periods.stream().map(p -> p.period)
        .collect(ImmutableList.toImmutableList()), ImmutableList.copyOf(claims), asOf, premiumBase);
  }

  private record PeriodAt(Period period, String pointer) {}

  private static Employer employer(JsonObject o) {
    String id = o.text("id");
    String name = o.optText("name").orElse("");
    IndustryCode industry = industry(o.object("industry"));
    OptionalInt override = o.opt("riskClassOverride")
        .map(v -> OptionalInt.of(v.asInt(1, 99))).orElse(OptionalInt.empty());
    Optional<BigDecimal> band = o.opt("currentBand").map(v -> {
      BigDecimal b = v.asDecimal();
      if (b.signum() <= 0) {
        throw v.fail(Fault.BAD_VALUE, "band multiplier must be positive: " + b.toPlainString());
      }
      return b;
    });
    Optional<BigDecimal> benchmark = o.opt("benchmarkRate").map(v -> {
      BigDecimal b = v.asDecimal();
      if (b.signum() <= 0) {
        throw v.fail(Fault.BAD_VALUE, "benchmark rate must be positive: " + b.toPlainString());
      }
      return b;
    });
    Status status = o.optObject("status").map(CaseJson::status).orElse(Status.none());
    o.finish();
    return new Employer(id, name, industry, override, band, benchmark, status);
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
            + "\", expected GB/T 4754-2011 or GB/T 4754-2017"));
    JsonValue codeValue = o.req("code");
    String code = codeValue.asString();
    if (!code.matches("[0-9]{2,4}")) {
      throw new InputException(ErrorCode.IN012, codeValue.pointer(),
          "industry code must have 2 to 4 digits: \"" + StrictJson.abbreviate(code) + "\"");
    }
    o.finish();
    return new IndustryCode(edition, code);
  }

  private static Status status(JsonObject o) {
    boolean dispatch = o.bool("labourDispatch", false);
    Optional<SafetyStandardisation> standard = o.optObject("safetyStandardisation").map(s -> {
      int grade = s.req("grade").asInt(1, 3);
      LocalDate until = s.date("validUntil");
      s.finish();
      return new SafetyStandardisation(grade, until);
    });
    Optional<String> rating = o.opt("safetyCreditRating").map(v -> {
      String r = v.asString();
      if (!r.matches("[A-D]")) {
        throw v.fail(Fault.BAD_VALUE, "safety credit rating must be A, B, C or D: \""
            + StrictJson.abbreviate(r) + "\"");
      }
      return r;
    });
    boolean arrears = o.bool("premiumArrears", false);
    boolean punished = o.bool("jointPunishment", false);
    Optional<LocalDate> firstInsured = o.optDate("firstInsured");
    ImmutableSortedMap.Builder<String, Boolean> custom = ImmutableSortedMap.naturalOrder();
    o.optObject("customFlags").ifPresent(c -> {
      for (String key : c.keys()) {
        if (!key.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
          throw c.fail(key, Fault.BAD_VALUE, "flag names are letters, digits and _: \""
              + StrictJson.abbreviate(key) + "\"");
        }
        custom.put(key, c.req(key).asBoolean());
      }
      c.finish();
    });
    o.finish();
    return new Status(dispatch, standard, rating, arrears, punished, firstInsured, custom.build());
  }

  private static Period period(JsonObject o) {
    LocalDate from;
    LocalDate to;
    if (o.has("year")) {
      if (o.has("from") || o.has("to")) {
        throw o.fail("year", Fault.BAD_VALUE, "give either a year or from/to, not both");
      }
      int year = o.req("year").asInt(1900, 2999);
      from = LocalDate.of(year, 1, 1);
      to = LocalDate.of(year, 12, 31);
    } else {
      from = o.date("from");
      to = o.date("to");
      if (to.isBefore(from)) {
        throw new InputException(ErrorCode.IN008, o.pointerOf("to"),
            "period ends before it starts: " + from + ".." + to);
      }
    }
    Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
    for (Measure m : Measure.values()) {
      o.opt(m.jsonName()).ifPresent(v -> values.put(m, measure(v, m)));
    }
    Optional<ImmutableSortedMap<Integer, Long>> disability = o.optObject("disabilityCases").map(d -> {
      Map<Integer, Long> byGrade = new TreeMap<>();
      for (String key : d.keys()) {
        if (!key.matches("[1-9]|10")) {
          throw d.fail(key, Fault.BAD_VALUE, "disability grade must be 1 to 10: \""
              + StrictJson.abbreviate(key) + "\"");
        }
        JsonValue v = d.req(key);
        byGrade.put(Integer.parseInt(key), count(v, "disability cases of grade " + key));
      }
      d.finish();
      return ImmutableSortedMap.copyOf(byGrade);
    });
    BigDecimal headcount = values.get(Measure.AVERAGE_HEADCOUNT);
    BigDecimal injuries = values.get(Measure.INJURIES);
    if (headcount != null && headcount.signum() == 0 && injuries != null && injuries.signum() > 0) {
      throw new InputException(ErrorCode.IN011, o.pointerOf("averageHeadcount"),
          "average headcount is 0 but " + injuries.toPlainString() + " injuries are recorded");
    }
    o.finish();
    return new Period(from, to, ImmutableSortedMap.copyOf(values), disability);
  }

  private static BigDecimal measure(JsonValue v, Measure m) {
    if (m.integral()) {
      return BigDecimal.valueOf(count(v, m.jsonName()));
    }
    BigDecimal value = v.asDecimal();
    if (value.signum() < 0) {
      throw new InputException(ErrorCode.IN007, v.pointer(),
          m.jsonName() + " must not be negative: " + value.toPlainString());
    }
    return value;
  }

  private static long count(JsonValue v, String what) {
    if (v.isNumber() && v.node().isIntegralNumber() && v.node().bigIntegerValue().signum() < 0) {
      throw new InputException(ErrorCode.IN007, v.pointer(),
          what + " must not be negative: " + v.node().bigIntegerValue());
    }
    return v.asLong(0, 1_000_000_000L);
  }

  private static Claim claim(JsonObject o, LocalDate asOf) {
    String id = o.text("id");
    LocalDate date = o.date("date");
    if (date.isAfter(asOf)) {
      throw new InputException(ErrorCode.IN008, o.pointerOf("date"),
          "claim date " + date + " lies after the as-of date " + asOf);
    }
    JsonValue kindValue = o.req("kind");
    String kindText = kindValue.asString();
    Claim.ClaimKind kind = Claim.ClaimKind.byJsonName(kindText).orElseThrow(() -> kindValue.fail(
        Fault.BAD_VALUE, "claim kind must be injury, death or occupationalDisease: \""
            + StrictJson.abbreviate(kindText) + "\""));
    OptionalInt grade = o.opt("disabilityGrade").map(v -> OptionalInt.of(v.asInt(1, 10)))
        .orElse(OptionalInt.empty());
    BigDecimal paid = nonNegative(o.req("paid"), "paid");
    Optional<BigDecimal> incurred = o.opt("incurred").map(v -> nonNegative(v, "incurred"));
    boolean medicalOnly = o.bool("medicalOnly", false);
    o.finish();
    return new Claim(id, date, kind, grade, paid, incurred, medicalOnly);
  }

  private static BigDecimal nonNegative(JsonValue v, String what) {
    BigDecimal value = v.asDecimal();
    if (value.signum() < 0) {
      throw new InputException(ErrorCode.IN007, v.pointer(),
          what + " must not be negative: " + value.toPlainString());
    }
    return value;
  }

  private static String range(Period p) {
    return p.from() + ".." + p.to();
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
    out.endObject();
    out.endObject();
    out.name("history").beginArray();
    for (Period p : c.history()) {
      out.beginObject();
      if (p.isCalendarYear()) {
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
        out.endObject();
      }
      out.endArray();
    }
    out.endObject();
  }
}
