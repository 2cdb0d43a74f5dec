package io.sparkmlp.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;


import io.sparkmlp.optim.Adam;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The estimate of the whole minibatch's squared gradient from one holder's slice, against the
 * closed form E[ḡ_B²] = μ² + σ²/B for rows whose gradients are μ plus independent N(0, σ²)
 * noise: each draw on its own, and Adam's second moment after many steps of them.
 */
class SecondMomentTest {
  /** One holder's slice of m rows out of a minibatch of B: its g and the halves' difference. */
  private static final class Slice {
    final float[] g = new float[1];
    final float[] diff = new float[1];
    final float[] sq = new float[1];
    final int wa;
    final int wb;
    final double share;

    Slice(int m, int batch) {
      wa = m / 2;
      wb = m - wa;
      share = (double) m / batch;
    }

    void draw(SplittableRandom random, double mu) {
      double ga = mu + gaussian(random) / Math.sqrt(wa);
      double gb = mu + gaussian(random) / Math.sqrt(wb);
      g[0] = (float) ((wa * ga + wb * gb) / (wa + wb));
      diff[0] = (float) (ga - gb);
      SecondMoment.estimate(g, diff, wa, wb, share, sq);
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** Mean estimate and mean naive g² over many draws (σ = 1). */
  private static double[] means(double mu, int m, int batch) {
    SplittableRandom random = new SplittableRandom(7);
    Slice s = new Slice(m, batch);
    int trials = 200_000;
    double estimate = 0;
    double naive = 0;
    for (int t = 0; t < trials; t++) {
      s.draw(random, mu);
      estimate += s.sq[0];
      naive += s.g[0] * s.g[0];
    }
    return new double[] {estimate / trials, naive / trials};
  }

  @Test
  void unbiasedWhereSignalOrNoiseDominates() {
    // 16 rows of 32 (two holders): target μ² + 1/32, naive μ² + 1/16.
    double[] signal = means(2, 16, 32);
    assertEquals(4 + 1.0 / 32, signal[0], 0.004);
    assertEquals(4 + 1.0 / 16, signal[1], 0.004);
    // 15 rows of 120 (eight holders, uneven halves): target 1/120, naive 1/15.
    double[] noise = means(0, 15, 120);
    assertEquals(1.0 / 120, noise[0], 0.0008);
    assertEquals(1.0 / 15, noise[1], 0.0008);
  }

  @Test
  void oneHolderGetsTheSquareItself() {
    float[] g = {0.5f, -2f, 0f};
    float[] diff = {3f, -1f, 7f};
    float[] sq = new float[3];
    SecondMoment.estimate(g, diff, 5, 6, 1.0, sq);
    assertArrayEquals(new float[] {0.25f, 4f, 0f}, sq);
  }

  /**
   * Adam's v after 20,000 steps of pure noise (μ = 0) from holders of a quarter of the batch:
   * the exact step's σ²/B with the estimate, within 10%, where g² alone gives 4 times that.
   */
  @Test
  void adamSecondMomentMatchesTheWholeMinibatchs() {
    for (boolean estimated : new boolean[] {true, false}) {
      Optimizer adam = new Adam(1e-30);
      OptimizerState state = adam.newState(1);
      SplittableRandom random = new SplittableRandom(11);
      Slice s = new Slice(16, 64);
      float[] w = new float[1];
      for (int t = 0; t < 20_000; t++) {
        s.draw(random, 0);
        adam.step(w, s.g.clone(), estimated ? s.sq : null, (float) s.share, state);
      }
      double v = state.slot(1)[0];
      double target = 1.0 / 64;
      if (estimated) {
        assertEquals(target, v, 0.1 * target, "v with the estimate");
      } else {
        assertEquals(4 * target, v, 0.4 * target, "v from the holder's g² alone");
      }
    }
  }
}
