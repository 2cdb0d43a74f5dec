package io.sparkmlp.ml;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.ml.Predictor;
import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.classification.Classifier;
import org.apache.spark.ml.classification.OneVsRest;
import org.apache.spark.ml.classification.OneVsRestModel;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stages are Spark's own classifier and predictor types: generic MLlib code, OneVsRest,
 * thresholds and the per-row methods take them, with MLlib's nullable output columns.
 */
class MLPSparkTypesTest {
  private static Dataset<Row> blobs;
  private static MLPClassificationModel model;

  /** Fits any Spark classifier: compiles only if MLPClassifier is one. */
  private static <M extends ClassificationModel<Vector, M>> M fitAny(
      Classifier<Vector, ?, M> classifier, Dataset<Row> df) {
    return classifier.fit(df);
  }

  @BeforeAll
  static void fit() {
    blobs = MlTestData.blobs(300, 4).cache();
    model = fitAny(new MLPClassifier().setLayers(new int[] {4, 8, 3}).setLearningRate(0.05)
        .setBatchSize(60).setMaxEpochs(4).setSeed(3), blobs);
  }

  @Test
  void copyKeepsTheTypeAndTheParams() {
    ProbabilisticClassifier<Vector, MLPClassifier, MLPClassificationModel> c =
        new MLPClassifier().setLayers(new int[] {4, 3}).setThresholds(new double[] {1, 2, 3});
    MLPClassifier copy = c.copy(ParamMap.empty());
    assertEquals(c.uid(), copy.uid());
    assertArrayEquals(new double[] {1, 2, 3}, copy.getThresholds());
    assertTrue(c.hasParam("thresholds") && c.hasParam("probabilityCol"));
    MLPClassificationModel m = model.copy(ParamMap.empty());
    assertEquals(model.uid(), m.uid());
    assertEquals(3, m.numClasses());
    assertEquals(4, m.numFeatures());
    // Spark's own params belong to the stage (their parent is its uid, not null).
    assertEquals(c.uid(), c.featuresCol().parent());
    assertEquals(model.uid(), model.probabilityCol().parent());
    Predictor<Vector, MLPRegressor, MLPRegressionModel> r = new MLPRegressor().setLoss("mae");
    MLPRegressor rc = r.copy(ParamMap.empty());
    assertEquals("mae", rc.getLoss());
    assertEquals(r.uid(), r.labelCol().parent());
  }

  @Test
  void perRowMethodsAgreeWithTheBatchedTransform() {
    List<Row> rows = model.transform(blobs).select("features", "rawPrediction", "probability",
        "prediction").limit(20).collectAsList();
    for (Row r : rows) {
      Vector f = r.getAs(0);
      assertVectorEquals(r.getAs(1), model.predictRaw(f), 1e-6);
      assertVectorEquals(r.getAs(2), model.predictProbability(f), 1e-6);
      assertVectorEquals(r.getAs(2), model.raw2probability(model.predictRaw(f)), 1e-6);
      assertEquals((double) r.getAs(3), model.predict(f));
    }
  }

  @Test
  void outputColumnsAreNullableAsMllibs() {
    for (String col : List.of("rawPrediction", "probability", "prediction")) {
      StructField f = model.transform(blobs).schema().apply(col);
      assertTrue(f.nullable(), col);
    }
  }

  @Test
  void thresholdsPickTheClassOfTheLargestScaledProbability() {
    double[] t = {1.0, 1.0, 0.05};
    MLPClassificationModel m = model.copy(ParamMap.empty()).setThresholds(t);
    List<Row> rows = m.transform(blobs).select("probability", "prediction").collectAsList();
    int changed = 0;
    for (Row r : rows) {
      Vector p = r.getAs(0);
      int best = 0;
      for (int k = 1; k < 3; k++) {
        best = p.apply(k) / t[k] > p.apply(best) / t[best] ? k : best;
      }
      assertEquals(best, (double) r.getAs(1), 0.0, p::toString);
      changed += best != p.argmax() ? 1 : 0;
    }
    assertTrue(changed > 0, "thresholds changed no prediction: the test cannot fail");
    // Spark's own setter checks the count against numClasses; a ParamMap reaches ours.
    assertFails(() -> model.copy(ParamMap.empty()).setThresholds(new double[] {1, 1}),
        "numClasses=3, but thresholds has length 2");
    assertFails(() -> model.transform(blobs, ParamMap.empty().put(model.thresholds(),
        new double[] {1, 1})), "thresholds has 2 values but the model has 3 classes");
  }

  @Test
  void oneVsRestTakesTheClassifierAsItsBase() {
    MLPClassifier binary = new MLPClassifier().setLayers(new int[] {4, 8, 2})
        .setLearningRate(0.05).setBatchSize(60).setMaxEpochs(4).setSeed(3);
    OneVsRestModel ovr = new OneVsRest().setClassifier(binary).fit(blobs);
    assertEquals(3, ovr.models().length);
    assertTrue(ovr.models()[0] instanceof MLPClassificationModel);
    double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
        .evaluate(ovr.transform(blobs));
    assertTrue(accuracy > 0.9, "OneVsRest accuracy " + accuracy);
  }

  private static void assertVectorEquals(Vector expected, Vector actual, double tol) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.apply(i), actual.apply(i), tol, "element " + i);
    }
  }
}
