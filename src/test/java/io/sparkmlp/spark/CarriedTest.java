package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.SeedData;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.optim.Lbfgs;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * Weights ride inside the task up to {@link Carried#INLINE_BYTES}, in a broadcast above it (or
 * below {@code -Dsparkmlp.inlineBytes}), and training does not depend on which: exact steps,
 * local steps, validation and L-BFGS end with the same weights, bit for bit, either way.
 */
class CarriedTest {
  private static final Matrix[] DATA = SeedData.generate(900, 8);

  @Test
  void smallValuesRideInTheTaskLargeOnesInABroadcast() throws InterruptedException {
    JavaSparkContext jsc = SparkTestSession.jsc();
    int inlineFloats = (int) (Carried.INLINE_BYTES / Float.BYTES);
    Carried<RawFloats> small = Carried.weights(jsc, new float[inlineFloats]);
    assertFalse(small.broadcast());
    assertEquals(inlineFloats, small.value().values().length);

    int before = BroadcastCount.live(jsc);
    Carried<RawFloats> large = Carried.weights(jsc, new float[inlineFloats + 1]);
    assertTrue(large.broadcast());
    assertEquals(inlineFloats + 1, large.value().values().length);
    assertTrue(BroadcastCount.live(jsc) > before, "the broadcast holds blocks");
    large.release();  // destroys it, asynchronously
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (BroadcastCount.live(jsc) > before && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(before, BroadcastCount.live(jsc), "release destroys the broadcast");

    System.setProperty(Carried.INLINE_BYTES_PROPERTY, "0");
    try {
      Carried<RawFloats> lowered = Carried.weights(jsc, new float[1]);
      assertTrue(lowered.broadcast(), "the property lowers the limit");
      lowered.release();
    } finally {
      System.clearProperty(Carried.INLINE_BYTES_PROPERTY);
    }
  }

  private static Sequential adam() {
    return new Sequential().seed(4)
        .add(new Dense(12, "relu").inputDim(100))
        .add(new Dense(10, "softmax"))
        .compile("categorical_crossentropy", "adam", "accuracy");
  }

  private static Sequential lbfgs() {
    return new Sequential().seed(4)
        .add(new Dense(10, "softmax").inputDim(100))
        .compile("categorical_crossentropy", Lbfgs.builder().maxIter(50).tol(0).build(),
            "accuracy");
  }

  /** Weights and history of one fit on 3 partitions, validated on the last 300 rows. */
  private static float[] fit(Supplier<Sequential> build, int syncEvery, int epochs,
                             boolean broadcast) {
    if (broadcast) {
      System.setProperty(Carried.INLINE_BYTES_PROPERTY, "0");
    }
    try {
      JavaSparkContext jsc = SparkTestSession.jsc();
      Sequential m = build.get();
      TrainingBlocks train = TrainingBlocks.prepare(MatrixSource.blocks(jsc,
          DATA[0].slice(0, 600), DATA[1].slice(0, 600), 3), m.network(), "train");
      TrainingBlocks validation = TrainingBlocks.prepare(MatrixSource.blocks(jsc,
          DATA[0].slice(600, 900), DATA[1].slice(600, 900), 2), m.network(),
          "validation");
      History h = new DistributedTrainer(jsc, m, DistributedOptions.builder()
          .fit(FitOptions.builder().batchSize(64).epochs(epochs).seed(2).verbose(0).build())
          .syncEvery(syncEvery).build()).fit(train, validation);
      train.release();
      validation.release();
      float[] out = m.params().clone();
      float[] withLoss = java.util.Arrays.copyOf(out, out.length + 1);
      withLoss[out.length] = (float) h.last("val_loss");
      return withLoss;
    } finally {
      System.clearProperty(Carried.INLINE_BYTES_PROPERTY);
    }
  }

  @Test
  void trainingIsTheSameWithTheWeightsInTheTaskOrBroadcast() {
    assertArrayEquals(fit(CarriedTest::adam, 1, 2, false), fit(CarriedTest::adam, 1, 2, true),
        "exact steps");
    assertArrayEquals(fit(CarriedTest::adam, 4, 2, false), fit(CarriedTest::adam, 4, 2, true),
        "local steps");
    assertArrayEquals(fit(CarriedTest::lbfgs, 1, 5, false), fit(CarriedTest::lbfgs, 1, 5, true),
        "L-BFGS");
  }
}
