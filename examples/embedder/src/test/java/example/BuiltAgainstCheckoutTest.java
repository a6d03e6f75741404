package example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ratefloat.RateFloat;

/**
 * This example embeds this checkout, not some older ratefloat left in the local Maven repository: the
 * library on the class path is the jar just built at the top of the repository (README's test command
 * installs it, then builds this project; the tests run from the top of the repository).
 */
class BuiltAgainstCheckoutTest {
  @Test
  void theLibraryOnTheClassPathIsTheOneBuiltHere() throws Exception {
    Path used = Path.of(RateFloat.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(used)) {
      // an IDE that resolves the library to the checkout's classes
      assertEquals(Path.of("target", "classes").toAbsolutePath().normalize(), used.toAbsolutePath().normalize());
      return;
    }
    Path built = Path.of("target", used.getFileName().toString());
    String hint = "the library on the class path (" + used + ") is not " + built.toAbsolutePath()
        + "; build with README's test command (mvn -B -ntp install && ... && mvn -B -ntp -f examples/embedder/pom.xml verify)";
    assertTrue(Files.isRegularFile(built), hint);
    assertArrayEquals(Files.readAllBytes(built), Files.readAllBytes(used), hint);
    assertEquals(used.getFileName().toString(), "ratefloat-" + RateFloat.VERSION + ".jar", hint);
  }
}
