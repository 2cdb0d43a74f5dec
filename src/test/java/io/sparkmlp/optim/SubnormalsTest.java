package io.sparkmlp.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubnormalsTest {
  @Test
  void zeroesSubnormalsOnly() {
    float below = Math.nextDown(Float.MIN_NORMAL);
    float[] a = {Float.MIN_VALUE, -Float.MIN_VALUE, below, -below, 3 * Float.MIN_VALUE,
        Float.MIN_NORMAL, -Float.MIN_NORMAL, 0f, 1f, -2.5e-30f, Float.NaN,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    Subnormals.flush(a, 0, a.length);
    assertArrayEquals(new float[] {0, 0, 0, 0, 0, Float.MIN_NORMAL, -Float.MIN_NORMAL, 0, 1,
        -2.5e-30f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}, a);
  }

  @Test
  void everyValueOfEverySlotOnceInSixteenSteps() {
    for (int n : new int[] {0, 5, 16, 37, 1000}) {
      OptimizerState state = new OptimizerState(2, n);
      int[][] seen = new int[2][n];
      for (long t = 1; t <= Subnormals.SLICES; t++) {
        for (int s = 0; s < 2; s++) {
          java.util.Arrays.fill(state.slot(s), Float.MIN_VALUE);
        }
        Subnormals.flushSlice(state, t);
        for (int s = 0; s < 2; s++) {
          for (int i = 0; i < n; i++) {
            seen[s][i] += state.slot(s)[i] == 0f ? 1 : 0;
          }
        }
      }
      for (int s = 0; s < 2; s++) {
        for (int i = 0; i < n; i++) {
          assertEquals(1, seen[s][i], "n " + n + " slot " + s + " value " + i);
        }
      }
    }
  }

  /**
   * A parameter whose gradient becomes zero: without the zeroing its m sticks at a subnormal
   * (shown by a replica of the update that does not zero), with it m ends at exactly 0, and
   * the weights come out bit for bit as the replica's.
   */
  @Test
  void adamMomentOfAZeroGradientEndsAtZeroWithoutMovingAWeight() {
    Adam adam = new Adam(0.01);
    float[] w = {0.5f, -0.25f};
    float[] replica = w.clone();
    float[] m = new float[2];
    float[] v = new float[2];
    OptimizerState state = adam.newState(2);
    for (int t = 1; t <= 3000; t++) {
      float[] g = {t == 1 ? 1e-3f : 0f, 0.2f * (t % 3 - 1)};
      adamWithoutZeroing(replica, g.clone(), m, v, t);
      adam.step(w, g, state);
    }
    assertTrue(m[0] != 0f && Math.abs(m[0]) < Float.MIN_NORMAL,
        "the replica's m should be stuck at a subnormal, got " + m[0]);
    assertEquals(0f, state.slot(0)[0]);
    assertArrayEquals(replica, w);
    assertEquals(m[1], state.slot(0)[1]);
    assertEquals(v[1], state.slot(1)[1]);
  }

  /** Adam.apply's float operations, without sq, decay or the zeroing. */
  private static void adamWithoutZeroing(float[] w, float[] g, float[] m, float[] v, long t) {
    double alpha = 0.01 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
    float a = (float) alpha;
    float c1 = (float) (1 - 0.9);
    float c2 = (float) (1 - 0.999);
    float eps = (float) 1e-7;
    for (int i = 0; i < w.length; i++) {
      float gi = g[i];
      float vi = v[i] + (gi * gi - v[i]) * c2;
      v[i] = vi;
      float mi = m[i] + (gi - m[i]) * c1;
      m[i] = mi;
      float wi = w[i] - 0f * w[i];
      w[i] = wi - a * mi / ((float) Math.sqrt(vi) + eps);
    }
  }
}
