package io.sparkmlp.spark;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.train.Evaluator;
import io.sparkmlp.train.StepPlan;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * {@link PartialSums}' per-block task for evaluation: a partition's summed loss and metrics
 * (weighted when the block has weights) and its rows' total weight, no gradient.
 */
final class EvalTask implements Function2<GradientSum, Block, GradientSum> {
  private static final long serialVersionUID = 1L;
  /** Rows per forward pass: large enough for efficient GEMMs, small enough to stay in cache. */
  static final int CHUNK_ROWS = 512;

  private final Broadcast<Shipped<TrainingSpec>> spec;
  private final Carried<RawFloats> params;

  EvalTask(Broadcast<Shipped<TrainingSpec>> spec, Carried<RawFloats> params) {
    this.spec = spec;
    this.params = params;
  }

  @Override
  public GradientSum call(GradientSum acc, Block block) {
    StepPlan plan = spec.value().get().plan();
    if (block.rows() == 0) {
      return acc.addSums(new double[1 + plan.metrics().size()], 0);
    }
    Evaluator eval = new Evaluator(plan.network(), plan.metrics(),
        Math.min(CHUNK_ROWS, block.rows()));
    double[] sums = eval.sums(new Matrix(block.x(), block.rows(), block.xCols()),
        new Matrix(block.y(), block.rows(), block.yCols()), block.w(), params.value().values());
    return acc.addSums(sums, block.rows(), block.weightSum());
  }
}
