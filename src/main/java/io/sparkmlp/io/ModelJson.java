package io.sparkmlp.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sparkmlp.nn.Activation;
import io.sparkmlp.nn.DenseSpec;
import io.sparkmlp.nn.DropoutSpec;
import io.sparkmlp.nn.Initializer;
import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Keras-like JSON of model.json as records, bound with the shared mapper ({@link Json}):
 * names are snake_case, unknown fields are errors, and every error names the file and field.
 *
 * @param className always "Sequential"
 * @param config the layers
 * @param compileConfig loss, optimizer, metrics
 * @param weights where the parameters are and how many
 */
record ModelJson(String format, Integer formatVersion, String className, Architecture config,
                 Compile compileConfig, Long seed, Weights weights) {

  record Architecture(List<Layer> layers) {}

  /** One layer: {@code class_name} selects how {@code config} reads. */
  record Layer(String className, JsonNode config) {}

  record Dense(Integer units, String activation, Integer inputDim, String kernelInitializer,
               Boolean useBias, Regularizer kernelRegularizer) {}

  record Regularizer(Float l2) {}

  record Dropout(Float rate, Integer inputDim) {}

  record Compile(String loss, Optimizer optimizer, List<String> metrics) {}

  record Optimizer(String className, Map<String, Object> config) {}

  record Weights(String file, String dtype, String byteOrder, Integer count) {}

  /** The model.json text of a model. */
  static String write(SavedModel m) throws JacksonException {
    List<Layer> layers = new ArrayList<>();
    for (LayerSpec spec : m.layers()) {
      layers.add(layer(spec));
    }
    return Json.json().writeValueAsString(new ModelJson(ModelFiles.FORMAT,
        ModelFiles.FORMAT_VERSION, "Sequential", new Architecture(layers),
        new Compile(m.loss(), new Optimizer(m.optimizerName(), m.optimizerConfig()),
            m.metrics()), m.seed(),
        new Weights(ModelFiles.WEIGHTS, "float32", "little", m.params().length)));
  }

  private static Layer layer(LayerSpec spec) {
    if (spec instanceof DenseSpec d) {
      return new Layer("Dense", Json.json().valueToTree(new Dense(d.units(),
          d.activation().kerasName(), d.inputDim(), d.kernelInitializer().kerasName(),
          d.useBias(), new Regularizer(d.l2()))));
    }
    if (spec instanceof DropoutSpec d) {
      return new Layer("Dropout", Json.json().valueToTree(new Dropout(d.rate(), d.inputDim())));
    }
    throw new IllegalArgumentException("unknown layer spec " + spec);
  }

  /** The model in text, read from file (which messages name). */
  static ModelJson read(String text, String file) {
    ModelJson m = bind(text, ModelJson.class, file, "");
    String format = need(m.format, "format", file);
    if (!ModelFiles.FORMAT.equals(format)) {
      throw new IllegalArgumentException(file + ": format is '" + format + "', expected '"
          + ModelFiles.FORMAT + "'");
    }
    int version = need(m.formatVersion, "format_version", file);
    if (version != ModelFiles.FORMAT_VERSION) {
      throw new IllegalArgumentException(file + ": format_version " + version
          + " is not supported; this sparkmlp reads " + ModelFiles.FORMAT_VERSION);
    }
    List<Layer> layers = need(need(m.config, "config", file).layers, "layers",
        file + ": config");
    if (layers.isEmpty()) {
      throw new IllegalArgumentException(file + ": config.layers is empty");
    }
    Compile c = need(m.compileConfig, "compile_config", file);
    need(c.loss, "loss", file + ": compile_config");
    need(c.metrics, "metrics", file + ": compile_config");
    Optimizer o = need(c.optimizer, "optimizer", file + ": compile_config");
    need(o.className, "class_name", file + ": compile_config.optimizer");
    need(o.config, "config", file + ": compile_config.optimizer");
    need(m.seed, "seed", file);
    return m;
  }

  /** The layers as specs, each checked; errors name {@code config.layers[i]}. */
  List<LayerSpec> layerSpecs(String file) {
    List<LayerSpec> specs = new ArrayList<>();
    for (Layer layer : config.layers) {
      String where = file + ": config.layers[" + specs.size() + "]";
      String cls = need(layer.className, "class_name", where);
      JsonNode c = need(layer.config, "config", where);
      String text = c.toString();
      String at = where + ".config";
      try {
        specs.add(switch (cls) {
          case "Dense" -> {
            Dense d = bind(text, Dense.class, file, at);
            yield new DenseSpec(need(d.inputDim, "input_dim", at), need(d.units, "units", at),
                Activation.byName(need(d.activation, "activation", at)),
                Initializer.byName(need(d.kernelInitializer, "kernel_initializer", at)),
                need(d.useBias, "use_bias", at),
                need(need(d.kernelRegularizer, "kernel_regularizer", at).l2, "l2", at));
          }
          case "Dropout" -> {
            Dropout d = bind(text, Dropout.class, file, at);
            yield new DropoutSpec(need(d.inputDim, "input_dim", at), need(d.rate, "rate", at));
          }
          default -> throw new IllegalArgumentException("unknown layer class_name '" + cls
              + "'; expected Dense or Dropout");
        });
      } catch (IllegalArgumentException e) {
        throw e.getMessage().startsWith(where) ? e
            : new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return specs;
  }

  private static <T> T bind(String text, Class<T> type, String file, String where) {
    try {
      return Json.json().readValue(text, type);
    } catch (JsonMappingException e) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference r : e.getPath()) {
        path.append(r.getFieldName() != null ? (path.length() == 0 ? "" : ".")
            + r.getFieldName() : "[" + r.getIndex() + "]");
      }
      throw new IllegalArgumentException((where.isEmpty() ? file : where) + ": field '" + path
          + "': " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  private static <T> T need(T value, String key, String where) {
    if (value == null) {
      throw new IllegalArgumentException(where + ": missing field '" + key + "'");
    }
    return value;
  }
}
