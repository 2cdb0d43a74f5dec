package io.sparkmlp.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkmlp.nn.Activation;
import io.sparkmlp.nn.DenseSpec;
import io.sparkmlp.nn.DropoutSpec;
import io.sparkmlp.nn.Initializer;
import io.sparkmlp.nn.LayerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Keras-like JSON of model.json: layers to JSON and back, with errors naming the field. */
final class ModelJson {
  private ModelJson() {}

  record Parsed(List<LayerSpec> layers, String loss, String optimizerName,
                Map<String, Object> optimizerConfig, List<String> metrics, long seed) {}

  static ObjectNode layer(ObjectMapper json, LayerSpec spec) {
    ObjectNode node = json.createObjectNode();
    ObjectNode config;
    if (spec instanceof DenseSpec d) {
      node.put("class_name", "Dense");
      config = node.putObject("config");
      config.put("units", d.units());
      config.put("activation", d.activation().kerasName());
      config.put("input_dim", d.inputDim());
      config.put("kernel_initializer", d.kernelInitializer().kerasName());
      config.put("use_bias", d.useBias());
      config.putObject("kernel_regularizer").put("l2", d.l2());
    } else if (spec instanceof DropoutSpec d) {
      node.put("class_name", "Dropout");
      config = node.putObject("config");
      config.put("rate", d.rate());
      config.put("input_dim", d.inputDim());
    } else {
      throw new IllegalArgumentException("unknown layer spec " + spec);
    }
    return node;
  }

  static Parsed parse(JsonNode root, String file) {
    String format = text(root, "format", file);
    if (!ModelFiles.FORMAT.equals(format)) {
      throw new IllegalArgumentException(file + ": format is '" + format + "', expected '"
          + ModelFiles.FORMAT + "'");
    }
    int version = integer(root, "format_version", file);
    if (version != ModelFiles.FORMAT_VERSION) {
      throw new IllegalArgumentException(file + ": format_version " + version
          + " is not supported; this sparkmlp reads " + ModelFiles.FORMAT_VERSION);
    }
    JsonNode layersNode = required(required(root, "config", file), "layers", file);
    List<LayerSpec> layers = new ArrayList<>();
    for (int i = 0; i < layersNode.size(); i++) {
      layers.add(parseLayer(layersNode.get(i), file + ": config.layers[" + i + "]"));
    }
    if (layers.isEmpty()) {
      throw new IllegalArgumentException(file + ": config.layers is empty");
    }
    JsonNode compile = required(root, "compile_config", file);
    JsonNode opt = required(compile, "optimizer", file + ": compile_config");
    @SuppressWarnings("unchecked")
    Map<String, Object> optConfig = new ObjectMapper().convertValue(
        required(opt, "config", file + ": compile_config.optimizer"), LinkedHashMap.class);
    List<String> metrics = new ArrayList<>();
    required(compile, "metrics", file + ": compile_config").forEach(m -> metrics.add(m.asText()));
    return new Parsed(layers, text(compile, "loss", file + ": compile_config"),
        text(opt, "class_name", file + ": compile_config.optimizer"), optConfig, metrics,
        required(root, "seed", file).asLong());
  }

  private static LayerSpec parseLayer(JsonNode node, String where) {
    String cls = text(node, "class_name", where);
    JsonNode c = required(node, "config", where);
    String at = where + ".config";
    try {
      return switch (cls) {
        case "Dense" -> new DenseSpec(integer(c, "input_dim", at), integer(c, "units", at),
            Activation.byName(text(c, "activation", at)),
            Initializer.byName(text(c, "kernel_initializer", at)),
            required(c, "use_bias", at).asBoolean(),
            (float) required(required(c, "kernel_regularizer", at), "l2", at).asDouble());
        case "Dropout" -> new DropoutSpec(integer(c, "input_dim", at),
            (float) required(c, "rate", at).asDouble());
        default -> throw new IllegalArgumentException("unknown layer class_name '" + cls
            + "'; expected Dense or Dropout");
      };
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(where) ? e
          : new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(where + ": missing field '" + key + "'");
    }
    return v;
  }

  private static String text(JsonNode node, String key, String where) {
    JsonNode v = required(node, key, where);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(where + ": field '" + key + "' must be a string, got "
          + v);
    }
    return v.asText();
  }

  private static int integer(JsonNode node, String key, String where) {
    JsonNode v = required(node, key, where);
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException(where + ": field '" + key + "' must be an integer, got "
          + v);
    }
    return v.asInt();
  }
}
