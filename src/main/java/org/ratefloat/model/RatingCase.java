package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/**
 * Everything a decision is made from: the employer, its history (periods in date order, not
 * overlapping), its claims, the as-of date of the decision and optionally the payroll on which to
 * price the new rate.
 *
 * <p>Build it from JSON with {@code RateFloat.readCase}, or directly. Either way the same rules hold:
 * each part checks its own values when it is built (see {@link InputRules}), and this constructor
 * checks the case as a whole, with pointers into the case's JSON form: at most
 * {@link InputRules#MAX_PERIODS} periods and {@link InputRules#MAX_CLAIMS} claims ({@code IN024}),
 * periods in date order without overlaps ({@code IN009} at {@code /history/1}), an as-of date after
 * the history ({@code IN010} at {@code /asOf}), no claim after the as-of date ({@code IN008} at
 * {@code /claims/0/date}), a premium base that is not negative, and exposures only of the
 * employer's class codes ({@code IN050} at {@code /history/0/exposures/8810}) and no prior fact
 * dated after the as-of date ({@code IN008} at {@code /employer/status/prior/lastSurcharge}).
 *
 * @since 0.1.0
 */
public record RatingCase(
    Employer employer,
    List<Period> history,
    List<Claim> claims,
    LocalDate asOf,
    Optional<BigDecimal> premiumBase) {

  /** Checks every component by the input rules ({@link InputRules}), with the pointer a JSON document gets; copies collections. */
  public RatingCase {
    requireNonNull(employer, "employer");
    history = List.copyOf(requireNonNull(history, "history"));
    claims = List.copyOf(requireNonNull(claims, "claims"));
    InputRules.date(requireNonNull(asOf, "asOf"), "/asOf", "asOf");
    premiumBase = requireNonNull(premiumBase, "premiumBase")
        .map(b -> InputRules.amount(b, "/premiumBase", "premiumBase"));
    checkSizes(history.size(), claims.size());
    for (int i = 1; i < history.size(); i++) {
      Period previous = history.get(i - 1);
      Period current = history.get(i);
      if (!current.from().isAfter(previous.to())) {
        boolean overlap = !current.to().isBefore(previous.from());
        throw new InputException(ErrorCode.IN009, "/history/" + i, overlap ? "model.history.overlap"
            : "model.history.order", org.ratefloat.text.Message.values("current", range(current), "previous", range(previous)));
      }
    }
    if (!history.isEmpty() && !history.get(history.size() - 1).to().isBefore(asOf)) {
      throw new InputException(ErrorCode.IN010, "/asOf", "model.asOf.history", org.ratefloat.text.Message.values("asOf", asOf, "to",
          history.get(history.size() - 1).to()));
    }
    for (int i = 0; i < history.size(); i++) {
      for (String code : history.get(i).exposures().keySet()) {
        if (employer.classCodes().map(cc -> !cc.has(code)).orElse(true)) {
          throw new InputException(ErrorCode.IN050, "/history/" + i + "/exposures/" + InputRules.escape(code),
              employer.classCodes().map(cc -> "class code " + code + " is not one of the employer's "
                  + cc.system() + " classes " + cc.codes()).orElse("exposures by class code need the "
                  + "employer's classCodes; class code " + code + " names no class"));
        }
      }
    }
    PriorFacts prior = employer.status().prior();
    prior.lastSurcharge().ifPresent(d -> notAfter(d, asOf, "/employer/status/prior/lastSurcharge", "last surcharge"));
    prior.memberSince().ifPresent(d -> notAfter(d, asOf, "/employer/status/prior/memberSince", "membership start"));
    for (int i = 0; i < claims.size(); i++) {
      if (claims.get(i).date().isAfter(asOf)) {
        throw new InputException(ErrorCode.IN008, "/claims/" + i + "/date", "model.claim.afterAsOf",
            org.ratefloat.text.Message.values("date", claims.get(i).date(), "asOf", asOf));
      }
    }
  }

  /**
   * The size limits of a case ({@code IN024} at {@code /history} or {@code /claims}), for readers
   * that want to refuse a large case before building its parts.
   */
  public static void checkSizes(int periods, int claims) {
    InputRules.size(periods, InputRules.MAX_PERIODS, "/history", "periods");
    InputRules.size(claims, InputRules.MAX_CLAIMS, "/claims", "claims");
  }

  private static void notAfter(LocalDate date, LocalDate asOf, String pointer, String what) {
    if (date.isAfter(asOf)) {
      throw new InputException(ErrorCode.IN008, pointer, what + " " + date + " lies after the as-of date " + asOf);
    }
  }

  private static String range(Period p) {
    return p.from() + ".." + p.to();
  }

  /** The same case for an employer with another id. */
  public RatingCase withId(String id) {
    requireNonNull(id, "id");
    return new RatingCase(employer.withId(id), history, claims, asOf, premiumBase);
  }

  /** A builder for a case: employer and as-of date are required, history and claims start empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this case's values. */
  public Builder toBuilder() {
    Builder b = new Builder().employer(employer).history(history).claims(claims).asOf(asOf);
    premiumBase.ifPresent(b::premiumBase);
    return b;
  }

  /**
   * Builds a {@link RatingCase} step by step; {@link #build()} applies every rule the constructor
   * applies (the rules a JSON case meets), with the same codes and pointers.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Employer employer;
    private final java.util.List<Period> history = new java.util.ArrayList<>();
    private final java.util.List<Claim> claims = new java.util.ArrayList<>();
    private LocalDate asOf;
    private BigDecimal premiumBase;

    private Builder() {}

    /** The employer (required). */
    public Builder employer(Employer employer) {
      this.employer = requireNonNull(employer, "employer");
      return this;
    }

    /** Replaces the history with these periods, in date order. */
    public Builder history(java.util.List<Period> periods) {
      requireNonNull(periods, "periods");
      history.clear();
      periods.forEach(this::period);
      return this;
    }

    /** Adds a period after those added so far. */
    public Builder period(Period period) {
      history.add(requireNonNull(period, "period"));
      return this;
    }

    /** Replaces the claims with these. */
    public Builder claims(java.util.List<Claim> list) {
      requireNonNull(list, "list");
      claims.clear();
      list.forEach(this::claim);
      return this;
    }

    /** Adds a claim; claims are kept in the order added. */
    public Builder claim(Claim claim) {
      claims.add(requireNonNull(claim, "claim"));
      return this;
    }

    /** The date the decision is made as of (the day after the last period at the earliest). */
    public Builder asOf(LocalDate asOf) {
      this.asOf = requireNonNull(asOf, "asOf");
      return this;
    }

    /** The payroll the premium is computed on (else the last period's payroll). */
    public Builder premiumBase(BigDecimal premiumBase) {
      this.premiumBase = requireNonNull(premiumBase, "premiumBase");
      return this;
    }

    /**
     * The case.
     *
     * @throws InputException if a required value is missing ({@code IN004}) or a rule is broken
     */
    public RatingCase build() {
      return new RatingCase(required(employer, "/employer", "employer"), history, claims,
          required(asOf, "/asOf", "asOf"), Optional.ofNullable(premiumBase));
    }

    private static <T> T required(T value, String pointer, String name) {
      if (value == null) {
        throw new InputException(ErrorCode.IN004, pointer, "model.required", org.ratefloat.text.Message.values("name", name));
      }
      return value;
    }
  }
}
