package io.sparkmlp.cli;

import static io.sparkmlp.cli.CliTestSupport.cliExpect;
import static io.sparkmlp.cli.CliTestSupport.npyConfig;
import static io.sparkmlp.cli.CliTestSupport.spark;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.sparkmlp.model.Sequential;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.SparkTraining;
import io.sparkmlp.spark.source.DataLoader;
import io.sparkmlp.spark.source.Preprocessor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit.class_weight} in a config file: it binds to FitOptions.classWeight (YAML's keys
 * are strings; they must be class indices), trains exactly as the same map given from Java,
 * and its mistakes are one line naming the key.
 */
class CliClassWeightTest {
  private static final String WEIGHTS = "  class_weight: {0: 1.0, 1: 5.0, 2: 0.5}";

  @TempDir
  Path dir;

  @Test
  void bindsToFitOptions() {
    Path config = npyConfig(dir, dir.resolve("out"), WEIGHTS);
    assertEquals(Map.of(0, 1.0, 1, 5.0, 2, 0.5),
        ConfigLoader.load(config).fitOptions().build().classWeight());
    assertEquals(Map.of(), ConfigLoader.load(npyConfig(dir, dir.resolve("out"), ""))
        .fitOptions().build().classWeight());
  }

  @Test
  void trainsAsTheSameMapFromJava() {
    Path weighted = dir.resolve("weighted");
    Path config = npyConfig(dir, weighted, WEIGHTS);
    cliExpect(0, "train", "--config", config.toString());
    Path plain = dir.resolve("plain");
    cliExpect(0, "train", "--config", npyConfig(dir, plain, "").toString());

    // The same run from Java: the unweighted config, the map given to the builder.
    RunConfig cfg = ConfigLoader.load(npyConfig(dir, dir.resolve("unused"), ""));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark().sparkContext());
    JavaRDD<Block> raw = DataLoader.blocks(spark(), cfg.data().train(),
        cfg.distributed().numPartitions());
    Sequential model = cfg.buildModel(raw.map(Block::xCols).reduce(Math::max));
    Preprocessor pre = Preprocessor.fit(cfg.preprocessing(), raw, model.network().outputDim());
    SparkTraining.fit(model, jsc, pre.apply(raw), null, cfg.distributedOptions(
        cfg.fitOptions().verbose(0).classWeight(Map.of(0, 1.0, 1, 5.0, 2, 0.5)).build()));

    float[] fromYaml = Sequential.load(weighted).params();
    assertArrayEquals(model.params(), fromYaml, "class_weight from YAML trained differently "
        + "than FitOptions.classWeight");
    assertFalse(Arrays.equals(Sequential.load(plain).params(), fromYaml),
        "class_weight changed nothing");
  }

  @Test
  void mistakesAreOneLineNamingTheKey() {
    for (String[] c : new String[][] {
        {"  class_weight: {a: 1.0}", "fit.class_weight has key 'a'; keys must be class "
            + "indices"},
        {"  class_weight: {0: heavy}", "fit.class_weight.0 must be a finite number >= 0, "
            + "got 'heavy'"},
        {"  class_weight: {0: -1.0}", "fit.class_weight.0 must be a finite number >= 0"},
        {"  class_weight: [1.0, 2.0]", "fit.class_weight must be a map of class index to "
            + "weight"},
        {"  class_weight: {0: 1.0, 7: 2.0}", "fit.class_weight has class 7 but the model has "
            + "3 classes (0 to 2)"}}) {
      Path config = npyConfig(dir, dir.resolve("out"), c[0]);
      CliTestSupport.Result r = cliExpect(2, "train", "--config", config.toString());
      assertEquals(1, r.errLines().size(), r::toString);
      assertTrue(r.err().contains(c[1]), () -> c[0] + " -> " + r);
    }
  }
}
