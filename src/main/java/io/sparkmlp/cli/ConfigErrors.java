package io.sparkmlp.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.sparkmlp.model.Layer;
import io.sparkmlp.spark.source.DataSourceConfig;
import io.sparkmlp.util.IllegalSettingException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns Jackson's exceptions into one line naming the file, the line, the key path and what is
 * allowed: {@code conf/x.yaml line 9: model.layers[0].units must be an integer, got 'sixty'}.
 * A mistake is placed by the exception's type and its path (or, for broken YAML, the parser's
 * location), never by reading Jackson's message. A record's own check throws
 * {@link IllegalSettingException} naming its component; it is placed at that component's key.
 */
final class ConfigErrors {
  /** Values YAML means as infinite or not a number, which no setting takes. */
  private static final Pattern NON_FINITE = Pattern.compile("(?i)[-+]?\\.?(inf|infinity|nan)");
  /** Keys that have moved to another section, by their old path: the new path. */
  private static final Map<String, String> MOVED = Map.of(
      "fit.sync_every", "distributed.sync_every",
      "data.partitions", "distributed.partitions",
      "spark.tree_depth", "distributed.tree_depth",
      "fit.early_stopping", "callbacks.early_stopping",
      "fit.target_loss", "callbacks.target_loss");

  private ConfigErrors() {}

