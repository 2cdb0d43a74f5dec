package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.spark.source.MatrixSource;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.SeedData;
import io.sparkmlp.model.Callback;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.model.TrainingControl;
import io.sparkmlp.train.Checkpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Determinism, checkpoints and resume, History shape, validation (local steps: LocalStepsTest). */
class DistributedTrainingTest {
  private static final Matrix[] DATA = SeedData.generate(1_200, 8);

  @TempDir
  Path tmp;

  private static Sequential model() {
    return new Sequential().seed(5)
        .add(new Dense(16, "relu").inputDim(100))
        .add(new Dense(10, "softmax"))
        .compile("categorical_crossentropy", "adam", "accuracy");
  }

  private static TrainingBlocks blocks(Sequential m, Matrix x, Matrix y, int partitions) {
    return TrainingBlocks.prepare(MatrixSource.blocks(SparkTestSession.jsc(), x, y, partitions),
        m.network(), "seed data");
  }

  private static History train(Sequential m, TrainingBlocks data, FitOptions.Builder o) {
    return train(m, data, o, DistributedOptions.DEFAULT_SYNC_EVERY);
  }

  private static History train(Sequential m, TrainingBlocks data, FitOptions.Builder o,
                               int syncEvery) {
    return new DistributedTrainer(SparkTestSession.jsc(), m, DistributedOptions.builder()
        .fit(o.verbose(0).build()).syncEvery(syncEvery).build()).fit(data, null);
  }

  @Test
  void sameSeedAndPartitioningGiveBitIdenticalWeights() {
    float[][] runs = new float[2][];
    for (int r = 0; r < 2; r++) {
      Sequential m = model();
      TrainingBlocks data = blocks(m, DATA[0], DATA[1], 3);
      train(m, data, FitOptions.builder().batchSize(100).epochs(2).seed(9));
      data.release();
      runs[r] = m.params();
    }
    assertArrayEquals(runs[0], runs[1], 0f);
  }

  @Test
  void historyHasTheShapeOfLocalTrainingAndValidationIsDistributed() {
    Sequential m = model();
    TrainingBlocks train = blocks(m, DATA[0].slice(0, 1000), DATA[1].slice(0, 1000), 2);
    TrainingBlocks val = blocks(m, DATA[0].slice(1000, 1200), DATA[1].slice(1000, 1200), 3);
    DistributedTrainer trainer = new DistributedTrainer(SparkTestSession.jsc(), m,
        DistributedOptions.of(FitOptions.builder().batchSize(50).epochs(3).seed(1).verbose(0)
            .build()));
    History h = trainer.fit(train, val);
    assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy", "steps", "seconds",
        "samples_per_second"), h.keys());
    assertEquals(20.0, h.epoch(0).get("steps"));
    Map<String, Double> local = m.evaluate(DATA[0].slice(1000, 1200), DATA[1].slice(1000, 1200));
    assertEquals(local.get("loss"), h.last("val_loss"), 1e-6);
    assertEquals(local.get("accuracy"), h.last("val_accuracy"), 1e-12);
    assertEquals(local.get("loss"), trainer.evaluate(val).get("loss"), 1e-6);
    train.release();
    val.release();
  }

  @Test
  void resumeAfterAnInterruptionEqualsAnUninterruptedRun() {
    Sequential straight = model();
    TrainingBlocks data = blocks(straight, DATA[0], DATA[1], 2);
    train(straight, data, FitOptions.builder().batchSize(64).epochs(4).seed(3));

    Path ckpt = tmp.resolve("ckpt");
    Sequential first = model();
    Callback crash = new Callback() {
      @Override
      public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl c) {
        if (epoch == 2) {
          throw new IllegalStateException("killed during epoch 3");
        }
      }
    };
    assertThrows(IllegalStateException.class, () -> train(first, data, FitOptions.builder()
        .batchSize(64).epochs(4).seed(3).checkpointDir(ckpt).callbacks(crash)));
    assertEquals(2, Checkpoint.readState(ckpt).epochsCompleted());

    Sequential resumed = model();   // a fresh process would start from scratch like this
    History h = train(resumed, data, FitOptions.builder().batchSize(64).epochs(4).seed(3)
        .checkpointDir(ckpt).resume(true));
    assertEquals(4, h.size(), "epochs 1 and 2 from the checkpoint, then 3 and 4");
    assertArrayEquals(straight.params(), resumed.params(), 0f);
    assertEquals(4, Checkpoint.readState(ckpt).epochsCompleted());
    data.release();
  }

  @Test
  void broadcastsAreDestroyedEveryStep() {
    Sequential m = new Sequential().seed(1).add(new Dense(3, "softmax").inputDim(4))
        .compile("sparse_categorical_crossentropy", "sgd");
    float[] x = new float[2_000 * 4];
    float[] y = new float[2_000];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 3;
      x[i * 4 + i % 3] = 1f;
    }
    TrainingBlocks data = blocks(m, new Matrix(x, 2_000, 4), new Matrix(y, 2_000, 1), 2);
    JavaSparkContext jsc = SparkTestSession.jsc();
    int before = BroadcastCount.live(jsc);
    // Weights this small ride inside the task (Carried); send them as broadcasts here.
    System.setProperty(Carried.INLINE_BYTES_PROPERTY, "0");
    try {
      train(m, data, FitOptions.builder().batchSize(1).epochs(1).seed(1));   // 2,000 steps
    } finally {
      System.clearProperty(Carried.INLINE_BYTES_PROPERTY);
    }
    int after = BroadcastCount.live(jsc);
    // Each step makes two broadcasts: the weights (destroyed by the trainer) and the task
    // binary (released by Spark's ContextCleaner after GC). A leak would leave ~2,000 behind.
    assertTrue(after - before < 100, "live broadcast blocks went from " + before + " to " + after);
    data.release();
  }
}
