package org.ratefloat.batch;

import org.ratefloat.text.Language;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.ratefloat.error.InputException;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.decision.Decision;
import org.ratefloat.io.InputFiles;
import org.ratefloat.io.OutputFile;
import org.ratefloat.json.Faults;
import org.ratefloat.json.JsonOut;
import org.ratefloat.json.StrictJson;
import org.ratefloat.model.RatingCase;

/**
 * Decides a whole portfolio file: one output record per input record, in input order, whatever the
 * number of threads; a record that cannot be decided becomes an error record (line, employer id,
 * code, pointer, message) and never affects its neighbours. This class is the package's front: what
 * a run is given and returns, and the opening and closing of its files; the work is done by
 * {@link Source} (cutting the file into records), {@link Encoder} (deciding and encoding a chunk) and
 * {@link Pipeline} (the threads between them, bounded by {@link InFlight}).
 *
 * <p>Memory stays bounded whatever the file and the number of threads: a record is at most
 * {@link #MAX_LINE} bytes and (CSV) {@link org.ratefloat.model.InputRules#MAX_PERIODS} periods, both checked while it is
 * read; records are decided in chunks of at most {@value #CHUNK} records or {@value #CHUNK_BYTES}
 * bytes, with at most two chunks per worker plus one and at most {@value #MAX_IN_FLIGHT_BYTES}
 * bytes of input in flight; at most {@value #MAX_THREADS} worker threads run, whatever is asked.
 * One thread reads and submits chunks, the workers decide and encode them (UTF-8, one buffer per
 * chunk), and the calling thread writes them in input order.
 *
 * <p>The input must be a regular file. The output is written through {@link OutputFile}: never over
 * the input, and, for a regular file, under a temporary name beside it, renamed when complete and
 * removed if the run fails or is interrupted (a device or FIFO is written as the records come).
 *
 * <p>NDJSON input holds one case document per line. CSV input holds one row per employer and period
 * (see {@code README}); the rows of one employer form one record.
 *
 * @since 0.1.0
 */
public final class Batch {
  /** Longest input record accepted, in bytes: an NDJSON line, the CSV rows of one employer. */
  static final int MAX_LINE = StrictJson.MAX_INPUT_BYTES;
  /** Most worker threads, whatever {@link Options#threads()} asks for. */
  public static final int MAX_THREADS = 64;
  /** Most records in a chunk (a unit of work for one thread). */
  static final int CHUNK = 128;
  /** A chunk is closed once it holds this many bytes of input (a longer record is a chunk of its own). */
  static final int CHUNK_BYTES = 1 << 20;
  /** Most bytes of input read but not yet written out. */
  static final long MAX_IN_FLIGHT_BYTES = 16L << 20;
  /** The columns of a CSV output, in order. */
  static final List<String> CSV_OUT = Encoder.CSV_OUT;

  private Batch() {}

  /** Input and output formats. */
  public enum Format {
    NDJSON,
    CSV;

    /** CSV for a file name ending in .csv, else NDJSON. */
    public static Format of(Path file) {
      return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : NDJSON;
    }
  }

  /**
   * How to run.
   *
   * @param threads worker threads (1 or more; more than {@link Batch#MAX_THREADS} run as that many)
   * @param in the input format
   * @param out the output format
   * @param echoInput whether NDJSON decision records carry the input (as {@code decide} does)
   * @param lean whether NDJSON decision records are lean ({@code ratefloat/decision-lean@1}: the
   *     decision, the files used, the input's hash and the fired rows; verified as full records are)
   * @param language the language of a CSV output's headers, status and error messages (Chinese with a
   *     byte-order mark) and of the summary's examples; NDJSON records are the same in both
   */
  public record Options(int threads, Format in, Format out, boolean echoInput, boolean lean, Language language) {
    public Options {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1: " + threads);
      }
      requireNonNull(in, "in");
      requireNonNull(out, "out");
      requireNonNull(language, "language");
    }

    /** Options for full records, whose words are English. */
    public Options(int threads, Format in, Format out, boolean echoInput) {
      this(threads, in, out, echoInput, false, Language.EN);
    }

