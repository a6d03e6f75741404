package org.ratefloat.cli;

import java.util.Map;
import org.ratefloat.text.Language;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --lang zh|en}: the language a command speaks to people in (its errors, accounts, summaries,
 * findings and a Chinese CSV's headers), declared and documented here once for every command (a
 * mixin). Without the option the environment variable {@value #ENVIRONMENT} chooses; without either,
 * English, the language of the machine-facing outputs (a command written for an employer, such as
 * {@code thresholds} and {@code notice}, says what it defaults to). Numbers and dates are written the
 * same way in both ({@link java.util.Locale#ROOT}); the process's default locale changes nothing.
 */
final class LanguageOption {
  /** The environment variable that chooses the language when {@code --lang} is not given. */
  static final String ENVIRONMENT = "RATEFLOAT_LANG";

  @Option(names = "--lang", paramLabel = "zh|en",
      description = "the language of messages, accounts and summaries: zh (Chinese) or en (English); "
          + "default: the environment variable " + ENVIRONMENT + ", else en")
  Language lang;

  /** The language chosen, or English. */
  Language get() {
    return or(Language.EN);
  }

  /** The language chosen, or {@code fallback} when neither the option nor the environment chose one. */
  Language or(Language fallback) {
    return lang == null ? fallback : lang;
  }

  /** A language written on the command line or in the environment; a usage error for any other. */
  static Language parse(String text) {
    return Language.parse(text).orElseThrow(() -> new CommandLine.TypeConversionException(
        "expected one of [zh, en] (case-sensitive) but was '" + text + "'"));
  }

  /** Gives {@code --lang} the environment's language when the command line does not name one. */
  static CommandLine.IDefaultValueProvider fromEnvironment(Map<String, String> environment) {
    return arg -> arg.isOption() && "--lang".equals(((CommandLine.Model.OptionSpec) arg).longestName())
        ? environment.get(ENVIRONMENT) : null;
  }

  /**
   * The language of the error lines of a run, read from its arguments and environment before (and
   * whatever) picocli makes of them: the value of the last {@code --lang} that names a language, else
   * the environment's, else English.
   */
  static Language ofErrors(String[] args, Map<String, String> environment) {
    Language found = null;
    for (int i = 0; i < args.length; i++) {
      String value = args[i].equals("--lang") && i + 1 < args.length ? args[i + 1]
          : args[i].startsWith("--lang=") ? args[i].substring("--lang=".length()) : null;
      if (value != null) {
        found = Language.parse(value).orElse(found);
      }
    }
    if (found == null && environment.get(ENVIRONMENT) != null) {
      found = Language.parse(environment.get(ENVIRONMENT)).orElse(null);
    }
    return found == null ? Language.EN : found;
  }
}
