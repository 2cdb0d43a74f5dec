package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.sparkmlp.util.Json;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a Keras-style config map (as parsed from JSON or YAML) to an optimizer's or schedule's
 * config record with the shared mapper ({@link Json}), and words its failures as
 * {@code "adam beta_1 must be a number, got 'x' (a string)"}. Numbers may be any
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
      if (e.getCause() instanceof ValueInstantiationException v
          && v.getCause() instanceof IllegalArgumentException check) {
        throw check;
      }
      if (!(e.getCause() instanceof JsonMappingException m)) {
        throw e;
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
