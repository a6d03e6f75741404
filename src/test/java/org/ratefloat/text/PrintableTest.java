package org.ratefloat.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Text printed on a terminal line: control characters escaped, everything else kept. */
class PrintableTest {
  @Test
  void controlCharactersAreEscaped() {
    assertEquals("a\\nb\\r\\tc", Printable.escape("a\nb\r\tc"));
    // ESC (a colour), BEL ending an OSC title sequence, NUL, DEL
    assertEquals("\\u001b[31mred\\u001b]0;title\\u0007\\u0000\\u007f",
        Printable.escape("\u001b[31mred\u001b]0;title\u0007\u0000\u007f"));
    // C1: CSI and NEL
    assertEquals("\\u009b2J\\u0085", Printable.escape("\u009b2J\u0085"));
    // bidirectional overrides and isolates, line and paragraph separators
    assertEquals("\\u202egnp.exe\\u2066x\\u2069\\u200f\\u061c\\u2028\\u2029",
        Printable.escape("\u202egnp.exe\u2066x\u2069\u200f\u061c\u2028\u2029"));
    // an unpaired surrogate, alone and before a letter
    assertEquals("\\ud800x\\udc00", Printable.escape("\ud800x\udc00"));
  }

  @Test
  void printableTextIsKept() {
    String text = "长沙示例机械制造有限公司 – 1.35 % 😀 \\n stays";
    assertEquals(text, Printable.escape(text));
    assertEquals("😀\\n", Printable.escape("😀\n"));
  }

  @Test
  void escapingTwiceChangesNothing() {
    String once = Printable.escape("x\n\u001b[2J\u202e");
    assertEquals(once, Printable.escape(once));
  }
}
