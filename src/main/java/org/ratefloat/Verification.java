package org.ratefloat;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ratefloat.decision.Decision;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.text.Catalogue;
import org.ratefloat.text.Language;
import org.ratefloat.text.Printable;

/**
 * What checking a decision record against a rule table found ({@link RuleTable#verify(byte[])}):
 * the table re-decides the input the record carries and the canonical form (RFC 8785) of the record
 * is compared with that of the recomputed decision, written in the record's own format. Only the
 * canonical form counts, so a record in any layout (pretty, on one line, re-indented, keys in any
 * order) verifies.
 *
 * <p>Three verdicts on a record that carries its input: {@link Verified} (identical), {@link
 * VerifiedByAnotherVersion} (every decided value equal; only who made it, the library version,
 * differs) and {@link Mismatched} (a decided value differs). Before re-deciding, the echoed input is
 * checked against the record's own {@code inputSha256}: a record whose echo was altered is {@link
 * Mismatched} with {@link Mismatched#altered()} saying so.
 *
 * @since 0.1.0
 */
public sealed interface Verification
    permits Verification.Verified, Verification.VerifiedByAnotherVersion, Verification.Mismatched,
        Verification.WithoutInput, Verification.ErrorRecord {

  /**
   * The record is the decision the table gives for its input, made by this version of the library.
   *
   * @param decision the recomputed decision
   * @param sha256 SHA-256 (hex) of the record's canonical form
   */
  record Verified(Decision decision, String sha256) implements Verification {
    /** Checks that no component is null. */
    public Verified {
      requireNonNull(decision, "decision");
      requireNonNull(sha256, "sha256");
    }
  }

  /**
   * Every value the record decided is what the table gives for its input; only its provenance
   * differs: another version of the library made it.
   *
   * @param decision the recomputed decision (naming this version)
   * @param sha256 SHA-256 (hex) of the record's canonical form
   * @param recordedLibrary the library the record names, e.g. {@code ratefloat 0.1.0}
   * @param library this library, e.g. {@code ratefloat 0.2.0}
   * @since 0.1.0
   */
  record VerifiedByAnotherVersion(Decision decision, String sha256, String recordedLibrary, String library)
      implements Verification {
    /** Checks that no component is null. */
    public VerifiedByAnotherVersion {
      requireNonNull(decision, "decision");
      requireNonNull(sha256, "sha256");
      requireNonNull(recordedLibrary, "recordedLibrary");
      requireNonNull(library, "library");
    }
  }

  /**
   * The record's echoed input is not the one it was decided for: the SHA-256 of the echo's canonical
   * form is not the record's {@code inputSha256}. Every other difference may follow from it.
   *
   * @param recordedSha256 the {@code inputSha256} the record names
   * @param echoedSha256 the SHA-256 of the canonical form of the input it echoes
   * @since 0.1.0
   */
  record Altered(String recordedSha256, String echoedSha256) {
    /** Checks that no component is null. */
    public Altered {
      requireNonNull(recordedSha256, "recordedSha256");
      requireNonNull(echoedSha256, "echoedSha256");
    }
  }

  /**
   * The record is not what the table gives for its input.
   *
   * @param why a sentence when the differences alone do not say it (the record names other tables,
   *     the table refuses the recorded input), else empty
   * @param differences the differing values, at most as many as asked for, in document order
   * @param total how many values differ in all
   * @param recomputed what the table gives, unless it refuses the recorded input
   * @param employerId the employer of a batch output line, if it names one
   * @param namesTable whether the record names this table's file (its id and SHA-256) among its
   *     {@code tables}
   * @param tablesNamed the tables the record names, for a message ({@code id sha256-prefix…}, or
   *     {@code no tables})
   * @param altered present if the record's echoed input is not the one its {@code inputSha256}
   *     names (the record was altered): then {@code recomputed} is what the table gives for the
   *     altered input, which is not the record's decision
   * @param reasons what {@code why} says, as sentences of the message catalogue, so that it can be
   *     said in either language ({@link #why(Locale)}); empty when {@code why} is said as it is
   * @param refusal the table's refusal of the recorded input, if it refuses it (the last part of
   *     {@code why})
   */
  record Mismatched(String why, List<Difference> differences, int total, Optional<Decision> recomputed,
      Optional<String> employerId, boolean namesTable, String tablesNamed, Optional<Altered> altered,
      List<Reason> reasons, Optional<RateFloatException> refusal)
      implements Verification {
    /** Copies the differences and reasons; checks that no component is null. */
    public Mismatched {
      requireNonNull(why, "why");
      differences = List.copyOf(requireNonNull(differences, "differences"));
      requireNonNull(recomputed, "recomputed");
      requireNonNull(employerId, "employerId");
      requireNonNull(tablesNamed, "tablesNamed");
      requireNonNull(altered, "altered");
      reasons = List.copyOf(requireNonNull(reasons, "reasons"));
      requireNonNull(refusal, "refusal");
    }

    /**
     * A mismatch whose {@code why} is said as it is in every language.
     *
     * @since 0.1.0
     */
    public Mismatched(String why, List<Difference> differences, int total, Optional<Decision> recomputed,
        Optional<String> employerId, boolean namesTable, String tablesNamed, Optional<Altered> altered) {
      this(why, differences, total, recomputed, employerId, namesTable, tablesNamed, altered, List.of(),
          Optional.empty());
    }

    /**
     * A mismatch whose {@code why} is made of reasons and a refusal, said in English.
     */
    static Mismatched of(List<Reason> reasons, Optional<RateFloatException> refusal, List<Difference> differences,
        int total, Optional<Decision> recomputed, Optional<String> employerId, boolean namesTable,
        String tablesNamed, Optional<Altered> altered) {
      return new Mismatched(said(reasons, refusal, Language.EN), differences, total, recomputed, employerId,
          namesTable, tablesNamed, altered, reasons, refusal);
    }

    /**
     * {@link #why()} in the language of a locale ({@code zh}: Chinese, any other: English, the same as
     * {@link #why()}); empty when the differences alone say it.
     *
     * @since 0.1.0
     */
    public String why(Locale locale) {
      Language lang = Language.of(locale);
      if (lang == Language.EN || reasons.isEmpty() && refusal.isEmpty()) {
        return why;
      }
      return said(reasons, refusal, lang);
    }

    /**
     * The reasons in a language: each a sentence, the files a record names otherwise gathered under
     * one heading, the refusal last; escaped as the English always was.
     */
    private static String said(List<Reason> reasons, Optional<RateFloatException> refusal, Language lang) {
      List<String> parts = new ArrayList<>();
      List<String> files = new ArrayList<>();
      String join = Catalogue.text(lang, "verify.why.join");
      for (Reason r : reasons) {
        if (r.key().startsWith("verify.why.file.")) {
          files.add(Catalogue.text(lang, r.key(), r.values()));
          continue;
        }
        if (!files.isEmpty()) {
          parts.add(Printable.escape(Catalogue.text(lang, "verify.why.otherFiles", Map.of("files",
              String.join(join, files)))));
          files.clear();
        }
        String text = Catalogue.text(lang, r.key(), r.values());
        parts.add(r.key().equals("verify.why.otherTables") ? text : Printable.escape(text));
      }
      if (!files.isEmpty()) {
        parts.add(Printable.escape(Catalogue.text(lang, "verify.why.otherFiles", Map.of("files",
            String.join(join, files)))));
      }
      refusal.ifPresent(e -> parts.add(Catalogue.text(lang, "verify.why.refused", Map.of("line",
          lang == Language.EN ? e.getMessage() : e.message(lang.locale())))));
      return String.join(join, parts);
    }
  }

  /**
   * One reason of a mismatch, as a sentence of the library's message catalogue: its key and its
   * values by name, each written with {@link Locale#ROOT}.
   *
   * @param key the key of the sentence, e.g. {@code verify.why.madeBy}
   * @param values the values the sentence shows, by name
   * @since 0.1.0
   */
  record Reason(String key, Map<String, String> values) {
    /** Copies the values; checks that no component is null. */
    public Reason {
      requireNonNull(key, "key");
      values = Map.copyOf(requireNonNull(values, "values"));
    }

    /** The reason in the language of a locale ({@code zh}: Chinese, any other: English). */
    public String in(Locale locale) {
      return Catalogue.text(Language.of(locale), key, values);
    }
  }

  /**
   * The record does not carry its input (a batch output written without {@code --echo-input}), so
   * it cannot be re-decided.
   *
   * @param namesTable whether the record names this table's file among its {@code tables}
   * @param tablesNamed the tables the record names, for a message
   */
  record WithoutInput(boolean namesTable, String tablesNamed) implements Verification {
    /** Checks that no component is null. */
    public WithoutInput {
      requireNonNull(tablesNamed, "tablesNamed");
    }
  }

  /** A batch output line of status {@code error}: a refused case, with no decision to verify. */
  record ErrorRecord() implements Verification {}

  /**
   * One value that differs: its JSON pointer (RFC 6901) in the document checked, and the value the
   * record holds against the recomputed one. Values are rendered for a reader: text as it is when both
   * sides are text, else as JSON, {@code (absent)} for a missing member; control, bidirectional and
   * line-separator characters are escaped and long values cut, so a rendering cannot disturb a
   * terminal.
   *
   * @param pointer where the value is in the document checked
   * @param recorded what the record says
   * @param recomputed what the table gives
   */
  record Difference(String pointer, String recorded, String recomputed) {
    /** Checks that no component is null. */
    public Difference {
      requireNonNull(pointer, "pointer");
      requireNonNull(recorded, "recorded");
      requireNonNull(recomputed, "recomputed");
    }

    /** {@code pointer: recorded → recomputed}. */
    @Override
    public String toString() {
      return (pointer.isEmpty() ? "/" : pointer) + ": " + recorded + " \u2192 " + recomputed;
    }
  }
}
