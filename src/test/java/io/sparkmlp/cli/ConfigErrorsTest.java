package io.sparkmlp.cli;

import static io.sparkmlp.cli.ConfigTexts.BASE;
import static io.sparkmlp.cli.ConfigTexts.append;
import static io.sparkmlp.cli.ConfigTexts.error;
import static io.sparkmlp.cli.ConfigTexts.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of mistake gives one line naming the file, the line, the key path and what is
 * allowed. Messages are compared whole: they are the interface a user reads.
 */
class ConfigErrorsTest {

  @Test
  void theBaseTextIsValid() {
    ConfigTexts.parse(BASE);
  }

  @Test
  void unknownKeyAtTheTopLevel() {
    assertEquals("conf/x.yaml line 20: unknown key 'optimiser' at the top level; allowed: "
        + "data, preprocessing, model, compile, fit, callbacks, distributed, spark, output",
        error(append("optimiser: adam")));
  }

  @Test
  void unknownKeyInASection() {
    assertEquals("conf/x.yaml line 17: unknown key 'epoch' in fit; allowed: batch_size, "
        + "epochs, validation_split, shuffle, seed, checkpoint_every, class_weight, "
        + "validation_freq", error(replace(17, "  epoch: 2")));
  }

  @Test
  void unknownKeyInALayerListsThatLayerTypesKeys() {
    assertEquals("conf/x.yaml line 10: unknown key 'rate' in model.layers[1] (dense); allowed: "
        + "type, units, activation, input_dim, kernel_initializer, use_bias, l2",
        error(replace(10, "    - {type: dense, units: 10, rate: 0.5}")));
  }

  @Test
  void unknownKeyTwoLevelsDown() {
    assertEquals("conf/x.yaml line 20: unknown key 'patiense' in callbacks.early_stopping; "
        + "allowed: monitor, patience, min_delta, restore_best_weights",
        error(replace(17, "  epochs: 2", "callbacks:", "  early_stopping:", "    patiense: 3")));
  }

  @Test
  void wrongTypes() {
    assertEquals("conf/x.yaml line 9: model.layers[0].units must be an integer, got 'sixty'",
        error(replace(9, "    - {type: dense, units: sixty, input_dim: 100}")));
    assertEquals("conf/x.yaml line 17: fit.epochs must be an integer, got '2.5'",
        error(replace(17, "  epochs: 2.5")));
    assertEquals("conf/x.yaml line 17: fit.shuffle must be true or false, got 'maybe'",
        error(replace(17, "  shuffle: maybe")));
    assertEquals("conf/x.yaml line 17: fit.validation_split must be a number, got 'a tenth'",
        error(replace(17, "  validation_split: a tenth")));
    assertEquals("conf/x.yaml line 14: compile.metrics must be a list, got a map",
        error(replace(14, "  metrics: {accuracy: true}")));
    assertEquals("conf/x.yaml line 19: output.dir must be a string, got a list",
        error(replace(19, "  dir: [a, b]")));
    assertEquals("conf/x.yaml line 3: data.train must be a map of keys, got 'data/x.npy'",
        error(replace(3, "  train: data/x.npy", "  test:")));
  }

  @Test
  void valuesAreNotCoercedByGuessing() {
    assertEquals("conf/x.yaml line 17: fit.shuffle must be true or false, got 'yes'",
        error(replace(17, "  shuffle: yes")));
    assertEquals("conf/x.yaml line 17: fit.shuffle must be true or false, got '1'",
        error(replace(17, "  shuffle: 1")));
    assertEquals("conf/x.yaml line 17: fit.epochs must be an integer, got '10.0'",
        error(replace(17, "  epochs: 10.0")));
    assertEquals("conf/x.yaml line 17: fit.epochs must be an integer, got 'true'",
        error(replace(17, "  epochs: true")));
    assertEquals("conf/x.yaml line 17: fit.validation_split must be a number, got 'false'",
        error(replace(17, "  validation_split: false")));
    assertEquals(3, ConfigTexts.parse(replace(17, "  epochs: \"3\"")).fit().epochs());
    assertEquals(false, ConfigTexts.parse(replace(17, "  shuffle: 'false'")).fit()
        .shuffle());
  }

