package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sparkmlp.spark.source.MatrixSource;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.ConfusionMatrix.Measure;
import io.sparkmlp.nn.ConfusionMatrix;
import io.sparkmlp.nn.RocAuc;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The distributed confusion matrix and ROC AUC against MLlib's MulticlassMetrics and
 * BinaryClassificationMetrics (no binning; under the Java serializer) fed with the local
 * model's predictions, and against the local pair count.
 */
class ClassifierMetricsTest {
  private static final int ROWS = 301;

  /** Features with few distinct values, so that many rows share a score (ties). */
  private static Matrix features(Random rnd) {
    float[] x = new float[ROWS * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextInt(3) - 1;
    }
    return new Matrix(x, ROWS, 3);
  }

  @Test
  void multiclassMatchesMllib() {
    Random rnd = new Random(11);
    Matrix x = features(rnd);
    float[] y = new float[ROWS];
    for (int r = 0; r < ROWS; r++) {
      y[r] = rnd.nextInt(3);
    }
    Sequential m = new Sequential().seed(4)
        .add(new Dense(3, "softmax").inputDim(3))
        .compile("sparse_categorical_crossentropy", "adam", "accuracy");
    JavaSparkContext jsc = SparkTestSession.jsc();
    ClassifierMetrics.Result got = ClassifierMetrics.compute(jsc, m,
        MatrixSource.blocks(jsc, x, new Matrix(y, ROWS, 1), 3));
    assertNull(got.rocAuc(), "three classes have no ROC AUC");

    int[] predicted = m.predictClasses(x);
    List<Tuple2<Object, Object>> pairs = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      pairs.add(new Tuple2<>((double) predicted[r], (double) y[r]));
    }
    MulticlassMetrics ref = new MulticlassMetrics(jsc.parallelize(pairs, 2).rdd());
    ConfusionMatrix cm = got.confusion();
    double[] refMatrix = ref.confusionMatrix().toArray();  // column-major, labels sorted
    int k = ref.labels().length;
    assertEquals(3, k, "every class should occur for this comparison");
    for (int a = 0; a < k; a++) {
      for (int p = 0; p < k; p++) {
        assertEquals(refMatrix[p * k + a], cm.count(a, p), "count true " + a + " predicted " + p);
      }
      assertEquals(ref.precision(a), cm.precision(a), 1e-12);
      assertEquals(ref.recall(a), cm.recall(a), 1e-12);
      assertEquals(ref.fMeasure(a), cm.f1(a), 1e-12);
    }
    assertEquals(ref.accuracy(), cm.accuracy(), 1e-12);
    assertEquals(ref.weightedPrecision(), cm.weighted(Measure.PRECISION), 1e-12);
    assertEquals(ref.weightedRecall(), cm.weighted(Measure.RECALL), 1e-12);
    assertEquals(ref.weightedFMeasure(), cm.weighted(Measure.F1), 1e-12);
  }

  @Test
  void sigmoidAucMatchesMllibAndThePairCount() {
    Random rnd = new Random(12);
    Matrix x = features(rnd);
    float[] y = new float[ROWS];
    for (int r = 0; r < ROWS; r++) {
      y[r] = x.get(r, 0) + 0.5f * rnd.nextFloat() > 0.2f ? 1 : 0;
    }
    Sequential m = new Sequential().seed(5)
        .add(new Dense(1, "sigmoid").inputDim(3))
        .compile("binary_crossentropy", "adam", "accuracy");
    checkBinary(m, x, new Matrix(y, ROWS, 1), y, 0);
  }

  @Test
  void twoClassSoftmaxAucUsesTheSecondOutput() {
    Random rnd = new Random(13);
    Matrix x = features(rnd);
    float[] labels = new float[ROWS];
    float[] oneHot = new float[ROWS * 2];
    for (int r = 0; r < ROWS; r++) {
      labels[r] = x.get(r, 1) - x.get(r, 2) + rnd.nextFloat() > 0.4f ? 1 : 0;
      oneHot[r * 2 + (int) labels[r]] = 1;
    }
    Sequential m = new Sequential().seed(6)
        .add(new Dense(2, "softmax").inputDim(3))
        .compile("categorical_crossentropy", "adam", "accuracy");
    checkBinary(m, x, new Matrix(oneHot, ROWS, 2), labels, 1);
  }

  private static void checkBinary(Sequential m, Matrix x, Matrix y, float[] labels, int output) {
    JavaSparkContext jsc = SparkTestSession.jsc();
    ClassifierMetrics.Result got = ClassifierMetrics.compute(jsc, m,
        MatrixSource.blocks(jsc, x, y, 4));
    Matrix p = m.predict(x);
    float[] scores = new float[ROWS];
    boolean[] positive = new boolean[ROWS];
    List<Tuple2<Object, Object>> pairs = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      scores[r] = p.get(r, output);
      positive[r] = labels[r] == 1;
      pairs.add(new Tuple2<>((double) scores[r], (double) labels[r]));
    }
    // MLlib's binary metrics ship a class Spark leaves unregistered with Kryo: the reference
    // runs in the pom's Java-serializer pass; the pair count runs in both.
    if (System.getProperty(SparkTestSession.SERIALIZER, "kryo").equals("java")) {
      BinaryClassificationMetrics ref = new BinaryClassificationMetrics(
          jsc.parallelize(pairs, 2).rdd(), 0);
      assertEquals(ref.areaUnderROC(), got.rocAuc(), 1e-12);
    }
    assertEquals(RocAuc.of(scores, positive), got.rocAuc(), 1e-12);
    int[] predicted = m.predictClasses(x);
    double[][] expected = new double[2][2];
    for (int r = 0; r < ROWS; r++) {
      expected[(int) labels[r]][predicted[r]]++;
    }
    assertArrayEquals(expected[0], got.confusion().toArray()[0]);
    assertArrayEquals(expected[1], got.confusion().toArray()[1]);
  }
}
