package io.sparkmlp.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer reaches the known optimum w = c of the quadratic f(w) = ½ Σ a_i (w_i − c_i)²,
 * whose gradient is a_i (w_i − c_i). The curvatures differ by 16x so that a badly scaled step
 * would show.
 */
class ConvergenceTest {
  private static final double[] A = {1.0, 4.0, 0.25};
  private static final double[] C = {1.0, -2.0, 0.5};

  private static final double TOLERANCE = 1e-5;

  static Stream<Arguments> optimizers() {
    // Adaptive methods take steps of about lr whatever |g| is, so they need a decaying rate to
    // settle; the schedules are part of what is tested here.
    return Stream.of(
        Arguments.of(new Sgd(0.2), 1000),
        Arguments.of(new Sgd(new Sgd.Settings(new ConstantSchedule(0.05), null, 0.9, null)), 1000),
        Arguments.of(new Sgd(new Sgd.Settings(new ConstantSchedule(0.05), null, 0.9, true)), 1000),
        Arguments.of(new Adam(new Adam.Settings(new ExponentialDecay(0.05, 200, 0.5), null, null,
            null, null)), 3000),
        Arguments.of(new Adam(new Adam.Settings(new StepDecay(0.05, 300, 0.5), 0.1, null, null,
            null)), 3000),
        Arguments.of(new RmsProp(new RmsProp.Settings(new ExponentialDecay(0.05, 200, 0.5), null,
            null, null, null, null)), 3000),
        Arguments.of(new RmsProp(new RmsProp.Settings(new CosineDecay(0.02, 2000), null, null,
            0.5, null, true)), 2000),
        Arguments.of(new Adagrad(0.5), 2000));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void reachesTheOptimumOfAQuadratic(Optimizer optimizer, int steps) {
    float[] w = minimise(optimizer, steps);
    for (int i = 0; i < w.length; i++) {
      double error = Math.abs(w[i] - C[i]);
      assertTrue(error < TOLERANCE, optimizer + ": |w" + i + " - c" + i + "| = " + error);
    }
  }

  @Test
  void adamWSettlesJustInsideTheOptimum() {
    // Decoupled decay pulls every weight towards 0 until it balances the Adam step, so the
    // fixed point lies between 0 and c, about 1e-3 away with Keras's weight_decay = 0.004.
    AdamW adamw = new AdamW(new AdamW.Settings(new ExponentialDecay(0.05, 200, 0.5), null,
        null, null, null, null));
    float[] w = minimise(adamw, 3000);
    for (int i = 0; i < w.length; i++) {
      double error = Math.abs(w[i] - C[i]);
      assertTrue(error < 3e-3, "|w" + i + " - c" + i + "| = " + error);
      assertTrue(Math.abs(w[i]) < Math.abs(C[i]), "w" + i + " = " + w[i] + " is pulled to 0");
    }
  }

  private static float[] minimise(Optimizer optimizer, int steps) {
    float[] w = new float[A.length];
    float[] g = new float[A.length];
    OptimizerState state = optimizer.newState(w.length);
    for (int t = 0; t < steps; t++) {
      for (int i = 0; i < w.length; i++) {
        g[i] = (float) (A[i] * (w[i] - C[i]));
      }
      optimizer.step(w, g, state);
    }
    return w;
  }
}
