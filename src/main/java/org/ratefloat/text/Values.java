package org.ratefloat.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of an English message without its English words: numbers, dates, amounts, quoted
 * texts, file names, pointers, codes and ids, in the order they come, each once; a key the glossary
 * knows is said by its term ({@code payoutRatio=6200/117}: 支缴率 = 6200/117 (≈ 52.991453)). This is
 * how a message the catalogue does not hold yet is still told to a Chinese reader: its code's meaning
 * in Chinese, then these values.
 */
public final class Values {
  private Values() {}

  /** At most this many values are shown; a message with more is not made longer. */
  static final int MAX = 12;

  private static final Pattern CHUNK = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\""
      + "|GB/T [0-9]{4}-[0-9]{4}|[(\\[]-?[0-9][0-9./]*(?:, ?-?[0-9][0-9./]*)*[)\\]]|[^\\s,;{}()\\[\\]]+");
  private static final Pattern VALUE = Pattern.compile(".*[0-9/._~…-].*|[a-z]+[A-Z].*|[A-Z][A-Z0-9]*[0-9][A-Z0-9]*");

  /** A field of a document written as a path of its keys, {@code employer.classCodes}. */
  private static final Pattern FIELD_PATH = Pattern.compile("[a-z][A-Za-z]*(?:\\.[a-z][A-Za-z]*)+");

  /** English words joined by a hyphen or a slash ({@code well-formed}, {@code yes/no}): words, not values. */
  private static final Pattern WORDS = Pattern.compile("[a-z]+(?:[-/][a-z]+)+");

  /** The values of {@code detail}, said for a reader of {@code lang}. */
  public static List<String> of(String detail, Language lang) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = CHUNK.matcher(detail);
    while (m.find() && out.size() < MAX) {
      String chunk = m.group();
      if (chunk.startsWith("\"") || chunk.startsWith("(") || chunk.startsWith("[") || chunk.startsWith("GB/T ")) {
        out.add(chunk);
        continue;
      }
      while (!chunk.isEmpty() && (chunk.endsWith(":") || chunk.endsWith(".") && !chunk.endsWith(".."))) {
        chunk = chunk.substring(0, chunk.length() - 1);
      }
      int eq = chunk.indexOf('=');
      if (eq > 0 && eq < chunk.length() - 1 && !chunk.startsWith("/")) {
        out.add(term(chunk.substring(0, eq), lang) + " = " + Catalogue.fraction(chunk.substring(eq + 1)));
      } else if (FIELD_PATH.matcher(chunk).matches()) {
        out.add(Glossary.bundled().pointer("/" + chunk.replace('.', '/'), lang));
      } else if (!chunk.isEmpty() && !chunk.equals("=") && !chunk.equals("->") && VALUE.matcher(chunk).matches()
          && !WORDS.matcher(chunk).matches()
          && !chunk.equals("-") && !chunk.equals("e.g")) {
        out.add(Catalogue.fraction(term(chunk, lang)));
      }
    }
    return new ArrayList<>(out);
  }

  private static String term(String key, Language lang) {
    return Glossary.bundled().term(key).map(t -> t.in(lang)).orElse(key);
  }
}
