package io.sparkmlp.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdamTest {
  private static final double TOL = 1e-6;
  private static final double[] W0 = {1.0, -0.5, 2.0};
  private static final double[] G1 = {0.2, -1.0, 3.0};
  private static final double[] G2 = {0.1, 0.5, -1.0};

  @Test
  void defaultsAreKeras() {
    Adam adam = new Adam(new Adam.Settings(null, null, null, null, null));
    assertEquals(0.001, adam.learningRate(1));
    assertEquals(0.9, adam.settings().beta1());
    assertEquals(0.999, adam.settings().beta2());
    assertEquals(1e-7, adam.settings().epsilon());
    assertEquals(2, adam.newState(4).numSlots());
  }

  @Test
  void firstTwoStepsMatchKerasFormula() {
    Adam adam = new Adam(0.01);
    float[] w = toFloat(W0);
    OptimizerState state = adam.newState(3);
    adam.step(w, toFloat(G1), state);
    double alpha1 = 0.01 * Math.sqrt(1 - 0.999) / (1 - 0.9);
    double[] m1 = new double[3];
    double[] v1 = new double[3];
    double[] w1 = new double[3];
    for (int i = 0; i < 3; i++) {
      m1[i] = 0.1 * G1[i];
      v1[i] = 0.001 * G1[i] * G1[i];
      w1[i] = W0[i] - alpha1 * m1[i] / (Math.sqrt(v1[i]) + 1e-7);
      assertEquals(w1[i], w[i], TOL, "w[" + i + "] after step 1");
      // The bias-corrected first step is lr·sign(g), whatever |g| is.
      assertEquals(W0[i] - 0.01 * Math.signum(G1[i]), w[i], 1e-5);
      assertEquals(m1[i], state.slot(0)[i], TOL);
      assertEquals(v1[i], state.slot(1)[i], 1e-9);
    }

    adam.step(w, toFloat(G2), state);
    double alpha2 = 0.01 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
    for (int i = 0; i < 3; i++) {
      double m2 = 0.9 * m1[i] + 0.1 * G2[i];
      double v2 = 0.999 * v1[i] + 0.001 * G2[i] * G2[i];
      assertEquals(w1[i] - alpha2 * m2 / (Math.sqrt(v2) + 1e-7), w[i], TOL,
          "w[" + i + "] after step 2");
    }
  }

  @Test
  void adamWDecaysWeightsBeforeTheAdamStep() {
    AdamW adamw = new AdamW(new AdamW.Settings(new ConstantSchedule(0.01), null, 0.1, null, null,
        null));
    float[] w = toFloat(W0);
    adamw.step(w, toFloat(G1), adamw.newState(3));
    double alpha1 = 0.01 * Math.sqrt(1 - 0.999) / (1 - 0.9);
    for (int i = 0; i < 3; i++) {
      double decayed = W0[i] - 0.01 * 0.1 * W0[i];
      double m1 = 0.1 * G1[i];
      double v1 = 0.001 * G1[i] * G1[i];
      assertEquals(decayed - alpha1 * m1 / (Math.sqrt(v1) + 1e-7), w[i], TOL);
    }
  }

  @Test
  void adamWDefaultsAndZeroDecayIsAdamBitForBit() {
    AdamW defaults = new AdamW(new AdamW.Settings(null, null, null, null, null, null));
    assertEquals(0.004, defaults.weightDecay());
    assertEquals(0.9, defaults.settings().beta1());  // an AdamW is an Adam with Adam's settings
    assertEquals(0.001, defaults.learningRate(1));

    AdamW adamw = new AdamW(new AdamW.Settings(new ConstantSchedule(0.01), null, 0.0, null, null,
        null));
    Adam adam = new Adam(0.01);
    float[] wa = toFloat(W0);
    float[] wb = toFloat(W0);
    OptimizerState sa = adamw.newState(3);
    OptimizerState sb = adam.newState(3);
    for (int step = 0; step < 5; step++) {
      adamw.step(wa, toFloat(step % 2 == 0 ? G1 : G2), sa);
      adam.step(wb, toFloat(step % 2 == 0 ? G1 : G2), sb);
    }
    assertArrayEquals(wb, wa);
  }

  static float[] toFloat(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }
}
