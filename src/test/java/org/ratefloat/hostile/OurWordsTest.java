package org.ratefloat.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.batch.Batch;
import org.ratefloat.cli.CliRun;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.ranking.Ranking;
import org.ratefloat.report.Report;
import org.ratefloat.simulation.Roundings;

/**
 * Every message a reader gives is in ratefloat's words: the parsers' own limit faults (a text, a
 * number, a key, nesting, a CSV header of 600,000 columns) and syntax faults are fed through every
 * reader of the library (case, decision record, verify, rule table and each file it pulls in,
 * ranking definition, roundings, the report's inputs, a portfolio line, a CSV portfolio) and through
 * the command line, and no message names a Java class, method, option or feature, nor spans lines.
 */
class OurWordsTest {
  /** A class or method name, an option constant, a package, an exception, the parser's own phrases. */
  static final Pattern JAVA = Pattern.compile("`|\\(\\)|\\b[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+\\b"
      + "|\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b(java|javax|com|org|sun)\\.[a-z]|Exception|\\bError\\b|REDACTED"
      + "|Source:|Internal error|\\$|\\bchar\\b|code point \\(|CTRL-CHAR|exceeds the maximum allowed");

  @TempDir
  Path tmp;

  /** JSON documents the parser refuses: each of its limits, and its syntax faults. */
  static Map<String, byte[]> badJson() {
    Map<String, byte[]> docs = new LinkedHashMap<>();
    docs.put("a text of 70,000 characters", ("{\"format\": \"" + "x".repeat(70_000) + "\"}")
        .getBytes(StandardCharsets.UTF_8));
    docs.put("a key of 60,000 characters", ("{\"" + "k".repeat(60_000) + "\": 1}").getBytes(StandardCharsets.UTF_8));
    docs.put("a number of 60 digits", ("{\"format\": " + "9".repeat(60) + "}").getBytes(StandardCharsets.UTF_8));
    docs.put("nesting of 2,000 levels", ("{\"format\": " + "[".repeat(2000) + "]".repeat(2000) + "}")
        .getBytes(StandardCharsets.UTF_8));
    String[] syntax = {
        "{\"format\": NaN}", "{\"format\": Infinity}", "{\"format\": -Infinity}", "{\"format\": \"x\"", "{\"format\": ",
        "{\"format\" \"x\"}", "{format: 1}", "{'format': 1}", "{\"format\": 'x'}", "{\"format\": +1}",
        "{\"format\": 01}",
        "{\"format\": .5}", "{\"format\": 1.}", "{\"format\": 1e}", "{\"format\": -}", "{\"format\": \"a\u0001b\"}",
        "{\"format\": \"a\\qb\"}", "{\"format\": [1, 2}", "{\"format\": 1]", "// a comment\n{}", "/* c */ {}",
        "{\"format\": tru}", "{\"format\": nul}", "{\"a\": 1,}", "[1, 2,]", "{\"a\": 1} {\"b\": 2}",
        "{\"a\" : 1 \"b\": 2}",
        "\u0000{}", "{\"format\": \"\\ud800\"}", "{\"format\": \"\\u12\"}", "root:x:0:0:root:/root:/bin/bash"};
    for (String s : syntax) {
      docs.put("syntax " + s, s.getBytes(StandardCharsets.UTF_8));
    }
    docs.put("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'});
    return docs;
  }

  /** Every reader of a JSON document, each given the document's bytes. */
  private Map<String, Reader> readers() throws Exception {
    Map<String, Reader> readers = new LinkedHashMap<>();
    RuleTable hunan = RateFloat.bundledTable("cn-hn-provisional");
    byte[] hunanBytes = Files.readAllBytes(Path.of("rules/cn-hn-provisional.json"));
    byte[] nationalBytes = Files.readAllBytes(Path.of("rules/cn-national-2015.json"));
    byte[] blendBytes = Files.readAllBytes(Path.of("rules/cn-credibility-blend.json"));
    readers.put("case", RateFloat::readCase);
    readers.put("decision record", RateFloat::readDecision);
    readers.put("verify", hunan::verify);
    readers.put("kind of document", RateFloat::isDecisionRecord);
    readers.put("rule table", b -> RateFloat.loadTable("t.json", b, id -> Optional.empty()));
    readers.put("base table", b -> RateFloat.loadTable("cn-hn-provisional.json", hunanBytes, id -> Optional.of(b)));
    readers.put("classification", b -> RateFloat.loadTable("cn-hn-provisional.json", hunanBytes,
        id -> Optional.of(id.equals("cn-national-2015") ? nationalBytes : b)));
    readers.put("reference data", b -> RateFloat.loadTable("cn-credibility-blend.json", blendBytes,
        id -> Optional.of(b)));
    readers.put("ranking definition", b -> Ranking.load(Files.write(tmp.resolve("def.ranking.json"), b)));
    readers.put("ranking definition's classification", b -> {
      Path dir = Files.createDirectories(tmp.resolve("with-bad-classification"));
      Files.copy(Path.of("rules/cn-hn-key-industries.ranking.json"), dir.resolve("key.ranking.json"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.write(dir.resolve("cn-annex-2015.json"), b);
      return Ranking.load(dir.resolve("key.ranking.json"));
    });
    readers.put("simulation roundings", b -> Roundings.read("r.json", b));
    readers.put("report's simulation", Report::readSimulation);
    readers.put("report's ranking", Report::readRanking);
    readers.put("portfolio line", b -> {
      Path in = Files.write(tmp.resolve("line.ndjson"), b);
      List<RateFloatException> refused = new ArrayList<>();
      Batch.read(in, c -> { }, (line, e) -> refused.add(e));
      if (!refused.isEmpty()) {
        throw refused.get(0);
      }
      return null;
    });
    return readers;
  }

  @FunctionalInterface
  interface Reader {
    Object read(byte[] bytes) throws Exception;
  }

  private static void assertOurWords(String what, String message) {
    assertFalse(JAVA.matcher(message).find(), what + ": Java in the message: " + message);
    assertFalse(message.contains("\n") || message.contains("\r"), what + ": more than one line: " + message);
  }

  @Test
  void everyJsonReaderSaysEachParserFaultInOurWords() throws Exception {
    int checked = 0;
    for (Map.Entry<String, Reader> reader : readers().entrySet()) {
      for (Map.Entry<String, byte[]> doc : badJson().entrySet()) {
        String what = reader.getKey() + " <- " + doc.getKey();
        try {
          reader.getValue().read(doc.getValue());
          throw new AssertionError(what + ": accepted");
        } catch (RateFloatException e) {
          assertOurWords(what, e.getMessage());
          checked++;
        }
      }
    }
    assertEquals(readers().size() * badJson().size(), checked);
    assertTrue(checked >= 14 * 36, "every reader, every document: " + checked);
  }

  @Test
  void theLimitsAreSaidWithTheirFigures() {
    Map<String, byte[]> docs = badJson();
    assertEquals("IN024 /: a text of 70000 characters, more than the limit of 65536",
        refusal(docs.get("a text of 70,000 characters")));
    assertEquals("IN024 /: a number of 60 characters, more than the limit of 40",
        refusal(docs.get("a number of 60 digits")));
    assertEquals("IN024 /: a key of 60000 characters, more than the limit of 50000",
        refusal(docs.get("a key of 60,000 characters")));
    assertTrue(refusal(docs.get("nesting of 2,000 levels")).startsWith("IN024 /format/0/0/0"));
    assertTrue(refusal(docs.get("nesting of 2,000 levels")).endsWith(": nesting deeper than 32 levels"));
    assertEquals("IN001 /format: NaN and Infinity are not numbers in JSON at line 1, column 15",
        refusal(docs.get("syntax {\"format\": NaN}")));
    assertEquals("IN001 /format: the document ends before its value is complete at line 1, column 15",
        refusal(docs.get("syntax {\"format\": \"x\"")));
    assertEquals("IN001 /: unexpected character '/': comments are not JSON at line 1, column 1",
        refusal(docs.get("syntax // a comment\n{}")));
    assertEquals("IN001 /: unrecognized token: expected a value (a string, number, object, array, true, false or "
        + "null) at line 1, column 1", refusal(docs.get("syntax root:x:0:0:root:/root:/bin/bash")));
  }

  private static String refusal(byte[] doc) {
    try {
      RateFloat.readCase(doc);
      throw new AssertionError("accepted");
    } catch (RateFloatException e) {
      return e.getMessage();
    }
  }

  /** CSV portfolios the parser or the strict reading refuses. */
  static Map<String, String> badCsv() {
    String header = "id,name,edition,code,asOf,year,payroll";
    Map<String, String> files = new LinkedHashMap<>();
    files.put("a cell of 70,000 characters", header + "\nE1," + "n".repeat(70_000)
        + ",GB/T 4754-2011,36,2025-01-01,2024,1\n");
    StringBuilder wide = new StringBuilder("id");
    for (int i = 0; i < 600_000; i++) {
      wide.append(",c").append(i);
    }
    files.put("a header of 600,000 columns", wide + "\nE1\n");
    StringBuilder wideRow = new StringBuilder(header).append("\nE1");
    for (int i = 0; i < 600_000; i++) {
      wideRow.append(",x");
    }
    files.put("a row of 600,000 cells", wideRow + "\n");
    files.put("a quoted cell not closed", header + "\nE1,\"Works,GB/T 4754-2011,36,2025-01-01,2024,1\n");
    files.put("text after a quoted cell", header + "\nE1,\"Works\"x,GB/T 4754-2011,36,2025-01-01,2024,1\n");
    files.put("a column twice", header + ",payroll\nE1,W,GB/T 4754-2011,36,2025-01-01,2024,1,5\n");
    files.put("an empty column name", header + ",\nE1,W,GB/T 4754-2011,36,2025-01-01,2024,1,\n");
    files.put("a short row", header + "\nE1,W\n");
    files.put("a NUL", header + "\nE1,W\u0000,GB/T 4754-2011,36,2025-01-01,2024,1\n");
    return files;
  }

  @Test
  void theCsvReaderSaysEachFaultInOurWords() throws Exception {
    for (Map.Entry<String, String> f : badCsv().entrySet()) {
      Path in = Files.writeString(tmp.resolve("p.csv"), f.getValue(), StandardCharsets.UTF_8);
      Path out = tmp.resolve("o.ndjson");
      try {
        Batch.run(c -> {
          throw new AssertionError("decided");
        }, in, out, new Batch.Options(1, Batch.Format.CSV, Batch.Format.NDJSON, false), null);
        throw new AssertionError(f.getKey() + ": accepted");
      } catch (RateFloatException e) {
        assertOurWords(f.getKey(), e.getMessage());
        assertTrue(e.getMessage().contains("CSV line "), e.getMessage());
      }
      // the command line says the same on one line
      CliRun r = CliRun.of("batch", "--rules", "cn-hn-provisional", "--in", in.toString(), "--out", out.toString());
      r.assertRefused(3, r.err().substring("ratefloat: ".length(), "ratefloat: ".length() + 5), "");
      assertOurWords(f.getKey(), r.err().strip());
    }
  }

  @Test
  void theCommandLineSaysEachJsonFaultInOurWords() throws Exception {
    for (Map.Entry<String, byte[]> doc : badJson().entrySet()) {
      Path file = Files.write(tmp.resolve("doc.json"), doc.getValue());
      for (String[] args : List.of(new String[] {"decide", "--rules", "cn-hn-provisional", file.toString()},
          new String[] {"verify", "--rules", "cn-hn-provisional", file.toString()},
          new String[] {"decide", "--rules", file.toString(), "examples/cn-hn-provisional/machinery.json"},
          new String[] {"report", "--simulation", file.toString(), "--out", tmp.resolve("r.html").toString()})) {
        CliRun r = CliRun.of(args);
        assertTrue(r.code() == 3 || r.code() == 4 || r.code() == 5, String.join(" ", args) + ": " + r.err());
        assertOurWords(doc.getKey() + " in " + args[0], r.err().strip() + r.out().strip().replace("\n", " "));
      }
    }
  }
}
