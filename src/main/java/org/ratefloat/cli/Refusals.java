package org.ratefloat.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.text.Printable;
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
  private final Map<String, String> examples = new TreeMap<>();

  /** Counts a refusal; the first of its code is kept as the example. */
  void add(RateFloatException e) {
    add(e.code().name(), 1, (e.pointer().isEmpty() ? "/" : e.pointer()) + ": " + e.detail());
  }

  /** Counts {@code n} refusals of {@code code}; {@code example} is kept if it is the first of its code. */
  void add(String code, long n, String example) {
    counts.merge(code, n, Long::sum);
    examples.putIfAbsent(code, example);
  }

  /** Counts refusals made elsewhere: by code, with the first message of each. */
  void addAll(Map<String, Long> byCode, Map<String, String> firstMessages) {
    byCode.forEach((code, n) -> add(code, n, firstMessages.getOrDefault(code, "")));
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

  /** One line a code, {@code   refused IN017 3, e.g. /history/1: …}, escaped. */
  void print(PrintWriter err, String word) {
    counts.forEach((code, n) -> {
      String example = examples.getOrDefault(code, "");
      err.println(Printable.escape("  " + word + " " + code + " " + n + (example.isEmpty() ? "" : ", e.g. " + example)));
    });
  }

  /** 7 when some records were refused, unless {@code --allow-errors}; else 0. */
  int exitCode() {
    return any() && !allowErrors ? Main.PARTIAL : Main.OK;
  }
}
