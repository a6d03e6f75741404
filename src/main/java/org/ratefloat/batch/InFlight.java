package org.ratefloat.batch;

/**
 * The chunks read but not yet written and their bytes of input: the reading thread waits for room
 * before it reads a chunk, the writing thread makes room as it writes one.
 */
final class InFlight {
  private final int maxPending;
  private int chunks;
  private long bytes;

  InFlight(int maxPending) {
    this.maxPending = maxPending;
  }

  synchronized void awaitRoom() throws InterruptedException {
    while (chunks >= maxPending || bytes >= Batch.MAX_IN_FLIGHT_BYTES) {
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
