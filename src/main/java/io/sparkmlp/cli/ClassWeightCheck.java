package io.sparkmlp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.Layer;
import io.sparkmlp.nn.Loss;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code fit.class_weight}, Keras's class_weight: a map of class index to weight. YAML's map
 * keys are strings, so before binding ({@link #tree}) each key must read as a class index and
 * each value as a number; after binding ({@link #config}) the loss must classify and every key
 * name one of the model's classes. Each mistake is one line naming the key.
 */
final class ClassWeightCheck {
  static final String PATH = "fit.class_weight";

  private ClassWeightCheck() {}

  /** The shape of fit.class_weight as written. */
  static void tree(YamlTree tree) {
    JsonNode node = tree.node(PATH);
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      throw error(tree, PATH + " must be a map of class index to weight, e.g. {0: 1.0, 1: 5.0}, "
          + "got " + YamlTree.describe(node));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().trim().matches("\\d{1,9}")) {
        throw error(tree, PATH + " has key '" + e.getKey() + "'; keys must be class indices "
            + "0, 1, 2, ...");
      }
      JsonNode w = e.getValue();
      if (!w.isNumber() || !Double.isFinite(w.asDouble()) || w.asDouble() < 0) {
        throw error(tree, PATH + "." + e.getKey().trim() + " must be a finite number >= 0, got "
            + YamlTree.describe(w));
      }
    }
  }

  /** The bound weights against the loss and the model's classes. */
  static void config(RunConfig c, YamlTree tree) {
    Map<Integer, Double> weights = c.fit().classWeight();
    if (weights.isEmpty()) {
      return;
    }
    Loss loss = Loss.byName(c.compile().loss());
    if (!loss.isClassification()) {
      throw error(tree, PATH + " needs a classification loss; compile.loss is "
          + c.compile().loss());
    }
    List<Layer> layers = c.model().layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i) instanceof Dense last) {
        int classes = last.units() == 1 ? 2 : last.units();
        for (int k : weights.keySet()) {
          if (k >= classes) {
            throw error(tree, String.format("%s has class %d but the model has %d classes "
                + "(0 to %d)", PATH, k, classes, classes - 1));
          }
        }
        return;
      }
    }
  }

  private static ConfigException error(YamlTree tree, String problem) {
    return new ConfigException(tree.at(PATH), PATH, problem);
  }
}
