package org.ratefloat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the shape of the code: rule data never runs code, packages depend one way, and the
 * version recorded in decisions is the one the build produces.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/org/ratefloat");

  private static List<Path> sources(String pkg) throws Exception {
    try (Stream<Path> files = Files.walk(pkg.isEmpty() ? MAIN : MAIN.resolve(pkg))) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void nothingReadFromAFileCanRunCode() throws Exception {
    // no script engines, no reflection, no class loading, no process spawning anywhere in the library
    Pattern forbidden = Pattern.compile("javax\\.script|ScriptEngine|Class\\.forName|getDeclaredMethod|"
        + "getMethod\\(|\\.newInstance\\(|ClassLoader|java\\.lang\\.reflect|MethodHandles|Runtime\\.getRuntime\\(\\)\\.exec|"
        + "ProcessBuilder|ObjectInputStream|enableDefaultTyping|activateDefaultTyping");
    List<String> hits = new ArrayList<>();
    for (Path p : sources("")) {
      Matcher m = forbidden.matcher(Files.readString(p));
      while (m.find()) {
        hits.add(p + ": " + m.group());
      }
    }
    assertEquals(List.of(), hits);
  }

  /**
   * Money, rates and indicators never pass through binary floating point. The one exemption is the
   * synthetic-portfolio generator, whose random draws come from commons-math3 as doubles; it turns
   * every amount into a decimal at once and never does money arithmetic in double.
   */
  @Test
  void noBinaryFloatingPointInTheLibrary() throws Exception {
    Pattern floating = Pattern.compile("\\b(double|float|Double|Float)\\b");
    List<String> hits = new ArrayList<>();
    for (Path p : sources("")) {
      if (p.startsWith(MAIN.resolve("synthetic"))) {
        continue;
      }
      for (String line : Files.readAllLines(p)) {
        String code = line.strip();
        if (!code.startsWith("*") && !code.startsWith("//") && floating.matcher(code).find()) {
          hits.add(p + ": " + code);
        }
      }
    }
    assertEquals(List.of(), hits);
  }

  @Test
  void dataFlowsOneWay() throws Exception {
    // the engine, the decision records, the model and the rule format know nothing of the CLI;
    // the engine, decisions and model know nothing of JSON
    assertNoImport("engine", "org.ratefloat.json", "org.ratefloat.cli", "com.fasterxml");
    assertNoImport("decision", "org.ratefloat.json", "org.ratefloat.cli", "org.ratefloat.engine",
        "org.ratefloat.rules", "com.fasterxml");
    assertNoImport("model", "org.ratefloat.json", "org.ratefloat.cli", "org.ratefloat.engine",
        "org.ratefloat.rules", "org.ratefloat.decision", "com.fasterxml");
    assertNoImport("rules", "org.ratefloat.cli", "org.ratefloat.engine", "org.ratefloat.decision",
        "org.ratefloat.ranking", "org.ratefloat.batch");
    assertNoImport("json", "org.ratefloat.cli", "org.ratefloat.engine");
    // files in and out serve every reader and writer, and know none of them
    assertNoImport("io", "org.ratefloat.cli", "org.ratefloat.engine", "org.ratefloat.rules", "org.ratefloat.batch",
        "org.ratefloat.ranking", "org.ratefloat.decision", "org.ratefloat.model");
  }

  private static void assertNoImport(String pkg, String... prefixes) throws Exception {
    for (Path p : sources(pkg)) {
      String text = Files.readString(p);
      for (String prefix : prefixes) {
        assertTrue(!text.contains("import " + prefix) && !text.contains("import static " + prefix),
            p + " depends on " + prefix);
      }
    }
  }

  @Test
  void theReadmeListsEveryErrorCode() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (ErrorCode code : ErrorCode.values()) {
      assertTrue(readme.contains("| `" + code.name() + "` | " + code.summary() + " |"), code + " missing from README");
    }
  }

  @Test
  void recordedVersionIsThePomVersion() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher m = Pattern.compile("<artifactId>ratefloat</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertTrue(m.find());
    assertEquals(m.group(1), RateFloat.VERSION);
  }
}
