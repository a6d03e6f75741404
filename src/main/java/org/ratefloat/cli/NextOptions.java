package org.ratefloat.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ratefloat.model.Measure;
import org.ratefloat.thresholds.NextPeriod;
import org.ratefloat.thresholds.Variable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What the thresholds assume of the coming period, as {@code thresholds}, {@code notice} and {@code batch} take it. */
final class NextOptions {
  @Option(names = "--next-as-of", paramLabel = "DATE",
      description = "the next decision's as-of date (default: this one's plus one year)")
  LocalDate asOf;

  @Option(names = "--payroll", paramLabel = "AMOUNT", description = "the coming period's payroll (default: last year's)")
  BigDecimal payroll;

  @Option(names = "--premiums", paramLabel = "new-rate|last-year|AMOUNT",
      description = "the coming period's premiums paid: payroll x this decision's rate (new-rate, the default), "
          + "last year's (last-year), or an amount")
  String premiums;

  @Option(names = "--headcount", paramLabel = "N",
      description = "the coming period's average headcount (default: last year's)")
  BigDecimal headcount;

  @Option(names = "--vary", paramLabel = "NAME",
      description = "vary only these quantities (repeatable): benefitsPaid, injuries, accidents, deaths, "
          + "occupationalDiseaseCases, maxDeathsSingleAccident, maxSeriousInjuriesSingleAccident, "
          + "disabilityCases.F-T, or the name of a custom value the table reads (e.g. eigenbelastung); the others "
          + "are held at 0 (default: every quantity the next decision reads)")
  List<String> vary;

  /** The assumptions, every option checked (usage errors name the option). */
  NextPeriod build(CommandSpec spec) {
    NextPeriod.Builder b = NextPeriod.builder();
    if (asOf != null) {
      b.asOf(asOf);
    }
    if (payroll != null) {
      b.payroll(notNegative(spec, "--payroll", payroll));
    }
    if (headcount != null) {
      b.averageHeadcount(notNegative(spec, "--headcount", headcount));
    }
    if (premiums != null) {
      switch (premiums) {
        case "new-rate" -> b.premiums(NextPeriod.Premiums.AT_NEW_RATE);
        case "last-year" -> b.premiums(NextPeriod.Premiums.AS_LAST_YEAR);
        default -> {
          if (!premiums.matches("[0-9]{1,30}(\\.[0-9]{1,10})?")) {
            throw Usage.invalidBy(spec, "--premiums", "usage.premiums", "value",
                premiums.length() > 48 ? premiums.substring(0, 45) + "..." : premiums);
          }
          b.premiumsPaid(new BigDecimal(premiums));
        }
      }
    }
    if (vary != null) {
      Set<Variable> chosen = new LinkedHashSet<>();
      for (String name : vary) {
        Optional<Measure> m = Measure.byJsonName(name);
        if (m.isPresent() && !Variable.controllable(m.get())) {
          throw Usage.invalidBy(spec, "--vary", "usage.vary.assumed", "name", name);
        }
        if (!name.matches("[A-Za-z][A-Za-z0-9._-]{0,63}")) {
          throw Usage.invalidBy(spec, "--vary", "usage.vary.notQuantity", "name", name.length() > 48
              ? name.substring(0, 45) + "..." : name);
        }
        Variable v = Variable.parse(name).orElseGet(() -> Variable.customValue(name));
        if (name.startsWith("disabilityCases") && !(v instanceof Variable.DisabilityGrades)) {
          throw Usage.invalidBy(spec, "--vary", "usage.vary.grades", "example", "disabilityCases.1-6", "name",
              name);
        }
        if (v instanceof Variable.CustomValue) {
          b.customValue(name);
        }
        chosen.add(v);
      }
      b.vary(chosen);
    }
    return b.build();
  }

  private static BigDecimal notNegative(CommandSpec spec, String option, BigDecimal x) {
    if (x.signum() < 0) {
      throw Usage.invalidBy(spec, option, "usage.notNegative", "value", x);
    }
    return x;
  }
}
