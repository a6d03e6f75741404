package org.ratefloat.decision;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An amount of money a row of the table added to the decision (a surcharge, or a rebate when
 * negative), apart from the rate. Immutable; built with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class Amount {
  private final String step;
  private final String row;
  private final Optional<String> indicator;
  private final BigDecimal amount;
  private final String currency;

  private Amount(Builder b) {
    this.step = TableRef.required(b.step, "step");
    this.row = TableRef.required(b.row, "row");
    this.indicator = Optional.ofNullable(b.indicator);
    this.amount = TableRef.required(b.amount, "amount");
    this.currency = TableRef.required(b.currency, "currency");
  }

  /** A builder; every part but the indicator is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The step whose row fired. */
  public String step() {
    return step;
  }

  /** The row. */
  public String row() {
    return row;
  }

  /** The formula whose value is the amount; empty for a constant written in the row. */
  public Optional<String> indicator() {
    return indicator;
  }

  /** The amount, as the formula rounded it (or as written). */
  public BigDecimal amount() {
    return amount;
  }

  /** ISO 4217 code, e.g. {@code EUR}. */
  public String currency() {
    return currency;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Amount a && step.equals(a.step) && row.equals(a.row) && indicator.equals(a.indicator)
        && amount.equals(a.amount) && currency.equals(a.currency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(step, row, indicator, amount, currency);
  }

  @Override
  public String toString() {
    return "Amount[step=" + step + ", row=" + row + ", indicator=" + indicator.orElse("") + ", amount="
        + amount.toPlainString() + ", currency=" + currency + "]";
  }

  /**
   * Builds an {@link Amount}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String step;
    private @Nullable String row;
    private @Nullable String indicator;
    private @Nullable BigDecimal amount;
    private @Nullable String currency;

    private Builder() {}

    /** The step and the row of it that fired. */
    public Builder row(String step, String row) {
      this.step = requireNonNull(step, "step");
      this.row = requireNonNull(row, "row");
      return this;
    }

    /** The formula whose value is the amount. */
    public Builder indicator(String indicator) {
      this.indicator = requireNonNull(indicator, "indicator");
      return this;
    }

    /** The amount and its currency. */
    public Builder amount(BigDecimal amount, String currency) {
      this.amount = requireNonNull(amount, "amount");
      this.currency = requireNonNull(currency, "currency");
      return this;
    }

    /**
     * The amount.
     *
     * @throws IllegalStateException if a required part is missing
     */
    public Amount build() {
      return new Amount(this);
    }
  }
}
