package org.ratefloat.error;

/**
 * The stable codes of every error ratefloat reports, grouped by prefix: {@code IN} bad input,
 * {@code RT} bad rule table, {@code DC} a case the rule table cannot decide, {@code VR} a decision
 * record checked against a rule table it does not belong to, {@code CL} a command line the
 * {@code ratefloat} command does not accept.
 *
 * <p>Codes never change meaning once released; new faults get new codes.
 *
 * @since 0.1.0
 */
public enum ErrorCode {
  IN001("malformed JSON"),
  IN002("duplicate key"),
  IN003("unknown key"),
  IN004("missing required value"),
  IN005("wrong JSON type"),
  IN006("not an exact decimal"),
  IN007("negative amount or count"),
  IN008("invalid date or date range"),
  IN009("history periods overlap, repeat or are out of date order"),
  IN010("as-of date not after the history"),
  IN011("injuries with zero headcount"),
  IN012("unknown industry code"),
  IN013("missing or unknown classification edition"),
  IN014("industry code has no risk class in this edition"),
  IN015("industry code is ambiguous at this length"),
  IN016("history does not cover the indicator window"),
  IN017("history period straddles the indicator window"),
  IN018("division by zero in an indicator"),
  IN019("current band is not on the class's ladder"),
  IN020("risk class not covered by the rule table"),
  IN021("as-of date outside the rule table's effective period"),
  IN022("benchmark rate missing"),
  IN023("value out of range"),
  IN024("input exceeds a size limit"),
  IN025("history lacks a value the rule table needs"),
  IN026("no such file"),
  IN027("a directory where a file is expected"),
  IN028("not a regular file (a device, FIFO or socket)"),
  IN029("file cannot be read"),
  IN030("output would overwrite an input file"),
  IN031("output directory does not exist"),
  IN032("output cannot be written"),

  IN040("document of another kind or format"),
  IN041("nothing could be computed: no record was usable"),

  RT001("malformed JSON"),
  RT002("duplicate key"),
  RT003("unknown key"),
  RT004("missing required value"),
  RT005("wrong JSON type"),
  RT006("not an exact decimal"),
  RT007("duplicate id"),
  RT008("unknown reference"),
  RT009("invalid value"),
  RT010("invalid band ladder"),
  RT011("condition does not fit the indicator's type"),
  RT012("empty range"),
  RT013("steps in an impossible order"),
  RT014("unsupported format or kind"),
  RT015("more than one row matched under hit policy UNIQUE"),
  RT016("no row matched and the step requires one"),
  RT017("rule table exceeds a size limit"),
  RT018("circular indicator definition"),
  RT020("gap: values no row covers"),
  RT021("overlap under hit policy UNIQUE"),
  RT022("overlapping rows with different results under hit policy FIRST"),
  RT023("row can never fire"),
  RT024("row result outside the band ladder of every class the step applies to"),
  RT025("row result outside the band ladder of some classes (clamped)"),
  RT026("table too large for exact analysis"),
  RT027("effective periods of two versions of a table overlap"),
  RT028("step may undo an earlier veto or move limit"),
  RT029("indicator is never used"),
  RT030("no such file"),
  RT031("a directory where a file is expected"),
  RT032("not a regular file (a device, FIFO or socket)"),
  RT033("file cannot be read"),
  RT034("step table of reference data not sorted by its keys"),
  RT035("lookup key outside the keys of a step table"),
  RT036("computed factor not proven positive"),

  DC001("the rule table has no rule for this case"),

  VR001("the decision record does not name this rule table"),

  CL001("unknown command, option or argument"),
  CL002("missing command, option or argument"),
  CL003("invalid option value or combination of options");

  private final String summary;

  ErrorCode(String summary) {
    this.summary = summary;
  }

  /** One-line description of the fault this code stands for. */
  public String summary() {
    return summary;
  }
}
