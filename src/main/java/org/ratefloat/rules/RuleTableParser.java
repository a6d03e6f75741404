package org.ratefloat.rules;

import org.ratefloat.document.DocumentFields;
import org.ratefloat.document.Rounding;
import org.ratefloat.document.SourceRef;
import org.ratefloat.document.TableStatus;
import org.ratefloat.document.Text;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.Hashing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.json.Fault;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;

/**
 * Parses and checks one rule-table or classification file. Everything that can be checked within
 * the file is checked here: keys, types, exact decimals, ids, references to indicators, condition
 * types, empty ranges, ladders and step order. The parts live apart by what they parse
 * ({@link IndicatorParser}, {@link StepParser}, {@link ConditionParser}),
 * sharing one {@link ParseContext}. References to other files are resolved by {@link RuleTables}.
 */
final class RuleTableParser {
  static final String TABLE_FORMAT = "ratefloat/rule-table@1";
  /** A superset of @1: reference data, lookups, clamp, intermediate rounding, computed factors. */
  static final String TABLE_FORMAT_2 = "ratefloat/rule-table@2";
  /** Rows of one step table of reference data. */
  static final int MAX_DATA_ROWS = 10_000;
  static final int MAX_ROWS = 10_000;

  private final ParseContext context;
  private final IndicatorParser indicatorParser;
  private final StepParser stepParser;

  private RuleTableParser(String source) {
    this.context = new ParseContext(source);
    ConditionParser conditions = new ConditionParser(context);
    this.indicatorParser = new IndicatorParser(context, conditions);
    this.stepParser = new StepParser(context, conditions);
  }

  static String sha256(byte[] bytes) {
    return Hashing.sha256().hashBytes(bytes).toString();
  }

  /** Parses the document's {@code format} key only, to tell tables from classifications. */
  static JsonObject root(String source, byte[] bytes) {
    return DocumentFields.root(source, bytes);
  }

  static RuleTableSpec parseTable(String source, byte[] bytes, JsonObject o) {
    return parseTable(source, bytes, o, References.NONE);
  }

  /** Parses a table, finding the reference-data files it names in {@code references} through {@code refs}. */
  static RuleTableSpec parseTable(String source, byte[] bytes, JsonObject o, References refs) {
    RuleTableParser parser = new RuleTableParser(source);
    parser.references = refs;
    return parser.table(sha256(bytes), o);
  }

  /** Finds a reference-data file a table names (@2). */
  @FunctionalInterface
  interface References {
    /** Where nothing can be found: any reference is unknown ({@code RT008}). */
    References NONE = (id, source, pointer) -> {
      throw new org.ratefloat.error.RuleTableException(ErrorCode.RT008, source, pointer,
          "reference data \"" + id + "\" not found");
    };

    /**
     * The reference file {@code id}, named at {@code pointer} of {@code source}.
     *
     * @throws org.ratefloat.error.RuleTableException {@code RT008} where there is none
     */
    ReferenceSpec find(String id, String source, String pointer);
  }

  private References references = References.NONE;

  /** The scalars and step tables of a reference file's {@code data}, read as a table's own are. */
  static ReferenceData data(String source, JsonObject o) {
    return new RuleTableParser(source).data(o);
  }

  // ------------------------------------------------------------------ table

