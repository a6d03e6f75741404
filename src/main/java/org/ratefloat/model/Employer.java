package org.ratefloat.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/**
 * An insured employer. The rules of {@link InputRules} apply, with pointers relative to the employer
 * (e.g. {@code /riskClassOverride}).
 *
 * @param id the agency's identifier
 * @param name the registered name; empty if not known, else not blank
 * @param industry the industry code with its edition; the rule table's classification maps it to
 *     a risk class
 * @param riskClassOverride a risk class fixed by the agency (e.g. a labour-dispatch firm classed by
 *     its users), used instead of the code's class
 * @param currentBand the band multiplier the employer pays now ({@code 1.2} = 120 % of the
 *     benchmark); absent means the benchmark
 * @param benchmarkRate the regional benchmark rate in percent of payroll, used only where the rule
 *     table says its own benchmark for the class is missing from its sources
 * @param status the status flags measures use
 * @param classCodes the employer's classes in a classification other than GB/T 4754 (NCCI class
 *     codes ...), which a rule table that declares that classification reads; absent for tables of
 *     GB/T 4754 alone
 * @param region the administrative division the employer is insured in, a six-digit GB/T 2260 code
 *     ({@code 430100} 长沙市, {@code 430102} 芙蓉区), by which rankings and simulations group employers
 *     by city; absent if not given
 * @param creditCode the unified social credit code (统一社会信用代码, GB 32100-2015), checked by its
 *     check character ({@code IN061}); absent if not given
 * @since 0.1.0
 */
