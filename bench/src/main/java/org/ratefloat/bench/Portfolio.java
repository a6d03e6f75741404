package org.ratefloat.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ratefloat.synthetic.PortfolioGenerator;

/** Synthetic portfolios as NDJSON lines, for the batch measurements (the Hunan table, three years). */
final class Portfolio {
  static final Path HUNAN = Path.of("rules/cn-hn-provisional.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Portfolio() {}

  /** One compact JSON document per employer, without the line feed. */
  static List<byte[]> lines(int employers, long seed) {
    PortfolioGenerator gen = new PortfolioGenerator(seed, employers, LocalDate.of(2025, 1, 1), 3);
    List<byte[]> lines = new ArrayList<>(employers);
    while (gen.hasNext()) {
      try {
        lines.add(JSON.writeValueAsBytes(gen.next()));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lines;
  }

  /** Writes the lines as an NDJSON file. */
  static Path write(Path file, List<byte[]> lines) throws IOException {
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (byte[] line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
    return file;
  }
}
