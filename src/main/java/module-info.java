import org.jspecify.annotations.NullMarked;

/**
 * ratefloat: work-injury insurance rate floating from declarative rule tables.
 *
 * <p>The API is {@link org.ratefloat} (the front door), {@link org.ratefloat.error} (codes and
 * exceptions), {@link org.ratefloat.model} (the input), {@link org.ratefloat.decision} (the
 * result) and {@link org.ratefloat.thresholds} (what would move an employer a band). Every other
 * package is internal and not exported. Deciding needs Guava and
 * jackson-databind; the command line and the portfolio tools need libraries that are optional
 * dependencies ({@code requires static}; commons-math3, which has no module name, from the class
 * path).
 *
 * <p>Nullness is said once, here, for the whole module ({@code @NullMarked}, as Caffeine does): a type
 * means non-null unless a use is marked {@code @Nullable}. The annotations are a compile-time promise
 * ({@code requires static}; an optional dependency of the pom), not something to load at run time.
 * The internal packages whose nulls are not yet marked say so with {@code @NullUnmarked}.
 */
@NullMarked
module org.ratefloat {
  exports org.ratefloat;
  exports org.ratefloat.error;
  exports org.ratefloat.model;
  exports org.ratefloat.decision;
  exports org.ratefloat.thresholds;

  requires com.google.common;
  requires com.fasterxml.jackson.databind;
  requires static org.jspecify;

  requires static info.picocli;
  requires static com.fasterxml.jackson.dataformat.csv;
  // commons-math3 (the synthetic portfolios' distributions) has no module name of its own: it is read
  // from the class path (the compiler is told so in the pom), not required here by a name taken from
  // its file name

  // the command line's options are read by picocli through reflection
  opens org.ratefloat.cli to info.picocli;
}
