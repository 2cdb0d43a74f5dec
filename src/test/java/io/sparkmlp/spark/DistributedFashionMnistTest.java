package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;


import io.sparkmlp.data.Scaling;
import io.sparkmlp.examples.FashionMnist;
import io.sparkmlp.examples.FashionMnistExample;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.spark.source.IdxSource;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Fashion-MNIST trained data-parallel on local[2]: 784-256-128-10 ReLU, Adam, >= 88%. */
class DistributedFashionMnistTest {

  @Test
  void reachesEightyEightPercentTestAccuracyOnLocal2() {
    Assumptions.assumeTrue(FashionMnist.available(FashionMnist.DEFAULT_DIR),
        "dataset-fashion-mnist is not installed");
    JavaSparkContext jsc = SparkTestSession.jsc();
    String dir = FashionMnist.DEFAULT_DIR + "/";
    Sequential model = FashionMnistExample.build(7);
    // The executors read their own row ranges of the gzip IDX files; pixels scaled to [0, 1].
    TrainingBlocks train = TrainingBlocks.prepare(IdxSource.blocks(jsc,
        dir + "train-images-idx3-ubyte.gz", dir + "train-labels-idx1-ubyte.gz", 2,
        Scaling.PIXEL_MAX), model.network(), "fashion-mnist train");
    TrainingBlocks test = TrainingBlocks.prepare(IdxSource.blocks(jsc,
        dir + "t10k-images-idx3-ubyte.gz", dir + "t10k-labels-idx1-ubyte.gz", 2,
        Scaling.PIXEL_MAX), model.network(), "fashion-mnist test");
    DistributedTrainer trainer = new DistributedTrainer(jsc, model, DistributedOptions.of(
        FitOptions.builder().batchSize(256).epochs(15).seed(7).build()));
    History h = trainer.fit(train, test);
    double accuracy = trainer.evaluate(test).get("accuracy");
    System.out.printf("Fashion-MNIST local[2]: test accuracy %.4f after %d epochs%n", accuracy,
        h.size());
    train.release();
    test.release();
    assertTrue(accuracy >= 0.88, "test accuracy " + accuracy);
  }
}
