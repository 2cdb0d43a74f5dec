package io.sparkmlp.bench;

import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.optim.Optimizers;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One optimizer step on the 235,146 parameters of the 784-256-128-10 network, in µs (median of
 * rounds), per optimizer and case:
 * <ul>
 *   <li>{@code exact}: {@code step(w, g, state)}, as exact steps and local training take it;</li>
 *   <li>{@code local}: {@code step(w, g, sq, floor, state)} with an estimate of the squared
 *       gradient, as every local step ({@code sync_every} &gt; 1 or auto) takes it;</li>
 *   <li>{@code half-zero}: exact steps where half of the gradient has been exactly zero since
 *       the first step (a blank pixel's weights, a dead unit's): their moments decay from that
 *       step's value into the subnormal range ({@code optim.Subnormals}).</li>
 * </ul>
 * Usage: {@code OptimizerStepBench [optimizers=adam,rmsprop,adagrad,sgd] [steps=2000]}.
 */
public final class OptimizerStepBench {
  private static final int PARAMS = 235_146;
  private static final int ROUNDS = 5;
  private static final int POOL = 8;

  private OptimizerStepBench() {}

  public static void main(String[] args) {
    String[] names = (args.length > 0 ? args[0] : "adam,rmsprop,adagrad,sgd").split(",");
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    System.out.printf(Locale.ROOT, "%,d parameters, %d steps per round, median of %d rounds "
        + "after one round of warm-up, µs per step%n", PARAMS, steps, ROUNDS);
    System.out.println("| optimizer | exact | local (squared-gradient estimate) | half-zero |");
    System.out.println("|---|---:|---:|---:|");
    for (String name : names) {
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", name,
          time(name, Case.EXACT, steps), time(name, Case.LOCAL, steps),
          time(name, Case.HALF_ZERO, steps));
    }
  }

  private enum Case { EXACT, LOCAL, HALF_ZERO }

  /** Median µs per step over ROUNDS rounds of {@code steps} steps, in a fresh state. */
  private static double time(String name, Case c, int steps) {
    Optimizer opt = (Optimizer) Optimizers.byName(name);
    SplittableRandom rng = new SplittableRandom(7);
    float[] w = new float[PARAMS];
    for (int i = 0; i < PARAMS; i++) {
      w[i] = (float) (rng.nextGaussian() * 0.05);
    }
    // A few gradients drawn once and taken in turn (drawing 235k normals per step would cost
    // far more than the step); the last one, with no zero, is the very first step's.
    float[][] gs = new float[POOL + 1][PARAMS];
    float[][] sqs = new float[POOL + 1][PARAMS];
    for (int j = 0; j <= POOL; j++) {
      for (int i = 0; i < PARAMS; i++) {
        boolean zero = c == Case.HALF_ZERO && (i & 1) == 0 && j < POOL;
        float gi = zero ? 0f : (float) (rng.nextGaussian() * 1e-3);
        gs[j][i] = gi;
        // An unbiased estimate of g² scatters around it, now and then below zero.
        sqs[j][i] = gi * gi * (float) (rng.nextDouble() * 2.4 - 0.2);
      }
    }
    float[] gradient = new float[PARAMS];
    OptimizerState state = opt.newState(PARAMS);
    double[] micros = new double[ROUNDS];
    for (int round = -1; round < ROUNDS; round++) {
      long nanos = 0;
      for (int s = 0; s < steps; s++) {
        // A copy: step() may scale the gradient (clipnorm).
        int j = round < 0 && s == 0 ? POOL : s % POOL;
        System.arraycopy(gs[j], 0, gradient, 0, PARAMS);
        long t0 = System.nanoTime();
        if (c == Case.LOCAL) {
          opt.step(w, gradient, sqs[j], 0.5f, state);
        } else {
          opt.step(w, gradient, state);
        }
        nanos += System.nanoTime() - t0;
      }
      if (round >= 0) {
        micros[round] = nanos / 1e3 / steps;
      }
    }
    Arrays.sort(micros);
    return micros[ROUNDS / 2];
  }
}
