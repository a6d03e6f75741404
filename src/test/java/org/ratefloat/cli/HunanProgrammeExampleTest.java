package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk-through of Hunan's programme (examples/hunan-programme/README.md) runs as written: each
 * command of its code block, in order, with two changes only, the folder it writes to (a temporary
 * one for {@code target/hunan/}) and fewer employers (1,500 for 20,000, to keep the suite quick);
 * each exits 0 and the Chinese report, the notice CSV and the lists by city come out.
 */
class HunanProgrammeExampleTest {
  private static final Path README = Path.of("examples/hunan-programme/README.md");

  @Test
  void theCommandsRunAsWrittenAndGiveTheChineseReport(@TempDir Path dir) throws Exception {
    List<List<String>> commands = new ArrayList<>();
    for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
      if (line.startsWith("src/main/sh/ratefloat ")) {
        String scaled = line.replace("target/hunan/", dir + "/").replace("--employers 20000", "--employers 1500");
        List<String> args = new ArrayList<>(List.of(scaled.split(" +")));
        args.remove(0);
        commands.add(args);
      }
    }
    assertEquals(List.of("generate", "batch", "rank", "rank", "simulate", "report"),
        commands.stream().map(c -> c.get(0)).toList(), "the README's commands");
    for (List<String> c : commands) {
      CliRun run = CliRun.of(c.toArray(String[]::new));
      assertEquals(0, run.code(), String.join(" ", c) + "\n" + run.err());
    }
    String report = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    for (String zh : List.of("<html lang=\"zh-CN\">", "各风险类别的工伤保险费收入（万元）", "逐年回算", "各市州重点行业情况",
        "2024年12月 湖南省重点行业工伤事故月度排名", "<h3>长沙市</h3>")) {
      assertTrue(report.contains(zh), "missing from the report: " + zh);
    }
    String csv = Files.readString(dir.resolve("ranking.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\uFEFF分组（市州）,排名,单位名称,统一社会信用代码,行业,重点行业,市州,数据月份,事故起数,事故率（‰）,"
        + "受伤人数"), csv);
    JsonNode ranking = new ObjectMapper().readTree(dir.resolve("ranking.json").toFile());
    assertEquals("city", ranking.path("by").asText());
    assertEquals(14, ranking.path("groups").size());
    long listed = 0;
    for (JsonNode g : ranking.path("groups")) {
      for (JsonNode e : g.path("entries")) {
        listed++;
        assertTrue(e.path("indicators").path(0).path("value").asLong() >= 1, "listed without an accident: " + e);
      }
    }
    assertTrue(listed > 0, "the generated month has accidents");
    JsonNode simulation = new ObjectMapper().readTree(dir.resolve("simulation.json").toFile());
    assertEquals(4, simulation.at("/tables/0/replay/years").size(), "2021 to 2024 replayed");
    assertEquals("keyIndustries", simulation.at("/incidence/lines/0/kind").asText());
  }
}
