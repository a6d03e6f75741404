package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ratefloat.cli.CliTest.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.RateFloat;
import org.ratefloat.cli.CliTest.Run;

/**
 * The verdicts of {@code verify} and {@code explain} as an auditor meets them: a record made by
 * another version, an altered echo, a line of a batch output and a whole one, the CSV output that
 * carries no records, a table named by id while another file of that id lies beside the case.
 */
class RecordVerdictsTest {
  private static final String RECORD = "examples/cn-hn-provisional/machinery.decision.json";
  private static final String OLD_RECORD = "src/test/resources/compat/decision@1/cn-hn-provisional/machinery.decision.json";
  private static final String OLD_TABLE = "src/test/resources/compat/tables/cn-hn-provisional/2021.0-provisional.json";
  private static final String BATCH = "src/test/resources/compat/decision@2/cn-hn-provisional/batch.ndjson";
  private static final String THIS = "ratefloat " + RateFloat.VERSION;

  @TempDir
  Path tmp;

  private Path write(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String read(String file) throws Exception {
    return Files.readString(Path.of(file), StandardCharsets.UTF_8);
  }

  @Test
  void aRecordMadeByAnotherVersionVerifiesAndSaysWhichUnlessTheSameVersionIsAskedFor() throws Exception {
    Path other = write("other.json", read(RECORD).replace("\"library\": \"" + THIS + "\"",
        "\"library\": \"ratefloat 0.0.9\""));
    Run r = run("verify", "--rules", "cn-hn-provisional", other.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("OK: " + other + " is the decision cn-hn-provisional gives for the input it carries "
        + "(verified, made by another version: the record names ratefloat 0.0.9, this is " + THIS
        + "; every decided value is equal; sha256 "), r.out());
    Run same = run("verify", "--same-version", "--rules", "cn-hn-provisional", other.toString());
    assertEquals(5, same.code(), same.out());
    assertTrue(same.out().startsWith("MISMATCH: " + other + " was made by ratefloat 0.0.9, not by " + THIS
        + " (--same-version)"), same.out());
    Run identical = run("verify", "--same-version", "--rules", "cn-hn-provisional", RECORD);
    assertEquals(0, identical.code(), identical.out());
    assertTrue(identical.out().contains("(verified: identical;"), identical.out());
    Run explained = run("explain", "--rules", "cn-hn-provisional", other.toString());
    assertEquals(0, explained.code(), explained.out());
    assertTrue(explained.out().startsWith("VERIFIED, MADE BY ANOTHER VERSION: the record names ratefloat 0.0.9, this is "
        + THIS + "; every decided value is equal.\n\nRate-floating decision: HN-430100-000123"), explained.out());
    assertEquals(5, run("explain", "--same-version", "--rules", "cn-hn-provisional", other.toString()).code());
  }

  @Test
  void aRecordOfTheFirstFormatIsCheckedInItsOwnForm() throws Exception {
    // the record names the Hunan table of its day (2021.0-provisional), kept beside the corpus
    Run r = run("verify", "--rules", OLD_TABLE, OLD_RECORD);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("(verified: identical;"), r.out());
    // and an altered echo of it is caught as one of the current format is
    Run altered = run("verify", "--rules", OLD_TABLE,
        write("old.json", read(OLD_RECORD).replace("\"231650.00\"", "\"131650.00\"")).toString());
    assertEquals(5, altered.code(), altered.out());
    assertTrue(altered.out().startsWith("ALTERED: "), altered.out());
  }

