package org.ratefloat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The library's version is set in one place, the top pom; the two projects built against this
 * checkout (the benchmarks and the embedder example) name it too, since Maven takes a dependency's
 * version only from the project's own pom or a parent, and must name the same one: a stale version
 * there would build them against whatever jar of that version the local repository holds.
 */
class CheckoutVersionsTest {
  private static String one(Pattern p, String text, String where) {
    Matcher m = p.matcher(text);
    assertTrue(m.find(), "no version in " + where);
    String found = m.group(1);
    assertTrue(!m.find(), "more than one in " + where);
    return found;
  }

  @Test
  void theBenchmarksAndTheEmbedderBuildAgainstThisVersion() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    String version = one(Pattern.compile("<artifactId>ratefloat</artifactId>\\s*<version>([^<]+)</version>"), pom,
        "pom.xml");
    assertEquals(RateFloat.VERSION, version);
    for (String other : List.of("bench/pom.xml", "examples/embedder/pom.xml")) {
      String text = Files.readString(Path.of(other));
      assertEquals(version, one(Pattern.compile("<ratefloat.version>([^<]+)</ratefloat.version>"), text, other),
          other + " names another version of the library than pom.xml");
      // the dependency takes it from that property, and no other literal of the version stands there
      assertTrue(text.contains("<artifactId>ratefloat</artifactId>\n      <version>${ratefloat.version}</version>"),
          other);
      assertEquals(1, text.split(Pattern.quote(">" + version + "<"), -1).length - 1, other);
    }
  }
}
