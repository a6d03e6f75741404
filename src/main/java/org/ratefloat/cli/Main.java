package org.ratefloat.cli;

import org.ratefloat.text.Language;
import org.ratefloat.text.Printable;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.ratefloat.error.InputException;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.error.UndeterminedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ratefloat} command. */
@Command(name = "ratefloat", mixinStandardHelpOptions = true, version = "ratefloat " + RateFloat.VERSION,
    description = "Work-injury insurance rate floating from declarative rule tables.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:internal error", "2:usage error", "3:bad input",
        "4:bad rule table", "5:verification mismatch", "6:the rule table cannot decide this case",
        "7:some records were refused, the others computed (0 with --allow-errors)"})
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int USAGE = 2;
  public static final int BAD_INPUT = 3;
  public static final int BAD_RULES = 4;
  public static final int MISMATCH = 5;
  public static final int UNDETERMINED = 6;
  public static final int PARTIAL = 7;

  /**
   * The sub-commands, in the order help lists them. Building one (its options from its annotations,
   * the classes it names) costs time at every start, so a command line that names one builds only
   * that one.
   */
  private static final java.util.Map<String, Class<?>> COMMANDS = commands();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private static java.util.Map<String, Class<?>> commands() {
    java.util.Map<String, Class<?>> commands = new java.util.LinkedHashMap<>();
    commands.put("decide", DecideCommand.class);
    commands.put("explain", ExplainCommand.class);
    commands.put("verify", VerifyCommand.class);
    commands.put("lint", LintCommand.class);
    commands.put("classify", ClassifyCommand.class);
    commands.put("thresholds", ThresholdsCommand.class);
    commands.put("notice", NoticeCommand.class);
    commands.put("batch", BatchCommand.class);
    commands.put("generate", GenerateCommand.class);
    commands.put("rank", RankCommand.class);
    commands.put("simulate", SimulateCommand.class);
    commands.put("report", ReportCommand.class);
    commands.put("credibility", CredibilityCommand.class);
    commands.put("help", HelpCommand.class);
    return java.util.Collections.unmodifiableMap(commands);
  }

  /**
   * The command line with the sub-commands {@code args} may reach: the one its first argument names
   * (the top level has no option that takes a value, so the first argument is a command or an
   * option), or all of them when it names none (help, version, a mistyped name: picocli's answer then
   * lists or suggests them all, as it always did).
   */
  static CommandLine commandLine(String... args) {
    CommandLine cli = new CommandLine(new Main());
    Class<?> named = args.length == 0 || "help".equals(args[0]) ? null : COMMANDS.get(args[0]);
    if (named != null) {
      cli.addSubcommand(args[0], named);
    } else {
      COMMANDS.forEach(cli::addSubcommand);
    }
    return cli;
  }

  @Override
  public void run() {
    throw new Usage.Refusal(spec.commandLine(), UsageCode.CL002, "COMMAND", "name a command");
  }

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
  }

  /** Runs the command line with the given streams and the process's environment; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), args);
  }

  /**
   * Runs the command line with the given streams and environment (of which it reads
   * {@value LanguageOption#ENVIRONMENT}); returns the exit code.
   */
  public static int run(PrintWriter out, PrintWriter err, java.util.Map<String, String> environment, String... args) {
    CommandLine cli = commandLine(args);
    Usage.registerConverters(cli);
    cli.setDefaultValueProvider(LanguageOption.fromEnvironment(environment));
    cli.setOut(out);
    cli.setErr(err);
    Language lang = LanguageOption.ofErrors(args, environment);
    cli.setParameterExceptionHandler((e, ignored) -> {
      print(e.getCommandLine().getErr(), Usage.message(e, lang));
      return USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      print(commandLine.getErr(), message(e, lang));
      return exitCode(e);
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Prints an error: the one place where every failure is written, as one line whose control
   * characters are escaped.
   */
  static void print(PrintWriter err, String message) {
    err.println(Printable.escape(message));
    err.flush();
  }

  static String message(Exception e) {
    return message(e, Language.EN);
  }

  /** The line of a failure, its message in a language where the message has one. */
  static String message(Exception e, Language lang) {
    if (e instanceof ArgumentFault a) {
      return "ratefloat: " + a.message(lang);
    }
    if (e instanceof RateFloatException r) {
      return "ratefloat: " + r.message(lang.locale());
    }
    if (e instanceof UncheckedIOException || e instanceof java.io.IOException) {
      return "ratefloat: " + e.getMessage();
    }
    return "ratefloat: internal error: " + e;
  }

  static int exitCode(Exception e) {
    if (e instanceof ArgumentFault a) {
      return exitCode(a.fault());
    }
    if (e instanceof InputException || e instanceof UncheckedIOException || e instanceof java.io.IOException) {
      return BAD_INPUT;
    }
    if (e instanceof RuleTableException) {
      return BAD_RULES;
    }
    if (e instanceof UndeterminedException) {
      return UNDETERMINED;
    }
    if (e instanceof ExplainCommand.ForeignTable) {
      return MISMATCH;
    }
    return INTERNAL;
  }
}
