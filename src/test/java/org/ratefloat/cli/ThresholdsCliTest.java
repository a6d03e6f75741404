package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thresholds on the command line: the Hunan construction firm's answer in Chinese, word for
 * word as worked out by hand (see {@code ConstructionFirmTest}), the same in JSON, in each line of a
 * batch (which {@code verify} still checks), in notices written one file per employer, and counted by
 * {@code simulate --incentives}.
 */
class ThresholdsCliTest {
  private static final String FIRM = "examples/cn-hn-provisional/construction-firm.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @Test
  void theConstructionFirmIsToldInChinese() {
    CliRun r = CliRun.of("thresholds", "--rules", "cn-hn-provisional", FIRM);
    assertEquals(0, r.code(), r.err());
    // by hand: premiums 86,000,000.00 x 1.95 % = 1,677,000.00, payout 100 % = 1,677,000.00 and 50 % = 838,500.00;
    // 2 / 4 % of 1,500 workers = 30 / 60 injuries; from 150 % at most two bands down: 100 %
    // a year with injuries cannot float down (payout rows below the benchmark need none), so 31 or more
    // injuries (+1 for an incidence over 2 %) keep the firm above the benchmark whatever the fund pays
    assertTrue(r.out().contains("明年工伤保险基金支付不超过 1,677,000.00 元且工伤人数不超过 30 人，费率可降至 1.3%（基准费率的 100%）；"
        + "受“每次浮动不超过两档”所限，不能更低。\n"), r.out());
    assertTrue(r.out().contains("  费率 1.56%（基准费率的 120%）：\n    - 工伤保险基金支付不超过 1,677,000.00 元且工伤人数为 31 至 60 人\n"
        + "    - 工伤保险基金支付超过 1,677,000.00 元但不超过 2,515,500.00 元且工伤人数不超过 30 人且工亡人数不超过 1 人\n"), r.out());
    assertTrue(r.out().contains("实缴工伤保险费 1,677,000.00 元（工资总额 × 本次决定的费率 1.95%）"), r.out());
    assertTrue(r.out().contains("工伤事故起数、职业病人数不影响明年的浮动"), r.out());
    CliRun en = CliRun.of("thresholds", "--rules", "cn-hn-provisional", "--lang", "en", FIRM);
    assertTrue(en.out().contains("Next year, with benefits paid by the fund at most 1,677,000.00 yuan and workers "
        + "injured at most 30, the rate can fall to 1.3% (100% of the benchmark)"), en.out());
  }

  @Test
  void jsonForSystems() throws Exception {
    CliRun r = CliRun.of("thresholds", "--rules", "cn-hn-provisional", "--format", "json", FIRM);
    assertEquals(0, r.code(), r.err());
    JsonNode t = JSON.readTree(r.out());
    assertEquals("ratefloat/thresholds@1", t.path("format").asText());
    assertEquals("2026-01-01", t.path("next").path("asOf").asText());
    JsonNode best = t.path("reaches").path(0);
    assertEquals("1.0", best.path("band").asText());
    assertEquals("1677000.00", best.path("boxes").path(0).path("benefitsPaid").path("max").asText());
    assertEquals("30", best.path("boxes").path(0).path("injuries").path("max").asText());
    assertTrue(best.path("boxes").path(0).path("deaths").path("max").isNull());
    assertEquals("move-at-most-2", best.path("limitedBy").path(0).asText());
    assertTrue(t.path("exact").asBoolean());
    // the premiums assumed last year's instead: the same here, since 1,677,000.00 was paid at 150 %
    CliRun last = CliRun.of("thresholds", "--rules", "cn-hn-provisional", "--format", "json", "--premiums",
        "last-year", FIRM);
    assertEquals("lastYear", JSON.readTree(last.out()).path("assumptions").path(1).path("basis").asText());
    assertEquals(t.path("reaches"), JSON.readTree(last.out()).path("reaches"));
  }

