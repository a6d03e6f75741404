package org.ratefloat.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ratefloat.Cases;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.error.UndeterminedException;
import org.ratefloat.decision.Decision;
import org.ratefloat.model.RatingCase;

/**
 * Properties of decisions over generated employers: bounds, monotonicity, determinism, lossless
 * JSON. The tables used here float by band multipliers only (no point adjustments). One case is
 * left undetermined by its sources: Hangzhou's payout ratio 0 in a year with injuries (its sources
 * gloss r = 0 as "no injury"); such a try is checked to be exactly that case and then discarded.
 */
class DecisionProperties {
  private static final Map<String, RuleTable> TABLES = Map.of(
      "cn-hn-provisional", Cases.table("cn-hn-provisional"),
      "cn-zj-hangzhou", Cases.table("cn-zj-hangzhou"),
      "cn-city-b", Cases.table("cn-city-b"),
      "cn-national-2015", Cases.table("cn-national-2015"));
  private static final BigDecimal CLASS_1_BENCHMARK = new BigDecimal("0.2");

  /** What a generated employer is made of; benefits are varied separately. */
  record Profile(String table, int division, String band, int standardGrade, boolean arrears,
      String firstInsured, long injuries, long deaths, long maxDeaths, String headcount) {

    /** Decides, or discards the try if it is the one case the tables leave undetermined. */
    Decision decide(RuleTable t, String benefits) {
      try {
        return cases(benefits).decide(t);
      } catch (UndeterminedException e) {
        assertEquals("cn-zj-hangzhou/steps/0/rows/1", table + e.pointer(), e.getMessage());
        assertEquals(0, new BigDecimal(benefits).signum());
        assertTrue(injuries > 0);
        Assume.that(false);
        throw e;
      }
    }

    Cases cases(String benefits) {
      Cases c = Cases.employer().code(String.format("%02d", division)).firstInsured(firstInsured)
          .period(Cases.year(2023).benefits("1000.00").injuries(1))
          .period(Cases.year(2024).benefits(benefits).injuries(injuries).deaths(deaths).headcount(headcount)
              .maxDeathsOneAccident(maxDeaths));
      if (division != 65 && division != 66 && !band.equals("1.0")) {
        c.band(band);
      }
      if (standardGrade > 0) {
        c.standard(standardGrade, "2026-12-31");
      }
      if (arrears) {
        c.arrears();
      }
      return c;
    }
  }

  @Provide
  Arbitrary<Profile> profiles() {
    Arbitrary<String> table = Arbitraries.of(TABLES.keySet().stream().sorted().toList());
    Arbitrary<Integer> division = Arbitraries.integers().between(1, 96);
    Arbitrary<String> band = Arbitraries.of("1.0", "1.2", "1.5");
    Arbitrary<Integer> grade = Arbitraries.integers().between(0, 3);
    Arbitrary<Boolean> arrears = Arbitraries.of(true, false);
    Arbitrary<String> firstInsured = Arbitraries.of("2005-03-01", "2023-12-31", "2024-01-01", "2024-02-01");
    Arbitrary<Long> injuries = Arbitraries.longs().between(0, 40);
    Arbitrary<Long> deaths = Arbitraries.longs().between(0, 3);
    Arbitrary<Long> maxDeaths = Arbitraries.longs().between(0, 12);
    Arbitrary<String> headcount = Arbitraries.integers().between(1, 5000).map(String::valueOf);
    return Combinators.combine(table, division, band, grade, arrears, firstInsured, injuries, deaths)
        .as((t, d, b, g, a, f, i, de) -> new Profile(t, d, b, g, a, f, i, de, 0, "100"))
        .flatMap(p -> Combinators.combine(maxDeaths, headcount).as((m, h) ->
            new Profile(p.table(), p.division(), p.band(), p.standardGrade(), p.arrears(), p.firstInsured(),
                Math.min(p.injuries(), Long.parseLong(h)), Math.min(p.deaths(), p.injuries()), m, h)));
  }

  @Provide
  Arbitrary<String> amounts() {
    return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(2)
        .map(BigDecimal::toPlainString);
  }

  @Property(tries = 300)
  void rateLiesOnTheLadderWithinFloorAndCap(@ForAll("profiles") Profile p, @ForAll("amounts") String benefits) {
    RuleTable table = TABLES.get(p.table());
    Decision d = p.decide(table, benefits);
    BigDecimal benchmark = d.benchmark();
    List<BigDecimal> ladder = table.classify(d.industry()).ladder();
    boolean onLadder = ladder.stream().anyMatch(m -> benchmark.multiply(m).compareTo(d.rateUnrounded()) == 0);
    boolean atFloor = d.rateUnrounded().compareTo(CLASS_1_BENCHMARK) == 0;
    assertTrue(onLadder || atFloor, () -> "rate " + d.rate() + " not on " + ladder + " x " + benchmark);
    assertTrue(d.rate().compareTo(CLASS_1_BENCHMARK) >= 0, "below the class-1 benchmark");
    assertTrue(d.rate().compareTo(benchmark.multiply(ladder.get(ladder.size() - 1))) <= 0, "above the top band");
    // floors only raise a rate: it is never below its own band's rate
    assertTrue(d.rateUnrounded().compareTo(benchmark.multiply(d.newBand().multiplier())) >= 0);
  }

  @Property(tries = 300)
  void moreFundPayoutsNeverLowerTheBandOrRate(@ForAll("profiles") Profile p, @ForAll("amounts") String a,
      @ForAll("amounts") String b) {
    RuleTable table = TABLES.get(p.table());
    String low = new BigDecimal(a).compareTo(new BigDecimal(b)) <= 0 ? a : b;
    String high = low.equals(a) ? b : a;
    Decision dl = p.decide(table, low);
    Decision dh = p.decide(table, high);
    assertTrue(dl.newBand().offset() <= dh.newBand().offset(),
        () -> "benefits " + low + " -> band " + dl.newBand().offset() + ", " + high + " -> " + dh.newBand().offset());
    assertTrue(dl.rate().compareTo(dh.rate()) <= 0);
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
