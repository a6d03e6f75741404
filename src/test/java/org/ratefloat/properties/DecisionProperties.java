package org.ratefloat.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ratefloat.Cases;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.UndeterminedException;
import org.ratefloat.model.RatingCase;

/**
 * Properties of decisions over generated employers, on every shipped rule table: bounds,
 * monotonicity, determinism, lossless JSON. Employers vary in premiums as well as payouts, carry
 * individual claims, and are dated for each table (the three-class tables of the 2000s decide as of
 * 2013 with the employer's own class and benchmark rate; Jiangsu reads October-to-September years).
 *
 * <p>The rate-ladder property holds for the tables that float by band multipliers only; City A (rate
 * points) and Puyang (rate points, rate multiplier, caps and floors per class) move the rate off
 * the ladder and are left out of that one property. The cases the tables' sources leave undetermined
 * are checked, try by try, to be exactly the documented refusal ({@link Profile#decide}) and then
 * discarded:
 * <ul>
 *   <li>Hangzhou: payout ratio 0 in a year with injuries (its sources gloss r = 0 as "no injury");
 *   <li>Jiangsu: payouts or injuries in the current window (the up-float thresholds are missing);
 *   <li>Ordos: classes 2-8 with a death in the year (item (1) is cut off in the source);
 *   <li>Puyang: class 1, and classes 2 and 3 at a payout ratio of exactly 100 %.
 * </ul>
 */
class DecisionProperties {
  private static final List<String> IDS = List.of("cn-city-a", "cn-city-b", "cn-gd-shenzhen-old", "cn-ha-puyang",
      "cn-hn-provisional", "cn-js-2023", "cn-national-2015", "cn-nm-ordos-2015", "cn-zj-hangzhou");
  private static final Map<String, RuleTable> TABLES = IDS.stream()
      .collect(java.util.stream.Collectors.toUnmodifiableMap(id -> id, Cases::table));
  /** Tables that move the rate off the band ladder (rate points, multipliers). */
  private static final Set<String> OFF_LADDER = Set.of("cn-city-a", "cn-ha-puyang");
  /** Tables with three risk classes and no benchmarks of their own, in force until 2015 and 2018. */
  private static final Set<String> THREE_CLASSES = Set.of("cn-gd-shenzhen-old", "cn-ha-puyang");
  /** Tables whose last step floors the rate at the national class-1 benchmark, 0.2 %. */
  private static final Set<String> CLASS_1_FLOOR = Set.of("cn-city-a", "cn-city-b", "cn-hn-provisional",
      "cn-js-2023", "cn-national-2015", "cn-nm-ordos-2015", "cn-zj-hangzhou");
  private static final BigDecimal CLASS_1_BENCHMARK = new BigDecimal("0.2");

