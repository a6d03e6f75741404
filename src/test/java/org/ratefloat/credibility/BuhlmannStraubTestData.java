package org.ratefloat.credibility;

/** Hachemeister's (1975) data, for tests of other packages (see {@code BuhlmannStraubTest}). */
public final class BuhlmannStraubTestData {
  /** Average bodily-injury claim amounts of five US states over 12 quarters. */
  public static final long[][] RATIOS = BuhlmannStraubTest.RATIOS;
  /** The claim counts they are averaged over. */
  public static final long[][] WEIGHTS = BuhlmannStraubTest.WEIGHTS;

  private BuhlmannStraubTestData() {}
}
