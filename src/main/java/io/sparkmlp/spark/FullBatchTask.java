package io.sparkmlp.spark;

import io.sparkmlp.train.FullBatchSums;
import io.sparkmlp.train.Shard;
import io.sparkmlp.train.StepSums;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The executor's half of one full-batch pass (an L-BFGS function evaluation), as
 * treeAggregate's seqOp: the partition's {@link Shard} sums the gradient over all its rows at
 * the weights the job carries ({@link Carried}); the loss goes as {@link FullBatchSums#split}
 * parts, so that its total does not depend on the order Spark merges the results in.
 */
final class FullBatchTask implements Function2<GradientSum, Block, GradientSum> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<Shipped<TrainingSpec>> spec;
  private final Carried<RawFloats> params;

  FullBatchTask(Broadcast<Shipped<TrainingSpec>> spec, Carried<RawFloats> params) {
    this.spec = spec;
    this.params = params;
  }

  @Override
  public GradientSum call(GradientSum acc, Block block) {
    Shard shard = PartitionCache.get(spec.value().get(), block);
    synchronized (shard) {
      float[] grad = shard.gradientBuffer();
      StepSums sum = shard.fullBatch(params.value().values(), grad);
      double[] sums = FullBatchSums.split(sum.sums());
      return sum.rows() == 0 ? acc.addSums(sums, 0)
          : acc.add(grad, sums, sum.rows(), sum.weight());
    }
  }
}
