package org.ratefloat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The layers of the library, checked on the compiled classes (so fully qualified names and
 * reflection-free references count too, unlike a search of import lines): no package cycles, and
 * data flows one way — errors and the input model at the bottom, the rule format and JSON above
 * them, the engine above those, the front door, then the portfolio tools and the command line.
 */
class LayersTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.ratefloat");

  /** Each package of the library is one slice, the root package included. */
  private static final SliceAssignment PACKAGES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(com.tngtech.archunit.core.domain.JavaClass c) {
      return c.getPackageName().startsWith("org.ratefloat") ? SliceIdentifier.of(c.getPackageName())
          : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "packages of org.ratefloat";
    }
  };

  @Test
  void noPackageCycles() {
    org.junit.jupiter.api.Assertions.assertTrue(CLASSES.contain(org.ratefloat.engine.Engine.class)
        && CLASSES.contain(org.ratefloat.cli.Main.class), "the library's classes were imported");
    SlicesRuleDefinition.slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void errorsAndTheModelDependOnNothingAbove() {
    noClasses().that().resideInAPackage("org.ratefloat.error").should().dependOnClassesThat()
        .resideInAnyPackage("org.ratefloat", "org.ratefloat.model", "org.ratefloat.decision", "org.ratefloat.rules",
            "org.ratefloat.engine", "org.ratefloat.json", "org.ratefloat.cli", "org.ratefloat.batch",
            "org.ratefloat.ranking", "org.ratefloat.simulation", "org.ratefloat.report", "org.ratefloat.synthetic")
        .check(CLASSES);
    noClasses().that().resideInAPackage("org.ratefloat.model").should().dependOnClassesThat()
        .resideInAnyPackage("org.ratefloat", "org.ratefloat.decision", "org.ratefloat.rules", "org.ratefloat.engine",
            "org.ratefloat.json", "org.ratefloat.cli", "org.ratefloat.batch", "org.ratefloat.ranking",
            "org.ratefloat.simulation", "org.ratefloat.report", "org.ratefloat.synthetic", "com.fasterxml..")
        .check(CLASSES);
  }

  @Test
  void filesInAndOutKnowNoneOfTheirReaders() {
    noClasses().that().resideInAPackage("org.ratefloat.io").should().dependOnClassesThat()
        .resideInAnyPackage("org.ratefloat", "org.ratefloat.model", "org.ratefloat.decision", "org.ratefloat.rules",
            "org.ratefloat.engine", "org.ratefloat.cli", "org.ratefloat.batch", "org.ratefloat.ranking",
            "org.ratefloat.simulation", "org.ratefloat.report", "org.ratefloat.synthetic")
        .check(CLASSES);
  }

  @Test
  void decisionsKnowOnlyTheModel() {
    noClasses().that().resideInAPackage("org.ratefloat.decision").should().dependOnClassesThat()
        .resideInAnyPackage("org.ratefloat", "org.ratefloat.rules", "org.ratefloat.engine", "org.ratefloat.json",
            "org.ratefloat.cli", "org.ratefloat.batch", "org.ratefloat.ranking", "org.ratefloat.simulation",
            "org.ratefloat.report", "org.ratefloat.synthetic", "com.fasterxml..")
        .check(CLASSES);
  }

  @Test
  void theCoreKnowsNothingOfThePortfolioToolsOrTheCommandLine() {
    noClasses().that().resideInAnyPackage("org.ratefloat", "org.ratefloat.error", "org.ratefloat.model",
            "org.ratefloat.decision", "org.ratefloat.rules", "org.ratefloat.engine", "org.ratefloat.json")
        .should().dependOnClassesThat().resideInAnyPackage("org.ratefloat.cli", "org.ratefloat.batch",
            "org.ratefloat.ranking", "org.ratefloat.simulation", "org.ratefloat.report", "org.ratefloat.synthetic",
            "org.ratefloat.credibility",
            "picocli..", "org.apache.commons.math3..", "com.fasterxml.jackson.dataformat..")
        .check(CLASSES);
  }

  @Test
  void theEngineAndTheRuleFormatKnowNoJsonOfDecisions() {
    noClasses().that().resideInAPackage("org.ratefloat.engine").should().dependOnClassesThat()
        .resideInAnyPackage("org.ratefloat", "org.ratefloat.json", "com.fasterxml..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("org.ratefloat.rules").should().dependOnClassesThat()
        .resideInAnyPackage("org.ratefloat", "org.ratefloat.engine", "org.ratefloat.decision")
        .check(CLASSES);
  }

  /**
   * The command line is a client of the library: it decides, verifies, explains and lints through
   * the exported API ({@code org.ratefloat}, {@code error}, {@code model}, {@code decision}), and
   * runs the portfolio tools, never the rule format, the engine or the JSON layer directly.
   */
  @Test
  void theCommandLineUsesTheApiNotTheInternalsOfDeciding() {
    noClasses().that().resideInAPackage("org.ratefloat.cli").should().dependOnClassesThat()
        .resideInAnyPackage("org.ratefloat.rules", "org.ratefloat.engine", "org.ratefloat.json")
        .check(CLASSES);
  }

  /**
   * What the compiled classes cannot show: a constant the compiler inlines (a {@code static final}
   * string or number) leaves no reference to its class behind, so the rule above would not see the
   * command line read one of the rule format's ({@code RuleTables.REFERENCE_SUFFIX} once slipped
   * through so). The sources name every use, by import, static import or qualified name.
   */
  @Test
  void theCommandLineSourcesNameNoneOfTheInternalsOfDeciding() throws Exception {
    java.util.regex.Pattern internal = java.util.regex.Pattern.compile("\\borg\\.ratefloat\\.(rules|engine|json)\\b");
    java.util.List<String> uses = new java.util.ArrayList<>();
    int read = 0;
    java.nio.file.Path cli = java.nio.file.Path.of("src/main/java/org/ratefloat/cli");
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(cli)) {
      for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(f);
        read++;
        for (int i = 0; i < lines.size(); i++) {
          if (internal.matcher(lines.get(i)).find()) {
            uses.add(f.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(read > 10, "the command line's sources were read: " + read);
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), uses);
  }

  /**
   * The lazily made values the engine hands the decision types (not exported) are ground: they know
   * nothing of the library, so that the decision package can use them without a cycle.
   */
  @Test
  void theInternalLazyValuesDependOnNothingOfTheLibrary() {
    noClasses().that().resideInAPackage("org.ratefloat.internal").should().dependOnClassesThat()
        .resideInAnyPackage("org.ratefloat", "org.ratefloat.error", "org.ratefloat.model", "org.ratefloat.decision",
            "org.ratefloat.rules", "org.ratefloat.engine", "org.ratefloat.json", "org.ratefloat.io", "org.ratefloat.cli",
            "org.ratefloat.batch", "org.ratefloat.text", "org.ratefloat.thresholds", "org.ratefloat.inverse",
            "org.ratefloat.notice", "com.fasterxml..")
        .check(CLASSES);
    org.junit.jupiter.api.Assertions.assertTrue(CLASSES.contain(org.ratefloat.internal.LazyList.class));
  }

  /**
   * The thresholds are values like a decision's: they know the model and the decision, never the
   * engine, the rule format or JSON; what finds them ({@code inverse}) sits beside the engine and
   * knows no front door; the notices read only the exported API.
   */
  @Test
  void thresholdsAreValuesFoundBesideTheEngine() {
    noClasses().that().resideInAPackage("org.ratefloat.thresholds").should().dependOnClassesThat()
        .resideInAnyPackage("org.ratefloat", "org.ratefloat.rules", "org.ratefloat.engine", "org.ratefloat.inverse",
            "org.ratefloat.json", "org.ratefloat.cli", "org.ratefloat.batch", "org.ratefloat.simulation",
            "org.ratefloat.report", "org.ratefloat.notice", "com.fasterxml..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("org.ratefloat.inverse").should().dependOnClassesThat()
        .resideInAnyPackage("org.ratefloat", "org.ratefloat.json", "org.ratefloat.cli", "org.ratefloat.batch",
            "org.ratefloat.simulation", "org.ratefloat.report", "org.ratefloat.notice", "com.fasterxml..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("org.ratefloat.notice").should().dependOnClassesThat()
        .resideInAnyPackage("org.ratefloat.rules", "org.ratefloat.engine", "org.ratefloat.inverse",
            "org.ratefloat.json", "org.ratefloat.cli", "com.fasterxml..")
        .check(CLASSES);
    noClasses().that().resideInAnyPackage("org.ratefloat", "org.ratefloat.thresholds", "org.ratefloat.inverse")
        .should().dependOnClassesThat().resideInAnyPackage("org.ratefloat.notice").check(CLASSES);
  }

  @Test
  void textSafetyDependsOnNothingOfTheLibrary() {
    noClasses().that().resideInAPackage("org.ratefloat.text").should().dependOnClassesThat()
        .resideInAnyPackage("org.ratefloat", "org.ratefloat.error", "org.ratefloat.model", "org.ratefloat.decision",
            "org.ratefloat.rules", "org.ratefloat.engine", "org.ratefloat.json", "org.ratefloat.io", "org.ratefloat.cli")
        .check(CLASSES);
  }

  /**
   * What every document shares sits below the rule format: it knows no rule table, engine, front
   * door or tool; and the portfolio tools read their documents through it and decide through the
   * front door, never through the rule format or the engine.
   */
  @Test
  void thePortfolioToolsReachTheRuleFormatOnlyThroughTheFrontDoor() {
    noClasses().that().resideInAPackage("org.ratefloat.document").should().dependOnClassesThat()
        .resideInAnyPackage("org.ratefloat", "org.ratefloat.rules", "org.ratefloat.engine", "org.ratefloat.decision",
            "org.ratefloat.cli", "org.ratefloat.batch", "org.ratefloat.ranking", "org.ratefloat.registry",
            "org.ratefloat.simulation", "org.ratefloat.report", "org.ratefloat.synthetic", "org.ratefloat.credibility",
            "org.ratefloat.notice", "org.ratefloat.thresholds", "org.ratefloat.inverse")
        .check(CLASSES);
    noClasses().that().resideInAnyPackage("org.ratefloat.batch", "org.ratefloat.ranking", "org.ratefloat.registry",
            "org.ratefloat.simulation", "org.ratefloat.report", "org.ratefloat.synthetic", "org.ratefloat.credibility",
            "org.ratefloat.notice")
        .should().dependOnClassesThat().resideInAnyPackage("org.ratefloat.rules", "org.ratefloat.engine")
        .check(CLASSES);
    org.junit.jupiter.api.Assertions.assertTrue(CLASSES.contain(org.ratefloat.ranking.Ranking.class)
        && CLASSES.contain(org.ratefloat.document.DocumentFiles.class));
  }
}
