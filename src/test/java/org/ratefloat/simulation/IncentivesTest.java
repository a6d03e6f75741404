package org.ratefloat.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Employer;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.Status;

/**
 * Who an incentive reaches, for the Hunan construction firm of issue 18 with last year's figures
 * varied; each verdict worked out by hand from its regions (premiums 1,677,000.00, 1,500 workers):
 * next year at last year's figures it stays at 150 % unless noted, and the next lower band, 120 %,
 * needs (among others) 838,500.01 to 1,677,000.00 of benefits with 31 to 60 injuries, or at most
 * 30 injuries with 1,677,000.01 to 2,515,500.00 of benefits and at most one death.
 */
class IncentivesTest {
  private static final RuleTable HUNAN = RateFloat.bundledTable("cn-hn-provisional");
  private static final BigDecimal TEN = BigDecimal.TEN;

  private static RatingCase firm(String benefits, long injuries, String band) {
    return RatingCase.builder()
        .employer(Employer.builder().id("F").industry(Edition.GBT_4754_2011, "4700").currentBand(band)
            .status(Status.builder().firstInsured(LocalDate.of(2008, 5, 1)).build()).build())
        .period(Period.year(2024).value(Measure.PAYROLL, "86000000.00").value(Measure.PREMIUMS_PAID, "1677000.00")
            .value(Measure.BENEFITS_PAID, benefits).value(Measure.AVERAGE_HEADCOUNT, "1500")
            .value(Measure.INJURIES, injuries).value(Measure.DEATHS, 0).value(Measure.MAX_DEATHS_SINGLE_ACCIDENT, 0)
            .value(Measure.MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT, 0).build())
        .asOf(LocalDate.of(2025, 1, 1)).build();
  }

  private static Incentives.Verdict verdict(RatingCase c) {
    return Incentives.verdict(HUNAN.thresholds(c), TEN);
  }

  @Test
  void verdictsByHand() {
    // 1,800,000.00 (107 %, +1) and 45 injuries (3 %, +1): 150 %; 90 % of it, 1,620,000.00, is within the
    // 120 % box up to 1,677,000.00 with 31..60 injuries, and 45 is in it
    assertEquals(Incentives.Verdict.WITHIN_MARGIN, verdict(firm("1800000.00", 45, "1.5")));
    // 2,100,000.00 (125 %): 90 % is 1,890,000.00, above 1,677,000.00; and 45 injuries are 40.5 at 90 %, above 30
    assertEquals(Incentives.Verdict.BEYOND_MARGIN, verdict(firm("2100000.00", 45, "1.5")));
    // 33 injuries, 1,800,000.00: 90 % of 33 is 29.7, so 30 injuries are within: with benefits from 1,620,000.00
    // to 1,980,000.00 the box up to 2,515,500.00 with at most 30 injuries is met
    assertEquals(Incentives.Verdict.WITHIN_MARGIN, verdict(firm("1800000.00", 33, "1.5")));
    // current band 1.0 and a clean year: next year two bands down to 0.5, the lowest band: nothing is below
    assertEquals(Incentives.Verdict.AT_BEST, verdict(firm("0.00", 0, "1.0")));
  }

  @Test
  void countedByClassAndInTotal() {
    Incentives i = new Incentives(HUNAN, TEN, Optional.empty());
    i.add(firm("1800000.00", 45, "1.5"));
    i.add(firm("2100000.00", 45, "1.5"));
    i.add(firm("0.00", 0, "1.0"));
    assertEquals(3, i.assessed());
    assertEquals(1, i.withinMargin());
  }
}
