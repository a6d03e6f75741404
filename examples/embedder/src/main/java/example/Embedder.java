package example;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.decision.Decision;
import org.ratefloat.error.InputException;
import org.ratefloat.model.Claim;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Employer;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.Status;

/** What a back-office system does with ratefloat: build cases from its own records and decide them. */
public final class Embedder {
  private final RuleTable table;

  /** Loads the table once; the instance is shared by every thread of the application. */
  public Embedder(Path rules) {
    this.table = RateFloat.loadTable(rules);
  }

  /** A machinery maker with last year's figures, built with the builders. */
  public static RatingCase machineryMaker(String benefitsPaid, long injuries) {
    return RatingCase.builder()
        .employer(Employer.builder()
            .id("HN-430100-000123")
            .name("长沙示例机械制造有限公司")
            .industry(Edition.GBT_4754_2011, "3511")
            .status(Status.builder().firstInsured(LocalDate.of(2012, 3, 1)).build())
            .build())
        .period(Period.year(2024)
            .value(Measure.PAYROLL, "19800000.00")
            .value(Measure.PREMIUMS_PAID, "178200.00")
            .value(Measure.PREMIUMS_AT_BENCHMARK, "178200.00")
            .value(Measure.BENEFITS_PAID, benefitsPaid)
            .value(Measure.AVERAGE_HEADCOUNT, "220")
            .value(Measure.INJURIES, injuries)
            .value(Measure.DEATHS, 0)
            .value(Measure.MAX_DEATHS_SINGLE_ACCIDENT, 0)
            .value(Measure.MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT, injuries > 0 ? 1 : 0)
            .build())
        .claim(Claim.builder().id("C-1").date(LocalDate.of(2024, 6, 3)).kind(Claim.ClaimKind.INJURY)
            .paid(new BigDecimal("12000.00")).build())
        .asOf(LocalDate.of(2025, 1, 1))
        .build();
  }

  /** The new rate in percent of payroll, or the reason the case was refused. */
  public String rate(RatingCase input) {
    try {
      Decision d = table.decide(input);
      return d.rate().toPlainString() + " % (band " + d.newBand().multiplier().toPlainString() + ")";
    } catch (InputException e) {
      return e.code() + " " + e.pointer();
    }
  }

  public static void main(String[] args) {
    Embedder e = new Embedder(Path.of(args.length > 0 ? args[0] : "rules/cn-hn-provisional.json"));
    for (RatingCase c : List.of(machineryMaker("231650.00", 6), machineryMaker("0.00", 0))) {
      System.out.println(c.employer().id() + ": " + e.rate(c));
    }
  }
}