public record Employer(
    String id,
    String name,
    IndustryCode industry,
    OptionalInt riskClassOverride,
    Optional<BigDecimal> currentBand,
    Optional<BigDecimal> benchmarkRate,
    Status status,
    Optional<ClassCodes> classCodes,
    Optional<String> region,
    Optional<String> creditCode) {

  /** Checks every component by the input rules ({@link InputRules}), with the pointer a JSON document gets; copies collections. */
  public Employer {
    InputRules.text(requireNonNull(id, "id"), "/id", "employer id");
    if (!requireNonNull(name, "name").isEmpty()) {
      InputRules.text(name, "/name", "name");
    }
    requireNonNull(industry, "industry");
    requireNonNull(riskClassOverride, "riskClassOverride");
    riskClassOverride.ifPresent(c -> InputRules.within(c, 1, 99, "/riskClassOverride", "risk class"));
    currentBand = requireNonNull(currentBand, "currentBand")
        .map(b -> InputRules.positive(b, "/currentBand", "band multiplier"));
    benchmarkRate = requireNonNull(benchmarkRate, "benchmarkRate")
        .map(b -> InputRules.positive(b, "/benchmarkRate", "benchmark rate"));
    requireNonNull(status, "status");
    requireNonNull(classCodes, "classCodes");
    requireNonNull(region, "region").ifPresent(r -> InputRules.region(r, "/region"));
    requireNonNull(creditCode, "creditCode").ifPresent(c -> InputRules.creditCode(c, "/creditCode"));
  }

  /** An employer without a region or credit code. */
  public Employer(String id, String name, IndustryCode industry, OptionalInt riskClassOverride,
      Optional<BigDecimal> currentBand, Optional<BigDecimal> benchmarkRate, Status status,
      Optional<ClassCodes> classCodes) {
    this(id, name, industry, riskClassOverride, currentBand, benchmarkRate, status, classCodes, Optional.empty(),
        Optional.empty());
  }

  /** An employer with no classes outside GB/T 4754. */
  public Employer(String id, String name, IndustryCode industry, OptionalInt riskClassOverride,
      Optional<BigDecimal> currentBand, Optional<BigDecimal> benchmarkRate, Status status) {
    this(id, name, industry, riskClassOverride, currentBand, benchmarkRate, status, Optional.empty());
  }

  /** The same employer with another id. */
  public Employer withId(String newId) {
    requireNonNull(newId, "newId");
    return new Employer(newId, name, industry, riskClassOverride, currentBand, benchmarkRate, status, classCodes,
        region, creditCode);
  }

  /** A builder for an employer: id and industry are required; name empty, status {@link Status#none()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this employer's values. */
  public Builder toBuilder() {
    Builder b = new Builder().id(id).name(name).industry(industry).status(status);
    riskClassOverride.ifPresent(b::riskClassOverride);
    currentBand.ifPresent(b::currentBand);
    benchmarkRate.ifPresent(b::benchmarkRate);
    classCodes.ifPresent(b::classCodes);
    region.ifPresent(b::region);
    creditCode.ifPresent(b::creditCode);
    return b;
  }

  /**
   * Builds an {@link Employer}; {@link #build()} applies the constructor's rules.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private String id;
    private String name = "";
    private IndustryCode industry;
    private Integer riskClassOverride;
    private BigDecimal currentBand;
    private BigDecimal benchmarkRate;
    private Status status = Status.none();
    private ClassCodes classCodes;
    private String region;
    private String creditCode;

    private Builder() {}

    /** The employer's id (required), as the agency knows it. */
    public Builder id(String id) {
      this.id = requireNonNull(id, "id");
      return this;
    }

    /** The employer's name, for a reader (empty if not given). */
    public Builder name(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    /** The employer's industry code (required). */
    public Builder industry(IndustryCode industry) {
      this.industry = requireNonNull(industry, "industry");
      return this;
    }

    /** The industry code in an edition, e.g. {@code industry(Edition.GBT_4754_2011, "3511")}. */
    public Builder industry(Edition edition, String code) {
      return industry(new IndustryCode(edition, code));
    }

    /** The risk class, when the table has no classification or the agency assigned another. */
    public Builder riskClassOverride(int riskClass) {
      this.riskClassOverride = riskClass;
      return this;
    }

    /** The band multiplier the employer pays now from its decimal text, e.g. {@code "1.2"}. */
    public Builder currentBand(String multiplier) {
      return currentBand(InputRules.decimal(requireNonNull(multiplier, "currentBand"), "/currentBand"));
    }

    /** The band multiplier the employer pays now, e.g. {@code 1.2} (else the benchmark band). */
    public Builder currentBand(BigDecimal multiplier) {
      this.currentBand = requireNonNull(multiplier, "currentBand");
      return this;
    }

    /** The regional benchmark in percent of payroll from its decimal text, e.g. {@code "0.9"}. */
    public Builder benchmarkRate(String percent) {
      return benchmarkRate(InputRules.decimal(requireNonNull(percent, "benchmarkRate"), "/benchmarkRate"));
    }

    /** The regional benchmark in percent of payroll, for tables whose sources lack it. */
    public Builder benchmarkRate(BigDecimal percent) {
      this.benchmarkRate = requireNonNull(percent, "benchmarkRate");
      return this;
    }

    /** The employer's status flags and facts ({@link Status#none()} if not given). */
    public Builder status(Status status) {
      this.status = requireNonNull(status, "status");
      return this;
    }

    /** The employer's classes in a classification other than GB/T 4754. */
    public Builder classCodes(ClassCodes codes) {
      this.classCodes = requireNonNull(codes, "classCodes");
      return this;
    }

    /** The employer's classes, e.g. {@code classCodes("NCCI", "8810", "5183")}. */
    public Builder classCodes(String system, String... codes) {
      return classCodes(ClassCodes.of(system, codes));
    }

    /** The administrative division (GB/T 2260, six digits) the employer is insured in, e.g. {@code "430100"}. */
    public Builder region(String code) {
      this.region = requireNonNull(code, "region");
      return this;
    }

    /** The unified social credit code (GB 32100-2015), e.g. {@code "91110000600037341L"}. */
    public Builder creditCode(String code) {
      this.creditCode = requireNonNull(code, "creditCode");
      return this;
    }

    /**
     * The employer.
     *
     * @throws InputException if a required value is missing ({@code IN004}) or a rule is broken
     */
    public Employer build() {
      if (id == null) {
        throw new InputException(ErrorCode.IN004, "/id", "model.required", org.ratefloat.text.Message.values("name", "id"));
      }
      if (industry == null) {
        throw new InputException(ErrorCode.IN004, "/industry", "model.required", org.ratefloat.text.Message.values("name", "industry"));
      }
      return new Employer(id, name, industry,
          riskClassOverride == null ? OptionalInt.empty() : OptionalInt.of(riskClassOverride),
          Optional.ofNullable(currentBand), Optional.ofNullable(benchmarkRate), status,
          Optional.ofNullable(classCodes), Optional.ofNullable(region), Optional.ofNullable(creditCode));
    }
  }
}
