package org.ratefloat.json;

import java.util.Map;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/**
 * The kind of a document ratefloat writes is named by its {@code format} key; a document given where
 * another kind is expected is refused with {@code IN040}, naming both kinds, instead of being read as
 * an empty or half-filled instance of the expected one. A case is the one kind without a format key.
 */
public final class Formats {
  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("ratefloat/decision@1", "a decision record"),
      Map.entry("ratefloat/decision@2", "a decision record"),
      Map.entry("ratefloat/decision-lean@1", "a lean decision record (batch --record lean)"),
      Map.entry("ratefloat/rule-table@1", "a rule table"),
      Map.entry("ratefloat/rule-table@2", "a rule table"),
      Map.entry("ratefloat/reference@1", "reference data"),
      Map.entry("ratefloat/classification@1", "an industry classification"),
      Map.entry("ratefloat/ranking@1", "a ranking definition of the first format"),
      Map.entry("ratefloat/ranking@2", "a ranking definition"),
      Map.entry("ratefloat/regions@1", "a list of administrative divisions"),
      Map.entry("ratefloat/industry-names@1", "a list of industry names"),
      Map.entry("ratefloat/ranking-result@1", "a ranking of the first format (the output of ratefloat rank)"),
      Map.entry("ratefloat/ranking-result@2", "a ranking (the output of ratefloat rank)"),
      Map.entry("ratefloat/simulation@1", "a simulation of the first format (the output of ratefloat simulate)"),
      Map.entry("ratefloat/simulation@2", "a simulation (the output of ratefloat simulate)"));

  private Formats() {}

  /** Refuses {@code root} unless its format key is {@code expected}; the key counts as read. */
  public static void require(JsonObject root, String expected) {
    Optional<String> found = format(root);
    if (found.isEmpty() || !found.get().equals(expected)) {
      throw new InputException(ErrorCode.IN040, root.pointerOf("format"), "expected " + kindOf(expected)
          + " of format \"" + expected + "\", found " + found.map(Formats::describe)
              .orElse("a document without a format key (a case, or not ratefloat's)"));
    }
  }

  /**
   * Refuses {@code root} unless its format key is {@code expected} or one of the {@code older}
   * formats still read; returns the one it is (the key counts as read).
   */
  public static String require(JsonObject root, String expected, java.util.List<String> older) {
    Optional<String> found = format(root);
    if (found.isPresent() && older.contains(found.get())) {
      return found.get();
    }
    require(root, expected);
    return expected;
  }

  /** Refuses a document that names a format where a case (which has none) is expected. */
  public static void requireCase(JsonObject root) {
    Optional<String> found = format(root);
    if (found.isPresent()) {
      throw new InputException(ErrorCode.IN040, root.pointerOf("format"),
          "expected a case (employer, history, as-of date), found " + describe(found.get()));
    }
  }

  /**
   * What a document is, for a message that refuses it: the kind its {@code format} names, a case
   * (no format, but an employer, a history or an as-of date), or a document without a format key.
   */
  public static String found(JsonObject root) {
    Optional<String> format = format(root);
    if (format.isPresent()) {
      return describe(format.get());
    }
    return root.has("employer") || root.has("history") || root.has("asOf")
        ? "a case (employer, history, as-of date; it has no format key)"
        : "a document without a format key";
  }

  private static Optional<String> format(JsonObject root) {
    return root.opt("format").filter(JsonValue::isString).map(JsonValue::asString)
        .or(() -> root.has("format") ? Optional.of("") : Optional.empty());
  }

  private static String describe(String format) {
    return kindOf(format) + " of format \"" + StrictJson.abbreviate(format) + "\"";
  }

  /** The kind of document a format names, e.g. {@code a rule table}; {@code a document} if unknown. */
  public static String kindOf(String format) {
    return KINDS.getOrDefault(format, "a document");
  }
}
