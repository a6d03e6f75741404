package org.ratefloat.cli;

import java.nio.file.Path;
import org.ratefloat.RuleTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --rules}: the rule table a command decides with, declared, documented and converted here
 * once for every command that needs one (a mixin).
 */
final class TableOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--rules", required = true, paramLabel = "FILE|ID",
      description = "the rule table: a file, or the id of a bundled table (e.g. cn-zj-hangzhou)")
  TableReference rules;

  /**
   * The table, with the warning on stderr when an id resolved to the bundled copy while a file of that
   * id with other bytes lies where the user would expect it ({@code near} are the files the command
   * reads).
   */
  RuleTable load(boolean analyse, Path... near) {
    return Tables.load(command, rules, analyse, near);
  }

  /** The table, with that warning. */
  RuleTable load(Path... near) {
    return load(true, near);
  }

  /** The table, without looking for a file the bundled copy stands in for (commands that decide no case). */
  RuleTable loadQuietly() {
    return rules.load(true);
  }

  @Override
  public String toString() {
    return rules.toString();
  }
}
