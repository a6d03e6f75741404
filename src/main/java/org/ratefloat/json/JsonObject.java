package org.ratefloat.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object read key by key. Each accessor marks its key as known; {@link #finish()} then
 * refuses every key that nobody asked for, so that a misspelt key is an error, not a silent default.
 * A JSON {@code null} counts as absent for the optional accessors.
 */
public final class JsonObject {
  private final JsonNode node;
  private final JsonValue self;
  private final Faults faults;
  private final Set<String> known = new HashSet<>();

  JsonObject(JsonNode node, JsonValue self, Faults faults) {
    this.node = node;
    this.self = self;
    this.faults = faults;
  }

  public String pointer() {
    return self.pointer();
  }

  public String pointerOf(String key) {
    return pointer() + "/" + StrictJson.escape(key);
  }

  /** Whether the key is present with a non-null value (and marks it known). */
  public boolean has(String key) {
    known.add(key);
    JsonNode child = node.get(key);
    return child != null && !child.isNull();
  }

  /** The keys in document order. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  public Optional<JsonValue> opt(String key) {
    return has(key) ? Optional.of(new JsonValue(node.get(key), this, key, faults)) : Optional.empty();
  }

  public JsonValue req(String key) {
    if (!has(key)) {
      throw faults.fault(Fault.MISSING, pointerOf(key), "json.missing", org.ratefloat.text.Message.values("key", key));
    }
    return new JsonValue(node.get(key), this, key, faults);
  }

  public String text(String key) {
    return req(key).asText();
  }

  public Optional<String> optText(String key) {
    return opt(key).map(JsonValue::asText);
  }

  public BigDecimal decimal(String key) {
    return req(key).asDecimal();
  }

  public Optional<BigDecimal> optDecimal(String key) {
    return opt(key).map(JsonValue::asDecimal);
  }

  public boolean bool(String key, boolean absent) {
    return opt(key).map(JsonValue::asBoolean).orElse(absent);
  }

  public LocalDate date(String key) {
    return req(key).asDate();
  }

  public Optional<LocalDate> optDate(String key) {
    return opt(key).map(JsonValue::asDate);
  }

  public JsonObject object(String key) {
    return req(key).asObject();
  }

  public Optional<JsonObject> optObject(String key) {
    return opt(key).map(JsonValue::asObject);
  }

  public List<JsonValue> array(String key) {
    return req(key).asArray();
  }

  public List<JsonValue> optArray(String key) {
    return opt(key).map(JsonValue::asArray).orElse(List.of());
  }

  /** A fault at a key of this object. */
  public org.ratefloat.error.RateFloatException fail(String key, Fault fault, String detail) {
    return faults.fault(fault, key.isEmpty() ? pointer() : pointerOf(key), detail);
  }

  /** A fault at {@code key} (the object itself if empty), told by a sentence of the message catalogue. */
  public org.ratefloat.error.RateFloatException failBy(String key, Fault fault, String messageKey,
      Object... namesAndValues) {
    return faults.fault(fault, key.isEmpty() ? pointer() : pointerOf(key), messageKey,
        org.ratefloat.text.Message.values(namesAndValues));
  }

  /** Refuses keys that no accessor asked for. */
  public void finish() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw faults.fault(Fault.UNKNOWN_KEY, pointerOf(key), "json.unknownKey", org.ratefloat.text.Message.values("key", key));
      }
    }
  }
}
