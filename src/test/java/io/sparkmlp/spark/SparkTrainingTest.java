package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.OneHot;
import io.sparkmlp.examples.SeedData;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user story of the distributed issue: a parquet DataFrame in, a trained model out. */
class SparkTrainingTest {
  @TempDir
  Path tmp;

  @Test
  void fitsAParquetDataFrameWithValidationSplit() {
    SparkSession spark = SparkTestSession.get();
    Matrix[] d = SeedData.generate(2_000, 12);
    Matrix labels = OneHot.decode(d[1]);
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < d[0].rows(); r++) {
      double[] f = new double[d[0].cols()];
      for (int c = 0; c < f.length; c++) {
        f[c] = d[0].get(r, c);
      }
      rows.add(RowFactory.create(Vectors.dense(f), (double) labels.get(r, 0)));
    }
    StructType schema = new StructType()
        .add("features", SQLDataTypes.VectorType())
        .add("label", DataTypes.DoubleType);
    String path = tmp.resolve("train.parquet").toString();
    spark.createDataFrame(rows, schema).repartition(3).write().parquet(path);
    Dataset<Row> train = spark.read().parquet(path);

    Sequential model = new Sequential().seed(7)
        .add(new Dense(32, "relu").inputDim(100))
        .add(new Dense(10, "softmax"))
        .compile("sparse_categorical_crossentropy",
            new io.sparkmlp.optim.Adam(0.01), "accuracy");
    History h = SparkTraining.fit(model, train, DistributedOptions.builder()
        .featuresCol("features").labelCol("label").numPartitions(2)
        .fit(FitOptions.builder().batchSize(64).epochs(8).validationSplit(0.1).seed(7).verbose(0)
            .build()).build());
    assertEquals(8, h.size());
    assertEquals(29, h.epoch(0).get("steps"), 1.0);  // about 1,800 training rows / 64
    // 1,800 rows of a 100-feature rule: well above chance (0.1) on held-out rows.
    assertTrue(h.last("val_accuracy") > 0.6, "val_accuracy " + h.get("val_accuracy"));
    double acc = SparkTraining.evaluate(model, train, DistributedOptions.of(FitOptions.DEFAULTS))
        .get("accuracy");
    assertTrue(acc > 0.75, "accuracy on all rows " + acc);
  }
}
