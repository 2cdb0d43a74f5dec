package io.sparkmlp.model;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.optim.Lbfgs;
import io.sparkmlp.optim.Optimizers;
import io.sparkmlp.testing.SoftmaxRegression;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full-batch L-BFGS in-process, on a convex problem whose optimum is checked independently:
 * softmax regression, whose mean cross-entropy gradient is computed in double by
 * {@link SoftmaxRegression}. At a minimum that gradient is zero; L-BFGS on float parameters
 * can bring it down to about the float gradient's rounding (1e-6 here).
 */
class LbfgsTrainingTest {
  private static final SoftmaxRegression DATA = SoftmaxRegression.generate(500, 5, 3, 11);
  private static final Matrix X = new Matrix(DATA.x, DATA.rows, DATA.features);
  private static final Matrix Y = new Matrix(DATA.labelColumn(), DATA.rows, 1);

  @TempDir
  Path tmp;

  static Sequential model(Lbfgs lbfgs, double l2) {
    return new Sequential().seed(3)
        .add(new Dense(DATA.classes, "softmax").inputDim(DATA.features).l2(l2))
        .compile("sparse_categorical_crossentropy", lbfgs, "accuracy");
  }

  private static FitOptions.Builder options(int epochs) {
    return FitOptions.builder().epochs(epochs).verbose(0);
  }

  @Test
  void reachesTheOptimumAndStopsWhenBreezeConverges() {
    Sequential m = model(Lbfgs.builder().maxIter(500).tol(1e-9).build(), 0);
    double before = DATA.gradientNorm(m.params(), null, 0);
    History h = m.fit(X, Y, options(500).build());
    double after = DATA.gradientNorm(m.params(), null, 0);
    assertTrue(before > 0.1, "the start is far from the optimum: " + before);
    assertTrue(after < 1e-5, "gradient norm at the end " + after);
    assertTrue(h.size() < 500, "converged before max_iter: " + h.size());
    assertNotNull(h.stopReason());
    assertTrue(h.stopReason().startsWith("lbfgs: "), h.stopReason());
    double[] g = new double[m.params().length];
    assertEquals(DATA.lossAndGradient(m.params(), null, 0, g), h.last("loss"), 1e-6,
        "the last row's loss is the loss at the final weights");
  }

  @Test
  void oneHistoryRowPerIterationUpToEpochsOrMaxIter() {
    History h = model(Lbfgs.builder().build(), 0).fit(X, Y, options(4).build());
    assertEquals(4, h.size());
    assertFalse(String.valueOf(h.stopReason()).startsWith("lbfgs"), "epochs ended the run");
    for (int e = 1; e < 4; e++) {
      assertTrue(h.get("loss").get(e) <= h.get("loss").get(e - 1), "monotone: " + h.get("loss"));
    }
    History capped = model(Lbfgs.builder().maxIter(3).build(), 0).fit(X, Y, options(10).build());
    assertEquals(3, capped.size());
    assertTrue(capped.stopReason().contains("max iterations"), capped.stopReason());
  }

  @Test
  void sameSeedSameWeights() {
    Sequential a = model(Lbfgs.builder().maxIter(20).build(), 0);
    Sequential b = model(Lbfgs.builder().maxIter(20).build(), 0);
    a.fit(X, Y, options(20).build());
    b.fit(X, Y, options(20).build());
    assertArrayEquals(a.params(), b.params());
  }

  @Test
  void l2MovesTheOptimumToWhereTheRegularisedGradientVanishes() {
    double l2 = 0.01;
    Sequential plain = model(Lbfgs.builder().maxIter(300).tol(1e-9).build(), 0);
    Sequential reg = model(Lbfgs.builder().maxIter(300).tol(1e-9).build(), l2);
    plain.fit(X, Y, options(300).build());
    History h = reg.fit(X, Y, options(300).build());
    double norm = DATA.gradientNorm(reg.params(), null, l2);
    assertTrue(norm < 1e-4, norm + " " + h.stopReason());  // float rounding ends it near 2e-5
    assertTrue(DATA.gradientNorm(reg.params(), null, 0) > 1e-3, "not the unregularised optimum");
    assertTrue(kernelNorm(reg.params()) < kernelNorm(plain.params()));
  }