  private RuleTableSpec table(String sha256, JsonObject o) {
    if (o.has("format") && o.req("format").isString() && o.req("format").asString().equals(TABLE_FORMAT_2)) {
      context.version = 2;
    } else {
      context.formatOneOf(o, TABLE_FORMAT, TABLE_FORMAT_2);
    }
    String kind = o.req("kind").asString();
    if (!kind.equals("measure") && !kind.equals("base")) {
      throw o.fail("kind", Fault.BAD_VALUE, "kind must be \"measure\" or \"base\": \"" + kind + "\"");
    }
    String id = context.id(o.req("id"));
    String version = o.text("version");
    String jurisdiction = o.text("jurisdiction");
    Text title = context.text(o.req("title"));
    ParseContext.Effective effective = context.effective(o);
    LocalDate from = effective.from();
    Optional<LocalDate> to = effective.to();
    TableStatus status = context.status(o.req("status"));
    ImmutableList<SourceRef> sources = context.sources(o);
    ImmutableList<String> unverified = context.strings(o.optArray("unverified"));
    ImmutableList<String> gaps = context.strings(o.optArray("gaps"));
    context.strings(o.optArray("notes"));
    if (status == TableStatus.VERIFIED && !(unverified.isEmpty() && gaps.isEmpty())) {
      throw o.fail("status", Fault.BAD_VALUE,
          "a table with unverified parameters or gaps must have status \"provisional\"");
    }
    Optional<String> base = o.opt("base").map(context::id);
    Optional<String> classification = o.opt("classification").map(context::id);
    Optional<RateBasis> basis = rateBasis(o);
    Optional<Rounding> rateRounding = Optional.empty();
    Optional<Rounding> premiumRounding = Optional.empty();
    Optional<JsonObject> rounding = o.optObject("rounding");
    if (rounding.isPresent()) {
      rateRounding = rounding.get().opt("rate").map(Rounding::read);
      premiumRounding = rounding.get().opt("premium").map(Rounding::read);
      rounding.get().finish();
    }
    if (context.version >= 2) {
      o.optObject("data").ifPresent(d -> context.data = data(d));
      references(o.optArray("references"));
    }
    ImmutableList.Builder<IndicatorSpec> indicatorList = ImmutableList.builder();
    for (JsonValue v : o.optArray("indicators")) {
      IndicatorSpec spec = indicatorParser.indicator(v.asObject());
      context.indicators.put(spec.id(), spec);
      indicatorList.add(spec);
    }
    indicatorParser.checkFormulas(indicatorList.build());
    List<JsonValue> stepValues = o.optArray("steps");
    ImmutableList.Builder<StepSpec> steps = ImmutableList.builder();
    String rateStep = null;
    int rows = 0;
    for (JsonValue v : stepValues) {
      StepSpec step = stepParser.step(v.asObject());
      if (step instanceof StepSpec.RateLimit) {
        rateStep = step.id();
      } else if (rateStep != null) {
        throw context.error(ErrorCode.RT013, step.pointer(), "step " + step.id() + " changes the band after "
            + "the rate limit " + rateStep + " fixed the rate; put rate floors and caps last");
      }
      if (step instanceof StepSpec.Rows r) {
        rows += r.rows().size();
        if (rows > MAX_ROWS) {
          throw context.error(ErrorCode.RT017, r.pointer(), "more than " + MAX_ROWS + " rows");
        }
      }
      steps.add(step);
    }
    ImmutableList<RuleTableSpec.WorksheetLine> worksheet = context.version >= 2
        ? worksheet(o.optArray("worksheet")) : ImmutableList.of();
    Optional<String> premiumByClass = context.version >= 2
        ? o.optObject("premiumByClass").map(p -> premiumByClass(p, steps.build())) : Optional.empty();
    o.finish();
    return new RuleTableSpec(context.source, sha256, kind, id, version, jurisdiction, title, from, to, status,
        sources, unverified, gaps, base, classification, basis, rateRounding, premiumRounding,
        indicatorList.build(), steps.build(), ImmutableMap.copyOf(context.domains), ImmutableMap.copyOf(context.allowed),
        context.version, context.data, worksheet, premiumByClass);
  }

