package io.sparkmlp.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SgdTest {
  private static final double TOL = 1e-6;

  @Test
  void defaultsAreKeras() {
    Sgd sgd = new Sgd(new Sgd.Settings(null, null, null, null));
    assertEquals(0.01, sgd.learningRate(1));
    assertEquals(0.0, sgd.settings().momentum());
    assertEquals(false, sgd.settings().nesterov());
    assertEquals(0, sgd.newState(5).numSlots(), "no velocity without momentum, as Keras");
  }

  @Test
  void plainStepsAreWMinusLrG() {
    Sgd sgd = new Sgd(0.1);
    float[] w = {1.0f, -2.0f, 0.5f};
    OptimizerState state = sgd.newState(3);
    sgd.step(w, new float[] {0.5f, -1.0f, 2.0f}, state);
    assertArrayEquals(new float[] {
        (float) (1.0 - 0.1 * 0.5), (float) (-2.0 - 0.1 * -1.0), (float) (0.5 - 0.1 * 2.0)}, w,
        (float) TOL);
    sgd.step(w, new float[] {0.5f, -1.0f, 2.0f}, state);
    assertArrayEquals(new float[] {0.9f, -1.8f, 0.1f}, w, (float) TOL);
    assertEquals(2, state.step());
  }

  @Test
  void momentumFirstTwoSteps() {
    Sgd sgd = new Sgd(new Sgd.Settings(new ConstantSchedule(0.1), null, 0.9, null));
    float[] w = {1.0f, -2.0f};
    OptimizerState state = sgd.newState(2);
    sgd.step(w, new float[] {1.0f, -0.5f}, state);
    // v1 = -0.1·g1 = (-0.1, 0.05);  w1 = w0 + v1
    double v10 = -0.1 * 1.0;
    double v11 = -0.1 * -0.5;
    assertEquals(1.0 + v10, w[0], TOL);
    assertEquals(-2.0 + v11, w[1], TOL);
    sgd.step(w, new float[] {0.5f, 0.25f}, state);
    // v2 = 0.9·v1 − 0.1·g2 = (-0.14, 0.02);  w2 = w1 + v2 = (0.76, -1.93)
    double v20 = 0.9 * v10 - 0.1 * 0.5;
    double v21 = 0.9 * v11 - 0.1 * 0.25;
    assertEquals(1.0 + v10 + v20, w[0], TOL);
    assertEquals(-2.0 + v11 + v21, w[1], TOL);
    assertEquals(v20, state.slot(0)[0], TOL);
    assertEquals(v21, state.slot(0)[1], TOL);
  }

  @Test
  void nesterovFirstTwoStepsAndDiffersFromPlain() {
    Sgd nesterov = new Sgd(new Sgd.Settings(new ConstantSchedule(0.1), null, 0.9, true));
    Sgd plain = new Sgd(new Sgd.Settings(new ConstantSchedule(0.1), null, 0.9, null));
    float[] w = {1.0f, -2.0f};
    float[] wPlain = w.clone();
    OptimizerState state = nesterov.newState(2);
    OptimizerState statePlain = plain.newState(2);
    float[][] grads = {{1.0f, -0.5f}, {0.5f, 0.25f}};

    nesterov.step(w, grads[0].clone(), state);
    plain.step(wPlain, grads[0].clone(), statePlain);
    // v1 = -0.1·g1;  w1 = w0 + 0.9·v1 − 0.1·g1 = (0.81, -1.905)
    double v10 = -0.1 * 1.0;
    double v11 = -0.1 * -0.5;
    double w10 = 1.0 + 0.9 * v10 - 0.1 * 1.0;
    double w11 = -2.0 + 0.9 * v11 - 0.1 * -0.5;
    assertEquals(w10, w[0], TOL);
    assertEquals(w11, w[1], TOL);
    // Nesterov looks ahead: after one step it has moved 1.9x as far as plain momentum.
    assertEquals(0.9, wPlain[0], TOL);

    nesterov.step(w, grads[1].clone(), state);
    plain.step(wPlain, grads[1].clone(), statePlain);
    // v2 = 0.9·v1 − 0.1·g2;  w2 = w1 + 0.9·v2 − 0.1·g2 = (0.634, -1.912)
    double v20 = 0.9 * v10 - 0.1 * 0.5;
    double v21 = 0.9 * v11 - 0.1 * 0.25;
    assertEquals(w10 + 0.9 * v20 - 0.1 * 0.5, w[0], TOL);
    assertEquals(w11 + 0.9 * v21 - 0.1 * 0.25, w[1], TOL);
    assertEquals(0.76, wPlain[0], TOL);
    assertNotEquals(wPlain[0], w[0]);
    // Both keep the same velocity; only the parameter update differs.
    assertArrayEquals(statePlain.slot(0), state.slot(0));
  }

  @Test
  void nesterovWithoutMomentumIsPlainSgd() {
    Sgd a = new Sgd(new Sgd.Settings(new ConstantSchedule(0.1), null, null, true));
    Sgd b = new Sgd(0.1);
    float[] wa = {1f, 2f};
    float[] wb = {1f, 2f};
    a.step(wa, new float[] {0.3f, -0.7f}, a.newState(2));
    b.step(wb, new float[] {0.3f, -0.7f}, b.newState(2));
    assertArrayEquals(wb, wa);
  }
}
