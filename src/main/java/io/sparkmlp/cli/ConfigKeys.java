package io.sparkmlp.cli;

import io.sparkmlp.optim.OptimizerConfig;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.sparkmlp.model.Layer;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a configuration record, read from the record itself, for error messages
 * ("allowed: ...") and the reference: the YAML name (snake_case, or the {@code @JsonProperty}
 * name), whether it is required ({@code @JsonProperty(required = true)}), its description
 * ({@code @JsonPropertyDescription}) and its default, the record's {@code DEFAULT_<COMPONENT>}
 * constant ({@code numPartitions}: {@code DEFAULT_NUM_PARTITIONS}). A {@code @JsonIgnore}d
 * component is no key. Each section is one record, so its keys are its components.
 */
final class ConfigKeys {
  private ConfigKeys() {}

  /**
   * One key.
   *
   * @param type the component's Java type; for lists, the item type
   * @param list whether the component is a list
   * @param defaultValue the DEFAULT_ constant, or null when the key has none
   */
  record Key(String name, String component, String doc, boolean required, Class<?> type,
             boolean list, Object defaultValue) {
    /** The type as the reference shows it. */
    String shown() {
      if (type == OptimizerConfig.class) {
        return "name or section";
      }
      if (type == Map.class) {
        return "map";
      }
      String one = type == Integer.class || type == Long.class ? "integer"
          : type == Double.class ? "number" : type == Boolean.class ? "boolean"
          : type == String.class || type.isEnum() ? "string" : "section";
      return list ? "list of " + (one.equals("section") ? "sections" : one + "s") : one;
    }
  }

  /** The keys of a record, in declaration order. */
  static List<Key> of(Class<?> record) {
    List<Key> keys = new ArrayList<>();
    for (RecordComponent c : record.getRecordComponents()) {
      Field field = fieldOf(record, c);
      if (field.isAnnotationPresent(JsonIgnore.class)) {
        continue;
      }
      JsonProperty p = field.getAnnotation(JsonProperty.class);
      String snake = PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(c.getName());
      String name = p != null && !p.value().isEmpty() ? p.value() : snake;
      JsonPropertyDescription d = field.getAnnotation(JsonPropertyDescription.class);
      boolean list = c.getType() == List.class;
      Class<?> type = list ? (Class<?>) ((ParameterizedType) c.getGenericType())
          .getActualTypeArguments()[0] : c.getType();
      keys.add(new Key(name, c.getName(), d == null ? "" : d.value(), p != null && p.required(),
          type, list, constant(record, "DEFAULT_" + snake.toUpperCase(Locale.ROOT))));
    }
    return keys;
  }

  /** The key names of a record, in order; a layer's {@code type} first. */
  static List<String> names(Class<?> record) {
    List<String> names = new ArrayList<>();
    if (Layer.class.isAssignableFrom(record)) {
      names.add(Layer.TYPE_KEY);
    }
    of(record).forEach(k -> names.add(k.name()));
    return names;
  }

  /** The YAML names of a record's {@code @JsonIgnore}d components: no keys. */
  static Set<String> ignored(Class<?> record) {
    Set<String> names = new HashSet<>();
    for (RecordComponent c : record.getRecordComponents()) {
      if (fieldOf(record, c).isAnnotationPresent(JsonIgnore.class)) {
        names.add(PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(c.getName()));
      }
    }
    return names;
  }

  /** The key of a record's component, or null when the component is no key. */
  static String keyOf(Class<?> record, String component) {
    return of(record).stream().filter(k -> k.component().equals(component)).map(Key::name)
        .findFirst().orElse(null);
  }

  /** The variants of a type-selected family (the layers), in declaration order. */
  static List<Class<?>> variants(Class<?> family) {
    JsonSubTypes sub = family.getAnnotation(JsonSubTypes.class);
    List<Class<?>> variants = new ArrayList<>();
    if (sub != null) {
      Arrays.stream(sub.value()).forEach(t -> variants.add(t.value()));
    }
    return variants;
  }

  /** The {@code type} value that selects a variant, or "" for a plain section. */
  static String typeName(Class<?> record) {
    JsonTypeName t = record.getAnnotation(JsonTypeName.class);
    return t == null ? "" : t.value();
  }

  private static Field fieldOf(Class<?> record, RecordComponent c) {
    try {
      return record.getDeclaredField(c.getName());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);  // a record has a field per component
    }
  }

  private static Object constant(Class<?> record, String name) {
    try {
      return record.getField(name).get(null);
    } catch (NoSuchFieldException e) {
      return null;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
