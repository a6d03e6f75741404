package org.ratefloat.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every message ratefloat says to people, by key, in Chinese and English: {@code messages_zh.properties}
 * and {@code messages_en.properties} beside this class (UTF-8), the same keys in both. A message
 * names its values by placeholders, {@code {value}}, so that each language puts them where its
 * grammar wants them; a placeholder may say how its value is said: {@code {name|field}} a field of a
 * document by its glossary term, {@code {where|pointer}} a JSON pointer in words, {@code {n|class}} a
 * risk class (一类), {@code {r|rounding}} a rounding ({@code scale 4 HALF_UP}: 保留4位小数（四舍五入）).
 * In English every value is written as given, so that an English message is what it always was.
 * A term of the {@link Glossary} is written {@code {{benefitsPaid}}} and becomes the glossary's words
 * when the catalogue is loaded.
 *
 * <p>Numbers are never formatted here: values come as text, made with {@link java.util.Locale#ROOT}
 * by whoever has them, so no default locale changes a message. Immutable; loaded once.
 */
public final class Catalogue {
  private static final Pattern TERM = Pattern.compile("\\{\\{([A-Za-z0-9./-]+)}}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)(?:\\|([a-z]+))?}");

  private static final Catalogue BUNDLED = new Catalogue();

  private final Map<Language, Map<String, String>> messages = new EnumMap<>(Language.class);

  private Catalogue() {
    for (Language lang : Language.values()) {
      messages.put(lang, Collections.unmodifiableMap(load(lang)));
    }
  }

  /** The catalogue the library ships. */
  public static Catalogue bundled() {
    return BUNDLED;
  }

  /** The message {@code key} in a language with its values put in; a failure (our bug) for an unknown key or value. */
  public static String text(Language lang, String key, Map<String, String> values) {
    return BUNDLED.format(lang, key, values);
  }

  /** The message {@code key} in a language, a message without values. */
  public static String text(Language lang, String key) {
    return BUNDLED.format(lang, key, Map.of());
  }

  /** Whether the catalogue has a message of this key. */
  public static boolean has(String key) {
    return BUNDLED.messages.get(Language.EN).containsKey(key);
  }

  /** The keys of a language's messages, sorted. */
  public Set<String> keys(Language lang) {
    return Collections.unmodifiableSet(new TreeSet<>(messages.get(lang).keySet()));
  }

  /** The message as written in the catalogue (terms put in, placeholders not). */
  public String template(Language lang, String key) {
    String t = messages.get(lang).get(key);
    if (t == null) {
      throw new IllegalStateException("no message " + key + " in the " + lang.tag() + " catalogue");
    }
    return t;
  }

  /** The names of the placeholders of a message, sorted. */
  public Set<String> placeholders(Language lang, String key) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(template(lang, key));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The message with its values put in. */
  public String format(Language lang, String key, Map<String, String> values) {
    Objects.requireNonNull(values, "values");
    String template = template(lang, key);
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 32);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("message " + key + " needs a value " + m.group(1) + ": " + values.keySet());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(lang == Language.EN ? value : say(m.group(2), value, lang)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A value said as its placeholder asks (in a language other than English). */
  static String say(String how, String value, Language lang) {
    if (how == null) {
      return value;
    }
    return switch (how) {
      case "field" -> Glossary.bundled().field(value, lang).orElse(value);
      case "pointer" -> Glossary.bundled().pointer(value, lang);
      case "class" -> value.matches("[0-9]{1,2}") ? Glossary.riskClass(Integer.parseInt(value), lang) : value;
      case "rounding" -> rounding(value, lang);
      case "values" -> values(value, lang);
      case "jsontype" -> has("jsonType." + value) ? text(lang, "jsonType." + value) : value;
      case "role" -> Glossary.bundled().term("role." + value).map(t -> t.in(lang)).orElse(value);
      default -> throw new IllegalStateException("no way of saying a value " + how);
    };
  }

  /**
   * The values an engine message shows, {@code {payoutRatio=6200/117, deaths=0}} (a map as Java
   * writes it) or {@code this case}, in words: each name by its glossary term, a fraction with its
   * decimal value: 支缴率 6200/117 (≈ 52.991453)，工亡人数 0.
   */
  static String values(String value, Language lang) {
    if (value.equals("this case")) {
      return text(lang, "values.thisCase");
    }
    if (!value.startsWith("{") || !value.endsWith("}") || value.length() < 3) {
      return value;
    }
    java.util.List<String> said = new java.util.ArrayList<>();
    for (String pair : value.substring(1, value.length() - 1).split(", ")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        said.add(pair);
        continue;
      }
      String name = pair.substring(0, eq);
      said.add(Glossary.bundled().term(name).map(t -> t.in(lang)).orElse(name) + " "
          + fraction(pair.substring(eq + 1)));
    }
    return String.join(text(lang, "effect.join"), said);
  }

  private static final Pattern ROUNDING = Pattern.compile("scale (-?[0-9]+) ([A-Z_]+)");

  /**
   * A rounding as a rule table names it, {@code scale 4 HALF_UP}, in words: 保留4位小数（四舍五入）;
   * a text that is no rounding stays as it is.
   */
  public static String rounding(String value, Language lang) {
    Matcher m = ROUNDING.matcher(value);
    if (lang == Language.EN || !m.matches()) {
      return value;
    }
    String mode = Glossary.bundled().term("rounding." + m.group(2)).map(t -> t.in(lang)).orElse(m.group(2));
    int scale = Integer.parseInt(m.group(1));
    return text(lang, scale == 0 ? "rounding.whole" : "rounding.places",
        Map.of("scale", m.group(1), "mode", mode));
  }

  /**
   * A fraction {@code p/q} with its decimal value to six places (half even), for a reader who cannot
   * divide in their head: {@code 6200/117 (≈ 52.991453)}; any other text as it is.
   */
  public static String fraction(String value) {
    Matcher m = FRACTION.matcher(value);
    if (!m.matches() || m.group(2).length() > 40 || m.group(1).length() > 40 || new BigInteger(m.group(2)).signum() == 0) {
      return value;
    }
    BigDecimal decimal = new BigDecimal(new BigInteger(m.group(1))).divide(new BigDecimal(new BigInteger(m.group(2))),
        new MathContext(60, RoundingMode.HALF_EVEN)).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return value + " (≈ " + decimal.toPlainString() + ")";
  }

  private static final Pattern FRACTION = Pattern.compile("(-?[0-9]+)/([0-9]+)");

  private static Map<String, String> load(Language lang) {
    String file = "messages_" + lang.tag() + ".properties";
    Properties p = new Properties();
    try (InputStream in = Catalogue.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("the library's " + file + " is missing");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("the library's " + file + " cannot be read", e);
    }
    Map<String, String> out = new java.util.HashMap<>();
    for (String key : p.stringPropertyNames()) {
      Matcher m = TERM.matcher(p.getProperty(key));
      StringBuilder text = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(text, Matcher.quoteReplacement(Glossary.bundled().word(m.group(1), lang)));
      }
      m.appendTail(text);
      out.put(key, text.toString());
    }
    return out;
  }
}
