package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.spark.source.MatrixSource;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.SeedData;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.optim.Lbfgs;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.optim.Optimizers;
import io.sparkmlp.train.OptimizerSnapshot;
import io.sparkmlp.train.ShardJob;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.rdd.RDD;
import org.junit.jupiter.api.Test;
import scala.Option;
import scala.Tuple2;
import scala.reflect.ClassTag$;

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

    Carried<RawFloats> large = Carried.weights(jsc, new float[inlineFloats + 1]);
    assertTrue(large.broadcast());
    assertEquals(inlineFloats + 1, large.value().values().length);
    long id = large.broadcastId();
    assertTrue(BroadcastCount.live(id) > 0, "the broadcast holds blocks");
    large.release();  // destroys it, asynchronously
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (BroadcastCount.live(id) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(0, BroadcastCount.live(id), "release destroys the broadcast");

    System.setProperty(Carried.INLINE_BYTES_PROPERTY, "0");
    try {
      Carried<RawFloats> lowered = Carried.weights(jsc, new float[1]);
      assertTrue(lowered.broadcast(), "the property lowers the limit");
      lowered.release();
    } finally {
      System.clearProperty(Carried.INLINE_BYTES_PROPERTY);
    }
  }

  /**
   * What the DAGScheduler broadcasts for a job of PartialSums (the RDD and the function,
   * serialized by the closure serializer) stays within the 1000 KiB over which Spark warns, for
   * an exact step's and a local-steps job's largest values carried inside the task, on the
   * cached blocks as they are and grouped into slots (RDD.coalesce with SlotGroups).
   */
  @Test
  void aTaskCarryingTheLargestInlineValueStaysUnderSparksWarning() {
    JavaSparkContext jsc = SparkTestSession.jsc();
    Sequential m = adam();
    TrainingBlocks train = TrainingBlocks.prepare(MatrixSource.blocks(jsc, DATA[0], DATA[1], 8),
        m.network(), "train");
    int floats = (int) (Carried.INLINE_BYTES / Float.BYTES);
    LocalStart weightsOnly = LocalStart.of(new float[floats], null);
    Carried<LocalStart> weights = Carried.of(jsc, weightsOnly, weightsOnly.bytes());
    float[][] slots = {new float[floats / 3], new float[floats / 3]};
    LocalStart largest = LocalStart.of(new float[floats / 3],
        OptimizerSnapshot.of((Optimizer) Optimizers.byName("adam"), new OptimizerState(7, slots)));
    assertEquals(3L * Float.BYTES * (floats / 3), largest.bytes());
    Carried<LocalStart> start = Carried.of(jsc, largest, largest.bytes());
    assertFalse(weights.broadcast());
    assertFalse(start.broadcast());
    RDD<Block> blocks = train.blocks().rdd();
    List<RDD<Block>> rdds = List.of(blocks,
        blocks.coalesce(2, false, Option.apply(new SlotGroups()), null));
    List<Function2<GradientSum, Block, GradientSum>> tasks = List.of(
        new ShardTask(null, ShardJob.evaluation(1), weights, true),
        new ShardTask(null, ShardJob.evaluation(1), start, true));
    for (RDD<Block> rdd : rdds) {
      for (Function2<GradientSum, Block, GradientSum> task : tasks) {
        ByteBuffer binary = SparkEnv.get().closureSerializer().newInstance().serialize(
            new Tuple2<>(rdd, new FoldBlocks(task)), ClassTag$.MODULE$.AnyRef());
        assertTrue(binary.remaining() <= 1000 * 1024, task.getClass().getSimpleName() + " on "
            + rdd.getClass().getSimpleName() + ": a task binary of " + binary.remaining()
            + " bytes");
      }
    }
    train.release();
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
