package org.ratefloat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of a whole-process batch: a process that parses each line of an NDJSON file into a
 * Jackson tree and does nothing else. Timed from outside, as a batch process is
 * ({@code /usr/bin/time java -cp bench/target/benchmarks.jar org.ratefloat.bench.BareParse FILE}),
 * so that both are charged their start, their class loading and their JIT compilation.
 */
public final class BareParse {
  private BareParse() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: BareParse FILE.ndjson");
      System.exit(2);
    }
    ObjectMapper json = new ObjectMapper();
    long lines = 0;
    long nodes = 0;
    try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        nodes += json.readTree(line).size();
        lines++;
      }
    }
    System.out.println(lines + " lines, " + nodes + " top-level members");
  }
}