  /** What a generated employer is made of; benefits are varied separately. */
  record Profile(String table, int division, String band, int standardGrade, boolean arrears,
      String firstInsured, long injuries, long deaths, long maxDeaths, String headcount, String premiums,
      String benchmark, int claims) {

    /** Years earlier than 2025 that the case is dated, for tables in force before then. */
    Profile withInjuries(long n) {
      return new Profile(table, division, band, standardGrade, arrears, firstInsured, n, deaths, maxDeaths, headcount,
          premiums, benchmark, claims);
    }

    Profile withDeaths(long n) {
      return new Profile(table, division, band, standardGrade, arrears, firstInsured, injuries, n, maxDeaths, headcount,
          premiums, benchmark, claims);
    }

    int shift() {
      return THREE_CLASSES.contains(table) ? 12 : 0;
    }

    int riskClass() {
      return THREE_CLASSES.contains(table) ? 1 + division % 3 : TABLES.get(table).classify(
          new org.ratefloat.model.IndustryCode(org.ratefloat.model.Edition.GBT_4754_2011, code())).riskClass();
    }

    String code() {
      return String.format(java.util.Locale.ROOT, "%02d", division);
    }

    /** Decides, or discards the try if it is one of the cases the table leaves undetermined. */
    Decision decide(RuleTable t, String benefits) {
      try {
        return cases(benefits).decide(t);
      } catch (UndeterminedException e) {
        assertEquals(ErrorCode.DC001, e.code());
        String where = table + e.pointer();
        BigDecimal paid = new BigDecimal(benefits);
        switch (where) {
          case "cn-zj-hangzhou/steps/0/rows/1" -> {
            assertEquals(0, paid.signum(), e.getMessage());
            assertTrue(injuries > 0, e.getMessage());
          }
          case "cn-js-2023/steps/0/rows/2" -> assertTrue(paid.signum() > 0 || injuries > 0, e.getMessage());
          case "cn-nm-ordos-2015/steps/1/rows/1" -> {
            assertTrue(riskClass() >= 2, e.getMessage());
            assertTrue(deaths > 0, e.getMessage());
          }
          case "cn-ha-puyang/steps/0/rows/0" -> assertEquals(1, riskClass(), e.getMessage());
          case "cn-ha-puyang/steps/2/rows/1", "cn-ha-puyang/steps/3/rows/1" -> {
            assertEquals(where.contains("/steps/2/") ? 2 : 3, riskClass(), e.getMessage());
            // payout ratio = benefits / premiums x 100 = exactly 100
            assertEquals(0, paid.compareTo(new BigDecimal(premiums)), e.getMessage());
          }
          default -> fail("not a documented undetermined case: " + where + ": " + e.getMessage());
        }
        Assume.that(false);
        throw e;
      }
    }

    Cases cases(String benefits) {
      int y = 2024 - shift();
      Cases c = Cases.employer().code(code()).asOf((y + 1) + "-01-01")
          .firstInsured(LocalDate.parse(firstInsured).minusYears(shift()).toString());
      if (table.equals("cn-js-2023")) {
        // Jiangsu's windows: October 2020 to September 2022, and October 2022 to September 2024
        c.period(Cases.range("2020-10-01", "2021-09-30")).period(Cases.range("2021-10-01", "2022-09-30"))
            .period(Cases.range("2022-10-01", "2023-09-30"))
            .period(Cases.range("2023-10-01", "2024-09-30").benefits(benefits).premiums(premiums).injuries(injuries)
                .deaths(deaths).headcount(headcount).maxDeathsOneAccident(maxDeaths));
      } else {
        c.period(Cases.year(y - 1).benefits("1000.00").injuries(1).grade(10, 0))
            .period(Cases.year(y).benefits(benefits).premiums(premiums).injuries(injuries).deaths(deaths)
                .headcount(headcount).maxDeathsOneAccident(maxDeaths).grade(10, 0));
      }
      if (THREE_CLASSES.contains(table)) {
        c.riskClass(riskClass()).benchmark(benchmark);
      }
      if (division != 65 && division != 66 && !band.equals("1.0") && !THREE_CLASSES.contains(table)) {
        c.band(band);
      }
      if (standardGrade > 0) {
        c.standard(standardGrade, LocalDate.parse("2026-12-31").minusYears(shift()).toString());
      }
      if (arrears) {
        c.arrears();
      }
      for (int i = 0; i < claims; i++) {
        // claims dated in the last year: an injury, a death, an occupational disease, in turn
        c.claim((y) + "-0" + (1 + i % 9) + "-15", org.ratefloat.model.Claim.ClaimKind.values()[i % 3],
            String.valueOf(1000 * (i + 1)) + ".00", String.valueOf(1500 * (i + 1)) + ".50");
      }
      return c;
    }
  }

