package io.sparkmlp.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The regressor fits f(a, b) = sin(2a) + 0.5 b² on [-1, 1]² (values in about [-1, 1.5], a
 * standard deviation of 0.8) to a root mean squared error under 0.05 on points it never saw,
 * and fits several outputs at once from a Vector label.
 */
class MLPRegressorTest {
  @Test
  void fitsASmoothFunctionToAStatedError() {
    Dataset<Row> train = MlTestData.smoothFunction(1024, 1);
    Dataset<Row> test = MlTestData.smoothFunction(400, 2);
    MLPRegressionModel model = new MLPRegressor().setLayers(new int[] {2, 32, 32, 1})
        .setActivation("tanh").setLearningRate(0.01).setBatchSize(128).setMaxEpochs(60)
        .setSeed(4).fit(train);
    double rmse = new RegressionEvaluator().setMetricName("rmse")
        .evaluate(model.transform(test));
    assertTrue(rmse < 0.05, () -> "test RMSE " + rmse);
    double[] loss = model.summary().objectiveHistory();
    assertEquals(60, loss.length);
    assertTrue(loss[59] < 0.0025, () -> "final training MSE " + loss[59]);
    double a = 0.3;
    double b = -0.6;
    assertEquals(MlTestData.smooth(a, b), model.predict(Vectors.dense(a, b)), 0.1);
  }

  @Test
  void fitsSeveralOutputsFromAVectorLabel() {
    List<Row> rows = new java.util.ArrayList<>();
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    for (int i = 0; i < 512; i++) {
      double a = 2 * rng.nextDouble() - 1;
      double b = 2 * rng.nextDouble() - 1;
      rows.add(RowFactory.create(Vectors.dense(a, b), Vectors.dense(a + b, a - 2 * b)));
    }
    StructType schema = new StructType()
        .add("features", org.apache.spark.ml.linalg.SQLDataTypes.VectorType())
        .add("target", org.apache.spark.ml.linalg.SQLDataTypes.VectorType());
    Dataset<Row> df = MlTestData.spark().createDataFrame(rows, schema);
    MLPRegressionModel model = new MLPRegressor().setLayers(new int[] {2, 2})
        .setLabelCol("target").setLearningRate(0.05).setBatchSize(64).setMaxEpochs(20)
        .setSeed(1).fit(df);
    assertEquals(2, model.numOutputs());
    Row first = model.transform(df).select("target", "prediction").first();
    Vector want = first.getAs(0);
    Vector got = first.getAs(1);
    assertEquals(want.apply(0), got.apply(0), 0.05);
    assertEquals(want.apply(1), got.apply(1), 0.05);
    assertEquals(DataTypes.DoubleType, new MLPRegressor().setLayers(new int[] {2, 1})
        .transformSchema(df.drop("target").withColumn("label",
            org.apache.spark.sql.functions.lit(1.0)).schema()).apply("prediction").dataType());
  }

  @Test
  void earlyStoppingEndsTrainingOnTheValidationLoss() {
    Dataset<Row> train = MlTestData.smoothFunction(256, 6);
    MLPRegressionModel model = new MLPRegressor().setLayers(new int[] {2, 8, 1})
        .setLearningRate(0.05).setBatchSize(256).setMaxEpochs(300).setValidationFraction(0.25)
        .setEarlyStoppingPatience(2).setSeed(6).fit(train);
    MLPTrainingSummary s = model.summary();
    assertTrue(s.totalEpochs() < 300, () -> "trained all " + s.totalEpochs() + " epochs");
    assertEquals(s.totalEpochs(), s.validationLossHistory().length);
    assertTrue(s.stopReason().startsWith("early stopping"), s.stopReason());
  }
}
