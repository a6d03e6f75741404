package org.ratefloat.thresholds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.error.InputException;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.Status;

/**
 * The property of the thresholds over every shipped rule table: for random cases (each table's
 * examples with the last year's figures, the current band and, for BG BAU, the Eigenbelastung drawn
 * at random), deciding the next period at every finite bound of every box gives the outcome the box
 * promises, and one smallest unit beyond it (one fen, one injury) gives the outcome the thresholds
 * promise for that point. The next case is built here from the assumptions the thresholds state,
 * not by their own code.
 */
class ThresholdsProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, RuleTable> TABLES = new HashMap<>();

  /** Every shipped measure table, with the examples its cases start from. */
  static List<String> measureTables() {
    return RateFloat.bundledTables().stream().filter(id -> Files.isDirectory(Path.of("examples", id))).toList();
  }

  private static RuleTable table(String id) {
    synchronized (TABLES) {
      return TABLES.computeIfAbsent(id, RateFloat::bundledTable);
    }
  }

  private static List<Path> examples(String id) {
    try (Stream<Path> files = Files.list(Path.of("examples", id))) {
      return files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".decision.json")).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Example
  void everyShippedTableHasExamplesToStartFrom() {
    assertEquals(RateFloat.bundledTables(), measureTables());
    assertTrue(measureTables().size() >= 13, measureTables().toString());
  }

  /** A table, one of its examples, and a seed for the figures drawn. */
  record Draw(String table, Path example, long seed) {}

  @Provide
  Arbitrary<Draw> draws() {
    return Arbitraries.of(measureTables()).flatMap(id -> Arbitraries.of(examples(id))
        .flatMap(ex -> Arbitraries.longs().map(seed -> new Draw(id, ex, seed))));
  }

  @Property(tries = 1000)
  void decidingAtEachBoundAndOneUnitBeyondGivesWhatTheThresholdsPromise(@ForAll("draws") Draw draw) throws IOException {
    RuleTable table = table(draw.table());
    RatingCase c = drawn(draw);
    NextPeriod next = draw.table().equals("de-bg-bau-zuschlag")
        ? NextPeriod.builder().customValue("eigenbelastung").build() : NextPeriod.standard();
    Thresholds t;
    try {
      t = table.thresholds(c, next);
    } catch (RateFloatException refused) {
      // this year's case is refused (a band off the class's ladder, a year the table leaves open)
      Assume.that(false);
      return;
    }
    assertTrue(t.exact(), () -> draw + ": " + t.notInvertible());
    net.jqwik.api.statistics.Statistics.collect(draw.table(), t.reaches().size() > 1 ? "several outcomes" : "one outcome");
    checkEveryBound(draw.toString(), table, t);
  }

  /**
   * Decides the next case inside every box, at each of its finite bounds and one unit beyond: the
   * outcome must be the box's, and beyond it the one the thresholds promise there.
   */
  static void checkEveryBound(String draw, RuleTable table, Thresholds t) {
    assertTrue(!t.reaches().isEmpty());
    for (Reach r : t.reaches()) {
      for (Box box : r.boxes()) {
        Map<Variable, BigDecimal> inside = new LinkedHashMap<>();
        box.bounds().forEach((v, in) -> inside.put(v, in.lower().orElseGet(() -> in.upper().orElseThrow())));
        assertEquals(r.outcome(), decide(table, t, inside), () -> draw + " inside " + box);
        for (Map.Entry<Variable, Interval> e : box.bounds().entrySet()) {
          BigDecimal unit = unit(t, e.getKey());
          for (Optional<BigDecimal> bound : List.of(e.getValue().lower(), e.getValue().upper())) {
            if (bound.isEmpty()) {
              continue;
            }
            Map<Variable, BigDecimal> at = new LinkedHashMap<>(inside);
            at.put(e.getKey(), bound.get());
            assertEquals(r.outcome(), decide(table, t, at), () -> draw + " at the bound " + at + " of " + box);
            BigDecimal beyond = bound == e.getValue().upper() ? bound.get().add(unit) : bound.get().subtract(unit);
            Optional<BigDecimal> least = quantity(t, e.getKey()).least();
            if (least.isPresent() && beyond.compareTo(least.get()) < 0) {
              continue;
            }
            at.put(e.getKey(), beyond);
            Optional<Reach> promised = t.at(at);
            Outcome got = decide(table, t, at);
            if (promised.isEmpty()) {
              // outside every box only where the input rules, or a custom value's declared domain, refuse it
              boolean outsideDomain = got instanceof Outcome.Refused x && x.code() == org.ratefloat.error.ErrorCode.IN023
                  && x.pointer().startsWith("/employer/status/customValues/");
              assertTrue(got == null || outsideDomain, () -> draw + ": no reach holds " + at + ", yet the case is " + got);
            } else {
              assertEquals(promised.get().outcome(), got, () -> draw + " one unit beyond " + box + ": " + at);
            }
          }
        }
      }
    }
  }

  private static Quantity quantity(Thresholds t, Variable v) {
    return t.quantities().stream().filter(q -> q.variable().equals(v)).findFirst().orElseThrow();
  }

  private static BigDecimal unit(Thresholds t, Variable v) {
    return quantity(t, v).unit();
  }

  /**
   * The next decision at a point, built from what the thresholds state (their as-of date and coming
   * period, the assumed figures, the quantities held) and decided by the table; null when the input
   * rules refuse the combination.
   */
  static Outcome decide(RuleTable table, Thresholds t, Map<Variable, BigDecimal> point) {
    RatingCase c = t.decision().input();
    Period.Builder p = Period.builder(t.periodFrom(), t.periodTo());
    t.assumptions().forEach(a -> a.value().ifPresent(v -> p.value(a.measure(), v)));
    Status.Builder status = c.employer().status().toBuilder();
    boolean grades = c.history().stream().anyMatch(x -> x.disabilityCases().isPresent());
    for (Quantity q : t.quantities()) {
      BigDecimal x = point.getOrDefault(q.variable(), q.heldAt());
      if (q.variable() instanceof Variable.OfMeasure m) {
        p.value(m.measure(), x);
      } else if (q.variable() instanceof Variable.DisabilityGrades g) {
        grades = true;
        p.disabilityCases(g.from(), x.longValueExact());
      } else if (q.role() != Quantity.Role.NOT_READ) {
        status.customValue(((Variable.CustomValue) q.variable()).valueName(), x);
      }
    }
    if (grades) {
      p.disabilityCasesRecorded();
    }
    // a table pricing each class code needs the coming period's payroll by class: the last period's
    // split, where it adds up to the assumed payroll (a single-class employer's whole payroll)
    Period last = c.history().isEmpty() ? null : c.history().get(c.history().size() - 1);
    Optional<BigDecimal> payroll = t.assumptions().stream().filter(a -> a.measure() == Measure.PAYROLL)
        .findFirst().flatMap(a -> a.value());
    if (last != null && !last.exposures().isEmpty() && payroll.isPresent() && last.exposures().values().stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(payroll.get()) == 0) {
      last.exposures().forEach(p::exposure);
    }
    RatingCase next;
    try {
      List<Period> history = new ArrayList<>(c.history());
      history.add(p.build());
      next = new RatingCase(c.employer().toBuilder().currentBand(t.currentBand().multiplier())
          .status(status.build()).build(), history, c.claims(), t.asOf(), Optional.empty());
    } catch (InputException refusedByTheInputRules) {
      return null;
    }
    try {
      Decision d = table.decide(next);
      return new Outcome.Decided(d.newBand(), d.rate(), d.amounts().stream().map(a -> a.step() + "/" + a.row()).toList());
    } catch (RateFloatException e) {
      return new Outcome.Refused(e.code(), e.pointer(), e.detail());
    }
  }

  /** An example with its last period's controllable figures, the current band and custom values drawn. */
  static RatingCase drawn(Draw draw) throws IOException {
    Random r = new Random(draw.seed());
    ObjectNode c = (ObjectNode) JSON.readTree(Files.readAllBytes(draw.example()));
    ArrayNode history = (ArrayNode) c.path("history");
    ObjectNode employer = (ObjectNode) c.path("employer");
    if (r.nextInt(3) > 0 && !employer.has("riskClassOverride")) {
      employer.put("currentBand", new String[] {"0.5", "0.8", "1.0", "1.2", "1.5"}[r.nextInt(5)]);
    }
    if (history.size() > 0) {
      ObjectNode last = (ObjectNode) history.get(history.size() - 1);
      BigDecimal premiums = new BigDecimal(last.path("premiumsPaid").asText("100000.00"));
      if (last.has("benefitsPaid") || r.nextBoolean()) {
        last.put("benefitsPaid", r.nextInt(3) == 0 ? "0.00"
            : premiums.multiply(BigDecimal.valueOf(r.nextInt(20000), 4)).setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString());
      }
      long headcount = last.has("averageHeadcount") ? new BigDecimal(last.path("averageHeadcount").asText()).longValue()
          : 100;
      if (last.has("averageHeadcount") || last.has("injuries")) {
        long injuries = r.nextInt(3) == 0 ? 0 : r.nextInt((int) Math.max(2, headcount / 8));
        last.put("injuries", injuries);
        long deaths = r.nextInt(4) == 0 ? r.nextInt(3) : 0;
        last.put("deaths", deaths);
        last.put("maxDeathsSingleAccident", Math.min(deaths, r.nextInt(2)));
        last.put("maxSeriousInjuriesSingleAccident", r.nextInt(4));
        last.remove("accidents");
      }
    }
    JsonNode custom = c.path("employer").path("status").path("customValues");
    if (custom instanceof ObjectNode values && values.has("eigenbelastung")) {
      BigDecimal db = BigDecimal.valueOf(50 + r.nextInt(100), 2);
      values.put("durchschnittsbelastung", db.toPlainString());
      values.put("eigenbelastungshoechstwert", db.add(BigDecimal.valueOf(1 + r.nextInt(200), 2)).toPlainString());
      values.put("eigenbelastung", BigDecimal.valueOf(r.nextInt(400), 2).toPlainString());
    }
    return RateFloat.readCase(JSON.writeValueAsBytes(c));
  }
}
