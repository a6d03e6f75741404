package org.ratefloat.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The terms ratefloat says to people, each once, in Chinese and English: {@code glossary.json} beside
 * this class. The Chinese is the measures' own wording where they have one (each term cites where it
 * is from), else a plain choice of ours, marked so. The message catalogue, the accounts, the notices,
 * the report and the Chinese CSV headers take their terms from here, so that a term is corrected in
 * one place.
 *
 * <p>A term's id is the JSON key the documents use for it where there is one ({@code benefitsPaid},
 * {@code history}), so that a JSON pointer can be said in words: {@code /history/1/benefitsPaid} is
 * {@code 第2期 工伤保险基金支付}. Immutable; loaded once from the library's own resources.
 */
public final class Glossary {
  /** One term: its words in both languages, and, for a list, how one of its items is called. */
  public record Term(String id, String zh, String en, Optional<String> itemZh, Optional<String> itemEn,
      String source, boolean ours, List<String> usedIn) {
    /** The term in a language. */
    public String in(Language lang) {
      return lang == Language.ZH ? zh : en;
    }

    /** Item {@code n} (counted from 1) of the list this term names, if it names one. */
    public Optional<String> item(long n, Language lang) {
      return (lang == Language.ZH ? itemZh : itemEn).map(t -> t.replace("{n}", Long.toString(n)));
    }
  }

  private static final Glossary BUNDLED = load();

  private final Map<String, Term> terms;

  private Glossary(Map<String, Term> terms) {
    this.terms = Collections.unmodifiableMap(terms);
  }

  /** The glossary the library ships. */
  public static Glossary bundled() {
    return BUNDLED;
  }

  /** Every term, in the order of the file. */
  public Map<String, Term> terms() {
    return terms;
  }

  /** The term of this id, if the glossary has one. */
  public Optional<Term> term(String id) {
    return Optional.ofNullable(terms.get(Objects.requireNonNull(id, "id")));
  }

  /**
   * The term an English message names a field by: its id ({@code benefitsPaid}) or its English words
   * ({@code risk class}), or the disability cases of a grade ({@code disability cases of grade 10}).
   */
  public Optional<String> field(String name, Language lang) {
    Optional<Term> t = term(name);
    if (t.isPresent()) {
      return Optional.of(t.get().in(lang));
    }
    java.util.regex.Matcher grade = GRADE.matcher(name);
    if (grade.matches()) {
      return Optional.of(word("disabilityCasesOfGrade", lang).replace("{grade}", grade.group(1)));
    }
    return terms.values().stream().filter(x -> x.en().equals(name)).findFirst().map(x -> x.in(lang));
  }

  private static final java.util.regex.Pattern GRADE = java.util.regex.Pattern.compile("disability cases of grade ([0-9]{1,2})");

  /** The term's words in a language; a failure (our bug) if there is no such term. */
  public String word(String id, Language lang) {
    Term t = terms.get(id);
    if (t == null) {
      throw new IllegalStateException("no term " + id + " in the glossary");
    }
    return t.in(lang);
  }

  /** The Chinese of a term. */
  public static String zh(String id) {
    return BUNDLED.word(id, Language.ZH);
  }

  /** The English of a term. */
  public static String en(String id) {
    return BUNDLED.word(id, Language.EN);
  }

  /**
   * A JSON pointer in words of a language: each key the glossary knows by its term (the longest run
   * of keys first, so that {@code industry/code} is one term), an index of a list by the list's item
   * word ({@code /history/1} is {@code 第2期}); a key it does not know (an id of the table's or the
   * case's own) stays as it is. The root is said as the whole document.
   */
  public String pointer(String pointer, Language lang) {
    List<String> keys = new ArrayList<>();
    if (!pointer.isEmpty()) {
      for (String k : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
        keys.add(k.replace("~1", "/").replace("~0", "~"));
      }
    }
    if (keys.isEmpty()) {
      return word("document", lang);
    }
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < keys.size()) {
      Term found = null;
      int length = 0;
      for (int j = keys.size(); j > i && found == null; j--) {
        found = terms.get(String.join("/", keys.subList(i, j)));
        length = j - i;
      }
      if (found != null) {
        i += length;
        Optional<String> item = i < keys.size() && isIndex(keys.get(i))
            ? found.item(Long.parseLong(keys.get(i)) + 1, lang) : Optional.empty();
        if (item.isPresent()) {
          words.add(item.get());
          i++;
        } else {
          words.add(found.in(lang));
        }
      } else if (isIndex(keys.get(i))) {
        words.add(term("item").orElseThrow().item(Long.parseLong(keys.get(i)) + 1, lang).orElseThrow());
        i++;
      } else {
        words.add(keys.get(i));
        i++;
      }
    }
    return String.join(" ", words);
  }

  private static boolean isIndex(String key) {
    return !key.isEmpty() && key.length() <= 9 && key.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** A risk class as the measures write it: 一类 … 八类 (any number up to 99 so); English {@code class 3}. */
  public static String riskClass(int n, Language lang) {
    return lang == Language.ZH ? numeral(n) + "类" : "class " + n;
  }

  /** A whole number from 0 to 99 in Chinese numerals (一, 十, 二十三); others in digits. */
  public static String numeral(int n) {
    String digits = "零一二三四五六七八九";
    if (n < 0 || n > 99) {
      return Integer.toString(n);
    }
    if (n < 10) {
      return String.valueOf(digits.charAt(n));
    }
    return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十"
        + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
  }

  private static Glossary load() {
    ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    JsonNode root;
    try (InputStream in = Glossary.class.getResourceAsStream("glossary.json")) {
      if (in == null) {
        throw new IllegalStateException("the library's glossary.json is missing");
      }
      root = json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the library's glossary.json cannot be read", e);
    }
    if (!"ratefloat/glossary@1".equals(root.path("format").asText())) {
      throw new IllegalStateException("glossary.json is not ratefloat/glossary@1");
    }
    Map<String, Term> terms = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("terms").properties()) {
      JsonNode t = e.getValue();
      List<String> used = new ArrayList<>();
      t.path("usedIn").forEach(u -> used.add(u.asText()));
      terms.put(e.getKey(), new Term(e.getKey(), required(t, "zh", e.getKey()), required(t, "en", e.getKey()),
          Optional.ofNullable(t.path("item").path("zh").textValue()),
          Optional.ofNullable(t.path("item").path("en").textValue()),
          t.path("ours").asBoolean(false) ? "" : required(t, "source", e.getKey()), t.path("ours").asBoolean(false),
          List.copyOf(used)));
    }
    return new Glossary(terms);
  }

  private static String required(JsonNode t, String key, String id) {
    String v = t.path(key).textValue();
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("glossary term " + id + " has no " + key);
    }
    return v;
  }
}
