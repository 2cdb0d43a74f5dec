package io.sparkmlp.optim;

import io.sparkmlp.util.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limited-memory BFGS, MLlib's solver: a full-batch quasi-Newton method (strong Wolfe line
 * search, the last {@code m} steps and gradient changes as the inverse Hessian's
 * approximation), run by breeze's {@code breeze.optimize.LBFGS} as {@code org.apache.spark.ml.ann}
 * runs it. These are its settings; the engine's full-batch strategy takes one iteration per
 * epoch through a solver of the Spark layer, every function evaluation (line-search ones
 * included) one loss-and-gradient pass over all training rows.
 *
 * <p>It is not an {@link Optimizer}: batch size, shuffling and learning rate do not apply.
 * One epoch of {@code fit} is one iteration, so a run ends after min(epochs, {@code max_iter})
 * iterations, or earlier when breeze's convergence check at {@code tol} holds (function values
 * over the last 20 iterations, or the gradient's norm, relative to the loss), or when the line
 * search fails twice in a row.
 *
 * <p>Build: {@code Lbfgs.builder().m(10).maxIter(100).tol(1e-6).build()}. Config keys (MLlib's
 * names and defaults): {@code m}, {@code max_iter}, {@code tol}. Its state between iterations
 * (the point's gradient, the memory, breeze's convergence history) is kept in the
 * {@link OptimizerState}, so checkpoints resume exactly.
 *
 * @param m the number of (step, gradient change) pairs remembered, >= 1
 * @param maxIter the most iterations a run takes (each one epoch of fit), >= 1
 * @param tol the convergence tolerance, relative to the loss, finite and >= 0
 */
public record Lbfgs(int m, int maxIter, double tol) implements Minimizer {
  private static final long serialVersionUID = 1L;

  /** The optimizer's name in configs and model files. */
  public static final String NAME = "lbfgs";
  /** Pairs of (step, gradient change) remembered; MLlib's MultilayerPerceptronClassifier's. */
  public static final int DEFAULT_M = 10;
  /** MLlib's maxIter default. */
  public static final int DEFAULT_MAX_ITER = 100;
  /** MLlib's tol default. */
  public static final double DEFAULT_TOL = 1e-6;

  public Lbfgs {
    Checks.argument(m >= 1, "lbfgs m must be >= 1 (pairs remembered), got %s", m);
    Checks.argument(maxIter >= 1, "lbfgs max_iter must be >= 1, got %s", maxIter);
    Checks.argument(Double.isFinite(tol) && tol >= 0, "lbfgs tol must be a finite number >= 0, "
        + "got %s", tol);
  }

  /** A builder holding MLlib's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** No slots until the first iteration: the solver fills the state as it goes. */
  @Override
  public OptimizerState newState(int numParams) {
    Checks.argument(numParams >= 0, "numParams must be >= 0, got %s", numParams);
    return new OptimizerState(0, numParams);
  }

  @Override
  public Map<String, Object> config() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("m", m);
    c.put("max_iter", maxIter);
    c.put("tol", tol);
    return c;
  }

  @Override
  public String toString() {
    return NAME + config();
  }

  /** The keys of lbfgs's config; counts read as numbers so 10 and 10.0 both work. */
  record Config(Double m, Double maxIter, Double tol) {}

  static Lbfgs read(Map<String, ?> config) {
    Config c = Configs.bind(NAME, config, Config.class);
    Builder b = builder();
    if (c.m() != null) {
      b.m(count("m", c.m()));
    }
    if (c.maxIter() != null) {
      b.maxIter(count("max_iter", c.maxIter()));
    }
    if (c.tol() != null) {
      b.tol(c.tol());
    }
    return b.build();
  }

  /** A whole number that fits an int (the builder checks the range). */
  private static int count(String key, double v) {
    long n = Configs.whole(NAME, key, v);
    Checks.argument(Math.abs(n) <= Integer.MAX_VALUE, "%s %s must be at most %s, got %s", NAME,
        key, Integer.MAX_VALUE, n);
    return (int) n;
  }

  /** Settings for {@link Lbfgs}; starts at MLlib's defaults. Checked by {@link #build}. */
  public static final class Builder {
    private int m = DEFAULT_M;
    private int maxIter = DEFAULT_MAX_ITER;
    private double tol = DEFAULT_TOL;

    private Builder() {}

    /** Pairs of (step, gradient change) remembered, >= 1. */
    public Builder m(int m) {
      this.m = m;
      return this;
    }

    /** The most iterations, >= 1. */
    public Builder maxIter(int maxIter) {
      this.maxIter = maxIter;
      return this;
    }

    /** Convergence tolerance relative to the loss, finite and >= 0. */
    public Builder tol(double tol) {
      this.tol = tol;
      return this;
    }

    public Lbfgs build() {
      return new Lbfgs(m, maxIter, tol);
    }
  }
}