    /** Options for full or lean records, whose words are English. */
    public Options(int threads, Format in, Format out, boolean echoInput, boolean lean) {
      this(threads, in, out, echoInput, lean, Language.EN);
    }
  }

  /** Told after each chunk: records so far, input bytes read, input size. */
  @FunctionalInterface
  public interface Progress {
    void update(long records, long bytesRead, long bytesTotal);
  }

  /**
   * What a run did.
   *
   * @param records records read (= records written)
   * @param decided records decided
   * @param bands decided records by risk class and new band, e.g. {@code class 4, band 1.2}
   * @param errors error records by code
   * @param examples the first error record of each code: its line, pointer and message
   */
  public record Summary(long records, long decided, SortedMap<String, Long> bands, SortedMap<String, Long> errors,
      SortedMap<String, String> examples) {}

  /**
   * Runs a batch.
   *
   * @param decide the rule table's decide function of a case document as submitted (normally
   *     {@code table::decide}): an NDJSON line as it is, the case document of a CSV employer's rows
   * @throws org.ratefloat.error.InputException if the input is not a readable regular file, the output is
   *     the input, another run is writing it or it cannot be written, or (CSV) the file is malformed as
   *     a whole; no output file is left behind
   */
  public static Summary run(Function<byte[], Decision> decide, Path in, Path out, Options options,
      Progress progress) throws IOException {
    return run(decide, null, in, out, List.of(), options, progress);
  }

  /**
   * Runs a batch whose decide function read {@code alsoRead} (the rule table's files, see
   * {@link org.ratefloat.RuleTable#files()}): the output must not be one of them either; with
   * {@code thresholds}, its NDJSON records also carry the thresholds of each employer's next
   * decision ({@code "thresholds"}, a {@code ratefloat/thresholds@1} document; where they cannot be
   * found, an {@code "error"} object with code, pointer and message in their place: the decision
   * stands).
   *
   * @param thresholds the thresholds after a decision (normally {@code d -> table.thresholds(d, next)}),
   *     or null for none
   * @throws org.ratefloat.error.InputException as {@link #run(Function, Path, Path, Options, Progress)}
   * @throws IllegalArgumentException with thresholds for CSV output, which has no place for them
   */
  public static Summary run(Function<byte[], Decision> decide,
      @org.jspecify.annotations.Nullable Function<Decision, org.ratefloat.thresholds.Thresholds> thresholds, Path in,
      Path out, java.util.Collection<Path> alsoRead, Options options, Progress progress) throws IOException {
    requireNonNull(decide, "decide");
    if (thresholds != null && options.out() == Format.CSV) {
      throw new IllegalArgumentException("thresholds are written to NDJSON output only");
    }
    List<Path> reads = new ArrayList<>(alsoRead);
    reads.add(in);
    Faults faults = Faults.inputFile(in);
    long total = InputFiles.regularFile(in, faults);
    ExecutorService pool = Executors.newFixedThreadPool(workers(options), r -> {
      Thread t = new Thread(r, "ratefloat-batch");
      t.setDaemon(true);
      return t;
    });
    try (InputStream input = new BufferedInputStream(InputFiles.open(in, faults), 1 << 16);
        OutputFile output = OutputFile.create(out, reads)) {
      Source source = Source.of(options.in(), input);
      if (options.out() == Format.CSV) {
        output.write(Encoder.csvHeader(options.language()).getBytes(StandardCharsets.UTF_8));
      }
      Summary summary = Pipeline.run(decide, thresholds, source, output.stream(), options, progress, total,
          pool);
      output.commit();
      return summary;
    } finally {
      pool.shutdownNow();
    }
  }

  static int workers(Options options) {
    return Math.min(options.threads(), MAX_THREADS);
  }

  /**
   * The NDJSON line of a decided record, UTF-8, with its line end. The one place it is written: the
   * batch and the measurements of its stages use it.
   */
  public static void decisionRecord(JsonOut out, long line, Decision d, Options options) {
    Encoder.decisionRecord(out, line, d, options);
  }

  /**
   * Reads every record of a portfolio file (NDJSON or CSV, by its extension) in order, in constant
   * memory: {@code ok} gets each readable case, {@code bad} each record's error.
   */
  public static void read(Path in, java.util.function.Consumer<RatingCase> ok,
      java.util.function.BiConsumer<Long, RateFloatException> bad) throws IOException {
    try (InputStream input = new BufferedInputStream(InputFiles.open(in, Faults.inputFile(in)), 1 << 16)) {
      Source source = Source.of(Format.of(in), input);
      Input next;
      while ((next = source.next()) != null) {
        RatingCase c;
        try {
          c = next.toCase();
        } catch (RateFloatException e) {
          bad.accept(next.line(), e);
          continue;
        }
        ok.accept(c);
      }
    }
  }

}
