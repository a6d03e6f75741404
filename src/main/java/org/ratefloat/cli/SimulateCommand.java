package org.ratefloat.cli;

import org.ratefloat.text.Message;

import org.ratefloat.text.Language;

import org.ratefloat.text.Printable;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.io.OutputFile;
import org.ratefloat.simulation.Incidence;
import org.ratefloat.simulation.Roundings;
import org.ratefloat.simulation.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ratefloat simulate}: premium income and payout ratio before and after floating. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Apply a rule table (and optionally a proposed one) to a portfolio: premium income at the "
        + "benchmark, at what employers pay today and after floating, by class and band, the fund's payout ratio; "
        + "incidence (workers injured, accidents, occupational disease per 1,000 workers) by class and, with a "
        + "ranking definition, by key industry and city, against a reduction path; with --replay, the table "
        + "applied year after year to the history. Prints JSON (or --out FILE). Exit 7 when some employers are "
        + "refused (0 with --allow-errors), 3 when a table decides none.")
final class SimulateCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  LanguageOption lang;

  @Mixin
  TableOption rules;

  @Option(names = "--compare", paramLabel = "FILE|ID",
      description = "a proposed rule table (a file or a bundled id), side by side")
  TableReference compare;

  @Option(names = "--roundings", paramLabel = "FILE",
      description = "how the percentages and incidence are rounded (ratefloat/simulation-roundings@1; "
          + "default: the shipped org/ratefloat/simulation/roundings.json)")
  Path roundings;

  @Mixin
  PortfolioOption portfolio;

  @Option(names = "--base-year", paramLabel = "YEAR",
      description = "base year of the incidence path, 1900 to 2999")
  Integer baseYear;

  @Option(names = "--reduction", defaultValue = "20", paramLabel = "PERCENT",
      description = "incidence reduction over the path, 0 to 100 (default: ${DEFAULT-VALUE})")
  BigDecimal reduction;

  @Option(names = "--years", defaultValue = "5", paramLabel = "N",
      description = "length of the path, 1 to 50 (default: ${DEFAULT-VALUE})")
  int years;

  @Option(names = "--classes", split = ",", paramLabel = "C",
      description = "risk classes tracked, 1 to 8 (default: all)")
  List<Integer> classes;

  @Option(names = "--definition", paramLabel = "FILE|ID",
      description = "a ranking definition (e.g. cn-hn-key-industries) whose key industries, and its regions' cities, "
          + "the incidence path also tracks; needs --base-year")
  TableReference definition;

  @Option(names = "--replay", description = "also apply each table year after year to the portfolio's history: "
      + "the fund's income, payouts and balance by year")
  boolean replay;

  @Option(names = "--incentives", description = "also count who an incentive reaches: the employers whose figures "
      + "within --margin of last year's would reach the next lower band next year (the thresholds of each employer, "
      + "by class and, with --definition, by key industry)")
  boolean incentives;

  @Option(names = "--margin", defaultValue = "10", paramLabel = "PERCENT",
      description = "the margin of --incentives, 0 to 100 percent of last year's figures (default: ${DEFAULT-VALUE})")
  BigDecimal margin;

  @Option(names = "--out", paramLabel = "FILE", description = "write the JSON here (.json)")
  Path out;

  /** The employers each table refused, and those no table could read. */
  @Mixin
  Refusals refusals;

  @Override
  public Integer call() throws Exception {
    Path in = portfolio.file();
    Usage.extension(spec, "--out", out, ".json");
    for (String option : List.of("--reduction", "--years", "--classes")) {
      Usage.requireWith(spec, option, "--base-year");
    }
    if (!incentives) {
      Usage.requireWith(spec, "--definition", "--base-year");
    }
    Usage.requireWith(spec, "--margin", "--incentives");
    if (margin.signum() < 0 || margin.compareTo(new BigDecimal("100")) > 0) {
      throw Usage.invalidBy(spec, "--margin", "usage.percentage", "value", margin);
    }
    if (baseYear != null) {
      Usage.inRange(spec, "--base-year", baseYear, 1900, 2999);
    }
    if (reduction.signum() < 0 || reduction.compareTo(new BigDecimal("100")) > 0) {
      throw Usage.invalidBy(spec, "--reduction", "usage.percentage", "value", reduction);
    }
    Usage.inRange(spec, "--years", years, 1, 50);
    for (int c : classes == null ? List.<Integer>of() : classes) {
      // the eight risk classes of the national scheme (人社部发〔2015〕71号)
      Usage.inRange(spec, "--classes", c, 1, 8);
    }
    Roundings rounding = Roundings.standard();
    if (roundings != null) {
      rounding = Roundings.read(roundings);
    }
    RuleTable current = rules.loadQuietly();
    List<Simulation.Column> columns = new ArrayList<>();
    columns.add(new Simulation.Column(current, rounding, replay));
    // every file the run reads, also those the tables and the definition pull in, which the output must not be
    List<Path> reads = new ArrayList<>(current.files());
    if (compare != null) {
      RuleTable proposed = compare.load(true);
      reads.addAll(proposed.files());
      columns.add(new Simulation.Column(proposed, rounding, replay));
    }
    if (roundings != null) {
      reads.add(roundings);
    }
    java.util.Optional<org.ratefloat.ranking.RankingDefinition> keyIndustries = definition == null
        ? java.util.Optional.empty() : java.util.Optional.of(org.ratefloat.ranking.Ranking.load(definition.name()));
    keyIndustries.ifPresent(d -> reads.addAll(d.files()));
    reads.add(in);
    Incidence incidence = baseYear == null ? null : new Incidence(baseYear, reduction, years,
        classes == null ? new HashSet<>() : new HashSet<>(classes), keyIndustries, rounding);
    org.ratefloat.simulation.Incentives reach = incentives
        ? new org.ratefloat.simulation.Incentives(current, margin, keyIndustries) : null;
    Refusals unreadable = new Refusals();
    long[] readable = {0};
    Simulation.Portfolio read = new Simulation.Portfolio();
    // the output is checked and opened before the portfolio is read
    try (OutputFile output = out == null ? null : OutputFile.create(out, reads)) {
      org.ratefloat.batch.Batch.read(in, c -> {
        readable[0]++;
        read.add(c);
        columns.forEach(col -> col.add(c));
        if (reach != null) {
          reach.add(c);
        }
        if (incidence != null) {
          try {
            int riskClass = c.employer().riskClassOverride().orElseGet(
                () -> current.classify(c.employer().industry()).riskClass());
            incidence.add(c, riskClass);
          } catch (RateFloatException unclassified) {
            unreadable.add(unclassified);
          }
        }
      }, (line, e) -> {
        read.unreadable();
        unreadable.add(e);
      });
      long records = readable[0] + unreadable.total();
      for (Simulation.Column col : columns) {
        String file = col == columns.get(0) ? rules.toString() : compare.name();
        if (col.total().employers() == 0) {
          Map<String, Long> why = new TreeMap<>(col.errors());
          unreadable.counts().forEach((code, n) -> why.merge(code, n, Long::sum));
          throw Outcome.nothingComputed("error.IN041.simulate", Outcome.with(Outcome.counts(records, why),
              "file", file));
        }
      }
      if (incidence != null && !incidence.covers(baseYear)) {
        throw Outcome.nothingComputed("error.IN041.incidence", "year", baseYear);
      }
      byte[] json = Simulation.json(columns, java.util.Optional.ofNullable(incidence),
          java.util.Optional.ofNullable(reach), read);
      if (output != null) {
        output.write(json);
        output.commit();
      } else {
        spec.commandLine().getOut().print(new String(json, StandardCharsets.UTF_8));
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    for (Simulation.Column col : columns) {
      Simulation.Totals t = col.total();
      long colRefused = col.errors().values().stream().mapToLong(Long::longValue).sum();
      Language l = lang.get();
      err.println(Printable.escape(Message.of("summary.simulate", "table", col == columns.get(0) ? rules : compare,
          "employers", BatchCommand.grouped(t.employers()), "refused", BatchCommand.grouped(colRefused),
          "atBenchmark", t.incomeAtBenchmark().setScale(2, RoundingMode.HALF_UP).toPlainString(),
          "after", t.incomeAfter().setScale(2, RoundingMode.HALF_UP).toPlainString(),
          "change", orNa(t.incomeChange(col.roundings()), l), "before", orNa(t.payoutRatioBefore(col.roundings()), l),
          "afterRatio", orNa(t.payoutRatioAfter(col.roundings()), l)).in(l)));
      if (!col.amounts().isEmpty()) {
        err.println(Printable.escape(Message.of("summary.simulate.amounts", "table", col == columns.get(0) ? rules : compare,
            "amounts", String.join(", ", col.amounts().entrySet().stream()
                .map(a -> a.getValue().toPlainString() + " " + a.getKey()).toList())).in(l)));
      }
      Refusals refused = new Refusals();
      refused.addAll(col.errors(), col.examples());
      refused.print(err, "summary.refused", l);
      refusals.addAll(col.errors(), col.examples());
    }
    if (reach != null) {
      err.println(Printable.escape(Message.of("summary.simulate.reach", "table", rules,
          "assessed", BatchCommand.grouped(reach.assessed()), "within", BatchCommand.grouped(reach.withinMargin()),
          "margin", margin.toPlainString()).in(lang.get())));
      reach.notAssessed().forEach((why, n) -> err.println(Printable.escape("  " + Message.of("summary.simulate.notAssessed",
          "why", lang.get() == Language.EN ? why : reason(why), "n", n).in(lang.get()))));
    }
    unreadable.print(err, "summary.unreadable", lang.get());
    refusals.addAll(unreadable.counts(), java.util.Map.of());
    return refusals.exitCode();
  }

  private static String orNa(java.util.Optional<BigDecimal> figure, Language lang) {
    return figure.map(BigDecimal::toPlainString).orElseGet(() -> org.ratefloat.text.Catalogue.text(lang,
        "summary.notAvailable"));
  }

  /** Why an employer was not assessed, as the incentives name it, in words where the catalogue has them. */
  private static String reason(String why) {
    String key = "summary.simulate.why." + why.replace(' ', '-');
    return org.ratefloat.text.Catalogue.has(key) ? org.ratefloat.text.Catalogue.text(Language.ZH, key) : why;
  }
}