  /** An account of an altered record never shows a decision without saying on its line that it is not the record's. */
  @Test
  void explainOfAnAlteredRecordHeadsEveryAccountWithWhatItIs() throws Exception {
    Path altered = write("altered.json", read(RECORD).replace("\"231650.00\"", "\"31650.00\""));
    for (String lang : List.of("en", "zh")) {
      Run r = run("explain", "--rules", "cn-hn-provisional", "--lang", lang, altered.toString());
      assertEquals(5, r.code(), r.out() + r.err());
      String first = r.out().lines().findFirst().orElseThrow();
      assertTrue(lang.equals("en") ? first.startsWith("THE RECORD WAS ALTERED: the input it carries is not the one that "
          + "was decided (VR002: ") : first.startsWith("记录已被改动："), first);
      String heading = lang.equals("en") ? "Rate-floating decision: " : "工伤保险费率浮动核定：";
      String banner = lang.equals("en") ? "[NOT THE RECORD'S DECISION: THE RECORD WAS ALTERED]" : "【并非记录所载的决定：记录已被改动】";
      String mark = lang.equals("en") ? "[altered input] " : "[改动后的输入] ";
      List<String> lines = r.out().lines().toList();
      int start = lines.indexOf(banner);
      assertTrue(start > 0, r.out());
      assertEquals(banner, lines.get(lines.size() - 1), r.out());
      // every line of the account between the banners says whose decision it is
      List<String> account = lines.subList(start + 1, lines.size() - 1);
      assertTrue(account.size() > 20, r.out());
      assertTrue(account.stream().allMatch(l -> l.startsWith(mark) || l.equals(mark.strip())), r.out());
      assertEquals(1, account.stream().filter(l -> l.contains(heading)).count(), r.out());
      assertTrue(account.stream().anyMatch(l -> l.contains(lang.equals("en") ? "New rate: " : "新费率：")), r.out());
      // and no line before the banner shows an account
      assertTrue(lines.subList(0, start).stream().noneMatch(l -> l.contains(heading)), r.out());
      // the differences that follow from the change are grouped under the headline
      assertTrue(r.out().contains("\n    /inputSha256: "), r.out());
    }
  }

  @Test
  void explainTakesABatchLineAndAWholeBatchOutput() throws Exception {
    List<String> lines = Files.readAllLines(Path.of(BATCH), StandardCharsets.UTF_8);
    assertEquals(41, lines.size());
    Run one = run("explain", "--rules", "cn-hn-provisional", write("line.json", lines.get(2)).toString());
    assertEquals(0, one.code(), one.out() + one.err());
    assertTrue(one.out().startsWith("VERIFIED: the record is the decision rule table cn-hn-provisional gives"), one.out());
    assertTrue(one.out().contains("Rate-floating decision: SYN-00000003"), one.out());

    Run all = run("explain", "--rules", "cn-hn-provisional", BATCH);
    assertEquals(0, all.code(), all.out() + all.err());
    assertEquals("41 records: 40 verified, 0 mismatched, 1 error records (no decision); choose one to explain with "
        + "--employer ID or --line N\n", all.out());
    Run byLine = run("explain", "--rules", "cn-hn-provisional", "--line", "3", BATCH);
    assertEquals(0, byLine.code(), byLine.out() + byLine.err());
    assertTrue(byLine.out().startsWith("Line 3:\nVERIFIED: "), byLine.out());
    assertTrue(byLine.out().contains("Rate-floating decision: SYN-00000003"), byLine.out());
    Run byEmployer = run("explain", "--rules", "cn-hn-provisional", "--employer", "SYN-00000003", BATCH);
    assertEquals(byLine.out(), byEmployer.out());
    Run errorLine = run("explain", "--rules", "cn-hn-provisional", "--line", "41", BATCH);
    assertEquals(3, errorLine.code(), errorLine.out());
    assertEquals("ratefloat: IN004 /decision: line 41: a batch error record: the case was refused, there is no "
        + "decision to explain\n", errorLine.err());
    Run missing = run("explain", "--rules", "cn-hn-provisional", "--employer", "NOBODY", BATCH);
    assertEquals(2, missing.code(), missing.err());
    assertTrue(missing.err().startsWith("ratefloat: CL003 --employer: no record of employer NOBODY in " + BATCH
        + " (41 records)"), missing.err());

    // one line altered, one line with a figure of its decision changed: both listed, exit 5
    List<String> edited = new ArrayList<>(lines);
    String five = edited.get(4);
    int echo = five.indexOf("\"input\":");
    edited.set(4, five.substring(0, echo) + five.substring(echo).replaceFirst("\"payroll\":\"", "\"payroll\":\"1"));
    edited.set(6, edited.get(6).replaceFirst("\"rate\":\\{\"unit\":\"percent of payroll\",\"unrounded\":\"",
        "\"rate\":{\"unit\":\"percent of payroll\",\"unrounded\":\"9"));
    Path file = write("edited.ndjson", String.join("\n", edited) + "\n");
    Run listed = run("explain", "--rules", "cn-hn-provisional", file.toString());
    assertEquals(5, listed.code(), listed.out() + listed.err());
    assertTrue(listed.out().startsWith("ALTERED line 5 (employer SYN-00000005): the echoed input is not the one that "
        + "was decided"), listed.out());
    assertTrue(listed.out().contains("\nMISMATCH line 7 (employer SYN-00000007):\n  /decision/rate/unrounded: 9"),
        listed.out());
    assertTrue(listed.out().endsWith("41 records: 38 verified, 2 mismatched, 1 error records (no decision); choose one "
        + "to explain with --employer ID or --line N\n"), listed.out());
  }

