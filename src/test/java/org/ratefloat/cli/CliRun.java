package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line, in-process: its exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {

  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * Asserts a refusal: the exit code, nothing on stdout, and on stderr one line, {@code ratefloat:
   * CODE POINTER: message}, without a stack trace.
   */
  public CliRun assertRefused(int exit, String errorCode, String pointer) {
    assertEquals(exit, code, err);
    assertEquals("", out, "stdout");
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.endsWith("\n") && err.indexOf('\n') == err.length() - 1, err);
    assertTrue(err.startsWith("ratefloat: " + errorCode + " " + (pointer.isEmpty() ? "/" : pointer) + ": "), err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    return this;
  }
}
