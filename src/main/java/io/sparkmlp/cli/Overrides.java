package io.sparkmlp.cli;

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

  /**
   * root with every override applied in the map's order; a new tree when root is empty. The
   * tree is changed in place.
   */
  static YamlNode apply(YamlNode root, Map<String, String> overrides, Where file) {
    if (root != null && !(root instanceof YamlNode.MapNode)) {
      return root;  // not a configuration at all: the binder says so
    }
    YamlNode tree = root;
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      String key = o.getKey().trim();
      String text = o.getValue() == null ? "" : o.getValue();
      Where where = Where.override(key, text);
      List<Object> steps = steps(key, where);
      YamlNode value = YamlReader.parseValue(text, where);
      tree = set(YamlNode.isNull(tree) ? new YamlNode.MapNode(file) : tree, steps, 0, value,
          where, "");
    }
    return tree;
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
  private static YamlNode set(YamlNode node, List<Object> steps, int i, YamlNode value,
                              Where where, String done) {
    if (i == steps.size()) {
      return value;
    }
    Object step = steps.get(i);
    if (step instanceof String k) {
      YamlNode.MapNode map = asMap(node, where, done);
      YamlNode child = map.entries().get(k);
      Where keyWhere = child == null ? where : map.keys().get(k);
      map.put(k, keyWhere, set(child, steps, i + 1, value, where, ConfigBinder.join(done, k)));
      return map;
    }
    int index = (Integer) step;
    if (!(node instanceof YamlNode.ListNode list)) {
      throw new ConfigException(where, done, done + " is not a list, so it has no [" + index
          + "]");
    }
    if (index >= list.items().size()) {
      throw new ConfigException(where, done, done + " has " + list.items().size()
          + " items, so it has no [" + index + "]");
    }
    String itemPath = done + "[" + index + "]";
    list.items().set(index, set(list.items().get(index), steps, i + 1, value, where, itemPath));
    return list;
  }

  private static YamlNode.MapNode asMap(YamlNode node, Where where, String done) {
    if (node instanceof YamlNode.MapNode m) {
      return m;
    }
    if (YamlNode.isNull(node)) {
      return new YamlNode.MapNode(where);
    }
    if (node instanceof YamlNode.Scalar s) {
      YamlNode.MapNode named = new YamlNode.MapNode(s.where());
      named.put("name", s.where(), s);
      return named;
    }
    throw new ConfigException(where, done, done + " is a list; choose an item, as in "
        + done + "[0]");
  }
}