  /**
   * {@code "premiumByClass": {"rate": "manualRate"}} (@2): the premium prices each class code's
   * payroll at its own rate, the column {@code rate} of its class row under the decision's band,
   * factors and points. The column must exist (RT008); rate floors and caps, which bound one rate,
   * cannot be combined with it (RT009).
   */
  private String premiumByClass(JsonObject p, List<StepSpec> steps) {
    JsonValue column = p.req("rate");
    ReferenceData.ClassRows rows = context.data.classes().orElseThrow(() -> context.error(ErrorCode.RT008,
        column.pointer(), "premium by class reads class rows (data.classes), and the table has none"));
    if (rows.column(column.asString()) < 0) {
      throw context.error(ErrorCode.RT008, column.pointer(), "no column \"" + column.asString()
          + "\" in the class rows; they have " + rows.columns());
    }
    for (StepSpec step : steps) {
      if (step instanceof StepSpec.RateLimit) {
        throw context.error(ErrorCode.RT009, p.pointer(), "a premium by class prices each class at its own rate; "
            + "step " + step.id() + " bounds one rate and cannot be combined with it");
      }
    }
    p.finish();
    return column.asString();
  }

  /**
   * The worksheet of an account (@2): lines named as the plan's printed worksheet names them, each
   * the value of an indicator of this table, in the order given; a line is named once.
   */
  private ImmutableList<RuleTableSpec.WorksheetLine> worksheet(List<JsonValue> lines) {
    ImmutableList.Builder<RuleTableSpec.WorksheetLine> out = ImmutableList.builder();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (JsonValue v : lines) {
      JsonObject line = v.asObject();
      JsonValue name = line.req("line");
      if (!name.asString().matches("[A-Za-z0-9]{1,8}")) {
        throw name.fail(Fault.BAD_VALUE, "a worksheet line is named by 1 to 8 letters or digits");
      }
      if (!seen.add(name.asString())) {
        throw context.error(ErrorCode.RT007, name.pointer(), "worksheet line " + name.asString() + " is named twice");
      }
      JsonValue indicator = line.req("indicator");
      if (!context.indicators.containsKey(indicator.asString())) {
        throw context.error(ErrorCode.RT008, indicator.pointer(), "worksheet line " + name.asString()
            + ": unknown indicator \"" + context.id(indicator) + "\"");
      }
      line.finish();
      out.add(new RuleTableSpec.WorksheetLine(name.asString(), indicator.asString()));
    }
    return out.build();
  }

  private Optional<RateBasis> rateBasis(JsonObject o) {
    Optional<JsonObject> benchmarks = o.optObject("benchmarks");
    Optional<JsonObject> ladders = o.optObject("ladders");
    if (benchmarks.isEmpty() && ladders.isEmpty()) {
      return Optional.empty();
    }
    if (benchmarks.isEmpty() || ladders.isEmpty()) {
      String missing = benchmarks.isEmpty() ? "benchmarks" : "ladders";
      throw o.fail(missing, Fault.MISSING, "benchmarks and ladders go together; \"" + missing
          + "\" is missing");
    }
    TreeMap<Integer, Optional<BigDecimal>> bench = new TreeMap<>();
    JsonObject b = benchmarks.get();
    for (String key : b.keys()) {
      int riskClass = classKey(b, key);
      JsonValue v = b.opt(key).orElse(null);
      if (v == null) {
        b.has(key);
        bench.put(riskClass, Optional.empty());
      } else {
        BigDecimal rate = v.asDecimal();
        if (rate.signum() <= 0) {
          throw v.failBy(Fault.BAD_VALUE, "rules.benchmarkPositive", "value", rate);
        }
        bench.put(riskClass, Optional.of(rate));
      }
    }
    b.finish();
    if (bench.isEmpty()) {
      throw context.error(ErrorCode.RT004, b.pointer(), "no risk class has a benchmark");
    }
    JsonObject l = ladders.get();
    Optional<ImmutableList<BigDecimal>> fallback = l.opt("default").map(this::ladder);
    Map<Integer, ImmutableList<BigDecimal>> byClass = new TreeMap<>();
    l.optObject("byClass").ifPresent(c -> {
      for (String key : c.keys()) {
        int riskClass = classKey(c, key);
        if (!bench.containsKey(riskClass)) {
          throw c.fail(key, Fault.BAD_VALUE, "class " + riskClass + " has a ladder but no benchmark");
        }
        byClass.put(riskClass, ladder(c.req(key)));
      }
      c.finish();
    });
    l.finish();
    ImmutableSortedMap.Builder<Integer, ImmutableList<BigDecimal>> all = ImmutableSortedMap.naturalOrder();
    for (int riskClass : bench.keySet()) {
      ImmutableList<BigDecimal> ladder = byClass.containsKey(riskClass) ? byClass.get(riskClass)
          : fallback.orElseThrow(() -> context.error(ErrorCode.RT010, l.pointer(),
              "class " + riskClass + " has no ladder and there is no default ladder"));
      all.put(riskClass, ladder);
    }
    return Optional.of(new RateBasis(ImmutableSortedMap.copyOf(bench), all.build()));
  }

