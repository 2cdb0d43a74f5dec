package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.OneHot;
import io.sparkmlp.examples.SeedData;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.ParamLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The weight column through the public one-call API: weights of 1 change nothing, bit for
 * bit, and evaluation reports the weighted mean loss and accuracy.
 */
class WeightedSparkTrainingTest {

  private static Sequential model() {
    return new Sequential().seed(11)
        .add(new Dense(8, "relu").inputDim(SeedData.FEATURES))
        .add(new Dense(SeedData.CLASSES, "softmax"))
        .compile("sparse_categorical_crossentropy", "adam", "accuracy");
  }

  /**
   * Unit weights take the weighted code paths (weights gathered, each loss term and gradient
   * row times 1, divisors from weight sums), all exact: the same weights as no weight column,
   * for synchronous and local steps, with rebalancing (3 input partitions onto 2) and a
   * validation split.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void unitWeightsEqualNoWeightColumn(int syncEvery) {
    Matrix[] d = SeedData.generate(300, 9);
    Matrix labels = OneHot.decode(d[1]);
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < d[0].rows(); r++) {
      double[] f = new double[d[0].cols()];
      for (int c = 0; c < f.length; c++) {
        f[c] = d[0].get(r, c);
      }
      rows.add(RowFactory.create(Vectors.dense(f), (double) labels.get(r, 0), 1.0));
    }
    StructType schema = new StructType()
        .add("features", SQLDataTypes.VectorType())
        .add("label", DataTypes.DoubleType)
        .add("weight", DataTypes.DoubleType);
    Dataset<Row> df = SparkTestSession.get().createDataFrame(rows, schema).repartition(3)
        .cache();
    DistributedOptions.Builder options = DistributedOptions.builder().numPartitions(2)
        .syncEvery(syncEvery).fit(FitOptions.builder().batchSize(32).epochs(2)
            .validationSplit(0.2).seed(4).verbose(0).build());
    Sequential plain = model();
    Sequential weighted = model();
    History hp = SparkTraining.fit(plain, df, options.build());
    History hw = SparkTraining.fit(weighted, df, options.weightCol("weight").build());
    df.unpersist();
    assertArrayEquals(plain.params(), weighted.params(), 0f);
    for (String key : hp.keys()) {
      if (key.contains("loss") || key.contains("accuracy")) {
        // Reported sums merge in the order tasks finish: equal up to rounding, not bits.
        double v = hp.last(key);
        assertEquals(v, hw.last(key), 1e-12 * Math.abs(v), key);
      }
    }
  }

  /**
   * A 1-input, 2-class softmax model with logits (x, -x): P(class 0) = 1 / (1 + e^{-2x}), so
   * each row's loss and hit can be written down, and the weighted means checked by hand.
   */
  @Test
  void evaluateReportsWeightedMeans() {
    double[] x = {1, -2, 0.5, 3, -0.25};
    double[] label = {0, 0, 1, 1, 1};
    double[] w = {1, 3, 0, 0.5, 2};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      rows.add(RowFactory.create(Vectors.dense(x[i]), label[i], w[i]));
    }
    StructType schema = new StructType()
        .add("features", SQLDataTypes.VectorType())
        .add("label", DataTypes.DoubleType)
        .add("w", DataTypes.DoubleType);
    Dataset<Row> df = SparkTestSession.get().createDataFrame(rows, schema).repartition(2);

    Sequential m = new Sequential().add(new Dense(2, "softmax").inputDim(1))
        .compile("sparse_categorical_crossentropy", "sgd", "accuracy");
    ParamLayout layout = m.network().layout();
    float[] p = m.params();
    p[layout.kernelOffset(0)] = 1f;
    p[layout.kernelOffset(0) + 1] = -1f;
    p[layout.biasOffset(0)] = 0f;
    p[layout.biasOffset(0) + 1] = 0f;

    double lossSum = 0;
    double hits = 0;
    double weightSum = 0;
    for (int i = 0; i < x.length; i++) {
      double sign = label[i] == 0 ? 1 : -1;  // the true class's logit minus the other's: 2·sign·x
      lossSum += w[i] * Math.log1p(Math.exp(-2 * sign * x[i]));
      hits += w[i] * ((x[i] > 0) == (label[i] == 0) ? 1 : 0);
      weightSum += w[i];
    }
    Map<String, Double> logs = SparkTraining.evaluate(m, df, DistributedOptions.builder()
        .weightCol("w").numPartitions(2).build());
    assertEquals(lossSum / weightSum, logs.get("loss"), 1e-6);
    assertEquals(hits / weightSum, logs.get("accuracy"), 1e-12);
    // Without the column: plain means, a different number here.
    Map<String, Double> plain = SparkTraining.evaluate(m, df, DistributedOptions.builder()
        .numPartitions(2).build());
    assertEquals(2.0 / x.length, plain.get("accuracy"), 1e-12);
  }
}
