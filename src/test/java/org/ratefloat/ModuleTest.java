package org.ratefloat;

import org.ratefloat.error.ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module exports exactly the documented API, and the API packages are null-marked. */
class ModuleTest {
  private static final Set<String> API = Set.of("org.ratefloat", "org.ratefloat.error", "org.ratefloat.model",
      "org.ratefloat.decision", "org.ratefloat.thresholds");

  @Test
  void theModuleExportsTheApiAndNothingElse() throws Exception {
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    assertEquals("org.ratefloat", module.name());
    Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(API), exported);
    assertTrue(module.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
    // everything deciding needs is required; the CLI's and portfolio tools' libraries only statically
    Set<String> required = module.requires().stream()
        .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)
            && !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.MANDATED))
        .map(ModuleDescriptor.Requires::name).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Set.of("com.google.common", "com.fasterxml.jackson.databind")), required);
  }

  /** The root package's documentation, where a newcomer starts, names every package the module exports. */
  @Test
  void theRootPackageDocumentationNamesEveryApiPackage() throws Exception {
    String doc = Files.readString(Path.of("src/main/java/org/ratefloat/package-info.java"));
    for (String pkg : API) {
      assertTrue(doc.contains("{@code " + pkg + "}"), pkg + " is not named in the root package-info");
    }
  }

  /**
   * Nullness is said once, on the module ({@code @NullMarked}, kept in its class file); no API package
   * takes it back ({@code @NullUnmarked}) and no package says it again.
   */
  @Test
  void theModuleIsNullMarkedAndEveryApiPackageWithIt() throws Exception {
    byte[] module = Files.readAllBytes(Path.of("target/classes/module-info.class"));
    assertTrue(new String(module, java.nio.charset.StandardCharsets.ISO_8859_1)
        .contains("Lorg/jspecify/annotations/NullMarked;"), "module-info is not @NullMarked");
    for (String pkg : API) {
      Package p = ModuleTest.class.getClassLoader().getDefinedPackage(pkg);
      if (p == null) {
        p = loadAnyClassOf(pkg).getPackage();
      }
      assertTrue(!p.isAnnotationPresent(org.jspecify.annotations.NullUnmarked.class), pkg + " is @NullUnmarked");
    }
    try (java.util.stream.Stream<Path> infos = Files.walk(Path.of("src/main/java"))) {
      for (Path info : infos.filter(f -> f.endsWith("package-info.java")).toList()) {
        assertTrue(!java.util.regex.Pattern.compile("(?m)^\\s*@NullMarked\\b").matcher(Files.readString(info)).find(),
            info + " says again what the module says");
      }
    }
  }

  private static Class<?> loadAnyClassOf(String pkg) {
    String name = switch (pkg) {
      case "org.ratefloat" -> "org.ratefloat.RateFloat";
      case "org.ratefloat.error" -> "org.ratefloat.error.ErrorCode";
      case "org.ratefloat.model" -> "org.ratefloat.model.RatingCase";
      case "org.ratefloat.thresholds" -> "org.ratefloat.thresholds.Thresholds";
      default -> "org.ratefloat.decision.Decision";
    };
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