  private int classKey(JsonObject o, String key) {
    if (!key.matches("[1-9][0-9]?")) {
      throw o.fail(key, Fault.BAD_VALUE, "risk classes are numbered 1 to 99: \"" + key + "\"");
    }
    return Integer.parseInt(key);
  }

  private ImmutableList<BigDecimal> ladder(JsonValue v) {
    List<JsonValue> items = v.asArray();
    ImmutableList.Builder<BigDecimal> ladder = ImmutableList.builder();
    BigDecimal previous = null;
    boolean benchmark = false;
    for (JsonValue item : items) {
      BigDecimal m = item.asDecimal();
      if (m.signum() <= 0) {
        throw context.error(ErrorCode.RT010, item.pointer(), "band multiplier must be positive: " + m.toPlainString());
      }
      if (previous != null && m.compareTo(previous) <= 0) {
        throw context.error(ErrorCode.RT010, item.pointer(), "ladder must rise strictly: "
            + previous.toPlainString() + " then " + m.toPlainString());
      }
      benchmark |= m.compareTo(BigDecimal.ONE) == 0;
      previous = m;
      ladder.add(m);
    }
    if (!benchmark) {
      throw context.error(ErrorCode.RT010, v.pointer(), "ladder must contain the benchmark band 1.0");
    }
    return ladder.build();
  }

  // ------------------------------------------------------------------ reference data (@2)

