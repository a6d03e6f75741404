package org.ratefloat.simulation;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.json.Faults;
import org.ratefloat.json.JsonObject;
import org.ratefloat.json.JsonValue;
import org.ratefloat.json.StrictJson;
import org.ratefloat.document.DocumentFields;
import org.ratefloat.document.Rounding;

/**
 * How a simulation rounds the figures it derives (its sums are exact), named in data: a document
 * of format {@code ratefloat/simulation-roundings@1}, read by the rule tables' strict reader and
 * codes. The one the command line uses ships in the jar as
 * {@code org/ratefloat/simulation/roundings.json}.
 *
 * @param percent percentages: the change of income, payout ratios, a band's share of employers
 * @param incidence injury incidence per 100 workers, and the targets of the reduction path
 * @param pathStep the share of the base year's incidence cut off by each year of the path (an
 *     intermediate figure, kept finer than the incidence)
 * @since 0.1.0
 */
public record Roundings(Rounding percent, Rounding incidence, Rounding pathStep) {
  public static final String FORMAT = "ratefloat/simulation-roundings@1";
  private static final String SHIPPED = "/org/ratefloat/simulation/roundings.json";
  private static final Roundings STANDARD = readShipped();

  public Roundings {
    requireNonNull(percent, "percent");
    requireNonNull(incidence, "incidence");
    requireNonNull(pathStep, "pathStep");
  }

  /** The roundings shipped in the jar ({@code org/ratefloat/simulation/roundings.json}). */
  public static Roundings standard() {
    return STANDARD;
  }

  /**
   * Reads a roundings file ({@code ratefloat/simulation-roundings@1}) as a rule table's file is read:
   * a regular file of bounded size, every fault an {@code RT} code naming the file.
   */
  public static Roundings read(java.nio.file.Path file) {
    return read(file.toString(), org.ratefloat.document.DocumentFiles.read(file).bytes());
  }

  /**
   * Reads a roundings document.
   *
   * @param source the name to report in errors
   * @throws RuleTableException with the code and pointer of the first fault
   */
  public static Roundings read(String source, byte[] bytes) {
    Faults faults = Faults.ruleTable(source);
    JsonObject o = JsonValue.root(StrictJson.forRuleTables().read(bytes, faults), faults).asObject();
    DocumentFields.format(o, FORMAT, source);
    Roundings r = new Roundings(Rounding.read(o.req("percent")), Rounding.read(o.req("incidence")),
        Rounding.read(o.req("pathStep")));
    o.finish();
    return r;
  }

  private static Roundings readShipped() {
    try (InputStream in = Roundings.class.getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + SHIPPED);
      }
      return read("roundings.json", in.readNBytes(StrictJson.MAX_TABLE_BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
