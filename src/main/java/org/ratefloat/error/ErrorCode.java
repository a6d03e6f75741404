package org.ratefloat.error;

import java.util.Locale;
import org.ratefloat.text.Catalogue;
import org.ratefloat.text.Language;

/**
 * The stable codes of every error ratefloat reports, grouped by prefix: {@code IN} bad input,
 * {@code RT} bad rule table, {@code DC} a case the rule table cannot decide, {@code VR} a decision
 * record checked against a rule table it does not belong to, or altered. The codes of a command line
 * the {@code ratefloat} command does not accept ({@code CL}) are the command line's own, not the
 * library's: an embedder never meets them.
 *
 * <p>Codes never change meaning once released; new faults get new codes.
 *
 * @since 0.1.0
 */
public enum ErrorCode {
  /** Malformed JSON. */
  IN001,
  /** Duplicate key. */
  IN002,
  /** Unknown key. */
  IN003,
  /** Missing required value. */
  IN004,
  /** Wrong JSON type. */
  IN005,
  /** Not an exact decimal. */
  IN006,
  /** Negative amount or count. */
  IN007,
  /** Invalid date or date range. */
  IN008,
  /** History periods overlap, repeat or are out of date order. */
  IN009,
  /** As-of date not after the history. */
  IN010,
  /** Injuries with zero headcount. */
  IN011,
  /** Unknown industry code. */
  IN012,
  /** Missing or unknown classification edition. */
  IN013,
  /** Industry code has no risk class in this edition. */
  IN014,
  /** Industry code is ambiguous at this length. */
  IN015,
  /** History does not cover the indicator window. */
  IN016,
  /** History period straddles the indicator window. */
  IN017,
  /** Division by zero in an indicator. */
  IN018,
  /** Current band is not on the class's ladder. */
  IN019,
  /** Risk class not covered by the rule table. */
  IN020,
  /** As-of date outside the effective period of the rule table or its reference data. */
  IN021,
  /** Benchmark rate missing. */
  IN022,
  /** Value out of range. */
  IN023,
  /** Input exceeds a size limit. */
  IN024,
  /** History lacks a value the rule table needs. */
  IN025,
  /** No such file. */
  IN026,
  /** A directory where a file is expected. */
  IN027,
  /** Not a regular file (a device, FIFO or socket). */
  IN028,
  /** File cannot be read. */
  IN029,
  /** Output would overwrite an input file. */
  IN030,
  /** Output directory does not exist. */
  IN031,
  /** Output cannot be written. */
  IN032,

  /** Document of another kind or format. */
  IN040,
  /** Nothing could be computed: no record was usable. */
  IN041,

  /** Class code not in the case's classification. */
  IN050,
  /** Exposures do not add up to the period's payroll. */
  IN051,
  /** The case's classification system is not the one the rule table reads. */
  IN052,
  /** Class code has no row in the rule table's data. */
  IN053,

  /** Administrative division (GB/T 2260) not among the regions a ranking or report knows. */
  IN060,
  /** Unified social credit code (GB 32100-2015) not of its form or failing its check character. */
  IN061,
  /** The next decision's as-of date does not come after this one's. */
  IN070,
  /** The thresholds would take more decisions than the limit. */
  IN071,
  /** A quantity to vary that the next decision does not read so. */
  IN072,

  /** Malformed JSON. */
  RT001,
  /** Duplicate key. */
  RT002,
  /** Unknown key. */
  RT003,
  /** Missing required value. */
  RT004,
  /** Wrong JSON type. */
  RT005,
  /** Not an exact decimal. */
  RT006,
  /** Duplicate id. */
  RT007,
  /** Unknown reference. */
  RT008,
  /** Invalid value. */
  RT009,
  /** Invalid band ladder. */
  RT010,
  /** Condition does not fit the indicator's type. */
  RT011,
  /** Empty range. */
  RT012,
  /** Steps in an impossible order. */
  RT013,
  /** Unsupported format or kind. */
  RT014,
  /** More than one row matched under hit policy UNIQUE. */
  RT015,
  /** No row matched and the step requires one. */
  RT016,
  /** Rule table exceeds a size limit. */
  RT017,
  /** Circular indicator definition. */
  RT018,
  /** Gap: values no row covers. */
  RT020,
  /** Overlap under hit policy UNIQUE. */
  RT021,
  /** Overlapping rows with different results under hit policy FIRST. */
  RT022,
  /** Row can never fire. */
  RT023,
  /** Row result outside the band ladder of every class the step applies to. */
  RT024,
  /** Row result outside the band ladder of some classes (clamped). */
  RT025,
  /** Table too large for exact analysis. */
  RT026,
  /** Effective periods of two versions of a table overlap. */
  RT027,
  /** Step may undo an earlier veto or move limit. */
  RT028,
  /** Indicator is never used. */
  RT029,
  /** No such file. */
  RT030,
  /** A directory where a file is expected. */
  RT031,
  /** Not a regular file (a device, FIFO or socket). */
  RT032,
  /** File cannot be read. */
  RT033,
  /** Step table of reference data not sorted by its keys. */
  RT034,
  /** Lookup key outside the keys of a step table. */
  RT035,
  /** Computed factor not proven positive. */
  RT036,
  /** Computed rate floor or cap not proven positive. */
  RT037,
  /** Reference data lacks a class the table covers. */
  RT040,
  /**
   * A file of a bundled table's id lies where it would be looked for, with other bytes than the
   * bundled copy used (a warning).
   */
  RT041,
  /** The base of a root ({@code sqrt}, a fractional {@code pow}) is not proven not negative (a warning). */
  RT042,

  /** The rule table has no rule for this case. */
  DC001,

  /** The decision record does not name this rule table. */
  VR001,
  /** The record was altered: its echoed input is not the one its input hash names. */
  VR002;

  /** One-line description of the fault this code stands for, in English. */
  public String summary() {
    return summary(Locale.ROOT);
  }

  /**
   * One-line description of the fault this code stands for, in Chinese for a {@code zh} locale and
   * in English for every other (the message catalogue holds both).
   *
   * @since 0.1.0
   */
  public String summary(Locale locale) {
    return Catalogue.text(Language.of(locale), "code." + name());
  }

  /**
   * An English message of this code ({@link RateFloatException#detail()}, {@link Finding#message()})
   * in the language of a locale: as it is for any but {@code zh}; in Chinese, this code's meaning and
   * the values the English shows (its numbers, dates, ids, quoted texts and file names, a field by
   * its Chinese name).
   *
   * @since 0.1.0
   */
  public String detail(String english, Locale locale) {
    java.util.Objects.requireNonNull(english, "english");
    Language lang = Language.of(locale);
    return lang == Language.EN ? english : RateFloatException.told(this, english, lang);
  }
}
