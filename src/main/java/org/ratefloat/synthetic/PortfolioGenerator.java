package org.ratefloat.synthetic;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Generates a synthetic portfolio of employers as case documents (the JSON input format), one after
 * another, in constant memory. The same seed always gives the same portfolio.
 *
 * <p>What it models: industries drawn so that classes 2-4 are the most common (as among insured
 * employers); payrolls lognormal around 2.4 million yuan; an average wage of about 85,000 yuan;
 * premiums at the class benchmark times the current band; injuries Poisson with a class-dependent
 * incidence; about one injury in six assessed at a disability grade (mostly 9-10); deaths rare;
 * payouts per injury heavy-tailed (Pareto); some new employers, arrears and standardisation
 * certificates. The figures are plausible, not calibrated to any province's statistics.
 *
 * <p>The distributions use commons-math3's seeded generators and their results are turned into
 * decimals at once; nothing of the library's arithmetic uses binary floating point.
 */
public final class PortfolioGenerator implements Iterator<ObjectNode> {
  /** GB/T 4754-2011 divisions with their weight in the mix. */
  private static final String[] DIVISIONS = {
      "65", "66", "72", "51", "52", "61", "62", "70", "59", "13", "17", "39", "40", "46", "89",
      "36", "33", "34", "38", "29", "18", "44", "54", "49", "50", "02", "26", "30", "47", "48", "07",
      "25", "06", "08"};
  private static final int[] CLASS = {
      1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 8, 8};
  private static final double[] WEIGHT = {
      4, 3, 6, 8, 8, 4, 5, 3, 2, 3, 3, 4, 2, 1, 2, 4, 5, 4, 4, 3, 3, 2, 4, 3, 3, 1, 2, 2, 3, 2, 0.5,
      0.5, 0.6, 0.4};
  private static final String[] BENCHMARK = {"", "0.2", "0.4", "0.7", "0.9", "1.1", "1.3", "1.6", "1.9"};
  /** Injuries per 100 workers a year, by class. */
  private static final double[] INCIDENCE = {0, 0.15, 0.35, 0.7, 1.0, 1.4, 1.9, 2.4, 3.0};
  private static final String[] BANDS = {"0.5", "0.8", "1.0", "1.0", "1.0", "1.2", "1.5"};

  private final RandomGenerator random;
  private final long count;
  private final LocalDate asOf;
  private final int years;
  private final double totalWeight;
  private final LogNormalDistribution payroll;
  private final ParetoDistribution payout;
  private long next;

  /**
   * @param seed the seed; the same seed gives the same portfolio
   * @param count how many employers
   * @param asOf the as-of date of every case; histories are the calendar years before it
   * @param years how many calendar years of history each established employer has
   */
  public PortfolioGenerator(long seed, long count, LocalDate asOf, int years) {
    this.random = new Well19937c(seed);
    this.count = count;
    this.asOf = requireNonNull(asOf, "asOf");
    this.years = years;
    double w = 0;
    for (double x : WEIGHT) {
      w += x;
    }
    this.totalWeight = w;
    // median payroll about 2.4 million yuan, a long right tail
    this.payroll = new LogNormalDistribution(random, Math.log(2_400_000), 1.1,
        LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    // payouts per injury from 8,000 yuan up, heavy tail (shape 1.6)
    this.payout = new ParetoDistribution(random, 8_000, 1.6);
  }

  @Override
  public boolean hasNext() {
    return next < count;
  }

  /** The next employer as one NDJSON line (compact JSON, no line end). */
  public String nextLine() {
    return org.ratefloat.json.CanonicalJson.compact(next());
  }

  @Override
  public ObjectNode next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    next++;
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("asOf", asOf.toString());
    int d = division();
    int riskClass = CLASS[d];
    ObjectNode employer = root.putObject("employer");
    employer.put("id", String.format(java.util.Locale.ROOT, "SYN-%08d", next));
    employer.put("name", "synthetic employer " + next);
    ObjectNode industry = employer.putObject("industry");
    industry.put("edition", "GB/T 4754-2011");
    industry.put("code", DIVISIONS[d] + String.format(java.util.Locale.ROOT, "%02d", 10 + random.nextInt(9)));
    String band = riskClass == 1 ? (random.nextInt(10) == 0 ? "1.2" : "1.0") : BANDS[random.nextInt(BANDS.length)];
    employer.put("currentBand", band);
    ObjectNode status = employer.putObject("status");
    boolean isNew = random.nextInt(25) == 0;
    LocalDate firstInsured = isNew
        ? asOf.minusMonths(1 + random.nextInt(11)).withDayOfMonth(1)
        : LocalDate.of(asOf.getYear() - years - 1 - random.nextInt(15), 1 + random.nextInt(12), 1);
    status.put("firstInsured", firstInsured.toString());
    status.put("premiumArrears", random.nextInt(30) == 0);
    if (random.nextInt(8) == 0) {
      ObjectNode cert = status.putObject("safetyStandardisation");
      cert.put("grade", 1 + random.nextInt(3));
      cert.put("validUntil", asOf.plusMonths(random.nextInt(36) - 6).toString());
    }
    BigDecimal basePayroll = money(payroll.sample());
    ArrayNode history = root.putArray("history");
    int first = asOf.getYear() - years;
    for (int y = first; y < asOf.getYear(); y++) {
      LocalDate from = LocalDate.of(y, 1, 1);
      if (from.isBefore(firstInsured.withDayOfYear(1))) {
        continue;
      }
      // payroll grows 4 % a year
      BigDecimal grown = basePayroll.multiply(BigDecimal.ONE.add(new BigDecimal("0.04").multiply(
          BigDecimal.valueOf(y - first)))).setScale(2, RoundingMode.HALF_UP);
      history.add(year(y, riskClass, band, grown));
    }
    return root;
  }

