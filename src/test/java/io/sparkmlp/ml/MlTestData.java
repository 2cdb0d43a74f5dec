package io.sparkmlp.ml;

import io.sparkmlp.spark.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Small seeded DataFrames for the ml tests. */
final class MlTestData {
  private MlTestData() {}

  static SparkSession spark() {
    return SparkTestSession.get();
  }

  /**
   * Two rings: class 0 inside radius 1, class 1 between radius 1.6 and 2.4, in columns x1, x2
   * (doubles) and label. No line separates them; one hidden layer does.
   */
  static Dataset<Row> rings(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int label = i % 2;
      double r = label == 0 ? rng.nextDouble() : 1.6 + 0.8 * rng.nextDouble();
      double a = 2 * Math.PI * rng.nextDouble();
      rows.add(RowFactory.create(r * Math.cos(a), r * Math.sin(a), (double) label));
    }
    StructType schema = new StructType().add("x1", DataTypes.DoubleType)
        .add("x2", DataTypes.DoubleType).add("label", DataTypes.DoubleType);
    return spark().createDataFrame(rows, schema);
  }

  /** Three Gaussian blobs in 4 dimensions as a Vector column "features" and a "label". */
  static Dataset<Row> blobs(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int label = i % 3;
      double[] x = new double[4];
      for (int j = 0; j < 4; j++) {
        x[j] = (j == label ? 3.0 : 0.0) + gaussian(rng);
      }
      rows.add(RowFactory.create(Vectors.dense(x), (double) label));
    }
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType())
        .add("label", DataTypes.DoubleType);
    return spark().createDataFrame(rows, schema);
  }

  /** The smooth function the regressor test fits: f(a, b) = sin(2a) + 0.5 b². */
  static double smooth(double a, double b) {
    return Math.sin(2 * a) + 0.5 * b * b;
  }

  /** n points drawn uniformly from [-1, 1]² with features array<double> and label f. */
  static Dataset<Row> smoothFunction(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double a = 2 * rng.nextDouble() - 1;
      double b = 2 * rng.nextDouble() - 1;
      rows.add(RowFactory.create(List.of(a, b), smooth(a, b)));
    }
    StructType schema = new StructType()
        .add("features", DataTypes.createArrayType(DataTypes.DoubleType, false))
        .add("label", DataTypes.DoubleType);
    return spark().createDataFrame(rows, schema);
  }

  static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
