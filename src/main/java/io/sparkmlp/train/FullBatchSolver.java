package io.sparkmlp.train;

import io.sparkmlp.optim.Lbfgs;
import io.sparkmlp.optim.OptimizerState;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Runs the iterations of full-batch L-BFGS ({@link Lbfgs}) over the model's float parameters,
 * every function evaluation one full-batch pass ({@link FullBatchLbfgs}). Declared by the
 * engine, implemented where breeze is, in the Spark layer ({@code io.sparkmlp.spark.BreezeLbfgs},
 * MLlib's solver), and found with {@link ServiceLoader}: the engine imports neither Spark nor
 * Scala, and local training ({@code Sequential.fit}) finds the same solver as Spark's.
 */
public interface FullBatchSolver {
  /**
   * A run from params (updated in place after each iteration) and the optimizer's state: a
   * fresh state (no iterations yet) evaluates f at params once; a state saved by
   * {@link Run#state()} continues where that run stopped, bit for bit, without evaluating.
   */
  Run start(Lbfgs settings, float[] params, OptimizerState saved, Objective f);

  /** The solver on the classpath; fails where there is none (breeze missing). */
  static FullBatchSolver load() {
    try {
      Iterator<FullBatchSolver> solvers = ServiceLoader.load(FullBatchSolver.class,
          FullBatchSolver.class.getClassLoader()).iterator();
      if (solvers.hasNext()) {
        return solvers.next();
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      throw new IllegalStateException("lbfgs cannot load its solver: " + e, e);
    }
    throw new IllegalStateException("lbfgs needs a full-batch solver on the classpath "
        + "(sparkmlp's Spark layer with breeze, as spark-mllib brings it)");
  }

  /** f at float params: returns the loss and sets grad to its gradient (same layout). */
  interface Objective {
    double evaluate(float[] params, float[] grad);
  }

  /** One run, an iteration at a time; its state goes into checkpoints. */
  interface Run {
    /** Why the run has ended (the solver's convergence reason), or null while it goes on. */
    String converged();

    /** One iteration: the new point into params; returns {@link #converged()}. */
    String iterate();

    /** The optimizer state to save: iteration count, memory and convergence history. */
    OptimizerState state();

    /** The run's iterations so far. */
    int iteration();
  }
}
