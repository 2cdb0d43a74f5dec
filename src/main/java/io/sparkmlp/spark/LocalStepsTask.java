package io.sparkmlp.spark;

import io.sparkmlp.train.Shard;
import io.sparkmlp.train.StepSums;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * {@link PartialSums}' per-block task when partitions take several steps between
 * synchronisations: the partition's {@link Shard} takes k local steps from the weights and
 * optimizer state the job carries ({@link LocalStart}, {@link Carried}) and returns its weighted
 * change (see {@link Shard#localSteps}), added to the task's sum with the time the steps took
 * (what {@code sync_every: auto} chooses by).
 */
final class LocalStepsTask implements Function2<GradientSum, Block, GradientSum> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<Shipped<TrainingSpec>> spec;
  private final Carried<LocalStart> start;
  private final int epoch;
  private final int firstStep;
  private final int k;

  LocalStepsTask(Broadcast<Shipped<TrainingSpec>> spec, Carried<LocalStart> start, int epoch,
                 int firstStep, int k) {
    this.spec = spec;
    this.start = start;
    this.epoch = epoch;
    this.firstStep = firstStep;
    this.k = k;
  }

  @Override
  public GradientSum call(GradientSum acc, Block block) {
    Shard shard = PartitionCache.get(spec.value().get(), block);
    synchronized (shard) {
      LocalStart from = start.value();
      long t0 = System.nanoTime();
      Shard.LocalUpdate u = shard.localSteps(from.params(), from.optimizer(), epoch, firstStep, k);
      long nanos = System.nanoTime() - t0;
      StepSums sum = u.sums();
      return (u.change() == null ? acc.addSums(sum.sums(), 0)
          : acc.add(u.change(), sum.sums(), sum.rows(), sum.weight())).addComputeNanos(nanos);
    }
  }
}
