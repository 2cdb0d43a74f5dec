package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkmlp.spark.source.MatrixSource;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.SeedData;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.optim.ConstantSchedule;
import io.sparkmlp.optim.Minimizer;
import io.sparkmlp.optim.Sgd;
import io.sparkmlp.train.MinibatchPlan;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Distributed = local: synchronous training over P partitions gives the weights of local
 * training on the same minibatches (replayed from {@link MinibatchPlan} by {@link Replay}),
 * bit for bit.
 */
class DistributedEqualityTest {
  private static final int ROWS = 500;
  private static final int BATCH = 64;
  private static final int EPOCHS = 2;
  private static final long SEED = 21;
  private static final Matrix[] DATA = SeedData.generate(ROWS, 4);

  private static Sequential model(String optimizer) {
    Minimizer opt = optimizer.equals("sgd-momentum")
        ? new Sgd(new Sgd.Settings(new ConstantSchedule(0.05), null, 0.9, null))
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
    new Replay(local, DATA[0], DATA[1], null, partitions, BATCH, SEED).synchronous(EPOCHS);
    // Bit for bit: the replay adds the partitions' float gradient sums as GradientSum does.
    assertArrayEquals(local.params(), distributed.params(), 0f);
    if (partitions == 1) {
      Sequential plain = model(optimizer);
      plain.fit(DATA[0], DATA[1], FitOptions.builder().batchSize(BATCH).epochs(EPOCHS)
          .seed(SEED).verbose(0).build());
      assertArrayEquals(plain.params(), distributed.params(), 0f,
          "one partition is exactly Sequential.fit");
    }
  }
}
