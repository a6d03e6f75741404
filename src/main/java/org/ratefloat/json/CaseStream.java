package org.ratefloat.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ratefloat.error.InputException;
import org.ratefloat.model.Claim;
import org.ratefloat.model.ClassCodes;
import org.ratefloat.model.Edition;
import org.ratefloat.model.Employer;
import org.ratefloat.model.IndustryCode;
import org.ratefloat.model.InputRules;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.PriorFacts;
import org.ratefloat.model.RatingCase;
import org.ratefloat.model.SafetyStandardisation;
import org.ratefloat.model.Status;

/**
 * One pass from the bytes of a case document to the model, on Jackson's streaming parser: no tree,
 * no key set per object, dates read from their digits. The records' constructors check the values
 * (the rules of {@link InputRules}), as they do for the tree reader.
 *
 * <p>It accepts exactly the documents the tree reader ({@link CaseJson#read(JsonValue)} over
 * {@link StrictJson#forInput()}) accepts, and reads them as equal cases: the same limits on the
 * document's size, on strings and numbers, the same checks of UTF-8 and surrogates on every key and
 * string, no duplicate, unknown or misplaced key, no value of a wrong type. It does not say why it
 * refuses a document: which fault is reported first depends on the whole document (a syntax fault
 * at its end is reported before a bad value at its start) and on the order in which the tree reader
 * asks for keys, so {@link CaseJson#read(byte[])} reads a refused document again with the tree
 * reader, whose fault, code and pointer are the ones reported. A valid document, the common case,
 * is read once.
 */
final class CaseStream {
  private static final StrictJson JSON = StrictJson.forInput();
  /** The years the {@code year} shorthand of a period accepts (as {@link CaseJson} reads it). */
  private static final int FIRST_YEAR = 1900;
  private static final int LAST_YEAR = 2999;
  private static final Measure[] MEASURES = Measure.values();

  /** Stops the pass at the first thing the document does not allow; carries nothing. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused() {
      super(null, null, false, false);
    }
  }

  private static final Refused REFUSED = new Refused();

  private final JsonParser p;

  private CaseStream(JsonParser p) {
    this.p = p;
  }

  /**
   * The case a document holds, or {@code null} if the tree reader refuses the document (and would
   * say why).
   */
  static RatingCase read(byte[] bytes) {
    // Outside strings the parser allows ASCII only, and the tree reader checks every key and string
    // from its opening quote to a character boundary: a document is refused for its UTF-8 exactly
    // when it is not well formed as a whole, which one scan tells.
    if (bytes.length > StrictJson.MAX_INPUT_BYTES || !wellFormed(bytes)) {
      return null;
    }
    try (JsonParser parser = JSON.parser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      RatingCase c = new CaseStream(parser).root();
      return parser.nextToken() == null ? c : null;
    } catch (Refused | InputException | IOException refused) {
      // IOException: Jackson's syntax faults and limits, which the tree reader reports
      return null;
    }
  }

