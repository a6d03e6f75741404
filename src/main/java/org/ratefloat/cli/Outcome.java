package org.ratefloat.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.text.Catalogue;
import org.ratefloat.text.Language;
import org.ratefloat.text.Message;

/**
 * How a run over a portfolio ends (batch, simulate, rank): a run where nothing could be computed is
 * an error ({@code IN041}, exit 3); a run where some records were refused exits 7, or 0 with
 * {@code --allow-errors} (see {@link Refusals}); its summary says how many.
 */
final class Outcome {
  private Outcome() {}

  /**
   * {@code IN041}, told by the catalogue's sentence {@code key} with its values given as name, value
   * …; a value {@code counts} (made by {@link #counts}) is a phrase of each language, put in as
   * {@code counts} and {@code countsZh}.
   */
  static InputException nothingComputed(String key, Object... namesAndValues) {
    Map<String, String> values = new LinkedHashMap<>(Message.values(namesAndValues));
    return new InputException(ErrorCode.IN041, "", key, values);
  }

  /**
   * The values of how many records a run read and refused, by code, in both languages:
   * {@code counts} = {@code 40 records, 40 refused (IN025 40)}, or that the portfolio is empty, and
   * {@code countsZh}, the same in Chinese.
   */
  static Object[] counts(long records, Map<String, ? extends Number> refusedByCode) {
    return new Object[] {"counts", counts(records, refusedByCode, Language.EN),
        "countsZh", counts(records, refusedByCode, Language.ZH)};
  }

  private static String counts(long records, Map<String, ? extends Number> refusedByCode, Language lang) {
    if (records == 0) {
      return Catalogue.text(lang, "outcome.counts.empty");
    }
    long refused = refusedByCode.values().stream().mapToLong(Number::longValue).sum();
    String byCode = refusedByCode.isEmpty() ? "" : Message.of("outcome.byCode", "codes", String.join(
        Catalogue.text(lang, "outcome.byCode.join"), refusedByCode.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).toList())).in(lang);
    return Message.of(records == 1 ? "outcome.counts.one" : "outcome.counts", "records",
        String.format(Locale.ROOT, "%,d", records), "refused", String.format(Locale.ROOT, "%,d", refused),
        "byCode", byCode).in(lang);
  }

  /** Name, value … followed by the values of {@link #counts}. */
  static Object[] with(Object[] counts, Object... namesAndValues) {
    Object[] all = new Object[namesAndValues.length + counts.length];
    System.arraycopy(namesAndValues, 0, all, 0, namesAndValues.length);
    System.arraycopy(counts, 0, all, namesAndValues.length, counts.length);
    return all;
  }
}
