package io.sparkmlp.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkmlp.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies command-line overrides ({@code fit.epochs=3}, {@code model.layers[0].units=128},
 * {@code compile.metrics=[accuracy, mse]}) to a YAML tree before it is bound, so an overridden
 * value is checked exactly like one in the file and its errors name the override.
 *
 * <p>Each value is read as YAML: {@code 3} is a number, {@code true} a boolean, {@code [a, b]}
 * a list, {@code null} unsets the key (its default applies). Sections on the way are created
 * when missing; list items must exist. A bare name on the way becomes {@code {name: <it>}}, so
 * {@code compile.optimizer.learning_rate=0.01} works when the file says {@code optimizer: adam}.
 */
final class Overrides {
  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  private Overrides() {}

  /** Applies every override to tree, in the map's order. */
  static void apply(YamlTree tree, Map<String, String> overrides) {
    if (tree.root != null && !tree.root.isObject()) {
      return;  // not a configuration at all: binding says so
    }
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      String key = o.getKey().trim();
      String text = o.getValue() == null ? "" : o.getValue();
      Where where = Where.override(key, text);
      JsonNode value;
      try {
        value = Json.yaml().readTree(text);
      } catch (JacksonException e) {
        throw new ConfigException(where, key, "not valid YAML: " + e.getOriginalMessage());
      }
      if (value == null || value.isMissingNode()) {
        value = NullNode.instance;
      }
      tree.root = set(tree.root, steps(key, where), 0, value, where, "", tree);
      tree.place(key, where);
    }
  }

  /** "a.b[2].c" as ["a", "b", 2, "c"]. */
  private static List<Object> steps(String key, Where where) {
    List<Object> steps = new ArrayList<>();
    for (String part : key.split("\\.", -1)) {
      Matcher m = STEP.matcher(part);
      if (!m.matches()) {
        throw new ConfigException(where, key, "'" + key + "' is not a key path such as "
            + "fit.epochs or model.layers[0].units");
      }
      steps.add(m.group(1));
      Matcher i = INDEX.matcher(m.group(2));
      while (i.find()) {
        steps.add(Integer.parseInt(i.group(1)));
      }
    }
    return steps;
  }

  /** node with value placed at steps[i..]; returns what takes node's place in its parent. */
  private static JsonNode set(JsonNode node, List<Object> steps, int i, JsonNode value,
                              Where where, String done, YamlTree tree) {
    if (i == steps.size()) {
      return value;
    }
    if (steps.get(i) instanceof String k) {
      ObjectNode map = asMap(node, where, done, tree);
      map.set(k, set(map.get(k), steps, i + 1, value, where, YamlTree.join(done, k), tree));
      return map;
    }
    int index = (Integer) steps.get(i);
    if (!(node instanceof ArrayNode list)) {
      throw new ConfigException(where, done, done + " is not a list, so it has no [" + index
          + "]");
    }
    if (index >= list.size()) {
      throw new ConfigException(where, done, done + " has " + list.size()
          + " items, so it has no [" + index + "]");
    }
    String item = done + "[" + index + "]";
    list.set(index, set(list.get(index), steps, i + 1, value, where, item, tree));
    return list;
  }

  private static ObjectNode asMap(JsonNode node, Where where, String done, YamlTree tree) {
    if (node instanceof ObjectNode m) {
      return m;
    }
    if (node == null || node.isNull()) {
      if (!done.isEmpty()) {
        tree.place(done, where);
      }
      return JsonNodeFactory.instance.objectNode();
    }
    if (node.isValueNode()) {
      return JsonNodeFactory.instance.objectNode().set("name", node);
    }
    throw new ConfigException(where, done, done + " is a list; choose an item, as in "
        + done + "[0]");
  }
}
