package org.ratefloat.rules;

import org.ratefloat.document.DocumentFiles;
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

  /**
   * What is linted: the name the report gives it, how its bytes are read, and where the documents it
   * names are found (next to a file, then among the bundled ones; for a bundled document, among them).
   */
  private record Target(Path shown, java.util.function.Supplier<DocumentFiles.Named> read, DocumentFiles.Source refs) {
    static Target file(Path file) {
      return new Target(file, () -> DocumentFiles.read(file), DocumentFiles.beside(file));
    }

    /**
     * A bundled table, classification or reference data by its id; one that is none of them is a
     * finding, {@code RT030}, saying where it looked and which ids there are.
     */
    static Target bundled(String id) {
      return new Target(Path.of(id), () -> DocumentFiles.bundledFile(id + ".json")
          .or(() -> DocumentFiles.bundledFile(id + DocumentFiles.REFERENCE_SUFFIX + ".json"))
          .orElseThrow(() -> DocumentFiles.notFound(id, "table, classification or reference data",
              DocumentFiles.bundled().where(id), RuleTables.bundledTableIds())), DocumentFiles.bundled());
    }
  }

  /** Lints the files, each once (see {@link org.ratefloat.io.InputFiles#distinct}). */
  public static ImmutableList<FileReport> lint(List<Path> given) {
    return lintTargets(org.ratefloat.io.InputFiles.distinct(given).stream().map(Target::file).toList());
  }

  /**
   * Lints documents named as the command line names a rule table: a file at that path, else the
   * bundled document of that id (a table, a classification or reference data); a file named twice,
   * or through another path to it, and an id named twice are linted once.
   */
  public static ImmutableList<FileReport> lintFilesOrIds(List<String> given) {
    List<Path> files = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String name : given) {
      java.util.Optional<Path> file = DocumentFiles.asFile(name);
      if (file.isPresent()) {
        files.add(file.get());
      }
      names.add(name);
    }
    List<Path> distinctFiles = org.ratefloat.io.InputFiles.distinct(files);
    List<Target> targets = new ArrayList<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    java.util.Set<Path> kept = new java.util.HashSet<>(distinctFiles);
    for (String name : names) {
      java.util.Optional<Path> file = DocumentFiles.asFile(name);
      if (file.isPresent()) {
        if (kept.remove(file.get())) {
          targets.add(Target.file(file.get()));
        }
      } else if (ids.add(name)) {
        targets.add(Target.bundled(name));
      }
    }
    return lintTargets(targets);
  }

  private static ImmutableList<FileReport> lintTargets(List<Target> targets) {
    List<FileReport> reports = new ArrayList<>();
    Map<String, List<RuleTableSpec>> byId = new LinkedHashMap<>();
    Map<RuleTableSpec, Integer> reportOf = new LinkedHashMap<>();
    for (Target target : targets) {
      Path file = target.shown();
      List<Finding> findings = new ArrayList<>();
      try {
        DocumentFiles.Named named = target.read().get();
        if (RuleTables.isClassification(named)) {
          RuleTables.parseClassification(named);
        } else if (RuleTables.isReference(named)) {
          RuleTables.parseReference(named);
        } else {
          LoadedTable table = RuleTables.resolve(named, target.refs());
          findings.addAll(table.findings());
          byId.computeIfAbsent(table.measure().id(), k -> new ArrayList<>()).add(table.measure());
          reportOf.put(table.measure(), reports.size());
        }
      } catch (RuleTableException e) {
        // the file's name is said once, by the report; a fault of another file (a base table) names it
        boolean here = e.source().equals(file.toString())
            || file.getFileName() != null && e.source().equals(file.getFileName().toString());
        findings.add(Finding.of(e, e.source(), e.detail().substring(here ? e.source().length() + 2 : 0)));
      } catch (RateFloatException e) {
        findings.add(Finding.of(e, file.toString(), e.detail()));
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
