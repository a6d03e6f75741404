package org.ratefloat.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;

/**
 * The rules every value of a case obeys, each stated once. The input records apply them in their
 * constructors, so a case built in Java is held to exactly the rules a case read from JSON is; the
 * JSON reader calls the same methods where it has to narrow a JSON value before a record can hold
 * it. Each rule fails with the {@link InputException} a JSON document gets for the same value: its
 * {@link ErrorCode} and the JSON pointer of the value, here relative to the record being built.
 *
 * <p>The limits are those of the input form, so that every value a record holds can be written as
 * JSON and read back unchanged.
 *
 * @since 0.1.0
 */
public final class InputRules {
  /** Most history periods of one employer. */
  public static final int MAX_PERIODS = 600;
  /** Most claims of one employer. */
  public static final int MAX_CLAIMS = 100_000;
  /** Largest count (injuries, deaths, cases of a disability grade, ...). */
  public static final long MAX_COUNT = 1_000_000_000L;
  /** Most digits after the decimal point of a decimal. */
  public static final int MAX_SCALE = 20;
  /** Most characters of a decimal written out plainly ({@code -12.50} has six). */
  public static final int MAX_DECIMAL_LENGTH = 40;
  /** Most characters (UTF-16 code units) of a text. */
  public static final int MAX_TEXT_LENGTH = 64 << 10;
  /** First date the input form {@code yyyy-mm-dd} can carry. */
  public static final LocalDate FIRST_DATE = LocalDate.of(0, 1, 1);
  /** Last date the input form {@code yyyy-mm-dd} can carry. */
  public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);
  /** Most class codes of one employer (and exposures of one period). */
  public static final int MAX_CLASS_CODES = 1000;

  private static final java.util.regex.Pattern CLASS_SYSTEM =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,31}");
  private static final java.util.regex.Pattern CLASS_CODE =
      java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,31}");
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  private InputRules() {}

  /**
   * A decimal the input form can carry: at most {@link #MAX_SCALE} decimal places and
   * {@link #MAX_DECIMAL_LENGTH} characters written plainly ({@code IN006}). A negative scale
   * ({@code 1E+3}) is returned as the equal decimal of scale 0 ({@code 1000}), as it reads back.
   */
  public static BigDecimal decimal(BigDecimal value, String pointer, String name) {
    java.util.Objects.requireNonNull(value, "value");
    java.util.Objects.requireNonNull(pointer, "pointer");
    java.util.Objects.requireNonNull(name, "name");
    if (value.scale() > MAX_SCALE) {
      throw new InputException(ErrorCode.IN006, pointer, "model.scale", org.ratefloat.text.Message.values("name", name, "max", MAX_SCALE,
          "value", shown(value)));
    }
    if (plainLength(value) > MAX_DECIMAL_LENGTH) {
      throw new InputException(ErrorCode.IN006, pointer, "model.length", org.ratefloat.text.Message.values("name", name, "max",
          MAX_DECIMAL_LENGTH, "value", shown(value)));
    }
    return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
  }

  /** The length of {@code v.toPlainString()}, without building it. */
  private static long plainLength(BigDecimal v) {
    long sign = v.signum() < 0 ? 1 : 0;
    long precision = v.precision();
    long scale = v.scale();
    if (scale <= 0) {
      return sign + (v.signum() == 0 ? 1 : precision - scale);
    }
    return sign + (precision > scale ? precision + 1 : scale + 2);
  }

  /** A decimal as shown in a message: plainly if that is short, else in scientific notation. */
  private static String shown(BigDecimal v) {
    return plainLength(v) <= 1000 ? abbreviate(v.toPlainString()) : v.toString();
  }

  /** An amount: a {@linkplain #decimal decimal} that is not negative ({@code IN007}). */
  public static BigDecimal amount(BigDecimal value, String pointer, String name) {
    java.util.Objects.requireNonNull(value, "value");
    java.util.Objects.requireNonNull(pointer, "pointer");
    java.util.Objects.requireNonNull(name, "name");
    BigDecimal v = decimal(value, pointer, name);
    if (v.signum() < 0) {
      throw new InputException(ErrorCode.IN007, pointer, "model.negative", org.ratefloat.text.Message.values("name", name, "value", v));
    }
    return v;
  }

  /** A {@linkplain #decimal decimal} greater than zero ({@code IN023}). */
  public static BigDecimal positive(BigDecimal value, String pointer, String name) {
    java.util.Objects.requireNonNull(value, "value");
    java.util.Objects.requireNonNull(pointer, "pointer");
    java.util.Objects.requireNonNull(name, "name");
    BigDecimal v = decimal(value, pointer, name);
    if (v.signum() <= 0) {
      throw new InputException(ErrorCode.IN023, pointer, "model.positive", org.ratefloat.text.Message.values("name", name, "value", v));
    }
    return v;
  }

  /**
   * A count: a whole number ({@code IN005}, as a JSON number with a fraction is), not negative
   * ({@code IN007}) and at most {@link #MAX_COUNT} ({@code IN023}).
   */
  public static long count(BigDecimal value, String pointer, String name) {
    java.util.Objects.requireNonNull(value, "value");
    java.util.Objects.requireNonNull(pointer, "pointer");
    java.util.Objects.requireNonNull(name, "name");
    if (value.scale() > 0 && value.stripTrailingZeros().scale() > 0) {
      throw new InputException(ErrorCode.IN005, pointer, "model.whole", org.ratefloat.text.Message.values("name", name, "value", shown(value)));
    }
    if (value.signum() < 0) {
      throw new InputException(ErrorCode.IN007, pointer, "model.negative", org.ratefloat.text.Message.values("name", name, "value",
          shown(value)));
    }
    if (value.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
      throw new InputException(ErrorCode.IN023, pointer, "model.range", org.ratefloat.text.Message.values("name", name, "min", 0, "max",
          MAX_COUNT, "value", shown(value)));
    }
    return value.longValue();
  }

  /** A whole number within [min, max] ({@code IN023}). */
  public static int within(long value, int min, int max, String pointer, String name) {
    java.util.Objects.requireNonNull(pointer, "pointer");
    java.util.Objects.requireNonNull(name, "name");
    if (value < min || value > max) {
      throw new InputException(ErrorCode.IN023, pointer, "model.range", org.ratefloat.text.Message.values("name", name,
          "min", min, "max", max, "value", value));
    }
    return (int) value;
  }

  /**
   * A text: not blank ({@code IN023}), at most {@link #MAX_TEXT_LENGTH} characters ({@code IN024})
   * and Unicode (no unpaired surrogate, {@code IN001}: the code the JSON reader gives the same text,
   * which no UTF-8 document can carry), so that it survives UTF-8.
   */
  public static String text(String value, String pointer, String name) {
    java.util.Objects.requireNonNull(value, "value");
    java.util.Objects.requireNonNull(pointer, "pointer");
    java.util.Objects.requireNonNull(name, "name");
    if (value.length() > MAX_TEXT_LENGTH) {
      throw new InputException(ErrorCode.IN024, pointer, "model.textLength", org.ratefloat.text.Message.values("name", name, "length",
          value.length(), "max", MAX_TEXT_LENGTH));
    }
    if (value.isBlank()) {
      throw new InputException(ErrorCode.IN023, pointer, "model.blank", org.ratefloat.text.Message.values("name", name));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InputException(ErrorCode.IN001, pointer, name + " is not Unicode text: unpaired surrogate "
            + String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) + " at character " + i);
      }
    }
    return value;
  }

  /** A date the input form {@code yyyy-mm-dd} can carry ({@code IN023}). */
  public static LocalDate date(LocalDate value, String pointer, String name) {
    java.util.Objects.requireNonNull(value, "value");
    java.util.Objects.requireNonNull(pointer, "pointer");
    java.util.Objects.requireNonNull(name, "name");
    if (value.isBefore(FIRST_DATE) || value.isAfter(LAST_DATE)) {
      throw new InputException(ErrorCode.IN023, pointer, "model.dateRange", org.ratefloat.text.Message.values("name", name, "first",
          FIRST_DATE, "last", LAST_DATE, "value", value));
    }
    return value;
  }

  /**
   * The name of a classification system other than GB/T 4754 ({@code NCCI}, {@code JP-MERIT},
   * {@code DE-BGBAU}): a letter, then up to 31 letters, digits, {@code .}, {@code _} or {@code -}
   * ({@code IN013}, the code of an unknown classification).
   */
  public static String classSystem(String value, String pointer) {
    java.util.Objects.requireNonNull(value, "value");
    java.util.Objects.requireNonNull(pointer, "pointer");
    if (!CLASS_SYSTEM.matcher(value).matches()) {
      throw new InputException(ErrorCode.IN013, pointer, "a classification system is a letter, then up to 31 "
          + "letters, digits, '.', '_' or '-': \"" + abbreviate(value) + "\"");
    }
    return value;
  }

  /**
   * A class code of a classification other than GB/T 4754, written as the system writes it
   * ({@code 8810}, {@code 0701}, {@code 31}, {@code 1.2}): a letter or digit of any script, then up
   * to 31 letters, digits, {@code .}, {@code _} or {@code -} ({@code IN012}). Leading zeros are kept:
   * {@code 0042} and {@code 42} are different codes.
   */
  public static String classCode(String value, String pointer) {
    java.util.Objects.requireNonNull(value, "value");
    java.util.Objects.requireNonNull(pointer, "pointer");
    if (!CLASS_CODE.matcher(value).matches()) {
      throw new InputException(ErrorCode.IN012, pointer, "a class code is a letter or digit, then up to 31 "
          + "letters, digits, '.', '_' or '-': \"" + abbreviate(value) + "\"");
    }
    return value;
  }

  /**
   * The name of a custom flag or value: a letter, then up to 63 letters, digits and {@code _}
   * ({@code IN023}).
   */
  public static String name(String value, String pointer, String what) {
    java.util.Objects.requireNonNull(value, "value");
    java.util.Objects.requireNonNull(pointer, "pointer");
    java.util.Objects.requireNonNull(what, "what");
    if (!NAME.matcher(value).matches()) {
      throw new InputException(ErrorCode.IN023, pointer, what + " names are a letter, then up to 63 letters, "
          + "digits and _: \"" + abbreviate(value) + "\"");
    }
    return value;
  }

  /**
   * An administrative division code of GB/T 2260: six ASCII digits, e.g. {@code 430100} (长沙市) or
   * {@code 430102} (芙蓉区) ({@code IN023}). Whether the division is one a ranking knows is the
   * ranking's check ({@code IN060}).
   */
  public static String region(String value, String pointer) {
    java.util.Objects.requireNonNull(value, "value");
    java.util.Objects.requireNonNull(pointer, "pointer");
    if (value.length() != 6 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InputException(ErrorCode.IN023, pointer, "model.region", org.ratefloat.text.Message.values("value", abbreviate(value)));
    }
    return value;
  }

  /** The characters of a unified social credit code, in the order that gives their values 0..30. */
  private static final String CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /**
   * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
   * {@code 0-9} and {@code A-Y} without I, O, S, V and Z, the last a check character: with
   * v<sub>i</sub> the value of the i-th character and w<sub>i</sub> = 3<sup>i−1</sup> mod 31,
   * c = 31 − (Σ v<sub>i</sub> w<sub>i</sub> mod 31), 31 read as 0, and the 18th character is the one
   * of value c ({@code IN061}).
   */
  public static String creditCode(String value, String pointer) {
    java.util.Objects.requireNonNull(value, "value");
    java.util.Objects.requireNonNull(pointer, "pointer");
    if (value.length() != 18 || !value.chars().allMatch(c -> CREDIT_CODE_CHARACTERS.indexOf(c) >= 0)) {
      throw new InputException(ErrorCode.IN061, pointer, "a unified social credit code is 18 characters of 0-9 "
          + "and A-Y without I, O, S, V, Z: \"" + abbreviate(value) + "\"");
    }
    char check = creditCodeCheck(value.substring(0, 17));
    if (value.charAt(17) != check) {
      throw new InputException(ErrorCode.IN061, pointer, "model.creditCheck", org.ratefloat.text.Message.values("code", value, "check",
          check));
    }
    return value;
  }

  /** The check character of the first 17 characters of a unified social credit code (GB 32100-2015). */
  public static char creditCodeCheck(String first17) {
    java.util.Objects.requireNonNull(first17, "first17");
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < 17; i++) {
      sum += CREDIT_CODE_CHARACTERS.indexOf(first17.charAt(i)) * weight;
      weight = weight * 3 % 31;
    }
    int c = 31 - sum % 31;
    return CREDIT_CODE_CHARACTERS.charAt(c == 31 ? 0 : c);
  }

  /** At most {@code max} items in a list ({@code IN024}). */
  public static void size(int size, int max, String pointer, String what) {
    java.util.Objects.requireNonNull(pointer, "pointer");
    java.util.Objects.requireNonNull(what, "what");
    if (size > max) {
      throw new InputException(ErrorCode.IN024, pointer, size + " " + what + " exceed the limit of " + max);
    }
  }

  /** A key as it appears in a JSON pointer (RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
  public static String escape(String key) {
    java.util.Objects.requireNonNull(key, "key");
    return key.replace("~", "~0").replace("/", "~1");
  }

  /**
   * A value as shown in a message: on one line (control characters as backslash-u escapes) and cut
   * to 48 characters.
   */
  public static String abbreviate(String text) {
    java.util.Objects.requireNonNull(text, "text");
    String cut = text.length() <= 48 ? text : text.substring(0, 45) + "...";
    StringBuilder shown = null;
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        if (shown == null) {
          shown = new StringBuilder(cut.substring(0, i));
        }
        shown.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else if (shown != null) {
        shown.append(c);
      }
    }
    return shown == null ? cut : shown.toString();
  }

  /**
   * Whether a text is a plain decimal as every document writes one: an optional minus, digits
   * without a leading zero (or one zero), and an optional point with at least one digit after it; no
   * exponent, no plus, no white space.
   */
  public static boolean isPlainDecimal(String t) {
    java.util.Objects.requireNonNull(t, "t");
    int n = t.length();
    int i = 0;
    if (i < n && t.charAt(i) == '-') {
      i++;
    }
    if (i == n) {
      return false;
    }
    if (t.charAt(i) == '0') {
      i++;
    } else {
      int start = i;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
        i++;
      }
      if (i == start || t.charAt(start) == '0') {
        return false;
      }
    }
    if (i == n) {
      return true;
    }
    if (t.charAt(i) != '.') {
      return false;
    }
    int start = ++i;
    while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
      i++;
    }
    return i == n && i > start;
  }

  /**
   * A decimal given as text (a builder's text form): a plain decimal of at most
   * {@link #MAX_DECIMAL_LENGTH} characters and {@link #MAX_SCALE} places, as a document's decimal must
   * be ({@code IN006} at {@code pointer} otherwise).
   */
  public static BigDecimal decimal(String text, String pointer) {
    java.util.Objects.requireNonNull(text, "text");
    java.util.Objects.requireNonNull(pointer, "pointer");
    if (text.length() > MAX_DECIMAL_LENGTH || !isPlainDecimal(text)) {
      throw new InputException(ErrorCode.IN006, pointer, "model.plainDecimal", org.ratefloat.text.Message.values("value",
          abbreviate(text)));
    }
    BigDecimal value = new BigDecimal(text);
    if (value.scale() > MAX_SCALE) {
      throw new InputException(ErrorCode.IN006, pointer, "model.places", org.ratefloat.text.Message.values("max", MAX_SCALE, "value",
          abbreviate(text)));
    }
    return value;
  }
}
