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

  @Test
  void everyApiPackageIsNullMarked() {
    for (String pkg : API) {
      Package p = ModuleTest.class.getClassLoader().getDefinedPackage(pkg);
      if (p == null) {
        p = loadAnyClassOf(pkg).getPackage();
      }
      assertTrue(p.isAnnotationPresent(org.jspecify.annotations.NullMarked.class), pkg + " is not @NullMarked");
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
