package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The options every command shares are declared once (picocli mixins) and behave the same in every
 * command; a table is named by file or by id everywhere, lint included; a name that is no command is
 * refused one way; a run that refuses records says why, not only how many.
 */
class SharedOptionsTest {
  private static final String HUNAN = "rules/cn-hn-provisional.json";
  private static final String MONTHLY = "examples/hunan-monthly-portfolio.ndjson";

  @TempDir
  Path tmp;

  @Test
  void everyCommandThatReadsARuleTableTakesItThroughTheOneOption() {
    CommandLine all = Main.commandLine();
    for (String name : List.of("decide", "explain", "verify", "batch", "simulate", "credibility")) {
      CommandLine.Model.CommandSpec command = all.getSubcommands().get(name).getCommandSpec();
      assertTrue(command.mixins().values().stream().anyMatch(m -> m.userObject() instanceof TableOption), name);
      assertEquals(TableReference.class, command.findOption("--rules").type(), name);
    }
    for (String name : List.of("batch", "simulate", "credibility")) {
      CommandLine.Model.CommandSpec command = all.getSubcommands().get(name).getCommandSpec();
      assertTrue(command.mixins().values().stream().anyMatch(m -> m.userObject() instanceof PortfolioOption), name);
    }
    for (String name : List.of("batch", "simulate", "rank", "credibility")) {
      CommandLine.Model.CommandSpec command = all.getSubcommands().get(name).getCommandSpec();
      assertTrue(command.mixins().values().stream().anyMatch(m -> m.userObject() instanceof Refusals), name);
    }
  }

  @Test
  void aTableNamedAsAFolderIsRefusedAlikeByEveryCommand() {
    for (String[] args : new String[][] {{"decide", "--rules", "rules/", "x.json"}, {"verify", "--rules", "rules/",
        "x.json"}, {"batch", "--rules", "rules/", "--in", "x.ndjson", "--out", "y.ndjson"}, {"simulate", "--rules",
        "", "--in", "x.ndjson"}}) {
      CliTest.Run r = CliTest.run(args);
      assertEquals(2, r.code(), String.join(" ", args));
      assertTrue(r.err().startsWith("ratefloat: CL003 --rules: "), r.err());
    }
  }

  @Test
  void lintTakesTheIdOfABundledDocument() {
    CliTest.Run r = CliTest.run("lint", "cn-zj-hangzhou", "cn-national-2015", "cn-hn-key-industries", "cn-hn",
        "cn-credibility-example", "cn-zj-hangzhou");
    assertEquals(0, r.code(), r.out() + r.err());
    // an id named twice is checked once
    assertTrue(r.out().contains("5 file(s): 0 error(s), 0 warning(s)"), r.out());
    for (String id : List.of("cn-zj-hangzhou", "cn-national-2015", "cn-hn-key-industries", "cn-hn",
        "cn-credibility-example")) {
      assertTrue(r.out().contains(id + ": ok\n"), r.out());
    }
    CliTest.Run none = CliTest.run("lint", "cn-nowhere");
    assertEquals(4, none.code(), none.out());
    assertTrue(none.out().startsWith("cn-nowhere: RT030 error"), none.out());
    assertTrue(none.out().contains("cn-zj-hangzhou"), "the message lists the bundled ids: " + none.out());
  }

  @Test
  void anUnknownCommandIsRefusedOneWayWhetherTypedOrAskedHelpFor() {
    CliTest.Run typed = CliTest.run("decidee");
    CliTest.Run help = CliTest.run("help", "decidee");
    assertEquals(2, typed.code());
    assertEquals(2, help.code());
    assertEquals("ratefloat: CL001 decidee: unknown command, did you mean decide? (see ratefloat --help)\n",
        typed.err());
    assertEquals(typed.err(), help.err());
    CliTest.Run foo = CliTest.run("help", "foo");
    assertEquals(2, foo.code());
    assertTrue(foo.err().startsWith("ratefloat: CL001 foo: unknown command"), foo.err());
  }

  @Test
  void theHelpOfCredibilityListsTheMeasuresItsMessageNames() {
    CliTest.Run help = CliTest.run("credibility", "--help");
    CliTest.Run bad = CliTest.run("credibility", "--rules", HUNAN, "--in", MONTHLY, "--numerator", "claims");
    assertEquals(2, bad.code());
    for (String measure : List.of("payroll", "premiumsPaid", "benefitsPaid", "injuries", "accidents")) {
      assertTrue(help.out().replaceAll("\\s+", " ").contains(measure), measure + " not in " + help.out());
      assertTrue(bad.err().contains(measure), bad.err());
    }
    assertTrue(bad.err().startsWith("ratefloat: CL003 --numerator: not a measure: claims (the measures: payroll, "),
        bad.err());
  }

  @Test
  void aRunThatRefusesRecordsShowsTheFirstMessageOfEachCode() throws Exception {
    // two employers: one decidable, one whose history starts after its as-of date (refused, IN008)
    Path portfolio = tmp.resolve("two.ndjson");
    String good = Files.readString(Path.of("examples/cn-hn-provisional/machinery.json")).replace("\n", "");
    String bad = good.replace("\"asOf\": \"2025-01-01\"", "\"asOf\": \"2001-01-01\"");
    assertTrue(!bad.equals(good), "the example's as-of date was found");
    Files.writeString(portfolio, good + "\n" + bad + "\n");
    CliTest.Run batch = CliTest.run("batch", "--rules", HUNAN, "--in", portfolio.toString(), "--out",
        tmp.resolve("o.ndjson").toString());
    assertEquals(7, batch.code(), batch.err());
    String line = batch.err().lines().filter(l -> l.startsWith("  refused ")).findFirst().orElseThrow();
    assertTrue(line.matches("  refused IN0\\d\\d 1, e\\.g\\. line 2 /\\S*: .+"), line);
    CliTest.Run simulate = CliTest.run("simulate", "--rules", HUNAN, "--in", portfolio.toString());
    assertEquals(7, simulate.code(), simulate.err());
    assertTrue(simulate.err().lines().anyMatch(l -> l.matches("  (refused|unreadable) IN0\\d\\d 1, e\\.g\\. /\\S*: .+")),
        simulate.err());
    // credibility needs classes of several employers: a generated portfolio, and one line that is no case
    Path generated = tmp.resolve("generated.ndjson");
    assertEquals(0, CliTest.run("generate", "--employers", "200", "--seed", "3", "--years", "3", "--out",
        generated.toString()).code());
    Files.writeString(generated, "not a case\n", java.nio.file.StandardOpenOption.APPEND);
    CliTest.Run credibility = CliTest.run("credibility", "--rules", "cn-national-2015", "--in", generated.toString());
    assertEquals(7, credibility.code(), credibility.err());
    assertTrue(credibility.err().lines().anyMatch(l -> l.matches("  refused IN0\\d\\d 1, e\\.g\\. /\\S*: .+")),
        credibility.err());
  }
}
