package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad training data is reported once, before the first step, naming the first bad row. */
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

  private static void assertMessage(Executable call, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should mention " + p);
    }
  }

  private static void prepare(Matrix x, Matrix y, int partitions) {
    TrainingBlocks.prepare(MatrixSource.blocks(SparkTestSession.jsc(), x, y, partitions),
        model().network(), "train.npy").release();
  }

  @Test
  void nanInRowFortyThousandIsNamedByItsGlobalRow() {
    Matrix x = features(50_000, 4);
    x.values()[40_000 * 4 + 2] = Float.NaN;
    assertMessage(() -> prepare(x, labels(50_000), 3), "train.npy", "row 40000", "column 2",
        "NaN");
  }

  @Test
  void labelsOutOfRange() {
    Matrix y = labels(100);
    y.values()[77] = 3;
    assertMessage(() -> prepare(features(100, 4), y, 2), "row 77", "label 3.0", "[0, 3)");
  }

  @Test
  void featuresOfTheWrongWidth() {
    assertMessage(() -> prepare(features(10, 5), labels(10), 2), "5 features per row",
        "inputDim is 4");
  }

  @Test
  void emptyDataset() {
    assertMessage(() -> prepare(features(0, 4), labels(0), 2), "train.npy is empty");
  }

  @Test
  void morePartitionsThanRowsTrains() {
    Sequential m = model();
    TrainingBlocks b = TrainingBlocks.prepare(MatrixSource.blocks(SparkTestSession.jsc(),
        features(5, 4), labels(5), 7), m.network(), "tiny");
    new DistributedTrainer(SparkTestSession.jsc(), m, DistributedOptions.of(
        FitOptions.builder().batchSize(2).epochs(2).verbose(0).build())).fit(b, null);
    b.release();
  }
}
