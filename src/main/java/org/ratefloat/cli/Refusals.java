package org.ratefloat.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.text.Catalogue;
import org.ratefloat.text.Language;
import org.ratefloat.text.Message;
import org.ratefloat.text.Printable;
import org.ratefloat.text.Values;
import picocli.CommandLine.Option;

/**
 * The records a portfolio run refused (batch, simulate, rank, credibility) and {@code --allow-errors},
 * which says what they do to the exit code (a mixin): counted by code, each code with the first
 * message it came with, so that a summary says why as well as how many. A run where some records
 * were refused exits 7, or 0 with {@code --allow-errors}.
 */
final class Refusals {
  @Option(names = "--allow-errors", description = "exit 0, not 7, when some records are refused")
  boolean allowErrors;

  private final SortedMap<String, Long> counts = new TreeMap<>();
  private final Map<String, Example> examples = new TreeMap<>();

  /**
   * The first refusal of a code: its exception, or its message as the run wrote it ({@code english}
   * a message to be said in the reader's language, else one already said in it).
   */
  private record Example(RateFloatException fault, String text, boolean english) {
    String in(Language lang, String code) {
      if (fault != null) {
        return (fault.pointer().isEmpty() ? "/" : fault.pointer()) + (lang == Language.EN ? ": " : "：")
            + fault.detail(lang.locale());
      }
      if (!english || lang == Language.EN || text.isEmpty()) {
        return text;
      }
      int colon = text.indexOf(": ");
      String where = colon < 0 ? "" : text.substring(0, colon);
      String detail = colon < 0 ? text : text.substring(colon + 2);
      ErrorCode known = code.matches("[A-Z]{2}[0-9]{3}") ? ErrorCode.valueOf(code) : null;
      String said = known != null ? known.detail(detail, Locale.CHINESE)
          : Catalogue.has("summary.reason." + key(code)) ? Message.of("summary.reason." + key(code) + ".example",
              "values", String.join(Catalogue.text(lang, "effect.list"), Values.of(text, lang))).in(lang)
          : detail;
      return known != null && !where.isEmpty() ? where + "：" + said : said;
    }
  }

  private static String key(String reason) {
    return reason.replace(' ', '-');
  }

  /** Counts a refusal; the first of its code is kept as the example. */
  void add(RateFloatException e) {
    counts.merge(e.code().name(), 1L, Long::sum);
    examples.putIfAbsent(e.code().name(), new Example(e, "", false));
  }

  /** Counts {@code n} refusals of {@code code}; {@code example} (English) is kept if it is the first of its code. */
  void add(String code, long n, String example) {
    counts.merge(code, n, Long::sum);
    examples.putIfAbsent(code, new Example(null, example, true));
  }

  /** Counts refusals made elsewhere: by code, with the first (English) message of each. */
  void addAll(Map<String, Long> byCode, Map<String, String> firstMessages) {
    byCode.forEach((code, n) -> add(code, n, firstMessages.getOrDefault(code, "")));
  }

  /** Counts refusals made elsewhere, whose messages are already in the reader's language. */
  void addAllSaid(Map<String, Long> byCode, Map<String, String> firstMessages) {
    byCode.forEach((code, n) -> {
      counts.merge(code, n, Long::sum);
      examples.putIfAbsent(code, new Example(null, firstMessages.getOrDefault(code, ""), false));
    });
  }

  boolean any() {
    return !counts.isEmpty();
  }

  /** The refusals by code, so far. */
  SortedMap<String, Long> counts() {
    return java.util.Collections.unmodifiableSortedMap(counts);
  }

  long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * One line a code, {@code   refused IN017 3, e.g. /history/1: …}, escaped; {@code word} is the
   * catalogue key of the word for what became of them ({@code summary.refused}).
   */
  void print(PrintWriter err, String word, Language lang) {
    counts.forEach((code, n) -> {
      String example = examples.get(code).in(lang, code);
      String said = Catalogue.has("summary.reason." + key(code)) ? Catalogue.text(lang, "summary.reason." + key(code)) : code;
      err.println(Printable.escape("  " + Message.of(example.isEmpty() ? "summary.refusal" : "summary.refusal.example",
          "word", Catalogue.text(lang, word), "code", said, "n", n, "example", example).in(lang)));
    });
  }

  /** 7 when some records were refused, unless {@code --allow-errors}; else 0. */
  int exitCode() {
    return any() && !allowErrors ? Main.PARTIAL : Main.OK;
  }
}