  @Test
  void sampleWeightTwoIsTheRowTwice() {
    float[] w = new float[DATA.rows];
    int extra = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = i % 3 == 0 ? 2f : 1f;
      extra += i % 3 == 0 ? 1 : 0;
    }
    int n = DATA.rows + extra;
    float[] x2 = new float[n * DATA.features];
    float[] y2 = new float[n];
    int r = 0;
    for (int i = 0; i < DATA.rows; i++) {
      for (int k = 0; k < (int) w[i]; k++, r++) {
        System.arraycopy(DATA.x, i * DATA.features, x2, r * DATA.features, DATA.features);
        y2[r] = DATA.label[i];
      }
    }
    Sequential weighted = model(Lbfgs.builder().maxIter(300).tol(1e-9).build(), 0);
    Sequential twice = model(Lbfgs.builder().maxIter(300).tol(1e-9).build(), 0);
    weighted.fit(X, Y, w, options(300).build());
    twice.fit(new Matrix(x2, n, DATA.features), new Matrix(y2, n, 1), options(300).build());
    assertTrue(DATA.gradientNorm(weighted.params(), w, 0) < 1e-4);
    assertTrue(DATA.gradientNorm(weighted.params(), null, 0) > 1e-3, "the weights count");
    for (int i = 0; i < weighted.params().length; i++) {
      assertEquals(twice.params()[i], weighted.params()[i], 1e-4, "param " + i);
    }
  }

  @Test
  void resumedRunEndsWithTheUninterruptedRunsWeights() {
    Lbfgs lbfgs = Lbfgs.builder().m(4).maxIter(40).build();
    Sequential whole = model(lbfgs, 0.001);
    History all = whole.fit(X, Y, options(12).build());

    Path dir = tmp.resolve("ckpt");
    model(lbfgs, 0.001).fit(X, Y, options(7).checkpointDir(dir).build());  // "interrupted"
    Sequential resumed = model(lbfgs, 0.001);
    History rest = resumed.fit(X, Y, options(12).checkpointDir(dir).resume(true).build());
    assertEquals(12, rest.size(), "the history holds the iterations before the checkpoint too");
    assertArrayEquals(whole.params(), resumed.params());
    assertEquals(all.get("loss"), rest.get("loss"));
  }

  @Test
  void validationRunsEveryValidationFreqEpochs() {
    History h = model(Lbfgs.builder().build(), 0).fit(X, Y, options(5).validationSplit(0.2)
        .validationFreq(2).callbacks(new EarlyStopping("val_loss", 10)).build());
    assertEquals(5, h.size());
    for (int e = 0; e < 5; e++) {
      assertEquals(e % 2 == 1, h.epoch(e).containsKey("val_loss"), "epoch " + (e + 1));
    }
    assertFails(() -> FitOptions.builder().validationFreq(0).build(), "validationFreq", ">= 1");
  }

  @Test
  void badSettingsFailWithOneLine() {
    assertFails(() -> Optimizers.fromConfig("lbfgs", Map.of("m", 0)), "lbfgs m must be >= 1");
    assertFails(() -> Optimizers.fromConfig("lbfgs", Map.of("tol", -1e-6)), "lbfgs tol",
        ">= 0", "-1.0E-6");
    assertFails(() -> Optimizers.fromConfig("lbfgs", Map.of("max_iter", 0)), "max_iter", ">= 1");
    assertFails(() -> Optimizers.fromConfig("lbfgs", Map.of("max_iter", 2.5)), "max_iter",
        "integer");
    assertFails(() -> Optimizers.fromConfig("lbfgs", Map.of("learning_rate", 0.1)),
        "'learning_rate'", "m, max_iter, tol");
    Sequential dropout = new Sequential()
        .add(new Dense(4, "relu").inputDim(DATA.features)).add(new Dropout(0.5))
        .add(new Dense(DATA.classes, "softmax"))
        .compile("sparse_categorical_crossentropy", Lbfgs.builder().build());
    assertFails(() -> dropout.fit(X, Y, options(1).build()), "lbfgs", "Dropout(0.5)");
  }

  @Test
  void configRoundTripsThroughTheModelFiles() {
    Lbfgs lbfgs = Lbfgs.builder().m(5).maxIter(77).tol(1e-8).build();
    Lbfgs back = (Lbfgs) Optimizers.fromConfig(lbfgs.name(), lbfgs.config());
    assertEquals(lbfgs.config(), back.config());
    Sequential m = model(lbfgs, 0);
    m.fit(X, Y, options(2).build());
    m.save(tmp.resolve("m"));
    Sequential loaded = Sequential.load(tmp.resolve("m"));
    assertEquals(lbfgs.config(), loaded.optimizer().config());
    assertFalse(loaded.optimizerState().numSlots() == 0, "the run's state is saved");
  }

  private static double kernelNorm(float[] p) {
    double s = 0;
    for (int i = 0; i < DATA.features * DATA.classes; i++) {
      s += (double) p[i] * p[i];
    }
    return Math.sqrt(s);
  }
}
