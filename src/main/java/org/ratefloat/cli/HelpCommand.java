package org.ratefloat.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ratefloat help [COMMAND]}: the usage of the command line or of one command. A name that is
 * no command is refused as a mistyped command is ({@code ratefloat decidee}): the same code, the same
 * suggestion, one path.
 */
@Command(name = "help", helpCommand = true,
    description = "Print the options of a command (as ratefloat COMMAND --help), or the commands.")
final class HelpCommand implements Runnable {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "COMMAND", description = "the command")
  String command;

  @Override
  public void run() {
    CommandLine top = spec.parent().commandLine();
    CommandLine shown = top;
    if (command != null) {
      shown = top.getSubcommands().get(command);
      if (shown == null) {
        throw new CommandLine.UnmatchedArgumentException(top, List.of(command));
      }
    }
    shown.usage(spec.commandLine().getOut());
  }
}
