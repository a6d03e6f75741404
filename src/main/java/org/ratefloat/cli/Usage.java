package org.ratefloat.cli;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.ratefloat.text.Catalogue;
import org.ratefloat.text.Language;
import org.ratefloat.text.Message;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Usage errors (exit 2): every option is checked, and every refusal is one coded line naming the
 * option, {@code ratefloat: CL003 --employers: must be at least 1: -5 (see ratefloat generate --help)}.
 * Values are converted here, so that a bad value is described in words and no Java type or exception
 * name reaches the user.
 */
final class Usage {
  private Usage() {}

  /** A command line a command does not accept, with its code and the option or argument at fault. */
  static final class Refusal extends ParameterException {
    private static final long serialVersionUID = 1L;

    private final UsageCode code;
    private final String where;
    private final String detail;
    /** The refusal as a sentence of the catalogue; null for one told in English only. */
    private final transient Message said;

    Refusal(CommandLine commandLine, UsageCode code, String where, String detail) {
      this(commandLine, code, where, detail, null);
    }

    Refusal(CommandLine commandLine, UsageCode code, String where, Message said) {
      this(commandLine, code, where, said.in(Language.EN), said);
    }

    private Refusal(CommandLine commandLine, UsageCode code, String where, String detail, Message said) {
      super(commandLine, code.name() + " " + where + ": " + detail);
      this.code = code;
      this.where = where;
      this.detail = detail;
      this.said = said;
    }

    /** The refusal without code and option, in a language. */
    String detail(Language lang) {
      return lang == Language.EN ? detail : said != null ? said.in(lang) : told(code, detail, lang);
    }
  }

  /** A value a converter refuses, as a sentence of the catalogue. */
  static final class Conversion extends TypeConversionException {
    private static final long serialVersionUID = 1L;

    private final transient Message said;

    Conversion(String key, Object... namesAndValues) {
      this(Message.of(key, namesAndValues));
    }

    private Conversion(Message said) {
      super(said.in(Language.EN));
      this.said = said;
    }
  }

  /** A refused option value ({@code CL003}). */
  static Refusal invalid(CommandSpec spec, String option, String detail) {
    return new Refusal(spec.commandLine(), UsageCode.CL003, option, detail);
  }

  /** A refused option value ({@code CL003}), said by a sentence of the catalogue. */
  static Refusal invalidBy(CommandSpec spec, String option, String key, Object... namesAndValues) {
    return new Refusal(spec.commandLine(), UsageCode.CL003, option, Message.of(key, namesAndValues));
  }

  /** A required option missing ({@code CL002}), where it is required only without another. */
  static Refusal missing(CommandSpec spec, String option, String detail) {
    return new Refusal(spec.commandLine(), UsageCode.CL002, option, detail);
  }

  /** A required option missing ({@code CL002}), said by a sentence of the catalogue. */
  static Refusal missingBy(CommandSpec spec, String option, String key, Object... namesAndValues) {
    return new Refusal(spec.commandLine(), UsageCode.CL002, option, Message.of(key, namesAndValues));
  }

  /**
   * A refusal the catalogue holds no sentence for, for a reader of {@code lang}: the code's meaning
   * and the values the English shows.
   */
  static String told(UsageCode code, String detail, Language lang) {
    List<String> shown = org.ratefloat.text.Values.of(detail, lang);
    String summary = code.summary(lang);
    return shown.isEmpty() ? summary : Catalogue.text(lang, "error.values", java.util.Map.of("summary", summary,
        "values", String.join(Catalogue.text(lang, "effect.list"), shown)));
  }

  /** Whether the option was given on the command line (not only defaulted). */
  static boolean given(CommandSpec spec, String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** Refuses {@code option} when it is given without {@code needed}. */
  static void requireWith(CommandSpec spec, String option, String needed) {
    if (given(spec, option) && !given(spec, needed)) {
      throw invalidBy(spec, option, "usage.onlyWith", "option", needed);
    }
  }

  static long inRange(CommandSpec spec, String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw invalidBy(spec, option, "usage.range", "min", min, "max", max, "value", value);
    }
    return value;
  }