  @Test
  void aCsvBatchOutputIsRefusedSayingWhatItLacks() throws Exception {
    Path csv = write("out.csv", "line,employerId,status\n1,E-1,ok\n");
    for (String command : List.of("verify", "explain")) {
      Run r = run(command, "--rules", "cn-hn-provisional", csv.toString());
      assertEquals(3, r.code(), r.err());
      assertTrue(r.err().startsWith("ratefloat: IN001 /: CSV batch output carries no decision records, so it cannot be "
          + (command.equals("verify") ? "verified" : "explained") + ": a row holds the band, rate and hashes but "
          + "neither the input nor the indicators and steps"), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
    }
  }

  @Test
  void aTableNamedByIdWhileAnEditedFileOfThatIdLiesBesideTheCaseIsWarnedOf() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("work"));
    Path input = Files.copy(Path.of("examples/cn-hn-provisional/machinery.json"), dir.resolve("machinery.json"));
    String table = read("rules/cn-hn-provisional.json");
    Files.writeString(dir.resolve("cn-hn-provisional.json"), table.replace("\"title\"", "\"title\" ")
        .replaceFirst("\\n$", "\n\n"), StandardCharsets.UTF_8);
    Run r = run("decide", "--rules", "cn-hn-provisional", input.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    String sha = RateFloat.bundledTable("cn-hn-provisional").sha256();
    assertTrue(r.err().startsWith("ratefloat: warning: RT041 /: --rules cn-hn-provisional is the bundled table "
        + "cn-hn-provisional "), r.err());
    assertTrue(r.err().contains("(sha256 " + sha.substring(0, 12) + "…), which this run uses and its decisions name; "
        + dir.resolve("cn-hn-provisional.json")), r.err());
    assertTrue(r.out().contains("\"sha256\": \"" + sha + "\""), "the record names the copy used");
    // the file named by its path is used, without a warning; the same bytes beside the case warn of nothing
    Run byPath = run("decide", "--rules", dir.resolve("cn-hn-provisional.json").toString(), input.toString());
    assertEquals(0, byPath.code(), byPath.err());
    assertEquals("", byPath.err());
    Files.writeString(dir.resolve("cn-hn-provisional.json"), table, StandardCharsets.UTF_8);
    assertEquals("", run("decide", "--rules", "cn-hn-provisional", input.toString()).err());
  }

  @Test
  void decideEchoesTheCaseAsSubmittedAndListsWhatItAssumed() throws Exception {
    Run r = run("decide", "--rules", "cn-city-a", "examples/cn-city-a/printing-house.json");
    assertEquals(0, r.code(), r.err());
    String record = r.out();
    assertFalse(record.substring(record.indexOf("\"input\":")).contains("labourDispatch"), record);
    assertTrue(record.contains("\"assumed\": [\n    {\n      \"pointer\": \"/premiumBase\",\n      \"value\": "
        + "\"4100000.00\",\n      \"kind\": \"derived\",\n      \"from\": \"/history/0/payroll\"\n    },"), record);
    assertTrue(record.contains("\"pointer\": \"/employer/status/labourDispatch\",\n      \"value\": false,\n"
        + "      \"kind\": \"default\""), record);
  }
}
