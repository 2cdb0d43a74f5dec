package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.FashionMnist;
import io.sparkmlp.examples.FashionMnistExample;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
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
    Matrix[] d = FashionMnist.load(FashionMnist.DEFAULT_DIR);
    Sequential model = FashionMnistExample.build(7);
    TrainingBlocks train = TrainingBlocks.prepare(MatrixSource.blocks(jsc, d[0], d[1], 2),
        model.network(), "fashion-mnist train");
    TrainingBlocks test = TrainingBlocks.prepare(MatrixSource.blocks(jsc, d[2], d[3], 2),
        model.network(), "fashion-mnist test");
    DistributedTrainer trainer = new DistributedTrainer(jsc, model, SparkFitOptions.builder()
        .batchSize(256).epochs(15).seed(7).build());
    History h = trainer.fit(train, test);
    double accuracy = trainer.evaluate(test).get("accuracy");
    System.out.printf("Fashion-MNIST local[2]: test accuracy %.4f after %d epochs%n", accuracy,
        h.size());
    train.release();
    test.release();
    assertTrue(accuracy >= 0.88, "test accuracy " + accuracy);
  }
}
