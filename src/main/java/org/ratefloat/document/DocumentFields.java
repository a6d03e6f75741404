package org.ratefloat.document;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.json.Fault;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;

/**
 * The fields every rule-format document shares (rule tables, classifications, ranking definitions),
 * each read and checked in this one place so that the same fault gets the same code in every
 * document: the format, ids, texts in Chinese and English, the status, the sources and lists of
 * notes. Roundings are read by {@link Rounding#read}.
 */
public final class DocumentFields {
  public static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,79}";

  private DocumentFields() {}

  private static final org.ratefloat.json.StrictJson JSON = org.ratefloat.json.StrictJson.forRuleTables();

  /**
   * The root object of a rule-format document (a rule table, reference data, a classification …),
   * read as strictly as a rule table, its faults reported as rule-table errors of {@code source}.
   */
  public static JsonObject root(String source, byte[] bytes) {
    org.ratefloat.json.Faults faults = org.ratefloat.json.Faults.ruleTable(source);
    return JsonValue.root(JSON.read(bytes, faults), faults).asObject();
  }

  /** The {@code format} key must name {@code expected} (see {@link #formatOneOf}). */
  public static void format(JsonObject o, String expected, String source) {
    formatOneOf(o, source, expected);
  }

  /**
   * The {@code format} key must name one of {@code accepted}: {@code RT004} if it is missing,
   * {@code RT014} if it names another, each message saying what the document is instead.
   */
  public static void formatOneOf(JsonObject o, String source, String... accepted) {
    String kind = org.ratefloat.json.Formats.kindOf(accepted[0]);
    String names = java.util.Arrays.stream(accepted).map(a -> "\"" + a + "\"")
        .collect(java.util.stream.Collectors.joining(" or "));
    if (!o.has("format")) {
      throw new RuleTableException(ErrorCode.RT004, source, o.pointerOf("format"), "required key \"format\" is "
          + "missing: expected " + kind + " of format " + names + ", found " + org.ratefloat.json.Formats.found(o));
    }
    JsonValue format = o.req("format");
    if (!java.util.Arrays.asList(accepted).contains(format.asString())) {
      throw new RuleTableException(ErrorCode.RT014, source, format.pointer(), "unsupported format \""
          + format.asString() + "\", expected " + names + ": this is " + org.ratefloat.json.Formats.found(o)
          + ", not " + kind);
    }
  }

  /** An id: letters, digits, {@code .}, {@code _} and {@code -}, up to 80 characters. */
  public static String id(JsonValue v) {
    String id = v.asString();
    if (!id.matches(ID)) {
      throw v.fail(Fault.BAD_VALUE, "ids are letters, digits, '.', '_' and '-', up to 80 characters: \""
          + id + "\"");
    }
    return id;
  }

  /** {@code {"zh": "…", "en": "…"}}, nothing else. */
  public static Text text(JsonValue v) {
    JsonObject o = v.asObject();
    Text text = new Text(o.text("zh"), o.text("en"));
    o.finish();
    return text;
  }

  /** {@code "verified"} or {@code "provisional"}. */
  public static TableStatus status(JsonValue v) {
    return switch (v.asString()) {
      case "verified" -> TableStatus.VERIFIED;
      case "provisional" -> TableStatus.PROVISIONAL;
      default -> throw v.fail(Fault.BAD_VALUE,
          "status must be \"verified\" or \"provisional\": \"" + v.asString() + "\"");
    };
  }

  /** The {@code sources} key: at least one {@code {"url": "…", "took": "…"}}. */
  public static ImmutableList<SourceRef> sources(JsonObject o) {
    ImmutableList.Builder<SourceRef> list = ImmutableList.builder();
    List<JsonValue> values = o.array("sources");
    if (values.isEmpty()) {
      throw o.fail("sources", Fault.MISSING, "a table must name at least one source");
    }
    for (JsonValue v : values) {
      JsonObject s = v.asObject();
      list.add(new SourceRef(s.text("url"), s.text("took")));
      s.finish();
    }
    return list.build();
  }

  /**
   * The fields a document of the portfolio tools opens with, each read as above.
   *
   * @param unverified the parameters the sources do not confirm (none if the status is verified)
   */
  public record Header(String id, String version, Text title, TableStatus status, ImmutableList<SourceRef> sources,
      ImmutableList<String> unverified) {}

  /**
   * Reads the opening fields of a document of format {@code format}: the format itself, id, version,
   * title, status, sources and unverified list; a verified document with unverified entries is
   * refused ({@code RT009} at {@code /status}).
   *
   * @param what what the document is, for the message ("a definition", "regions" ...)
   */
  public static Header header(JsonObject o, String format, String source, String what) {
    format(o, format, source);
    String id = id(o.req("id"));
    String version = o.text("version");
    Text title = text(o.req("title"));
    TableStatus status = status(o.req("status"));
    ImmutableList<SourceRef> sources = sources(o);
    ImmutableList<String> unverified = strings(o.optArray("unverified"));
    if (status == TableStatus.VERIFIED && !unverified.isEmpty()) {
      throw o.fail("status", Fault.BAD_VALUE, what + " with unverified entries must have status \"provisional\"");
    }
    return new Header(id, version, title, status, sources, unverified);
  }

  /** A list of texts (notes, unverified parameters, gaps). */
  public static ImmutableList<String> strings(List<JsonValue> values) {
    return values.stream().map(JsonValue::asText).collect(ImmutableList.toImmutableList());
  }
}
