package org.ratefloat.rules;

import org.ratefloat.document.DocumentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ratefloat.engine.Engine;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.Finding;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Employer;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.Status;

/**
 * What the analysis says of a table holds when it decides, over generated tables and every case
 * their indicators can meet: a table reported without gap ({@code RT020}) never stops a decision
 * for want of a row ({@code RT016}), and a table reported with one refuses some case; likewise a
 * UNIQUE table reported without overlap ({@code RT021}) never meets two rows at once
 * ({@code RT015}), and one reported with an overlap meets one.
 *
 * <p>The indicators are those a case sets directly, so that the cases below are every value their
 * domains hold, enumerated (not sampled): the safety-standardisation grade (no certificate, an
 * expired one, grades 1 to 3), the safety credit rating A to D, a flag, and a custom value of the
 * domain 0 to 4 in steps of 1. The domains the analysis cuts its cells from are the ones the
 * indicator kinds declare, so if a kind's declared values drift from what the engine computes, this
 * property fails.
 */
class CompletenessProperties {
  private static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

  /** A row's test of one indicator, written as JSON, or null for none. */
  record Row(String grade, String rating, String flag, String score) {
    String when() {
      List<String> tests = new ArrayList<>();
      Optional.ofNullable(grade).ifPresent(t -> tests.add("\"grade\": " + t));
      Optional.ofNullable(rating).ifPresent(t -> tests.add("\"rating\": " + t));
      Optional.ofNullable(flag).ifPresent(t -> tests.add("\"arrears\": " + t));
      Optional.ofNullable(score).ifPresent(t -> tests.add("\"score\": " + t));
      return "{" + String.join(", ", tests) + "}";
    }
  }

  /** An interval over small whole and half numbers, with open or closed ends, never empty; or null. */
  private static Arbitrary<String> interval() {
    Arbitrary<java.math.BigDecimal> bound = Arbitraries.integers().between(-2, 10)
        .map(x -> java.math.BigDecimal.valueOf(x).divide(java.math.BigDecimal.valueOf(2)));
    Arbitrary<String> lower = Combinators.combine(Arbitraries.of("gt", "ge"), bound).as((k, b) -> k + ":" + b);
    Arbitrary<String> upper = Combinators.combine(Arbitraries.of("lt", "le"), bound).as((k, b) -> k + ":" + b);
    Arbitrary<String> both = Combinators.combine(lower, upper).as((l, u) -> l + "," + u).filter(lu -> {
      String[] b = lu.split(",");
      int c = new java.math.BigDecimal(b[0].split(":")[1]).compareTo(new java.math.BigDecimal(b[1].split(":")[1]));
      return c < 0 || (c == 0 && b[0].startsWith("ge") && b[1].startsWith("le"));
    });
    return Arbitraries.oneOf(lower, upper, both).map(CompletenessProperties::json).injectNull(0.3);
  }

  /** {@code gt:1,le:2.5} as {@code {"gt": "1", "le": "2.5"}}. */
  private static String json(String bounds) {
    List<String> keys = new ArrayList<>();
    for (String b : bounds.split(",")) {
      String[] kv = b.split(":");
      keys.add("\"" + kv[0] + "\": \"" + kv[1] + "\"");
    }
    return "{" + String.join(", ", keys) + "}";
  }

  private static Arbitrary<String> ratings() {
    return Arbitraries.of("A", "B", "C", "D").set().ofMinSize(1).ofMaxSize(4)
        .map(s -> "{\"in\": [" + String.join(", ", s.stream().sorted().map(r -> "\"" + r + "\"").toList()) + "]}")
        .injectNull(0.4);
  }

  @Provide
  Arbitrary<List<Row>> tables() {
    Arbitrary<Row> row = Combinators.combine(interval(), ratings(),
        Arbitraries.of("true", "false").injectNull(0.5), interval()).as(Row::new)
        .filter(r -> r.grade != null || r.rating != null || r.flag != null || r.score != null);
    return row.list().ofMinSize(1).ofMaxSize(5);
  }

