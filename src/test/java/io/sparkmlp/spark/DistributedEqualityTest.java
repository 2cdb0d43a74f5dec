package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.SeedData;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.MinibatchPlan;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.Network;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.Sgd;
import java.util.Arrays;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Distributed = local: synchronous training over P partitions gives the weights of local
 * training on the same minibatches (replayed here from {@link MinibatchPlan}).
 */
class DistributedEqualityTest {
  private static final int ROWS = 500;
  private static final int BATCH = 64;
  private static final int EPOCHS = 2;
  private static final long SEED = 21;
  private static final Matrix[] DATA = SeedData.generate(ROWS, 4);

  private static Sequential model(String optimizer) {
    Optimizer opt = optimizer.equals("sgd-momentum")
        ? Sgd.builder().learningRate(0.05).momentum(0.9).build()
        : io.sparkmlp.optim.Optimizers.byName(optimizer);
    return new Sequential().seed(3)
        .add(new Dense(12, "relu").inputDim(100))
        .add(new Dense(10, "softmax"))
        .compile("categorical_crossentropy", opt, "accuracy");
  }

  @ParameterizedTest
  @CsvSource({"1, adam", "2, adam", "3, adam", "7, adam", "1, sgd-momentum", "2, sgd-momentum",
      "3, sgd-momentum", "7, sgd-momentum"})
  void synchronousTrainingEqualsLocalReplay(int partitions, String optimizer) {
    JavaSparkContext jsc = SparkTestSession.jsc();
    Sequential distributed = model(optimizer);
    TrainingBlocks blocks = TrainingBlocks.prepare(
        MatrixSource.blocks(jsc, DATA[0], DATA[1], partitions), distributed.network(), "train");
    History h = new DistributedTrainer(jsc, distributed, DistributedOptions.of(
        FitOptions.builder().batchSize(BATCH).epochs(EPOCHS).seed(SEED).verbose(0).build()))
        .fit(blocks, null);
    blocks.release();
    assertEquals(EPOCHS, h.size());

    Sequential local = model(optimizer);
    replay(local, partitions);
    float[] a = distributed.params();
    float[] b = local.params();
    // Relative difference of the weight vectors: only the order of float additions differs.
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < a.length; i++) {
      diff += (double) (a[i] - b[i]) * (a[i] - b[i]);
      norm += (double) b[i] * b[i];
    }
    double rel = Math.sqrt(diff / norm);
    assertTrue(rel <= 1e-5, "relative difference " + rel);
    if (partitions == 1) {
      Sequential plain = model(optimizer);
      plain.fit(DATA[0], DATA[1], FitOptions.builder().batchSize(BATCH).epochs(EPOCHS)
          .seed(SEED).verbose(0).build());
      assertArrayEquals(plain.params(), distributed.params(), 0f,
          "one partition is exactly Sequential.fit");
    }
  }

  /** Local training on the minibatches the plan gives P partitions of contiguous rows. */
  private static void replay(Sequential m, int partitions) {
    Network net = m.network();
    int steps = MinibatchPlan.stepsPerEpoch(ROWS, BATCH);
    float[] params = m.params();
    float[] grad = new float[params.length];
    float[] xb = new float[(BATCH + partitions) * 100];
    float[] yb = new float[(BATCH + partitions) * 10];
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      int[][] orders = new int[partitions][];
      for (int p = 0; p < partitions; p++) {
        orders[p] = MinibatchPlan.permutation(end(p + 1, partitions) - end(p, partitions), SEED,
            epoch, p);
      }
      for (int s = 0; s < steps; s++) {
        int rows = 0;
        for (int p = 0; p < partitions; p++) {
          int n = orders[p].length;
          for (int i = MinibatchPlan.sliceStart(n, s, steps);
               i < MinibatchPlan.sliceStart(n, s + 1, steps); i++) {
            int row = end(p, partitions) + orders[p][i];
            System.arraycopy(DATA[0].values(), row * 100, xb, rows * 100, 100);
            System.arraycopy(DATA[1].values(), row * 10, yb, rows * 10, 10);
            rows++;
          }
        }
        Arrays.fill(grad, 0f);
        net.lossAndGradient(xb, 0, yb, 0, rows, params, grad, net.newWorkspace(rows), 0);
        net.finishGradient(grad, rows, params);
        m.optimizer().step(params, grad, m.optimizerState());
      }
    }
  }

  private static int end(int p, int partitions) {
    return (int) ((long) p * ROWS / partitions);
  }
}
