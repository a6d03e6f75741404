package org.ratefloat.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.ratefloat.Cases;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.model.Claim;
import org.ratefloat.model.ClassCodes;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Employer;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.PriorFacts;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.SafetyStandardisation;
import org.ratefloat.model.Status;

/**
 * A case built in Java is held to exactly the rules of a case read from JSON (#8). Each try draws an
 * employer, its history and claims, and at most one fault (or an unusual but valid value), then
 * builds the case both ways: with the record constructors, and by writing the same values as a JSON
 * document and reading it.
 *
 * <ul>
 *   <li>With a fault, both ways refuse with the fault's code; the JSON pointer is where the fault
 *       sits in the document, the Java pointer where it sits in the record that refused it.
 *   <li>Without one, both ways give equal cases; {@code toJson} of the case throws nothing and reads
 *       back equal; and deciding the case and deciding {@code readCase(toJson(case))} either both
 *       succeed with byte-identical records or both fail with the same error.
 * </ul>
 */
class JavaBuiltCaseProperties {
  private static final List<RuleTable> TABLES = List.of(Cases.table("cn-national-2015"),
      Cases.table("cn-hn-provisional"), Cases.table("cn-zj-hangzhou"), Cases.table("cn-city-b"));
  private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // ------------------------------------------------------------------ the values of a case

  /** The values of a case, before either way builds it; changed in place by a fault. */
  static final class Draft {
    String id;
    String name;
    Edition edition;
    String code;
    Integer riskClass;
    BigDecimal band;
    BigDecimal benchmark;
    Integer safetyGrade;
    LocalDate safetyUntil;
    String creditRating;
    boolean arrears;
    LocalDate firstInsured;
    final Map<String, Boolean> flags = new TreeMap<>();
    final List<PeriodDraft> history = new ArrayList<>();
    final List<ClaimDraft> claims = new ArrayList<>();
    LocalDate asOf;
    BigDecimal premiumBase;
    String classSystem;
    final List<String> classCodes = new ArrayList<>();
    final Map<String, BigDecimal> customValues = new TreeMap<>();
    BigDecimal priorSurcharge;
    LocalDate lastSurcharge;
    String region;
    String creditCode;
  }

  static final class PeriodDraft {
    LocalDate from;
    LocalDate to;
    final Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
    Map<Integer, Long> grades;
    final Map<String, BigDecimal> exposures = new TreeMap<>();
  }

  static final class ClaimDraft {
    String id;
    LocalDate date;
    Claim.ClaimKind kind;
    Integer grade;
    BigDecimal paid;
    BigDecimal incurred;
    String accident;
  }

  private static BigDecimal money(Random r, long max) {
    return BigDecimal.valueOf(r.nextLong(max * 100 + 1), 2);
  }

