package org.ratefloat.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;

/**
 * The JSON Schemas in {@code src/main/resources/org/ratefloat/schema} (in the jar under
 * {@code org/ratefloat/schema/}): they are valid draft 2020-12 schemas named by their {@code $id},
 * every property has help text, every shipped rule table, classification, ranking definition, case
 * and decision record matches its schema, and broken documents (an unknown key, a wrong kind, a bad
 * decimal …) are refused at the right place, by the schema as by the strict loader, while unusual
 * but valid documents and records as ratefloat writes them pass.
 */
class JsonSchemasTest {
  private static final String BASE = "https://ratefloat.org/schema/";
  private static final String RESOURCES = "org/ratefloat/schema/";
  private static final Path FOLDER = Path.of("src/main/resources", RESOURCES);
  private static final String COMMON = "common-1.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12, b -> b
          .schemaRegistryConfig(SchemaRegistryConfig.builder()
              .pathType(PathType.JSON_POINTER)
              .formatAssertionsEnabled(true)
              .build())
          // the schemas' ids resolve to the copies on the class path (those of the jar)
          .schemaIdResolvers(r -> r.mapPrefix(BASE, "classpath:" + RESOURCES)));

  /** The document formats and their schemas; a document names its format, a case has none. */
  enum Format {
    RULE_TABLE("ratefloat/rule-table@1", "rule-table-1.schema.json"),
    RULE_TABLE_2("ratefloat/rule-table@2", "rule-table-2.schema.json"),
    REFERENCE("ratefloat/reference@1", "reference-1.schema.json"),
    CLASSIFICATION("ratefloat/classification@1", "classification-1.schema.json"),
    RANKING("ratefloat/ranking@2", "ranking-2.schema.json"),
    REGIONS("ratefloat/regions@1", "regions-1.schema.json"),
    INDUSTRY_NAMES("ratefloat/industry-names@1", "industry-names-1.schema.json"),
    DECISION("ratefloat/decision@2", "decision-2.schema.json"),
    DECISION_LEAN("ratefloat/decision-lean@1", "decision-lean-1.schema.json"),
    CASE(null, "case-1.schema.json");

    final String tag;
    final String file;

    Format(String tag, String file) {
      this.tag = tag;
      this.file = file;
    }

    Schema schema() {
      return REGISTRY.getSchema(SchemaLocation.of(BASE + file));
    }

    static Format of(JsonNode document) {
      JsonNode format = document.get("format");
      if (format == null) {
        return CASE;
      }
      for (Format f : values()) {
        if (format.asText().equals(f.tag)) {
          return f;
        }
      }
      throw new AssertionError("no schema for format " + format);
    }
  }

  // ------------------------------------------------------------------ the schemas themselves

  @Test
  void theFolderHoldsExactlyTheSchemas() throws IOException {
    Set<String> expected = new TreeSet<>();
    expected.add(COMMON);
    // the first decision format: no shipped document is of it any more, records made in it still are
    expected.add("decision-1.schema.json");
    for (Format f : Format.values()) {
      expected.add(f.file);
    }
    try (Stream<Path> files = Files.list(FOLDER)) {
      assertEquals(expected, files.map(p -> p.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new)));
    }
    for (String file : expected) {
      // on the class path as in the jar
      assertNotNull(getClass().getClassLoader().getResource(RESOURCES + file), file);
    }
  }

  @TestFactory
  Stream<DynamicTest> eachSchemaIsAValidDraft202012SchemaNamedByItsId() throws IOException {
    Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    return schemaFiles().map(file -> DynamicTest.dynamicTest(file, () -> {
      String text = resource(file);
      List<Error> errors = meta.validate(text, InputFormat.JSON);
      assertTrue(errors.isEmpty(), () -> file + " is not a valid schema: " + errors);
      JsonNode schema = JSON.readTree(text);
      assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText(), file);
      assertEquals(BASE + file, schema.path("$id").asText(), file + ": $id and file name differ");
      assertFalse(schema.path("title").asText().isBlank(), file + " has no title");
      assertFalse(schema.path("description").asText().isBlank(), file + " has no description");
    }));
  }

  /** An editor shows a key's description on hover and in completion: every key has one. */
  @TestFactory
  Stream<DynamicTest> everyKeyHasHelpText() throws IOException {
    return schemaFiles().map(file -> DynamicTest.dynamicTest(file, () -> {
      JsonNode schema = JSON.readTree(resource(file));
      List<String> undescribed = new ArrayList<>();
      undescribed(schema, schema, "", undescribed);
      assertTrue(undescribed.isEmpty(), () -> file + ": keys without a description: " + undescribed);
    }));
  }

  /**
   * Collects the keys of every object schema ({@code "type": "object"}) that neither have a
   * description nor refer to a definition that has one. Subschemas without a type only add
   * constraints to keys described elsewhere (the branches of if/then, dependentSchemas).
   */
  private static void undescribed(JsonNode root, JsonNode node, String pointer, List<String> out)
      throws IOException {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        undescribed(root, node.get(i), pointer + "/" + i, out);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (node.path("type").asText().equals("object") && node.has("properties")) {
      for (Map.Entry<String, JsonNode> property : node.get("properties").properties()) {
        if (!described(root, property.getValue())) {
          out.add(pointer + "/properties/" + property.getKey());
        }
      }
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey().replace("~", "~0").replace("/", "~1");
      undescribed(root, field.getValue(), pointer + "/" + key, out);
    }
  }

  /** Whether a schema has a description, or refers (in its file or another) to one that has. */
  private static boolean described(JsonNode root, JsonNode s) throws IOException {
    if (s.hasNonNull("description")) {
      return true;
    }
    if (!s.has("$ref")) {
      return false;
    }
    String ref = s.get("$ref").asText();
    int hash = ref.indexOf('#');
    String file = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    JsonNode target = file.isEmpty() ? root : JSON.readTree(resource(file));
    return described(target, target.at(fragment));
  }

  // ------------------------------------------------------------------ shipped documents

  /** A document to validate: a file, or one line of an NDJSON file. */
  record Document(String name, JsonNode json) {}

  private static List<Document> shippedDocuments() throws IOException {
    List<Document> documents = new ArrayList<>();
    for (Path folder : List.of(Path.of("rules"), Path.of("examples"))) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(folder)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        String name = file.toString().replace('\\', '/');
        if (name.endsWith(".json")) {
          documents.add(new Document(name, JSON.readTree(file.toFile())));
        } else if (name.endsWith(".ndjson")) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
              documents.add(new Document(name + ":" + (i + 1), JSON.readTree(lines.get(i))));
            }
          }
        }
      }
    }
    return documents;
  }

  @TestFactory
  Stream<DynamicTest> everyShippedDocumentMatchesItsSchema() throws IOException {
    return shippedDocuments().stream().map(d -> DynamicTest.dynamicTest(d.name(), () -> {
      Format format = Format.of(d.json());
      List<Error> errors = format.schema().validate(JSON.writeValueAsString(d.json()), InputFormat.JSON);
      assertTrue(errors.isEmpty(), () -> d.name() + " does not match " + format.file + ":\n"
          + errors.stream().map(e -> "  " + where(e) + " " + e.getMessage()).collect(Collectors.joining("\n")));
    }));
  }

  /**
   * The shipped documents exercise every schema, and each file is the format its name says: a rule
   * file is never a case, {@code *.decision.json} is a decision record, {@code *.ranking.json} a
   * ranking definition, any other example a case (an editor associates the schemas by these names).
   */
  @Test
  void everyFormatIsExercisedAndNamedAsItIs() throws IOException {
    List<Document> documents = shippedDocuments();
    Set<Format> seen = EnumSet.noneOf(Format.class);
    for (Document d : documents) {
      Format format = Format.of(d.json());
      seen.add(format);
      String name = d.name();
      Format expected = name.endsWith(".decision.json") ? Format.DECISION
          : name.endsWith(".ranking.json") ? Format.RANKING
          : name.endsWith(".regions.json") ? Format.REGIONS
          : name.endsWith(".industry-names.json") ? Format.INDUSTRY_NAMES
          : name.endsWith(".reference.json") ? Format.REFERENCE
          : name.startsWith("examples/") ? Format.CASE
          : format == Format.CLASSIFICATION ? Format.CLASSIFICATION
          : format == Format.RULE_TABLE_2 ? Format.RULE_TABLE_2 : Format.RULE_TABLE;
      assertEquals(expected, format, name);
    }
    // a lean record is only ever a line of a batch output, none of which is shipped: its schema is
    // exercised on batch output by leanRecordsMatchTheirSchema
    assertEquals(EnumSet.complementOf(EnumSet.of(Format.DECISION_LEAN)), seen);
  }

  // ------------------------------------------------------------------ broken documents

  /**
   * A shipped document with one fault: where the schema must report it, and the code and pointer
   * the strict loader reports for it. {@code null}: not checked with the loader, either because it
   * accepts the fault (a decision record's reader does not trust {@code display} and does not check
   * outcomes, which {@code verify} compares; the schema describes the record as written).
   */
  record Broken(String what, String file, Consumer<ObjectNode> edit, String pointer, String loader) {}

  private static final String TABLE = "rules/cn-zj-hangzhou.json";
  private static final String GATED = "rules/cn-city-b.json";
  private static final String ANNEX = "rules/cn-annex-2015.json";
  private static final String RANKING = "rules/cn-hn-key-industries.ranking.json";
  private static final String REGIONS = "rules/cn-hn.regions.json";
  private static final String NAMES = "rules/gbt4754.industry-names.json";
  private static final String CASE = "examples/cn-zj-hangzhou/standardised-workshop.json";
  private static final String DECISION = "examples/cn-zj-hangzhou/standardised-workshop.decision.json";
  private static final String REFERENCE = "rules/cn-credibility-example.reference.json";

  private static List<Broken> broken() {
    return List.of(
        // rule tables
        new Broken("unknown top-level key", TABLE, o -> o.put("colour", "blue"), "/colour", "RT003 /colour"),
        new Broken("unknown key in a row", TABLE, o -> at(o, "/steps/0/rows/0").put("priority", 1),
            "/steps/0/rows/0/priority", "RT003 /steps/0/rows/0/priority"),
        new Broken("unknown step kind", TABLE, o -> at(o, "/steps/0").put("kind", "lookup"),
            "/steps/0/kind", "RT014 /steps/0/kind"),
        new Broken("unknown indicator kind", TABLE, o -> at(o, "/indicators/0").put("kind", "quotient"),
            "/indicators/0/kind", "RT014 /indicators/0/kind"),
        new Broken("key of another kind of indicator", TABLE,
            o -> at(o, "/indicators/2").set("window", JSON.createObjectNode().put("calendarYears", 1)),
            "/indicators/2/window", "RT003 /indicators/2/window"),
        new Broken("unknown hit policy", TABLE, o -> at(o, "/steps/0").put("hitPolicy", "ANY"),
            "/steps/0/hitPolicy", "RT009 /steps/0/hitPolicy"),
        new Broken("decimal in exponent notation", TABLE, o -> at(o, "/indicators/0").put("multiplier", "1e2"),
            "/indicators/0/multiplier", "RT006 /indicators/0/multiplier"),
        new Broken("decimal with a comma", TABLE, o -> at(o, "/steps/0/rows/2/when/payoutRatio").put("le", "50,5"),
            "/steps/0/rows/2/when/payoutRatio", "RT006 /steps/0/rows/2/when/payoutRatio/le"),
        new Broken("two outcomes", TABLE, o -> at(o, "/steps/0/rows/2/then").put("addBands", 1),
            "/steps/0/rows/2/then", "RT009 /steps/0/rows/2/then"),
        new Broken("gt and ge together", TABLE, o -> at(o, "/steps/0/rows/2/when/payoutRatio").put("ge", "0"),
            "/steps/0/rows/2/when/payoutRatio", "RT009 /steps/0/rows/2/when/payoutRatio"),
        new Broken("month 13", TABLE, o -> o.put("effectiveFrom", "2024-13-01"),
            "/effectiveFrom", "RT009 /effectiveFrom"),
        new Broken("29 February of a common year", TABLE, o -> o.put("effectiveFrom", "2023-02-29"),
            "/effectiveFrom", "RT009 /effectiveFrom"),
        new Broken("id with a space", TABLE, o -> at(o, "/steps/0").put("id", "payout band"),
            "/steps/0/id", "RT009 /steps/0/id"),
        new Broken("no sources", TABLE, o -> o.remove("sources"), "/sources", "RT004 /sources"),
        new Broken("a gate row that adds bands", GATED,
            o -> at(o, "/steps/0/rows/0").set("then", JSON.createObjectNode().put("addBands", 1)),
            "/steps/0/rows/0/then", "RT009 /steps/0/rows/0/then/addBands"),
        new Broken("ladder without the benchmark band", "rules/cn-national-2015.json",
            o -> ((ArrayNode) o.at("/ladders/byClass/1")).remove(0), "/ladders/byClass/1",
            "RT010 /ladders/byClass/1"),
        // reference data
        new Broken("a value by class in exponent notation", REFERENCE, o -> at(o, "/byClass/k").put("1", "1e5"),
            "/byClass/k/1", "RT006 /byClass/k/1"),
        new Broken("a class code with a space", REFERENCE, o -> at(o, "/byClass/mu").put("class 1", "0.5"),
            "/byClass/mu", "RT009 /byClass/mu/class 1"),
        new Broken("reference data without an effective date", REFERENCE, o -> o.remove("effectiveFrom"),
            "/effectiveFrom", "RT004 /effectiveFrom"),
        new Broken("an unknown key in reference data", REFERENCE, o -> o.put("benchmarks", "1"),
            "/benchmarks", "RT003 /benchmarks"),
        // classification
        new Broken("class key that is no code", ANNEX, o -> at(o, "/editions/GB~1T 4754-2011/classes").put("3A", 4),
            "/editions/GB~1T 4754-2011/classes", "RT009 /editions/GB~1T 4754-2011/classes/3A"),
        new Broken("risk class 0", ANNEX, o -> at(o, "/editions/GB~1T 4754-2011/classes").put("01", 0),
            "/editions/GB~1T 4754-2011/classes/01", "RT009 /editions/GB~1T 4754-2011/classes/01"),
        // ranking definition
        new Broken("unknown key in combine", RANKING, o -> at(o, "/combine").put("order", "desc"),
            "/combine/order", "RT003 /combine/order"),
        new Broken("unknown tie rule", RANKING, o -> at(o, "/combine").put("ties", "RANDOM"), "/combine/ties",
            "RT009 /combine/ties"),
        new Broken("rate without rounding", RANKING, o -> at(o, "/indicators/1").remove("round"),
            "/indicators/1/per", "RT004 /indicators/1/round"),
        new Broken("no listing rule", RANKING, o -> o.remove("listing"), "/listing", "RT004 /listing"),
        new Broken("a key industry without a name", RANKING, o -> at(o, "/keyIndustries/0").remove("name"),
            "/keyIndustries/0/name", "RT004 /keyIndustries/0/name"),
        // regions and industry names
        new Broken("a city code of a province", REGIONS, o -> at(o, "/cities/0").put("code", "430000"),
            "/cities/0/code", "RT009 /cities/0/code"),
        new Broken("a county code of five digits", REGIONS, o -> at(o, "/cities/0/counties").put("43010", "x"),
            "/cities/0/counties", "RT009 /cities/0/counties/43010"),
        new Broken("a class code of three digits", NAMES, o -> at(o, "/editions/GB~1T 4754-2011/classes")
            .put("061", "x"), "/editions/GB~1T 4754-2011/classes", "RT009 /editions/GB~1T 4754-2011/classes/061"),
        // cases
        new Broken("unknown key in the employer", CASE, o -> at(o, "/employer").put("colour", "blue"),
            "/employer/colour", "IN003 /employer/colour"),
        new Broken("decimal with thousands separators", CASE, o -> at(o, "/history/0").put("payroll", "31,000,000.00"),
            "/history/0/payroll", "IN006 /history/0/payroll"),
        new Broken("count as a string", CASE, o -> at(o, "/history/0").put("injuries", "9"),
            "/history/0/injuries", "IN005 /history/0/injuries"),
        new Broken("negative amount", CASE, o -> at(o, "/history/0").put("benefitsPaid", "-1.00"),
            "/history/0/benefitsPaid", "IN007 /history/0/benefitsPaid"),
        new Broken("year and from", CASE, o -> at(o, "/history/0").put("from", "2023-01-01"),
            "/history/0", "IN023 /history/0/year"),
        new Broken("unknown claim kind", CASE, o -> o.set("claims", JSON.createArrayNode().add(JSON.createObjectNode()
            .put("id", "C-1").put("date", "2024-03-05").put("kind", "accident").put("paid", "100.00"))),
            "/claims/0/kind", "IN023 /claims/0/kind"),
        new Broken("unknown edition", CASE, o -> at(o, "/employer/industry").put("edition", "GB/T 4754-2002"),
            "/employer/industry/edition", "IN013 /employer/industry/edition"),
        // decision records
        new Broken("unknown key in the rate", DECISION, o -> at(o, "/rate").put("currency", "CNY"),
            "/rate/currency", "IN003 /rate/currency"),
        new Broken("fraction with denominator 0", DECISION, o -> at(o, "/indicators/0").put("unrounded", "16850/0"),
            "/indicators/0/unrounded", "IN006 /indicators/0/unrounded"),
        new Broken("rate in exponent notation", DECISION, o -> at(o, "/rate").put("value", "4.5E-1"),
            "/rate/value", "IN006 /rate/value"),
        new Broken("fraction without display", DECISION, o -> at(o, "/indicators/0").remove("display"),
            "/indicators/0/display", null),
        new Broken("unknown step outcome", DECISION, o -> at(o, "/steps/0").put("outcome", "ignored"),
            "/steps/0/outcome", null),
        new Broken("broken echoed input", DECISION, o -> at(o, "/input/history/0").put("deaths", -1),
            "/input/history/0/deaths", "IN007 /input/history/0/deaths"));
  }

  @TestFactory
  Stream<DynamicTest> brokenDocumentsAreRefusedWhereTheFaultIs(@TempDir Path dir) {
    return broken().stream().map(b -> DynamicTest.dynamicTest(b.what() + " (" + b.file() + ")", () -> {
      ObjectNode document = (ObjectNode) JSON.readTree(Path.of(b.file()).toFile());
      Format format = Format.of(document);
      assertTrue(format.schema().validate(JSON.writeValueAsString(document), InputFormat.JSON).isEmpty(),
          b.file() + " must match before it is broken");
      b.edit().accept(document);
      byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
      List<Error> errors = format.schema().validate(new String(bytes, StandardCharsets.UTF_8), InputFormat.JSON);
      Set<String> places = errors.stream().map(JsonSchemasTest::where)
          .collect(Collectors.toCollection(TreeSet::new));
      assertTrue(places.contains(b.pointer()), () -> "the schema should refuse " + b.pointer() + ", reports "
          + errors.stream().map(e -> where(e) + " " + e.getMessage()).toList());
      if (b.loader() != null) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> load(format, b.file(), bytes, dir));
        String message = e.getMessage();
        assertTrue(message.startsWith(b.loader() + ": "), () -> "the loader should refuse with "
            + b.loader() + ", says: " + message);
      }
    }));
  }

  /**
   * Unusual but valid: what the loader accepts, the schema accepts too (decimals as JSON numbers,
   * the short edition name, a year as a date range, a benchmark the sources do not give …);
   * {@code loaded} is false for a variant the loader is not asked about.
   */
  record Variant(String what, String file, Consumer<ObjectNode> edit, boolean loaded) {}

  private static List<Variant> variants() {
    return List.of(
        new Variant("decimals as JSON numbers", TABLE, o -> {
          at(o, "/indicators/0").put("multiplier", 100);
          at(o, "/steps/0/rows/2/when/payoutRatio").put("le", new BigDecimal("50.0"));
        }, true),
        new Variant("an end date and a formula", TABLE, o -> {
          o.put("effectiveTo", "2099-12-31");
          ((ArrayNode) o.get("indicators")).add(JSON.createObjectNode()
              .put("id", "halfPayout").put("kind", "formula")
              .<ObjectNode>set("label", JSON.createObjectNode().put("zh", "半").put("en", "half"))
              .<ObjectNode>set("expr", JSON.createObjectNode().set("div", JSON.createArrayNode()
                  .add("payoutRatio").add(JSON.createObjectNode().put("const", "2"))))
              .<ObjectNode>set("domain", JSON.createObjectNode().put("ge", "0").put("step", 0))
              .set("allow", JSON.createArrayNode().add("RT029")));
        }, true),
        new Variant("the top band from a gate", GATED,
            o -> at(o, "/steps/0/rows/0").set("then", JSON.createObjectNode().put("band", "top")), true),
        new Variant("a benchmark the sources do not give", "rules/cn-national-2015.json",
            o -> at(o, "/benchmarks").putNull("8"), true),
        // class 3, which no key industry's codes are in (class 8 would take the non-coal mines of 08: RT009)
        new Variant("risk classes beside codes", RANKING, o -> at(o, "/keyIndustries/0").set("classes",
            JSON.createArrayNode().add(3)), true),
        new Variant("a period as a date range, amounts as numbers, the short edition", CASE, o -> {
          ObjectNode period = at(o, "/history/0");
          period.remove("year");
          period.put("from", "2023-01-01").put("to", "2023-12-31")
              .put("payroll", new BigDecimal("31000000.00"));
          at(o, "/employer/industry").put("edition", "2011");
        }, true),
        new Variant("claims with every key", CASE, o -> o.set("claims", JSON.createArrayNode()
            .add(JSON.createObjectNode().put("id", "C-1").put("date", "2024-03-05")
                .put("kind", "occupationalDisease").put("disabilityGrade", 7)
                .put("paid", "81200.00").put("incurred", 95000).put("medicalOnly", false))), true));
  }

  @TestFactory
  Stream<DynamicTest> unusualButValidDocumentsAreAccepted(@TempDir Path dir) {
    return variants().stream().map(v -> DynamicTest.dynamicTest(v.what() + " (" + v.file() + ")", () -> {
      ObjectNode document = (ObjectNode) JSON.readTree(Path.of(v.file()).toFile());
      Format format = Format.of(document);
      v.edit().accept(document);
      byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
      List<Error> errors = format.schema().validate(new String(bytes, StandardCharsets.UTF_8), InputFormat.JSON);
      assertTrue(errors.isEmpty(), () -> "the schema should accept it, reports "
          + errors.stream().map(e -> where(e) + " " + e.getMessage()).toList());
      if (v.loaded()) {
        load(format, v.file(), bytes, dir);
      }
    }));
  }

  /**
   * Records as ratefloat writes them match the decision schema, also where the shipped ones do not
   * go: an exact value of 21 decimal places (1 ÷ 2^21 of the payout ratio's 100 ÷ 8,388,608) and a
   * text value (a safety credit rating, which no shipped table asks for).
   */
  @Test
  void recordsAsWrittenMatchTheDecisionSchema(@TempDir Path dir) throws IOException {
    ObjectNode input = (ObjectNode) JSON.readTree(Path.of(CASE).toFile());
    at(input, "/history/1").put("benefitsPaid", "1").put("premiumsPaid", "8388608");
    ObjectNode table = (ObjectNode) JSON.readTree(Path.of(TABLE).toFile());
    ((ArrayNode) table.get("indicators")).add(JSON.createObjectNode()
        .put("id", "rating").put("kind", "safetyCreditRating").put("whenAbsent", "C")
        .set("label", JSON.createObjectNode().put("zh", "安全信用等级").put("en", "safety credit rating")));
    ((ArrayNode) table.get("steps")).insert(2, JSON.createObjectNode()
        .put("id", "rating-veto").put("kind", "veto").put("forbid", "belowBenchmark")
        .<ObjectNode>set("label", JSON.createObjectNode().put("zh", "信用等级差不下浮").put("en", "no down-float at D"))
        .set("when", JSON.createObjectNode().set("rating", JSON.createObjectNode()
            .set("in", JSON.createArrayNode().add("D")))));
    Path folder = copyOfRules(dir);
    Path tableFile = folder.resolve(Path.of(TABLE).getFileName());
    Files.write(tableFile, JSON.writeValueAsBytes(table));
    byte[] record = RateFloat.toJson(RateFloat.loadTable(tableFile).decide(
        RateFloat.readCase(JSON.writeValueAsBytes(input))));
    JsonNode written = JSON.readTree(record);
    assertEquals("0.000011920928955078125", written.at("/indicators/0/value").asText());
    assertEquals("text", written.at("/indicators/2/valueType").asText());
    List<Error> errors = Format.DECISION.schema()
        .validate(new String(record, StandardCharsets.UTF_8), InputFormat.JSON);
    assertTrue(errors.isEmpty(), () -> "the record does not match: "
        + errors.stream().map(e -> where(e) + " " + e.getMessage()).toList());
  }

  /**
   * The lean records of a batch ({@code --record lean}, with and without the input) match their
   * schema, which refuses a full record, a fired step without its id and a warning written in full.
   */
  @Test
  void leanRecordsMatchTheirSchema(@TempDir Path dir) throws IOException {
    org.ratefloat.synthetic.PortfolioGenerator gen = new org.ratefloat.synthetic.PortfolioGenerator(5, 40,
        java.time.LocalDate.of(2025, 1, 1), 3);
    List<String> lines = new java.util.ArrayList<>();
    while (gen.hasNext()) {
      lines.add(JSON.writeValueAsString(gen.next()));
    }
    Path in = Files.write(dir.resolve("in.ndjson"), lines, StandardCharsets.UTF_8);
    RuleTable hunan = RateFloat.loadTable(Path.of("rules/cn-hn-provisional.json"));
    int checked = 0;
    for (boolean echo : new boolean[] {false, true}) {
      Path out = dir.resolve("out-" + echo + ".ndjson");
      org.ratefloat.batch.Batch.run(hunan::decide, in, out, new org.ratefloat.batch.Batch.Options(1,
          org.ratefloat.batch.Batch.Format.NDJSON, org.ratefloat.batch.Batch.Format.NDJSON, echo, true,
          org.ratefloat.text.Language.EN), null);
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        JsonNode record = JSON.readTree(line).get("decision");
        if (record == null) {
          continue;
        }
        assertEquals(Format.DECISION_LEAN, Format.of(record));
        List<Error> errors = Format.DECISION_LEAN.schema().validate(record.toString(), InputFormat.JSON);
        assertTrue(errors.isEmpty(), () -> errors.stream().map(e -> where(e) + " " + e.getMessage()).toList()
            + " in " + line);
        assertEquals(echo, record.has("input"));
        checked++;
      }
    }
    assertTrue(checked >= 60, "records checked: " + checked);
    ObjectNode lean = (ObjectNode) JSON.readTree(Files.readAllLines(dir.resolve("out-false.ndjson")).get(0))
        .get("decision");
    ObjectNode noStep = lean.deepCopy();
    ((ObjectNode) noStep.get("fired").get(0)).remove("step");
    assertFalse(Format.DECISION_LEAN.schema().validate(noStep.toString(), InputFormat.JSON).isEmpty());
    ObjectNode fullWarning = lean.deepCopy();
    ((ArrayNode) fullWarning.get("warnings")).add(JSON.createObjectNode().put("code", "x").put("en", "x").put("zh", "x"));
    assertFalse(Format.DECISION_LEAN.schema().validate(fullWarning.toString(), InputFormat.JSON).isEmpty());
    ObjectNode withIndicators = lean.deepCopy();
    withIndicators.putArray("indicators");
    assertFalse(Format.DECISION_LEAN.schema().validate(withIndicators.toString(), InputFormat.JSON).isEmpty());
  }

  /** The records of the first format, kept in the compatibility corpus, match its schema, which stays shipped. */
  @Test
  void recordsOfTheFirstFormatMatchItsSchema() throws IOException {
    Schema first = REGISTRY.getSchema(SchemaLocation.of(BASE + "decision-1.schema.json"));
    int checked = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/compat/decision@1"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".decision.json")).sorted().toList()) {
        List<Error> errors = first.validate(Files.readString(f, StandardCharsets.UTF_8), InputFormat.JSON);
        assertTrue(errors.isEmpty(), () -> f + ": " + errors.stream().map(e -> where(e) + " " + e.getMessage()).toList());
        // and the current schema refuses it: a format is one schema
        assertFalse(Format.DECISION.schema().validate(Files.readString(f, StandardCharsets.UTF_8), InputFormat.JSON)
            .isEmpty(), f.toString());
        checked++;
      }
    }
    assertTrue(checked >= 24, "records checked: " + checked);
  }

  /**
   * The effects of @2 beyond factors (a computed floor and cap, amounts of money): the test table
   * matches the rule-table schema and its records, with and without {@code amounts}, the decision
   * schema; a lowercase currency is refused by the schema as by the loader.
   */
  @Test
  void computedBoundsAndAmountsMatchTheirSchemas() throws IOException {
    Path effects = Path.of("src/test/resources/format2/effects.json");
    List<Error> tableErrors = Format.RULE_TABLE_2.schema()
        .validate(Files.readString(effects, StandardCharsets.UTF_8), InputFormat.JSON);
    assertTrue(tableErrors.isEmpty(), () -> "effects.json: " + tableErrors.stream().map(e -> where(e) + " "
        + e.getMessage()).toList());
    ObjectNode input = (ObjectNode) JSON.readTree(Path.of("examples/us-ncci-mod/clerical-office.json").toFile());
    for (String benefits : List.of("0.00", "900000.00")) {
      ArrayNode history = JSON.createArrayNode();
      for (int year : List.of(2023, 2024)) {
        history.add(JSON.createObjectNode().put("year", year).put("payroll", "1000000.00")
            .put("premiumsPaid", "100000.00").put("benefitsPaid", benefits));
      }
      input.set("history", history);
      input.put("asOf", "2025-01-01");
      input.remove("claims");
      byte[] record = RateFloat.toJson(RateFloat.loadTable(effects).decide(
          RateFloat.readCase(JSON.writeValueAsBytes(input))));
      assertTrue(JSON.readTree(record).get("amounts").isArray(), benefits);
      List<Error> errors = Format.DECISION.schema().validate(new String(record, StandardCharsets.UTF_8), InputFormat.JSON);
      assertTrue(errors.isEmpty(), () -> "the record does not match: "
          + errors.stream().map(e -> where(e) + " " + e.getMessage()).toList());
    }
    ObjectNode broken = (ObjectNode) JSON.readTree(effects.toFile());
    at(broken, "/steps/1/rows/1/then/addAmount").put("currency", "eur");
    List<Error> errors = Format.RULE_TABLE_2.schema().validate(JSON.writeValueAsString(broken), InputFormat.JSON);
    assertTrue(errors.stream().anyMatch(e -> where(e).equals("/steps/1/rows/1/then/addAmount/currency")),
        () -> errors.stream().map(e -> where(e) + " " + e.getMessage()).toList().toString());
  }

  private static Path copyOfRules(Path dir) throws IOException {
    Path folder = Files.createTempDirectory(dir, "rules");
    try (Stream<Path> rules = Files.list(Path.of("rules"))) {
      for (Path p : rules.toList()) {
        Files.copy(p, folder.resolve(p.getFileName()));
      }
    }
    return folder;
  }

  /** Reads a document with the strict loader, as ratefloat does. */
  private static void load(Format format, String file, byte[] bytes, Path dir) throws IOException {
    switch (format) {
      case CASE -> RateFloat.readCase(bytes);
      case DECISION -> RateFloat.readDecision(bytes);
      case REFERENCE -> {
        Path target = Files.createTempDirectory(dir, "reference").resolve(Path.of(file).getFileName());
        Files.write(target, bytes);
        org.ratefloat.rules.RuleTables.loadReference(target);
      }
      case RULE_TABLE, RULE_TABLE_2, CLASSIFICATION -> {
        // the broken file among copies of the tables it refers to; a classification through the
        // national table, which refers to it
        Path folder = copyOfRules(dir);
        Path target = folder.resolve(Path.of(file).getFileName());
        Files.write(target, bytes);
        RateFloat.loadTable(format == Format.CLASSIFICATION ? folder.resolve("cn-national-2015.json") : target);
      }
      case RANKING, REGIONS, INDUSTRY_NAMES -> {
        Path folder = copyOfRules(dir);
        Path target = folder.resolve(Path.of(file).getFileName());
        Files.write(target, bytes);
        switch (format) {
          case RANKING -> org.ratefloat.ranking.Ranking.load(target);
          case REGIONS -> org.ratefloat.registry.Regions.load(target);
          default -> org.ratefloat.registry.IndustryNames.load(target);
        }
      }
      default -> fail("no loader for " + format);
    }
  }

  /** The JSON pointer of a schema error; for a missing or unknown key, of that key. */
  private static String where(Error e) {
    String at = e.getInstanceLocation().toString();
    boolean ofKey = e.getProperty() != null
        && Set.of("required", "additionalProperties", "dependentRequired").contains(e.getKeyword());
    return ofKey ? at + "/" + e.getProperty().replace("~", "~0").replace("/", "~1") : at;
  }

  private static ObjectNode at(ObjectNode root, String pointer) {
    JsonNode node = root.at(pointer);
    assertTrue(node.isContainerNode(), pointer);
    return node.isObject() ? (ObjectNode) node : fail(pointer + " is not an object");
  }

  // ------------------------------------------------------------------ helpers

  private static Stream<String> schemaFiles() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  /** A schema as the jar holds it (the class path), not the source folder. */
  private static String resource(String file) throws IOException {
    try (InputStream in = JsonSchemasTest.class.getClassLoader().getResourceAsStream(RESOURCES + file)) {
      assertNotNull(in, RESOURCES + file);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
