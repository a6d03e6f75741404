package org.ratefloat.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our words for what the JSON and CSV parsers report: a limit passed, a document that is not well
 * formed. Their own messages name Java classes, methods and options ({@code
 * StreamReadConstraints.getMaxStringLength()}, {@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}),
 * which mean nothing to whoever wrote the file; none of that reaches a message. The words never
 * quote the document beyond one character, so a file that is not JSON is not echoed.
 *
 * <p>The one place where a parser's fault becomes text: {@link StrictJson} and the CSV reader of
 * portfolios use it.
 */
public final class ParserWords {
  private static final Pattern NUMBERS = Pattern.compile("\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
  private static final Pattern CHARACTER = Pattern.compile("\\('(.)' \\(code (\\d+)\\)\\)|\\(CTRL-CHAR, code (\\d+)\\)"
      + "|\\(code 0x([0-9a-fA-F]+)\\)");

  private ParserWords() {}

  /** Whether the parser's fault is a limit passed (a text, number or nesting too large). */
  public static boolean isLimit(JsonProcessingException e) {
    return e instanceof StreamConstraintsException;
  }

  /** The fault in our words, lower case, without the place (the caller adds line and column). */
  public static String describe(JsonProcessingException e) {
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      return limit(m);
    }
    if (m.startsWith("Unexpected end-of-input")) {
      return m.contains("String value") || m.contains("string value")
          ? "the document ends inside a string" : "the document ends before its value is complete";
    }
    if (m.startsWith("Non-standard token")) {
      return "NaN and Infinity are not numbers in JSON";
    }
    if (m.startsWith("Unrecognized token")) {
      return "unrecognized token: expected a value (a string, number, object, array, true, false or null)";
    }
    if (m.startsWith("Illegal unquoted character")) {
      return "control character " + character(m) + " inside a string: it must be written escaped (\\n, \\u0001)";
    }
    if (m.startsWith("Illegal character") || m.startsWith("Invalid white space")) {
      return "control character " + character(m) + " outside a string";
    }
    if (m.startsWith("Unrecognized character escape")) {
      return "unknown escape in a string: a backslash before " + character(m);
    }
    if (m.contains("comment")) {
      return "unexpected character '/': comments are not JSON";
    }
    if (m.contains("plus sign")) {
      return "a number may not begin with '+'";
    }
    if (m.contains("Leading zeroes")) {
      return "a number may not begin with 0 unless it is 0 or 0.x";
    }
    if (m.startsWith("Unexpected character")) {
      return "unexpected character " + character(m) + (m.contains("in numeric value") ? " in a number" : "")
          + expectation(m);
    }
    if (m.startsWith("Invalid numeric value") || m.startsWith("Malformed numeric value")
        || m.startsWith("Decimal point not followed") || m.startsWith("Exponent indicator not followed")
        || m.startsWith("expected digit") || m.startsWith("Numeric value")) {
      return "not a number JSON allows";
    }
    if (m.startsWith("Unexpected close marker")) {
      return "unexpected " + (m.contains("']'") ? "']'" : "'}'") + ": it closes nothing that is open here";
    }
    if (m.startsWith("Expected space separating root-level values")) {
      return "more than one value: expected the end of the document";
    }
    if (m.startsWith("Invalid UTF-8") || m.contains("surrogate")) {
      return "not well-formed UTF-8 text";
    }
    if (m.startsWith("Missing closing quote")) {
      return "a quoted cell is not closed before the end of the file";
    }
    if (m.startsWith("Unexpected EOF")) {
      return "the file ends inside an escape";
    }
    return "not well formed";
  }

  /** A limit passed, from the figures of the parser's message. */
  private static String limit(String m) {
    Matcher n = NUMBERS.matcher(m);
    String found = n.find() ? n.group(1) : null;
    String max = found == null ? null : n.group(2);
    String figures = found == null ? "" : " of " + found + " %s, more than the limit of " + max;
    if (m.startsWith("String value length")) {
      return String.format(Locale.ROOT, "a text" + figures, "characters");
    }
    if (m.startsWith("Number value length")) {
      return String.format(Locale.ROOT, "a number" + figures, "characters");
    }
    if (m.startsWith("Name length")) {
      return String.format(Locale.ROOT, "a key" + figures, "characters");
    }
    if (m.startsWith("Document nesting depth")) {
      return "nesting deeper than " + (max == null ? "the limit" : max + " levels");
    }
    if (m.startsWith("Document length")) {
      return String.format(Locale.ROOT, "a document" + figures, "bytes");
    }
    if (m.startsWith("Token count")) {
      return "more values than the limit" + (max == null ? "" : " of " + max);
    }
    return "the document passes a limit of its reader";
  }

  /** The character a message names, as one printable character or its code point. */
  private static String character(String m) {
    Matcher c = CHARACTER.matcher(m);
    if (!c.find()) {
      return "";
    }
    int code = c.group(2) != null ? Integer.parseInt(c.group(2))
        : c.group(3) != null ? Integer.parseInt(c.group(3)) : Integer.parseInt(c.group(4), 16);
    return code > 0x20 && code < 0x7f ? "'" + (char) code + "'" : String.format(Locale.ROOT, "U+%04X", code);
  }

  /** What the parser expected instead, in our words; empty if it said nothing we can tell. */
  private static String expectation(String m) {
    if (m.contains("comma to separate Object entries")) {
      return ": expected ',' or '}'";
    }
    if (m.contains("comma to separate Array entries")) {
      return ": expected ',' or ']'";
    }
    if (m.contains("quote to start field name")) {
      return ": expected a key in quotation marks";
    }
    if (m.contains("colon to separate field name and value")) {
      return ": expected ':'";
    }
    if (m.contains("valid value") || m.contains("expected a value") || m.contains("JSON String, Number")) {
      return ": expected a value (a string, number, object, array, true, false or null)";
    }
    if (m.contains("column separator")) {
      return ": expected ',' or the end of the line after a quoted cell";
    }
    return "";
  }
}
