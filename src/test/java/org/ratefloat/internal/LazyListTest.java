package org.ratefloat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyListTest {
  @Test
  void isMadeOnFirstReadAndOnlyOnce() {
    AtomicInteger made = new AtomicInteger();
    List<String> list = LazyList.of(() -> {
      made.incrementAndGet();
      return List.of("a", "b");
    });
    assertEquals(0, made.get());
    assertEquals(2, list.size());
    assertEquals("b", list.get(1));
    assertEquals(List.of("a", "b"), list);
    assertEquals(List.of("a", "b").hashCode(), list.hashCode());
    assertEquals(1, made.get());
  }

  @Test
  void cannotBeChangedNorHoldNulls() {
    List<String> list = LazyList.of(() -> List.of("a"));
    assertThrows(UnsupportedOperationException.class, () -> list.add("b"));
    assertThrows(UnsupportedOperationException.class, () -> list.set(0, "b"));
    assertThrows(UnsupportedOperationException.class, () -> list.iterator().remove());
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> LazyList.of(() -> withNull).size());
  }

  @Test
  void aTextIsMadeOnFirstReadOnceAndAnyOtherTextIsCopied() {
    AtomicInteger made = new AtomicInteger();
    LazyText text = LazyText.of(() -> {
      made.incrementAndGet();
      return "abc";
    });
    assertSame(text, LazyText.copyOf(text));
    assertEquals(0, made.get());
    assertEquals(3, text.length());
    assertEquals('b', text.charAt(1));
    assertEquals("abc", text.toString());
    assertEquals(1, made.get());
    StringBuilder plain = new StringBuilder("a");
    CharSequence copy = LazyText.copyOf(plain);
    plain.append('b');
    assertEquals("a", copy.toString());
  }

  @Test
  void aTextsHashIsTakenWithoutMakingItWhereItsMakerCan() {
    AtomicInteger made = new AtomicInteger();
    // SHA-256 of "abc" (FIPS 180-2, appendix B.1)
    String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    LazyText text = LazyText.of(() -> {
      made.incrementAndGet();
      return "abc";
    }, () -> abc);
    assertEquals(abc, text.sha256());
    assertEquals(0, made.get());
    assertEquals(abc, LazyText.of(() -> "abc").sha256(), "hashed from the text where no other way is given");
    LazyText first = LazyText.of(() -> "abc", () -> "not consulted once the text is made");
    assertEquals("abc", first.toString());
    assertEquals(abc, first.sha256());
  }

  @Test
  void aDecisionKeepsARenderedListAndCopiesAnyOther() {
    List<String> rendered = LazyList.of(() -> List.of("a"));
    assertSame(rendered, LazyList.copyOf(rendered));
    List<String> plain = new ArrayList<>(List.of("a"));
    List<String> copy = LazyList.copyOf(plain);
    plain.add("b");
    assertEquals(List.of("a"), copy);
  }

  @Test
  void threadsReadingAtOnceSeeOneRendering() throws Exception {
    AtomicInteger made = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Integer> list = LazyList.of(() -> {
      made.incrementAndGet();
      return List.of(1, 2, 3);
    });
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Integer>>> reads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        reads.add(pool.submit(() -> {
          start.await();
          return List.copyOf(list);
        }));
      }
      start.countDown();
      for (Future<List<Integer>> r : reads) {
        assertEquals(List.of(1, 2, 3), r.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, made.get());
  }
}
