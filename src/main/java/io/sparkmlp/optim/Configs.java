package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.sparkmlp.util.Json;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a Keras-style config map (as parsed from JSON or YAML) to an optimizer's settings
 * record or a schedule's config record with the shared mapper ({@link Json}), and words its
 * failures as {@code "adam beta_1 must be a number, got 'x' (a string)"}: a record's checks
 * name the key, and the owner goes in front. Numbers may be any
 * {@link Number} or a numeric string (YAML 1.1 reads {@code 1e-3} as a string); a null value
 * counts as absent, as Keras writes {@code None} for unset options.
 */
final class Configs {
  private static final Pattern MISSING = Pattern.compile("Missing required creator property "
      + "'(.*?)'");

  private Configs() {}

  /** The config record of type that config describes; owner prefixes every message. */
  static <T extends Record> T bind(String owner, Map<String, ?> config, Class<T> type) {
    Map<String, ?> c = config == null ? Map.of() : config;
    List<String> allowed = keys(type);
    List<String> unknown = c.keySet().stream().filter(k -> !allowed.contains(k))
        .map(k -> "'" + k + "'").sorted().toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(String.format("unknown key%s %s in %s config; expected "
          + "one of: %s", unknown.size() == 1 ? "" : "s", String.join(", ", unknown), owner,
          String.join(", ", allowed)));
    }
    try {
      return Json.json().convertValue(c, type);
    } catch (IllegalArgumentException e) {
      if (!(e.getCause() instanceof JsonMappingException m)) {
        throw e;
      }
      if (m instanceof ValueInstantiationException
          && m.getCause() instanceof IllegalArgumentException check) {
        // The record's compact constructor: its message names the key, this adds the owner.
        throw new IllegalArgumentException(owner + " " + check.getMessage(), check);
      }
      if (m.getCause() instanceof IllegalArgumentException nested) {
        throw nested;  // a nested config's own error (a schedule's), already worded in full
      }
      Matcher missing = MISSING.matcher(m.getOriginalMessage());
      if (missing.find()) {
        throw new IllegalArgumentException(String.format("%s config needs %s (present: %s)",
            owner, missing.group(1), c.keySet()), e);
      }
      String key = m.getPath().isEmpty() ? "" : m.getPath().get(0).getFieldName();
      Class<?> target = m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
      String expected = target == Long.class || target == Integer.class ? "an integer"
          : target == Boolean.class ? "true or false" : target == String.class ? "a string"
          : target == Double.class ? "a number" : "valid";
      Object v = c.get(key);
      throw new IllegalArgumentException(String.format("%s %s must be %s, got %s", owner, key,
          expected, v instanceof String ? "'" + v + "' (a string)"
              : v + " (" + (v == null ? "null" : v.getClass().getSimpleName()) + ")"), e);
    }
  }

  /**
   * Reads {@code learning_rate} as configs give it: a number (or a numeric string) for a
   * constant rate, or a schedule nested as Keras nests it, {@code {"class_name": ...,
   * "config": {...}}}. A constant is checked by the settings record that takes it, so that its
   * error names the optimizer.
   */
  static final class LearningRateReader extends StdDeserializer<LearningRateSchedule> {
    private static final long serialVersionUID = 1L;

    LearningRateReader() {
      super(LearningRateSchedule.class);
    }

    /** A learning rate schedule in a config: its class name and its own config. */
    record Schedule(@JsonProperty(required = true) String className,
                    @JsonProperty(required = true) Map<String, Object> config) {}

    @Override
    @SuppressWarnings("unchecked")
    public LearningRateSchedule deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Object v = ctxt.readValue(p, Object.class);
      if (v instanceof Map<?, ?> map) {
        Schedule s = bind("learning_rate schedule", (Map<String, ?>) map, Schedule.class);
        return LearningRateSchedule.fromConfig(s.className(), s.config());
      }
      if (v instanceof Number n) {
        return ConstantSchedule.unchecked(n.doubleValue());
      }
      try {
        return ConstantSchedule.unchecked(Double.parseDouble(v.toString().trim()));
      } catch (NumberFormatException e) {
        throw MismatchedInputException.from(p, Double.class, "not a number: " + v);
      }
    }
  }

  /**
   * A count read as a number, so that {@code 1000} and {@code 1000.0} both read 1000 (JSON
   * writers differ); a fraction is an error.
   */
  static long whole(String owner, String key, double v) {
    if (v != Math.rint(v) || Math.abs(v) >= 0x1p63) {
      throw new IllegalArgumentException(String.format("%s %s must be an integer, got %s",
          owner, key, v));
    }
    return (long) v;
  }

  /** A record's keys as the mapper names them, in declaration order. */
  static List<String> keys(Class<?> type) {
    List<String> keys = new ArrayList<>();
    for (RecordComponent rc : type.getRecordComponents()) {
      JsonProperty p = rc.getAccessor().getAnnotation(JsonProperty.class);
      keys.add(p != null && !p.value().isEmpty() ? p.value()
          : SnakeCaseStrategy.INSTANCE.translate(rc.getName()));
    }
    return keys;
  }
}