  /**
   * Whether the bytes are well-formed UTF-8. A multi-byte sequence is made of bytes from 0x80 up
   * only, so the document is well formed exactly when each run of such bytes is; ASCII, most of a
   * case, is passed over.
   */
  static boolean wellFormed(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      if (bytes[i] >= 0) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && bytes[end] < 0) {
        end++;
      }
      if (Utf8.firstMalformed(bytes, i, end) >= 0) {
        return false;
      }
      i = end;
    }
    return true;
  }

  /** A sorted map as read, the shared empty one for none (most maps of a case are empty). */
  private static <K extends Comparable<? super K>, V> SortedMap<K, V> sorted(SortedMap<K, V> map) {
    return map.isEmpty() ? ImmutableSortedMap.of() : ImmutableSortedMap.copyOfSorted(map);
  }

  // ------------------------------------------------------------------ objects

  private RatingCase root() throws IOException {
    int seen = 0;
    LocalDate asOf = null;
    BigDecimal premiumBase = null;
    Employer employer = null;
    ImmutableList<Period> history = ImmutableList.of();
    ImmutableList<Claim> claims = ImmutableList.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = key();
      JsonToken t = p.nextToken();
      switch (key) {
        case "format" -> {
          seen = once(seen, 0);
          // a case has no format; a null one counts as absent
          if (t != JsonToken.VALUE_NULL) {
            throw REFUSED;
          }
        }
        case "asOf" -> {
          seen = once(seen, 1);
          asOf = t == JsonToken.VALUE_NULL ? null : date(t);
        }
        case "premiumBase" -> {
          seen = once(seen, 2);
          premiumBase = t == JsonToken.VALUE_NULL ? null : decimal(t);
        }
        case "employer" -> {
          seen = once(seen, 3);
          employer = t == JsonToken.VALUE_NULL ? null : employer(t);
        }
        case "history" -> {
          seen = once(seen, 4);
          history = t == JsonToken.VALUE_NULL ? ImmutableList.of() : history(t);
        }
        case "claims" -> {
          seen = once(seen, 5);
          claims = t == JsonToken.VALUE_NULL ? ImmutableList.of() : claims(t);
        }
        default -> throw REFUSED;
      }
    }
    if (asOf == null || employer == null) {
      throw REFUSED;
    }
    RatingCase.checkSizes(history.size(), claims.size());
    return new RatingCase(employer, history, claims, asOf, Optional.ofNullable(premiumBase));
  }

  private ImmutableList<Period> history(JsonToken t) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw REFUSED;
    }
    ImmutableList.Builder<Period> periods = ImmutableList.builder();
    int count = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      // the model's limit, checked before the periods beyond it are held
      CaseJson.checkPeriods(++count, "/history");
      periods.add(period(t));
    }
    return periods.build();
  }

  private ImmutableList<Claim> claims(JsonToken t) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw REFUSED;
    }
    ImmutableList.Builder<Claim> claims = ImmutableList.builder();
    int count = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      RatingCase.checkSizes(0, ++count);
      claims.add(claim(t));
    }
    return claims.build();
  }

  private Employer employer(JsonToken t) throws IOException {
    object(t);
    int seen = 0;
    String id = null;
    String name = "";
    IndustryCode industry = null;
    OptionalInt override = OptionalInt.empty();
    Optional<BigDecimal> band = Optional.empty();
    Optional<BigDecimal> benchmark = Optional.empty();
    Status status = Status.none();
    Optional<ClassCodes> classCodes = Optional.empty();
    Optional<String> region = Optional.empty();
    Optional<String> creditCode = Optional.empty();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = key();
      t = p.nextToken();
      boolean absent = t == JsonToken.VALUE_NULL;
      switch (key) {
        case "id" -> {
          seen = once(seen, 0);
          id = absent ? null : string(t);
        }
        case "name" -> {
          seen = once(seen, 1);
          name = absent ? "" : string(t);
          if (!absent && name.isEmpty()) {
            throw REFUSED;
          }
        }
        case "industry" -> {
          seen = once(seen, 2);
          industry = absent ? null : industry(t);
        }
        case "riskClassOverride" -> {
          seen = once(seen, 3);
          override = absent ? OptionalInt.empty() : OptionalInt.of(anyInt(t));
        }
        case "currentBand" -> {
          seen = once(seen, 4);
          band = absent ? Optional.empty() : Optional.of(decimal(t));
        }
        case "benchmarkRate" -> {
          seen = once(seen, 5);
          benchmark = absent ? Optional.empty() : Optional.of(decimal(t));
        }
        case "status" -> {
          seen = once(seen, 6);
          status = absent ? Status.none() : status(t);
        }
        case "classCodes" -> {
          seen = once(seen, 7);
          classCodes = absent ? Optional.empty() : Optional.of(classCodes(t));
        }
        case "region" -> {
          seen = once(seen, 8);
          region = absent ? Optional.empty() : Optional.of(string(t));
        }
        case "creditCode" -> {
          seen = once(seen, 9);
          creditCode = absent ? Optional.empty() : Optional.of(string(t));
        }
        default -> throw REFUSED;
      }
    }
    if (id == null || industry == null) {
      throw REFUSED;
    }
    return new Employer(id, name, industry, override, band, benchmark, status, classCodes, region, creditCode);
  }

  private ClassCodes classCodes(JsonToken t) throws IOException {
    object(t);
    int seen = 0;
    String system = null;
    List<String> codes = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = key();
      t = p.nextToken();
      boolean absent = t == JsonToken.VALUE_NULL;
      switch (key) {
        case "system" -> {
          seen = once(seen, 0);
          system = absent ? null : string(t);
        }
        case "codes" -> {
          seen = once(seen, 1);
          if (absent) {
            codes = null;
          } else {
            if (t != JsonToken.START_ARRAY) {
              throw REFUSED;
            }
            codes = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
              codes.add(string(t));
            }
          }
        }
        default -> throw REFUSED;
      }
    }
    if (system == null || codes == null) {
      throw REFUSED;
    }
    return ClassCodes.of(system, codes);
  }

  private IndustryCode industry(JsonToken t) throws IOException {
    object(t);
    int seen = 0;
    Edition edition = null;
    String code = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = key();
      t = p.nextToken();
      boolean absent = t == JsonToken.VALUE_NULL;
      switch (key) {
        case "edition" -> {
          seen = once(seen, 0);
          edition = absent ? null : Edition.parse(string(t)).orElseThrow(() -> REFUSED);
        }
        case "code" -> {
          seen = once(seen, 1);
          code = absent ? null : string(t);
        }
        default -> throw REFUSED;
      }
    }
    if (edition == null || code == null) {
      throw REFUSED;
    }
    return new IndustryCode(edition, code);
  }

  private Status status(JsonToken t) throws IOException {
    object(t);
    int seen = 0;
    boolean dispatch = false;
    Optional<SafetyStandardisation> standard = Optional.empty();
    Optional<String> rating = Optional.empty();
    boolean arrears = false;
    boolean punished = false;
    Optional<LocalDate> firstInsured = Optional.empty();
    SortedMap<String, Boolean> flags = new TreeMap<>();
    SortedMap<String, BigDecimal> values = new TreeMap<>();
    PriorFacts prior = PriorFacts.NONE;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = key();
      t = p.nextToken();
      boolean absent = t == JsonToken.VALUE_NULL;
      switch (key) {
        case "labourDispatch" -> {
          seen = once(seen, 0);
          dispatch = !absent && bool(t);
        }
        case "safetyStandardisation" -> {
          seen = once(seen, 1);
          standard = absent ? Optional.empty() : Optional.of(safetyStandardisation(t));
        }
        case "safetyCreditRating" -> {
          seen = once(seen, 2);
          rating = absent ? Optional.empty() : Optional.of(string(t));
        }
        case "premiumArrears" -> {
          seen = once(seen, 3);
          arrears = !absent && bool(t);
        }
        case "jointPunishment" -> {
          seen = once(seen, 4);
          punished = !absent && bool(t);
        }
        case "firstInsured" -> {
          seen = once(seen, 5);
          firstInsured = absent ? Optional.empty() : Optional.of(date(t));
        }
        case "customFlags" -> {
          seen = once(seen, 6);
          flags.clear();
          if (!absent) {
            object(t);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String flag = key();
              if (flags.put(flag, bool(p.nextToken())) != null) {
                throw REFUSED;
              }
            }
          }
        }
        case "customValues" -> {
          seen = once(seen, 7);
          values.clear();
          if (!absent) {
            decimals(t, values);
          }
        }
        case "prior" -> {
          seen = once(seen, 8);
          prior = absent ? PriorFacts.NONE : prior(t);
        }
        default -> throw REFUSED;
      }
    }
    return new Status(dispatch, standard, rating, arrears, punished, firstInsured,
        sorted(flags), values, prior);
  }

  private SafetyStandardisation safetyStandardisation(JsonToken t) throws IOException {
    object(t);
    int seen = 0;
    Integer grade = null;
    LocalDate until = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = key();
      t = p.nextToken();
      boolean absent = t == JsonToken.VALUE_NULL;
      switch (key) {
        case "grade" -> {
          seen = once(seen, 0);
          grade = absent ? null : anyInt(t);
        }
        case "validUntil" -> {
          seen = once(seen, 1);
          until = absent ? null : date(t);
        }
        default -> throw REFUSED;
      }
    }
    if (grade == null || until == null) {
      throw REFUSED;
    }
    return new SafetyStandardisation(grade, until);
  }

  /** An object of named decimals, each name once, into {@code into}. */
  private void decimals(JsonToken t, Map<String, BigDecimal> into) throws IOException {
    object(t);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = key();
      if (into.put(name, decimal(p.nextToken())) != null) {
        throw REFUSED;
      }
    }
  }

  private PriorFacts prior(JsonToken t) throws IOException {
    object(t);
    int seen = 0;
    Optional<BigDecimal> amount = Optional.empty();
    Optional<BigDecimal> percent = Optional.empty();
    Optional<LocalDate> last = Optional.empty();
    Optional<LocalDate> since = Optional.empty();
    SortedMap<String, BigDecimal> named = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = key();
      t = p.nextToken();
      boolean absent = t == JsonToken.VALUE_NULL;
      switch (key) {
        case "surchargeAmount" -> {
          seen = once(seen, 0);
          amount = absent ? Optional.empty() : Optional.of(decimal(t));
        }
        case "surchargePercent" -> {
          seen = once(seen, 1);
          percent = absent ? Optional.empty() : Optional.of(decimal(t));
        }
        case "lastSurcharge" -> {
          seen = once(seen, 2);
          last = absent ? Optional.empty() : Optional.of(date(t));
        }
        case "memberSince" -> {
          seen = once(seen, 3);
          since = absent ? Optional.empty() : Optional.of(date(t));
        }
        case "values" -> {
          seen = once(seen, 4);
          if (!absent) {
            decimals(t, named);
          }
        }
        default -> throw REFUSED;
      }
    }
    return new PriorFacts(amount, percent, last, since, named);
  }

  private Period period(JsonToken t) throws IOException {
    object(t);
    int seen = 0;
    int year = 0;
    boolean hasYear = false;
    LocalDate from = null;
    LocalDate to = null;
    Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
    Optional<SortedMap<Integer, Long>> disability = Optional.empty();
    SortedMap<String, BigDecimal> exposures = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = key();
      t = p.nextToken();
      boolean absent = t == JsonToken.VALUE_NULL;
      switch (key) {
        case "year" -> {
          seen = once(seen, 0);
          hasYear = !absent;
          if (hasYear) {
            year = intWithin(t, FIRST_YEAR, LAST_YEAR);
          }
        }
        case "from" -> {
          // with a year, from and to may only be null; without, both must be dates
          seen = once(seen, 1);
          from = absent ? null : date(t);
        }
        case "to" -> {
          seen = once(seen, 2);
          to = absent ? null : date(t);
        }
        case "disabilityCases" -> {
          seen = once(seen, 3);
          disability = absent ? Optional.empty() : Optional.of(disabilityCases(t));
        }
        case "exposures" -> {
          seen = once(seen, 4);
          exposures.clear();
          if (!absent) {
            object(t);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = key();
              if (exposures.put(name, decimal(p.nextToken())) != null) {
                throw REFUSED;
              }
            }
            if (exposures.isEmpty()) {
              throw REFUSED;
            }
          }
        }
        default -> {
          Measure m = measure(key);
          seen = once(seen, 5 + m.ordinal());
          if (!absent) {
            values.put(m, m.integral() ? integer(t) : decimal(t));
          }
        }
      }
    }
    if (hasYear) {
      if (from != null || to != null) {
        throw REFUSED;
      }
      from = LocalDate.of(year, 1, 1);
      to = LocalDate.of(year, 12, 31);
    } else if (from == null || to == null) {
      throw REFUSED;
    }
    return new Period(from, to, ImmutableSortedMap.copyOf(values), disability, sorted(exposures));
  }

  private static Measure measure(String key) {
    for (Measure m : MEASURES) {
      if (m.jsonName().equals(key)) {
        return m;
      }
    }
    throw REFUSED;
  }

  private SortedMap<Integer, Long> disabilityCases(JsonToken t) throws IOException {
    object(t);
    SortedMap<Integer, Long> byGrade = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = key();
      BigDecimal cases = integer(p.nextToken());
      if (!CaseJson.isWholeNumber(key)) {
        throw REFUSED;
      }
      // narrowed to the record's type by the record's own rule for counts; a grade is written one
      // way only, so a grade seen twice is a duplicate key
      if (byGrade.put(Integer.valueOf(key), InputRules.count(cases, "/" + key, "disability cases of grade " + key))
          != null) {
        throw REFUSED;
      }
    }
    return sorted(byGrade);
  }

  private Claim claim(JsonToken t) throws IOException {
    object(t);
    int seen = 0;
    String id = null;
    LocalDate date = null;
    Claim.ClaimKind kind = null;
    OptionalInt grade = OptionalInt.empty();
    BigDecimal paid = null;
    Optional<BigDecimal> incurred = Optional.empty();
    boolean medicalOnly = false;
    Optional<String> accident = Optional.empty();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = key();
      t = p.nextToken();
      boolean absent = t == JsonToken.VALUE_NULL;
      switch (key) {
        case "id" -> {
          seen = once(seen, 0);
          id = absent ? null : string(t);
        }
        case "date" -> {
          seen = once(seen, 1);
          date = absent ? null : date(t);
        }
        case "kind" -> {
          seen = once(seen, 2);
          kind = absent ? null : Claim.ClaimKind.byJsonName(string(t)).orElseThrow(() -> REFUSED);
        }
        case "disabilityGrade" -> {
          seen = once(seen, 3);
          grade = absent ? OptionalInt.empty() : OptionalInt.of(anyInt(t));
        }
        case "paid" -> {
          seen = once(seen, 4);
          paid = absent ? null : decimal(t);
        }
        case "incurred" -> {
          seen = once(seen, 5);
          incurred = absent ? Optional.empty() : Optional.of(decimal(t));
        }
        case "medicalOnly" -> {
          seen = once(seen, 6);
          medicalOnly = !absent && bool(t);
        }
        case "accident" -> {
          seen = once(seen, 7);
          accident = absent ? Optional.empty() : Optional.of(string(t));
        }
        default -> throw REFUSED;
      }
    }
    if (id == null || date == null || kind == null || paid == null) {
      throw REFUSED;
    }
    return new Claim(id, date, kind, grade, paid, incurred, medicalOnly, accident);
  }

  // ------------------------------------------------------------------ values

  /** Marks key number {@code bit} of an object as seen; a key seen twice is a duplicate. */
  private static int once(int seen, int bit) {
    int mask = 1 << bit;
    if ((seen & mask) != 0) {
      throw REFUSED;
    }
    return seen | mask;
  }

  private static void object(JsonToken t) {
    if (t != JsonToken.START_OBJECT) {
      throw REFUSED;
    }
  }

  /** The current key, its text checked as {@link StrictJson} checks every key. */
  private String key() throws IOException {
    String key = p.currentName();
    checkText(key);
    return key;
  }

  private String string(JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      throw REFUSED;
    }
    String text = p.getText();
    checkText(text);
    return text;
  }

  /** A key's or string's text without an unpaired surrogate (its bytes are checked with the document's). */
  private static void checkText(String text) {
    if (Utf8.firstUnpairedSurrogate(text) >= 0) {
      throw REFUSED;
    }
  }

  private static boolean bool(JsonToken t) {
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw REFUSED;
  }

  /** A decimal as {@link JsonValue#asDecimal()} reads it: a plain number or a plain string. */
  private BigDecimal decimal(JsonToken t) throws IOException {
    switch (t) {
      case VALUE_NUMBER_INT:
        return integer(t);
      case VALUE_NUMBER_FLOAT: {
        String text = p.getText();
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
          throw REFUSED;
        }
        return scaled(new BigDecimal(text));
      }
      case VALUE_STRING: {
        String text = string(t);
        if (text.length() > StrictJson.MAX_NUMBER_LENGTH || !JsonValue.isPlainDecimal(text)) {
          throw REFUSED;
        }
        return scaled(new BigDecimal(text));
      }
      default:
        throw REFUSED;
    }
  }

  private static BigDecimal scaled(BigDecimal value) {
    if (value.scale() > StrictJson.MAX_SCALE) {
      throw REFUSED;
    }
    return value;
  }

  /** A JSON integer of any size, as {@link JsonValue#asInteger()} reads it. */
  private BigDecimal integer(JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw REFUSED;
    }
    return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
        ? new BigDecimal(p.getBigIntegerValue()) : BigDecimal.valueOf(p.getLongValue());
  }

  /** A JSON integer that fits an int; the record it goes into checks its range. */
  private int anyInt(JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
      throw REFUSED;
    }
    return p.getIntValue();
  }

  private int intWithin(JsonToken t, int min, int max) throws IOException {
    int value = anyInt(t);
    if (value < min || value > max) {
      throw REFUSED;
    }
    return value;
  }

  /** An ISO date {@code yyyy-mm-dd} read from its digits, as {@link JsonValue#asDate()} accepts it. */
  private LocalDate date(JsonToken t) throws IOException {
    String text = string(t);
    if (!JsonValue.isDateShape(text)) {
      throw REFUSED;
    }
    try {
      return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
    } catch (DateTimeException e) {
      throw REFUSED;
    }
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}