  private int division() {
    double u = random.nextDouble() * totalWeight;
    for (int i = 0; i < WEIGHT.length; i++) {
      u -= WEIGHT[i];
      if (u < 0) {
        return i;
      }
    }
    return WEIGHT.length - 1;
  }

  /** A random draw in yuan as an amount to the fen. */
  private static BigDecimal money(double draw) {
    return BigDecimal.valueOf(Math.round(draw * 100), 2);
  }

  private ObjectNode year(int y, int riskClass, String band, BigDecimal pay) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("year", y);
    BigDecimal atBenchmark = pay.multiply(new BigDecimal(BENCHMARK[riskClass])).movePointLeft(2)
        .setScale(2, RoundingMode.HALF_UP);
    BigDecimal paid = atBenchmark.multiply(new BigDecimal(band)).setScale(2, RoundingMode.HALF_UP);
    long wage = 70_000 + random.nextInt(30_000);
    long headcount = Math.max(1, pay.divide(BigDecimal.valueOf(wage), 0, RoundingMode.HALF_UP).longValue());
    double lambda = headcount * INCIDENCE[riskClass] / 100.0;
    long injuries = lambda > 0 ? new PoissonDistribution(random, lambda, PoissonDistribution.DEFAULT_EPSILON,
        PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample() : 0;
    injuries = Math.min(injuries, headcount);
    long deaths = 0;
    int[] grades = new int[11];
    BigDecimal benefits = BigDecimal.ZERO;
    for (long i = 0; i < injuries; i++) {
      benefits = benefits.add(money(Math.min(payout.sample(), 2_000_000)));
      double u = random.nextDouble();
      if (u < 0.004 * riskClass) {
        deaths++;
        benefits = benefits.add(new BigDecimal("900000.00"));
      } else if (u < 0.17) {
        grades[u < 0.03 ? 5 + random.nextInt(2) : 7 + random.nextInt(4)]++;
      }
    }
    o.put("payroll", pay.toPlainString());
    o.put("premiumsPaid", paid.toPlainString());
    o.put("premiumsAtBenchmark", atBenchmark.toPlainString());
    o.put("benefitsPaid", benefits.toPlainString());
    o.put("averageHeadcount", String.valueOf(headcount));
    o.put("injuries", injuries);
    o.put("deaths", deaths);
    ObjectNode disability = o.putObject("disabilityCases");
    for (int g = 1; g <= 10; g++) {
      if (grades[g] > 0) {
        disability.put(String.valueOf(g), grades[g]);
      }
    }
    o.put("occupationalDiseaseCases", random.nextInt(400) == 0 ? 1 : 0);
    o.put("maxDeathsSingleAccident", Math.min(deaths, 1 + (deaths > 1 ? random.nextInt((int) deaths) : 0)));
    o.put("maxSeriousInjuriesSingleAccident", injuries == 0 ? 0 : 1 + random.nextInt((int) Math.min(injuries, 3)));
    return o;
  }
}
