package org.ratefloat.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ratefloat.decision.Assumption;
import org.ratefloat.decision.Band;
import org.ratefloat.decision.Premium;
import org.ratefloat.decision.Value;
import org.ratefloat.internal.LazyText;
import org.ratefloat.model.RatingCase;

/**
 * A case as submitted: the case the engine reads (defaults filled in) and the document exactly as
 * given, whose canonical form (RFC 8785) a record echoes and its input hash is taken over. A JSON
 * document is kept as it came and made canonical only when a record or the hash needs it; a case
 * built in Java is submitted as the document {@link CaseJson#write} writes for it (what
 * {@code RateFloat.toJson} prints).
 */
public final class Submitted {
  private static final StrictJson JSON = StrictJson.forInput();
  /** The status flags a case may leave out, read as {@code false}. */
  private static final List<String> FLAGS = List.of("labourDispatch", "premiumArrears", "jointPunishment");

  private final RatingCase input;
  /** Which defaults the document left to the reader; null for a case built in Java. */
  private final @Nullable Given given;
  private final LazyText canonical;

  private Submitted(RatingCase input, @Nullable Given given, LazyText canonical) {
    this.input = input;
    this.given = given;
    this.canonical = canonical;
  }

  /** Which of the values a case may leave out a document gives (as a value or as {@code null}). */
  private interface Given {
    /** Whether status flag {@code flag} (an index into {@link #FLAGS}) is given. */
    boolean flag(int flag);

    /** Whether claim {@code claim} gives its {@code medicalOnly}. */
    boolean medicalOnly(int claim);

    static Given of(Supplier<JsonNode> tree) {
      return new Given() {
        @Override
        public boolean flag(int flag) {
          return !tree.get().at("/employer/status/" + FLAGS.get(flag)).isMissingNode();
        }

        @Override
        public boolean medicalOnly(int claim) {
          return !tree.get().at("/claims/" + claim + "/medicalOnly").isMissingNode();
        }
      };
    }
  }

  /**
   * A case document (UTF-8 JSON), read and checked as any case is. A valid document is read in one
   * pass, which also writes its canonical form from the same tokens; the tree reader reads a
   * refused one (and says why) and the rare one whose canonical form cannot be written (which says
   * why when the form is asked for).
   */
  public static Submitted read(byte[] document) {
    CaseStream.Submission s = CaseStream.submission(document);
    if (s == null) {
      return readTree(document, CaseJson.readTree(document));
    }
    if (s.canonical() == null) {
      return readTree(document, s.input());
    }
    byte[] bytes = s.canonical();
    java.util.BitSet medicalOnly = s.medicalOnlyGiven();
    int flags = s.statusGiven();
    Given given = new Given() {
      @Override
      public boolean flag(int flag) {
        return (flags & (1 << flag)) != 0;
      }

      @Override
      public boolean medicalOnly(int claim) {
        return medicalOnly.get(claim);
      }
    };
    return new Submitted(s.input(), given, LazyText.of(() -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
        () -> CanonicalJson.sha256(bytes)));
  }

  /** A document read, whose canonical form and defaults are taken from its tree, made when first needed. */
  private static Submitted readTree(byte[] document, RatingCase input) {
    Supplier<JsonNode> tree = Suppliers.memoize(() -> JSON.read(document, Faults.INPUT));
    return new Submitted(input, Given.of(tree), LazyText.of(() -> CanonicalJson.jcs(tree.get()),
        () -> CanonicalJson.sha256(out -> CanonicalJson.write(tree.get(), out))));
  }

  /** A case document already parsed (the input a record echoes, the rows of a CSV employer). */
  public static Submitted of(JsonValue document) {
    RatingCase input = CaseJson.read(document);
    JsonNode node = document.node();
    return new Submitted(input, Given.of(() -> node), LazyText.of(() -> CanonicalJson.jcs(node),
        () -> CanonicalJson.sha256(out -> CanonicalJson.write(node, out))));
  }

  /** A case built in Java: submitted as {@code RateFloat.toJson(input)}. */
  public static Submitted built(RatingCase input) {
    requireNonNull(input, "input");
    return new Submitted(input, null, LazyText.of(() -> canonical(input),
        () -> CanonicalJson.sha256(out -> CaseJson.write(input, out))));
  }

  /** The canonical form (RFC 8785) of the document {@link CaseJson#write} writes for a case. */
  public static String canonical(RatingCase input) {
    JsonOut out = JsonOut.canonical();
    CaseJson.write(input, out);
    return out.text();
  }

  /** The case as the engine reads it. */
  public RatingCase input() {
    return input;
  }

  /** The canonical form of the document as submitted, made when first read. */
  public LazyText canonical() {
    return canonical;
  }

  /**
   * The values a decision of this case used that the document does not give, in the order of the
   * case's JSON form: the premium base taken from the last period's payroll, the current band taken
   * as the benchmark's, the status flags and each claim's {@code medicalOnly} read as {@code false},
   * and {@code indicators}, the defaults the table's indicators took (in the order they took them,
   * after the status flags).
   *
   * @param premium the decision's premium, or null
   * @param previous the band the decision took as the employer's
   */
  public List<Assumption> assumed(@Nullable Premium premium, Band previous, List<Assumption> indicators) {
    List<Assumption> out = new ArrayList<>(2 + indicators.size());
    RatingCase c = input;
    if (premium != null && premium.payrollSource() == Premium.PayrollSource.HISTORY) {
      out.add(Assumption.derived("/premiumBase", new Value.Num(premium.payroll()), "/history/"
          + (c.history().size() - 1) + "/payroll"));
    }
    if (c.employer().currentBand().isEmpty()) {
      out.add(Assumption.of("/employer/currentBand", new Value.Num(previous.multiplier())));
    }
    if (given != null) {
      for (int f = 0; f < FLAGS.size(); f++) {
        String flag = FLAGS.get(f);
        String pointer = "/employer/status/" + flag;
        if (!given.flag(f)) {
          boolean value = switch (flag) {
            case "labourDispatch" -> c.employer().status().labourDispatch();
            case "premiumArrears" -> c.employer().status().premiumArrears();
            default -> c.employer().status().jointPunishment();
          };
          out.add(Assumption.of(pointer, new Value.Bool(value)));
        }
      }
    }
    out.addAll(indicators);
    if (given != null) {
      for (int i = 0; i < c.claims().size(); i++) {
        if (!given.medicalOnly(i)) {
          out.add(Assumption.of("/claims/" + i + "/medicalOnly", new Value.Bool(c.claims().get(i).medicalOnly())));
        }
      }
    }
    return out;
  }
}