  /** The one-line message for e, a failure to read or bind tree. */
  static ConfigException translate(JacksonException e, YamlTree tree) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        return new ConfigException(new Where(tree.file.source(), m.getProblemMark().getLine()
            + 1), "", "not valid YAML: " + firstLine(m.getProblem()));
      }
    }
    if (!(e instanceof JsonMappingException m)) {
      return unreadable(e, tree, e.getProcessor() instanceof JsonParser p ? p : null);
    }
    String path = path(m);
    if (e instanceof PropertyBindingException u) {  // unknown, or only code may set it
      return unknownKey(tree, YamlTree.parent(path), u.getPropertyName(), u.getReferringClass());
    }
    if (e instanceof InvalidTypeIdException && tree.node(path) != null
        && !tree.node(path).isObject()) {
      return mustBe(tree, path, "must be a map of keys");
    }
    if (e instanceof InvalidTypeIdException t) {
      // A source's record is selected by data.format, a layer's by its own type key.
      boolean source = t.getBaseType().getRawClass() == DataSourceConfig.class;
      String typePath = source ? YamlTree.join(YamlTree.parent(path), DataSourceConfig.FORMAT_KEY)
          : YamlTree.join(path, Layer.TYPE_KEY);
      String names = ConfigKeys.variants(t.getBaseType().getRawClass()).stream()
          .map(ConfigKeys::typeName).collect(Collectors.joining(", "));
      return t.getTypeId() == null
          ? error(tree, typePath, typePath + " is required: one of " + names)
          : error(tree, typePath, typePath + " must be one of " + names + "; got '"
              + t.getTypeId() + "'");
    }
    if (e instanceof ValueInstantiationException v
        && v.getCause() instanceof IllegalArgumentException iae) {
      return recordCheck(tree, path, v.getType().getRawClass(), iae);
    }
    if (e instanceof MismatchedInputException && !path.isEmpty() && tree.node(path) == null) {
      // Jackson's path names the required key that the tree does not hold.
      String section = YamlTree.parent(path);
      return error(tree, path, path + " is required " + label(tree, section, null));
    }
    InputCoercionException range = cause(e, InputCoercionException.class);
    if (range != null) {
      if (path.isEmpty() && range.getProcessor() != null) {
        path = YamlTree.path(range.getProcessor().getParsingContext());
      }
      boolean isLong = range.getTargetType() == long.class || range.getTargetType() == Long.class;
      return mustBe(tree, path, "must be an integer that fits in " + (isLong ? 64 : 32)
          + " bits");
    }
    if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
      return mismatch(tree, path, mi.getTargetType());
    }
    // Our own deserializers' words (sync_every), or Jackson's, after the key path.
    return error(tree, path, (path.isEmpty() ? "" : path + ": ") + firstLine(
        e.getOriginalMessage()));
  }

  /**
   * YAML that does not parse: a number that no setting takes (.inf, as the parser p stands on
   * it), or the parser's own words.
   */
  static ConfigException unreadable(JacksonException e, YamlTree tree, JsonParser p) {
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    Where where = line > 0 ? new Where(tree.file.source(), line) : tree.file;
    if (p != null && p.currentToken() != null && p.currentToken().isNumeric()
        && NON_FINITE.matcher(text(p)).matches()) {
      String path = YamlTree.path(p.getParsingContext());
      return error(tree, path, path + " must be a finite number, got '" + text(p) + "'");
    }
    return new ConfigException(where, "", "not valid YAML: "
        + firstLine(e.getOriginalMessage()));
  }

  /** "duplicate key 'k' in section (first at line n)": found by the tree as it reads keys. */
  static ConfigException duplicateKey(YamlTree tree, Where where, String section, String key) {
    String path = YamlTree.join(section, key);
    return new ConfigException(where, path, String.format("duplicate key '%s' %s (first at "
        + "line %d)", key, label(tree, section, null), tree.at(path).line()));
  }

  /**
   * "unknown key 'k' in section; allowed: ...", the record's keys in order; or, for a key that
   * has moved to another section, where it is now.
   */
  private static ConfigException unknownKey(YamlTree tree, String section, String key,
                                            Class<?> record) {
    String path = YamlTree.join(section, key);
    if (MOVED.containsKey(path)) {
      return error(tree, path, path + ": moved to " + MOVED.get(path));
    }
    return error(tree, path, String.format("unknown key '%s' %s; allowed: %s", key,
        label(tree, section, record), String.join(", ", ConfigKeys.names(record))));
  }

  /**
   * A record's own check: at the key of the component it names, or at the record's section
   * when it names none.
   */
  private static ConfigException recordCheck(YamlTree tree, String path, Class<?> record,
                                             IllegalArgumentException e) {
    String key = e instanceof IllegalSettingException s
        ? ConfigKeys.keyOf(record, s.component()) : null;
    if (key == null) {
      return error(tree, path, (path.isEmpty() ? "" : path + ": ") + e.getMessage());
    }
    IllegalSettingException s = (IllegalSettingException) e;
    String keyPath = YamlTree.join(path, key);
    return error(tree, keyPath + (s.index() >= 0 ? "[" + s.index() + "]" : ""),
        s.messageFor(keyPath));
  }

  /** A value of the wrong shape for its key's type. */
  private static ConfigException mismatch(YamlTree tree, String path, Class<?> type) {
    JsonNode node = tree.node(path);
    if (type.isEnum()) {
      String names = Arrays.stream(type.getEnumConstants())
          .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(", "));
      return error(tree, path, path + " must be one of " + names + "; got "
          + YamlTree.describe(node));
    }
    boolean number = type == double.class || type == Double.class || type == float.class
        || type == Float.class;
    if (number && node != null && node.isTextual()
        && NON_FINITE.matcher(node.asText().trim()).matches()) {
      return mustBe(tree, path, "must be a finite number");
    }
    String expected = number ? "a number"
        : type == int.class || type == Integer.class || type == long.class || type == Long.class
            ? "an integer"
        : type == boolean.class || type == Boolean.class ? "true or false"
        : type == String.class ? "a string"
        : Collection.class.isAssignableFrom(type) ? "a list"
        : Map.class.isAssignableFrom(type) || type.isRecord() || type.isInterface()
            ? "a map of keys"
        : "a " + type.getSimpleName();
    return mustBe(tree, path, "must be " + expected);
  }

  private static ConfigException mustBe(YamlTree tree, String path, String mustBe) {
    return error(tree, path, path + " " + mustBe + ", got " + YamlTree.describe(tree.node(path)));
  }

  private static ConfigException error(YamlTree tree, String path, String problem) {
    return new ConfigException(tree.at(path), path, problem);
  }

  /**
   * "in fit", "in model.layers[0] (dense)", "in data.train (npy)", "at the top level"; the
   * variant from the record when known, else from the tree.
   */
  private static String label(YamlTree tree, String section, Class<?> record) {
    if (section.isEmpty()) {
      return "at the top level";
    }
    String variant = record == null ? "" : ConfigKeys.typeName(record);
    for (String key : new String[] {Layer.TYPE_KEY, DataSourceConfig.FORMAT_KEY}) {
      JsonNode type = tree.node(YamlTree.join(section, key));
      if (variant.isEmpty() && type != null && type.isTextual() && !section.equals("data")) {
        variant = type.asText();
      }
    }
    return "in " + section + (variant.isEmpty() ? "" : " (" + variant + ")");
  }

  /** The key path of a binding failure: {@code model.layers[0].units}. */
  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static <T> T cause(Throwable e, Class<T> type) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /** The token's text as written, or "" when the parser cannot give it. */
  private static String text(JsonParser p) {
    try {
      return p.getText();
    } catch (IOException unreadable) {
      return "";
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "(no detail)";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