  @Test
  void batchLinesCarryTheThresholdsAndStillVerify() throws Exception {
    Path in = tmp.resolve("in.ndjson");
    StringBuilder cases = new StringBuilder();
    for (String name : List.of("machinery", "construction-firm", "new-logistics-firm")) {
      cases.append(Files.readString(Path.of("examples/cn-hn-provisional/" + name + ".json")).replace("\n", ""))
          .append('\n');
    }
    Files.writeString(in, cases);
    Path out = tmp.resolve("out.ndjson");
    CliRun b = CliRun.of("batch", "--rules", "cn-hn-provisional", "--in", in.toString(), "--out", out.toString(),
        "--threads", "2", "--echo-input", "--thresholds");
    assertEquals(0, b.code(), b.err());
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(3, lines.size());
    JsonNode firm = JSON.readTree(lines.get(1));
    JsonNode alone = JSON.readTree(CliRun.of("thresholds", "--rules", "cn-hn-provisional", "--format", "json", FIRM)
        .out());
    assertEquals(alone, firm.path("thresholds"));
    for (String line : lines) {
      assertEquals("ratefloat/thresholds@1", JSON.readTree(line).path("thresholds").path("format").asText(), line);
    }
    CliRun v = CliRun.of("verify", "--rules", "cn-hn-provisional", out.toString());
    assertEquals(0, v.code(), v.out() + v.err());
    CliRun csv = CliRun.of("batch", "--rules", "cn-hn-provisional", "--in", in.toString(), "--out",
        tmp.resolve("out.csv").toString(), "--thresholds");
    csv.assertRefused(2, "CL003", "--thresholds");
  }

  @Test
  void noticesOneFileEachWithSafeNames() throws Exception {
    Path in = tmp.resolve("in.ndjson");
    String firm = Files.readString(Path.of(FIRM)).replace("\n", "");
    String hostile = firm.replace("\"HN-430100-CONSTR\"", "\"../../etc/passwd\\u001b[2J\"");
    Files.writeString(in, firm + "\n" + hostile + "\n{\"broken\n");
    Path dir = Files.createDirectory(tmp.resolve("notices"));
    CliRun r = CliRun.of("notice", "--rules", "cn-hn-provisional", "--in", in.toString(), "--out", dir.toString());
    assertEquals(7, r.code(), r.err());
    assertTrue(r.err().contains("2 notices, 1 employers refused"), r.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("000001-HN-430100-CONSTR.html", "000002-______etc_passwd__2J.html"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
    String page = Files.readString(dir.resolve("000002-______etc_passwd__2J.html"));
    assertTrue(page.contains("../../etc/passwd\\u001b[2J"), "the id is shown, its control character visible");
    assertTrue(page.contains("@media print") && page.contains("size: A4"), "print-ready");
  }

  @Test
  void simulateCountsWhoAnIncentiveReaches() throws Exception {
    Path in = tmp.resolve("in.ndjson");
    Files.writeString(in, Files.readString(Path.of(FIRM)).replace("\n", "") + "\n");
    Path out = tmp.resolve("s.json");
    CliRun r = CliRun.of("simulate", "--rules", "cn-hn-provisional", "--in", in.toString(), "--incentives",
        "--definition", "cn-hn-key-industries", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode incentives = JSON.readTree(out.toFile()).path("incentives");
    // 2,100,000.00 and 45 injuries: beyond 10 % of the 120 % band's bounds (see IncentivesTest)
    assertEquals(1, incentives.path("total").path("lowerBeyondMargin").asInt(), incentives.toString());
    assertEquals(0, incentives.path("total").path("withinMargin").asInt());
    assertEquals(6, incentives.path("byClass").path(0).path("riskClass").asInt());
    JsonNode construction = null;
    for (JsonNode k : incentives.path("byKeyIndustry")) {
      if (k.path("employers").asInt() > 0) {
        construction = k;
      }
    }
    assertEquals("construction", construction.path("keyIndustry").asText(), incentives.toString());
    CliRun margin = CliRun.of("simulate", "--rules", "cn-hn-provisional", "--in", in.toString(), "--margin", "5");
    margin.assertRefused(2, "CL003", "--margin");
  }
}
