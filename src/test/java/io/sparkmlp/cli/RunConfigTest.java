package io.sparkmlp.cli;

import static io.sparkmlp.cli.ConfigTexts.BASE;
import static io.sparkmlp.cli.ConfigTexts.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.model.EarlyStopping;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.model.TargetLoss;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.spark.DistributedOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime objects a configuration builds. */
class RunConfigTest {
  private static final String NO_INPUT_DIM = BASE.replace(", input_dim: 100", "");

  @Test
  void theModelIsCompiledFromTheConfig() {
    Sequential model = parse(BASE).buildModel();
    assertEquals(100, model.network().inputDim());
    assertEquals(10, model.network().outputDim());
    assertEquals(7L, model.seed());
    assertEquals("adam", model.optimizer().name());
    assertEquals("accuracy", model.metrics().get(0).kerasName());
    assertArrayEquals(model.params(), parse(BASE).buildModel().params(), "same seed, same weights");
  }

  @Test
  void theInputWidthCanComeFromTheData() {
    RunConfig run = parse(NO_INPUT_DIM);
    assertEquals(0, run.model().declaredInputDim());
    assertEquals(12, run.buildModel(12).network().inputDim());
    assertThrows(IllegalArgumentException.class, run::buildModel);
    assertEquals("the data has 12 features but model.layers[0].input_dim is 100",
        assertThrows(IllegalArgumentException.class, () -> parse(BASE).buildModel(12))
            .getMessage());
  }

  @Test
  void optimizerSettingsReachTheOptimizer() {
    Optimizer adam = (Optimizer) parse(BASE.replace("optimizer: adam",
        "optimizer: {name: adam, learning_rate: 0.01, beta_1: 0.8, clipnorm: 2}")).optimizer();
    assertEquals(0.01, adam.learningRate(1), 0);
    assertEquals(0.8, adam.config().get("beta_1"));
    assertEquals(2.0, adam.config().get("clipnorm"));
  }

  @Test
  void distributedOptionsCarryFitAndDistributedKeys() {
    RunConfig run = parse(BASE, "distributed.partitions=4", "distributed.tree_depth=3",
        "distributed.sync_every=5",
        "fit.checkpoint_every=2", "fit.validation_split=0.1", "fit.shuffle=false");
    DistributedOptions o = run.distributedOptions(run.fitOptions().build());
    assertEquals(32, o.fit().batchSize());
    assertEquals(2, o.fit().epochs());
    assertEquals(7L, o.fit().seed(), "fit.seed defaults to model.seed");
    assertEquals(0.1, o.fit().validationSplit());
    assertEquals(false, o.fit().shuffle());
    assertEquals(4, o.numPartitions());
    assertEquals(3, o.treeDepth());
    assertEquals(5, o.syncEvery());
    assertEquals(2, o.fit().checkpointEvery());
    assertEquals(0, o.fit().callbacks().size());

    DistributedOptions chosen = parse(BASE).distributedOptions(FitOptions.DEFAULTS);
    assertEquals(0, chosen.numPartitions(), "0: the cluster's cores");
    assertEquals(0, chosen.treeDepth(), "0: chosen from the partition count");
  }

  @Test
  void columnsComeFromTheTrainingSource() {
    RunConfig run = parse(BASE.replace("format: npy", "format: parquet")
        .replace("    x: data/x.npy\n    y: data/y.npy\n",
            "    path: t.parquet\n    features_col: pixels\n    label: digit\n"));
    DistributedOptions o = run.distributedOptions(FitOptions.DEFAULTS);
    assertEquals("pixels", o.featuresCol());
    assertEquals("digit", o.labelCol());
  }

  @Test
  void callbacksAreFreshAndTheTargetIsKept() {
    RunConfig run = parse(BASE, "fit.validation_split=0.2",
        "callbacks.early_stopping.patience=3", "callbacks.target_loss.value=0.05",
        "callbacks.target_loss.required=true");
    FitOptions local = run.fitOptions().build();
    assertEquals(2, local.callbacks().size());
    assertInstanceOf(EarlyStopping.class, local.callbacks().get(0));
    assertEquals(0.05, ((TargetLoss) local.callbacks().get(1)).target());
    assertNotSame(local.callbacks().get(0), run.fitOptions().build().callbacks().get(0),
        "callbacks keep state: each fit gets new ones");
    assertEquals(true, run.callbacks().targetLoss().required());
    assertEquals(0.2, local.validationSplit());
    assertEquals(0, parse(BASE).fitOptions().build().callbacks().size());
  }

  @Test
  void syncEveryTakesAuto() {
    RunConfig run = parse(BASE, "distributed.sync_every=auto");
    assertEquals(DistributedOptions.AUTO_SYNC_EVERY,
        run.distributedOptions(run.fitOptions().build()).syncEvery());
    assertTrue(run.toYaml().contains("  sync_every: auto\n"), run.toYaml());
    assertEquals(run, ConfigLoader.parse(run.toYaml(), "config.yaml", Map.of()));
    assertEquals(4, parse(BASE, "distributed.sync_every='4'").distributed().syncEvery());
  }

  @Test
  void scaleOfAPixelIsDivisionBy255() {
    assertEquals(255.0, parse(BASE, "preprocessing.scale=0.00392156862745098").preprocessing()
        .divisor());
  }
}