  @Test
  void badNamesReadAsTheRuntimeSaysThem() {
    assertEquals("conf/x.yaml line 9: model.layers[0].activation: unknown activation 'relux'; "
        + "expected one of: linear, relu, sigmoid, tanh, softmax, leaky_relu, elu, gelu, swish",
        error(replace(9, "    - {type: dense, units: 64, activation: relux, input_dim: 100}")));
    assertEquals("conf/x.yaml line 13: compile.optimizer: unknown optimizer 'adamm'; expected "
        + "one of: sgd, adam, adamw, rmsprop, adagrad, lbfgs",
        error(replace(13, "  optimizer: adamm")));
    assertEquals("conf/x.yaml line 14: compile.metrics[1]: unknown metric 'f1'; expected one "
        + "of: accuracy, top_k_accuracy, mse, mae", error(replace(14, "  metrics: [acc, f1]")));
    assertTrue(error(replace(12, "  loss: hinge")).startsWith(
        "conf/x.yaml line 12: compile.loss: unknown loss 'hinge'; expected one of: "));
    assertTrue(error(replace(9, "    - {type: dense, units: 64, input_dim: 100, "
        + "kernel_initializer: xavier}")).startsWith("conf/x.yaml line 9: "
        + "model.layers[0].kernel_initializer: unknown initializer 'xavier'; expected one of: "));
  }

  @Test
  void badLayerTypeAndMissingType() {
    assertEquals("conf/x.yaml line 10: model.layers[1].type must be one of dense, dropout; "
        + "got 'conv2d'", error(replace(10, "    - {type: conv2d, units: 10}")));
    assertEquals("conf/x.yaml line 10: model.layers[1].type is required: one of dense, dropout",
        error(replace(10, "    - {units: 10}")));
  }

  @Test
  void missingRequiredKeys() {
    assertEquals("conf/x.yaml line 10: model.layers[1].units is required in model.layers[1] "
        + "(dense)", error(replace(10, "    - {type: dense, activation: softmax}")));
    assertEquals("conf/x.yaml line 11: compile.loss is required in compile",
        error(replace(12)));
    assertEquals("conf/x.yaml: output is required at the top level",
        error(BASE.replace("output:\n  dir: out/test\n", "")));
    assertEquals("conf/x.yaml line 10: model.layers[1].rate is required in model.layers[1] "
        + "(dropout)", error(replace(10, "    - {type: dropout}")));
    assertEquals("conf/x.yaml line 8: model.layers must hold at least one layer",
        error(replace(8, "  layers: []").replace("    - {type: dense, units: 64, activation: "
            + "relu, input_dim: 100}\n    - {type: dense, units: 10, activation: softmax}\n",
            "")));
    assertEquals("conf/x.yaml line 13: compile.optimizer.name is required: one of sgd, adam, "
        + "adamw, rmsprop, adagrad, lbfgs",
        error(replace(13, "  optimizer: {learning_rate: 0.1}")));
  }

  @Test
  void theKeysAFormatNeedsAndIgnores() {
    assertEquals("conf/x.yaml line 3: data.train.y is required in data.train (npy)",
        error(replace(5)));
    assertEquals("conf/x.yaml line 6: unknown key 'path' in data.train (npy); allowed: x, y",
        error(replace(5, "    y: data/y.npy", "    path: data/")));
    assertEquals("conf/x.yaml line 3: data.train.path is required in data.train (csv)",
        error(replace(2, "  format: csv").replace("    x: data/x.npy\n    y: data/y.npy\n",
            "    label: y\n")));
    assertEquals("conf/x.yaml line 6: data.train.features includes the label column 'y'",
        error(replace(2, "  format: csv").replace("    x: data/x.npy\n    y: data/y.npy\n",
            "    path: t.csv\n    label: y\n    features: [a, y]\n")));
  }

  @Test
  void keysOnlyCodeCanSetAreUnknownInFit() {
    for (String key : new String[] {"callbacks: []", "verbose: 0", "resume: true",
        "initial_epoch: 1", "checkpoint_dir: x", "num_partitions: 2", "batchSize: 2"}) {
      assertTrue(error(replace(17, "  " + key)).startsWith("conf/x.yaml line 17: unknown key '"
          + key.substring(0, key.indexOf(':')) + "' in fit; allowed: batch_size, epochs, "), key);
    }
  }

