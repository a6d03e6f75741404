package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of JVM options, in a copy of the checkout's layout with a {@code java} that
 * writes its arguments down and a {@code getconf} that gives the number of processors asked for:
 * one-shot commands stop at the first compiler tier; the long commands use the serial collector on
 * one or two processors, unless the user chose a collector.
 */
class LauncherTest {
  @TempDir
  Path root;
  private Path args;

  @BeforeEach
  void layout() throws IOException {
    Path launcher = root.resolve("src/main/sh/ratefloat");
    Files.createDirectories(launcher.getParent());
    Files.copy(Path.of("src/main/sh/ratefloat"), launcher);
    Files.createDirectories(root.resolve("rules"));
    Files.writeString(root.resolve("pom.xml"), "<project>\n  <artifactId>ratefloat</artifactId>\n"
        + "  <version>9.9.9</version>\n</project>\n");
    Path jar = root.resolve("target/ratefloat-9.9.9-cli.jar");
    Files.createDirectories(jar.getParent());
    Files.write(jar, new byte[0]);
    // the jar newer than every source, so that the launcher does not build it
    FileTime later = FileTime.fromMillis(System.currentTimeMillis() + 60_000);
    Files.setLastModifiedTime(jar, later);
    args = root.resolve("java-args");
    Path java = root.resolve("bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + "'\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path getconf = root.resolve("bin/getconf");
    Files.writeString(getconf, "#!/bin/sh\nprintf '%s\\n' \"${PROCESSORS:-2}\"\n");
    Files.setPosixFilePermissions(getconf, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private List<String> run(Map<String, String> env, String... command) throws Exception {
    List<String> line = new java.util.ArrayList<>(List.of(root.resolve("src/main/sh/ratefloat").toString()));
    line.addAll(List.of(command));
    ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true);
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("_JAVA_OPTIONS");
    pb.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return Files.readAllLines(args);
  }

  @Test
  void aBatchUsesTheSerialCollectorOnOneOrTwoProcessorsOnly() throws Exception {
    for (String n : List.of("1", "2")) {
      List<String> batch = run(Map.of("PROCESSORS", n), "batch", "--in", "x.ndjson");
      assertTrue(batch.contains("-XX:+UseSerialGC"), n + ": " + batch);
      assertFalse(batch.contains("-XX:TieredStopAtLevel=1"), batch.toString());
      assertEquals(List.of("-jar", root.resolve("target/ratefloat-9.9.9-cli.jar").toString(), "batch", "--in",
          "x.ndjson"), batch.subList(batch.size() - 5, batch.size()));
    }
    for (String n : List.of("4", "16", "unknown")) {
      List<String> batch = run(Map.of("PROCESSORS", n), "batch", "--in", "x.ndjson");
      assertFalse(batch.contains("-XX:+UseSerialGC"), n + ": " + batch);
    }
  }

  @Test
  void aOneShotCommandStopsAtTheFirstTierAndKeepsTheDefaultCollector() throws Exception {
    List<String> decide = run(Map.of("PROCESSORS", "2"), "decide", "case.json");
    assertTrue(decide.contains("-XX:TieredStopAtLevel=1"), decide.toString());
    assertFalse(decide.contains("-XX:+UseSerialGC"), decide.toString());
  }

  @Test
  void aCollectorTheUserMayHaveChosenIsLeftAlone() throws Exception {
    for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
      List<String> batch = run(Map.of("PROCESSORS", "2", variable, "-Xmx1g -XX:+UseParallelGC"), "batch", "--in",
          "x.ndjson");
      assertFalse(batch.contains("-XX:+UseSerialGC"), variable + ": " + batch);
    }
    // an argument file may name one
    List<String> argfile = run(Map.of("PROCESSORS", "2", "JDK_JAVA_OPTIONS", "@jvm.options"), "batch");
    assertFalse(argfile.contains("-XX:+UseSerialGC"), argfile.toString());
    // an option that names no collector is no choice of one
    List<String> batch = run(Map.of("PROCESSORS", "2", "JDK_JAVA_OPTIONS", "-Xmx1g"), "batch", "--in", "x.ndjson");
    assertTrue(batch.contains("-XX:+UseSerialGC"), batch.toString());
  }
}
