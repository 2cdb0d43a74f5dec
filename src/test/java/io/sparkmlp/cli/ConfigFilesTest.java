package io.sparkmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;


import io.sparkmlp.model.Sequential;
import io.sparkmlp.optim.Adam;
import io.sparkmlp.spark.source.DataFormat;
import io.sparkmlp.spark.source.DataSourceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every configuration shipped in conf/ loads, validates, builds its model and round-trips. */
class ConfigFilesTest {
  private static final Path CONF = Path.of("conf");

  static List<Path> shippedConfigs() throws IOException {
    try (Stream<Path> files = Files.list(CONF)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyShippedConfigLoadsAndBuilds() throws IOException {
    List<Path> files = shippedConfigs();
    assertFalse(files.isEmpty(), "conf/ holds no .yaml files");
    return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      RunConfig run = ConfigLoader.load(file);
      int inputDim = run.model().declaredInputDim();
      Sequential model = run.buildModel(inputDim > 0 ? inputDim : 8);
      assertEquals(run.model().layers().size(), model.network().layers().size());
      run.distributedOptions(run.fitOptions().build());
      assertEquals(run, ConfigLoader.parse(run.toYaml(), "config.yaml", Map.of()));
    }));
  }

  @Test
  void seedExampleIsTheFoundingExample() {
    RunConfig run = ConfigLoader.load(CONF.resolve("seed-example.yaml"));
    assertEquals(DataFormat.NPY, run.data().format());
    var train = (DataSourceConfig.Npy) run.data().train();
    assertEquals("data/x_train.npy", train.x());
    assertEquals("data/y_train.npy", train.y());
    Sequential model = run.buildModel();
    assertEquals(100, model.network().inputDim());
    assertEquals(100 * 64 + 64 + 64 * 10 + 10, model.network().numParams());
    assertEquals("categorical_crossentropy", model.network().loss().kerasName());
    assertEquals(Adam.NAME, model.optimizer().name());
    assertEquals(32, run.fit().batchSize());
    assertEquals(10, run.fit().epochs());
    assertEquals(42L, run.fit().seed());
    assertEquals("out/seed-example", run.output().dir());
  }

  @Test
  void fashionMnistValidatesOnTheTestImages() {
    RunConfig run = ConfigLoader.load(CONF.resolve("fashion-mnist.yaml"));
    assertEquals(DataFormat.IDX, run.data().format());
    assertEquals("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz",
        ((DataSourceConfig.Idx) run.data().train()).x());
    assertEquals("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz",
        ((DataSourceConfig.Idx) run.data().validation()).y());
    assertNull(run.data().test());
    assertEquals(255.0, run.preprocessing().divisor());
    Sequential model = run.buildModel();
    assertEquals(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10,
        model.network().numParams());
    assertEquals("sparse_categorical_crossentropy", run.compile().loss());
    assertEquals(List.of("accuracy"), run.compile().metrics());
    assertEquals(128, run.fit().batchSize());
    assertEquals(15, run.fit().epochs());
    assertEquals("out/fashion-mnist", run.output().dir());
  }
}
