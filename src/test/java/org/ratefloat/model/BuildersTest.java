package org.ratefloat.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ratefloat.Assertions2.assertFails;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ratefloat.RateFloat;
import org.ratefloat.error.ErrorCode;

/** The builders give the same values as the constructors and as JSON, and refuse what they refuse. */
class BuildersTest {
  @Test
  void everyExampleCaseRebuiltFromItsBuildersIsEqual() throws Exception {
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".decision.json")
          && !p.getFileName().toString().contains("ranking")).toList()) {
        RatingCase c;
        try {
          c = RateFloat.readCase(f);
        } catch (org.ratefloat.error.InputException e) {
          continue; // not a case (a definition, a simulation)
        }
        RatingCase.Builder b = RatingCase.builder().employer(c.employer().toBuilder()
            .status(c.employer().status().toBuilder().build()).build()).asOf(c.asOf());
        c.history().forEach(p -> b.period(p.toBuilder().build()));
        c.claims().forEach(cl -> b.claim(cl.toBuilder().build()));
        c.premiumBase().ifPresent(b::premiumBase);
        assertEquals(c, b.build(), f.toString());
        assertEquals(c, c.toBuilder().build(), f.toString());
      }
    }
  }

  @Test
  void aBuiltCaseIsTheCaseItsJsonDescribes() {
    RatingCase built = RatingCase.builder()
        .employer(Employer.builder().id("E-1").name("工厂").industry(Edition.GBT_4754_2011, "3511")
            .currentBand(new BigDecimal("1.2"))
            .status(Status.builder().safetyStandardisation(2, LocalDate.of(2026, 6, 30)).customFlag("award", true)
                .firstInsured(LocalDate.of(2012, 3, 1)).build())
            .build())
        .period(Period.year(2024).value(Measure.PAYROLL, "1000000.00").value(Measure.INJURIES, 3)
            .value(Measure.AVERAGE_HEADCOUNT, "40").disabilityCases(9, 1).build())
        .claim(Claim.builder().id("C1").date(LocalDate.of(2024, 5, 1)).kind(Claim.ClaimKind.INJURY)
            .paid(new BigDecimal("1200.00")).disabilityGrade(9).build())
        .asOf(LocalDate.of(2025, 1, 1))
        .build();
    assertEquals(built, RateFloat.readCase(RateFloat.toJson(built)));
  }

  @Test
  void missingAndBadValuesAreRefusedWithTheirCodes() {
    assertFails(ErrorCode.IN004, "/employer", () -> RatingCase.builder().asOf(LocalDate.of(2025, 1, 1)).build());
    assertFails(ErrorCode.IN004, "/industry", () -> Employer.builder().id("E").build());
    assertFails(ErrorCode.IN004, "/paid", () -> Claim.builder().id("C").date(LocalDate.of(2024, 1, 1))
        .kind(Claim.ClaimKind.INJURY).build());
    // the constructor's rules: injuries on a headcount of 0, a negative amount
    assertFails(ErrorCode.IN011, "/averageHeadcount", () -> Period.year(2024).value(Measure.INJURIES, 6)
        .value(Measure.AVERAGE_HEADCOUNT, "0").build());
    assertFails(ErrorCode.IN007, "/benefitsPaid", () -> Period.year(2024).value(Measure.BENEFITS_PAID, "-1.00")
        .build());
    assertFails(ErrorCode.IN023, "/safetyCreditRating", () -> Status.builder().safetyCreditRating("E").build());
  }

  @Test
  void decimalsCanBeGivenAsTextAsInJson() {
    Employer text = Employer.builder().id("E1").industry(Edition.GBT_4754_2011, "3484").currentBand("1.2")
        .benchmarkRate("0.9").status(Status.builder().customValue("auditScore", "87.5").build()).build();
    Employer decimal = Employer.builder().id("E1").industry(Edition.GBT_4754_2011, "3484")
        .currentBand(new BigDecimal("1.2")).benchmarkRate(new BigDecimal("0.9"))
        .status(Status.builder().customValue("auditScore", new BigDecimal("87.5")).build()).build();
    assertEquals(decimal, text);
    assertEquals(new BigDecimal("87.5"), text.status().customValues().get("auditScore"));
    assertEquals(java.util.Optional.of(new BigDecimal("1.2")), text.currentBand());
  }

  @Test
  void decimalTextIsReadAsADocumentsDecimalIs() {
    // as JSON refuses "1e0" for currentBand (IN006 /employer/currentBand), so does the builder, at the field
    assertFails(ErrorCode.IN006, "/currentBand",
        () -> Employer.builder().id("E1").industry(Edition.GBT_4754_2011, "3484").currentBand("1e0"));
    assertFails(ErrorCode.IN006, "/benchmarkRate",
        () -> Employer.builder().id("E1").industry(Edition.GBT_4754_2011, "3484").benchmarkRate(" 0.9"));
    assertFails(ErrorCode.IN006, "/customValues/x", () -> Status.builder().customValue("x", ""));
    assertFails(ErrorCode.IN006, "/payroll", () -> Period.year(2024).value(Measure.PAYROLL, "+100.00"));
    assertFails(ErrorCode.IN006, "/exposures/8810", () -> Period.year(2024).exposure("8810", "1." + "0".repeat(21)));
  }
}
