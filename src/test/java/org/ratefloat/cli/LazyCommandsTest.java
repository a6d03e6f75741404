package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command line that names a command builds that command alone; any other builds them all. */
class LazyCommandsTest {
  private static final List<String> ALL = List.of("decide", "explain", "verify", "lint", "classify", "thresholds",
      "notice", "batch", "generate", "rank", "simulate", "report", "credibility", "help");

  @Test
  void aNamedCommandIsTheOnlyOneBuilt() {
    for (String name : ALL.subList(0, ALL.size() - 1)) {
      assertEquals(List.of(name), List.copyOf(Main.commandLine(name, "--help").getSubcommands().keySet()));
    }
  }

  @Test
  void withoutACommandNameAllAreBuiltInHelpOrder() {
    for (String[] args : new String[][] {{}, {"--help"}, {"-V"}, {"help", "decide"}, {"decid"}}) {
      assertEquals(ALL, List.copyOf(Main.commandLine(args).getSubcommands().keySet()), String.join(" ", args));
    }
  }

  @Test
  void helpStillListsEveryCommandAndAMistypedOneIsStillAnswered() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(Main.OK, Main.run(new PrintWriter(out), new PrintWriter(err), "--help"));
    for (String name : ALL) {
      assertTrue(out.toString().contains("  " + name + " "), name);
    }
    StringWriter err2 = new StringWriter();
    assertEquals(Main.USAGE, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err2), "decid"));
    assertTrue(err2.toString().startsWith("ratefloat: "), err2.toString());
  }
}
