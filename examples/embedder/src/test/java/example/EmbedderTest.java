package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The embedder decides cases it built itself, as the library's own example records say. */
class EmbedderTest {
  private final Embedder embedder = new Embedder(Path.of("rules/cn-hn-provisional.json"));

  @Test
  void decidesTheMachineryMakerAsTheExampleRecordDoes() {
    // examples/cn-hn-provisional/machinery.decision.json: 1.3500 %, band 1.5
    assertEquals("1.3500 % (band 1.5)", embedder.rate(Embedder.machineryMaker("231650.00", 6)));
  }

  @Test
  void aCleanYearFloatsDown() {
    // payout ratio 0 with no injury: -2 bands (0.9 x 0.5)
    assertEquals("0.4500 % (band 0.5)", embedder.rate(Embedder.machineryMaker("0.00", 0)));
  }
}
