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
import io.sparkmlp.optim.ConstantSchedule;
import io.sparkmlp.optim.Minimizer;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.optim.Optimizers;
import io.sparkmlp.optim.Sgd;
import io.sparkmlp.spark.source.MatrixSource;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Local steps between synchronisations (syncEvery k > 1) against {@link Replay}: each
 * partition takes its own optimizer steps on its slices of k consecutive minibatches, then the
 * driver applies the rows-weighted mean of the weight and optimizer-slot changes. 241 rows at
 * batch 30 are 9 steps an epoch, so k = 4 gives groups of 4, 4 and a last single step.
 */
class LocalStepsTest {
  private static final int ROWS = 241;
  private static final int BATCH = 30;
  private static final int STEPS = 9;
  private static final int EPOCHS = 2;
  private static final long SEED = 17;
  private static final Matrix[] DATA = SeedData.generate(ROWS, 12);
  /** Uneven weights, every seventh row weightless. */
  private static final float[] WEIGHTS = weights();

  private static float[] weights() {
    float[] w = new float[ROWS];
    for (int i = 0; i < ROWS; i++) {
      w[i] = i % 7 == 0 ? 0f : 0.25f + (i % 5) * 0.5f;
    }
    return w;
  }

  private static Sequential model(String optimizer) {
    Minimizer opt = optimizer.equals("sgd-momentum")
        ? new Sgd(new Sgd.Settings(new ConstantSchedule(0.05), null, 0.9, null))
        : Optimizers.byName(optimizer);
    return new Sequential().seed(3)
        .add(new Dense(8, "relu").inputDim(SeedData.FEATURES))
        .add(new Dense(SeedData.CLASSES, "softmax"))
        .compile("categorical_crossentropy", opt, "accuracy");
  }

  private static History train(Sequential m, float[] w, int partitions, int syncEvery) {
    JavaSparkContext jsc = SparkTestSession.jsc();
    TrainingBlocks blocks = TrainingBlocks.prepare(
        MatrixSource.blocks(jsc, DATA[0], DATA[1], w, partitions), m.network(), "train");
    try {
      return new DistributedTrainer(jsc, m, DistributedOptions.builder()
          .fit(FitOptions.builder().batchSize(BATCH).epochs(EPOCHS).seed(SEED).verbose(0).build())
          .syncEvery(syncEvery).build()).fit(blocks, null);
    } finally {
      blocks.release();
    }
  }

  /**
   * One partition: its k local steps are k synchronous steps, and averaging over one partition
   * gives back its own change, up to the rounding of start + (W·(w − start))·(1/W) in float,
   * which the replay repeats. So weights, optimizer slots and step count are equal bit for bit,
   * and within float rounding of plain synchronous training.
   */
  @ParameterizedTest
  @CsvSource({"adam, false", "sgd-momentum, false", "rmsprop, false", "adam, true"})
  void onePartitionIsReplayedBitForBit(String optimizer, boolean weighted) {
    float[] w = weighted ? WEIGHTS : null;
    Sequential distributed = model(optimizer);
    History h = train(distributed, w, 1, 4);
    Sequential local = model(optimizer);
    Replay replay = new Replay(local, DATA[0], DATA[1], w, 1, BATCH, SEED).localSteps(EPOCHS, 4);

    assertArrayEquals(local.params(), distributed.params(), 0f, "weights");
    assertStateEquals(local.optimizerState(), distributed.optimizerState(), 0f);
    assertEquals(EPOCHS * STEPS, distributed.optimizerState().step(), "every local step counts");
    assertLosses(replay, h, 1e-12);

    Sequential sync = model(optimizer);
    new Replay(sync, DATA[0], DATA[1], w, 1, BATCH, SEED).synchronous(EPOCHS);
    WeightedTrainingTest.assertClose(sync.params(), distributed.params(), 1e-6);
  }

  /**
   * Several partitions (241 rows in 3 are 80, 80, 81; in 5, 48 or 49): the result is the
   * replay's rows-weighted mean of each partition's own k steps, bit for bit (the replay adds
   * the partitions' contributions as GradientSum does), with the losses History reports; and
   * far from synchronous training on the same minibatches, which is what a trainer that
   * ignored syncEvery, or averaged gradients instead of changes, would give.
   */
  @ParameterizedTest
  @CsvSource({"3, 4, adam, false", "3, 4, sgd-momentum, false", "5, 3, adam, false",
      "2, 9, adam, false", "3, 4, adam, true", "3, 4, sgd-momentum, true"})
  void severalPartitionsAverageTheirChangesByRows(int partitions, int k, String optimizer,
                                                  boolean weighted) {
    float[] w = weighted ? WEIGHTS : null;
    Sequential distributed = model(optimizer);
    History h = train(distributed, w, partitions, k);
    Sequential local = model(optimizer);
    Replay replay = new Replay(local, DATA[0], DATA[1], w, partitions, BATCH, SEED)
        .localSteps(EPOCHS, k);

    assertArrayEquals(local.params(), distributed.params(), 0f, "weights");
    assertStateEquals(local.optimizerState(), distributed.optimizerState(), 0f);
    assertEquals(EPOCHS * STEPS, distributed.optimizerState().step(), "every local step counts");
    assertLosses(replay, h, 1e-12);

    Sequential sync = model(optimizer);
    new Replay(sync, DATA[0], DATA[1], w, partitions, BATCH, SEED).synchronous(EPOCHS);
    double fromSync = relativeDistance(sync.params(), distributed.params());
    assertTrue(fromSync > 1e-3, "local steps differ from synchronous ones: " + fromSync);
  }

  /** Step count equal; slots within tolerance relative to each slot's largest value. */
  private static void assertStateEquals(OptimizerState expected, OptimizerState actual,
                                        float relTol) {
    assertEquals(expected.step(), actual.step(), "optimizer steps");
    assertEquals(expected.numSlots(), actual.numSlots());
    for (int j = 0; j < expected.numSlots(); j++) {
      float max = 0;
      for (float v : expected.slot(j)) {
        max = Math.max(max, Math.abs(v));
      }
      assertArrayEquals(expected.slot(j), actual.slot(j), relTol * max, "slot " + j);
    }
  }

  /** History's epoch losses are the replay's weighted mean losses (sums in another order). */
  private static void assertLosses(Replay replay, History h, double relTol) {
    assertEquals(EPOCHS, h.size());
    for (int e = 0; e < EPOCHS; e++) {
      assertEquals((double) STEPS, h.epoch(e).get("steps"));
      double expected = replay.losses().get(e);
      assertEquals(expected, h.get("loss").get(e), relTol * expected, "loss of epoch " + e);
    }
  }

  private static double relativeDistance(float[] expected, float[] actual) {
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < expected.length; i++) {
      diff += (double) (expected[i] - actual[i]) * (expected[i] - actual[i]);
      norm += (double) expected[i] * expected[i];
    }
    return Math.sqrt(diff / norm);
  }
}
