package io.sparkmlp.spark;

import io.sparkmlp.nn.Rows;
import io.sparkmlp.train.Shard;
import io.sparkmlp.train.ShardJob;
import io.sparkmlp.train.StepSums;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * {@link PartialSums}' per-block task for every kind of job: the block's {@link Shard} runs
 * the {@link ShardJob} at the weights (and optimizer state) the job carries ({@link LocalStart},
 * {@link Carried}), and its part is added to the task's sum with the time it took (what tells
 * an exact run that jobs dominate it, and what {@code sync_every: auto} chooses by). Training
 * blocks keep their shards between jobs ({@link PartitionCache}); other blocks (validation,
 * evaluation) get a fresh one, which allocates nothing until a job needs buffers.
 */
final class ShardTask implements Function2<GradientSum, Block, GradientSum> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<Shipped<TrainingSpec>> spec;
  private final ShardJob job;
  private final Carried<LocalStart> start;
  private final boolean cached;

  /** job on every block at start; cached: the blocks are the run's training blocks. */
  ShardTask(Broadcast<Shipped<TrainingSpec>> spec, ShardJob job, Carried<LocalStart> start,
            boolean cached) {
    this.spec = spec;
    this.job = job;
    this.start = start;
    this.cached = cached;
  }

  @Override
  public GradientSum call(GradientSum acc, Block block) {
    TrainingSpec s = spec.value().get();
    Shard shard = cached ? PartitionCache.get(s, block) : new Shard(s.plan(),
        Rows.of(block.x(), block.y(), block.w(), block.rows()), block.partition());
    synchronized (shard) {
      LocalStart from = start.value();
      long t0 = System.nanoTime();
      ShardJob.Part part = job.run(shard, from.params(), from.optimizer(), null);
      long nanos = System.nanoTime() - t0;
      StepSums sum = part.sums();
      return (part.vector() == null ? acc.addSums(sum.sums(), sum.rows(), sum.weight())
          : acc.add(part.vector(), sum.sums(), sum.rows(), sum.weight())).addComputeNanos(nanos);
    }
  }
}
