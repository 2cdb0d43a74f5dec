package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.SeedData;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.optim.Sgd;
import io.sparkmlp.spark.source.MatrixSource;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Distributed training on the weighted mean loss: it equals a local replay of the same
 * minibatches with the same weights, does not depend on the partitioning where the
 * minibatches do not, and integer weights act as duplicated rows.
 */
class WeightedTrainingTest {
  private static final int ROWS = 240;
  private static final long SEED = 13;
  private static final Matrix[] DATA = SeedData.generate(ROWS, 6);
  /** Spread over [0, 3], every seventh row weightless. */
  private static final float[] WEIGHTS = weights();

  private static float[] weights() {
    float[] w = new float[ROWS];
    for (int i = 0; i < ROWS; i++) {
      w[i] = i % 7 == 0 ? 0f : (i % 5) * 0.75f;
    }
    return w;
  }

  private static Sequential model(String optimizer) {
    return new Sequential().seed(3)
        .add(new Dense(8, "relu").inputDim(SeedData.FEATURES))
        .add(new Dense(SeedData.CLASSES, "softmax"))
        .compile("categorical_crossentropy", optimizer.equals("sgd")
            ? new Sgd(0.1)
            : io.sparkmlp.optim.Optimizers.byName(optimizer), "accuracy");
  }

  private static History train(Sequential m, Matrix x, Matrix y, float[] w, int partitions,
                               FitOptions.Builder options) {
    return train(m, x, y, w, partitions, options, DistributedOptions.DEFAULT_SYNC_EVERY);
  }

  private static History train(Sequential m, Matrix x, Matrix y, float[] w, int partitions,
                               FitOptions.Builder options, int syncEvery) {
    JavaSparkContext jsc = SparkTestSession.jsc();
    TrainingBlocks blocks = TrainingBlocks.prepare(MatrixSource.blocks(jsc, x, y, w, partitions),
        m.network(), "weighted data");
    try {
      return new DistributedTrainer(jsc, m, DistributedOptions.builder()
          .fit(options.verbose(0).build()).syncEvery(syncEvery).build()).fit(blocks, null);
    } finally {
      blocks.release();
    }
  }

  @ParameterizedTest
  @CsvSource({"1, adam", "3, adam", "1, sgd", "3, sgd"})
  void distributedEqualsLocalWeightedReplay(int partitions, String optimizer) {
    int batch = 50;
    int epochs = 2;
    Sequential distributed = model(optimizer);
    train(distributed, DATA[0], DATA[1], WEIGHTS, partitions, FitOptions.builder()
        .batchSize(batch).epochs(epochs).seed(SEED));
    Sequential local = model(optimizer);
    new Replay(local, DATA[0], DATA[1], WEIGHTS, partitions, batch, SEED).synchronous(epochs);
    // Bit for bit: the replay adds the partitions' float gradient sums as GradientSum does.
    assertArrayEquals(local.params(), distributed.params(), 0f);
  }

  /** Full batches hold every row whatever the partitioning: 1 and 3 partitions agree. */
  @Test
  void fullBatchesDoNotDependOnPartitions() {
    Sequential one = model("sgd");
    Sequential three = model("sgd");
    History h1 = train(one, DATA[0], DATA[1], WEIGHTS, 1, FitOptions.builder()
        .batchSize(ROWS).epochs(4).seed(SEED));
    History h3 = train(three, DATA[0], DATA[1], WEIGHTS, 3, FitOptions.builder()
        .batchSize(ROWS).epochs(4).seed(SEED));
    assertClose(one.params(), three.params(), 1e-5);
    assertEquals(h1.last("loss"), h3.last("loss"), 1e-6 * h1.last("loss"));
  }

  /**
   * Weight 2 on a row is the row twice: full-batch SGD on weighted data takes the steps of
   * unweighted SGD on the data with those rows duplicated, and reports the same loss.
   */
  @Test
  void integerWeightsActAsDuplicatedRows() {
    int[] copies = new int[ROWS];
    float[] w = new float[ROWS];
    int dupRows = 0;
    for (int i = 0; i < ROWS; i++) {
      copies[i] = i % 3 == 0 ? 2 : 1;
      w[i] = copies[i];
      dupRows += copies[i];
    }
    Matrix dupX = new Matrix(new float[dupRows * SeedData.FEATURES], dupRows, SeedData.FEATURES);
    Matrix dupY = new Matrix(new float[dupRows * SeedData.CLASSES], dupRows, SeedData.CLASSES);
    for (int i = 0, r = 0; i < ROWS; i++) {
      for (int c = 0; c < copies[i]; c++, r++) {
        System.arraycopy(DATA[0].values(), i * SeedData.FEATURES, dupX.values(),
            r * SeedData.FEATURES, SeedData.FEATURES);
        System.arraycopy(DATA[1].values(), i * SeedData.CLASSES, dupY.values(),
            r * SeedData.CLASSES, SeedData.CLASSES);
      }
    }
    Sequential weighted = model("sgd");
    Sequential duplicated = model("sgd");
    FitOptions.Builder fullBatch = FitOptions.builder().batchSize(dupRows).epochs(5)
        .seed(SEED);
    History hw = train(weighted, DATA[0], DATA[1], w, 2, fullBatch);
    History hd = train(duplicated, dupX, dupY, null, 2, fullBatch);
    assertClose(duplicated.params(), weighted.params(), 1e-5);
    for (int e = 0; e < 5; e++) {
      double loss = hd.get("loss").get(e);
      assertEquals(loss, hw.get("loss").get(e), 1e-5 * loss, "loss of epoch " + e);
      // Weights that differ in the last bits could flip one near-tie prediction.
      assertEquals(hd.get("accuracy").get(e), hw.get("accuracy").get(e), 1.0 / dupRows,
          "accuracy of epoch " + e);
    }
  }

  /**
   * With syncEvery > 1 each local step divides by its slice's weight and partitions count by
   * their total weight; one partition taking 3 local steps is then 3 synchronous steps. (SGD,
   * whose step scales with the gradient, so a wrong divisor shows.)
   */
  @Test
  void localStepsOfOnePartitionEqualSynchronousSteps() {
    Sequential sync = model("sgd");
    Sequential local = model("sgd");
    train(sync, DATA[0], DATA[1], WEIGHTS, 1, FitOptions.builder().batchSize(40).epochs(1)
        .seed(SEED));
    train(local, DATA[0], DATA[1], WEIGHTS, 1, FitOptions.builder().batchSize(40)
        .epochs(1).seed(SEED), 3);
    assertClose(sync.params(), local.params(), 1e-5);
  }

  /** Relative distance of the weight vectors is at most tolerance. */
  static void assertClose(float[] expected, float[] actual, double tolerance) {
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < expected.length; i++) {
      diff += (double) (expected[i] - actual[i]) * (expected[i] - actual[i]);
      norm += (double) expected[i] * expected[i];
    }
    double rel = Math.sqrt(diff / norm);
    assertTrue(rel <= tolerance, "relative difference " + rel);
  }
}
