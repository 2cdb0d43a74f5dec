package io.sparkmlp.spark;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.spark.source.MatrixSource;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad training data is reported once, before the first step, naming the first bad row; odd but
 * valid data (more partitions than rows) trains.
 */
class DistributedBadInputTest {

  private static Sequential model() {
    return new Sequential().add(new Dense(3, "softmax").inputDim(4))
        .compile("sparse_categorical_crossentropy", "adam", "accuracy");
  }

  private static Matrix features(int rows, int cols) {
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i % 5) * 0.25f;
    }
    return new Matrix(v, rows, cols);
  }

  private static Matrix labels(int rows) {
    float[] v = new float[rows];
    for (int i = 0; i < rows; i++) {
      v[i] = i % 3;
    }
    return new Matrix(v, rows, 1);
  }

  private static void prepare(Matrix x, Matrix y, int partitions) {
    TrainingBlocks.prepare(MatrixSource.blocks(SparkTestSession.jsc(), x, y, partitions),
        model().network(), "train.npy").release();
  }

  @Test
  void nanInRowFortyThousandIsNamedByItsGlobalRow() {
    Matrix x = features(50_000, 4);
    x.values()[40_000 * 4 + 2] = Float.NaN;
    assertFails(() -> prepare(x, labels(50_000), 3), "train.npy", "row 40000", "column 2",
        "NaN");
  }

  @Test
  void labelsOutOfRange() {
    Matrix y = labels(100);
    y.values()[77] = 3;
    assertFails(() -> prepare(features(100, 4), y, 2), "row 77", "label 3.0", "[0, 3)");
  }

  @Test
  void featuresOfTheWrongWidth() {
    assertFails(() -> prepare(features(10, 5), labels(10), 2), "5 features per row",
        "inputDim is 4");
  }

  @Test
  void emptyDataset() {
    assertFails(() -> prepare(features(0, 4), labels(0), 2), "train.npy is empty");
  }

  /**
   * 5 rows in 7 partitions at batch 2: two partitions are empty and the other five hold one
   * row each, which the plan puts in the epoch's last step (steps of 0, 0 and 5 rows). Training
   * runs all 3 steps of both epochs and lands, bit for bit, where a local replay of those
   * minibatches does.
   */
  @Test
  void morePartitionsThanRowsTrains() {
    Sequential m = model();
    float[] before = m.params().clone();
    TrainingBlocks b = TrainingBlocks.prepare(MatrixSource.blocks(SparkTestSession.jsc(),
        features(5, 4), labels(5), 7), m.network(), "tiny");
    assertArrayEquals(new int[] {0, 1, 1, 0, 1, 1, 1}, b.rowsPerPartition());
    History h = new DistributedTrainer(SparkTestSession.jsc(), m, DistributedOptions.of(
        FitOptions.builder().batchSize(2).epochs(2).seed(8).verbose(0).build())).fit(b, null);
    b.release();
    assertEquals(2, h.size());
    assertEquals(List.of(3.0, 3.0), h.get("steps"));
    assertEquals(6, m.optimizerState().step(), "empty steps are optimizer steps too");
    for (float v : m.params()) {
      assertTrue(Float.isFinite(v));
    }
    assertFalse(Arrays.equals(before, m.params()), "weights changed");

    Sequential local = model();
    Replay replay = new Replay(local, features(5, 4), labels(5), null, 7, 2, 8).synchronous(2);
    assertArrayEquals(local.params(), m.params(), 0f, "weights of the local replay");
    for (int e = 0; e < 2; e++) {
      assertEquals(replay.losses().get(e), h.get("loss").get(e), 1e-12, "loss of epoch " + e);
    }
  }
}
