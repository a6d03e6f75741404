package org.ratefloat.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.error.UndeterminedException;
import org.ratefloat.decision.Decision;
import org.ratefloat.decision.IndicatorValue;
import org.ratefloat.decision.StepTrace;
import org.ratefloat.decision.Value;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.rules.Condition;
import org.ratefloat.rules.Guard;
import org.ratefloat.rules.IndicatorSpec;
import org.ratefloat.rules.Outcome;
import org.ratefloat.rules.RowSpec;
import org.ratefloat.rules.RuleTableSpec;
import org.ratefloat.rules.StepSpec;

/**
 * For every shipped rule table, every bound b of every row condition on a ratio: the example cases
 * of the table are changed so that the ratio is exactly b, a hair below it and a hair above it
 * (about 10^-10 of a percent or per mille), and the row the engine fires must be the one an
 * independent exact reading of the rows gives at that value — the open or closed side each bound
 * states, never a rounded quotient. The other indicators keep the values the decision records.
 */
class BoundaryProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Denominator of amount ratios: 10^10 yuan, so 0.01 yuan of benefits moves a % ratio by 10^-10. */
  private static final BigDecimal AMOUNT_BASE = new BigDecimal("10000000000.00");
  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final BigDecimal HEADCOUNT_STEP = new BigDecimal("0.000001");

  /** A value of an indicator as an exact fraction n/d (d > 0), a flag or a text. */
  private record Exact(BigDecimal n, BigDecimal d, Object other) {
    static Exact of(Value v) {
      if (v instanceof Value.Num num) {
        return new Exact(num.value(), BigDecimal.ONE, null);
      }
      if (v instanceof Value.Fraction f) {
        return new Exact(new BigDecimal(f.numerator()), new BigDecimal(f.denominator()), null);
      }
      if (v instanceof Value.Bool b) {
        return new Exact(null, null, b.value());
      }
      return new Exact(null, null, ((Value.Text) v).value());
    }

    /** The interval test written out afresh: n/d against a bound b is n against b x d. */
    boolean in(Condition c) {
      if (n == null) {
        return c.is().isPresent() ? c.is().get().equals(other) : c.in().contains((String) other);
      }
      if (c.lower().isPresent()) {
        int s = n.compareTo(c.lower().get().value().multiply(d));
        if (s < 0 || (s == 0 && !c.lower().get().inclusive())) {
          return false;
        }
      }
      if (c.upper().isPresent()) {
        int s = n.compareTo(c.upper().get().value().multiply(d));
        return s < 0 || (s == 0 && c.upper().get().inclusive());
      }
      return true;
    }
  }

  private static final Map<String, int[]> SEEN = new HashMap<>();

  @TestFactory
  Stream<DynamicContainer> everyBoundOfEveryShippedTable() throws IOException {
    List<DynamicContainer> tables = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json") && !org.ratefloat.ShippedFiles.isPortfolioDocument(p)
          && !p.toString().endsWith(".reference.json")
          && !p.getFileName().toString().equals("cn-annex-2015.json")).sorted().toList()) {
        RuleTable table = RateFloat.loadTable(file);
        RuleTableSpec spec = org.ratefloat.rules.RuleTables.load(file).measure();
        List<Path> bases = examples(table.id());
        List<DynamicTest> tests = new ArrayList<>();
        for (StepSpec step : spec.steps()) {
          if (!(step instanceof StepSpec.Rows rows)) {
            continue;
          }
          for (RowSpec row : rows.rows()) {
            for (Condition c : conditions(row.when())) {
              if (!(indicator(spec, c.indicator()) instanceof IndicatorSpec.Ratio ratio)) {
                continue;
              }
              for (Condition.Bound b : Stream.of(c.lower(), c.upper()).flatMap(Optional::stream).toList()) {
                for (int side = -1; side <= 1; side++) {
                  final int s = side;
                  tests.add(DynamicTest.dynamicTest(step.id() + " " + row.id() + " " + c.indicator() + " "
                      + b.value().toPlainString() + (s < 0 ? " - e" : s > 0 ? " + e" : ""),
                      () -> check(table, bases, rows, ratio, b.value(), s)));
                }
              }
            }
          }
        }
        if (!tests.isEmpty()) {
          tests.add(DynamicTest.dynamicTest("bounds were observed", () -> {
            int[] seen = SEEN.getOrDefault(table.id(), new int[2]);
            // every bound-and-side is decided at least once, unless an earlier gate or the rows of
            // another step stop every example before this step
            assertTrue(seen[0] > 0, table.id() + ": no bound was observed");
            assertTrue(seen[0] * 2 >= seen[1], table.id() + ": only " + seen[0] + " of " + seen[1]
                + " bound checks reached their step");
          }));
          tables.add(DynamicContainer.dynamicContainer(table.id(), tests));
        }
      }
    }
    assertTrue(tables.size() >= 7, "the tables with ratio thresholds");
    return tables.stream();
  }

  private static List<Path> examples(String id) throws IOException {
    Path dir = Path.of("examples", id);
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".decision.json"))
          .sorted().toList();
      assertTrue(!found.isEmpty(), "no example case for " + id);
      return found;
    }
  }

  private static IndicatorSpec indicator(RuleTableSpec spec, String id) {
    return spec.indicators().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<Condition> conditions(Guard g) {
    List<Condition> all = new ArrayList<>(g.all());
    g.any().forEach(all::addAll);
    return all;
  }

  /** Sets the ratio to b + side x e in each example case and compares the fired row with the expected one. */
  private static void check(RuleTable table, List<Path> bases, StepSpec.Rows step, IndicatorSpec.Ratio ratio,
      BigDecimal bound, int side) throws IOException {
    int[] seen = SEEN.computeIfAbsent(table.id(), k -> new int[2]);
    synchronized (seen) {
      seen[1]++;
    }
    boolean observed = false;
    for (Path base : bases) {
      Optional<Object[]> made = withRatio(base, ratio, bound, side);
      if (made.isEmpty()) {
        continue;
      }
      RatingCase c = (RatingCase) made.get()[0];
      Exact exact = (Exact) made.get()[1];
      // a table that cites a rounding of its own compares the rounded value
      Exact value = ratio.round().map(r -> new Exact(exact.n().divide(exact.d(), r.scale(), r.mode()),
          BigDecimal.ONE, null)).orElse(exact);
      Decision d;
      String undetermined = null;
      try {
        d = table.decide(c);
      } catch (UndeterminedException e) {
        d = null;
        undetermined = e.pointer();
      }
      if (d == null) {
        String pointer = undetermined;
        Optional<RowSpec> row = step.rows().stream().filter(r -> r.pointer().equals(pointer)).findFirst();
        if (row.isEmpty()) {
          continue; // another step could not decide this case
        }
        assertTrue(row.get().then() instanceof Outcome.Undetermined);
        // the undetermined row must admit the exact value on this indicator
        assertTrue(holds(row.get().when(), ratio.id(), value, Map.of(), true),
            () -> row.get().id() + " fired at " + show(value));
        observed = true;
        continue;
      }
      Optional<StepTrace> trace = d.steps().stream().filter(t -> t.step().equals(step.id())).findFirst();
      if (trace.isEmpty() || !(trace.get().outcome().jsonName().equals("fired") || trace.get().outcome().jsonName().equals("no-match"))) {
        continue;
      }
      Map<String, Exact> recorded = new HashMap<>();
      for (IndicatorValue v : d.indicators()) {
        recorded.put(v.id(), Exact.of(v.value()));
      }
      Exact engineValue = recorded.get(ratio.id());
      assertEquals(0, engineValue.n().multiply(value.d()).compareTo(value.n().multiply(engineValue.d())),
          () -> "the recorded " + ratio.id() + " " + show(engineValue) + " is not the exact " + show(value));
      Optional<RowSpec> expected = expected(step, ratio.id(), value, recorded);
      if (expected == null) {
        continue; // a row tests an indicator this decision did not need
      }
      assertEquals(expected.map(RowSpec::id), trace.get().row(), () -> base + ": " + ratio.id() + " = "
          + show(value) + " next to the bound " + bound.toPlainString());
      observed = true;
    }
    if (observed) {
      synchronized (seen) {
        seen[0]++;
      }
    }
  }

  /** The row the step's rows give at this value; null if a row needs an indicator not recorded. */
  private static Optional<RowSpec> expected(StepSpec.Rows step, String id, Exact value, Map<String, Exact> others) {
    RowSpec hit = null;
    for (RowSpec row : step.rows()) {
      Boolean holds = holds(row.when(), id, value, others, false);
      if (holds == null) {
        return null;
      }
      if (holds) {
        if (hit != null) {
          fail("rows " + hit.id() + " and " + row.id() + " both hold at " + show(value));
        }
        hit = row;
        if (step.hitPolicy() == StepSpec.HitPolicy.FIRST) {
          break;
        }
      }
    }
    return Optional.ofNullable(hit);
  }

  private static Boolean holds(Guard g, String id, Exact value, Map<String, Exact> others, boolean onlyThis) {
    Boolean all = allHold(g.all(), id, value, others, onlyThis);
    if (all == null || !all || g.any().isEmpty()) {
      return all;
    }
    for (List<Condition> group : g.any()) {
      Boolean one = allHold(group, id, value, others, onlyThis);
      if (one == null) {
        return null;
      }
      if (one) {
        return true;
      }
    }
    return false;
  }

  private static Boolean allHold(List<Condition> conds, String id, Exact value, Map<String, Exact> others,
      boolean onlyThis) {
    for (Condition c : conds) {
      Exact v = c.indicator().equals(id) ? value : others.get(c.indicator());
      if (v == null) {
        if (onlyThis) {
          continue;
        }
        return null;
      }
      if (!v.in(c)) {
        return false;
      }
    }
    return true;
  }

  private static String show(Exact v) {
    return v.n().toPlainString() + "/" + v.d().toPlainString();
  }

  /**
   * The example case with the ratio's window rewritten so that the ratio is {@code bound} (side 0),
   * a hair below it (-1) or above it (+1); also the exact value it then has, computed here from the
   * figures written. Empty if the window's periods cannot carry it (or nothing lies below 0).
   */
  private static Optional<Object[]> withRatio(Path base, IndicatorSpec.Ratio r, BigDecimal bound, int side)
      throws IOException {
    if (bound.signum() < 0 || (bound.signum() == 0 && side < 0)) {
      return Optional.empty();
    }
    ObjectNode root = (ObjectNode) JSON.readTree(Files.readAllBytes(base));
    RatingCase original = RateFloat.readCase(Files.readAllBytes(base));
    LocalDate start = r.window().start(original.asOf());
    LocalDate end = r.window().end(original.asOf());
    List<Integer> inside = new ArrayList<>();
    for (int i = 0; i < original.history().size(); i++) {
      Period p = original.history().get(i);
      if (!p.from().isBefore(start) && !p.to().isAfter(end)) {
        inside.add(i);
      }
    }
    if (inside.isEmpty()) {
      return Optional.empty();
    }
    ArrayNode history = (ArrayNode) root.get("history");
    BigDecimal m = r.multiplier();
    BigDecimal dv = r.divisor();
    Exact value;
    if (r.numerator().kind() == Measure.Kind.AMOUNT && r.denominator().kind() == Measure.Kind.AMOUNT) {
      // v = N x m / (D x dv) with D = 10^10: N = b x D x dv / m, then one cent either way
      BigDecimal n = bound.multiply(AMOUNT_BASE).multiply(dv).divide(m).setScale(2, java.math.RoundingMode.UNNECESSARY);
      n = n.add(CENT.multiply(BigDecimal.valueOf(side)));
      for (int k = 0; k < inside.size(); k++) {
        ObjectNode p = (ObjectNode) history.get(inside.get(k));
        p.put(r.numerator().jsonName(), (k == 0 ? n : BigDecimal.ZERO.setScale(2)).toPlainString());
        p.put(r.denominator().jsonName(), (k == 0 ? AMOUNT_BASE : BigDecimal.ZERO.setScale(2)).toPlainString());
      }
      value = new Exact(n.multiply(m), AMOUNT_BASE.multiply(dv), null);
    } else if (r.numerator().integral() && r.denominator().kind() == Measure.Kind.HEADCOUNT) {
      // v = I x m / (H x dv), the same headcount H in every period of the window
      BigDecimal h = new BigDecimal("1000000");
      BigDecimal i = bound.multiply(h).multiply(dv).divide(m);
      while (i.stripTrailingZeros().scale() > 0) {
        h = h.movePointRight(1);
        i = bound.multiply(h).multiply(dv).divide(m);
      }
      BigInteger injuries = i.toBigIntegerExact();
      if (injuries.signum() == 0) {
        if (side < 0) {
          return Optional.empty();
        }
        injuries = side > 0 ? BigInteger.ONE : BigInteger.ZERO;
      } else {
        h = h.subtract(HEADCOUNT_STEP.multiply(BigDecimal.valueOf(side)));
      }
      for (int k = 0; k < inside.size(); k++) {
        ObjectNode p = (ObjectNode) history.get(inside.get(k));
        p.put(r.numerator().jsonName(), k == 0 ? injuries : BigInteger.ZERO);
        p.put(r.denominator().jsonName(), h.toPlainString());
        for (String related : List.of("deaths", "maxDeathsSingleAccident", "maxSeriousInjuriesSingleAccident")) {
          if (p.has(related) && p.get(related).asLong() > injuries.longValue()) {
            p.put(related, k == 0 ? injuries : BigInteger.ZERO);
          }
        }
      }
      value = new Exact(new BigDecimal(injuries).multiply(m), h.multiply(dv), null);
    } else {
      fail("no way to set a ratio of " + r.numerator() + " over " + r.denominator() + " in " + base);
      return Optional.empty();
    }
    return Optional.of(new Object[] {RateFloat.readCase(JSON.writeValueAsBytes(root)), value});
  }
}
