package org.ratefloat.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.batch.Batch;
import org.ratefloat.decision.Decision;
import org.ratefloat.model.RatingCase;

/** The stages measured separately are the batch's own: together they give its output byte for byte. */
class StagesTest {
  @Test
  void theStagesTogetherWriteWhatTheBatchWrites(@TempDir Path dir) throws Exception {
    List<byte[]> lines = Portfolio.lines(300, 5);
    Path in = Portfolio.write(dir.resolve("in.ndjson"), lines);
    Path out = dir.resolve("out.ndjson");
    RuleTable table = RateFloat.loadTable(Portfolio.HUNAN);
    Batch.run(table::decide, in, out, new Batch.Options(1, Batch.Format.NDJSON, Batch.Format.NDJSON, false), null);
    List<String> written = Files.readAllLines(out);
    assertEquals(lines.size(), written.size());
    int decided = 0;
    for (int i = 0; i < lines.size(); i++) {
      byte[] line = lines.get(i);
      RatingCase c;
      Decision d;
      try {
        c = Stages.read(line);
        d = Stages.decide(table, line);
      } catch (RateFloatException refused) {
        assertTrue(written.get(i).contains("\"status\":\"error\""), written.get(i));
        continue;
      }
      assertEquals(RateFloat.readCase(line), c);
      assertEquals(Stages.validate(Stages.parse(line)), c, "the tree path reads the same case");
      assertEquals(RateFloat.inputSha256(line), Stages.inputHash(Stages.canonical(line)));
      assertEquals(d.inputSha256(), Stages.inputHash(Stages.canonical(line)));
      assertEquals(d.input(), c);
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      expected.write(written.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      expected.write('\n');
      assertArrayEquals(expected.toByteArray(), Stages.write(i + 1, d), "line " + (i + 1));
      assertArrayEquals(expected.toByteArray(), Stages.record(table, i + 1, line), "line " + (i + 1));
      decided++;
    }
    assertTrue(decided >= 250, "decided " + decided);
  }
}
