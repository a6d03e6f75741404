package org.ratefloat.rules;

import org.ratefloat.error.Finding;
import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.error.RuleTableException;

/**
 * Checks a set of rule-table, classification and reference-data files: every load error and every finding of the
 * static analysis for each file, and across files two versions of one table whose effective periods
 * overlap.
 */
public final class Linter {
  private Linter() {}

  /** What was found in one file. */
  public record FileReport(Path file, ImmutableList<Finding> findings) {}

  /** Lints the files, each once (see {@link org.ratefloat.io.InputFiles#distinct}). */
  public static ImmutableList<FileReport> lint(List<Path> given) {
    List<Path> files = org.ratefloat.io.InputFiles.distinct(given);
    List<FileReport> reports = new ArrayList<>();
    Map<String, List<RuleTableSpec>> byId = new LinkedHashMap<>();
    Map<RuleTableSpec, Integer> reportOf = new LinkedHashMap<>();
    for (Path file : files) {
      List<Finding> findings = new ArrayList<>();
      try {
        RuleTables.Named named = RuleTables.read(file);
        if (RuleTables.isClassification(named)) {
          RuleTables.loadClassification(file);
        } else if (RuleTables.isReference(named)) {
          RuleTables.loadReference(file);
        } else {
          LoadedTable table = RuleTables.resolve(named, RuleTables.beside(file));
          findings.addAll(table.findings());
          byId.computeIfAbsent(table.measure().id(), k -> new ArrayList<>()).add(table.measure());
          reportOf.put(table.measure(), reports.size());
        }
      } catch (RuleTableException e) {
        // the file's name is said once, by the report; a fault of another file (a base table) names it
        boolean here = e.source().equals(file.toString())
            || file.getFileName() != null && e.source().equals(file.getFileName().toString());
        findings.add(new Finding(e.code(), Finding.Severity.ERROR, e.source(), e.pointer(), e.detail()
            .substring(here ? e.source().length() + 2 : 0)));
      } catch (RateFloatException e) {
        findings.add(new Finding(e.code(), Finding.Severity.ERROR, file.toString(), e.pointer(), e.detail()));
      }
      reports.add(new FileReport(file, ImmutableList.copyOf(findings)));
    }
    for (List<RuleTableSpec> versions : byId.values()) {
      for (int i = 0; i < versions.size(); i++) {
        for (int j = i + 1; j < versions.size(); j++) {
          RuleTableSpec a = versions.get(i);
          RuleTableSpec b = versions.get(j);
          if (overlap(a, b)) {
            int index = reportOf.get(b);
            List<Finding> findings = new ArrayList<>(reports.get(index).findings());
            findings.add(new Finding(ErrorCode.RT027, Finding.Severity.ERROR, b.source(), "/effectiveFrom",
                "table " + b.id() + " version " + b.version() + " (" + period(b) + ") overlaps version "
                    + a.version() + " (" + period(a) + ") in " + a.source()));
            reports.set(index, new FileReport(reports.get(index).file(), ImmutableList.copyOf(findings)));
          }
        }
      }
    }
    return ImmutableList.copyOf(reports);
  }

  private static boolean overlap(RuleTableSpec a, RuleTableSpec b) {
    LocalDate aEnd = a.effectiveTo().orElse(LocalDate.MAX);
    LocalDate bEnd = b.effectiveTo().orElse(LocalDate.MAX);
    return !a.effectiveFrom().isAfter(bEnd) && !b.effectiveFrom().isAfter(aEnd);
  }

  private static String period(RuleTableSpec t) {
    return t.effectiveFrom() + ".." + t.effectiveTo().map(Object::toString).orElse("");
  }
}
