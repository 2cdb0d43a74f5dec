package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.optim.Lbfgs;
import io.sparkmlp.spark.source.MatrixSource;
import io.sparkmlp.testing.SoftmaxRegression;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Full-batch L-BFGS on Spark: one job per function evaluation over all of each partition's
 * rows. The same iterations as in-process (bit for bit on one partition, where the sums are
 * the same; within 1e-5 on 2, 3 and 7, whose float gradient sums round differently), the same
 * weights for the same seed, and on a convex problem the optimum of an independent solver:
 * MLlib's multinomial LogisticRegression without regularisation.
 */
class LbfgsSparkTest {
  private static final SoftmaxRegression DATA = SoftmaxRegression.generate(700, 6, 3, 23);
  private static final Matrix X = new Matrix(DATA.x, DATA.rows, DATA.features);
  private static final Matrix Y = new Matrix(DATA.labelColumn(), DATA.rows, 1);

  private static Sequential model(int maxIter, double tol) {
    return new Sequential().seed(9)
        .add(new Dense(DATA.classes, "softmax").inputDim(DATA.features))
        .compile("sparse_categorical_crossentropy",
            Lbfgs.builder().maxIter(maxIter).tol(tol).build(), "accuracy");
  }

  private static History onSpark(Sequential m, int partitions, int epochs) {
    DistributedOptions options = DistributedOptions.builder()
        .fit(FitOptions.builder().epochs(epochs).verbose(0).build()).build();
    return SparkTraining.fit(m, SparkTestSession.jsc(),
        MatrixSource.blocks(SparkTestSession.jsc(), X, Y, partitions), null, options);
  }

  @Test
  void partitionsAgreeWithLocalAfterAFixedNumberOfIterations() {
    int iterations = 12;
    Sequential local = model(100, 0);
    local.fit(X, Y, FitOptions.builder().epochs(iterations).verbose(0).build());
    for (int p : new int[] {1, 2, 3, 7}) {
      Sequential m = model(100, 0);
      History h = onSpark(m, p, iterations);
      assertEquals(iterations, h.size(), "P = " + p);
      if (p == 1) {
        assertArrayEquals(local.params(), m.params(), "one partition: the same sums");
      }
      for (int i = 0; i < m.params().length; i++) {
        assertEquals(local.params()[i], m.params()[i], 1e-5, "P = " + p + ", param " + i);
      }
    }
  }

  @Test
  void sameSeedSameWeightsOnThreePartitions() {
    Sequential a = model(100, 0);
    Sequential b = model(100, 0);
    onSpark(a, 3, 15);
    onSpark(b, 3, 15);
    assertArrayEquals(a.params(), b.params());
  }

  /**
   * Both solvers stop near the unique optimum of the (strictly convex in the probabilities)
   * mean cross-entropy: ours at ‖∇‖ below 1e-4 (float parameters; the double gradient is
   * computed independently), MLlib's in double at tol 1e-12. Near an optimum the loss is
   * off by O(‖∇‖²) and the probabilities by O(‖∇‖), hence 1e-7 on the loss and 1e-3 on every
   * probability, which a wrong solution (e.g. a few iterations fewer) misses by far.
   *
   * <p>Runs in the Java-serializer pass of the build only: MLlib's LogisticRegression
   * aggregates classes of its own that a Kryo session requiring registration refuses, and
   * registering MLlib's internals is not sparkmlp's job.
   */
  @Test
  void matchesMllibsLogisticRegression() {
    assumeTrue("java".equals(System.getProperty("sparkmlp.test.serializer")),
        "needs the Java serializer (MLlib's classes are not registered with Kryo)");
    Sequential m = model(500, 1e-9);
    History h = onSpark(m, 3, 500);
    assertTrue(h.stopReason().startsWith("lbfgs"), h.stopReason());
    double[] grad = new double[m.params().length];
    double ours = DATA.lossAndGradient(m.params(), null, 0, grad);
    assertTrue(DATA.gradientNorm(m.params(), null, 0) < 1e-4);

    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < DATA.rows; i++) {
      double[] f = new double[DATA.features];
      for (int j = 0; j < f.length; j++) {
        f[j] = DATA.x[i * DATA.features + j];
      }
      rows.add(RowFactory.create(Vectors.dense(f), (double) DATA.label[i]));
    }
    Dataset<Row> df = SparkTestSession.get().createDataFrame(rows, new StructType()
        .add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType));
    LogisticRegressionModel lr = new LogisticRegression().setFamily("multinomial")
        .setRegParam(0).setStandardization(false).setFitIntercept(true).setMaxIter(1000)
        .setTol(1e-12).fit(df);
    double theirs = 0;
    double worst = 0;
    for (int i = 0; i < DATA.rows; i++) {
      DenseVector p = (DenseVector) lr.predictProbability(rows.get(i).getAs(0));
      double[] q = DATA.probabilities(m.params(), i);
      theirs -= Math.log(p.apply(DATA.label[i]));
      for (int c = 0; c < DATA.classes; c++) {
        worst = Math.max(worst, Math.abs(p.apply(c) - q[c]));
      }
    }
    theirs /= DATA.rows;
    assertEquals(theirs, ours, 1e-7, "mean cross-entropy at the optimum");
    assertTrue(worst < 1e-3, "largest probability difference " + worst);
  }
}