  /** A valid draft: calendar years (sometimes halves) before the as-of date, plausible figures. */
  static Draft draft(Random r) {
    Draft d = new Draft();
    d.id = "E-" + r.nextInt(1000);
    d.name = switch (r.nextInt(4)) {
      case 0 -> "";
      case 1 -> "长沙机械厂";
      case 2 -> "Works & Sons \"Ltd\"";
      default -> "plant " + r.nextInt(100);
    };
    d.edition = r.nextInt(5) == 0 ? Edition.GBT_4754_2017 : Edition.GBT_4754_2011;
    d.code = r.nextInt(4) == 0 ? List.of("3610", "0610", "4700", "5920", "6510").get(r.nextInt(5))
        : String.format("%02d", 1 + r.nextInt(96));
    d.riskClass = r.nextInt(8) == 0 ? 1 + r.nextInt(8) : null;
    d.band = r.nextInt(4) == 0 ? new BigDecimal(List.of("0.8", "1.0", "1.2", "1.5", "1.1").get(r.nextInt(5))) : null;
    d.benchmark = r.nextInt(8) == 0 ? new BigDecimal("0.9") : null;
    if (r.nextInt(4) == 0) {
      d.safetyGrade = 1 + r.nextInt(3);
      d.safetyUntil = LocalDate.of(2020 + r.nextInt(10), 12, 31);
    }
    d.creditRating = r.nextInt(5) == 0 ? String.valueOf((char) ('A' + r.nextInt(4))) : null;
    d.arrears = r.nextInt(6) == 0;
    int asOfYear = 2016 + r.nextInt(11);
    d.asOf = r.nextInt(3) == 0 ? LocalDate.of(asOfYear, 1 + r.nextInt(12), 1) : LocalDate.of(asOfYear, 1, 1);
    d.firstInsured = r.nextInt(10) == 0 ? null : d.asOf.minusDays(30 + r.nextInt(4000));
    if (r.nextInt(6) == 0) {
      d.flags.put("municipalAward", r.nextBoolean());
    }
    int years = r.nextInt(5);
    int lastYear = asOfYear - 1;
    for (int y = lastYear - years + 1; y <= lastYear; y++) {
      if (r.nextInt(6) == 0) {
        d.history.add(period(r, LocalDate.of(y, 1, 1), LocalDate.of(y, 6, 30)));
        d.history.add(period(r, LocalDate.of(y, 7, 1), LocalDate.of(y, 12, 31)));
      } else {
        d.history.add(period(r, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
      }
    }
    int claims = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0;
    for (int i = 0; i < claims; i++) {
      ClaimDraft c = new ClaimDraft();
      c.id = "C" + i;
      c.date = d.asOf.minusDays(1 + r.nextInt(700));
      c.kind = Claim.ClaimKind.values()[r.nextInt(3)];
      c.grade = r.nextBoolean() ? 1 + r.nextInt(10) : null;
      c.paid = money(r, 200_000);
      c.incurred = r.nextBoolean() ? c.paid.add(money(r, 50_000)) : null;
      d.claims.add(c);
    }
    d.premiumBase = r.nextInt(5) == 0 ? money(r, 50_000_000) : null;
    if (r.nextInt(4) == 0) {
      // classes outside GB/T 4754, sorted as the record holds them; exposures adding up to the payroll
      d.classSystem = r.nextBoolean() ? "NCCI" : "JP-MERIT";
      for (String code : List.of("0042", "5403", "8810", "建設31")) {
        if (r.nextBoolean() || d.classCodes.isEmpty() && code.equals("建設31")) {
          d.classCodes.add(code);
        }
      }
      for (PeriodDraft p : d.history) {
        if (r.nextBoolean()) {
          BigDecimal rest = p.values.getOrDefault(Measure.PAYROLL, money(r, 1_000_000));
          for (String code : d.classCodes.subList(1, d.classCodes.size())) {
            BigDecimal part = money(r, Math.max(1, rest.longValue()));
            part = part.min(rest);
            p.exposures.put(code, part);
            rest = rest.subtract(part);
          }
          p.exposures.put(d.classCodes.get(0), rest);
        }
      }
    }
    if (r.nextInt(6) == 0) {
      d.customValues.put("auditScore", money(r, 100).negate().add(BigDecimal.valueOf(r.nextInt(200))));
    }
    if (r.nextInt(6) == 0) {
      d.priorSurcharge = money(r, 10_000);
      d.lastSurcharge = d.asOf.minusDays(r.nextInt(3000));
    }
    for (ClaimDraft c : d.claims) {
      c.accident = r.nextInt(3) == 0 ? "A" + r.nextInt(2) : null;
    }
    if (r.nextInt(3) == 0) {
      d.region = List.of("430100", "430102", "433101", "110105").get(r.nextInt(4));
    }
    if (r.nextInt(3) == 0) {
      // the two worked examples of GB 32100-2015 (hunan-programme.md)
      d.creditCode = r.nextBoolean() ? "91350100M000100Y43" : "91110000600037341L";
    }
    return d;
  }

  private static PeriodDraft period(Random r, LocalDate from, LocalDate to) {
    PeriodDraft p = new PeriodDraft();
    p.from = from;
    p.to = to;
    BigDecimal payroll = money(r, 80_000_000).add(BigDecimal.valueOf(100_000));
    BigDecimal premiums = payroll.multiply(new BigDecimal("0.009")).setScale(2, java.math.RoundingMode.HALF_UP);
    long headcount = 1 + r.nextInt(3000);
    long injuries = r.nextInt(4) == 0 ? r.nextInt((int) Math.min(headcount, 30) + 1) : 0;
    long deaths = r.nextInt(15) == 0 ? 1 + r.nextInt(3) : 0;
    Map<Measure, BigDecimal> v = p.values;
    v.put(Measure.PAYROLL, payroll);
    v.put(Measure.PREMIUMS_PAID, premiums);
    v.put(Measure.PREMIUMS_AT_BENCHMARK, premiums);
    v.put(Measure.BENEFITS_PAID, r.nextInt(3) == 0 ? BigDecimal.ZERO.setScale(2) : money(r, 2 * premiums.longValue()));
    v.put(Measure.AVERAGE_HEADCOUNT, r.nextInt(5) == 0 ? BigDecimal.valueOf(headcount * 10 + 5, 1)
        : BigDecimal.valueOf(headcount));
    v.put(Measure.INJURIES, BigDecimal.valueOf(injuries));
    v.put(Measure.DEATHS, BigDecimal.valueOf(deaths));
    if (r.nextInt(3) == 0) {
      // accidents: at most one for each worker injured or killed
      v.put(Measure.ACCIDENTS, BigDecimal.valueOf(r.nextInt((int) (injuries + deaths) + 1)));
    }
    v.put(Measure.OCCUPATIONAL_DISEASE_CASES, BigDecimal.valueOf(r.nextInt(10) == 0 ? 1 : 0));
    v.put(Measure.MAX_DEATHS_SINGLE_ACCIDENT, BigDecimal.valueOf(deaths == 0 ? 0 : 1));
    v.put(Measure.MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT, BigDecimal.valueOf(r.nextInt(3)));
    if (r.nextInt(12) == 0) {
      v.remove(Measure.values()[r.nextInt(Measure.values().length)]);
      if (v.containsKey(Measure.ACCIDENTS) && v.containsKey(Measure.INJURIES)) {
        v.put(Measure.ACCIDENTS, v.get(Measure.ACCIDENTS).min(v.get(Measure.INJURIES)));
      }
    }
    if (r.nextBoolean()) {
      p.grades = new TreeMap<>();
      for (int i = r.nextInt(3); i > 0; i--) {
        p.grades.put(1 + r.nextInt(10), (long) r.nextInt(3));
      }
    }
    return p;
  }

  // ------------------------------------------------------------------ faults

  /**
   * One change to a draft: the code both ways must refuse it with, the pointer in the document and
   * the pointer in the refusing record; no code for a valid change.
   */
  record Change(String name, Optional<ErrorCode> code, String documentPointer, String recordPointer) {
    static Change valid(String name) {
      return new Change(name, Optional.empty(), "", "");
    }

    static Change fault(String name, ErrorCode code, String documentPointer, String recordPointer) {
      return new Change(name, Optional.of(code), documentPointer, recordPointer);
    }

    /** A fault of the case as a whole: both pointers are the same. */
    static Change fault(String name, ErrorCode code, String pointer) {
      return fault(name, code, pointer, pointer);
    }
  }

  private static final Measure[] COUNTS = {Measure.INJURIES, Measure.DEATHS, Measure.OCCUPATIONAL_DISEASE_CASES,
      Measure.MAX_DEATHS_SINGLE_ACCIDENT, Measure.MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT};
  private static final Measure[] DECIMALS = {Measure.PAYROLL, Measure.PREMIUMS_PAID, Measure.PREMIUMS_AT_BENCHMARK,
      Measure.BENEFITS_PAID, Measure.AVERAGE_HEADCOUNT};

  /** Applies at most one fault or unusual valid value to the draft. */
  static Change change(Draft d, Random r) {
    int kinds = 45;
    int kind = r.nextInt(kinds * 2); // half of the tries stay as drawn
    boolean hasPeriod = !d.history.isEmpty();
    int k = hasPeriod ? r.nextInt(d.history.size()) : -1;
    PeriodDraft p = hasPeriod ? d.history.get(k) : null;
    String at = "/history/" + k;
    Measure count = COUNTS[r.nextInt(COUNTS.length)];
    Measure decimal = DECIMALS[r.nextInt(DECIMALS.length)];
    if (!hasPeriod && kind <= 16) {
      return Change.valid("as drawn");
    }
    switch (kind) {
      case 0 -> {
        p.values.put(Measure.AVERAGE_HEADCOUNT, BigDecimal.ZERO);
        p.values.put(Measure.INJURIES, BigDecimal.valueOf(1 + r.nextInt(6)));
        return Change.fault("injuries with zero headcount", ErrorCode.IN011, at + "/averageHeadcount",
            "/averageHeadcount");
      }
      case 1 -> {
        p.values.put(count, new BigDecimal(r.nextInt(5) + ".5"));
        return Change.fault("fractional count", ErrorCode.IN005, at + "/" + count.jsonName(), "/" + count.jsonName());
      }
      case 2 -> {
        p.values.put(count, BigDecimal.valueOf(-1 - r.nextInt(5)));
        return Change.fault("negative count", ErrorCode.IN007, at + "/" + count.jsonName(), "/" + count.jsonName());
      }
      case 3 -> {
        p.values.put(decimal, new BigDecimal("-0.01"));
        return Change.fault("negative amount", ErrorCode.IN007, at + "/" + decimal.jsonName(), "/" + decimal.jsonName());
      }
      case 4 -> {
        p.values.put(count, BigDecimal.valueOf(1_000_000_001L + r.nextInt(1000)));
        return Change.fault("count too large", ErrorCode.IN023, at + "/" + count.jsonName(), "/" + count.jsonName());
      }
      case 5 -> {
        p.values.put(decimal, new BigDecimal("1.123456789012345678901"));
        return Change.fault("21 decimal places", ErrorCode.IN006, at + "/" + decimal.jsonName(), "/" + decimal.jsonName());
      }
      case 6 -> {
        p.values.put(decimal, new BigDecimal("1".repeat(41)));
        return Change.fault("41 characters", ErrorCode.IN006, at + "/" + decimal.jsonName(), "/" + decimal.jsonName());
      }
      case 7 -> {
        if (k == 0) {
          return Change.valid("as drawn");
        }
        p.from = d.history.get(k - 1).to.minusDays(r.nextInt(3));
        return Change.fault("overlapping periods", ErrorCode.IN009, at);
      }
      case 8 -> {
        if (k == 0) {
          return Change.valid("as drawn");
        }
        Collections.swap(d.history, k - 1, k);
        return Change.fault("periods out of order", ErrorCode.IN009, at);
      }
      case 9 -> {
        d.asOf = d.history.get(d.history.size() - 1).to.minusDays(r.nextInt(2));
        return Change.fault("as-of date inside the history", ErrorCode.IN010, "/asOf");
      }
      case 10 -> {
        p.to = p.from.minusDays(1);
        return Change.fault("period ends before it starts", ErrorCode.IN008, at + "/to", "/to");
      }
      case 11 -> {
        p.grades = new TreeMap<>(Map.of(11, 1L));
        return Change.fault("disability grade 11", ErrorCode.IN023, at + "/disabilityCases/11", "/disabilityCases/11");
      }
      case 12 -> {
        p.grades = new TreeMap<>(Map.of(3, -2L));
        return Change.fault("negative disability cases", ErrorCode.IN007, at + "/disabilityCases/3",
            "/disabilityCases/3");
      }
      case 13 -> {
        p.from = LocalDate.of(10_000, 1, 1);
        return Change.fault("date beyond yyyy-mm-dd", ErrorCode.IN023, at + "/from", "/from");
      }
      case 14 -> {
        // valid: a decimal of negative scale is held as the JSON form reads it back
        BigDecimal v = p.values.getOrDefault(Measure.PAYROLL, BigDecimal.ONE);
        p.values.put(Measure.PAYROLL, v.setScale(0, java.math.RoundingMode.DOWN).add(BigDecimal.ONE)
            .multiply(BigDecimal.valueOf(100)).stripTrailingZeros());
        return Change.valid("decimal of negative scale");
      }
      case 15 -> {
        // valid: a whole count written with decimals
        BigDecimal v = p.values.getOrDefault(count, BigDecimal.ZERO);
        p.values.put(count, v.setScale(2));
        return Change.valid("count with decimals");
      }
      case 16 -> {
        // valid: more periods than the year shorthand can write
        PeriodDraft old = period(r, LocalDate.of(1899, 1, 1), LocalDate.of(1899, 12, 31));
        d.history.add(0, old);
        return Change.valid("a calendar year before 1900");
      }
      case 17 -> {
        ClaimDraft c = claim(d, r);
        c.date = d.asOf.plusDays(1 + r.nextInt(30));
        return Change.fault("claim after the as-of date", ErrorCode.IN008, "/claims/" + d.claims.indexOf(c) + "/date");
      }
      case 18 -> {
        ClaimDraft c = claim(d, r);
        c.paid = new BigDecimal("-1.00");
        return Change.fault("negative paid", ErrorCode.IN007, "/claims/" + d.claims.indexOf(c) + "/paid", "/paid");
      }
      case 19 -> {
        ClaimDraft c = claim(d, r);
        c.id = " ";
        return Change.fault("blank claim id", ErrorCode.IN023, "/claims/" + d.claims.indexOf(c) + "/id", "/id");
      }
      case 20 -> {
        ClaimDraft c = claim(d, r);
        c.grade = r.nextBoolean() ? 0 : 11;
        return Change.fault("claim grade out of range", ErrorCode.IN023, "/claims/" + d.claims.indexOf(c)
            + "/disabilityGrade", "/disabilityGrade");
      }
      case 21 -> {
        d.id = "";
        return Change.fault("empty employer id", ErrorCode.IN023, "/employer/id", "/id");
      }
      case 22 -> {
        d.riskClass = r.nextBoolean() ? 0 : 100;
        return Change.fault("risk class out of range", ErrorCode.IN023, "/employer/riskClassOverride",
            "/riskClassOverride");
      }
      case 23 -> {
        d.band = r.nextBoolean() ? BigDecimal.ZERO : new BigDecimal("-1.2");
        return Change.fault("band not positive", ErrorCode.IN023, "/employer/currentBand", "/currentBand");
      }
      case 24 -> {
        d.creditRating = r.nextBoolean() ? "E" : "AA";
        return Change.fault("credit rating", ErrorCode.IN023, "/employer/status/safetyCreditRating",
            "/safetyCreditRating");
      }
      case 25 -> {
        String flag = r.nextBoolean() ? "9lives" : "a/b";
        d.flags.put(flag, true);
        String pointer = "/customFlags/" + flag.replace("/", "~1");
        return Change.fault("flag name", ErrorCode.IN023, "/employer/status" + pointer, pointer);
      }
      case 26 -> {
        d.safetyGrade = 4;
        d.safetyUntil = LocalDate.of(2030, 1, 1);
        return Change.fault("safety grade 4", ErrorCode.IN023, "/employer/status/safetyStandardisation/grade",
            "/grade");
      }
      case 27 -> {
        d.code = List.of("C36", "3", "36111", "").get(r.nextInt(4));
        return Change.fault("industry code", ErrorCode.IN012, "/employer/industry/code", "/code");
      }
      case 28 -> {
        d.premiumBase = new BigDecimal("-100.00");
        return Change.fault("negative premium base", ErrorCode.IN007, "/premiumBase");
      }
      case 29 -> {
        d.name = "plant \uD800";
        return Change.fault("unpaired surrogate", ErrorCode.IN001, "/employer/name", "/name");
      }
      case 30 -> {
        d.firstInsured = LocalDate.of(10_000, 1, 1);
        return Change.fault("first insured beyond yyyy-mm-dd", ErrorCode.IN023, "/employer/status/firstInsured",
            "/firstInsured");
      }
      case 31 -> {
        // valid: control characters and text beyond the basic plane
        d.name = "line one\nline two \uD83C\uDFED\u0000";
        return Change.valid("unusual text");
      }
      case 32 -> {
        LocalDate day = LocalDate.of(1800, 1, 1);
        for (int i = 0; i <= 600; i++) {
          PeriodDraft tiny = new PeriodDraft();
          tiny.from = day.plusDays(i);
          tiny.to = tiny.from;
          d.history.add(i, tiny);
        }
        return Change.fault("601 periods and more", ErrorCode.IN024, "/history");
      }
      case 33 -> {
        d.band = new BigDecimal("1.2000000000000000000000");
        return Change.fault("band with 22 decimal places", ErrorCode.IN006, "/employer/currentBand", "/currentBand");
      }
      case 34 -> {
        if (d.classSystem == null) {
          return Change.valid("as drawn");
        }
        d.classCodes.add("88 10");
        java.util.Collections.sort(d.classCodes);
        int i = d.classCodes.indexOf("88 10");
        return Change.fault("class code with a space", ErrorCode.IN012, "/employer/classCodes/codes/" + i,
            "/codes/" + i);
      }
      case 35, 36, 37 -> {
        PeriodDraft with = d.history.stream().filter(x -> !x.exposures.isEmpty()).findFirst().orElse(null);
        if (with == null) {
          return Change.valid("as drawn");
        }
        String where = "/history/" + d.history.indexOf(with) + "/exposures";
        String first = with.exposures.keySet().iterator().next();
        if (kind == 35) {
          with.exposures.put("9999", BigDecimal.ZERO);
          return Change.fault("exposure of a class the employer lacks", ErrorCode.IN050, where + "/9999");
        }
        if (kind == 36) {
          if (!with.values.containsKey(Measure.PAYROLL)) {
            return Change.valid("as drawn");
          }
          with.exposures.put(first, with.exposures.get(first).add(new BigDecimal("0.01")));
          return Change.fault("exposures a cent above the payroll", ErrorCode.IN051, where, "/exposures");
        }
        with.exposures.put(first, new BigDecimal("-1.00"));
        return Change.fault("negative exposure", ErrorCode.IN007, where + "/" + first, "/exposures/" + first);
      }
      case 38 -> {
        d.customValues.put("audit score", BigDecimal.ONE);
        return Change.fault("custom value name", ErrorCode.IN023, "/employer/status/customValues/audit score",
            "/customValues/audit score");
      }
      case 39 -> {
        d.priorSurcharge = BigDecimal.TEN;
        d.lastSurcharge = d.asOf.plusDays(1);
        return Change.fault("last surcharge after the as-of date", ErrorCode.IN008,
            "/employer/status/prior/lastSurcharge");
      }
      case 40 -> {
        ClaimDraft c = claim(d, r);
        c.accident = " ";
        return Change.fault("blank accident id", ErrorCode.IN023, "/claims/" + d.claims.indexOf(c) + "/accident",
            "/accident");
      }
      case 41 -> {
        d.region = List.of("4301", "43010A", "4301000", " 430100").get(r.nextInt(4));
        return Change.fault("region not six digits", ErrorCode.IN023, "/employer/region", "/region");
      }
      case 42 -> {
        // the check character of 91110000600037341L is L: any other fails
        d.creditCode = "91110000600037341" + (r.nextBoolean() ? "K" : "0");
        return Change.fault("credit code check character", ErrorCode.IN061, "/employer/creditCode", "/creditCode");
      }
      case 43 -> {
        d.creditCode = List.of("9111000060003734IL", "91110000600037341", "91110000600037341Lx").get(r.nextInt(3));
        return Change.fault("credit code form", ErrorCode.IN061, "/employer/creditCode", "/creditCode");
      }
      case 44 -> {
        if (p == null) {
          return Change.valid("as drawn");
        }
        BigDecimal victims = p.values.getOrDefault(Measure.INJURIES, BigDecimal.ZERO)
            .add(p.values.getOrDefault(Measure.DEATHS, BigDecimal.ZERO));
        if (!p.values.containsKey(Measure.INJURIES)) {
          return Change.valid("as drawn");
        }
        p.values.put(Measure.ACCIDENTS, victims.add(BigDecimal.ONE));
        return Change.fault("more accidents than victims", ErrorCode.IN023, at + "/accidents", "/accidents");
      }
      default -> {
        return Change.valid("as drawn");
      }
    }
  }

  /**
   * After a valid change (which may have rewritten a payroll), the exposures of each period add up
   * to its payroll again: the first class takes what the others leave, or all of it.
   */
  static void rebalance(Draft d) {
    for (PeriodDraft p : d.history) {
      BigDecimal payroll = p.values.get(Measure.PAYROLL);
      if (payroll == null || p.exposures.isEmpty()) {
        continue;
      }
      String first = p.exposures.keySet().iterator().next();
      BigDecimal others = p.exposures.entrySet().stream().filter(x -> !x.getKey().equals(first))
          .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (others.compareTo(payroll) > 0) {
        p.exposures.replaceAll((code, v) -> BigDecimal.ZERO);
        others = BigDecimal.ZERO;
      }
      p.exposures.put(first, payroll.subtract(others));
    }
  }

  /** A claim of the draft to put a fault in (one is added if there is none). */
  private static ClaimDraft claim(Draft d, Random r) {
    if (d.claims.isEmpty()) {
      ClaimDraft c = new ClaimDraft();
      c.id = "C0";
      c.date = d.asOf.minusDays(10);
      c.kind = Claim.ClaimKind.INJURY;
      c.paid = new BigDecimal("10.00");
      d.claims.add(c);
    }
    return d.claims.get(r.nextInt(d.claims.size()));
  }

  // ------------------------------------------------------------------ the two ways

  /** Builds the case with the record constructors, in the order a caller would. */
  static RatingCase javaCase(Draft d) {
    IndustryCode industry = new IndustryCode(d.edition, d.code);
    Optional<SafetyStandardisation> standard = d.safetyGrade == null ? Optional.empty()
        : Optional.of(new SafetyStandardisation(d.safetyGrade, d.safetyUntil));
    PriorFacts prior = d.lastSurcharge == null ? PriorFacts.NONE : new PriorFacts(Optional.of(d.priorSurcharge),
        Optional.empty(), Optional.of(d.lastSurcharge), Optional.empty());
    Status status = new Status(false, standard, Optional.ofNullable(d.creditRating), d.arrears, false,
        Optional.ofNullable(d.firstInsured), ImmutableSortedMap.copyOf(d.flags), new TreeMap<>(d.customValues), prior);
    Optional<ClassCodes> classes = d.classSystem == null ? Optional.empty()
        : Optional.of(new ClassCodes(d.classSystem, new java.util.TreeSet<>(d.classCodes)));
    Employer employer = new Employer(d.id, d.name, industry,
        d.riskClass == null ? OptionalInt.empty() : OptionalInt.of(d.riskClass), Optional.ofNullable(d.band),
        Optional.ofNullable(d.benchmark), status, classes, Optional.ofNullable(d.region),
        Optional.ofNullable(d.creditCode));
    ImmutableList.Builder<Period> history = ImmutableList.builder();
    for (PeriodDraft p : d.history) {
      history.add(new Period(p.from, p.to, ImmutableSortedMap.copyOf(p.values),
          Optional.ofNullable(p.grades).map(ImmutableSortedMap::copyOf), new TreeMap<>(p.exposures)));
    }
    ImmutableList.Builder<Claim> claims = ImmutableList.builder();
    for (ClaimDraft c : d.claims) {
      claims.add(new Claim(c.id, c.date, c.kind, c.grade == null ? OptionalInt.empty() : OptionalInt.of(c.grade),
          c.paid, Optional.ofNullable(c.incurred), false, Optional.ofNullable(c.accident)));
    }
    return new RatingCase(employer, history.build(), claims.build(), d.asOf, Optional.ofNullable(d.premiumBase));
  }

  /** Writes the draft as a user would write the JSON: decimals as strings, counts as JSON numbers. */
  static byte[] jsonDocument(Draft d) throws Exception {
    ObjectNode root = NODES.objectNode();
    root.put("asOf", d.asOf.toString());
    if (d.premiumBase != null) {
      root.put("premiumBase", d.premiumBase.toPlainString());
    }
    ObjectNode e = root.putObject("employer");
    e.put("id", d.id);
    if (!d.name.isEmpty()) {
      e.put("name", d.name);
    }
    if (d.region != null) {
      e.put("region", d.region);
    }
    if (d.creditCode != null) {
      e.put("creditCode", d.creditCode);
    }
    e.putObject("industry").put("edition", d.edition.label()).put("code", d.code);
    if (d.riskClass != null) {
      e.put("riskClassOverride", d.riskClass);
    }
    if (d.band != null) {
      e.put("currentBand", d.band.toPlainString());
    }
    if (d.benchmark != null) {
      e.put("benchmarkRate", d.benchmark.toPlainString());
    }
    ObjectNode s = e.putObject("status");
    if (d.safetyGrade != null) {
      s.putObject("safetyStandardisation").put("grade", d.safetyGrade).put("validUntil", d.safetyUntil.toString());
    }
    if (d.creditRating != null) {
      s.put("safetyCreditRating", d.creditRating);
    }
    s.put("premiumArrears", d.arrears);
    if (d.firstInsured != null) {
      s.put("firstInsured", d.firstInsured.toString());
    }
    if (!d.flags.isEmpty()) {
      ObjectNode f = s.putObject("customFlags");
      d.flags.forEach(f::put);
    }
    if (!d.customValues.isEmpty()) {
      ObjectNode f = s.putObject("customValues");
      d.customValues.forEach((k, v) -> f.put(k, v.toPlainString()));
    }
    if (d.lastSurcharge != null) {
      s.putObject("prior").put("surchargeAmount", d.priorSurcharge.toPlainString())
          .put("lastSurcharge", d.lastSurcharge.toString());
    }
    if (d.classSystem != null) {
      ObjectNode cc = e.putObject("classCodes").put("system", d.classSystem);
      ArrayNode codes = cc.putArray("codes");
      d.classCodes.forEach(codes::add);
    }
    ArrayNode history = root.putArray("history");
    for (PeriodDraft p : d.history) {
      ObjectNode o = history.addObject();
      o.put("from", p.from.toString());
      o.put("to", p.to.toString());
      p.values.forEach((m, v) -> {
        if (m.integral()) {
          o.set(m.jsonName(), v.stripTrailingZeros().scale() <= 0 ? NODES.numberNode(v.toBigIntegerExact())
              : NODES.numberNode(v));
        } else {
          o.put(m.jsonName(), v.toPlainString());
        }
      });
      if (p.grades != null) {
        ObjectNode g = o.putObject("disabilityCases");
        p.grades.forEach((grade, n) -> g.put(String.valueOf(grade), n));
      }
      if (!p.exposures.isEmpty()) {
        ObjectNode x = o.putObject("exposures");
        p.exposures.forEach((code, v) -> x.put(code, v.toPlainString()));
      }
    }
    ArrayNode claims = root.putArray("claims");
    for (ClaimDraft c : d.claims) {
      ObjectNode o = claims.addObject();
      o.put("id", c.id).put("date", c.date.toString()).put("kind", c.kind.jsonName());
      if (c.grade != null) {
        o.put("disabilityGrade", c.grade);
      }
      o.put("paid", c.paid.toPlainString());
      if (c.incurred != null) {
        o.put("incurred", c.incurred.toPlainString());
      }
      if (c.accident != null) {
        o.put("accident", c.accident);
      }
    }
    return JSON.writeValueAsBytes(root);
  }

  /** What a call gave: its value, or the error's kind, code, pointer and message. */
  record Outcome<T>(T value, String error) {
    static <T> Outcome<T> of(Supplier<T> call) {
      try {
        return new Outcome<>(call.get(), null);
      } catch (RateFloatException e) {
        return new Outcome<>(null, e.getClass().getSimpleName() + " " + e.getMessage());
      }
    }
  }

  private static RateFloatException refusal(String change, Supplier<?> call) {
    try {
      Object value = call.get();
      throw new AssertionError(change + ": expected a refusal, got " + value);
    } catch (RateFloatException e) {
      return e;
    }
  }

  @Property(tries = 1500)
  void javaBuiltCasesMeetTheRulesOfJsonCases(@ForAll long seed) throws Exception {
    Random random = new Random(seed);
    Draft d = draft(random);
    Change change = change(d, random);
    if (change.code().isEmpty()) {
      rebalance(d);
    }
    byte[] document = jsonDocument(d);
    if (change.code().isPresent()) {
      Statistics.label("change").collect("fault");
      RateFloatException java = refusal(change.name(), () -> javaCase(d));
      RateFloatException json = refusal(change.name(), () -> RateFloat.readCase(document));
      assertEquals(change.code().get(), java.code(), change.name() + ", built in Java: " + java.getMessage());
      assertEquals(change.recordPointer(), java.pointer(), change.name() + ", built in Java: " + java.getMessage());
      assertEquals(change.code().get(), json.code(), change.name() + ", read from JSON: " + json.getMessage());
      assertEquals(change.documentPointer(), json.pointer(), change.name() + ", read from JSON: " + json.getMessage());
      return;
    }
    RatingCase built = javaCase(d);
    assertEquals(built, RateFloat.readCase(document), change.name() + ": the same values read from JSON");
    byte[] written = RateFloat.toJson(built);
    RatingCase readBack = RateFloat.readCase(written);
    assertEquals(built, readBack, change.name() + ": written and read back");
    RuleTable table = TABLES.get(random.nextInt(TABLES.size()));
    Outcome<byte[]> direct = Outcome.of(() -> RateFloat.toJson(table.decide(built)));
    Outcome<byte[]> viaJson = Outcome.of(() -> RateFloat.toJson(table.decide(readBack)));
    Statistics.label("change").collect(change.name().equals("as drawn") ? "as drawn" : "unusual but valid");
    Statistics.label("decision").collect(direct.error() == null ? "decided" : direct.error().split(" ")[1]);
    assertEquals(direct.error(), viaJson.error(), change.name() + " with " + table.id());
    if (direct.error() == null) {
      assertArrayEquals(direct.value(), viaJson.value(), change.name() + " with " + table.id());
      assertTrue(direct.value().length > 0);
    }
  }
}
