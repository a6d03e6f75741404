package org.ratefloat.bench;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;

/**
 * The provisional Hunan measure (rules/cn-hn-provisional.json on the national bands of
 * rules/cn-national-2015.json) written by hand in plain Java, as {@link HandCodedHangzhou} is for
 * Hangzhou: the practical limit of deciding it exactly from the same case model. It does what the
 * table does and nothing more, in the table's order: an employer insured for under 12 months pays
 * the benchmark; otherwise the previous calendar year's payout ratio sets the band (with the
 * certified injuries where the ratio is at most 50 %), the injury incidence adds one or two bands or
 * takes the top one, two deaths with a ratio over 100 % take +2, premium arrears, a major accident
 * or any death forbid a band below the benchmark, the band moves at most two from the current one,
 * and the rate is floored at the class-1 benchmark. Every threshold is compared exactly by
 * cross-multiplying (no division, nothing rounded). No trace, no texts, no premium, no record.
 *
 * <p>Refusals carry ratefloat's codes, raised where the table raises them: {@code IN021} before the
 * measure's start, {@code IN020} for an uncovered class, {@code IN019} for a current band off the
 * ladder, {@code IN025} for a missing value (the first insured date; a period's measure, in the order
 * the table's indicators read them), {@code IN008} for a first insured date after the as-of date,
 * {@code IN017}/{@code IN016} for a history that does not cover the previous year exactly and
 * {@code IN018} for a year without premiums.
 */
final class HandCodedHunan {
  private static final LocalDate EFFECTIVE_FROM = LocalDate.of(2021, 1, 1);
  private static final BigDecimal[] BENCHMARK = {null, new BigDecimal("0.2"), new BigDecimal("0.4"),
      new BigDecimal("0.7"), new BigDecimal("0.9"), new BigDecimal("1.1"), new BigDecimal("1.3"),
      new BigDecimal("1.6"), new BigDecimal("1.9")};
  /** Classes 2 to 8: multipliers of the bands -2 to +2; the benchmark's is index 2. */
  private static final BigDecimal[] LADDER = {new BigDecimal("0.5"), new BigDecimal("0.8"), new BigDecimal("1.0"),
      new BigDecimal("1.2"), new BigDecimal("1.5")};
  /** Class 1: bands 0 to +2; the benchmark's is index 0. */
  private static final BigDecimal[] LADDER_1 = {new BigDecimal("1.0"), new BigDecimal("1.2"), new BigDecimal("1.5")};
  private static final BigDecimal FLOOR = BENCHMARK[1];

  private final ToIntFunction<IndustryCode> classify;
  private final Map<IndustryCode, Integer> riskClass = new ConcurrentHashMap<>();

  /** @param classify the risk class of an industry code (asked once per code) */
  HandCodedHunan(ToIntFunction<IndustryCode> classify) {
    this.classify = requireNonNull(classify, "classify");
  }

  /** Band offset and rate (percent of payroll, 4 decimals). */
  record Result(int band, BigDecimal rate) {}

  Result decide(RatingCase c) {
    if (c.asOf().isBefore(EFFECTIVE_FROM)) {
      throw new HandCodedHangzhou.Refused("IN021");
    }
    int cls = c.employer().riskClassOverride().isPresent() ? c.employer().riskClassOverride().getAsInt()
        : riskClass.computeIfAbsent(c.employer().industry(), classify::applyAsInt);
    if (cls < 1 || cls > 8) {
      throw new HandCodedHangzhou.Refused("IN020");
    }
    BigDecimal[] ladder = cls == 1 ? LADDER_1 : LADDER;
    int bench = cls == 1 ? 0 : 2;
    int top = ladder.length - 1;
    int current = bench;
    Optional<BigDecimal> given = c.employer().currentBand();
    if (given.isPresent()) {
      current = -1;
      for (int i = 0; i < ladder.length && current < 0; i++) {
        if (ladder[i].compareTo(given.get()) == 0) {
          current = i;
        }
      }
      if (current < 0) {
        throw new HandCodedHangzhou.Refused("IN019");
      }
    }
    LocalDate first = c.employer().status().firstInsured().orElseThrow(() -> new HandCodedHangzhou.Refused("IN025"));
    if (first.isAfter(c.asOf())) {
      throw new HandCodedHangzhou.Refused("IN008");
    }
    int band;
    if (ChronoUnit.MONTHS.between(first, c.asOf()) < 12) {
      // a new employer pays the benchmark; only the floor applies after it
      band = bench;
    } else {
      band = rated(c, cls, ladder, bench, top, current);
    }
    BigDecimal rate = BENCHMARK[cls].multiply(ladder[band]).max(FLOOR).setScale(4, RoundingMode.HALF_UP);
    return new Result(band - bench, rate);
  }

