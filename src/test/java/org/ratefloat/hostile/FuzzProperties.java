package org.ratefloat.hostile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.ratefloat.Cases;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;

/**
 * Mutates the example inputs at random (drop, duplicate, retype, extreme values, raw garbage) and
 * decides them with their tables: the library either decides or throws its documented exception
 * type, within a time bound, and never a NullPointerException, ArithmeticException,
 * IllegalArgumentException or OutOfMemoryError.
 */
class FuzzProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<Object[]> SEEDS = seeds();
  private static final AtomicInteger CASES = new AtomicInteger();
  private static final AtomicInteger REFUSED = new AtomicInteger();

  private static List<Object[]> seeds() {
    List<Object[]> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".decision.json"))
          .sorted().toList()) {
        RuleTable table = Cases.table(f.getParent().getFileName().toString());
        seeds.add(new Object[] {MAPPER.readTree(Files.readAllBytes(f)), table});
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return seeds;
  }

  private static final String[] EXTREMES = {
      "0", "-1", "-0.01", "1e999999999", "-1E-999999999", "99999999999999999999999999999999999999",
      "0.00000000000000000001", "NaN", "Infinity", "null", "true", "\"\"", "\"x\"", "[]", "{}",
      "\"2025-13-45\"", "\"-5\"", "\"1.0e2\"", "1.5", "2147483648", "-9223372036854775809",
      "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
      "\"" + "9".repeat(50) + "\"", "\"GB/T 4754-2017\"", "\"59\"", "\"79\"", "\"0.1\"", "\"1.5\""};

  @Property(tries = 3000)
  void onlyDocumentedExceptionsEscape(@ForAll long seed) {
    Random random = new Random(seed);
    Object[] start = SEEDS.get(random.nextInt(SEEDS.size()));
    JsonNode tree = ((JsonNode) start[0]).deepCopy();
    RuleTable table = (RuleTable) start[1];
    String text = tree.toString();
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      text = mutate(text, random);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    CASES.incrementAndGet();
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      try {
        var input = RateFloat.readCase(bytes);
        var decision = table.decide(input);
        RateFloat.toJson(decision);
      } catch (RateFloatException expected) {
        REFUSED.incrementAndGet();
      } catch (Throwable e) {
        fail("undocumented " + e + " for input " + abbreviate(new String(bytes, StandardCharsets.UTF_8)), e);
      }
    });
  }

  private static String abbreviate(String s) {
    return s.length() < 2000 ? s : s.substring(0, 2000) + "...";
  }

  /** One mutation of the document's text, by way of its tree where possible. */
  static String mutate(String text, Random random) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (Exception notJsonAnyMore) {
      return garble(text, random);
    }
    if (tree == null || !tree.isContainerNode()) {
      return garble(text, random);
    }
    List<Object[]> slots = new ArrayList<>();
    collect(tree, slots);
    if (slots.isEmpty()) {
      return garble(text, random);
    }
    Object[] slot = slots.get(random.nextInt(slots.size()));
    JsonNode parent = (JsonNode) slot[0];
    Object key = slot[1];
    String marker = "\"@@MUTATION@@\"";
    switch (random.nextInt(6)) {
      case 0 -> remove(parent, key);
      case 1 -> {
        // duplicate a key (only possible in text: trees refuse duplicates)
        if (parent instanceof ObjectNode o) {
          String k = (String) key;
          String value = o.get(k).toString();
          o.put(k, "@@MUTATION@@");
          return tree.toString().replace(marker, value + ", \"" + k + "\": " + value);
        }
        ((ArrayNode) parent).add(((ArrayNode) parent).get((Integer) key).deepCopy());
      }
      case 2, 3 -> {
        set(parent, key, JsonNodeFactory.instance.textNode("@@MUTATION@@"));
        return tree.toString().replace(marker, EXTREMES[random.nextInt(EXTREMES.length)]);
      }
      case 4 -> set(parent, key, retype(get(parent, key), random));
      default -> {
        return garble(tree.toString(), random);
      }
    }
    return tree.toString();
  }

  private static void collect(JsonNode node, List<Object[]> slots) {
    if (node instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(k -> {
        slots.add(new Object[] {o, k});
        collect(o.get(k), slots);
      });
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        slots.add(new Object[] {a, i});
        collect(a.get(i), slots);
      }
    }
  }

  private static JsonNode get(JsonNode parent, Object key) {
    return key instanceof String k ? parent.get(k) : parent.get((Integer) key);
  }

  private static void set(JsonNode parent, Object key, JsonNode value) {
    if (key instanceof String k) {
      ((ObjectNode) parent).set(k, value);
    } else {
      ((ArrayNode) parent).set((Integer) key, value);
    }
  }

  private static void remove(JsonNode parent, Object key) {
    if (key instanceof String k) {
      ((ObjectNode) parent).remove(k);
    } else {
      ((ArrayNode) parent).remove((Integer) key);
    }
  }

  private static JsonNode retype(JsonNode value, Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (random.nextInt(6)) {
      case 0 -> f.textNode(value.asText());
      case 1 -> value.isTextual() && value.asText().matches("-?[0-9]+") ? f.numberNode(new java.math.BigInteger(value.asText()))
          : f.numberNode(random.nextInt(100) - 50);
      case 2 -> f.booleanNode(random.nextBoolean());
      case 3 -> f.nullNode();
      case 4 -> f.arrayNode().add(value);
      default -> f.objectNode().set("value", value);
    };
  }

  private static final String GARBAGE = "\"{}[],:-.0e\u0000\uFFFF";

  /** Damage the text itself: cut it, or drop, double or replace a character. */
  private static String garble(String text, Random random) {
    if (text.isEmpty()) {
      return "{";
    }
    int at = random.nextInt(text.length());
    return switch (random.nextInt(4)) {
      case 0 -> text.substring(0, at);
      case 1 -> text.substring(0, at) + text.substring(at + 1);
      case 2 -> text.substring(0, at) + text.charAt(at) + text.substring(at);
      default -> text.substring(0, at) + GARBAGE.charAt(random.nextInt(GARBAGE.length())) + text.substring(at + 1);
    };
  }

  @AfterContainer
  static void report() {
    System.out.printf("fuzz: %d mutated inputs, %d refused with a documented error, %d decided%n",
        CASES.get(), REFUSED.get(), CASES.get() - REFUSED.get());
  }
}
