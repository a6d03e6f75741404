package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The premium at the new rate for a payroll. Immutable; built with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class Premium {
  /**
   * Where the payroll priced comes from.
   *
   * @since 0.1.0
   */
  public enum PayrollSource implements JsonNamed {
    /** The case's premium base. */
    INPUT("input"),
    /** The payroll of the latest history period (the case gives no premium base). */
    HISTORY("history");

    private final String jsonName;

    PayrollSource(String jsonName) {
      this.jsonName = jsonName;
    }

    /** The name a record writes. */
    @Override
    public String jsonName() {
      return jsonName;
    }

    /** The source a record names, if it is one. */
    public static java.util.Optional<PayrollSource> byJsonName(String name) {
      return JsonNamed.find(values(), name);
    }
  }

  /**
   * One class code's share of a premium priced by class: its payroll, its own rate (its manual rate
   * under the decision's band and factors, rounded as the rate is) and the premium of that payroll at
   * that rate, rounded as premiums are.
   *
   * @param code the class code, e.g. NCCI {@code 8810}
   * @param payroll the class's payroll priced
   * @param rate the class's rate, in percent of payroll (dollars per $100)
   * @param amount payroll × rate ÷ 100, rounded
   * @since 0.1.0
   */
  public record ClassPremium(String code, BigDecimal payroll, BigDecimal rate, BigDecimal amount) {
    /** Checks that no part is null. */
    public ClassPremium {
      requireNonNull(code, "code");
      requireNonNull(payroll, "payroll");
      requireNonNull(rate, "rate");
      requireNonNull(amount, "amount");
    }
  }

  private final BigDecimal payroll;
  private final PayrollSource payrollSource;
  private final BigDecimal amount;
  private final String rounding;
  private final java.util.List<ClassPremium> classes;

  private Premium(Builder b) {
    this.payroll = TableRef.required(b.payroll, "payroll");
    this.payrollSource = TableRef.required(b.payrollSource, "payrollSource");
    this.amount = TableRef.required(b.amount, "amount");
    this.rounding = TableRef.required(b.rounding, "rounding");
    this.classes = java.util.List.copyOf(b.classes);
  }

  /** A builder; every part is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The payroll priced. */
  public BigDecimal payroll() {
    return payroll;
  }

  /** Where the payroll comes from. */
  public PayrollSource payrollSource() {
    return payrollSource;
  }

  /** Payroll × rate ÷ 100, rounded as the rule table says. */
  public BigDecimal amount() {
    return amount;
  }

  /** The rounding the table names for premiums. */
  public String rounding() {
    return rounding;
  }

  /**
   * Of a premium priced by class (a table with {@code premiumByClass}), each class's payroll, rate
   * and premium, in code order; the amount is their sum. Empty for a premium at one rate.
   */
  public java.util.List<ClassPremium> classes() {
    return classes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Premium p && payroll.equals(p.payroll) && payrollSource == p.payrollSource
        && amount.equals(p.amount) && rounding.equals(p.rounding) && classes.equals(p.classes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(payroll, payrollSource, amount, rounding, classes);
  }

  @Override
  public String toString() {
    return "Premium[payroll=" + payroll.toPlainString() + ", payrollSource=" + payrollSource.jsonName()
        + ", amount=" + amount.toPlainString() + ", rounding=" + rounding
        + (classes.isEmpty() ? "" : ", classes=" + classes) + "]";
  }

  /**
   * Builds a {@link Premium}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable BigDecimal payroll;
    private @Nullable PayrollSource payrollSource;
    private @Nullable BigDecimal amount;
    private @Nullable String rounding;
    private final java.util.List<ClassPremium> classes = new java.util.ArrayList<>();

    private Builder() {}

    /** Adds one class's share of a premium priced by class, after those added so far. */
    public Builder classPremium(ClassPremium share) {
      classes.add(requireNonNull(share, "share"));
      return this;
    }

    /** The payroll priced and where it comes from. */
    public Builder payroll(BigDecimal payroll, PayrollSource source) {
      this.payroll = requireNonNull(payroll, "payroll");
      this.payrollSource = requireNonNull(source, "source");
      return this;
    }

    /** The premium. */
    public Builder amount(BigDecimal amount) {
      this.amount = requireNonNull(amount, "amount");
      return this;
    }

    /** The rounding of the premium. */
    public Builder rounding(String rounding) {
      this.rounding = requireNonNull(rounding, "rounding");
      return this;
    }

    /**
     * The premium.
     *
     * @throws IllegalStateException if a part is missing
     */
    public Premium build() {
      return new Premium(this);
    }
  }
}
