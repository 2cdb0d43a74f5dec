package io.sparkmlp.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.Tuple3;

/**
 * The summary's metrics against hand-counted values on a fixed set of predictions, against
 * MLlib's MulticlassMetrics and BinaryClassificationMetrics (the independent reference for the
 * definitions the summary promises) on weighted, tied rows, and evaluate / the training summary
 * against MLlib's evaluators on a fitted model.
 */
class MLPClassificationSummaryTest {
  private static final double EPS = 1e-12;

  /**
   * Ten rows, three classes. (label, prediction) pairs, counted by hand:
   * label 0: predicted 0, 0, 0, 1      (4 rows)
   * label 1: predicted 1, 1, 2         (3 rows)
   * label 2: predicted 2, 2, 0         (3 rows)
   * weights: 1 everywhere except the last row (label 2, predicted 0), which weighs 3.
   */
  private static final double[][] ROWS = {
      {0, 0, 1}, {0, 0, 1}, {0, 0, 1}, {0, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 2, 1},
      {2, 2, 1}, {2, 2, 1}, {2, 0, 3}};

  private static MLPClassificationSummary fixed(String weightCol) {
    List<Row> rows = new ArrayList<>();
    for (double[] r : ROWS) {
      double[] p = new double[3];
      p[(int) r[1]] = 1.0;
      rows.add(RowFactory.create(r[0], r[1], r[2], Vectors.dense(p)));
    }
    StructType schema = new StructType().add("label", DataTypes.DoubleType)
        .add("prediction", DataTypes.DoubleType).add("w", DataTypes.DoubleType)
        .add("probability", SQLDataTypes.VectorType());
    Dataset<Row> df = MlTestData.spark().createDataFrame(rows, schema);
    return new MLPClassificationSummary(df, "prediction", "probability", "label", weightCol, 3);
  }