  /** The measure a value names, by the name documents give it; a usage error listing the measures if none. */
  static org.ratefloat.model.Measure measure(CommandSpec spec, String option, String name) {
    return org.ratefloat.model.Measure.byJsonName(name).orElseThrow(() -> invalidBy(spec, option, "usage.notMeasure",
        "name", abbreviate(name), "measures", String.join(", ", new MeasureNames())));
  }

  /** The names of the measures, for the help of an option that takes one. */
  static final class MeasureNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(org.ratefloat.model.Measure.values())
          .map(org.ratefloat.model.Measure::jsonName).iterator();
    }
  }

  /** Refuses a file name without one of the extensions (the format is chosen by the extension). */
  static void extension(CommandSpec spec, String option, Path file, String... extensions) {
    if (file == null) {
      return;
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String e : extensions) {
      if (name.endsWith(e) && name.length() > e.length()) {
        return;
      }
    }
    throw invalidBy(spec, option, "usage.extension", "extensions", String.join(" or ", extensions), "list",
        String.join(" 或 ", extensions), "file", file);
  }

  /** The one line of a usage error, in English. */
  static String message(ParameterException e) {
    return message(e, Language.EN);
  }

  /**
   * The one line of a usage error in a language: the code and the option or argument as they are,
   * the fault in words (picocli's own help text stays English).
   */
  static String message(ParameterException e, Language lang) {
    if (lang == Language.EN) {
      return english(e);
    }
    CommandLine cl = e.getCommandLine();
    String help = Catalogue.text(lang, "usage.help", java.util.Map.of("command", cl.getCommandSpec().qualifiedName()));
    if (e instanceof Refusal u) {
      return line(u.code, u.where, u.detail(lang), lang) + help;
    }
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      String arg = unmatched.isEmpty() ? "" : unmatched.get(0);
      String what = arg.startsWith("-") ? "usage.unknownOption"
          : cl.getSubcommands().isEmpty() ? "usage.unexpectedArgument" : "usage.unknownCommand";
      List<String> suggestions = u.getSuggestions();
      return line(UsageCode.CL001, arg, Catalogue.text(lang, what) + (suggestions.isEmpty() ? ""
          : Catalogue.text(lang, "usage.didYouMean", java.util.Map.of("suggestions",
              String.join(Catalogue.text(lang, "usage.or"), suggestions)))), lang) + help;
    }
    if (e instanceof CommandLine.MissingParameterException m) {
      List<ArgSpec> missing = m.getMissing();
      String where = missing == null || missing.isEmpty() ? "ARGUMENT"
          : String.join(", ", missing.stream().map(Usage::name).toList());
      boolean option = missing != null && !missing.isEmpty() && missing.get(0).isOption();
      boolean value = e.getMessage() != null && e.getMessage().contains("parameter for option");
      return line(UsageCode.CL002, where, Catalogue.text(lang, value ? "usage.needsValue" : option
          ? "usage.requiredOption" : "usage.requiredArgument"), lang) + help;
    }
    ArgSpec arg = e instanceof CommandLine.OverwrittenOptionException o ? o.getOverwritten() : e.getArgSpec();
    String where = arg == null ? cl.getCommandName() : name(arg);
    String detail;
    if (e instanceof CommandLine.OverwrittenOptionException) {
      detail = Catalogue.text(lang, "usage.givenTwice");
    } else if (arg != null && e.getCause() != null) {
      detail = e.getCause() instanceof Conversion c ? c.said.in(lang)
          : e.getCause() instanceof TypeConversionException t ? told(UsageCode.CL003, t.getMessage(), lang)
          : Catalogue.text(lang, "usage.invalidValue", java.util.Map.of("value", String.valueOf(e.getValue())));
    } else {
      detail = told(UsageCode.CL003, lowerFirst(e.getMessage()), lang);
    }
    return line(UsageCode.CL003, where, detail, lang) + help;
  }

  private static String line(UsageCode code, String where, String detail, Language lang) {
    return "ratefloat: " + Catalogue.text(lang, "error.line", java.util.Map.of("code", code.name(), "pointer", where,
        "detail", detail));
  }

  /** The one line of a usage error in English, as it always was. */
  private static String english(ParameterException e) {
    CommandLine cl = e.getCommandLine();
    String help = " (see " + cl.getCommandSpec().qualifiedName() + " --help)";
    if (e instanceof Refusal u) {
      return "ratefloat: " + u.code.name() + " " + u.where + ": " + u.detail + help;
    }
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      String arg = unmatched.isEmpty() ? "" : unmatched.get(0);
      String what = arg.startsWith("-") ? "unknown option"
          : cl.getSubcommands().isEmpty() ? "unexpected argument" : "unknown command";
      List<String> suggestions = u.getSuggestions();
      return "ratefloat: " + UsageCode.CL001.name() + " " + arg + ": " + what
          + (suggestions.isEmpty() ? "" : ", did you mean " + String.join(" or ", suggestions) + "?") + help;
    }
    if (e instanceof CommandLine.MissingParameterException m) {
      List<ArgSpec> missing = m.getMissing();
      String where = missing == null || missing.isEmpty() ? "ARGUMENT"
          : String.join(", ", missing.stream().map(Usage::name).toList());
      boolean option = missing != null && !missing.isEmpty() && missing.get(0).isOption();
      boolean value = e.getMessage() != null && e.getMessage().contains("parameter for option");
      return "ratefloat: " + UsageCode.CL002.name() + " " + where + ": "
          + (value ? "needs a value" : option ? "required option missing" : "required argument missing") + help;
    }
    ArgSpec arg = e instanceof CommandLine.OverwrittenOptionException o ? o.getOverwritten() : e.getArgSpec();
    String where = arg == null ? cl.getCommandName() : name(arg);
    String detail;
    if (e instanceof CommandLine.OverwrittenOptionException) {
      detail = "given more than once";
    } else if (arg != null && e.getCause() != null) {
      detail = e.getCause() instanceof TypeConversionException t ? t.getMessage()
          : "invalid value '" + e.getValue() + "'";
    } else {
      detail = lowerFirst(e.getMessage());
    }
    return "ratefloat: " + UsageCode.CL003.name() + " " + where + ": " + detail + help;
  }

  private static String name(ArgSpec arg) {
    if (arg instanceof OptionSpec o) {
      return o.longestName();
    }
    return ((PositionalParamSpec) arg).paramLabel();
  }

  private static String lowerFirst(String s) {
    return s == null || s.isEmpty() ? "not accepted" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  // ------------------------------------------------------------------ converters

  static void registerConverters(CommandLine cli) {
    cli.registerConverter(LocalDate.class, Usage::date);
    cli.registerConverter(YearMonth.class, Usage::month);
    cli.registerConverter(BigDecimal.class, Usage::decimal);
    cli.registerConverter(Path.class, Usage::path);
    cli.registerConverter(TableReference.class, TableReference::parse);
    cli.registerConverter(org.ratefloat.text.Language.class, LanguageOption::parse);
  }

  private static LocalDate date(String text) {
    return calendar(text, "[0-9]{4}-[0-9]{2}-[0-9]{2}", LocalDate::parse, "usage.notDate", "usage.notCalendarDate");
  }

  private static YearMonth month(String text) {
    return calendar(text, "[0-9]{4}-[0-9]{2}", YearMonth::parse, "usage.notMonth", "usage.notCalendarMonth");
  }

  /** A date or month of the given shape that is on the calendar (no 2025-02-30, no 2025-13). */
  private static <T> T calendar(String text, String shape, java.util.function.Function<String, T> parse,
      String shapeName, String calendarName) {
    if (!text.matches(shape)) {
      throw new Conversion(shapeName, "text", abbreviate(text));
    }
    try {
      return parse.apply(text);
    } catch (DateTimeException e) {
      throw new Conversion(calendarName, "text", text);
    }
  }

  /** A plain decimal, as in the JSON documents: no exponent, at most 40 characters. */
  private static BigDecimal decimal(String text) {
    if (text.length() > 40 || !text.matches("-?[0-9]+(\\.[0-9]+)?")) {
      throw new Conversion("usage.notDecimal", "text", abbreviate(text));
    }
    return new BigDecimal(text);
  }

  static Path path(String text) {
    if (text.isEmpty()) {
      throw new Conversion("usage.emptyFileName");
    }
    // Path.of drops a trailing separator, which would turn the name of a folder into a file's
    if (text.length() > 1 && (text.endsWith("/") || text.endsWith(java.io.File.separator))) {
      throw new Conversion("usage.folder", "text", abbreviate(text));
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new Conversion("usage.notFileName", "text", abbreviate(text));
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 48 ? text : text.substring(0, 45) + "...";
  }
}
