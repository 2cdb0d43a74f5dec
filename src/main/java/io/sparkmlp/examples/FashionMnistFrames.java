package io.sparkmlp.examples;

import io.sparkmlp.data.Matrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Fashion-MNIST as Spark ML DataFrames: "features" (a dense Vector of the 784 pixels scaled to
 * [0, 1]) and "label" (the class index as a double). The first call writes Parquet copies
 * under a cache directory and every call reads those: a DataFrame made from a driver-side list
 * would keep its rows inside every task of every later job (its partitions carry the data),
 * which would slow both MLlib and sparkmlp by shipping 190 MB per Spark job.
 */
public final class FashionMnistFrames {
  private FashionMnistFrames() {}

  private static final StructType SCHEMA = new StructType()
      .add("features", SQLDataTypes.VectorType(), false)
      .add("label", DataTypes.DoubleType, false);

  /** (train, test), read from Parquet under cacheDir (written from the IDX files if absent). */
  public static Dataset<Row>[] load(SparkSession spark, Path idxDir, Path cacheDir) {
    Path train = cacheDir.resolve("fashion-mnist-train.parquet");
    Path test = cacheDir.resolve("fashion-mnist-test.parquet");
    if (!Files.exists(train.resolve("_SUCCESS")) || !Files.exists(test.resolve("_SUCCESS"))) {
      Matrix[] d = FashionMnist.load(idxDir);
      write(spark, d[0], d[1], train);
      write(spark, d[2], d[3], test);
    }
    @SuppressWarnings("unchecked")
    Dataset<Row>[] frames = new Dataset[] {spark.read().parquet(train.toString()),
        spark.read().parquet(test.toString())};
    return frames;
  }

  private static void write(SparkSession spark, Matrix x, Matrix y, Path path) {
    List<Row> rows = new ArrayList<>(x.rows());
    int d = x.cols();
    float[] v = x.values();
    for (int r = 0; r < x.rows(); r++) {
      double[] pixels = new double[d];
      for (int j = 0; j < d; j++) {
        pixels[j] = v[r * d + j];
      }
      rows.add(RowFactory.create(Vectors.dense(pixels), (double) y.get(r, 0)));
    }
    spark.createDataFrame(rows, SCHEMA).repartition(4).write().mode(SaveMode.Overwrite)
        .parquet(path.toString());
  }
}