  @Test
  void keysThatMovedNameTheirNewPlace() {
    assertEquals("conf/x.yaml line 17: fit.sync_every: moved to distributed.sync_every",
        error(replace(17, "  sync_every: 4")));
    assertEquals("conf/x.yaml line 17: fit.early_stopping: moved to callbacks.early_stopping",
        error(replace(17, "  early_stopping: {patience: 3}")));
    assertEquals("conf/x.yaml line 17: fit.target_loss: moved to callbacks.target_loss",
        error(replace(17, "  target_loss: {value: 0.1}")));
    assertEquals("conf/x.yaml line 6: data.partitions: moved to distributed.partitions",
        error(replace(5, "    y: data/y.npy", "  partitions: 4")));
    assertEquals("conf/x.yaml line 21: spark.tree_depth: moved to distributed.tree_depth",
        error(append("spark:\n  tree_depth: 2")));
    assertEquals("override data.partitions=4: data.partitions: moved to distributed.partitions",
        assertThrows(ConfigException.class, () -> ConfigTexts.parse(BASE, "data.partitions=4"))
            .getMessage());
  }

  @Test
  void distributedSettingsAreCheckedAtTheirKeys() {
    assertEquals("conf/x.yaml line 21: distributed.partitions must be >= 0 (0: one per core), "
        + "got -1", error(append("distributed:\n  partitions: -1")));
    assertEquals("conf/x.yaml line 21: unknown key 'features_col' in distributed; allowed: "
        + "partitions, tree_depth, sync_every", error(append("distributed:\n  features_col: x")));
  }

  @Test
  void syncEveryIsAPositiveIntegerOrAuto() {
    for (String bad : new String[] {"0", "-2", "2.5", "'often'", "Auto", "[1]"}) {
      String got = bad.startsWith("'") ? bad : bad.equals("Auto") ? "'Auto'"
          : bad.equals("[1]") ? "a list" : bad;
      assertEquals("conf/x.yaml line 18: distributed.sync_every: expected an integer >= 1 or "
          + "auto, got " + got, error(replace(17, "distributed:", "  sync_every: " + bad)), bad);
    }
  }

  @Test
  void numbersOutOfRange() {
    assertEquals("conf/x.yaml line 10: model.layers[1].rate must be in [0, 1), got 1.5",
        error(replace(10, "    - {type: dropout, rate: 1.5}")));
    assertEquals("conf/x.yaml line 16: fit.batch_size must be >= 1, got 0",
        error(replace(16, "  batch_size: 0")));
    assertEquals("conf/x.yaml line 16: fit.validation_split must be in [0, 1), got 1.0",
        error(replace(16, "  validation_split: 1")));
    assertEquals("conf/x.yaml line 7: model.seed must be an integer that fits in 64 bits, got "
        + "'99999999999999999999'", error(replace(7, "  seed: 99999999999999999999")));
    assertEquals("conf/x.yaml line 17: fit.epochs must be an integer that fits in 32 bits, got "
        + "'3000000000'", error(replace(17, "  epochs: 3000000000")));
    assertEquals("conf/x.yaml line 1: preprocessing.scale must be a finite number, got '.inf'",
        error("preprocessing: {scale: .inf}\n" + BASE));
    assertTrue(error(replace(13, "  optimizer: {name: adam, learning_rate: -1}")).startsWith(
        "conf/x.yaml line 13: compile.optimizer: adam learning_rate must be a finite number > 0"));
  }

  @Test
  void badFormat() {
    assertEquals("conf/x.yaml line 2: data.format must be one of npy, csv, libsvm, parquet, "
        + "idx; got 'json'", error(replace(2, "  format: json")));
    assertEquals("conf/x.yaml line 5: data.format must be one of npy, csv, libsvm, parquet, "
        + "idx; got 'json'", error(replace(2).replace("    y: data/y.npy\n",
            "    y: data/y.npy\n  format: json\n")));
    assertEquals("conf/x.yaml line 5: unknown key 'num_features' in data.train (csv); allowed: "
        + "path, features, label, header", error(replace(2, "  format: csv").replace(
            "    x: data/x.npy\n    y: data/y.npy\n", "    path: t.csv\n    num_features: 3\n")));
  }

