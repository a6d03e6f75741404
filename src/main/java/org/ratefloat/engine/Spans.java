package org.ratefloat.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ratefloat.rules.IndicatorSpec;
import org.ratefloat.rules.Window;

/**
 * The first and last day of each window of a table's indicators for one as-of date, as dates and as
 * epoch days. A table computes them once per as-of date it meets ({@link Engine} keeps those of the
 * last one: the cases of a portfolio mostly share it) instead of once per indicator and decision.
 * Immutable.
 */
final class Spans {
  /** One window's days, both included: of a policy window, the first and last start it admits. */
  record Span(LocalDate start, LocalDate end, long startDay, long endDay) {
    static Span of(Window w, LocalDate asOf) {
      LocalDate start = w.start(asOf);
      LocalDate end = w.end(asOf);
      return new Span(start, end, start.toEpochDay(), end.toEpochDay());
    }

    /** Days in the window, both ends included. */
    long days() {
      return endDay - startDay + 1;
    }
  }

  final LocalDate asOf;
  private final Window[] windows;
  private final Span[] spans;

  private Spans(LocalDate asOf, Window[] windows) {
    this.asOf = asOf;
    this.windows = windows;
    this.spans = new Span[windows.length];
    for (int i = 0; i < windows.length; i++) {
      for (int j = 0; j < i && spans[i] == null; j++) {
        if (windows[j].equals(windows[i])) {
          spans[i] = spans[j]; // equal windows (two indicators over the same years) share their days
        }
      }
      if (spans[i] == null) {
        spans[i] = Span.of(windows[i], asOf);
      }
    }
  }

  /**
   * The windows of a table's indicators, each object once: equal windows of several indicators are
   * all kept, so that each indicator finds its own by identity.
   */
  static Window[] windows(IndicatorSpec[] indicators) {
    List<Window> out = new ArrayList<>();
    for (IndicatorSpec spec : indicators) {
      Window w = window(spec);
      if (w != null && out.stream().noneMatch(o -> o == w)) {
        out.add(w);
      }
    }
    return out.toArray(new Window[0]);
  }

  private static Window window(IndicatorSpec spec) {
    if (spec instanceof IndicatorSpec.Ratio r) {
      return r.window();
    }
    if (spec instanceof IndicatorSpec.Total t) {
      return t.window();
    }
    if (spec instanceof IndicatorSpec.Claims c) {
      return c.window();
    }
    if (spec instanceof IndicatorSpec.Covered c) {
      return c.window();
    }
    if (spec instanceof IndicatorSpec.Exposures x) {
      return x.window();
    }
    return null;
  }

  static Spans of(LocalDate asOf, Window[] windows) {
    return new Spans(asOf, windows);
  }

  /** A window's span on this as-of date (an equal window shares it; another one is computed). */
  Span span(Window w) {
    for (int i = 0; i < windows.length; i++) {
      if (windows[i] == w) {
        return spans[i];
      }
    }
    for (int i = 0; i < windows.length; i++) {
      if (windows[i].equals(w)) {
        return spans[i];
      }
    }
    return Span.of(w, asOf);
  }
}
