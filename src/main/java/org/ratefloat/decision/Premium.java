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

  private final BigDecimal payroll;
  private final PayrollSource payrollSource;
  private final BigDecimal amount;
  private final String rounding;

  private Premium(Builder b) {
    this.payroll = TableRef.required(b.payroll, "payroll");
    this.payrollSource = TableRef.required(b.payrollSource, "payrollSource");
    this.amount = TableRef.required(b.amount, "amount");
    this.rounding = TableRef.required(b.rounding, "rounding");
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Premium p && payroll.equals(p.payroll) && payrollSource == p.payrollSource
        && amount.equals(p.amount) && rounding.equals(p.rounding);
  }

  @Override
  public int hashCode() {
    return Objects.hash(payroll, payrollSource, amount, rounding);
  }

  @Override
  public String toString() {
    return "Premium[payroll=" + payroll.toPlainString() + ", payrollSource=" + payrollSource.jsonName()
        + ", amount=" + amount.toPlainString() + ", rounding=" + rounding + "]";
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

    private Builder() {}

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
