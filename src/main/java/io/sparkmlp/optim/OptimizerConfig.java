package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkmlp.util.Checks;
import io.sparkmlp.util.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code compile.optimizer}: a Keras name ({@code adam}) or a map with {@code name} and the
 * optimizer's settings under Keras's names ({@code learning_rate}, {@code beta_1},
 * {@code clipnorm}, a schedule as {@code {class_name: ExponentialDecay, config: {...}}}).
 * The settings bind to the optimizer's settings record ({@code Adam.Settings}, ...), which
 * defaults and checks them; once loaded, {@code settings} is the optimizer's full config,
 * defaults included.
 *
 * <p>Numbers in the settings are normalised to Long (integral types) and Double (the others),
 * so a config read back from YAML equals the one written, whichever width YAML chose.
 *
 * @param name the canonical Keras name ({@link Optimizers#NAMES})
 * @param settings the optimizer's config, as {@link Optimizer#config()} writes it
 */
public record OptimizerConfig(String name, Map<String, Object> settings) {

  public OptimizerConfig {
    settings = normalised(settings == null ? Map.of() : settings);
  }

  /**
   * The optimizer a configuration names: a bare name, or a map of {@code name} and settings,
   * checked by building the optimizer and kept as its full config.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static OptimizerConfig of(JsonNode node) {
    String name = node.isObject() ? node.path("name").asText(null) : node.asText(null);
    Checks.argument(node.isObject() || node.isValueNode() && !node.isNull(),
        "must be a name or a map of name and settings");
    Checks.setting(name != null, "name", "is required: one of %s",
        String.join(", ", Optimizers.NAMES));
    Map<String, Object> settings = new LinkedHashMap<>();
    if (node instanceof ObjectNode map) {
      map.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("name")) {
          settings.put(e.getKey(), Json.yaml().convertValue(e.getValue(), Object.class));
        }
      });
    }
    Minimizer optimizer = Optimizers.fromConfig(name, settings);
    return new OptimizerConfig(optimizer.name(), optimizer.config());
  }

  /** A bare name when there are no settings, else {@code {name: ..., settings...}}. */
  @JsonValue
  Object yaml() {
    if (settings.isEmpty()) {
      return name;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", name);
    map.putAll(settings);
    return map;
  }

  /** The optimizer these settings describe. */
  public Minimizer build() {
    return Optimizers.fromConfig(name, settings);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> normalised(Map<String, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (v != null) {  // an unset option: the same as leaving the key out
        out.put(k, normalised(v));
      }
    });
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  private static Object normalised(Object v) {
    if (v instanceof Map<?, ?> m) {
      return normalised((Map<String, ?>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(item -> out.add(normalised(item)));
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float || v instanceof Double || v instanceof BigDecimal) {
      return ((Number) v).doubleValue();
    }
    return v;
  }
}
