package org.ratefloat.batch;

import org.ratefloat.text.Catalogue;
import org.ratefloat.text.Glossary;
import org.ratefloat.text.Language;
import org.ratefloat.text.Message;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ratefloat.decision.Decision;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.json.DecisionJson;
import org.ratefloat.json.JsonOut;

/**
 * Decides a chunk of records and encodes their output records on a worker thread: one decision
 * record (NDJSON, or a CSV row) or one error record a record, in the chunk's order, as UTF-8 bytes in
 * one buffer, and what they count for in the summary. Its one job is a record's output; reading the
 * file and writing in input order are others'.
 */
final class Encoder {
  /** The columns of a CSV output, in order. */
  static final List<String> CSV_OUT = List.of("line", "employerId", "status", "riskClass", "benchmark",
      "previousBand", "newBand", "rate", "premium", "errorCode", "errorPointer", "errorMessage", "inputSha256",
      "tableSha256", "warnings", "amounts", "tables");
  private Encoder() {}

  /**
   * The output of one chunk, encoded by the worker (UTF-8, the records one after the other), and
   * what its records count for in the summary.
   */
  record Output(byte[] bytes, int records, Map<String, Long> bands, Map<String, Long> errors,
      Map<String, String> examples) {}

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

  static Output decideAll(Function<byte[], Decision> decide, @org.jspecify.annotations.Nullable Function<Decision, org.ratefloat.thresholds.Thresholds> thresholds,
      List<Input> chunk, Batch.Options options) throws IOException {
    Worker worker = WORKER.get();
    // whatever a chunk that failed half-way left behind
    worker.chunk.clear();
    Map<ClassBand, Long> decided = new java.util.HashMap<>();
    Map<String, Long> errors = new java.util.HashMap<>();
    Map<String, String> examples = new java.util.HashMap<>();
    for (Input input : chunk) {
      decideOne(decide, thresholds, input, options, worker, decided, errors, examples);
    }
    // the counts' names are written once a chunk, not once a record
    Map<String, Long> bands = new java.util.HashMap<>();
    decided.forEach((b, n) -> bands.merge(Message.of("summary.batch.classBand", "class", b.riskClass(), "band",
        b.multiplier().toPlainString()).in(options.language()), n, Long::sum));
    byte[] bytes = worker.chunk.take();
    if (worker.chunk.capacity() > Worker.KEPT) {
      worker.chunk = new Bytes();
    }
    return new Output(bytes, chunk.size(), bands, errors, examples);
  }

  /** A decided record's risk class and new band, as the summary counts them. */
  private record ClassBand(int riskClass, java.math.BigDecimal multiplier) {}

  /** Appends the output record of one input to the worker's chunk and counts it. */
  private static void decideOne(Function<byte[], Decision> decide, @org.jspecify.annotations.Nullable Function<Decision, org.ratefloat.thresholds.Thresholds> thresholds,
      Input input, Batch.Options options, Worker worker, Map<ClassBand, Long> bands, Map<String, Long> errors, Map<String, String> examples) throws IOException {
    String employerId = null;
    try {
      Decision d = input.decide(decide);
      employerId = d.input().employer().id();
      ClassBand band = new ClassBand(d.riskClass(), d.newBand().multiplier());
      if (options.out() == Batch.Format.CSV) {
        worker.chunk.write(csvDecision(input.line(), d, options.language()).getBytes(StandardCharsets.UTF_8));
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
      examples.putIfAbsent(e.code().name(), Message.of("summary.example", "line", input.line(),
          "pointer", e.pointer().isEmpty() ? "/" : e.pointer(), "detail", e.detail(options.language().locale()))
          .in(options.language()));
    }
  }

  /**
   * The NDJSON line of a decided record, UTF-8, with its line end. The one place it is written: the
   * batch and the measurements of its stages use it.
   */
  static void decisionRecord(JsonOut out, long line, Decision d, Batch.Options options) {
    out.beginObject().field("line", line).field("employerId", d.input().employer().id()).field("status", "ok");
    DecisionJson.write(d, out.name("decision"), options.echoInput(),
        options.lean() ? DecisionJson.FORMAT_LEAN : DecisionJson.FORMAT);
    out.endObject().endLine();
  }

  /** The NDJSON line of a decided record with the thresholds of the employer's next decision (or why there are none). */
  private static void decisionRecord(JsonOut out, long line, Decision d, Batch.Options options, Function<Decision, org.ratefloat.thresholds.Thresholds> thresholds) {
    out.beginObject().field("line", line).field("employerId", d.input().employer().id()).field("status", "ok");
    DecisionJson.write(d, out.name("decision"), options.echoInput(),
        options.lean() ? DecisionJson.FORMAT_LEAN : DecisionJson.FORMAT);
    try {
      org.ratefloat.json.ThresholdsJson.write(thresholds.apply(d), out.name("thresholds"));
    } catch (RateFloatException e) {
      out.name("thresholds").beginObject().name("error").beginObject().field("code", e.code().name())
          .field("pointer", e.pointer()).field("message", e.detail()).endObject().endObject();
    }
    out.endObject().endLine();
  }

  /**
   * The header of a CSV output: the column names machines read, or, in Chinese, the columns' names
   * in words after a byte-order mark (so that a spreadsheet reads the file as UTF-8).
   */
  static String csvHeader(Language lang) {
    if (lang == Language.EN) {
      return CsvOut.row(CSV_OUT);
    }
    return "\uFEFF" + CsvOut.row(CSV_OUT.stream().map(c -> Catalogue.text(lang, "csv." + c)).toList());
  }

  private static String csvDecision(long line, Decision d, Language lang) {
    List<String> row = new ArrayList<>(List.of(String.valueOf(line), d.input().employer().id(),
        Catalogue.text(lang, "csv.status.ok"),
        String.valueOf(d.riskClass()), d.benchmark().toPlainString(), d.previousBand().multiplier().toPlainString(),
        d.newBand().multiplier().toPlainString(), d.rate().toPlainString(),
        d.premium().map(p -> p.amount().toPlainString()).orElse(""), "", "", "", d.inputSha256(),
        d.table().sha256(), String.join("; ", d.warnings().stream().map(w -> w.code()).toList()),
        // amounts of money the rows added (a German surcharge), and every file the decision used
        String.join("; ", d.amounts().stream().map(a -> a.amount().toPlainString() + " " + a.currency()).toList()),
        String.join("; ", d.tables().stream().map(t -> (lang == Language.EN ? t.role()
            : Glossary.bundled().term("role." + t.role()).map(r -> r.zh()).orElse(t.role())) + " " + t.id() + " "
            + t.sha256()).toList())));
    return csvRow(row);
  }

  private static String errorText(long line, String employerId, RateFloatException e, Batch.Options options) {
    if (options.out() == Batch.Format.CSV) {
      Language lang = options.language();
      return csvRow(List.of(String.valueOf(line), employerId == null ? "" : employerId,
          Catalogue.text(lang, "csv.status.error"), "", "", "", "", "", "", e.code().name(), e.pointer(),
          e.detail(lang.locale()), "", "", "", "", ""));
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
          : input.bytes() != null && input.bytes().length > 0 ? LenientLines.tree(input.bytes()) : null;
      JsonNode id = tree == null ? null : tree.path("employer").path("id");
      return id != null && id.isTextual() ? id.textValue() : null;
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }
}
