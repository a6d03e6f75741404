package org.ratefloat.bench;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;

/**
 * The Hangzhou measure written by hand in plain Java: the practical limit of deciding it from the
 * same case model, against which ratefloat's table-driven {@code decide} is measured. It does what
 * the table does and nothing more: the previous calendar year's totals (the history must cover that
 * year exactly), the payout ratio compared with each threshold exactly by cross-multiplying (no
 * division), the band, the safety-standardisation credit, the ladder, the rate and its floor. No
 * trace, no texts, no record.
 *
 * <p>The benchmarks, ladders and thresholds are constants here, as in any hand-written system; the
 * agreement test proves them equal to rules/cn-zj-hangzhou.json on every synthetic employer. The
 * industry classification is looked up once per code through {@code classify} and then kept in a
 * hash map (a hand-written system would hold the annex as such a map).
 *
 * <p>Refusals carry ratefloat's codes: {@code DC001} for a year without benefits paid but with
 * injuries (the sources leave it undetermined), {@code IN016}/{@code IN017} for a history that does
 * not cover the previous year exactly, {@code IN018} for no premiums, {@code IN020} for an uncovered
 * class, {@code IN021} before the measure's start, {@code IN025} for a missing value.
 */
final class HandCodedHangzhou {
  private static final LocalDate EFFECTIVE_FROM = LocalDate.of(2015, 10, 1);
  private static final BigDecimal[] BENCHMARK = {null, new BigDecimal("0.2"), new BigDecimal("0.4"),
      new BigDecimal("0.7"), new BigDecimal("0.9"), new BigDecimal("1.1"), new BigDecimal("1.3"),
      new BigDecimal("1.6"), new BigDecimal("1.9")};
  /** Band multipliers from -2 to +2 (class 1 uses 0 to +2). */
  private static final BigDecimal[] LADDER = {new BigDecimal("0.5"), new BigDecimal("0.8"), BigDecimal.ONE,
      new BigDecimal("1.2"), new BigDecimal("1.5")};
  private static final BigDecimal FLOOR = BENCHMARK[1];
  private static final BigDecimal T50 = BigDecimal.valueOf(50);
  private static final BigDecimal T100 = BigDecimal.valueOf(100);
  private static final BigDecimal T150 = BigDecimal.valueOf(150);

  private final ToIntFunction<IndustryCode> classify;
  private final Map<IndustryCode, Integer> riskClass = new ConcurrentHashMap<>();

  /** @param classify the risk class of an industry code (asked once per code) */
  HandCodedHangzhou(ToIntFunction<IndustryCode> classify) {
    this.classify = requireNonNull(classify, "classify");
  }

  /** Thrown for a case the measure does not decide; {@code code} is ratefloat's code for it. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;

    Refused(String code) {
      super(code, null, false, false);
      this.code = code;
    }
  }

  /** Band offset and rate (percent of payroll, 4 decimals). */
  record Result(int band, BigDecimal rate) {}

  Result decide(RatingCase c) {
    if (c.asOf().isBefore(EFFECTIVE_FROM)) {
      throw new Refused("IN021");
    }
    int cls = c.employer().riskClassOverride().isPresent() ? c.employer().riskClassOverride().getAsInt()
        : riskClass.computeIfAbsent(c.employer().industry(), classify::applyAsInt);
    if (cls < 1 || cls > 8) {
      throw new Refused("IN020");
    }
    int year = c.asOf().getYear() - 1;
    LocalDate start = LocalDate.of(year, 1, 1);
    LocalDate end = LocalDate.of(year, 12, 31);
    BigDecimal benefits = BigDecimal.ZERO;
    BigDecimal premiums = BigDecimal.ZERO;
    long days = 0;
    boolean any = false;
    for (Period p : c.history()) {
      if (p.to().isBefore(start) || p.from().isAfter(end)) {
        continue;
      }
      if (p.from().isBefore(start) || p.to().isAfter(end)) {
        throw new Refused("IN017");
      }
      benefits = benefits.add(value(p, Measure.BENEFITS_PAID));
      premiums = premiums.add(value(p, Measure.PREMIUMS_PAID));
      days += p.days();
      any = true;
    }
    if (!any || days != start.lengthOfYear()) {
      throw new Refused("IN016");
    }
    if (premiums.signum() == 0) {
      throw new Refused("IN018");
    }
    // ratio = 100 x benefits / premiums, compared with T as 100 x benefits against T x premiums
    BigDecimal scaled = benefits.multiply(T100);
    int band;
    if (benefits.signum() == 0) {
      long injuries = 0;
      for (Period p : c.history()) {
        if (!p.to().isBefore(start) && !p.from().isAfter(end)) {
          injuries += value(p, Measure.INJURIES).longValueExact();
        }
      }
      if (injuries > 0) {
        throw new Refused("DC001");
      }
      band = -2;
    } else if (scaled.compareTo(premiums.multiply(T50)) <= 0) {
      band = -1;
    } else if (scaled.compareTo(premiums.multiply(T100)) <= 0) {
      band = 0;
    } else if (scaled.compareTo(premiums.multiply(T150)) <= 0) {
      band = 1;
    } else {
      band = 2;
    }
    if (cls == 1) {
      band = Math.max(0, band);
    } else if (benefits.compareTo(premiums) <= 0) {
      int grade = c.employer().status().safetyStandardisation().map(s -> s.gradeOn(c.asOf())).orElse(0);
      band = Math.max(-2, band - (grade == 1 ? 2 : grade == 2 ? 1 : 0));
    }
    BigDecimal rate = BENCHMARK[cls].multiply(LADDER[band + 2]).max(FLOOR).setScale(4, RoundingMode.HALF_UP);
    return new Result(band, rate);
  }

  /** The same as an {@link Outcome}, for the agreement check. */
  Outcome outcome(RatingCase c) {
    try {
      Result r = decide(c);
      return Outcome.decided(r.band(), r.rate());
    } catch (Refused e) {
      return Outcome.refused(e.code);
    }
  }

  private static BigDecimal value(Period p, Measure m) {
    return p.value(m).orElseThrow(() -> new Refused("IN025"));
  }
}