  @Test
  void yamlItselfBroken() {
    assertEquals("conf/x.yaml line 18: duplicate key 'epochs' in fit (first at line 17)",
        error(replace(17, "  epochs: 2", "  epochs: 3")));
    assertTrue(error(replace(14, "  metrics: [accuracy")).startsWith("conf/x.yaml line 15: "
        + "not valid YAML: "));
    assertEquals("conf/x.yaml: the file is empty; a run needs at least the sections data, "
        + "model, compile, output", error("# nothing here\n"));
    assertEquals("conf/x.yaml line 1: the file must be a map of sections (data, preprocessing, "
        + "model, compile, fit, callbacks, distributed, spark, output), got a list",
        error("- data\n- model\n"));
    assertTrue(error(BASE + "---\nfit: {}\n").startsWith("conf/x.yaml line 21: holds more "
        + "than one YAML document"));
  }

  @Test
  void keysThatDisagree() {
    assertEquals("conf/x.yaml line 10: model.layers[1].input_dim is 32 but the layer before it "
        + "has 64 outputs", error(replace(10, "    - {type: dense, units: 10, input_dim: 32}")));
    assertTrue(error(replace(12, "  loss: mse")).startsWith("conf/x.yaml line 14: "
        + "compile.metrics[0]: metric 'accuracy' needs a classification loss"));
    assertEquals("conf/x.yaml line 1: preprocessing.one_hot makes one-hot rows, but "
        + "compile.loss sparse_categorical_crossentropy takes class indices; use "
        + "categorical_crossentropy, or leave one_hot out",
        error("preprocessing: {one_hot: true}\n"
            + BASE.replace("loss: categorical", "loss: sparse_categorical")));
    assertEquals("conf/x.yaml line 19: callbacks.early_stopping.monitor 'val_loss' needs "
        + "validation data: set data.validation or fit.validation_split",
        error(replace(17, "  epochs: 2", "callbacks:", "  early_stopping: {patience: 3}")));
    assertEquals("conf/x.yaml line 19: callbacks.early_stopping.monitor 'val_acc' is not logged; "
        + "choose one of loss, accuracy, val_loss, val_accuracy",
        error(replace(17, "  validation_split: 0.1", "callbacks:",
            "  early_stopping: {monitor: val_acc}")));
    assertEquals("conf/x.yaml line 19: callbacks.target_loss.monitor must be one of loss, "
        + "val_loss; got 'accuracy'", error(replace(17, "  epochs: 2", "callbacks:",
            "  target_loss: {value: 0.1, monitor: accuracy}")));
    assertEquals("conf/x.yaml line 18: fit.validation_split and data.validation both give "
        + "validation data; keep one", error(replace(17, "  validation_split: 0.2")
            .replace("  train:", "  validation: {x: v.npy, y: w.npy}\n  train:")));
  }

  @Test
  void optimizerSettingsAreCheckedByTheOptimizer() {
    String message = error(replace(13, "  optimizer: {name: adam, bta_1: 0.8}"));
    assertTrue(message.startsWith("conf/x.yaml line 13: compile.optimizer: unknown key 'bta_1' "
        + "in adam config; expected one of: "), message);
    assertTrue(message.contains("beta_1"), message);
  }

  @Test
  void theExceptionCarriesLineAndKeyPath() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigTexts.parse(
        replace(9, "    - {type: dense, units: sixty, input_dim: 100}")));
    assertEquals(ConfigTexts.SOURCE, e.source());
    assertEquals(9, e.line());
    assertEquals("model.layers[0].units", e.keyPath());
  }

  @Test
  void filesAreNamedAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.yaml");
    Files.writeString(file, replace(17, "  epoch: 2"));
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertTrue(e.getMessage().startsWith(file + " line 17: unknown key 'epoch' in fit"),
        e.getMessage());
    Path missing = dir.resolve("missing.yaml");
    assertEquals(missing + ": no such file",
        assertThrows(ConfigException.class, () -> ConfigLoader.load(missing)).getMessage());
  }
}
