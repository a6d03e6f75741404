package org.ratefloat.batch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.decision.Decision;
import org.ratefloat.io.InputFiles;
import org.ratefloat.io.OutputFile;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.json.CaseJson;
import org.ratefloat.json.DecisionJson;
import org.ratefloat.json.Faults;
import org.ratefloat.json.JsonOut;
import org.ratefloat.json.JsonValue;
import org.ratefloat.json.StrictJson;
import org.ratefloat.model.RatingCase;

/**
 * Decides a whole portfolio file: one output record per input record, in input order, whatever the
 * number of threads; a record that cannot be decided becomes an error record (line, employer id,
 * code, pointer, message) and never affects its neighbours.
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
  private static final ObjectMapper LENIENT = new ObjectMapper();
  static final List<String> CSV_OUT = List.of("line", "employerId", "status", "riskClass", "benchmark",
      "previousBand", "newBand", "rate", "premium", "errorCode", "errorPointer", "errorMessage", "inputSha256",
      "tableSha256", "warnings", "amounts", "tables");

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
   */
  public record Options(int threads, Format in, Format out, boolean echoInput) {
    public Options {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1: " + threads);
      }
      requireNonNull(in, "in");
      requireNonNull(out, "out");
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
   */
  public record Summary(long records, long decided, SortedMap<String, Long> bands, SortedMap<String, Long> errors) {}

  /**
   * One input record: its first line, its size in bytes and either its document or why it could not
   * be read.
   */
  private record Input(long line, long size, byte[] bytes, JsonNode tree, RateFloatException unreadable) {
    /**
     * The decision of the case the record holds, as submitted: the NDJSON line as it is, or the
     * case document the CSV rows of one employer make.
     */
    Decision decide(Function<byte[], Decision> decide) {
      if (unreadable != null) {
        throw unreadable;
      }
      byte[] document = tree != null ? CanonicalJson.compact(tree).getBytes(StandardCharsets.UTF_8) : bytes;
      try {
        return decide.apply(document);
      } catch (InputException refused) {
        // a blank line is never a case: told apart only once refused, not decoded for every record
        if (tree == null && new String(bytes, StandardCharsets.UTF_8).isBlank()) {
          throw new InputException(ErrorCode.IN001, "", "empty line");
        }
        throw refused;
      }
    }

    /** The case the record holds, checked as any case document is. */
    RatingCase toCase() {
      if (unreadable != null) {
        throw unreadable;
      }
      if (tree != null) {
        return CaseJson.read(JsonValue.root(tree, Faults.INPUT));
      }
      try {
        return RateFloat.readCase(bytes);
      } catch (InputException refused) {
        // a blank line is never a case: told apart only once refused, not decoded for every record
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
          throw new InputException(ErrorCode.IN001, "", "empty line");
        }
        throw refused;
      }
    }
  }

  /**
   * The output of one chunk, encoded by the worker (UTF-8, the records one after the other), and
   * what its records count for in the summary.
   */
  private record Output(byte[] bytes, int records, Map<String, Long> bands, Map<String, Long> errors) {}

  /**
   * What a worker thread keeps from chunk to chunk: the writer of one record at a time (with the
   * table's constants it has encoded) and the bytes of the chunk so far.
   */
  private static final class Worker {
    /**
     * Most bytes a worker keeps a buffer for between chunks (its record writer's, its chunk's): a
     * larger record's or chunk's is dropped, so that one huge record does not stay in memory.
     */
    private static final int KEPT = 1 << 20;
    JsonOut record = new JsonOut(false);
    Bytes chunk = new Bytes();
  }

  /** A growable byte buffer, unsynchronised (one worker writes it). */
  private static final class Bytes extends java.io.OutputStream {
    private byte[] buf = new byte[1 << 16];
    private int len;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int n) {
      if (buf.length - len < n) {
        buf = java.util.Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 16,
            Math.max((long) buf.length * 2, (long) len + n)));
      }
      System.arraycopy(b, off, buf, len, n);
      len += n;
    }

    void clear() {
      len = 0;
    }

    byte[] take() {
      byte[] out = java.util.Arrays.copyOf(buf, len);
      len = 0;
      return out;
    }

    int capacity() {
      return buf.length;
    }
  }

  private static final ThreadLocal<Worker> WORKER = ThreadLocal.withInitial(Worker::new);

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
      Source source = options.in() == Format.CSV ? new CsvSource(input) : new NdjsonSource(input);
      if (options.out() == Format.CSV) {
        output.write(CsvOut.row(CSV_OUT).getBytes(StandardCharsets.UTF_8));
      }
      Summary summary = process(decide, thresholds, source, output.stream(), options, progress, total, pool);
      output.commit();
      return summary;
    } finally {
      pool.shutdownNow();
    }
  }

  private static int workers(Options options) {
    return Math.min(options.threads(), MAX_THREADS);
  }

  /**
   * What the reading thread hands the writing one, in input order: a chunk submitted to the pool
   * (with the bytes of input it holds and the input read so far), the end, or why reading failed.
   */
  private record Pending(Future<Output> outputs, long bytes, long bytesRead, Throwable failure) {
    static final Pending END = new Pending(null, 0, 0, null);
  }

  /**
   * The chunks read but not yet written and their bytes of input: the reading thread waits for room
   * before it reads a chunk, the writing thread makes room as it writes one.
   */
  private static final class InFlight {
    private final int maxPending;
    private int chunks;
    private long bytes;

    InFlight(int maxPending) {
      this.maxPending = maxPending;
    }

    synchronized void awaitRoom() throws InterruptedException {
      while (chunks >= maxPending || bytes >= MAX_IN_FLIGHT_BYTES) {
        wait();
      }
    }

    synchronized void add(long chunkBytes) {
      chunks++;
      bytes += chunkBytes;
    }

    synchronized void remove(long chunkBytes) {
      chunks--;
      bytes -= chunkBytes;
      notifyAll();
    }
  }

  /**
   * Reads, decides and writes on three kinds of thread: one reads records into chunks and submits
   * them to the pool, the workers decide and encode a chunk each, and this (calling) thread writes
   * the chunks' bytes in input order; reading and writing overlap, so neither waits for the other.
   */
  private static Summary process(Function<byte[], Decision> decide,
      Function<Decision, org.ratefloat.thresholds.Thresholds> thresholds, Source source, java.io.OutputStream writer,
      Options options, Progress progress, long total, ExecutorService pool) throws IOException {
    InFlight inFlight = new InFlight(workers(options) * 2 + 1);
    java.util.concurrent.BlockingQueue<Pending> queue = new java.util.concurrent.LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try {
        while (true) {
          inFlight.awaitRoom();
          List<Input> chunk = new ArrayList<>(CHUNK);
          long chunkBytes = 0;
          Input next;
          while (chunk.size() < CHUNK && chunkBytes < CHUNK_BYTES && (next = source.next()) != null) {
            chunk.add(next);
            chunkBytes += next.size();
          }
          if (chunk.isEmpty()) {
            queue.add(Pending.END);
            return;
          }
          inFlight.add(chunkBytes);
          queue.add(new Pending(pool.submit(() -> decideAll(decide, thresholds, chunk, options)), chunkBytes,
              source.bytesRead(), null));
        }
      } catch (InterruptedException e) {
        // the writing thread stopped: nothing more to read
      } catch (Throwable e) {
        queue.add(new Pending(null, 0, 0, e));
      }
    }, "ratefloat-batch-reader");
    reader.setDaemon(true);
    reader.start();
    long records = 0;
    long decided = 0;
    SortedMap<String, Long> bands = new TreeMap<>();
    SortedMap<String, Long> errors = new TreeMap<>();
    try {
      while (true) {
        Pending done = take(queue);
        if (done == Pending.END) {
          return new Summary(records, decided, bands, errors);
        }
        if (done.failure() != null) {
          throw rethrow(done.failure());
        }
        Output o = await(done.outputs());
        writer.write(o.bytes());
        inFlight.remove(done.bytes());
        records += o.records();
        o.bands().forEach((band, n) -> bands.merge(band, n, Long::sum));
        for (Long n : o.bands().values()) {
          decided += n;
        }
        o.errors().forEach((code, n) -> errors.merge(code, n, Long::sum));
        if (progress != null) {
          progress.update(records, done.bytesRead(), total);
        }
      }
    } finally {
      // the reading thread ends before the input is closed under it
      reader.interrupt();
      boolean interrupted = false;
      while (reader.isAlive()) {
        try {
          reader.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Pending take(java.util.concurrent.BlockingQueue<Pending> queue) throws IOException {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("batch interrupted", e);
    }
  }

  /** A failure of the reading thread, thrown again on the writing one as it was. */
  private static IOException rethrow(Throwable failure) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    throw new IOException(failure);
  }

  private static Output await(Future<Output> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("batch interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IOException(e.getCause());
    }
  }

  private static Output decideAll(Function<byte[], Decision> decide,
      Function<Decision, org.ratefloat.thresholds.Thresholds> thresholds, List<Input> chunk, Options options)
      throws IOException {
    Worker worker = WORKER.get();
    // whatever a chunk that failed half-way left behind
    worker.chunk.clear();
    Map<String, Long> bands = new java.util.HashMap<>();
    Map<String, Long> errors = new java.util.HashMap<>();
    for (Input input : chunk) {
      decideOne(decide, thresholds, input, options, worker, bands, errors);
    }
    byte[] bytes = worker.chunk.take();
    if (worker.chunk.capacity() > Worker.KEPT) {
      worker.chunk = new Bytes();
    }
    return new Output(bytes, chunk.size(), bands, errors);
  }

  /** Appends the output record of one input to the worker's chunk and counts it. */
  private static void decideOne(Function<byte[], Decision> decide,
      Function<Decision, org.ratefloat.thresholds.Thresholds> thresholds, Input input, Options options, Worker worker,
      Map<String, Long> bands, Map<String, Long> errors) throws IOException {
    String employerId = null;
    try {
      Decision d = input.decide(decide);
      employerId = d.input().employer().id();
      String band = "class " + d.riskClass() + ", band " + d.newBand().multiplier().toPlainString();
      if (options.out() == Format.CSV) {
        worker.chunk.write(csvDecision(input.line(), d).getBytes(StandardCharsets.UTF_8));
      } else {
        JsonOut out = worker.record.reset();
        if (thresholds == null) {
          decisionRecord(out, input.line(), d, options);
        } else {
          decisionRecord(out, input.line(), d, options, thresholds);
        }
        out.writeTo(worker.chunk);
        if (out.size() > Worker.KEPT) {
          worker.record = new JsonOut(false);
        }
      }
      bands.merge(band, 1L, Long::sum);
    } catch (RateFloatException e) {
      if (employerId == null) {
        employerId = employerIdOf(input);
      }
      worker.chunk.write(errorText(input.line(), employerId, e, options).getBytes(StandardCharsets.UTF_8));
      errors.merge(e.code().name(), 1L, Long::sum);
    }
  }

  /**
   * The NDJSON line of a decided record, UTF-8, with its line end. The one place it is written: the
   * batch and the measurements of its stages use it.
   */
  public static void decisionRecord(JsonOut out, long line, Decision d, Options options) {
    out.beginObject().field("line", line).field("employerId", d.input().employer().id()).field("status", "ok");
    DecisionJson.write(d, out.name("decision"), options.echoInput());
    out.endObject().endLine();
  }

  /** The NDJSON line of a decided record with the thresholds of the employer's next decision (or why there are none). */
  private static void decisionRecord(JsonOut out, long line, Decision d, Options options,
      Function<Decision, org.ratefloat.thresholds.Thresholds> thresholds) {
    out.beginObject().field("line", line).field("employerId", d.input().employer().id()).field("status", "ok");
    DecisionJson.write(d, out.name("decision"), options.echoInput());
    try {
      org.ratefloat.json.ThresholdsJson.write(thresholds.apply(d), out.name("thresholds"));
    } catch (RateFloatException e) {
      out.name("thresholds").beginObject().name("error").beginObject().field("code", e.code().name())
          .field("pointer", e.pointer()).field("message", e.detail()).endObject().endObject();
    }
    out.endObject().endLine();
  }

  private static String csvDecision(long line, Decision d) {
    List<String> row = new ArrayList<>(List.of(String.valueOf(line), d.input().employer().id(), "ok",
        String.valueOf(d.riskClass()), d.benchmark().toPlainString(), d.previousBand().multiplier().toPlainString(),
        d.newBand().multiplier().toPlainString(), d.rate().toPlainString(),
        d.premium().map(p -> p.amount().toPlainString()).orElse(""), "", "", "", d.inputSha256(),
        d.table().sha256(), String.join("; ", d.warnings().stream().map(w -> w.code()).toList()),
        // amounts of money the rows added (a German surcharge), and every file the decision used
        String.join("; ", d.amounts().stream().map(a -> a.amount().toPlainString() + " " + a.currency()).toList()),
        String.join("; ", d.tables().stream().map(t -> t.role() + " " + t.id() + " " + t.sha256()).toList())));
    return csvRow(row);
  }

  private static String errorText(long line, String employerId, RateFloatException e, Options options) {
    if (options.out() == Format.CSV) {
      return csvRow(List.of(String.valueOf(line), employerId == null ? "" : employerId, "error", "", "", "", "",
          "", "", e.code().name(), e.pointer(), e.detail(), "", "", "", "", ""));
    }
    JsonOut out = new JsonOut(false);
    out.beginObject().field("line", line);
    if (employerId == null) {
      out.name("employerId").nullValue();
    } else {
      out.field("employerId", employerId);
    }
    out.field("status", "error");
    out.name("error").beginObject().field("code", e.code().name()).field("pointer", e.pointer())
        .field("message", e.detail()).endObject();
    out.endObject();
    return out.text() + "\n";
  }

  private static String csvRow(List<String> fields) {
    return CsvOut.row(fields);
  }

  /** The employer id of a record that failed, if its document is readable enough to show it. */
  private static String employerIdOf(Input input) {
    try {
      JsonNode tree = input.tree() != null ? input.tree()
          : input.bytes() != null && input.bytes().length > 0 ? LENIENT.readTree(input.bytes()) : null;
      JsonNode id = tree == null ? null : tree.path("employer").path("id");
      return id != null && id.isTextual() ? id.textValue() : null;
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  // ------------------------------------------------------------------ sources

  /**
   * Reads every record of a portfolio file (NDJSON or CSV, by its extension) in order, in constant
   * memory: {@code ok} gets each readable case, {@code bad} each record's error.
   */
  public static void read(Path in, java.util.function.Consumer<RatingCase> ok,
      java.util.function.BiConsumer<Long, RateFloatException> bad) throws IOException {
    try (InputStream input = new BufferedInputStream(InputFiles.open(in, Faults.inputFile(in)), 1 << 16)) {
      Source source = Format.of(in) == Format.CSV ? new CsvSource(input) : new NdjsonSource(input);
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

  private interface Source {
    /** The next record, or null at the end. */
    Input next() throws IOException;

    long bytesRead();
  }

  private static final class NdjsonSource implements Source {
    private final LineReader lines;
    private long line;

    NdjsonSource(InputStream in) {
      this.lines = new LineReader(in, MAX_LINE);
    }

    @Override
    public Input next() throws IOException {
      byte[] bytes = lines.next();
      if (bytes == null) {
        return null;
      }
      line++;
      if (bytes == LineReader.TOO_LONG) {
        return new Input(line, MAX_LINE, null, null, new InputException(ErrorCode.IN024, "",
            "line longer than " + MAX_LINE + " bytes"));
      }
      // an empty line is found by the worker that reads the record (Input.toCase)
      return new Input(line, bytes.length, bytes, null, null);
    }

    @Override
    public long bytesRead() {
      return lines.bytesRead();
    }
  }

  /**
   * The rows of one employer at a time, read by {@link CsvRows} (which refuses the file, naming the
   * line and column, for a header or row that is not exactly what it must be); a record is refused,
   * without holding its rows, once it has more than
   * {@link org.ratefloat.model.InputRules#MAX_PERIODS} periods or {@link #MAX_LINE} bytes.
   */
  private static final class CsvSource implements Source {
    private final CsvRows rows;
    private final CountingStream counter;
    private CsvRows.Row held;

    CsvSource(InputStream in) throws IOException {
      this.counter = new CountingStream(in);
      this.rows = new CsvRows(counter);
    }

    @Override
    public Input next() throws IOException {
      List<Map<String, String>> group = new ArrayList<>();
      long start = counter.count;
      CsvRows.Row first = held != null ? held : rows.next();
      held = null;
      if (first == null) {
        return null;
      }
      group.add(first.cells());
      String id = first.cells().getOrDefault("id", "");
      long periods = CsvCases.hasPeriod(first.cells()) ? 1 : 0;
      boolean tooLarge = false;
      CsvRows.Row row;
      while ((row = rows.next()) != null) {
        if (!id.equals(row.cells().getOrDefault("id", "")) || id.isEmpty()) {
          held = row;
          break;
        }
        periods += CsvCases.hasPeriod(row.cells()) ? 1 : 0;
        // past a limit the rows are counted, not held
        tooLarge = tooLarge || periods > org.ratefloat.model.InputRules.MAX_PERIODS || counter.count - start > MAX_LINE;
        if (!tooLarge) {
          group.add(row.cells());
        }
      }
      long size = Math.max(1, counter.count - start);
      if (tooLarge) {
        RateFloatException refused;
        try {
          CaseJson.checkPeriods(periods, "/history");
          refused = new InputException(ErrorCode.IN024, "", "the rows of this employer hold more than "
              + MAX_LINE + " bytes");
        } catch (InputException e) {
          refused = e;
        }
        // the first row alone, so that the error record names the employer
        return new Input(first.line(), size, null, CsvCases.toCase(group.subList(0, 1)), refused);
      }
      return new Input(first.line(), size, null, CsvCases.toCase(group), null);
    }

    @Override
    public long bytesRead() {
      return counter.count;
    }
  }

  /** Counts the bytes read through it, for progress. */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