  private static String table(String policy, List<Row> rows) {
    StringBuilder r = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      r.append(i == 0 ? "" : ",").append("{\"id\": \"r").append(i).append("\", \"allow\": [\"RT023\"], \"when\": ")
          .append(rows.get(i).when()).append(", \"then\": {\"band\": 0}}");
    }
    return """
        {"format": "ratefloat/rule-table@2", "kind": "measure", "id": "p", "version": "1", "jurisdiction": "X",
         "title": {"zh": "p", "en": "p"}, "effectiveFrom": "2015-10-01", "status": "verified",
         "sources": [{"url": "u", "took": "t"}],
         "benchmarks": {"2": "0.4"}, "ladders": {"default": ["1.0"]},
         "rounding": {"rate": {"scale": 4, "mode": "HALF_UP"}, "premium": {"scale": 2, "mode": "HALF_UP"}},
         "indicators": [
           {"id": "grade", "kind": "safetyStandardGrade", "label": {"zh": "g", "en": "g"}, "allow": ["RT029"]},
           {"id": "rating", "kind": "safetyCreditRating", "label": {"zh": "c", "en": "c"}, "allow": ["RT029"]},
           {"id": "arrears", "kind": "flag", "flag": "premiumArrears", "label": {"zh": "a", "en": "a"},
            "allow": ["RT029"]},
           {"id": "score", "kind": "customValue", "name": "score", "domain": {"ge": "0", "le": "4", "step": "1"},
            "label": {"zh": "s", "en": "s"}, "allow": ["RT029"]}],
         "steps": [{"id": "s", "kind": "table", "label": {"zh": "s", "en": "s"}, "hitPolicy": "%s",
                    "noMatch": "error", "rows": [%s]}]}
        """.formatted(policy, r);
  }

  /** Every case the four indicators can meet: 5 grades x 4 ratings x 2 flags x 5 scores. */
  private static List<RatingCase> everyCase() {
    List<RatingCase> all = new ArrayList<>();
    for (int grade = -1; grade <= 3; grade++) {
      for (String rating : Status.SAFETY_CREDIT_RATINGS) {
        for (boolean arrears : new boolean[] {false, true}) {
          for (int score = 0; score <= 4; score++) {
            Status.Builder s = Status.builder().safetyCreditRating(rating).premiumArrears(arrears)
                .customValue("score", String.valueOf(score));
            if (grade == 0) {
              s.safetyStandardisation(2, AS_OF.minusDays(1)); // expired on the as-of date: grade 0
            } else if (grade > 0) {
              s.safetyStandardisation(grade, AS_OF.plusYears(1));
            }
            all.add(RatingCase.builder().asOf(AS_OF).employer(Employer.builder().id("E")
                .industry(Edition.GBT_4754_2011, "36").riskClassOverride(2).status(s.build()).build()).build());
          }
        }
      }
    }
    return all;
  }

  private static final List<RatingCase> CASES = everyCase();

  /** The codes of the rule-table errors deciding every case meets, each once. */
  private static java.util.Set<ErrorCode> refusals(LoadedTable t) {
    Engine engine = Engine.compile(t);
    java.util.Set<ErrorCode> codes = java.util.EnumSet.noneOf(ErrorCode.class);
    for (RatingCase c : CASES) {
      try {
        engine.decide(c, "test", "");
      } catch (RuleTableException e) {
        codes.add(e.code());
      }
    }
    return codes;
  }

  private static void check(String policy, List<Row> rows) {
    LoadedTable t = RuleTables.resolve(new DocumentFiles.Named("p.json", table(policy, rows)
        .getBytes(StandardCharsets.UTF_8)), DocumentFiles.directory(Path.of("rules")));
    List<ErrorCode> found = t.findings().stream().map(Finding::code).toList();
    java.util.Set<ErrorCode> refused = refusals(t);
    net.jqwik.api.statistics.Statistics.label("complete").collect(!found.contains(ErrorCode.RT020));
    assertEquals(found.contains(ErrorCode.RT020), refused.contains(ErrorCode.RT016),
        () -> "analysis " + found + ", decisions refused with " + refused + "\n" + table(policy, rows));
    if (policy.equals("UNIQUE")) {
      assertEquals(found.contains(ErrorCode.RT021), refused.contains(ErrorCode.RT015),
          () -> "analysis " + found + ", decisions refused with " + refused + "\n" + table(policy, rows));
    }
  }

  @Property(tries = 200)
  void uniqueTablesDecideAsTheyAreAnalysed(@ForAll("tables") List<Row> rows) {
    check("UNIQUE", rows);
    // both answers of the analysis are put to the test, not only the common one
    net.jqwik.api.statistics.Statistics.label("complete").coverage(c -> {
      c.check(true).count(n -> n >= 5);
      c.check(false).count(n -> n >= 5);
    });
  }

  @Property(tries = 100)
  void firstTablesDecideAsTheyAreAnalysed(@ForAll("tables") List<Row> rows) {
    check("FIRST", rows);
    net.jqwik.api.statistics.Statistics.label("complete").coverage(c -> {
      c.check(true).count(n -> n >= 5);
      c.check(false).count(n -> n >= 5);
    });
  }
}
