package io.sparkmlp.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdagradTest {
  private static final double TOL = 1e-6;

  @Test
  void defaultsAreKerasAndAccumulatorStartsAtInitialValue() {
    Adagrad adagrad = new Adagrad(new Adagrad.Settings(null, null, null, null));
    assertEquals(0.001, adagrad.learningRate(1));
    assertEquals(0.1, adagrad.settings().initialAccumulatorValue());
    assertEquals(1e-7, adagrad.settings().epsilon());
    OptimizerState state = adagrad.newState(3);
    for (float a : state.slot(0)) {
      assertEquals(0.1f, a);
    }
  }

  @Test
  void firstTwoSteps() {
    Adagrad adagrad = new Adagrad(0.1);
    double[] w0 = {1.0, -2.0};
    double[] g1 = {0.5, -1.0};
    double[] g2 = {1.0, 0.5};
    float[] w = AdamTest.toFloat(w0);
    OptimizerState state = adagrad.newState(2);
    adagrad.step(w, AdamTest.toFloat(g1), state);
    adagrad.step(w, AdamTest.toFloat(g2), state);
    for (int i = 0; i < 2; i++) {
      double acc1 = 0.1 + g1[i] * g1[i];
      double w1 = w0[i] - 0.1 * g1[i] / Math.sqrt(acc1 + 1e-7);
      double acc2 = acc1 + g2[i] * g2[i];
      double w2 = w1 - 0.1 * g2[i] / Math.sqrt(acc2 + 1e-7);
      assertEquals(w2, w[i], TOL);
      assertEquals(acc2, state.slot(0)[i], TOL);
    }
    // w[0] by hand: 1 − 0.05/sqrt(0.35) − 0.1/sqrt(1.35) = 0.829465...
    assertEquals(1 - 0.05 / Math.sqrt(0.35) - 0.1 / Math.sqrt(1.35), w[0], 1e-5);
  }
}
