package io.sparkmlp.ml;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.optim.Lbfgs;
import java.nio.file.Path;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MLlib's solver names on the stages: setSolver("l-bfgs"), setMaxIter, setTol,
 * setInitialWeights.
 */
class MLPLbfgsTest {
  @TempDir
  Path tmp;

  private static Dataset<Row> data() {
    return new VectorAssembler().setInputCols(new String[] {"x1", "x2"})
        .setOutputCol("features").transform(MlTestData.rings(200, 9));
  }

  private static MLPClassifier classifier() {
    return new MLPClassifier().setLayers(new int[] {2, 8, 2}).setSolver("l-bfgs")
        .setMaxIter(15).setSeed(2);
  }

  @Test
  void lbfgsSolverRunsMaxIterIterations() {
    MLPClassifier c = classifier().setTol(0);
    MLPClassificationModel m = c.fit(data());
    Lbfgs lbfgs = (Lbfgs) m.network().optimizer();
    assertEquals(15, lbfgs.maxIter());
    assertEquals(0.0, lbfgs.tol());
    double[] losses = m.summary().objectiveHistory();
    assertTrue(losses.length <= 15 && losses.length > 1, "iterations: " + losses.length);
    assertTrue(losses[losses.length - 1] < losses[0], "the loss went down");
    assertEquals(Lbfgs.DEFAULT_MAX_ITER, new MLPClassifier().getMaxIter());
    assertEquals(Lbfgs.DEFAULT_TOL, new MLPClassifier().getTol());
    assertEquals("l-bfgs", new MLPClassifier().setOptimizer("lbfgs").getSolver());
    assertEquals("lbfgs", classifier().getOptimizer());
  }

  @Test
  void initialWeightsAreWhereTrainingStarts() {
    MLPClassificationModel seeded = classifier().setMaxIter(3).fit(data());
    float[] start = classifier().buildNetwork().params();
    double[] w = new double[start.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = start[i];
    }
    MLPClassificationModel given = classifier().setSeed(99).setMaxIter(3)
        .setInitialWeights(Vectors.dense(w)).fit(data());
    assertArrayEquals(seeded.network().params(), given.network().params());
    assertFails(() -> classifier().setInitialWeights(Vectors.dense(1, 2, 3)).fit(data()),
        "initialWeights has 3 values", "[2, 8, 2]", "need " + start.length);
  }

  @Test
  void solverAndInitialWeightsArePersisted() throws Exception {
    MLPClassifier c = classifier().setTol(1e-4).setInitialWeights(Vectors.dense(0.5, -1));
    String path = tmp.resolve("est").toString();
    c.write().overwrite().save(path);
    MLPClassifier back = MLPClassifier.load(path);
    assertEquals("l-bfgs", back.getSolver());
    assertEquals(15, back.getMaxIter());
    assertEquals(1e-4, back.getTol());
    assertEquals(Vectors.dense(0.5, -1), back.getInitialWeights());
  }
}
