package io.sparkmlp.cli;

import io.sparkmlp.cli.ConfigSchema.Field;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.Optimizers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds a YAML tree to the section records, strictly: every key must be one the record declares
 * ({@link Key}), every value must convert to the key's type and lie within its limits, names
 * must be known to the runtime. Keys left out take their declared defaults, which go through
 * the same conversion. Each mistake is one {@link ConfigException} naming file, line and key.
 * Where every key path was written is recorded in {@link Locations} for later checks.
 */
final class ConfigBinder {
  private static final String TYPE_KEY = "type";

  private final Locations locations;

  ConfigBinder(Locations locations) {
    this.locations = locations;
  }

  /** The run a whole file describes; file is where to point for an empty one. */
  RunConfig bindRun(YamlNode root, Where file) {
    if (YamlNode.isNull(root)) {
      throw new ConfigException(file, "", "the file is empty; a run needs at least the "
          + "sections " + requiredKeys(RunConfig.class));
    }
    if (!(root instanceof YamlNode.MapNode map)) {
      throw new ConfigException(root.where(), "", "the file must be a map of sections ("
          + keyNames(RunConfig.class) + "), got " + root.describe());
    }
    return section(RunConfig.class, map, "", file);
  }

  /** A section record (or, for a sealed type, the variant its {@code type} key selects). */
  private <T> T section(Class<T> type, YamlNode.MapNode node, String path, Where where) {
    locations.put(path, where);
    Class<?> record = type;
    // "in fit", "in model.layers[0] (dense)", "at the top level": ends every message below.
    String label = path.isEmpty() ? "at the top level" : "in " + path;
    List<String> allowed = new ArrayList<>();
    if (type.isSealed()) {
      record = variant(type, node, path, where);
      label += " (" + ConfigSchema.variantName(record) + ")";
      allowed.add(TYPE_KEY);
    }
    List<Field> fields = ConfigSchema.fields(record);
    fields.forEach(f -> allowed.add(f.name()));
    for (Map.Entry<String, Where> key : node.keys().entrySet()) {
      if (!allowed.contains(key.getKey())) {
        throw new ConfigException(key.getValue(), join(path, key.getKey()), String.format(
            "unknown key '%s' %s; allowed: %s", key.getKey(), label,
            String.join(", ", allowed)));
      }
    }
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      Where keyWhere = node.keys().getOrDefault(f.name(), where);
      values[i] = value(f, node.entries().get(f.name()), join(path, f.name()), keyWhere, label);
    }
    return type.cast(ConfigSchema.construct(record, values));
  }

  private Class<?> variant(Class<?> sealed, YamlNode.MapNode node, String path, Where where) {
    List<Class<?>> variants = ConfigSchema.variants(sealed);
    String names = variants.stream().map(ConfigSchema::variantName)
        .collect(Collectors.joining(", "));
    YamlNode type = node.entries().get(TYPE_KEY);
    String typePath = join(path, TYPE_KEY);
    if (YamlNode.isNull(type)) {
      throw new ConfigException(where, typePath, typePath + " is required: one of " + names);
    }
    String name = Scalars.toText(type, typePath).trim().toLowerCase(Locale.ROOT);
    for (Class<?> v : variants) {
      if (ConfigSchema.variantName(v).equals(name)) {
        locations.put(typePath, type.where());
        return v;
      }
    }
    throw Scalars.failOneOf(type, typePath, names);
  }

  private Object value(Field f, YamlNode node, String path, Where where, String inSection) {
    if (YamlNode.isNull(node)) {
      if (f.required()) {
        throw new ConfigException(where, path, path + " is required " + inSection);
      }
      node = YamlReader.parseValue(f.key().defaultValue(), Where.DEFAULT);
      if (YamlNode.isNull(node)) {
        return null;
      }
    }
    locations.put(path, node instanceof YamlNode.Scalar ? node.where() : where);
    return switch (f.kind()) {
      case INTEGER -> (int) inRange(f, node, path, Scalars.toInt(node, path));
      case LONG -> (long) inRange(f, node, path, Scalars.toLong(node, path));
      case NUMBER -> inRange(f, node, path, Scalars.toDouble(node, path));
      case BOOLEAN -> Scalars.toBoolean(node, path);
      case STRING -> string(f, node, path);
      case ENUM -> enumValue(f, node, path);
      case STRING_LIST -> stringList(f, node, path);
      case SECTION -> section(f.type(), map(node, path), path, where);
      case SECTION_LIST -> sectionList(f, node, path);
      case OPTIMIZER -> optimizer(node, path, where);
    };
  }

  private static double inRange(Field f, YamlNode node, String path, double v) {
    Range range = Range.parse(f.key().range());
    if (!range.contains(v)) {
      throw Scalars.fail(node, path, range.mustBe());
    }
    return v;
  }

  private static String string(Field f, YamlNode node, String path) {
    String s = Scalars.toText(node, path);
    List<String> oneOf = List.of(f.key().oneOf());
    if (!oneOf.isEmpty() && !oneOf.contains(s)) {
      throw Scalars.failOneOf(node, path, String.join(", ", oneOf));
    }
    try {
      return f.key().names().canonical(s);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(node.where(), path, path + ": " + e.getMessage());
    }
  }

  private static Object enumValue(Field f, YamlNode node, String path) {
    String s = Scalars.toText(node, path).trim();
    for (Object constant : f.type().getEnumConstants()) {
      if (((Enum<?>) constant).name().equalsIgnoreCase(s)) {
        return constant;
      }
    }
    throw Scalars.failOneOf(node, path, enumNames(f.type()));
  }

  private List<String> stringList(Field f, YamlNode node, String path) {
    if (node instanceof YamlNode.Scalar) {
      return List.of(string(f, node, path));  // "metrics: accuracy" is a list of one
    }
    List<String> out = new ArrayList<>();
    for (YamlNode item : list(node, path).items()) {
      String itemPath = path + "[" + out.size() + "]";
      locations.put(itemPath, item.where());
      if (YamlNode.isNull(item)) {
        throw Scalars.fail(item, itemPath, "must be a string");
      }
      out.add(string(f, item, itemPath));
    }
    return out;
  }

  private List<Object> sectionList(Field f, YamlNode node, String path) {
    List<Object> out = new ArrayList<>();
    for (YamlNode item : list(node, path).items()) {
      String itemPath = path + "[" + out.size() + "]";
      out.add(section(f.type(), map(item, itemPath), itemPath, item.where()));
    }
    return out;
  }

  /**
   * A Keras name ({@code adam}) or a map with {@code name} and the optimizer's settings; the
   * settings are checked by building the optimizer, and kept as its full config so that the
   * resolved configuration shows every hyperparameter.
   */
  private OptimizerConfig optimizer(YamlNode node, String path, Where where) {
    String name;
    Map<String, Object> settings = new LinkedHashMap<>();
    if (node instanceof YamlNode.MapNode map) {
      String namePath = join(path, "name");
      YamlNode nameNode = map.entries().get("name");
      if (YamlNode.isNull(nameNode)) {
        throw new ConfigException(where, namePath, namePath + " is required: one of "
            + String.join(", ", Optimizers.NAMES));
      }
      name = Scalars.toText(nameNode, namePath);
      map.entries().forEach((k, v) -> {
        if (!k.equals("name")) {
          settings.put(k, plain(v));
        }
      });
    } else {
      name = Scalars.toText(node, path);
    }
    try {
      Optimizer optimizer = Optimizers.fromConfig(name, settings);
      return new OptimizerConfig(optimizer.name(), optimizer.config());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where, path, path + ": " + e.getMessage());
    }
  }

  /** A YAML tree as plain Java maps, lists and scalars, as {@link Optimizers} reads configs. */
  private static Object plain(YamlNode node) {
    if (node instanceof YamlNode.MapNode m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.entries().forEach((k, v) -> out.put(k, plain(v)));
      return out;
    }
    if (node instanceof YamlNode.ListNode l) {
      return l.items().stream().map(ConfigBinder::plain).toList();
    }
    return ((YamlNode.Scalar) node).value();
  }

  private static YamlNode.MapNode map(YamlNode node, String path) {
    if (node instanceof YamlNode.MapNode m) {
      return m;
    }
    throw Scalars.fail(node, path, "must be a map of keys");
  }

  private static YamlNode.ListNode list(YamlNode node, String path) {
    if (node instanceof YamlNode.ListNode l) {
      return l;
    }
    throw Scalars.fail(node, path, "must be a list");
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** An enum's constants as the configuration writes them: lower case. */
  static String enumNames(Class<?> enumType) {
    StringBuilder sb = new StringBuilder();
    for (Object c : enumType.getEnumConstants()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }

  private static String keyNames(Class<?> record) {
    return ConfigSchema.fields(record).stream().map(Field::name)
        .collect(Collectors.joining(", "));
  }

  private static String requiredKeys(Class<?> record) {
    return ConfigSchema.fields(record).stream().filter(Field::required).map(Field::name)
        .collect(Collectors.joining(", "));
  }
}
