package org.ratefloat.error;

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
  IN001("malformed JSON"),
  /** Duplicate key. */
  IN002("duplicate key"),
  /** Unknown key. */
  IN003("unknown key"),
  /** Missing required value. */
  IN004("missing required value"),
  /** Wrong JSON type. */
  IN005("wrong JSON type"),
  /** Not an exact decimal. */
  IN006("not an exact decimal"),
  /** Negative amount or count. */
  IN007("negative amount or count"),
  /** Invalid date or date range. */
  IN008("dates out of order: a period ending before it starts, a date after the as-of date"),
  /** History periods overlap, repeat or are out of date order. */
  IN009("history periods overlap, repeat or are out of date order"),
  /** As-of date not after the history. */
  IN010("as-of date not after the history"),
  /** Injuries with zero headcount. */
  IN011("injuries with zero headcount"),
  /** Unknown industry code. */
  IN012("unknown industry code"),
  /** Missing or unknown classification edition. */
  IN013("missing or unknown classification edition"),
  /** Industry code has no risk class in this edition. */
  IN014("industry code has no risk class in this edition"),
  /** Industry code is ambiguous at this length. */
  IN015("industry code is ambiguous at this length"),
  /** History does not cover the indicator window. */
  IN016("history does not cover the indicator window"),
  /** History period straddles the indicator window. */
  IN017("history period straddles the indicator window"),
  /** Division by zero in an indicator. */
  IN018("division by zero in an indicator"),
  /** Current band is not on the class's ladder. */
  IN019("current band is not on the class's ladder"),
  /** Risk class not covered by the rule table. */
  IN020("risk class not covered by the rule table"),
  /** As-of date outside the effective period of the rule table or its reference data. */
  IN021("as-of date outside the effective period of the rule table or its reference data"),
  /** Benchmark rate missing. */
  IN022("benchmark rate missing"),
  /** Value out of range. */
  IN023("value out of range or not of its form (a date not on the calendar, a name twice)"),
  /** Input exceeds a size limit. */
  IN024("input exceeds a size limit"),
  /** History lacks a value the rule table needs. */
  IN025("history lacks a value the rule table needs"),
  /** No such file. */
  IN026("no such file"),
  /** A directory where a file is expected. */
  IN027("a directory where a file is expected"),
  /** Not a regular file (a device, FIFO or socket). */
  IN028("not a regular file (a device, FIFO or socket)"),
  /** File cannot be read. */
  IN029("file cannot be read"),
  /** Output would overwrite an input file. */
  IN030("output would overwrite an input file"),
  /** Output directory does not exist. */
  IN031("output directory does not exist"),
  /** Output cannot be written. */
  IN032("output cannot be written"),

  /** Document of another kind or format. */
  IN040("document of another kind or format"),
  /** Nothing could be computed: no record was usable. */
  IN041("nothing could be computed: no record was usable"),

  /** Class code not in the case's classification. */
  IN050("class code not in the case's classification"),
  /** Exposures do not add up to the period's payroll. */
  IN051("exposures do not add up to the period's payroll"),
  /** The case's classification system is not the one the rule table reads. */
  IN052("classification system not the one the rule table reads"),
  /** Class code has no row in the rule table's data. */
  IN053("class code has no row in the rule table's data"),

  /** Administrative division (GB/T 2260) not among the regions a ranking or report knows. */
  IN060("administrative division not among the known regions"),
  /** Unified social credit code (GB 32100-2015) not of its form or failing its check character. */
  IN061("unified social credit code not valid"),
  /** The next decision's as-of date does not come after this one's. */
  IN070("next as-of date not after this one (thresholds)"),
  /** The thresholds would take more decisions than the limit. */
  IN071("thresholds would take more decisions than the limit"),
  /** A quantity to vary that the next decision does not read so. */
  IN072("quantity to vary not among those the next decision reads"),

  /** Malformed JSON. */
  RT001("malformed JSON"),
  /** Duplicate key. */
  RT002("duplicate key"),
  /** Unknown key. */
  RT003("unknown key"),
  /** Missing required value. */
  RT004("missing required value"),
  /** Wrong JSON type. */
  RT005("wrong JSON type"),
  /** Not an exact decimal. */
  RT006("not an exact decimal"),
  /** Duplicate id. */
  RT007("duplicate id"),
  /** Unknown reference. */
  RT008("unknown reference"),
  /** Invalid value. */
  RT009("invalid value"),
  /** Invalid band ladder. */
  RT010("invalid band ladder"),
  /** Condition does not fit the indicator's type. */
  RT011("condition does not fit the indicator's type"),
  /** Empty range. */
  RT012("empty range"),
  /** Steps in an impossible order. */
  RT013("steps in an impossible order"),
  /** Unsupported format or kind. */
  RT014("unsupported format or kind"),
  /** More than one row matched under hit policy UNIQUE. */
  RT015("more than one row matched under hit policy UNIQUE"),
  /** No row matched and the step requires one. */
  RT016("no row matched and the step requires one"),
  /** Rule table exceeds a size limit. */
  RT017("rule table exceeds a size limit"),
  /** Circular indicator definition. */
  RT018("circular indicator definition"),
  /** Gap: values no row covers. */
  RT020("gap: values no row covers"),
  /** Overlap under hit policy UNIQUE. */
  RT021("overlap under hit policy UNIQUE"),
  /** Overlapping rows with different results under hit policy FIRST. */
  RT022("overlapping rows with different results under hit policy FIRST"),
  /** Row can never fire. */
  RT023("row can never fire"),
  /** Row result outside the band ladder of every class the step applies to. */
  RT024("row result outside the band ladder of every class the step applies to"),
  /** Row result outside the band ladder of some classes (clamped). */
  RT025("row result outside the band ladder of some classes (clamped)"),
  /** Table too large for exact analysis. */
  RT026("table too large for exact analysis"),
  /** Effective periods of two versions of a table overlap. */
  RT027("effective periods of two versions of a table overlap"),
  /** Step may undo an earlier veto or move limit. */
  RT028("step may undo an earlier veto or move limit"),
  /** Indicator is never used. */
  RT029("indicator is never used"),
  /** No such file. */
  RT030("no such file"),
  /** A directory where a file is expected. */
  RT031("a directory where a file is expected"),
  /** Not a regular file (a device, FIFO or socket). */
  RT032("not a regular file (a device, FIFO or socket)"),
  /** File cannot be read. */
  RT033("file cannot be read"),
  /** Step table of reference data not sorted by its keys. */
  RT034("step table of reference data not sorted by its keys"),
  /** Lookup key outside the keys of a step table. */
  RT035("lookup key outside the keys of a step table"),
  /** Computed factor not proven positive. */
  RT036("computed factor not proven positive"),
  /** Computed rate floor or cap not proven positive. */
  RT037("computed rate floor or cap not proven positive"),
  /** Reference data lacks a class the table covers. */
  RT040("reference data lacks a class the table covers"),
  /**
   * A file of a bundled table's id lies where it would be looked for, with other bytes than the
   * bundled copy used (a warning).
   */
  RT041("a file of the table's id lies beside the work, with other bytes than the bundled copy used"),
  /** The base of a root ({@code sqrt}, a fractional {@code pow}) is not proven not negative (a warning). */
  RT042("root of a value not proven not negative"),

  /** The rule table has no rule for this case. */
  DC001("the rule table has no rule for this case"),

  /** The decision record does not name this rule table. */
  VR001("the decision record does not name this rule table"),
  /** The record was altered: its echoed input is not the one its input hash names. */
  VR002("the record's echoed input is not the one that was decided (the record was altered)");

  private final String summary;

  ErrorCode(String summary) {
    this.summary = summary;
  }

  /** One-line description of the fault this code stands for. */
  public String summary() {
    return summary;
  }
}
