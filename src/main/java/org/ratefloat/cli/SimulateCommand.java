package org.ratefloat.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ratefloat.RateFloat;
import org.ratefloat.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.io.OutputFile;
import org.ratefloat.simulation.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ratefloat simulate}: premium income and payout ratio before and after floating. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Apply a rule table (and optionally a proposed one) to a portfolio: premium income at the "
        + "benchmark and after floating, by class and band, the fund's payout ratio, and injury incidence "
        + "against a reduction path. Prints JSON (or --out FILE).")
final class SimulateCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--rules", required = true, paramLabel = "FILE", description = "the current rule table")
  Path rules;

  @Option(names = "--compare", paramLabel = "FILE", description = "a proposed rule table, side by side")
  Path compare;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "the portfolio, .ndjson or .csv")
  Path in;

  @Option(names = "--base-year", paramLabel = "YEAR", description = "base year of the incidence path")
  Integer baseYear;

  @Option(names = "--reduction", defaultValue = "20", paramLabel = "PERCENT",
      description = "incidence reduction over the path (default: ${DEFAULT-VALUE})")
  BigDecimal reduction;

  @Option(names = "--years", defaultValue = "5", paramLabel = "N", description = "length of the path (default: ${DEFAULT-VALUE})")
  int years;

  @Option(names = "--classes", split = ",", paramLabel = "C", description = "risk classes tracked (default: all)")
  List<Integer> classes;

  @Option(names = "--out", paramLabel = "FILE", description = "write the JSON here")
  Path out;

  @Override
  public Integer call() throws Exception {
    RuleTable current = RateFloat.loadTable(rules);
    List<Simulation.Column> columns = new ArrayList<>();
    columns.add(new Simulation.Column(current));
    if (compare != null) {
      columns.add(new Simulation.Column(RateFloat.loadTable(compare)));
    }
    Simulation.Incidence incidence = baseYear == null ? null : new Simulation.Incidence(baseYear, reduction, years,
        classes == null ? new HashSet<>() : new HashSet<>(classes));
    Map<String, Integer> unreadable = new TreeMap<>();
    // the output is checked and opened before the portfolio is read
    try (OutputFile file = out == null ? null : OutputFile.create(out, Arrays.asList(rules, compare, in))) {
      org.ratefloat.batch.Batch.read(in, c -> {
        columns.forEach(col -> col.add(c));
        if (incidence != null) {
          try {
            int riskClass = c.employer().riskClassOverride().orElseGet(
                () -> current.classify(c.employer().industry()).riskClass());
            incidence.add(c, riskClass);
          } catch (RateFloatException unclassified) {
            unreadable.merge(unclassified.code().name(), 1, Integer::sum);
          }
        }
      }, (line, e) -> unreadable.merge(e.code().name(), 1, Integer::sum));
      byte[] json = Simulation.json(columns, incidence);
      if (file != null) {
        file.write(json);
        file.commit();
      } else {
        spec.commandLine().getOut().print(new String(json, StandardCharsets.UTF_8));
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    for (Simulation.Column col : columns) {
      Simulation.Totals t = col.total();
      err.printf("%s: %,d employers, income at benchmark %s, after floating %s (%s %%), payout ratio %s %% -> %s %%%n",
          col == columns.get(0) ? rules : compare, t.employers(), t.incomeAtBenchmark().setScale(2,
              java.math.RoundingMode.HALF_UP).toPlainString(), t.incomeAfter().setScale(2,
              java.math.RoundingMode.HALF_UP).toPlainString(), t.incomeChange(), t.payoutRatioBefore(),
          t.payoutRatioAfter());
      col.errors().forEach((code, n) -> err.printf("  refused %s %d%n", code, n));
    }
    unreadable.forEach((code, n) -> err.printf("  unreadable %s %d%n", code, n));
    return Main.OK;
  }
}
