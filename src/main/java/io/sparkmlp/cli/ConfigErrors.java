package io.sparkmlp.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.sparkmlp.model.Layer;
import io.sparkmlp.spark.source.DataSourceConfig;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns Jackson's exceptions into one line naming the file, the line, the key path and what is
 * allowed: {@code conf/x.yaml line 9: model.layers[0].units must be an integer, got 'sixty'}.
 * A record's own check ({@code IllegalArgumentException} from its compact constructor) starts
 * with the key it is about ("batch_size must be >= 1, got 0"); it is placed at that key.
 */
final class ConfigErrors {
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|key) '(.*?)'");
  private static final Pattern MISSING = Pattern.compile("Missing required creator property "
      + "'(.*?)'");
  private static final Pattern KEY = Pattern.compile("(\\w+)((?:\\[\\d+])*)([ :].*)",
      Pattern.DOTALL);
  private static final Pattern MALFORMED = Pattern.compile("Malformed numeric value '(.*?)'");
  private static final Pattern NON_FINITE = Pattern.compile("(?i)[-+]?\\.?(inf|infinity|nan)");

  private ConfigErrors() {}

  /** The one-line message for e, a failure to read or bind tree. */
  static ConfigException translate(JacksonException e, YamlTree tree) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        return new ConfigException(new Where(tree.file.source(), m.getProblemMark().getLine()
            + 1), "", "not valid YAML: " + firstLine(m.getProblem()));
      }
    }
    String path = e instanceof JsonMappingException m ? path(m) : "";
    if (e instanceof UnrecognizedPropertyException u) {
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
      return recordCheck(tree, path, v.getType().getRawClass(), iae.getMessage());
    }
    Matcher missing = MISSING.matcher(e.getOriginalMessage());
    if (missing.find()) {
      String section = path.endsWith(missing.group(1)) ? YamlTree.parent(path) : path;
      String key = YamlTree.join(section, missing.group(1));
      return error(tree, key, key + " is required " + label(tree, section, null));
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
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return mismatch(tree, path, m.getTargetType());
    }
    if (e instanceof JsonMappingException) {
      return error(tree, path, (path.isEmpty() ? "" : path + ": ") + firstLine(
          e.getOriginalMessage()));
    }
    Matcher malformed = MALFORMED.matcher(e.getOriginalMessage());
    if (malformed.find() && NON_FINITE.matcher(malformed.group(1)).matches()
        && e.getProcessor() instanceof JsonParser p) {
      path = YamlTree.path(p.getParsingContext());
      return error(tree, path, path + " must be a finite number, got '" + malformed.group(1)
          + "'");
    }
    Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    Where where = line > 0 ? new Where(tree.file.source(), line) : tree.file;
    if (duplicate.find() && e.getProcessor() instanceof JsonParser p) {
      String section = YamlTree.path(p.getParsingContext().getParent());
      String key = YamlTree.join(section, duplicate.group(1));
      return new ConfigException(where, key, String.format("duplicate key '%s' %s (first at "
          + "line %d)", duplicate.group(1), label(tree, section, null), tree.at(key).line()));
    }
    return new ConfigException(where, "", "not valid YAML: "
        + firstLine(e.getOriginalMessage()));
  }

  /** "unknown key 'k' in section; allowed: ..." for a key that record does not have. */
  static ConfigException unknownKey(YamlTree tree, String section, String key, Class<?> record) {
    return error(tree, YamlTree.join(section, key), String.format("unknown key '%s' %s; "
        + "allowed: %s", key, label(tree, section, record), String.join(", ",
        ConfigKeys.names(record))));
  }

  /** A record's own check; its message starts with the key it is about, when it is one. */
  private static ConfigException recordCheck(YamlTree tree, String path, Class<?> record,
                                             String message) {
    Matcher m = KEY.matcher(message);
    // The runtime's records name their components in camelCase: batchSize is batch_size.
    String key = m.matches() ? SnakeCaseStrategy.INSTANCE.translate(m.group(1)) : "";
    if (ConfigKeys.names(record).contains(key)) {
      String keyPath = YamlTree.join(path, key) + m.group(2);
      return error(tree, keyPath, keyPath + m.group(3));
    }
    return error(tree, path, (path.isEmpty() ? "" : path + ": ") + message);
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

  private static String firstLine(String s) {
    if (s == null) {
      return "(no detail)";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
