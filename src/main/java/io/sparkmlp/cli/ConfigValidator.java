package io.sparkmlp.cli;

import io.sparkmlp.model.Dense;
import io.sparkmlp.model.Layer;
import io.sparkmlp.nn.Loss;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.train.Logs;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks that look at several keys at once, made after binding (which has already checked
 * each key alone): the keys each data format needs, layer widths that agree, metrics that suit
 * the loss, monitors that will be logged. Where a runtime builder already checks something,
 * the object is built and its message passed on, placed at the key's line.
 */
final class ConfigValidator {
  private final RunConfig c;
  private final YamlTree at;

  private ConfigValidator(RunConfig config, YamlTree at) {
    this.c = config;
    this.at = at;
  }

  /** @throws ConfigException naming the first mistake found */
  static void validate(RunConfig config, YamlTree at) {
    ConfigValidator v = new ConfigValidator(config, at);
    v.layers();
    v.metrics();
    v.labels();
    v.validation();
    v.monitors();
    ClassWeightCheck.config(config, at);
    v.builders();
  }

  private ConfigException error(String path, String problem) {
    return new ConfigException(at.at(path), path, problem);
  }

  /** Declared widths agree (each layer checked its own settings when it was bound). */
  private void layers() {
    List<Layer> layers = c.model().layers();
    int width = 0;  // 0 until known: the first layer may take its width from the data
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      String path = "model.layers[" + i + "]";
      int declared = layer.declaredInputDim();
      if (declared > 0 && width > 0 && declared != width) {
        throw error(path + ".input_dim", String.format("%s.input_dim is %d but the layer "
            + "before it has %d outputs", path, declared, width));
      }
      if (layer instanceof Dense dense) {
        width = dense.units();
      } else if (declared > 0) {
        width = declared;
      }
    }
  }

  /** Each metric suits the loss (no accuracy of a regression). */
  private void metrics() {
    Loss loss = Loss.byName(c.compile().loss());
    List<String> metrics = c.compile().metrics();
    for (int i = 0; i < metrics.size(); i++) {
      try {
        Metric.byName(metrics.get(i)).checkCompatible(loss);
      } catch (IllegalArgumentException e) {
        String path = "compile.metrics[" + i + "]";
        throw error(path, path + ": " + e.getMessage());
      }
    }
  }

  /** one_hot produces rows of targets; a sparse loss wants class indices. */
  private void labels() {
    if (c.preprocessing().oneHot() && Loss.byName(c.compile().loss()).sparseLabels()) {
      throw error("preprocessing.one_hot", String.format("preprocessing.one_hot makes one-hot "
          + "rows, but compile.loss %s takes class indices; use categorical_crossentropy, or "
          + "leave one_hot out", c.compile().loss()));
    }
  }

  private void validation() {
    if (c.data().validation() != null && c.fit().validationSplit() > 0) {
      throw error("fit.validation_split", "fit.validation_split and data.validation both give "
          + "validation data; keep one");
    }
  }

  /** Callbacks watch values that the epoch logs will hold. */
  private void monitors() {
    List<String> logged = new ArrayList<>();
    logged.add(Logs.LOSS);
    logged.addAll(c.compile().metrics());
    if (hasValidation()) {
      for (String name : List.copyOf(logged)) {
        logged.add(Logs.VAL_PREFIX + name);
      }
    }
    if (c.callbacks().earlyStopping() != null) {
      monitor("callbacks.early_stopping.monitor", c.callbacks().earlyStopping().monitor(), logged);
    }
    if (c.callbacks().targetLoss() != null) {
      monitor("callbacks.target_loss.monitor", c.callbacks().targetLoss().monitor(), logged);
    }
  }

  private void monitor(String path, String monitor, List<String> logged) {
    if (logged.contains(monitor)) {
      return;
    }
    if (monitor.startsWith(Logs.VAL_PREFIX) && !hasValidation()
        && logged.contains(monitor.substring(Logs.VAL_PREFIX.length()))) {
      throw error(path, String.format("%s '%s' needs validation data: set data.validation or "
          + "fit.validation_split", path, monitor));
    }
    throw error(path, String.format("%s '%s' is not logged; choose one of %s", path, monitor,
        String.join(", ", logged)));
  }

  private boolean hasValidation() {
    return c.data().validation() != null || c.fit().validationSplit() > 0;
  }

  /** What the runtime builders check beyond single keys, passed on with the section's line. */
  private void builders() {
    if (c.model().declaredInputDim() > 0) {
      try {
        c.buildModel();
      } catch (IllegalArgumentException e) {
        throw error("model", "model: " + e.getMessage());
      }
    }
    try {
      c.distributedOptions(c.fitOptions().build());
    } catch (IllegalArgumentException e) {
      throw error("data.train", "data.train: " + e.getMessage());  // a blank column name
    }
  }
}
