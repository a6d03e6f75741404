package org.ratefloat.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lines as bytes, whatever the sizes of the reads below and wherever the buffer ends. */
class LineReaderTest {
  /** Hands out at most {@code most} bytes a read. */
  private static InputStream trickle(byte[] bytes, int most) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, most));
      }
    };
  }

  @Test
  void linesComeOutWholeAcrossReadsOfAnySize() throws IOException {
    Random random = new Random(1);
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      java.util.List<String> expected = new java.util.ArrayList<>();
      int lines = random.nextInt(8);
      for (int i = 0; i < lines; i++) {
        String line = "é".repeat(random.nextInt(12)) + "x".repeat(random.nextInt(3));
        expected.add(line);
        text.append(line).append(random.nextBoolean() ? "\r\n" : "\n");
      }
      boolean unterminated = random.nextBoolean();
      if (unterminated) {
        expected.add("last");
        text.append("last");
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      LineReader reader = new LineReader(trickle(bytes, 1 + random.nextInt(7)), 1000);
      for (String line : expected) {
        assertArrayEquals(line.getBytes(StandardCharsets.UTF_8), reader.next(), text.toString());
      }
      assertNull(reader.next());
      assertEquals(bytes.length, reader.bytesRead());
    }
  }

  @Test
  void aLineOverTheLimitIsSkippedToItsEnd() throws IOException {
    byte[] bytes = "12345\n123456\n1234\r\n12345\r\nok".getBytes(StandardCharsets.UTF_8);
    for (int most = 1; most <= bytes.length; most++) {
      LineReader reader = new LineReader(trickle(bytes, most), 5);
      assertArrayEquals("12345".getBytes(StandardCharsets.UTF_8), reader.next());
      assertSame(LineReader.TOO_LONG, reader.next());
      assertArrayEquals("1234".getBytes(StandardCharsets.UTF_8), reader.next());
      // the carriage return counts towards the limit, as it is read before the line end
      assertSame(LineReader.TOO_LONG, reader.next());
      assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8), reader.next());
      assertNull(reader.next());
    }
  }

  @Test
  void anEmptyLineIsNotTooLong() throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream("\n\r\n".getBytes(StandardCharsets.UTF_8)), 5);
    byte[] first = reader.next();
    assertEquals(0, first.length);
    assertEquals(0, reader.next().length);
    assertNull(reader.next());
  }
}
