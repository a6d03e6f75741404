package org.ratefloat.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.ratefloat.decision.Decision;

/**
 * Runs the three kinds of thread of a batch and keeps them in step: one reads records into chunks
 * and submits them to the pool, the workers decide and encode a chunk each ({@link Encoder}), and the
 * calling thread writes the chunks' bytes in input order and adds up the summary. Its one job is the
 * flow between them, bounded by {@link InFlight}; what a record is and what its output says are
 * others'.
 */
final class Pipeline {
  private Pipeline() {}

  /**
   * What the reading thread hands the writing one, in input order: a chunk submitted to the pool
   * (with the bytes of input it holds and the input read so far), the end, or why reading failed.
   */
  private record Pending(Future<Encoder.Output> outputs, long bytes, long bytesRead, Throwable failure) {
    static final Pending END = new Pending(null, 0, 0, null);
  }

  /**
   * Reads, decides and writes on three kinds of thread: one reads records into chunks and submits
   * them to the pool, the workers decide and encode a chunk each, and this (calling) thread writes
   * the chunks' bytes in input order; reading and writing overlap, so neither waits for the other.
   */
  static Batch.Summary run(Function<byte[], Decision> decide, @org.jspecify.annotations.Nullable Function<Decision, org.ratefloat.thresholds.Thresholds> thresholds,
      Source source, java.io.OutputStream writer, Batch.Options options, Batch.Progress progress, long total, ExecutorService pool) throws IOException {
    InFlight inFlight = new InFlight(Batch.workers(options) * 2 + 1);
    java.util.concurrent.BlockingQueue<Pending> queue = new java.util.concurrent.LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try {
        while (true) {
          inFlight.awaitRoom();
          List<Input> chunk = new ArrayList<>(Batch.CHUNK);
          long chunkBytes = 0;
          Input next;
          while (chunk.size() < Batch.CHUNK && chunkBytes < Batch.CHUNK_BYTES && (next = source.next()) != null) {
            chunk.add(next);
            chunkBytes += next.size();
          }
          if (chunk.isEmpty()) {
            queue.add(Pending.END);
            return;
          }
          inFlight.add(chunkBytes);
          queue.add(new Pending(pool.submit(() -> Encoder.decideAll(decide, thresholds, chunk, options)), chunkBytes,
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
    SortedMap<String, String> examples = new TreeMap<>();
    try {
      while (true) {
        Pending done = take(queue);
        if (done == Pending.END) {
          return new Batch.Summary(records, decided, bands, errors, examples);
        }
        if (done.failure() != null) {
          throw rethrow(done.failure());
        }
        Encoder.Output o = await(done.outputs());
        writer.write(o.bytes());
        inFlight.remove(done.bytes());
        records += o.records();
        o.bands().forEach((band, n) -> bands.merge(band, n, Long::sum));
        for (Long n : o.bands().values()) {
          decided += n;
        }
        o.errors().forEach((code, n) -> errors.merge(code, n, Long::sum));
        // chunks are written in input order, so the first example of a code is its first in the file
        o.examples().forEach(examples::putIfAbsent);
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

  private static Encoder.Output await(Future<Encoder.Output> future) throws IOException {
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
}