  @Test
  void unweightedMetricsMatchTheHandCount() {
    MLPClassificationSummary s = fixed("");
    assertArrayEquals(new double[] {0, 1, 2}, s.labels());
    Matrix cm = s.confusionMatrix();   // rows: true label, columns: prediction
    double[][] expected = {{3, 1, 0}, {0, 2, 1}, {1, 0, 2}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(expected[i][j], cm.apply(i, j), "confusion " + i + "," + j);
      }
    }
    assertEquals(7.0 / 10, s.accuracy(), EPS);
    // precision = tp / predicted: 3/4, 2/3, 2/3; recall = tp / actual: 3/4, 2/3, 2/3
    double[] precision = {3.0 / 4, 2.0 / 3, 2.0 / 3};
    double[] recall = {3.0 / 4, 2.0 / 3, 2.0 / 3};
    assertArrayEquals(precision, s.precisionByLabel(), EPS);
    assertArrayEquals(recall, s.recallByLabel(), EPS);
    assertArrayEquals(recall, s.truePositiveRateByLabel(), EPS);
    // fpr = fp / negatives: label 0: 1/6, label 1: 1/7, label 2: 1/7
    assertArrayEquals(new double[] {1.0 / 6, 1.0 / 7, 1.0 / 7}, s.falsePositiveRateByLabel(),
        EPS);
    double[] f1 = new double[3];
    for (int k = 0; k < 3; k++) {
      f1[k] = 2 * precision[k] * recall[k] / (precision[k] + recall[k]);
    }
    assertArrayEquals(f1, s.fMeasureByLabel(), EPS);
    double b2 = 0.25;   // beta 0.5
    assertEquals((1 + b2) * precision[0] * recall[0] / (b2 * precision[0] + recall[0]),
        s.fMeasureByLabel(0.5)[0], EPS);
    // Weighted by each label's share of the rows: 0.4, 0.3, 0.3.
    double[] share = {0.4, 0.3, 0.3};
    assertEquals(dot(share, precision), s.weightedPrecision(), EPS);
    assertEquals(dot(share, recall), s.weightedRecall(), EPS);
    assertEquals(dot(share, recall), s.weightedTruePositiveRate(), EPS);
    assertEquals(dot(share, new double[] {1.0 / 6, 1.0 / 7, 1.0 / 7}),
        s.weightedFalsePositiveRate(), EPS);
    assertEquals(dot(share, f1), s.weightedFMeasure(), EPS);
    assertThrows(IllegalStateException.class, s::areaUnderROC);
  }

  @Test
  void weightsCountRowsThatManyTimes() {
    MLPClassificationSummary s = fixed("w");
    assertEquals(7.0 / 12, s.accuracy(), EPS);
    assertEquals(3.0, s.confusionMatrix().apply(2, 0));
    // label 2 now weighs 5 of 12: its recall is 2/5
    assertEquals(2.0 / 5, s.recallByLabel()[2], EPS);
  }

  @Test
  void areaUnderRocIsTheShareOfCorrectlyOrderedPairs() {
    // Scores P(class 1) with labels; pairs (positive, negative) ranked right, by hand:
    // positives 0.9, 0.6, 0.3; negatives 0.8, 0.2, 0.1 -> 0.9 beats 3, 0.6 beats 2,
    // 0.3 beats 2: 7 of 9.
    double[][] rows = {{1, 0.9}, {1, 0.6}, {1, 0.3}, {0, 0.8}, {0, 0.2}, {0, 0.1}};
    List<Row> data = new ArrayList<>();
    for (double[] r : rows) {
      data.add(RowFactory.create(r[0], r[1] > 0.5 ? 1.0 : 0.0,
          Vectors.dense(1 - r[1], r[1])));
    }
    StructType schema = new StructType().add("label", DataTypes.DoubleType)
        .add("prediction", DataTypes.DoubleType).add("probability", SQLDataTypes.VectorType());
    MLPClassificationSummary s = new MLPClassificationSummary(
        MlTestData.spark().createDataFrame(data, schema), "prediction", "probability", "label",
        "", 2);
    assertEquals(7.0 / 9, s.areaUnderROC(), EPS);
    // PR points by descending score: (0, 1), (1/3, 1), (1/3, 1/2), (2/3, 2/3), (1, 3/4),
    // (1, 3/5), (1, 1/2): trapezoids 1/3 + 0 + 7/36 + 17/72 = 55/72.
    assertEquals(55.0 / 72, s.areaUnderPR(), EPS);
  }

  /**
   * Weighted, tied rows in several partitions against MLlib's MulticlassMetrics: a 4-class
   * model whose class 3 is predicted but never a label (absent from labels and the matrix),
   * weights 0 to 3.
   */
  @Test
  void multiclassMetricsEqualMllibsWithWeights() {
    SplittableRandom rng = new SplittableRandom(21);
    List<Row> rows = new ArrayList<>();
    List<Tuple3<Object, Object, Object>> ref = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double label = rng.nextInt(3);
      double prediction = rng.nextDouble() < 0.6 ? label : rng.nextInt(4);
      double w = rng.nextInt(7) * 0.5;
      double[] p = new double[4];
      p[(int) prediction] = 1;
      rows.add(RowFactory.create(label, prediction, w, Vectors.dense(p)));
      ref.add(new Tuple3<>(prediction, label, w));
    }
    StructType schema = new StructType().add("label", DataTypes.DoubleType)
        .add("prediction", DataTypes.DoubleType).add("w", DataTypes.DoubleType)
        .add("probability", SQLDataTypes.VectorType());
    MLPClassificationSummary s = new MLPClassificationSummary(
        MlTestData.spark().createDataFrame(rows, schema).repartition(3), "prediction",
        "probability", "label", "w", 4);
    MulticlassMetrics m = new MulticlassMetrics(
        JavaSparkContext.fromSparkContext(MlTestData.spark().sparkContext())
            .parallelize(ref, 3).rdd());
    assertArrayEquals(m.labels(), s.labels());
    assertArrayEquals(new double[] {0, 1, 2}, s.labels());
    assertArrayEquals(m.confusionMatrix().toArray(), s.confusionMatrix().toArray(), EPS);
    assertEquals(m.accuracy(), s.accuracy(), EPS);
    double[] labels = m.labels();
    for (int i = 0; i < labels.length; i++) {
      assertEquals(m.precision(labels[i]), s.precisionByLabel()[i], EPS, "precision " + i);
      assertEquals(m.recall(labels[i]), s.recallByLabel()[i], EPS, "recall " + i);
      assertEquals(m.truePositiveRate(labels[i]), s.truePositiveRateByLabel()[i], EPS);
      assertEquals(m.falsePositiveRate(labels[i]), s.falsePositiveRateByLabel()[i], EPS);
      assertEquals(m.fMeasure(labels[i]), s.fMeasureByLabel()[i], EPS, "f1 " + i);
      assertEquals(m.fMeasure(labels[i], 0.5), s.fMeasureByLabel(0.5)[i], EPS, "f0.5 " + i);
    }
    assertEquals(m.weightedPrecision(), s.weightedPrecision(), EPS);
    assertEquals(m.weightedRecall(), s.weightedRecall(), EPS);
    assertEquals(m.weightedTruePositiveRate(), s.weightedTruePositiveRate(), EPS);
    assertEquals(m.weightedFalsePositiveRate(), s.weightedFalsePositiveRate(), EPS);
    assertEquals(m.weightedFMeasure(), s.weightedFMeasure(), EPS);
    assertEquals(m.weightedFMeasure(2.0), s.weightedFMeasure(2.0), EPS);
  }

  /**
   * Weighted scores with many ties (and rows weighing 0) in several partitions against MLlib's
   * BinaryClassificationMetrics without binning: both areas.
   */
  @Test
  void binaryAreasEqualMllibsWithWeightsAndTies() {
    SplittableRandom rng = new SplittableRandom(22);
    List<Row> rows = new ArrayList<>();
    List<Tuple3<Object, Object, Object>> ref = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      double score = rng.nextInt(25) / 24.0;   // 25 distinct scores: ties everywhere
      double label = rng.nextDouble() < 0.2 + 0.6 * score ? 1 : 0;
      double w = rng.nextInt(5) * 0.75;
      rows.add(RowFactory.create(label, score > 0.5 ? 1.0 : 0.0, w,
          Vectors.dense(1 - score, score)));
      ref.add(new Tuple3<>(score, label, w));
    }
    StructType schema = new StructType().add("label", DataTypes.DoubleType)
        .add("prediction", DataTypes.DoubleType).add("w", DataTypes.DoubleType)
        .add("probability", SQLDataTypes.VectorType());
    MLPClassificationSummary s = new MLPClassificationSummary(
        MlTestData.spark().createDataFrame(rows, schema).repartition(4), "prediction",
        "probability", "label", "w", 2);
    BinaryClassificationMetrics m = new BinaryClassificationMetrics(
        JavaSparkContext.fromSparkContext(MlTestData.spark().sparkContext())
            .parallelize(ref, 3).rdd(), 0);
    assertEquals(m.areaUnderROC(), s.areaUnderROC(), EPS);
    assertEquals(m.areaUnderPR(), s.areaUnderPR(), EPS);
  }

  @Test
  void evaluateAndTheTrainingSummaryAgreeWithMllibsEvaluators() {
    Dataset<Row> df = new VectorAssembler().setInputCols(new String[] {"x1", "x2"})
        .setOutputCol("features").transform(MlTestData.rings(200, 5));
    MLPClassificationModel model = new MLPClassifier().setLayers(new int[] {2, 8, 2})
        .setLearningRate(0.05).setBatchSize(50).setMaxEpochs(3).setSeed(4).fit(df);
    Dataset<Row> predicted = model.transform(df);
    MLPClassificationSummary s = model.evaluate(df);
    for (String metric : List.of("accuracy", "weightedPrecision", "weightedRecall", "f1",
        "weightedFalsePositiveRate")) {
      double expected = new MulticlassClassificationEvaluator().setMetricName(metric)
          .evaluate(predicted);
      double actual = switch (metric) {
        case "accuracy" -> s.accuracy();
        case "weightedPrecision" -> s.weightedPrecision();
        case "weightedRecall" -> s.weightedRecall();
        case "f1" -> s.weightedFMeasure();
        default -> s.weightedFalsePositiveRate();
      };
      assertEquals(expected, actual, EPS, metric);
    }
    assertEquals(new BinaryClassificationEvaluator().setRawPredictionCol("probability")
        .setNumBins(0).evaluate(predicted), s.areaUnderROC(), EPS);
    MLPClassificationTrainingSummary t = model.summary();
    assertEquals(s.accuracy(), t.accuracy(), EPS);
    assertEquals(3, t.totalIterations());
    assertEquals(3, t.objectiveHistory().length);
    // Without prediction and probability columns, evaluate still has them to count.
    MLPClassificationModel bare = model.copy(new org.apache.spark.ml.param.ParamMap())
        .setPredictionCol("").setProbabilityCol("");
    assertEquals(s.accuracy(), bare.evaluate(df).accuracy(), EPS);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
