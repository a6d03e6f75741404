package org.ratefloat.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.ratefloat.Cases;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.model.RatingCase;

/**
 * Valid-but-extreme cases, built from the input format's structure rather than by damaging text:
 * every shipped table, both classification editions, boundary decimals (zero, one cent, 20
 * decimals, 40 digits), zero and huge headcounts and counts, up to 300 periods (a history cut into
 * years, half years, quarters or months), claims, flags, certificates and first insured dates on the as-of
 * date's edges, as-of dates at the table's effective edges, leap days and year ends. Each case is
 * read and decided: the library decides or refuses with its documented exception (a code and a
 * pointer, one line), never anything else, and a decision survives its JSON round trip byte for byte,
 * as does the case (deciding the re-read case gives the same record).
 */
class ExtremeCaseProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A shipped table, the as-of dates it decides and the last day of the history its windows read. */
  record Shipped(String id, LocalDate from, LocalDate to, boolean benchmarksFromInput, boolean octoberToSeptember) {}

  private static final List<Shipped> SHIPPED = List.of(
      new Shipped("cn-city-a", LocalDate.of(2015, 10, 1), LocalDate.of(2030, 12, 31), false, false),
      new Shipped("cn-city-b", LocalDate.of(2015, 10, 1), LocalDate.of(2030, 12, 31), false, false),
      new Shipped("cn-gd-shenzhen-old", LocalDate.of(2004, 1, 1), LocalDate.of(2018, 2, 28), true, false),
      new Shipped("cn-ha-puyang", LocalDate.of(2004, 1, 1), LocalDate.of(2015, 9, 30), true, false),
      new Shipped("cn-hn-provisional", LocalDate.of(2021, 1, 1), LocalDate.of(2030, 12, 31), false, false),
      // Jiangsu reads two-year windows from October to September, ending 2024-09-30
      new Shipped("cn-js-2023", LocalDate.of(2024, 10, 1), LocalDate.of(2026, 9, 30), false, true),
      new Shipped("cn-national-2015", LocalDate.of(2015, 10, 1), LocalDate.of(2030, 12, 31), false, false),
      new Shipped("cn-nm-ordos-2015", LocalDate.of(2015, 10, 1), LocalDate.of(2030, 12, 31), false, false),
      new Shipped("cn-zj-hangzhou", LocalDate.of(2015, 10, 1), LocalDate.of(2030, 12, 31), false, false));
  private static final Map<String, RuleTable> TABLES = new TreeMap<>();

  static {
    SHIPPED.forEach(s -> TABLES.put(s.id(), Cases.table(s.id())));
  }

  /** Decimals at the edges of what the input form carries: at most 20 decimals and 40 characters. */
  private static final String[] EDGE_DECIMALS = {"0", "0.00", "0.01", "0.00000000000000000001", "1", "100000.00",
      "99999999999999999999.99999999999999999999".substring(0, 40), "9".repeat(40), "1" + "0".repeat(39),
      "0.99999999999999999999", "12345678901234567890.12"};
  private static final String[] EDGE_HEADCOUNTS = {"0", "0.5", "1", "3", "1000000000", "9".repeat(40)};
  private static final long[] EDGE_COUNTS = {0, 1, 2, 999_999_999, 1_000_000_000};

  private static final AtomicInteger TRIES = new AtomicInteger();
  private static final AtomicInteger READ = new AtomicInteger();
  private static final AtomicInteger DECIDED = new AtomicInteger();
  private static final Map<String, LongAdder> REFUSALS = new ConcurrentHashMap<>();

  /** One period's figures; which of them a period carries is chosen too. */
  record Figures(String payroll, String premiums, String atBenchmark, String benefits, String headcount,
      long injuries, long deaths, long disease, long maxDeaths, long maxSerious, int grade, boolean full) {}

  record Employer(String edition, String code, Optional<Integer> override, Optional<String> band,
      Optional<String> benchmark, Optional<Integer> standardGrade, int validUntilShift, Optional<String> credit,
      boolean arrears, boolean dispatch, boolean punished, Optional<Integer> firstInsuredShift,
      Optional<Boolean> award, Optional<String> premiumBase) {}

  record Claim(int daysBeforeAsOf, String kind, Optional<Integer> grade, String paid, Optional<String> incurred,
      boolean medicalOnly) {}

  /** A whole case: the table, the as-of date, the history's granularity and the parts. */
  record Extreme(Shipped table, LocalDate asOf, int perYear, List<Figures> periods, Employer employer,
      List<Claim> claims, boolean dropOnePeriod) {}

  private static Arbitrary<String> decimals() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.of(EDGE_DECIMALS)),
        net.jqwik.api.Tuple.of(5, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000000"))
            .ofScale(2).map(BigDecimal::toPlainString)));
  }

  /**
   * Payrolls (and premium bases) up to 39 characters: the premium, payroll x rate / 100 at up to
   * 150 %, then has at most 37 digits before its 2 decimals and stays within the 40 characters a
   * decision record's reader accepts. (A payroll of 40 digits decides to a premium of 41
   * characters, which the record reader refuses with IN006: a record that cannot be read back.)
   */
  private static Arbitrary<String> payrolls() {
    return Arbitraries.oneOf(decimals().filter(d -> d.length() < 40), Arbitraries.just("9".repeat(36) + ".99"));
  }

  private static Arbitrary<Long> counts() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.of(EDGE_COUNTS[0], EDGE_COUNTS[1], EDGE_COUNTS[2], EDGE_COUNTS[3],
            EDGE_COUNTS[4])),
        net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(0, 30)));
  }

  private static Arbitrary<Figures> figures() {
    Arbitrary<String> headcount = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.of(EDGE_HEADCOUNTS)),
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 100_000).map(String::valueOf)));
    return Combinators.combine(payrolls(), decimals(), decimals(), decimals(), headcount, counts(), counts(), counts())
        .as((p, pr, pb, b, h, i, d, od) -> new Figures(p, pr, pb, b, h, i, d, od, 0, 0, 0, true))
        .flatMap(f -> Combinators.combine(counts(), counts(), Arbitraries.integers().between(0, 10),
            Arbitraries.frequency(net.jqwik.api.Tuple.of(12, true), net.jqwik.api.Tuple.of(1, false)))
            .as((md, ms, g, full) -> new Figures(f.payroll(), f.premiums(), f.atBenchmark(), f.benefits(),
                f.headcount(), f.injuries(), f.deaths(), f.disease(), md, ms, g, full)));
  }

  private static Arbitrary<Employer> employers() {
    Arbitrary<String> edition = Arbitraries.of("GB/T 4754-2011", "GB/T 4754-2017");
    Arbitrary<String> code = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(1, 97)
            .map(d -> String.format(java.util.Locale.ROOT, "%02d", d))),
        net.jqwik.api.Tuple.of(2, Arbitraries.of("3511", "3484", "2319", "0610", "5910", "5920", "7910", "4700",
            "9700", "6513")));
    Arbitrary<Optional<Integer>> override = Arbitraries.integers().between(1, 8).optional(0.1);
    Arbitrary<Optional<String>> band = Arbitraries.of("0.5", "0.8", "1.0", "1.2", "1.5", "1.3", "0.4").optional(0.5);
    Arbitrary<Optional<String>> benchmark = Arbitraries.of("0.0001", "0.2", "0.5", "1.9", "99.99",
        "0.00000000000000000001").optional(0.2);
    Arbitrary<Optional<Integer>> grade = Arbitraries.integers().between(1, 3).optional(0.4);
    Arbitrary<Integer> validShift = Arbitraries.of(-1, 0, 1, 365, -400);
    Arbitrary<Optional<String>> credit = Arbitraries.of("A", "B", "C", "D").optional(0.3);
    return Combinators.combine(edition, code, override, band, benchmark, grade, validShift, credit)
        .as((e, c, o, b, bm, g, v, cr) -> new Employer(e, c, o, b, bm, g, v, cr, false, false, false,
            Optional.empty(), Optional.empty(), Optional.empty()))
        .flatMap(e -> Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
            Arbitraries.of(true, false), Arbitraries.of(0, 1, 30, 365, 366, 3650, 36500).map(Optional::of),
            Arbitraries.of(true, false).optional(0.5), payrolls().optional(0.2))
            .as((arrears, dispatch, punished, insured, award, base) -> new Employer(e.edition(), e.code(),
                e.override(), e.band(), e.benchmark(), e.standardGrade(), e.validUntilShift(), e.credit(),
                arrears, dispatch, punished, insured, award, base)));
  }

  private static Arbitrary<Claim> claims() {
    return Combinators.combine(Arbitraries.integers().between(0, 1500),
        Arbitraries.of("injury", "death", "occupationalDisease"), Arbitraries.integers().between(1, 10).optional(0.5),
        decimals(), decimals().optional(0.5), Arbitraries.of(true, false))
        .as(Claim::new);
  }

  @Provide
  Arbitrary<Extreme> extremes() {
    Arbitrary<Shipped> table = Arbitraries.of(SHIPPED);
    return table.flatMap(t -> {
      Arbitrary<LocalDate> asOf = asOfDates(t);
      Arbitrary<Integer> perYear = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(1)),
          net.jqwik.api.Tuple.of(2, Arbitraries.of(2, 4)), net.jqwik.api.Tuple.of(2, Arbitraries.just(12)));
      Arbitrary<Integer> years = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, Arbitraries.integers()
          .between(t.octoberToSeptember() ? 4 : 1, 6)), net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(7, 25)));
      return Combinators.combine(asOf, perYear, years).as((a, p, y) -> new int[] {p, y, a.getYear(),
          a.getMonthValue(), a.getDayOfMonth()}).flatMap(shape -> {
            int n = shape[0] * shape[1];
            LocalDate a = LocalDate.of(shape[2], shape[3], shape[4]);
            return Combinators.combine(figures().list().ofSize(n), employers(), claims().list().ofMaxSize(6),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(15, false), net.jqwik.api.Tuple.of(1, true)))
                .as((f, e, c, drop) -> new Extreme(t, a, shape[0], f, e, c, drop));
          });
    });
  }

  /**
   * As-of dates on the table's edges (its first and last day, one day before it starts), year
   * ends and starts, and leap days, and otherwise any day the table decides.
   */
  private static Arbitrary<LocalDate> asOfDates(Shipped t) {
    List<LocalDate> edges = new ArrayList<>(List.of(t.from(), t.from().plusDays(1), t.to(), t.to().minusDays(1),
        t.from().minusDays(1)));
    for (int y = t.from().getYear() + 1; y <= t.to().getYear(); y++) {
      edges.add(LocalDate.of(y, 1, 1));
      edges.add(LocalDate.of(y, 12, 31).isAfter(t.to()) ? t.to() : LocalDate.of(y, 12, 31));
      if (LocalDate.of(y, 1, 1).isLeapYear() && !LocalDate.of(y, 2, 29).isAfter(t.to())) {
        edges.add(LocalDate.of(y, 2, 29));
      }
    }
    long days = t.to().toEpochDay() - t.from().toEpochDay();
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(edges)),
        net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, days).map(d -> t.from().plusDays(d))));
  }

  /** The case as JSON: periods end on the last day the table's windows read, before the as-of date. */
  static ObjectNode json(Extreme x) {
    ObjectNode root = F.objectNode();
    root.put("asOf", x.asOf().toString());
    Employer e = x.employer();
    ObjectNode employer = root.putObject("employer");
    employer.put("id", "X-" + Integer.toHexString(x.hashCode()));
    ObjectNode industry = employer.putObject("industry");
    industry.put("edition", e.edition()).put("code", e.code());
    if (x.table().benchmarksFromInput()) {
      // the three-class tables classify nobody: the employer names its class (now and then class 4)
      employer.put("riskClassOverride", e.override().map(o -> o == 8 ? 4 : 1 + o % 3)
          .orElse(1 + Math.floorMod(e.code().hashCode(), 3)));
    } else {
      e.override().ifPresent(o -> employer.put("riskClassOverride", o));
    }
    e.band().ifPresent(b -> employer.put("currentBand", b));
    Optional<String> benchmark = x.table().benchmarksFromInput() && e.benchmark().isEmpty() ? Optional.of("0.6")
        : e.benchmark();
    benchmark.ifPresent(b -> employer.put("benchmarkRate", b));
    ObjectNode status = employer.putObject("status");
    status.put("labourDispatch", e.dispatch()).put("premiumArrears", e.arrears()).put("jointPunishment", e.punished());
    e.standardGrade().ifPresent(g -> status.putObject("safetyStandardisation").put("grade", g)
        .put("validUntil", x.asOf().plusDays(e.validUntilShift()).toString()));
    e.credit().ifPresent(c -> status.put("safetyCreditRating", c));
    e.firstInsuredShift().ifPresent(s -> status.put("firstInsured", x.asOf().minusDays(s).toString()));
    e.award().ifPresent(a -> status.putObject("customFlags").put("municipalSafetyAward", a));
    e.premiumBase().ifPresent(b -> root.put("premiumBase", b));

    // the history: whole years (calendar, or October to September for Jiangsu) cut into equal parts
    LocalDate end = x.table().octoberToSeptember() ? LocalDate.of(2024, 9, 30) : LocalDate.of(x.asOf().getYear() - 1, 12, 31);
    int months = 12 / x.perYear();
    int n = x.periods().size();
    LocalDate start = end.plusDays(1).minusMonths((long) months * n);
    ArrayNode history = root.putArray("history");
    LocalDate first = start;
    for (int i = 0; i < n; i++) {
      if (x.dropOnePeriod() && i == n / 2) {
        continue;
      }
      LocalDate from = start.plusMonths((long) months * i);
      LocalDate to = start.plusMonths((long) months * (i + 1)).minusDays(1);
      Figures f = x.periods().get(i);
      ObjectNode p = history.addObject();
      if (months == 12 && from.getDayOfYear() == 1) {
        p.put("year", from.getYear());
      } else {
        p.put("from", from.toString()).put("to", to.toString());
      }
      // injuries need workers (IN011): a period of no workers has none
      long injuries = new BigDecimal(f.headcount()).signum() == 0 ? 0 : f.injuries();
      p.put("payroll", f.payroll()).put("premiumsPaid", f.premiums()).put("benefitsPaid", f.benefits())
          .put("averageHeadcount", f.headcount()).put("injuries", injuries);
      // now and then the last period lacks the measures a case may leave out
      if (f.full() || i < n - 1) {
        p.put("premiumsAtBenchmark", f.atBenchmark()).put("deaths", Math.min(f.deaths(), injuries))
            .put("occupationalDiseaseCases", f.disease()).put("maxDeathsSingleAccident", f.maxDeaths())
            .put("maxSeriousInjuriesSingleAccident", f.maxSerious());
        ObjectNode grades = p.putObject("disabilityCases");
        if (f.grade() > 0) {
          grades.put(String.valueOf(f.grade()), Math.min(injuries, 3));
        }
      }
    }
    ArrayNode claims = root.putArray("claims");
    int k = 0;
    for (Claim c : x.claims()) {
      LocalDate date = x.asOf().minusDays(c.daysBeforeAsOf());
      ObjectNode claim = claims.addObject().put("id", "C" + k++).put("date", (date.isBefore(first) ? first : date)
          .toString()).put("kind", c.kind()).put("paid", c.paid());
      c.grade().ifPresent(g -> claim.put("disabilityGrade", g));
      c.incurred().ifPresent(i -> claim.put("incurred", i));
      if (c.medicalOnly()) {
        claim.put("medicalOnly", true);
      }
    }
    return root;
  }

  @Property(tries = 300)
  void extremeButValidCasesAreDecidedOrRefusedWithACode(@ForAll("extremes") Extreme x) throws Exception {
    byte[] bytes = MAPPER.writeValueAsBytes(json(x));
    RuleTable table = TABLES.get(x.table().id());
    TRIES.incrementAndGet();
    RatingCase c;
    try {
      c = RateFloat.readCase(bytes);
    } catch (RateFloatException refused) {
      documented(refused, "read", bytes);
      return;
    } catch (Throwable e) {
      fail("undocumented " + e + " for " + new String(bytes, StandardCharsets.UTF_8), e);
      return;
    }
    READ.incrementAndGet();
    // the case survives its own JSON round trip
    byte[] caseJson = RateFloat.toJson(c);
    assertEquals(c, RateFloat.readCase(caseJson));
    Decision d;
    try {
      d = table.decide(c);
    } catch (RateFloatException refused) {
      documented(refused, "decide", bytes);
      // the re-read case is refused the same way
      RateFloatException again = org.junit.jupiter.api.Assertions.assertThrows(RateFloatException.class,
          () -> table.decide(RateFloat.readCase(caseJson)));
      assertEquals(refused.getMessage(), again.getMessage());
      return;
    } catch (Throwable e) {
      fail("undocumented " + e + " for " + new String(bytes, StandardCharsets.UTF_8), e);
      return;
    }
    DECIDED.incrementAndGet();
    byte[] record = RateFloat.toJson(d);
    Decision back = RateFloat.readDecision(record);
    assertEquals(d, back);
    assertArrayEquals(record, RateFloat.toJson(back));
    assertArrayEquals(record, RateFloat.toJson(table.decide(RateFloat.readCase(caseJson))),
        "the re-read case decides to the same bytes");
  }

  private static void documented(RateFloatException e, String where, byte[] input) {
    assertNotNull(e.code(), () -> "no code: " + e);
    assertNotNull(e.pointer(), () -> "no pointer: " + e);
    assertFalse(e.getMessage().contains("\n"), () -> "a message of more than one line: " + e.getMessage());
    REFUSALS.computeIfAbsent(where + " " + e.code(), k -> new LongAdder()).increment();
  }

  @AfterContainer
  static void report() {
    Map<String, Long> refusals = new TreeMap<>();
    REFUSALS.forEach((k, v) -> refusals.put(k, v.sum()));
    System.out.printf(java.util.Locale.ROOT, "extreme cases: %d generated, %d read and given to decide, %d decided;"
        + " refused: %s%n", TRIES.get(), READ.get(), DECIDED.get(), refusals);
  }
}
