package org.ratefloat.cli;

import org.ratefloat.text.Catalogue;
import org.ratefloat.text.Language;
import org.ratefloat.text.Message;
import org.ratefloat.text.Printable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ratefloat.RateFloat;
import org.ratefloat.error.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratefloat lint}: check rule tables and classifications, alone and against each other. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Check rule tables: load errors, gaps, overlaps, rows that never fire, band results "
        + "off the ladder, step order, unused indicators, overlapping versions. Exit 4 on errors. "
        + "A file named twice is checked once.")
final class LintCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  /**
   * Findings as JSON: two-space indentation, {@code "key": value}, one line a member. Made when
   * first used: every command object is made at start, and a mapper takes long to make.
   */
  private static final class Out {
    static final com.fasterxml.jackson.databind.ObjectWriter JSON_OUT =
        new com.fasterxml.jackson.databind.ObjectMapper().writer(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
            .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)
                .withArrayEmptySeparator("").withObjectEmptySeparator(""))
            .withArrayIndenter(com.fasterxml.jackson.core.util.DefaultIndenter.SYSTEM_LINEFEED_INSTANCE
                .withLinefeed("\n"))
            .withObjectIndenter(com.fasterxml.jackson.core.util.DefaultIndenter.SYSTEM_LINEFEED_INSTANCE
                .withLinefeed("\n")));
  }

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  LanguageOption lang;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "output format (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--strict", description = "also fail (exit 4) on warnings")
  boolean strict;

  @Option(names = "--quiet", description = "print errors and warnings only, not infos or ok lines")
  boolean quiet;

  @Parameters(paramLabel = "FILE|ID", arity = "1..*",
      description = "rule-table, classification, reference-data, ranking-definition (*.ranking.json), regions "
          + "(*.regions.json) or industry-names (*.industry-names.json) files, or the id of a bundled one "
          + "(e.g. cn-zj-hangzhou, cn-hn-key-industries)")
  List<TableReference> files;

  @Override
  public Integer call() throws java.io.IOException {
    if (quiet && format == Format.json) {
      throw Usage.invalidBy(spec, "--quiet", "usage.onlyWith", "option", "--format text");
    }
    PrintWriter out = spec.commandLine().getOut();
    // the rule format's documents are the library's to lint; those of the portfolio tools are loaded here
    List<String> tables = files.stream().filter(f -> portfolioDocument(f).isEmpty()).map(TableReference::name)
        .toList();
    List<RateFloat.LintReport> reports = new java.util.ArrayList<>(RateFloat.lintFilesOrIds(tables));
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<Path> distinct = org.ratefloat.io.InputFiles.distinct(files.stream().map(TableReference::path).toList());
    for (TableReference f : files) {
      java.util.Optional<java.util.function.Consumer<String>> load = portfolioDocument(f);
      // a file named twice, or through another path to it, is checked once; an id too
      if (load.isPresent() && distinct.contains(f.path()) && seen.add(f.name())) {
        List<Finding> found = new java.util.ArrayList<>();
        try {
          load.get().accept(f.name());
        } catch (org.ratefloat.error.RateFloatException e) {
          found.add(Finding.of(e, f.name(), e.detail()));
        }
        reports.add(new RateFloat.LintReport(f.path(), found));
      }
    }
    Language l = lang.get();
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    for (RateFloat.LintReport r : reports) {
      for (Finding f : r.findings()) {
        switch (f.severity()) {
          case ERROR -> errors++;
          case WARNING -> warnings++;
          case INFO -> infos++;
        }
        if (format == Format.json) {
          ObjectNode o = json.addObject();
          o.put("file", r.file().toString());
          o.put("code", f.code().name());
          o.put("severity", f.severity().jsonName());
          o.put("pointer", f.pointer());
          o.put("message", f.message());
        } else if (!quiet || f.severity() != Finding.Severity.INFO) {
          out.println(Printable.escape(Message.of("lint.finding", "file", r.file(), "code", f.code().name(),
              "severity", Catalogue.text(l, "severity." + f.severity().jsonName()),
              "pointer", f.pointer().isEmpty() ? "/" : f.pointer(), "message", f.message(l.locale())).in(l)));
        }
      }
      if (format == Format.text && !quiet && r.findings().stream()
          .noneMatch(f -> f.severity() != Finding.Severity.INFO)) {
        out.println(Printable.escape(Message.of("lint.ok", "file", r.file()).in(l)));
      }
    }
    if (format == Format.json) {
      out.print(Out.JSON_OUT.writeValueAsString(json) + "\n");
    } else {
      out.println(Message.of("lint.summary", "files", reports.size(), "errors", errors, "warnings", warnings,
          "infos", infos).in(l));
    }
    return errors > 0 || (strict && warnings > 0) ? Main.BAD_RULES : Main.OK;
  }

  /**
   * How a document of the portfolio tools is loaded (every check its loader makes), chosen by its
   * file name as the tools find it, or, for the id of a bundled one with no file of that name here, by
   * the kind of document that id names; empty for the rule-table formats, which the library lints.
   */
  private static java.util.Optional<java.util.function.Consumer<String>> portfolioDocument(TableReference f) {
    String name = f.path().getFileName() == null ? f.name() : f.path().getFileName().toString();
    boolean id = !java.nio.file.Files.exists(f.path(), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    if (name.endsWith(".ranking.json") || id && org.ratefloat.ranking.Ranking.bundledDefinitions().contains(name)) {
      return java.util.Optional.of(org.ratefloat.ranking.Ranking::load);
    }
    if (name.endsWith(org.ratefloat.registry.Regions.SUFFIX)
        || id && org.ratefloat.registry.Regions.bundledIds().contains(name)) {
      return java.util.Optional.of(org.ratefloat.registry.Regions::load);
    }
    if (name.endsWith(org.ratefloat.registry.IndustryNames.SUFFIX)
        || id && org.ratefloat.registry.IndustryNames.bundledIds().contains(name)) {
      return java.util.Optional.of(org.ratefloat.registry.IndustryNames::load);
    }
    return java.util.Optional.empty();
  }
}
