package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.sparkmlp.model.Layer;
import io.sparkmlp.optim.OptimizerConfig;
import io.sparkmlp.util.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys of a configuration record as Jackson binds them, for error messages ("allowed: ...")
 * and the reference: name, required-ness and description from Jackson's introspection, and the
 * default from the record's {@code DEFAULT_<COMPONENT>} constant ({@code numPartitions}:
 * {@code DEFAULT_NUM_PARTITIONS}). A {@code @JsonIgnore}d component is no key.
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

  /** The keys of a record, in declaration order, as Jackson binds them. */
  static List<Key> of(Class<?> record) {
    List<Key> keys = new ArrayList<>();
    BeanDescription d = describe(record);
    for (BeanPropertyDefinition p : d.findProperties()) {
      if (d.getIgnoredPropertyNames().contains(p.getInternalName())) {
        continue;  // Jackson (2.21) still lists an ignored record component
      }
      JavaType t = p.getPrimaryType();
      boolean list = t.isCollectionLikeType();
      String snake = PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(
          p.getInternalName());
      keys.add(new Key(p.getName(), p.getInternalName(),
          Objects.requireNonNullElse(p.getMetadata().getDescription(), ""),
          p.isRequired(), (list ? t.getContentType() : t).getRawClass(), list,
          constant(record, "DEFAULT_" + snake.toUpperCase(Locale.ROOT))));
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
    return describe(record).getIgnoredPropertyNames().stream()
        .map(PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE::translate)
        .collect(Collectors.toSet());
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

  private static BeanDescription describe(Class<?> record) {
    ObjectMapper m = Json.yaml();
    BeanDescription d = m.getDeserializationConfig().introspect(m.constructType(record));
    d.findProperties();  // collects the ignored names as well
    return d;
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
