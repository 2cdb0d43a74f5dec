package io.sparkmlp.cli;

import io.sparkmlp.model.Dense;
import static io.sparkmlp.cli.ConfigTexts.BASE;
import static io.sparkmlp.cli.ConfigTexts.error;
import static io.sparkmlp.cli.ConfigTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sparkmlp.optim.Optimizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Command-line overrides are applied to the tree before binding and checked like the file. */
class ConfigOverridesTest {

  @Test
  void valuesAreReadAsYamlScalars() {
    RunConfig run = parse(BASE, "fit.epochs=3", "output.dir=/tmp/x", "distributed.partitions=4",
        "fit.shuffle=false", "preprocessing.scale=1e-3");
    assertEquals(3, run.fit().epochs());
    assertEquals("/tmp/x", run.output().dir());
    assertEquals(4, run.distributed().numPartitions());
    assertEquals(false, run.fit().shuffle());
    assertEquals(0.001, run.preprocessing().scale());
  }

  @Test
  void listItemsNewSectionsAndListsCanBeSet() {
    RunConfig run = parse(BASE, "model.layers[0].units=128", "fit.validation_split=0.25",
        "callbacks.early_stopping.patience=2", "compile.metrics=[accuracy, top_k_accuracy]");
    assertEquals(128, ((Dense) run.model().layers().get(0)).units());
    assertEquals(2, run.callbacks().earlyStopping().patience());
    assertEquals("val_loss", run.callbacks().earlyStopping().monitor());
    assertEquals(List.of("accuracy", "top_k_accuracy"), run.compile().metrics());
  }

  @Test
  void anOptimizerNameTakesSettings() {
    RunConfig run = parse(BASE, "compile.optimizer.learning_rate=0.01");
    assertEquals("adam", run.compile().optimizer().name());
    assertEquals(0.01, ((Optimizer) run.optimizer()).learningRate(1), 1e-15);
    assertEquals("sgd", parse(BASE, "compile.optimizer=sgd").optimizer().name());
  }

  @Test
  void nullRestoresTheDefault() {
    assertEquals(1, parse(BASE, "fit.epochs=null").fit().epochs());
    assertNull(parse(BASE, "spark.master=local[2]", "spark.master=null").spark().master());
  }

  @Test
  void overriddenValuesAreCheckedAndNamed() {
    assertEquals("override fit.epochs=three: fit.epochs must be an integer, got 'three'",
        error(BASE, "fit.epochs=three"));
    assertEquals("override fit.epoch=3: unknown key 'epoch' in fit; allowed: batch_size, "
        + "epochs, validation_split, shuffle, seed, checkpoint_every, class_weight, "
        + "validation_freq", error(BASE, "fit.epoch=3"));
    assertEquals("override model.layers[5].units=8: model.layers has 2 items, so it has no [5]",
        error(BASE, "model.layers[5].units=8"));
    assertEquals("override fit.batch_size=0: fit.batch_size must be >= 1, got 0",
        error(BASE, "fit.batch_size=0"));
    assertEquals("override fit..epochs=3: 'fit..epochs' is not a key path such as fit.epochs or "
        + "model.layers[0].units", error(BASE, "fit..epochs=3"));
    assertEquals("override model.layers.units=8: model.layers is a list; choose an item, as in "
        + "model.layers[0]", error(BASE, "model.layers.units=8"));
  }

  @Test
  void laterOverridesWin() {
    assertEquals(5, parse(BASE, "fit.epochs=3", "fit.epochs=5").fit().epochs());
  }

  @Test
  void overridesApplyToFilesToo() {
    RunConfig run = ConfigLoader.load(Path.of("conf/seed-example.yaml"),
        ConfigTexts.overrideMap("fit.epochs=1", "output.dir=/tmp/seed"));
    assertEquals(1, run.fit().epochs());
    assertEquals("/tmp/seed", run.output().dir());
  }
}
