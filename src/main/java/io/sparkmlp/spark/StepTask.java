package io.sparkmlp.spark;

import io.sparkmlp.train.Shard;
import io.sparkmlp.train.StepSums;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The executor's half of one exact step, as {@link PartialSums}' per-block task: the partition's
 * {@link Shard} sums the gradient of its slice of the global minibatch, added to the task's
 * sum with the time that took (what tells an exact run that jobs dominate it).
 */
final class StepTask implements Function2<GradientSum, Block, GradientSum> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<Shipped<TrainingSpec>> spec;
  private final Carried<RawFloats> params;
  private final int epoch;
  private final int step;

  StepTask(Broadcast<Shipped<TrainingSpec>> spec, Carried<RawFloats> params, int epoch,
           int step) {
    this.spec = spec;
    this.params = params;
    this.epoch = epoch;
    this.step = step;
  }

  @Override
  public GradientSum call(GradientSum acc, Block block) {
    Shard shard = PartitionCache.get(spec.value().get(), block);
    synchronized (shard) {
      float[] grad = shard.gradientBuffer();
      float[] w = params.value().values();
      long t0 = System.nanoTime();
      StepSums sum = shard.gradient(w, grad, epoch, step);
      long nanos = System.nanoTime() - t0;
      return (sum.rows() == 0 ? acc.addSums(sum.sums(), 0)
          : acc.add(grad, sum.sums(), sum.rows(), sum.weight())).addComputeNanos(nanos);
    }
  }
}