  /** The band index of an employer insured for a year or more. */
  private static int rated(RatingCase c, int cls, BigDecimal[] ladder, int bench, int top, int current) {
    List<Period> year = previousYear(c);
    // payout ratio = 100 x benefits / premiums
    BigDecimal benefits = sum(year, Measure.BENEFITS_PAID);
    BigDecimal premiums = sum(year, Measure.PREMIUMS_PAID);
    if (premiums.signum() == 0) {
      throw new HandCodedHangzhou.Refused("IN018");
    }
    BigDecimal payout = benefits.multiply(BigDecimal.valueOf(100));
    int band;
    if (payout.compareTo(premiums.multiply(BigDecimal.valueOf(50))) <= 0) {
      long injuries = sum(year, Measure.INJURIES).longValueExact();
      band = injuries > 0 ? bench : benefits.signum() == 0 ? bench - 2 : bench - 1;
    } else if (payout.compareTo(premiums.multiply(BigDecimal.valueOf(100))) <= 0) {
      band = bench;
    } else if (payout.compareTo(premiums.multiply(BigDecimal.valueOf(150))) <= 0) {
      band = bench + 1;
    } else {
      band = bench + 2;
    }
    band = clamp(band, 0, top);
    // incidence = 100 x injuries / average headcount (weighted by days), 0 for no headcount
    long injuries = sum(year, Measure.INJURIES).longValueExact();
    BigDecimal weighted = BigDecimal.ZERO;
    long days = 0;
    for (Period p : year) {
      long length = p.days();
      weighted = weighted.add(value(p, Measure.AVERAGE_HEADCOUNT).multiply(BigDecimal.valueOf(length)));
      days += length;
    }
    if (weighted.signum() != 0) {
      // incidence > t  <=>  100 x injuries x days > t x weighted
      BigDecimal n = BigDecimal.valueOf(injuries).multiply(BigDecimal.valueOf(100 * days));
      if (n.compareTo(weighted.multiply(BigDecimal.valueOf(6))) > 0) {
        band = top;
      } else if (n.compareTo(weighted.multiply(BigDecimal.valueOf(4))) > 0) {
        band = clamp(band + 2, 0, top);
      } else if (n.compareTo(weighted.multiply(BigDecimal.valueOf(2))) > 0) {
        band = clamp(band + 1, 0, top);
      }
    }
    long deaths = sum(year, Measure.DEATHS).longValueExact();
    if (deaths >= 2 && payout.compareTo(premiums.multiply(BigDecimal.valueOf(100))) > 0) {
      band = clamp(bench + 2, 0, top);
    }
    if (c.employer().status().premiumArrears()) {
      band = Math.max(band, bench);
    }
    if (peak(year, Measure.MAX_DEATHS_SINGLE_ACCIDENT) >= 10 || peak(year, Measure.MAX_SERIOUS_INJURIES_SINGLE_ACCIDENT) >= 50) {
      band = Math.max(band, bench);
    }
    if (deaths >= 1) {
      band = Math.max(band, bench);
    }
    return clamp(band, Math.max(0, current - 2), Math.min(top, current + 2));
  }

  /** The periods of the previous calendar year, which they must cover exactly. */
  private static List<Period> previousYear(RatingCase c) {
    int y = c.asOf().getYear() - 1;
    LocalDate start = LocalDate.of(y, 1, 1);
    LocalDate end = LocalDate.of(y, 12, 31);
    List<Period> inside = new java.util.ArrayList<>(2);
    long covered = 0;
    for (Period p : c.history()) {
      if (p.to().isBefore(start) || p.from().isAfter(end)) {
        continue;
      }
      if (p.from().isBefore(start) || p.to().isAfter(end)) {
        throw new HandCodedHangzhou.Refused("IN017");
      }
      inside.add(p);
      covered += p.days();
    }
    if (covered != start.lengthOfYear()) {
      throw new HandCodedHangzhou.Refused("IN016");
    }
    return inside;
  }

  private static int clamp(int band, int lo, int hi) {
    return Math.max(lo, Math.min(hi, band));
  }

  private static BigDecimal sum(List<Period> periods, Measure m) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Period p : periods) {
      sum = sum.add(value(p, m));
    }
    return sum;
  }

  private static long peak(List<Period> periods, Measure m) {
    BigDecimal max = BigDecimal.ZERO;
    for (Period p : periods) {
      max = max.max(value(p, m));
    }
    return max.longValueExact();
  }

  /** The same as an {@link Outcome}, for the agreement check. */
  Outcome outcome(RatingCase c) {
    try {
      Result r = decide(c);
      return Outcome.decided(r.band(), r.rate());
    } catch (HandCodedHangzhou.Refused e) {
      return Outcome.refused(e.code);
    }
  }

  private static BigDecimal value(Period p, Measure m) {
    return p.value(m).orElseThrow(() -> new HandCodedHangzhou.Refused("IN025"));
  }
}
