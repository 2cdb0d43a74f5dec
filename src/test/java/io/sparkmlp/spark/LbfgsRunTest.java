package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.optim.Lbfgs;
import io.sparkmlp.optim.OptimizerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Breeze's L-BFGS driven an iteration at a time on float parameters: a separable quadratic
 * with a known minimum, a state saved and restored mid-run that continues bit for bit, and
 * the packing of the run's doubles into float slots.
 */
class LbfgsRunTest {
  private static final int N = 7;

  /** f(x) = Σ a_i (x_i − c_i)² / 2 with a_i from 1 to 13: minimum 0 at c. */
  private static double quadratic(float[] x, float[] grad) {
    double f = 0;
    for (int i = 0; i < N; i++) {
      double a = 1 + 2 * i;
      double d = x[i] - (i - 3) * 0.5;
      f += a * d * d / 2;
      grad[i] = (float) (a * d);
    }
    return f;
  }

  @Test
  void findsTheMinimumOfAQuadratic() {
    float[] x = new float[N];
    LbfgsRun run = new LbfgsRun(Lbfgs.builder().tol(1e-12).maxIter(100).build(), x,
        null, LbfgsRunTest::quadratic);
    String reason = null;
    int iterations = 0;
    while (reason == null) {
      reason = run.iterate();
      iterations++;
    }
    for (int i = 0; i < N; i++) {
      assertEquals((i - 3) * 0.5, x[i], 1e-5, "x" + i);
    }
    assertTrue(iterations < 40, iterations + " iterations, stopped: " + reason);
    assertEquals(0, run.value(), 1e-9);
  }

  @Test
  void aRestoredStateContinuesExactly() {
    Lbfgs lbfgs = Lbfgs.builder().m(3).tol(0).maxIter(30).build();
    float[] whole = new float[N];
    LbfgsRun a = new LbfgsRun(lbfgs, whole, null, LbfgsRunTest::quadratic);
    float[] part = new float[N];
    LbfgsRun b = new LbfgsRun(lbfgs, part, null, LbfgsRunTest::quadratic);
    for (int k = 0; k < 5; k++) {
      a.iterate();
      b.iterate();
    }
    OptimizerState saved = b.state();
    float[] resumedX = part.clone();
    LbfgsRun resumed = new LbfgsRun(lbfgs, resumedX, saved, (p, g) -> {
      throw new AssertionError("a restored run needs no evaluation at its point");
    });
    assertNull(resumed.converged());
    LbfgsRun resumedRun = new LbfgsRun(lbfgs, resumedX, saved, LbfgsRunTest::quadratic);
    for (int k = 0; k < 4 && a.converged() == null; k++) {
      a.iterate();
      resumedRun.iterate();
    }
    assertArrayEquals(whole, resumedX);
    assertEquals(a.iteration(), resumedRun.iteration());
    assertEquals(a.value(), resumedRun.value());
  }

  @Test
  void doublesPackIntoFloatSlotsExactly() {
    double[] values = {0, -0.0, 1e-300, -Math.PI, Double.POSITIVE_INFINITY, Double.NaN,
        Double.MIN_VALUE, Double.MAX_VALUE, 123456789.123456789};
    for (int n : new int[] {1, 3, 5, 100}) {
      List<float[]> slots = LbfgsState.pack(values, n);
      assertEquals(LbfgsState.slotsFor(values.length, n), slots.size());
      OptimizerState s = new OptimizerState(0, slots.toArray(new float[0][]));
      for (int i = 0; i < values.length; i++) {
        long bits = 0;
        for (int k = 0; k < 4; k++) {
          int at = 4 * i + k;
          float chunk = s.slot(at / n)[at % n];
          assertTrue(chunk >= 0 && chunk < 65536 && chunk == Math.rint(chunk));
          bits |= ((long) chunk) << (16 * k);
        }
        assertEquals(Double.doubleToRawLongBits(values[i]), bits, "value " + i + ", n " + n);
      }
    }
  }
}
