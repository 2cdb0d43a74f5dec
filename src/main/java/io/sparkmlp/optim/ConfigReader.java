package io.sparkmlp.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Keras-style config map (as parsed from JSON or YAML) into typed values and then
 * rejects the keys nobody asked for.
 *
 * <p>Numbers may arrive as any {@link Number} (Jackson gives Integer, Long or Double depending
 * on how the value was written) or as a numeric string, because YAML 1.1 parsers read
 * {@code 1e-3} (no decimal point) as a string. A null value counts as absent, as Keras writes
 * {@code None} for unset options. Every key read, found or not, becomes one of the allowed keys
 * listed by {@link #finish()}, so the error names exactly the keys the reader understands.
 */
final class ConfigReader {
  private final String owner;
  private final Map<String, ?> config;
  private final Set<String> allowed = new LinkedHashSet<>();

  /** {@code owner} prefixes every message ("adam", "ExponentialDecay"); a null config is empty. */
  ConfigReader(String owner, Map<String, ?> config) {
    this.owner = owner;
    this.config = config == null ? Map.of() : config;
  }

  /** The raw value (null when absent), marking the key as allowed. */
  Object raw(String key) {
    allowed.add(key);
    return config.get(key);
  }

  /** A number, or {@code fallback} when the key is absent. */
  double number(String key, double fallback) {
    Object v = raw(key);
    return v == null ? fallback : toDouble(key, v);
  }

  /** A number that must be present. */
  double requiredNumber(String key) {
    return toDouble(key, required(key));
  }

  /** An integral number that must be present ({@code 1000} and {@code 1000.0} both read 1000). */
  long requiredInteger(String key) {
    Object v = required(key);
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    double d = toDouble(key, v);
    if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
      throw new IllegalArgumentException(String.format(
          "%s %s must be an integer, got %s", owner, key, v));
    }
    return (long) d;
  }

  /** A boolean (or the string true/false), or {@code fallback} when the key is absent. */
  boolean bool(String key, boolean fallback) {
    Object v = raw(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof String && ("true".equalsIgnoreCase((String) v)
        || "false".equalsIgnoreCase((String) v))) {
      return Boolean.parseBoolean((String) v);
    }
    throw new IllegalArgumentException(String.format(
        "%s %s must be true or false, got %s", owner, key, describe(v)));
  }

  /** A string that must be present. */
  String requiredString(String key) {
    Object v = required(key);
    if (!(v instanceof String)) {
      throw new IllegalArgumentException(String.format(
          "%s %s must be a string, got %s", owner, key, describe(v)));
    }
    return (String) v;
  }

  /** A nested map (string keys) that must be present. */
  Map<String, Object> requiredMap(String key) {
    return toMap(key, required(key));
  }

  /** Converts a value already fetched with {@link #raw} into a nested map with string keys. */
  Map<String, Object> toMap(String key, Object v) {
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException(String.format(
          "%s %s must be a map, got %s", owner, key, describe(v)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
      out.put(String.valueOf(e.getKey()), e.getValue());
    }
    return out;
  }

  /** Converts a value already fetched with {@link #raw} into a double. */
  double toDouble(String key, Object v) {
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof String) {
      try {
        return Double.parseDouble(((String) v).trim());
      } catch (NumberFormatException e) {
        // falls through to the common message below
      }
    }
    throw new IllegalArgumentException(String.format(
        "%s %s must be a number, got %s", owner, key, describe(v)));
  }

  /** Throws when the config holds keys that were never read, naming them and the allowed ones. */
  void finish() {
    List<String> unknown = new ArrayList<>();
    for (String key : config.keySet()) {
      if (!allowed.contains(key)) {
        unknown.add("'" + key + "'");
      }
    }
    if (!unknown.isEmpty()) {
      Collections.sort(unknown);
      throw new IllegalArgumentException(String.format(
          "unknown key%s %s in %s config; expected one of: %s",
          unknown.size() == 1 ? "" : "s", String.join(", ", unknown), owner,
          String.join(", ", allowed)));
    }
  }

  private Object required(String key) {
    Object v = raw(key);
    if (v == null) {
      throw new IllegalArgumentException(String.format(
          "%s config needs %s (present: %s)", owner, key, config.keySet()));
    }
    return v;
  }

  private static String describe(Object v) {
    return v instanceof String
        ? "'" + v + "' (a string)"
        : v + " (" + v.getClass().getSimpleName() + ")";
  }
}
