package org.ratefloat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The streaming case reader's own parts, and documents on the edges of what a case may be. */
class CaseStreamTest {
  private static final String CASE = "{\"asOf\":\"2025-01-01\",\"employer\":{\"id\":\"E\",\"industry\":"
      + "{\"edition\":\"GB/T 4754-2011\",\"code\":\"36\"}},\"history\":[%s]}";

  private static byte[] withPeriod(String period) {
    return String.format(CASE, period).getBytes(StandardCharsets.UTF_8);
  }

  /** Byte strings mostly of the bytes that make UTF-8 well or ill formed. */
  @Property(tries = 3000)
  void wellFormedAsAWholeIsWhatTheTokenChecksFind(@ForAll long seed) {
    Random r = new Random(seed);
    byte[] pool = {'a', '"', 0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xc0, (byte) 0xc2, (byte) 0xdf, (byte) 0xe0,
        (byte) 0xed, (byte) 0xef, (byte) 0xf0, (byte) 0xf4, (byte) 0xf5, (byte) 0xff, (byte) 0xa0, (byte) 0x9f};
    byte[] bytes = new byte[r.nextInt(12)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : pool[r.nextInt(pool.length)];
    }
    assertEquals(Utf8.firstMalformed(bytes, 0, bytes.length) < 0, CaseStream.wellFormed(bytes));
  }

  @Test
  void edgesReadAlike() {
    // a null counts as absent: a year with null from/to, a null format, null optional keys
    assertNotNull(CaseStream.read(withPeriod("{\"year\":2020,\"from\":null,\"to\":null}")));
    assertEquals("read", CaseReaders.agree(withPeriod("{\"year\":null,\"from\":\"2020-01-01\",\"to\":\"2020-12-31\"}")));
    assertEquals("read", CaseReaders.agree(("{\"format\":null," + String.format(CASE, "").substring(1))
        .getBytes(StandardCharsets.UTF_8)));
    assertEquals("read", CaseReaders.agree(withPeriod("{\"year\":2020,\"disabilityCases\":{},\"payroll\":null}")));
    // refused alike: a year with a date, an empty exposures object, a grade written with a zero
    assertEquals("refused IN023", CaseReaders.agree(withPeriod("{\"year\":2020,\"to\":\"2020-12-31\"}")));
    assertEquals("refused IN023", CaseReaders.agree(withPeriod("{\"year\":2020,\"exposures\":{}}")));
    assertEquals("refused IN023", CaseReaders.agree(withPeriod("{\"year\":2020,\"disabilityCases\":{\"01\":1}}")));
    assertEquals("refused IN002", CaseReaders.agree(withPeriod("{\"year\":2020,\"year\":null}")));
    assertEquals("refused IN002",
        CaseReaders.agree(withPeriod("{\"year\":2020,\"disabilityCases\":{\"1\":1,\"1\":1}}")));
    assertEquals("refused IN023", CaseReaders.agree(withPeriod("{\"year\":2020,\"disabilityCases\":{\"2\":1,\"02\":1}}")));
    assertNull(CaseStream.read(withPeriod("{\"year\":2020,\"from\":\"2020-02-30\"}")));
  }

  /**
   * The canonical form written as the document is read: members in key order whatever the
   * document's order (the expected text is sorted by hand), an integral JSON number in its digits,
   * and none for a value the form cannot hold, which the tree path then refuses with its reason.
   */
  @Test
  void canonicalFormAsRead() {
    byte[] doc = ("{\"history\":[],\"employer\":{\"status\":{\"premiumArrears\":null},\"industry\":"
        + "{\"code\":\"36\",\"edition\":\"GB/T 4754-2011\"},\"id\":\"E\\u0001\\\"\u6c5f\"},\"asOf\":\"2025-01-01\","
        + "\"premiumBase\":1200.0}").getBytes(StandardCharsets.UTF_8);
    CaseStream.Submission s = CaseStream.submission(doc);
    assertNotNull(s);
    assertEquals("{\"asOf\":\"2025-01-01\",\"employer\":{\"id\":\"E\\u0001\\\"\u6c5f\",\"industry\":{\"code\":\"36\","
        + "\"edition\":\"GB/T 4754-2011\"},\"status\":{\"premiumArrears\":null}},\"history\":[],\"premiumBase\":1200}",
        new String(s.canonical(), StandardCharsets.UTF_8));
    // premiumArrears given (as null), the other two flags not
    assertEquals(2, s.statusGiven());
    assertEquals("read", CaseReaders.agree(doc));

    byte[] fractional = withPeriod("{\"year\":2020,\"payroll\":1200.5}");
    CaseStream.Submission f = CaseStream.submission(fractional);
    assertNotNull(f);
    assertNull(f.canonical());
    assertEquals("read", CaseReaders.agree(fractional));
    JsonOut.NotCanonicalException e = org.junit.jupiter.api.Assertions.assertThrows(JsonOut.NotCanonicalException.class,
        () -> Submitted.read(fractional).canonical().sha256());
    assertEquals("a fractional JSON number has no place in the canonical form, where decimals are strings: 1200.5",
        e.getMessage());
  }
}
