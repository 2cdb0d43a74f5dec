package io.sparkmlp.spark;

import static io.sparkmlp.testing.Expect.assertFails;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.spark.source.MatrixSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Bad sample weights stop training before the first step with one IllegalArgumentException
 * that names the weight column and the row: negative, NaN, infinite or null values, a column
 * that is not numeric or not there, weights that are all 0.
 */
class WeightedBadInputTest {
  private static final int ROWS = 6;
  private static final int BAD_ROW = 3;

  private static Sequential model() {
    return new Sequential().add(new Dense(2, "softmax").inputDim(2))
        .compile("sparse_categorical_crossentropy", "sgd", "accuracy");
  }

  /** One input partition, so the bad row's index is its position; weight 1 elsewhere. */
  private static Dataset<Row> frame(Double badWeight) {
    StructType schema = new StructType()
        .add("features", SQLDataTypes.VectorType())
        .add("label", DataTypes.DoubleType)
        .add("w", DataTypes.DoubleType, true)
        .add("name", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      rows.add(RowFactory.create(Vectors.dense(r, 1), (double) (r % 2),
          r == BAD_ROW ? badWeight : Double.valueOf(1.0), "row" + r));
    }
    return SparkTestSession.get().createDataFrame(rows, schema).coalesce(1);
  }

  private static void fit(Dataset<Row> df, String weightCol) {
    SparkTraining.fit(model(), df, DistributedOptions.builder().weightCol(weightCol)
        .numPartitions(1).fit(FitOptions.builder().batchSize(4).epochs(1).verbose(0).build())
        .build());
  }

  @Test
  void negativeWeight() {
    assertFails(() -> fit(frame(-1.0), "w"), "weight column 'w' is -1.0 in row 3 of input "
        + "partition 0", "finite and >= 0");
  }

  @Test
  void nanWeight() {
    assertFails(() -> fit(frame(Double.NaN), "w"), "weight column 'w' is NaN in row 3");
  }

  @Test
  void weightTooLargeForAFloat() {
    assertFails(() -> fit(frame(1e300), "w"), "weight column 'w' is Infinity in row 3");
  }

  @Test
  void nullWeight() {
    assertFails(() -> fit(frame(null), "w"), "weight column 'w' is null in row 3 of input "
        + "partition 0");
  }

  @Test
  void nonNumericWeightColumn() {
    assertFails(() -> fit(frame(1.0), "name"), "weight column 'name' has type string",
        "expected a number");
  }

  @Test
  void missingWeightColumn() {
    assertFails(() -> fit(frame(1.0), "weight"), "weight column 'weight' not found",
        "features, label, w, name");
  }

  @Test
  void allWeightsZero() {
    assertFails(() -> fit(frame(1.0).selectExpr("features", "label", "0.0 AS w"), "w"),
        "training data has no row with a positive weight");
  }

  /** Blocks from other sources are checked by prepare, naming the row of the whole data. */
  @Test
  void badWeightInMatrixBlocksIsNamedByItsGlobalRow() {
    float[] w = new float[40];
    java.util.Arrays.fill(w, 1f);
    w[29] = -0.5f;
    Matrix x = new Matrix(new float[40 * 2], 40, 2);
    Matrix y = new Matrix(new float[40], 40, 1);
    assertFails(() -> TrainingBlocks.prepare(MatrixSource.blocks(SparkTestSession.jsc(), x, y,
        w, 3), model().network(), "train.npy"), "train.npy weights: row 29 is -0.5",
        "finite and >= 0");
  }
}