  @Provide
  Arbitrary<Profile> profiles() {
    Arbitrary<String> table = Arbitraries.of(IDS);
    Arbitrary<Integer> division = Arbitraries.integers().between(1, 96);
    Arbitrary<String> band = Arbitraries.of("1.0", "1.2", "1.5");
    Arbitrary<Integer> grade = Arbitraries.integers().between(0, 3);
    // mostly employers that may float (no arrears, insured for years), so that the rows are reached
    Arbitrary<Boolean> arrears = Arbitraries.frequency(net.jqwik.api.Tuple.of(1, true), net.jqwik.api.Tuple.of(3, false));
    Arbitrary<String> firstInsured = Arbitraries.frequency(net.jqwik.api.Tuple.of(6, "2005-03-01"),
        net.jqwik.api.Tuple.of(1, "2023-12-31"), net.jqwik.api.Tuple.of(1, "2024-01-01"),
        net.jqwik.api.Tuple.of(1, "2024-02-01"));
    // no injury in a quarter of the tries: the tables' zero rows are where a guard can be missing
    Arbitrary<Long> injuries = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
        net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 40)));
    Arbitrary<Long> deaths = Arbitraries.longs().between(0, 3);
    Arbitrary<Long> maxDeaths = Arbitraries.longs().between(0, 12);
    Arbitrary<String> headcount = Arbitraries.integers().between(1, 5000).map(String::valueOf);
    Arbitrary<String> premiums = Arbitraries.oneOf(Arbitraries.of("100000.00", "1.00", "0.01", "250000.00"),
        Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("5000000")).ofScale(2)
            .map(BigDecimal::toPlainString));
    Arbitrary<String> benchmark = Arbitraries.of("0.5", "1.0", "1.6", "2.25");
    Arbitrary<Integer> claims = Arbitraries.integers().between(0, 4);
    return Combinators.combine(table, division, band, grade, arrears, firstInsured, injuries, deaths)
        .as((t, d, b, g, a, f, i, de) -> new Profile(t, d, b, g, a, f, i, de, 0, "100", "100000.00", "1.0", 0))
        .flatMap(p -> Combinators.combine(maxDeaths, headcount, premiums, benchmark, claims).as((m, h, pr, bm, cl) ->
            new Profile(p.table(), p.division(), p.band(), p.standardGrade(), p.arrears(), p.firstInsured(),
                Math.min(p.injuries(), Long.parseLong(h)), Math.min(p.deaths(), p.injuries()), m, h, pr, bm, cl)));
  }

  @Example
  void everyShippedTableIsCovered() throws java.io.IOException {
    // the foreign plans float by computed factors, not by bands on a Chinese class ladder: their
    // properties are tested by hand in JapanMeritTableTest, NcciModTableTest, BgBauSurchargeTableTest and
    // CredibilityBlendTableTest and LimitedFluctuationTableTest, and by Format2Test; reference data is no table
    Set<String> factorPlans = Set.of("jp-merit", "us-ncci-mod", "cn-credibility-blend", "de-bg-bau-zuschlag",
        "ex-limited-fluctuation");
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("rules"))) {
      assertEquals(Set.copyOf(IDS), files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.startsWith("cn-annex") && !org.ratefloat.ShippedFiles.isPortfolioDocument(n)
              && !n.endsWith(".reference.json"))
          .filter(n -> !factorPlans.contains(n.substring(0, n.length() - ".json".length())))
          .map(n -> n.substring(0, n.length() - ".json".length())).collect(java.util.stream.Collectors.toSet()));
    }
  }

  /**
   * The decided class's band multipliers: from the classification, or for the three-class tables
   * (which classify nobody) from the file's own ladders.
   */
  private static List<BigDecimal> ladder(String id, RuleTable table, Decision d) {
    if (!THREE_CLASSES.contains(id)) {
      return table.classify(d.industry()).ladder();
    }
    try {
      JsonNode ladders = new ObjectMapper().readTree(java.nio.file.Files.readAllBytes(
          java.nio.file.Path.of("rules", id + ".json"))).path("ladders");
      JsonNode own = ladders.path("byClass").path(String.valueOf(d.riskClass()));
      List<BigDecimal> list = new java.util.ArrayList<>();
      (own.isMissingNode() ? ladders.path("default") : own).forEach(m -> list.add(new BigDecimal(m.asText())));
      assertTrue(!list.isEmpty(), "no ladder in " + id);
      return list;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Profiles for the tables that float by band multipliers only. */
  @Provide
  Arbitrary<Profile> onTheLadder() {
    return profiles().filter(p -> !OFF_LADDER.contains(p.table()));
  }

  @Provide
  Arbitrary<String> amounts() {
    return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(2)
        .map(BigDecimal::toPlainString);
  }

  /** Benefits paid, nothing at all in a third of the tries (where the tables' zero rows lie). */
  @Provide
  Arbitrary<String> benefits() {
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just("0.00")), net.jqwik.api.Tuple.of(2, amounts()));
  }

  @Property(tries = 300)
  void rateLiesOnTheLadderWithinFloorAndCap(@ForAll("onTheLadder") Profile p, @ForAll("amounts") String benefits) {
    RuleTable table = TABLES.get(p.table());
    Decision d = p.decide(table, benefits);
    BigDecimal benchmark = d.benchmark();
    List<BigDecimal> ladder = ladder(p.table(), table, d);
    boolean onLadder = ladder.stream().anyMatch(m -> benchmark.multiply(m).compareTo(d.rateUnrounded()) == 0);
    boolean floors = CLASS_1_FLOOR.contains(p.table());
    boolean atFloor = floors && d.rateUnrounded().compareTo(CLASS_1_BENCHMARK) == 0;
    assertTrue(onLadder || atFloor, () -> "rate " + d.rate() + " not on " + ladder + " x " + benchmark);
    assertTrue(d.rate().compareTo(floors ? CLASS_1_BENCHMARK : benchmark.multiply(ladder.get(0))) >= 0,
        "below the floor");
    assertTrue(d.rate().compareTo(benchmark.multiply(ladder.get(ladder.size() - 1))) <= 0, "above the top band");
    // floors only raise a rate: it is never below its own band's rate
    assertTrue(d.rateUnrounded().compareTo(benchmark.multiply(d.newBand().multiplier())) >= 0);
  }

  @Property(tries = 1500)
  void moreFundPayoutsNeverLowerTheBandOrRate(@ForAll("profiles") Profile p, @ForAll("benefits") String a,
      @ForAll("benefits") String b) {
    RuleTable table = TABLES.get(p.table());
    String low = new BigDecimal(a).compareTo(new BigDecimal(b)) <= 0 ? a : b;
    String high = low.equals(a) ? b : a;
    Decision dl = p.decide(table, low);
    Decision dh = p.decide(table, high);
    assertTrue(dl.newBand().offset() <= dh.newBand().offset(),
        () -> "benefits " + low + " -> band " + dl.newBand().offset() + ", " + high + " -> " + dh.newBand().offset());
    assertTrue(dl.rate().compareTo(dh.rate()) <= 0);
  }

  /**
   * A year with more certified injuries, all else equal, never gets a lower band or rate. Injuries stay
   * within the headcount. A table that refuses one of the two cases (its documented undetermined cases)
   * discards the try.
   */
  @Property(tries = 1500)
  void moreInjuriesNeverLowerTheBandOrRate(@ForAll("profiles") Profile p, @ForAll("benefits") String benefits,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 30) long more) {
    long cap = Long.parseLong(p.headcount());
    Profile worse = p.withInjuries(Math.min(cap, p.injuries() + more));
    Assume.that(worse.injuries() > p.injuries());
    assertNotLower(p, worse, benefits, "injuries " + p.injuries() + " -> " + worse.injuries());
  }

  /** A year with more work-related deaths, all else equal, never gets a lower band or rate. */
  @Property(tries = 1500)
  void moreDeathsNeverLowerTheBandOrRate(@ForAll("profiles") Profile p, @ForAll("benefits") String benefits,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 5) long more) {
    assertNotLower(p, p.withDeaths(p.deaths() + more), benefits, "deaths " + p.deaths() + " -> "
        + (p.deaths() + more));
  }

  /**
   * The plans that float by computed factors (Japan, NCCI, BG BAU, the credibility blend) on each of
   * their examples: more certified injuries or deaths in every period, all else equal, never lower the
   * rate or band (they read claims, losses and custom values, so the rate stays the same).
   */
  @Example
  void moreInjuriesOrDeathsNeverLowerAFactorPlansRate() throws java.io.IOException {
    int checked = 0;
    for (String id : List.of("jp-merit", "us-ncci-mod", "de-bg-bau-zuschlag", "cn-credibility-blend")) {
      RuleTable table = Cases.table(id);
      try (var files = java.nio.file.Files.list(java.nio.file.Path.of("examples", id))) {
        for (java.nio.file.Path f : files.filter(f -> f.toString().endsWith(".json")
            && !f.toString().endsWith(".decision.json")).sorted().toList()) {
          RatingCase c = RateFloat.readCase(f);
          Decision before = table.decide(c);
          for (org.ratefloat.model.Measure m : List.of(org.ratefloat.model.Measure.INJURIES,
              org.ratefloat.model.Measure.DEATHS)) {
            List<org.ratefloat.model.Period> more = c.history().stream().map(p -> {
              BigDecimal n = p.value(m).orElse(BigDecimal.ZERO).add(BigDecimal.valueOf(3));
              var b = p.toBuilder().value(m, n);
              if (p.value(org.ratefloat.model.Measure.AVERAGE_HEADCOUNT).isEmpty()) {
                b.value(org.ratefloat.model.Measure.AVERAGE_HEADCOUNT, "1000");
              }
              return b.build();
            }).toList();
            Decision after = table.decide(c.toBuilder().history(more).build());
            assertTrue(before.newBand().offset() <= after.newBand().offset(), f + " " + m);
            assertTrue(before.rate().compareTo(after.rate()) <= 0, f + " " + m);
            checked++;
          }
        }
      }
    }
    assertEquals(2 * 12, checked);
  }

  private static void assertNotLower(Profile better, Profile worse, String benefits, String what) {
    RuleTable table = TABLES.get(better.table());
    Decision d = better.decide(table, benefits);
    Decision w = worse.decide(table, benefits);
    assertTrue(d.newBand().offset() <= w.newBand().offset(), () -> better.table() + ": " + what + " lowered the band "
        + d.newBand().offset() + " -> " + w.newBand().offset());
    assertTrue(d.rate().compareTo(w.rate()) <= 0, () -> better.table() + ": " + what + " lowered the rate " + d.rate()
        + " -> " + w.rate());
  }

  @Property(tries = 200)
  void decidingTwiceGivesIdenticalBytes(@ForAll("profiles") Profile p, @ForAll("amounts") String benefits) {
    RatingCase c = p.cases(benefits).build();
    byte[] first = RateFloat.toJson(p.decide(TABLES.get(p.table()), benefits));
    byte[] second = RateFloat.toJson(Cases.table(p.table()).decide(c));
    assertArrayEquals(first, second);
  }

  @Property(tries = 200)
  void jsonRoundTripsAreLossless(@ForAll("profiles") Profile p, @ForAll("amounts") String benefits) {
    RatingCase c = p.cases(benefits).build();
    assertEquals(c, RateFloat.readCase(RateFloat.toJson(c)));
    Decision d = p.decide(TABLES.get(p.table()), benefits);
    byte[] json = RateFloat.toJson(d);
    Decision back = RateFloat.readDecision(json);
    assertEquals(d, back);
    assertArrayEquals(json, RateFloat.toJson(back));
  }

  @Property(tries = 20)
  void aSharedTableDecidesTheSameOnManyThreads(@ForAll("profiles") Profile p, @ForAll("amounts") String benefits)
      throws Exception {
    RuleTable table = TABLES.get(p.table());
    RatingCase c = p.cases(benefits).build();
    byte[] expected = RateFloat.toJson(p.decide(table, benefits));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> results = pool.invokeAll(java.util.Collections.nCopies(16,
          () -> RateFloat.toJson(table.decide(c))));
      for (Future<byte[]> r : results) {
        assertArrayEquals(expected, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
