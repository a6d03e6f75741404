package org.ratefloat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example compiles as written, against the library alone, and prints what it says. */
class ReadmeSnippetTest {
  @TempDir
  Path tmp;

  @Test
  void theJavaExampleCompilesAndRuns() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(m.find(), "README has a java block");
    String code = m.group(1);
    assertEquals("0.8 0.7200\npayout-0-50\ntrue\n", run(code, "DecideOne"));
  }

  /** The second Java block, the thresholds of the construction firm, compiles and prints what its comments say. */
  @Test
  void theThresholdsExampleCompilesAndRuns() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    String code = null;
    while (m.find()) {
      if (m.group(1).contains("public class NextYear")) {
        code = m.group(1);
      }
    }
    assertTrue(code != null, "README has the thresholds example");
    assertEquals("1.0 [move-at-most-2]\n[0.00, 1677000.00]\n[0, 30]\n", run(code, "NextYear"));
  }

  /** Compiles a class against the library and its two runtime dependencies only, runs it, returns what it printed. */
  private String run(String code, String name) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Path source = dir.resolve(name + ".java");
    Files.writeString(source, code);
    String classpath = String.join(java.io.File.pathSeparator, List.of(
        Path.of("target/classes").toAbsolutePath().toString(),
        jarOf(com.google.common.collect.ImmutableList.class),
        jarOf(com.fasterxml.jackson.databind.JsonNode.class),
        jarOf(com.fasterxml.jackson.core.JsonParser.class),
        jarOf(com.fasterxml.jackson.annotation.JsonProperty.class)));
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, diagnostics, "-classpath", classpath, "-d",
        dir.toString(), "-Xlint:all", "-Werror", source.toString());
    assertEquals(0, rc, diagnostics.toString(StandardCharsets.UTF_8));
    List<URL> urls = new java.util.ArrayList<>();
    urls.add(dir.toUri().toURL());
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      loader.loadClass(name).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(saved);
    }
    return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  private static String jarOf(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