  /**
   * {@code "references": ["id", ...]}: reference-data files whose names join the table's data; a
   * name the table or an earlier file already has is refused ({@code RT007}).
   */
  private void references(List<JsonValue> ids) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (JsonValue v : ids) {
      String id = context.id(v);
      if (!seen.add(id)) {
        throw context.error(ErrorCode.RT007, v.pointer(), "reference data \"" + id + "\" named twice");
      }
      ReferenceSpec ref = references.find(id, context.source, v.pointer());
      for (String name : ref.data().names()) {
        if (context.data.names().contains(name)) {
          throw context.error(ErrorCode.RT007, v.pointer(), "reference data " + id + " names \"" + name
              + "\", which the table's data or an earlier reference already has");
        }
      }
      if (context.data.classes().isPresent() && ref.data().classes().isPresent()) {
        joinable(context.data.classes().get(), ref.data().classes().get(), id, v.pointer());
      }
      context.data = context.data.with(ref.data());
    }
  }

  /**
   * Whether the class rows of reference {@code id} can join those the table has so far: one system
   * ({@code RT009}), no column named twice ({@code RT007}), the same codes where both have rows
   * ({@code RT009}, naming the first code one lacks), and one closed list at most ({@code RT007}).
   */
  private void joinable(ReferenceData.ClassRows have, ReferenceData.ClassRows more, String id, String pointer) {
    if (!have.system().equals(more.system())) {
      throw context.error(ErrorCode.RT009, pointer, "reference data " + id + " has class rows of " + more.system()
          + ", the table's are of " + have.system());
    }
    for (String column : more.columns()) {
      if (have.columns().contains(column)) {
        throw context.error(ErrorCode.RT007, pointer, "reference data " + id + " names class column \"" + column
            + "\", which the table's data or an earlier reference already has");
      }
    }
    if (!have.rows().isEmpty() && !more.rows().isEmpty() && !have.rows().keySet().equals(more.rows().keySet())) {
      String lacking = have.rows().keySet().stream().filter(c -> !more.rows().containsKey(c)).findFirst()
          .map(c -> "lacks class " + c).orElseGet(() -> "has class " + more.rows().keySet().stream()
              .filter(c -> !have.rows().containsKey(c)).findFirst().orElseThrow() + ", which the others lack");
      throw context.error(ErrorCode.RT009, pointer, "the class rows of reference data " + id + " must list the "
          + "codes the others list (" + have.rows().size() + " classes); it " + lacking);
    }
    if (have.closed().isPresent() && more.closed().isPresent()) {
      throw context.error(ErrorCode.RT007, pointer, "reference data " + id + " declares the classes of "
          + more.system() + " closed, as the table or an earlier reference already does");
    }
  }

  /**
   * {@code "data": {"scalars": {"name": "1.5"}, "steps": {"name": {"interpolate": false, "rows":
   * [["0", "0.10"], ["5000", "0.12"]]}}}}: step tables keyed by a strictly rising number (RT034).
   */
  private ReferenceData data(JsonObject o) {
    ImmutableMap.Builder<String, BigDecimal> scalars = ImmutableMap.builder();
    o.optObject("scalars").ifPresent(s -> {
      for (String name : s.keys()) {
        dataName(s, name);
        scalars.put(name, s.req(name).asDecimal());
      }
      s.finish();
    });
    ImmutableMap.Builder<String, ReferenceData.StepTable> steps = ImmutableMap.builder();
    o.optObject("steps").ifPresent(s -> {
      for (String name : s.keys()) {
        dataName(s, name);
        steps.put(name, stepTable(name, s.object(name)));
      }
      s.finish();
    });
    Optional<ReferenceData.ClassRows> classes = o.optObject("classes").map(this::classRows);
    o.finish();
    return new ReferenceData(scalars.buildOrThrow(), steps.buildOrThrow(), classes);
  }

  /**
   * {@code "classes": {"system": "NCCI", "columns": ["elr", "dRatio"], "rows": {"8810": ["0.09",
   * "0.29"]}}}: rows keyed by class code (each code of the shape a case's class codes have), one
   * value per column; and, optional, {@code "closed": ["8810", ...]}, the codes of a closed
   * classification. With {@code closed}, the columns and rows may come from reference files alone.
   */
  private ReferenceData.ClassRows classRows(JsonObject o) {
    JsonValue systemValue = o.req("system");
    String system = systemValue.asString();
    inputRule(systemValue, () -> org.ratefloat.model.InputRules.classSystem(system, ""));
    Optional<com.google.common.collect.ImmutableSortedSet<String>> closed = o.opt("closed").map(this::closedCodes);
    String closedPointer = closed.isPresent() ? o.pointerOf("closed") : "";
    if (closed.isPresent() && !o.has("columns") && !o.has("rows")) {
      String pointer = o.pointer();
      o.finish();
      return new ReferenceData.ClassRows(system, pointer, ImmutableList.of(), ImmutableSortedMap.of(), closed,
          closedPointer);
    }
    ImmutableList.Builder<String> columns = ImmutableList.builder();
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<JsonValue> columnValues = o.array("columns");
    if (columnValues.isEmpty()) {
      throw o.fail("columns", Fault.MISSING, "class rows need at least one column");
    }
    for (JsonValue c : columnValues) {
      String name = c.asString();
      if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
        throw c.fail(Fault.BAD_VALUE, "reference data names are letters, digits and _: \"" + name + "\"");
      }
      if (!seen.add(name)) {
        throw context.error(ErrorCode.RT007, c.pointer(), "column " + name + " is named twice");
      }
      columns.add(name);
    }
    JsonObject rows = o.object("rows");
    if (rows.keys().isEmpty()) {
      throw o.fail("rows", Fault.MISSING, "class rows need at least one row");
    }
    if (rows.keys().size() > MAX_DATA_ROWS) {
      throw context.error(ErrorCode.RT017, rows.pointer(), "class rows have more than " + MAX_DATA_ROWS + " rows");
    }
    ImmutableSortedMap.Builder<String, ImmutableList<BigDecimal>> byCode = ImmutableSortedMap.naturalOrder();
    for (String code : rows.keys()) {
      JsonValue row = rows.req(code);
      inputRule(row, () -> org.ratefloat.model.InputRules.classCode(code, ""));
      List<JsonValue> values = row.asArray();
      if (values.size() != columnValues.size()) {
        throw context.error(ErrorCode.RT009, row.pointer(), "class " + code + " has " + values.size()
            + " values for " + columnValues.size() + " columns");
      }
      byCode.put(code, values.stream().map(JsonValue::asDecimal).collect(ImmutableList.toImmutableList()));
    }
    rows.finish();
    String pointer = o.pointer();
    o.finish();
    return new ReferenceData.ClassRows(system, pointer, columns.build(), byCode.build(), closed, closedPointer);
  }

  /** The codes of a closed classification: at least one, each once, of the shape of a case's codes. */
  private com.google.common.collect.ImmutableSortedSet<String> closedCodes(JsonValue v) {
    List<JsonValue> codes = v.asArray();
    if (codes.isEmpty()) {
      throw v.fail(Fault.BAD_VALUE, "a closed classification lists at least one class code");
    }
    if (codes.size() > MAX_DATA_ROWS) {
      throw context.error(ErrorCode.RT017, v.pointer(), "a closed classification has more than " + MAX_DATA_ROWS
          + " codes");
    }
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (JsonValue c : codes) {
      inputRule(c, () -> org.ratefloat.model.InputRules.classCode(c.asString(), ""));
      if (!out.add(c.asString())) {
        throw context.error(ErrorCode.RT007, c.pointer(), "class " + c.asString() + " is listed twice");
      }
    }
    return com.google.common.collect.ImmutableSortedSet.copyOf(out);
  }

  /** A rule of the input (the shape of a class code or system) applied to a table's value: RT009 at the value. */
  private void inputRule(JsonValue v, Runnable rule) {
    try {
      rule.run();
    } catch (org.ratefloat.error.InputException e) {
      throw context.error(ErrorCode.RT009, v.pointer(), e.detail());
    }
  }

  private void dataName(JsonObject o, String name) {
    if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
      throw o.fail(name, Fault.BAD_VALUE, "reference data names are letters, digits and _: \"" + name + "\"");
    }
  }

  private ReferenceData.StepTable stepTable(String name, JsonObject o) {
    boolean interpolate = o.opt("interpolate").map(JsonValue::asBoolean).orElse(false);
    List<JsonValue> rows = o.array("rows");
    if (rows.isEmpty()) {
      throw o.fail("rows", Fault.MISSING, "step table " + name + " needs at least one row");
    }
    if (rows.size() > MAX_DATA_ROWS) {
      throw context.error(ErrorCode.RT017, o.pointerOf("rows"), "step table " + name + " has more than "
          + MAX_DATA_ROWS + " rows");
    }
    ImmutableList.Builder<BigDecimal> keys = ImmutableList.builder();
    ImmutableList.Builder<BigDecimal> values = ImmutableList.builder();
    BigDecimal previous = null;
    for (JsonValue row : rows) {
      List<JsonValue> pair = row.asArray();
      if (pair.size() != 2) {
        throw row.fail(Fault.BAD_VALUE, "a step-table row is a pair [key, value]");
      }
      BigDecimal key = pair.get(0).asDecimal();
      if (previous != null && key.compareTo(previous) <= 0) {
        throw context.error(ErrorCode.RT034, pair.get(0).pointer(), "keys of step table " + name
            + " must rise strictly: " + previous.toPlainString() + " then " + key.toPlainString());
      }
      previous = key;
      keys.add(key);
      values.add(pair.get(1).asDecimal());
    }
    String pointer = o.pointer();
    o.finish();
    return new ReferenceData.StepTable(name, pointer, keys.build(), values.build(), interpolate);
  }
}
