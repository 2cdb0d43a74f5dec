package io.sparkmlp.spark;

import io.sparkmlp.optim.Lbfgs;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.train.FullBatchSolver;

/**
 * The engine's full-batch solver: breeze's L-BFGS, MLlib's ({@link LbfgsRun}). Listed in
 * {@code META-INF/services/io.sparkmlp.train.FullBatchSolver}, so that the engine finds it,
 * in-process as on Spark, without importing this layer.
 */
public final class BreezeLbfgs implements FullBatchSolver {
  @Override
  public Run start(Lbfgs settings, float[] params, OptimizerState saved, Objective f) {
    return new LbfgsRun(settings, params, saved, f);
  }
}
