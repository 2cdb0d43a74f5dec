package io.sparkmlp.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RmsPropTest {
  private static final double TOL = 1e-6;
  private static final double EPS = 1e-7;
  private static final double[] W0 = {1.0, -2.0};
  private static final double[] G1 = {0.5, -1.0};
  private static final double[] G2 = {-0.25, 2.0};

  @Test
  void defaultsAreKeras() {
    RmsProp rms = new RmsProp(new RmsProp.Settings(null, null, null, null, null, null));
    assertEquals(0.001, rms.learningRate(1));
    assertEquals(0.9, rms.settings().rho());
    assertEquals(0.0, rms.settings().momentum());
    assertEquals(1e-7, rms.settings().epsilon());
    assertEquals(false, rms.settings().centered());
    assertEquals(1, rms.newState(3).numSlots());
  }

  @Test
  void kerasDocstringExample() {
    // keras.optimizers.RMSprop(learning_rate=0.1) on loss = var²/2 from var = 10 gives 9.683772.
    RmsProp rms = new RmsProp(0.1);
    float[] w = {10f};
    rms.step(w, new float[] {10f}, rms.newState(1));
    assertEquals(9.683772, w[0], 1e-5);
  }

  @Test
  void firstTwoStepsPlain() {
    RmsProp rms = new RmsProp(0.01);
    float[] w = AdamTest.toFloat(W0);
    OptimizerState state = rms.newState(2);
    rms.step(w, AdamTest.toFloat(G1), state);
    double[] v1 = new double[2];
    double[] w1 = new double[2];
    for (int i = 0; i < 2; i++) {
      v1[i] = 0.1 * G1[i] * G1[i];
      w1[i] = W0[i] - 0.01 * G1[i] / Math.sqrt(v1[i] + EPS);
      assertEquals(w1[i], w[i], TOL);
    }
    rms.step(w, AdamTest.toFloat(G2), state);
    for (int i = 0; i < 2; i++) {
      double v2 = 0.9 * v1[i] + 0.1 * G2[i] * G2[i];
      assertEquals(w1[i] - 0.01 * G2[i] / Math.sqrt(v2 + EPS), w[i], TOL);
      assertEquals(v2, state.slot(0)[i], TOL);
    }
  }

  @Test
  void firstTwoStepsCenteredWithMomentum() {
    RmsProp rms = new RmsProp(new RmsProp.Settings(new ConstantSchedule(0.01), null, null, 0.5,
        null, true));
    float[] w = AdamTest.toFloat(W0);
    OptimizerState state = rms.newState(2);
    assertEquals(3, state.numSlots(), "velocity, momentum, average gradient");
    rms.step(w, AdamTest.toFloat(G1), state);
    rms.step(w, AdamTest.toFloat(G2), state);
    for (int i = 0; i < 2; i++) {
      double v1 = 0.1 * G1[i] * G1[i];
      double avg1 = 0.1 * G1[i];
      double mom1 = 0.01 * G1[i] / Math.sqrt(v1 - avg1 * avg1 + EPS);
      double w1 = W0[i] - mom1;
      double v2 = 0.9 * v1 + 0.1 * G2[i] * G2[i];
      double avg2 = 0.9 * avg1 + 0.1 * G2[i];
      double mom2 = 0.5 * mom1 + 0.01 * G2[i] / Math.sqrt(v2 - avg2 * avg2 + EPS);
      assertEquals(w1 - mom2, w[i], TOL);
      assertEquals(mom2, state.slot(1)[i], TOL);
      assertEquals(avg2, state.slot(2)[i], TOL);
    }
  }
}
