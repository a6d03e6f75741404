package org.ratefloat.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What can be said of a line of a batch's input or output that may not be a valid document, read as
 * Jackson reads it without our rules: the employer a refused line names, whether a file holds one
 * document per line. Never the reading of an input, which is strict.
 */
public final class LenientLines {
  private LenientLines() {}

  /** Made when first used: a mapper takes long to make, and most runs never read a line this way. */
  private static final class Mapper {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /**
   * The first JSON value of {@code bytes}, whatever follows it.
   *
   * @throws IOException if they do not begin with one
   */
  public static JsonNode tree(byte[] bytes) throws IOException {
    return Mapper.MAPPER.readTree(bytes);
  }

  /** Whether {@code bytes} hold one JSON value and nothing after it. */
  public static boolean isOneDocument(byte[] bytes) {
    try (JsonParser p = Mapper.MAPPER.createParser(bytes)) {
      Mapper.MAPPER.readTree(p);
      return p.nextToken() == null;
    } catch (IOException notOneDocument) {
      return false;
    }
  }
}
