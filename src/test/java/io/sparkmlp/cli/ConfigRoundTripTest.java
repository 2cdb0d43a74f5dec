package io.sparkmlp.cli;

import static io.sparkmlp.cli.ConfigTexts.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.sparkmlp.model.Dense;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.spark.source.DataSourceConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** toYaml writes every resolved key; loading that text gives an equal configuration. */
class ConfigRoundTripTest {
  /** Sets every key there is, several to values YAML could misread (5, no, local[2]). */
  static final String FULL = """
      data:
        format: csv
        train: {path: data/train.csv, features: ["5", sepal_width], label: no, header: false}
        validation: {path: data/val.csv, label: no, header: false}
        test: {path: data/test.csv}
      preprocessing: {scale: 0.5, standardize: true, one_hot: true}
      model:
        seed: -3
        layers:
          - {type: dropout, rate: 0.2, input_dim: 2}
          - {type: dense, units: 16, activation: ReLU, kernel_initializer: he_normal,
             use_bias: false, l2: 1e-4}
          - {type: dense, units: 3, activation: softmax}
      compile:
        loss: categorical_crossentropy
        optimizer:
          name: Adam
          learning_rate:
            class_name: ExponentialDecay
            config: {initial_learning_rate: 0.01, decay_steps: 100, decay_rate: 0.9}
          clipnorm: 1
        metrics: [acc, top_k_accuracy]
      fit:
        batch_size: 64
        epochs: 4
        shuffle: false
        seed: 11
        checkpoint_every: 2
      callbacks:
        early_stopping: {monitor: val_accuracy, patience: 2, min_delta: 0.001,
                         restore_best_weights: true}
        target_loss: {value: 0.05, monitor: val_loss, required: true}
      distributed: {partitions: 3, tree_depth: 2, sync_every: 4}
      spark: {master: "local[2]", app_name: iris}
      output: {dir: out/full, overwrite: true}
      """;

  private static RunConfig reload(RunConfig run) {
    return ConfigLoader.parse(run.toYaml(), "config.yaml", Map.of());
  }

  @Test
  void aConfigSettingEveryKeyRoundTrips() {
    RunConfig run = ConfigTexts.parse(FULL);
    assertEquals(run, reload(run));
    assertEquals(run.toYaml(), reload(run).toYaml());
  }

  @Test
  void stringsStayStringsAndNamesAreCanonical() {
    RunConfig run = reload(ConfigTexts.parse(FULL));
    var train = (DataSourceConfig.Csv) run.data().train();
    assertEquals(List.of("5", "sepal_width"), train.features());
    assertEquals("no", train.label());
    assertEquals("local[2]", run.spark().master());
    assertEquals("relu", ((Dense) run.model().layers().get(1)).activation());
    assertEquals(List.of("accuracy", "top_k_accuracy"), run.compile().metrics());
    assertEquals("adam", run.compile().optimizer().name());
    assertEquals(1e-4, ((Dense) run.model().layers().get(1)).l2());
  }

  @Test
  void theResolvedTextShowsDefaultsAndDerivedValues() {
    RunConfig run = ConfigTexts.parse(BASE, "fit.epochs=5");
    String yaml = run.toYaml();
    assertTrue(yaml.contains("  epochs: 5\n"), yaml);
    assertTrue(yaml.contains("  shuffle: true\n"), yaml);
    assertTrue(yaml.contains("  seed: 7\n"), "fit.seed from model.seed:\n" + yaml);
    assertTrue(yaml.contains("    beta_1: 0.9\n"), "the optimizer's full config:\n" + yaml);
    assertTrue(yaml.contains("kernel_initializer: glorot_uniform"), yaml);
    assertTrue(yaml.startsWith("# sparkmlp run configuration"), yaml);
    assertEquals(run, reload(run));
  }

  @Test
  void eachFormatHasItsOwnRecordAndDefaults() {
    RunConfig csv = ConfigTexts.parse(FULL);
    var test = (DataSourceConfig.Csv) csv.data().test();
    assertEquals("label", test.label());
    assertEquals(true, test.header());
    assertNull(test.features());
    String parquet = BASE.replace("format: npy", "format: PARQUET")
        .replace("    x: data/x.npy\n    y: data/y.npy\n", "    path: data/train.parquet\n");
    RunConfig run = ConfigTexts.parse(parquet);
    var train = (DataSourceConfig.Parquet) run.data().train();
    assertEquals("features", train.featuresCol());
    assertEquals("label", train.label());
    assertEquals(run, reload(run));
    assertFalse(run.toYaml().contains("    format:"), "the format is written once:\n"
        + run.toYaml());
    RunConfig npy = ConfigTexts.parse(BASE);
    assertEquals(new DataSourceConfig.Npy("data/x.npy", "data/y.npy"), npy.data().train());
    assertEquals(npy, reload(npy));
  }

  @Test
  void numericStringsAreNumbers() {
    RunConfig run = ConfigTexts.parse(BASE.replace("  epochs: 2", "  epochs: \"2\"\n"
        + "  validation_split: '1e-1'").replace("optimizer: adam",
        "optimizer: {name: adam, learning_rate: '1e-3'}"));
    assertEquals(2, run.fit().epochs());
    assertEquals(0.1, run.fit().validationSplit());
    assertEquals(1e-3, ((Optimizer) run.optimizer()).learningRate(1));
    assertEquals(run, reload(run));
  }
}
