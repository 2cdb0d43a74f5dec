package io.sparkmlp.spark;

import io.sparkmlp.model.Shard;
import io.sparkmlp.model.StepWorker;
import java.util.Arrays;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * A step's job without its compute, for measuring Spark's fixed cost per synchronisation: it
 * reads the broadcast weights and sends back a zero gradient of the network's size from every
 * partition, as {@link StepTask} would, without touching a row.
 */
final class ProbeTask implements Function2<GradientSum, Block, GradientSum> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<Shipped<TrainingSpec>> spec;
  private final Broadcast<RawFloats> params;

  ProbeTask(Broadcast<Shipped<TrainingSpec>> spec, Broadcast<RawFloats> params) {
    this.spec = spec;
    this.params = params;
  }

  @Override
  public GradientSum call(GradientSum acc, Block block) {
    TrainingSpec s = spec.value().get();
    Shard shard = PartitionCache.get(s, block);
    synchronized (shard) {
      float[] grad = shard.gradientBuffer();
      Arrays.fill(grad, 0f);
      params.value().values();
      return acc.add(grad, new double[StepWorker.sumsLength(s.plan().metrics())], 0, 0);
    }
  }
}
