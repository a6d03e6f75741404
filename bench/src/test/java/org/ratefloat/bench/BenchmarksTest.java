package org.ratefloat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every JMH benchmark still sets up and runs: each setup once and each benchmark method called once,
 * directly, with small parameters. No timing; the benchmarks themselves are run on purpose only.
 */
class BenchmarksTest {
  @Test
  void decide() {
    DecideBenchmark b = new DecideBenchmark();
    b.setUp(); // includes the agreement of all four on the timed employers
    assertNotNull(b.ratefloat());
    assertTrue(b.ratefloatWithRecord().length > 1000);
    assertTrue(!b.droolsDmn().hasErrors());
    assertNotNull(b.handCoded());
  }

  @Test
  void batch() throws Exception {
    BatchBenchmark b = new BatchBenchmark();
    b.employers = 200;
    b.setUp();
    try {
      assertEquals(200, b.batch().records());
      assertTrue(b.bareJacksonParse() > 200);
    } finally {
      b.tearDown();
    }
  }

  @Test
  void stages() throws Exception {
    StagesBenchmark b = new StagesBenchmark();
    b.setUp();
    assertNotNull(b.bareReadTree());
    assertNotNull(b.parse());
    assertNotNull(b.validate());
    assertNotNull(b.decide());
    assertEquals(64, b.inputHash().length());
    assertTrue(b.write().length > 500);
    assertTrue(b.wholeRecord().length > 500);
  }

  @Test
  void load() {
    LoadBenchmark b = new LoadBenchmark();
    for (String table : new String[] {"cn-hn-provisional", "cn-zj-hangzhou", "cn-nm-ordos-2015"}) {
      b.table = table;
      assertEquals(table, b.load().id());
    }
  }

  @Test
  void largeTable() throws Exception {
    LargeTableBenchmark b = new LargeTableBenchmark();
    for (int rows : new int[] {10, 1000}) {
      b.rows = rows;
      b.setUp();
      // only the last row matches
      assertEquals("r" + (rows - 1), b.decideLastRow().steps().stream().filter(s -> s.row().isPresent())
          .findFirst().orElseThrow().row().orElseThrow());
      assertEquals("large", b.loadTable().id());
    }
  }
}
